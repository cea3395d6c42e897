package org.hotline12345.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small table model written as CSV (UTF-8 with BOM, so that Excel reads the Chinese) or XLSX. Aggregates only: no
 * personal data ever goes in. Text that a spreadsheet would run as a formula is defused with a leading quote.
 */
final class Spreadsheet {

	private final List<Table> tables = new ArrayList<>();

	record Table(String name, List<String> header, List<List<Object>> rows) {
	}

	Spreadsheet table(String name, List<String> header, List<List<Object>> rows) {
		this.tables.add(new Table(name, header, rows));
		return this;
	}

	byte[] csv() {
		StringBuilder out = new StringBuilder("\uFEFF");
		for (Table table : this.tables) {
			out.append(csvCell(table.name())).append("\r\n");
			out.append(String.join(",", table.header().stream().map(Spreadsheet::csvCell).toList())).append("\r\n");
			for (List<Object> row : table.rows()) {
				out.append(String.join(",", row.stream().map((value) -> csvCell(String.valueOf(value))).toList()))
					.append("\r\n");
			}
			out.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	byte[] xlsx() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Table table : this.tables) {
				Sheet sheet = workbook.createSheet(safeSheetName(table.name()));
				Row header = sheet.createRow(0);
				for (int i = 0; i < table.header().size(); i++) {
					Cell cell = header.createCell(i);
					cell.setCellValue(table.header().get(i));
					cell.setCellStyle(bold);
				}
				int r = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int i = 0; i < values.size(); i++) {
						Object value = values.get(i);
						Cell cell = row.createCell(i);
						if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else {
							// setCellValue(String) never makes a formula; defuse anyway for a later CSV save.
							cell.setCellValue(defuse(String.valueOf(value)));
						}
					}
				}
				for (int i = 0; i < table.header().size(); i++) {
					sheet.setColumnWidth(i, 16 * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String defuse(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("[-+]?\\d+(\\.\\d+)?%?")) {
			return "'" + text;
		}
		return text;
	}

	private static String csvCell(String text) {
		String value = defuse(text);
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static String safeSheetName(String name) {
		String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
		return (cleaned.length() > 31) ? cleaned.substring(0, 31) : cleaned;
	}

}
