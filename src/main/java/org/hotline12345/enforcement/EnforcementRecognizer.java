package org.hotline12345.enforcement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;

import org.springframework.stereotype.Component;

/**
 * Decides whether a request complains about how an enforcement body acted: by its category (行政执法, codes under
 * {@code XZ}, flagged {@link CategoryView#enforcement()}) or by its words, a way of acting (没出示证件, 暴力执法, 推搡 …)
 * together with an enforcement body (城管, 市场监管, 交警, 环保 …) named in the text or holding the ticket.
 */
@Component
class EnforcementRecognizer {

	/** Ways of acting that make a complaint an enforcement matter. */
	static final List<String> CONDUCT = List.of("没出示证件", "不出示证件", "未出示证件", "没有出示证件", "暴力执法", "野蛮执法",
			"没收不开收据", "不开收据", "没开收据", "不给收据", "推搡", "殴打", "选择性执法", "不作为", "乱罚款", "随意罚款", "态度恶劣",
			"辱骂", "吃拿卡要", "钓鱼执法", "暂扣不还", "执法不公");

	/** Enforcement bodies as citizens name them, with the unit that answers for each. */
	static final Map<String, String> BODIES = Map.ofEntries(Map.entry("城管", "cgj"), Map.entry("综合执法", "cgj"),
			Map.entry("市场监管", "scjgj"), Map.entry("工商", "scjgj"), Map.entry("交警", "jjzd"), Map.entry("交通警察", "jjzd"),
			Map.entry("生态环境", "sthjj"), Map.entry("环保", "sthjj"), Map.entry("环境执法", "sthjj"));

	/** The category families under 行政执法 and the body each is about. */
	private static final Map<String, String> CATEGORY_BODIES = Map.of("XZ.CG", "cgj", "XZ.SJ", "scjgj", "XZ.JJ",
			"jjzd");

	private final DepartmentDirectory directory;

	EnforcementRecognizer(DepartmentDirectory directory) {
		this.directory = directory;
	}

	/** Why a matter is an enforcement complaint, and which unit's conduct it is about (if known). */
	record Recognition(String reason, String enforcingUnitCode) {
	}

	/**
	 * @param categoryCode the ticket's category, may be {@code null}
	 * @param text the citizen's words
	 * @param leadUnitCode the unit holding the ticket, {@code null} before dispatch
	 */
	Optional<Recognition> recognise(String categoryCode, String text, String leadUnitCode) {
		String body = bodyNamedIn(text);
		Optional<CategoryView> category = (categoryCode != null) ? this.directory.category(categoryCode)
				: Optional.empty();
		if (category.isPresent() && category.get().enforcement()) {
			String unit = CATEGORY_BODIES.entrySet()
				.stream()
				.filter((e) -> categoryCode.equals(e.getKey()) || categoryCode.startsWith(e.getKey() + "."))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse((body != null) ? BODIES.get(body) : leadUnitCode);
			return Optional.of(new Recognition("分类：" + category.get().path(), unit));
		}
		String conduct = conductIn(text);
		if (conduct == null) {
			return Optional.empty();
		}
		if (body != null) {
			return Optional.of(new Recognition("关键词：" + conduct + "、" + body, BODIES.get(body)));
		}
		if (leadUnitCode != null && BODIES.containsValue(leadUnitCode)) {
			return Optional.of(new Recognition("关键词：" + conduct + "（承办单位为执法机关）", leadUnitCode));
		}
		return Optional.empty();
	}

	private static String conductIn(String text) {
		return (text == null) ? null : CONDUCT.stream().filter(text::contains).findFirst().orElse(null);
	}

	private static String bodyNamedIn(String text) {
		return (text == null) ? null : BODIES.keySet().stream().filter(text::contains).sorted().findFirst().orElse(null);
	}

}
