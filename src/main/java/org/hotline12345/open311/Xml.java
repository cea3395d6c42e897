package org.hotline12345.open311;

import java.util.List;
import java.util.Map;

/** The spec's XML: a root element around one element per item, each field an element, nulls as empty elements. */
final class Xml {

	private Xml() {
	}

	static String list(String root, String element, List<?> items) {
		StringBuilder xml = new StringBuilder("<").append(root).append(">");
		for (Object item : items) {
			xml.append(element(element, (Map<?, ?>) item));
		}
		return xml.append("</").append(root).append(">").toString();
	}

	static String element(String name, Map<?, ?> fields) {
		StringBuilder xml = new StringBuilder("<").append(name).append(">");
		fields.forEach((key, value) -> {
			xml.append("<").append(key).append(">");
			if (value instanceof List<?> list) {
				list.forEach((v) -> xml.append(escape(String.valueOf(v))));
			}
			else if (value != null) {
				xml.append(escape(String.valueOf(value)));
			}
			xml.append("</").append(key).append(">");
		});
		return xml.append("</").append(name).append(">").toString();
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
