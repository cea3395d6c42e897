package org.hotline12345.triage;

import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.triage.PhraseMatcher.Match;
import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.PhraseRule;
import org.hotline12345.triage.RuleSet.RequestTypeFactor;
import org.hotline12345.triage.RuleSet.Thresholds;
import org.hotline12345.triage.TriageResult.Reason;

/**
 * Grades requests against one compiled {@link RuleSet}. Compile once per rule set (it builds an
 * Aho–Corasick automaton over all phrases), then grade as often as needed; an engine is immutable and
 * thread-safe.
 * <p>
 * How a grade comes about:
 * <ol>
 * <li>every phrase is found in one pass; a phrase inside a longer one of the same family is dropped, so
 * 落水管 (ignore) hides 落水 and 已经修好 hides 已经. Gap phrases (明天…考试) need their parts in order in one
 * clause, co-occurrence phrases (掉下去+河) anywhere in the request; | gives alternatives within a part;</li>
 * <li>the text is cut into clauses at ，。！？；, and each hazard is weighed against the modifiers of
 * its own clause: a negation just before it, the nearest tense word (正在 versus 去年, or a verb + 过),
 * a hypothetical word before it, a resolution; thanks and resolutions elsewhere in the text count too
 * unless the hazard's own clause says it is happening now. The strongest of these wins; the request type
 * then multiplies it (a consultation about yesterday's bite: ×0.5 × 0.5), shown as one reason;</li>
 * <li>each phrase counts once; amplifiers (vulnerable people — also read from ages such as 八十一岁 —, many
 * affected — also head counts such as 二十来个 —, duration, time limits)
 * count only when hazards and sensitive signs reach a gate, so 老人 in a question about a pension does
 * not make it urgent;</li>
 * <li>the score sets the level; CRITICAL needs a life-danger rule among those that counted, or a sudden
 * danger happening now together with a person at risk from it (an amplifier marked "can be critical": someone
 * inside, below, on board); a category default can raise the level.</li>
 * </ol>
 */
public final class TriageEngine {

	/** A verb followed by 过 tells a past experience (咬过, 困过); not 过来 / 过去 / 过程. */
	private static final String EXPERIENTIAL_NOT_FOLLOWED_BY = "来去程度年节";

	private static final int EXPERIENTIAL_PAST_FACTOR = 0;

	/** What may follow a closing 谢谢: particles, punctuation, more thanks. */
	private static final String COURTESY_TAIL = "了啦啊呀哈您你们谢感，,。.！!~～ \n\r";

	private static final String CLAUSE_BREAKS = "，,。！!？?；;\n\r";

	private static final String NUMBER = "([0-9]+|[零一二两三四五六七八九十百千几]+)";

	private static final Pattern HEAD_COUNT = Pattern
		.compile("(?<![第0-9])(?:上|近)?" + NUMBER + "(?:多|余|来)?(名|户|位|家|人|辆|号人|口人|个(?![小时月星期礼拜钟多半]))");

	private static final Pattern DURATION = Pattern
		.compile("(?<![第0-9])" + NUMBER + "(?:多)?(个)?(?:多)?(小时|钟头|天|日|夜|周|星期|礼拜|月)(?![前后以份底初中])");

	/** An age: 八十一岁, 75岁, 三岁半, 七十多岁. */
	private static final Pattern AGE = Pattern.compile("(?<![第0-9])" + NUMBER + "(?:多)?(?:周)?岁");

	/** From this age a person counts as elderly, and so vulnerable. */
	static final int ELDERLY_FROM_AGE = 65;

	/** Up to this age a child counts as small, and so vulnerable. */
	static final int SMALL_CHILD_UP_TO_AGE = 6;

	/** Separates the parts of a gap phrase: 明天…考试 matches 明天就要考试. */
	static final String GAP = "…";

	/**
	 * Separates the parts of a co-occurrence phrase: 掉下去+河 matches when the request says 掉下去 anywhere
	 * and 河 anywhere, in any order and any clause; it counts where its first part stands.
	 */
	static final String AND = "+";

	/** Separates alternatives within one part: 明天|后天…考试|面试 matches 后天面试. */
	static final String OR = "|";

	private final RuleSet rules;

	private final List<PhraseRule> phrases;

	/** The automaton finds atoms: whole phrases, and the parts of gap phrases. */
	private final PhraseMatcher matcher;

	/** Per atom: the rules that are that atom alone. */
	private final int[][] rulesOfAtom;

	/**
	 * Per rule: its parts in order (one, or several for a gap or co-occurrence phrase), each part as its
	 * alternative atoms (明天|后天 is one part with two atoms).
	 */
	private final int[][][] atomsOfRule;

	/** Per atom: the gap rules whose first part it is. */
	private final int[][] gapRulesByFirstAtom;

	/** The co-occurrence rules (掉下去+河). */
	private final int[] andRules;

	/** Per rule: whether it is a co-occurrence rule. */
	private final boolean[] isAndRule;

	private final Map<String, RequestTypeFactor> requestTypes = new HashMap<>();

	/** The statistical signal that may raise a grade by one step, or {@link ExampleSignal#NONE}. */
	private final ExampleSignal signal;

	private TriageEngine(RuleSet rules, ExampleSignal signal) {
		this.rules = rules;
		this.signal = signal;
		this.phrases = rules.phrases();
		Map<String, Integer> atomIds = new LinkedHashMap<>();
		this.atomsOfRule = new int[this.phrases.size()][][];
		List<Integer> ands = new ArrayList<>();
		this.isAndRule = new boolean[this.phrases.size()];
		for (int r = 0; r < this.phrases.size(); r++) {
			String phrase = this.phrases.get(r).phrase().replace('＋', '+');
			boolean and = phrase.contains(AND) && phrase.strip().length() > 1;
			String[] parts = and ? phrase.split(java.util.regex.Pattern.quote(AND)) : phrase.split(GAP);
			List<String> nonEmpty = java.util.Arrays.stream(parts).map(String::strip).filter((p) -> !p.isEmpty()).toList();
			if (nonEmpty.isEmpty()) {
				nonEmpty = List.of(phrase.strip());
			}
			this.atomsOfRule[r] = nonEmpty.stream()
				.map((part) -> java.util.Arrays.stream(part.split(java.util.regex.Pattern.quote(OR)))
					.map(String::strip)
					.filter((alternative) -> !alternative.isEmpty())
					.mapToInt((alternative) -> atomIds.computeIfAbsent(alternative, (k) -> atomIds.size()))
					.toArray())
				.filter((alternatives) -> alternatives.length > 0)
				.toArray(int[][]::new);
			if (this.atomsOfRule[r].length == 0) {
				this.atomsOfRule[r] = new int[][] { { atomIds.computeIfAbsent(phrase.strip(), (k) -> atomIds.size()) } };
			}
			if (and && this.atomsOfRule[r].length > 1) {
				ands.add(r);
				this.isAndRule[r] = true;
			}
		}
		this.andRules = ands.stream().mapToInt(Integer::intValue).toArray();
		List<List<Integer>> byAtom = new ArrayList<>();
		List<List<Integer>> gapsByAtom = new ArrayList<>();
		atomIds.keySet().forEach((atom) -> {
			byAtom.add(new ArrayList<>());
			gapsByAtom.add(new ArrayList<>());
		});
		for (int r = 0; r < this.phrases.size(); r++) {
			for (int atom : this.atomsOfRule[r][0]) {
				if (this.atomsOfRule[r].length == 1) {
					byAtom.get(atom).add(r);
				}
				else if (!this.isAndRule[r]) {
					gapsByAtom.get(atom).add(r);
				}
			}
		}
		this.rulesOfAtom = byAtom.stream().map((l) -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
		this.gapRulesByFirstAtom = gapsByAtom.stream()
			.map((l) -> l.stream().mapToInt(Integer::intValue).toArray())
			.toArray(int[][]::new);
		this.matcher = new PhraseMatcher(List.copyOf(atomIds.keySet()));
		rules.requestTypeFactors().forEach((factor) -> this.requestTypes.put(factor.requestType(), factor));
	}

	/**
	 * @return an engine that grades with {@code rules}
	 */
	public static TriageEngine compile(RuleSet rules) {
		return new TriageEngine(rules, ExampleSignal.NONE);
	}

	/**
	 * @return an engine that grades with {@code rules} and lets {@code signal} raise a grade by one step
	 */
	static TriageEngine compile(RuleSet rules, ExampleSignal signal) {
		return new TriageEngine(rules, signal);
	}

	/**
	 * @return the rule set this engine grades with
	 */
	public RuleSet ruleSet() {
		return this.rules;
	}

	/**
	 * Grades one request.
	 * @param input the request
	 * @return the level, marks, score and the reasons for them
	 */
	public TriageResult grade(TriageInput input) {
		String text = normalise(input.text());
		Thresholds thresholds = this.rules.thresholds();
		int[] clauseOf = clauses(text);
		List<Match> matches = dropContained(ruleMatches(text, clauseOf));
		Context context = new Context(text, clauseOf, matches, this.requestTypes.get(upper(input.requestType())));

		// Each phrase counts once: the occurrence that keeps the most weight wins.
		Map<Integer, Counted> counted = new LinkedHashMap<>();
		for (Match match : matches) {
			PhraseRule rule = this.phrases.get(match.phraseId());
			if (rule.kind().isModifier() || rule.kind() == RuleKind.IGNORE) {
				continue;
			}
			Discount discount = context.discountFor(match, rule.kind());
			int effective = discount.apply(rule.weight());
			Counted candidate = new Counted(rule, match, effective, discount);
			counted.merge(match.phraseId(), candidate, (a, b) -> (b.effective > a.effective) ? b : a);
		}

		// Within one rule (生命危险, 敏感信号 …) only the strongest phrase counts: 燃气泄漏 and 煤气味 are
		// one piece of evidence, not two.
		Map<String, Counted> strongest = new HashMap<>();
		for (Counted c : counted.values()) {
			if (!c.rule.kind().isAmplifier()) {
				strongest.merge(c.rule.kind() + "/" + c.rule.rule(), c, (a, b) -> (b.effective > a.effective) ? b : a);
			}
		}
		List<Reason> reasons = new ArrayList<>();
		Set<TriageMark> marks = EnumSet.noneOf(TriageMark.class);
		int core = 0;
		boolean lifeDanger = false;
		List<Counted> dangersNow = new ArrayList<>(2);
		for (Counted c : sortedByPosition(counted.values())) {
			if (c.rule.kind().isAmplifier()) {
				continue;
			}
			String words = words(text, c);
			if (strongest.get(c.rule.kind() + "/" + c.rule.rule()) != c) {
				reasons.add(new Reason(c.rule.rule(), words + " (同类只计一次)", 0));
				continue;
			}
			reasons.add(new Reason(c.rule.rule(), words, c.rule.weight()));
			if (c.discount.factor != 100) {
				reasons.add(new Reason(c.discount.rule, c.discount.matched, c.effective - c.rule.weight()));
			}
			core += c.effective;
			if (c.effective > 0) {
				lifeDanger |= c.rule.critical();
				if (isDangerNow(c)) {
					dangersNow.add(c);
				}
				if (c.rule.mark() != null) {
					marks.add(c.rule.mark());
				}
			}
		}

		List<Amplifier> atRisk = new ArrayList<>(2);
		int score = core + amplify(input, text, counted, core, reasons, marks, context, atRisk);
		if (!lifeDanger && score >= thresholds.critical() && !dangersNow.isEmpty() && !atRisk.isEmpty()) {
			lifeDanger = true;
			reasons.add(atRisk(dangersNow.get(0), atRisk.get(0), text));
		}

		TriageLevel level = TriageLevel.ROUTINE;
		if (score >= thresholds.critical() && lifeDanger) {
			level = TriageLevel.CRITICAL;
		}
		else if (score >= thresholds.urgent()) {
			level = TriageLevel.URGENT;
		}
		for (CategoryDefault category : this.rules.categoryDefaults()) {
			if (category.covers(input.categoryCode()) && !context.floorExempt()) {
				if (category.floor().compareTo(level) < 0) {
					level = category.floor();
					reasons.add(new Reason(category.rule(), input.categoryCode() + " → 至少" + label(category.floor()), 0));
				}
				if (category.mark() != null) {
					marks.add(category.mark());
				}
			}
		}
		level = raiseBySignal(input, level, context, reasons);
		if (level == TriageLevel.ROUTINE) {
			// Marks are what make a matter urgent; a routine request carries none.
			marks.clear();
		}
		return new TriageResult(level, marks, score, reasons, this.rules.version());
	}

	/**
	 * Lets the statistical signal raise a routine grade to URGENT when the request closely resembles the labelled
	 * urgent requests. It never lowers a grade, never makes one CRITICAL, and does not read praise.
	 */
	private TriageLevel raiseBySignal(TriageInput input, TriageLevel level, Context context, List<Reason> reasons) {
		if (level != TriageLevel.ROUTINE || this.signal.isEmpty() || context.praise()) {
			return level;
		}
		ExampleSignal.Assessment urgent = this.signal.urgency(input);
		if (!urgent.raises()) {
			return level;
		}
		reasons.add(new Reason("相似案例", "像已标注的紧急诉求: " + urgent.explain(this.signal.urgentFrom()) + " → 至少紧急", 0));
		return TriageLevel.URGENT;
	}

	/**
	 * A danger that counts for {@link #atRisk}: a sudden hazard (突发) that would make a request urgent on its own
	 * (a billboard hanging loose, water rising in a garage, a bang in a boiler room), counted at its full weight —
	 * nothing past, hypothetical, negated, resolved, thanked for or asked about lessened it.
	 */
	private boolean isDangerNow(Counted c) {
		return c.rule.kind() == RuleKind.HAZARD && c.rule.mark() == TriageMark.SUDDEN
				&& c.rule.weight() >= this.rules.thresholds().urgent() && c.discount.factor == 100
				&& c.effective >= c.rule.weight();
	}

	/**
	 * The combination "danger happening now + a person at risk from it": an amplifier phrase marked "can be
	 * critical" (someone inside, below, on board, not answering the door) next to a sudden danger that is happening
	 * now counts as danger to life, so the request is CRITICAL when its score reaches the critical threshold. The
	 * reason names both sides and their weights; it adds no points of its own.
	 */
	private static Reason atRisk(Counted danger, Amplifier person, String text) {
		String dangerWords = text.substring(danger.match.start(), danger.match.end());
		return new Reason("危及在场人员", dangerWords + " (" + danger.rule.rule() + " +" + danger.effective + ") + "
				+ person.matched + " (" + person.rule + " +" + person.weight + "), 正在发生 → 按危及生命计", 0);
	}

	/**
	 * Adds the amplifiers: vulnerable people, many affected, long duration, hard time limits. Each kind
	 * counts once, with its strongest phrase, and only when something is actually wrong. The amplifier phrases marked
	 * "can be critical" that counted (people at risk from the danger) are added to {@code atRisk}.
	 */
	private int amplify(TriageInput input, String text, Map<Integer, Counted> counted, int core, List<Reason> reasons,
			Set<TriageMark> marks, Context context, List<Amplifier> atRisk) {
		Thresholds thresholds = this.rules.thresholds();
		Map<RuleKind, List<Amplifier>> byKind = new EnumMap<>(RuleKind.class);
		for (Counted c : sortedByPosition(counted.values())) {
			if (c.rule.kind().isAmplifier() && c.effective > 0) {
				byKind.computeIfAbsent(c.rule.kind(), (k) -> new ArrayList<>())
					.add(new Amplifier(c.rule.rule(), words(text, c), c.effective,
							c.rule.mark(), c.rule.critical()));
			}
		}
		if (!context.praise()) {
			if (input.vulnerable() && thresholds.vulnerableFlagWeight() > 0) {
				byKind.computeIfAbsent(RuleKind.VULNERABLE, (k) -> new ArrayList<>())
					.add(new Amplifier("弱势群体", "接线员标记", thresholds.vulnerableFlagWeight(), TriageMark.IMPORTANT, false));
			}
			numbers(HEAD_COUNT, text, thresholds.scaleMinCount(), 1).ifPresent((m) -> byKind
				.computeIfAbsent(RuleKind.SCALE, (k) -> new ArrayList<>())
				.add(new Amplifier("影响范围", m, thresholds.scaleWeight(), TriageMark.CLUSTER, false)));
			if (thresholds.vulnerableFlagWeight() > 0) {
				vulnerableAge(text).ifPresent((m) -> byKind.computeIfAbsent(RuleKind.VULNERABLE, (k) -> new ArrayList<>())
					.add(new Amplifier("弱势群体", m, thresholds.vulnerableFlagWeight(), TriageMark.IMPORTANT, false)));
			}
			numbers(DURATION, text, thresholds.durationMinHours(), 0).ifPresent((m) -> byKind
				.computeIfAbsent(RuleKind.DURATION, (k) -> new ArrayList<>())
				.add(new Amplifier("持续时间", m, thresholds.durationWeight(), null, false)));
		}
		boolean gateOpen = core >= thresholds.amplifierGate();
		int added = 0;
		for (Map.Entry<RuleKind, List<Amplifier>> entry : byKind.entrySet()) {
			List<Amplifier> found = entry.getValue();
			Amplifier strongest = found.stream().max(Comparator.comparingInt(Amplifier::weight)).orElseThrow();
			String words = String.join("、", found.stream().map(Amplifier::matched).distinct().toList());
			if (!gateOpen) {
				reasons.add(new Reason(strongest.rule, words + " (无险情, 不计)", 0));
				continue;
			}
			reasons.add(new Reason(strongest.rule, words, strongest.weight));
			added += strongest.weight;
			found.stream().filter(Amplifier::critical).forEach(atRisk::add);
			found.stream().map(Amplifier::mark).filter((m) -> m != null).forEach(marks::add);
		}
		return added;
	}

	/**
	 * @return the first number in the text matched by {@code pattern} that reaches {@code minimum}
	 * (hours for durations, people for head counts)
	 */
	private static java.util.Optional<String> numbers(Pattern pattern, String text, int minimum, int mode) {
		if (minimum <= 0) {
			return java.util.Optional.empty();
		}
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			long value = parseNumber(m.group(1));
			if (mode == 0) {
				if ("月".equals(m.group(3)) && m.group(2) == null) {
					// 三月 is March; 三个月 is a duration.
					continue;
				}
				value *= hoursPer(m.group(3));
			}
			if (value >= minimum) {
				return java.util.Optional.of(m.group());
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * @return the first age in the text that makes its person vulnerable: an elder (八十一岁) or a small
	 * child (三岁)
	 */
	private static java.util.Optional<String> vulnerableAge(String text) {
		Matcher m = AGE.matcher(text);
		while (m.find()) {
			long age = parseNumber(m.group(1));
			if (age >= ELDERLY_FROM_AGE && age < 130 || age > 0 && age <= SMALL_CHILD_UP_TO_AGE) {
				return java.util.Optional.of(m.group());
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * @return the words a counted phrase matched; for a co-occurrence phrase, its other parts too
	 */
	private String words(String text, Counted c) {
		String words = text.substring(c.match.start(), c.match.end());
		int rule = c.match.phraseId();
		if (this.isAndRule[rule]) {
			String[] parts = c.rule.phrase().replace('＋', '+').split(java.util.regex.Pattern.quote(AND));
			StringBuilder sb = new StringBuilder(words);
			for (int i = 1; i < parts.length; i++) {
				for (String alternative : parts[i].split(java.util.regex.Pattern.quote(OR))) {
					if (!alternative.isBlank() && text.contains(alternative.strip())) {
						sb.append(AND).append(alternative.strip());
						break;
					}
				}
			}
			return sb.toString();
		}
		return words;
	}

	private static int hoursPer(String unit) {
		return switch (unit) {
			case "小时", "钟头" -> 1;
			case "周", "星期", "礼拜" -> 24 * 7;
			case "月" -> 24 * 30;
			default -> 24;
		};
	}

	/**
	 * Reads 30, 三十, 二十多 (20), 几十 (20), 十几 (12), 上百 (100) and the like; 几 is read as 2,
	 * the least it can mean, so that a vague number never overstates the scale.
	 */
	static long parseNumber(String number) {
		if (Character.isDigit(number.charAt(0))) {
			try {
				return Long.parseLong(number);
			}
			catch (NumberFormatException ex) {
				return Long.MAX_VALUE;
			}
		}
		long total = 0;
		long current = 0;
		for (char c : number.toCharArray()) {
			int digit = "零一二三四五六七八九".indexOf(c);
			if (c == '两' || c == '几') {
				digit = 2;
			}
			if (digit >= 0) {
				current = digit;
				continue;
			}
			int unit = switch (c) {
				case '十' -> 10;
				case '百' -> 100;
				case '千' -> 1000;
				default -> 1;
			};
			total += ((current == 0) ? 1 : current) * unit;
			current = 0;
		}
		return total + current;
	}

	private static List<Counted> sortedByPosition(java.util.Collection<Counted> counted) {
		return counted.stream().sorted(Comparator.comparingInt((Counted c) -> c.match.start())).toList();
	}

	/**
	 * @return the rule occurrences in the text: atoms that are whole rules, and gap rules whose parts
	 * follow each other in one clause, each within the gap window of the previous part
	 */
	private List<Match> ruleMatches(String text, int[] clauseOf) {
		List<Match> atoms = this.matcher.findAll(text);
		List<Match> result = new ArrayList<>(atoms.size() + 4);
		for (Match atom : atoms) {
			for (int rule : this.rulesOfAtom[atom.phraseId()]) {
				result.add(new Match(rule, atom.start(), atom.end()));
			}
		}
		int window = this.rules.thresholds().gapWindow();
		java.util.BitSet done = null;
		for (int a = 0; a < atoms.size(); a++) {
			Match first = atoms.get(a);
			for (int rule : this.gapRulesByFirstAtom[first.phraseId()]) {
				if (done != null && done.get(rule)) {
					continue;
				}
				int[][] parts = this.atomsOfRule[rule];
				Match last = first;
				for (int p = 1; p < parts.length && last != null; p++) {
					Match previous = last;
					last = null;
					for (Match next : atoms) {
						if (isOneOf(next.phraseId(), parts[p]) && next.start() >= previous.end()
								&& next.start() - previous.end() <= window
								&& clauseOf[next.start()] == clauseOf[previous.start()]) {
							last = next;
							break;
						}
					}
				}
				if (last != null) {
					result.add(new Match(rule, first.start(), last.end()));
					if (done == null) {
						done = new java.util.BitSet(this.phrases.size());
					}
					done.set(rule);
				}
			}
		}
		if (this.andRules.length > 0 && !atoms.isEmpty()) {
			Map<Integer, Match> firstOfAtom = new HashMap<>();
			for (Match atom : atoms) {
				Match known = firstOfAtom.get(atom.phraseId());
				if (known == null || atom.start() < known.start()) {
					firstOfAtom.put(atom.phraseId(), atom);
				}
			}
			for (int rule : this.andRules) {
				int[][] parts = this.atomsOfRule[rule];
				Match anchor = null;
				for (int atom : parts[0]) {
					Match found = firstOfAtom.get(atom);
					if (found != null && (anchor == null || found.start() < anchor.start())) {
						anchor = found;
					}
				}
				boolean all = anchor != null;
				for (int p = 1; p < parts.length && all; p++) {
					all = false;
					for (int atom : parts[p]) {
						all |= firstOfAtom.containsKey(atom);
					}
				}
				if (all) {
					result.add(new Match(rule, anchor.start(), anchor.end()));
				}
			}
		}
		return result;
	}

	private static boolean isOneOf(int atom, int[] alternatives) {
		for (int alternative : alternatives) {
			if (alternative == atom) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Drops a match that lies inside a longer one that means more: a modifier inside a longer modifier
	 * (已经 inside 已经修好, 不是 inside 是不是), a phrase inside a longer phrase of its own kind (着火 inside
	 * 打不着火) or inside a harmless phrase (落水 inside 落水管). A hazard inside a time limit stays.
	 */
	private List<Match> dropContained(List<Match> all) {
		List<Match> kept = new ArrayList<>(all.size());
		for (Match m : all) {
			RuleKind kind = this.phrases.get(m.phraseId()).kind();
			boolean inside = false;
			for (Match other : all) {
				RuleKind otherKind = this.phrases.get(other.phraseId()).kind();
				boolean hides = kind.isModifier() ? otherKind.isModifier()
						: (otherKind == kind || otherKind == RuleKind.IGNORE);
				if (hides && other.contains(m)) {
					inside = true;
					break;
				}
			}
			if (!inside) {
				kept.add(m);
			}
		}
		return kept;
	}

	/** Full-width digits and letters to ASCII, so 30名 and ３０名 read the same. */
	static String normalise(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E' && Character.isLetterOrDigit(c)) {
				c = (char) (c - 0xFEE0);
			}
			sb.append(Character.toLowerCase(c));
		}
		return sb.toString();
	}

	private static int[] clauses(String text) {
		int[] clauseOf = new int[text.length() + 1];
		int clause = 0;
		for (int i = 0; i < text.length(); i++) {
			if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
				clause++;
			}
			clauseOf[i] = clause;
		}
		clauseOf[text.length()] = clause;
		return clauseOf;
	}

	private static String upper(String value) {
		return (value != null) ? value.toUpperCase(java.util.Locale.ROOT) : null;
	}

	static String label(TriageLevel level) {
		return switch (level) {
			case CRITICAL -> "特急";
			case URGENT -> "紧急";
			case ROUTINE -> "一般";
		};
	}

	static String factor(int percent) {
		return "×" + BigDecimal.valueOf(percent, 2).stripTrailingZeros().toPlainString();
	}

	private static String meaning(RuleKind kind) {
		return switch (kind) {
			case NOW -> "现在";
			case PAST -> "过去";
			case HYPOTHETICAL -> "假设/预防";
			case NEGATION -> "否定";
			case RESOLVED -> "已解决";
			case GRATITUDE -> "感谢";
			default -> kind.name();
		};
	}

	/** The modifiers of one request, and how they bear on one scoring phrase. */
	private final class Context {

		private final String text;

		private final int[] clauseOf;

		private final List<Match> modifiers = new ArrayList<>();

		private final RequestTypeFactor typeFactor;

		Context(String text, int[] clauseOf, List<Match> matches, RequestTypeFactor typeFactor) {
			this.text = text;
			this.clauseOf = clauseOf;
			this.typeFactor = typeFactor;
			for (Match m : matches) {
				RuleKind kind = TriageEngine.this.phrases.get(m.phraseId()).kind();
				if (kind.isModifier() && !(kind == RuleKind.NEGATION && insideWords(m, matches))
						&& !(kind == RuleKind.GRATITUDE && closingCourtesy(m))) {
					this.modifiers.add(m);
				}
			}
		}

		/**
		 * A 谢谢 that closes a request after its first clause ("请尽快派人过来处理, 谢谢") is courtesy, not thanks
		 * for something already handled; thanks that open a request, or stand in its only clause, still count.
		 */
		private boolean closingCourtesy(Match gratitude) {
			if (this.clauseOf[gratitude.start()] == 0) {
				return false;
			}
			for (int i = gratitude.end(); i < this.text.length(); i++) {
				if (COURTESY_TAIL.indexOf(this.text.charAt(i)) < 0) {
					return false;
				}
			}
			return true;
		}

		/**
		 * The 不 of 拿不到工资 belongs to that phrase and negates nothing else. A negation that only overlaps a
		 * phrase (没有闻到 and 闻到煤气) still negates it.
		 */
		private boolean insideWords(Match negation, List<Match> matches) {
			for (Match m : matches) {
				if (!TriageEngine.this.phrases.get(m.phraseId()).kind().isModifier() && m.start() <= negation.start()
						&& negation.end() <= m.end()) {
					return true;
				}
			}
			return false;
		}

		/** A praise letter: nothing in it is an emergency. */
		boolean praise() {
			return this.typeFactor != null && this.typeFactor.allKinds() && this.typeFactor.factor() == 0;
		}

		private boolean discountingType() {
			return this.typeFactor != null && this.typeFactor.factor() < 100;
		}

		boolean floorExempt() {
			return this.typeFactor != null && this.typeFactor.floorExempt();
		}

		Discount discountFor(Match target, RuleKind kind) {
			boolean hazardLike = kind == RuleKind.HAZARD || kind == RuleKind.TIME_LIMIT;
			boolean sensitive = kind == RuleKind.SENSITIVE;
			int clause = this.clauseOf[target.start()];
			List<Discount> applicable = new ArrayList<>(4);

			Match tense = null;
			int tenseDistance = Integer.MAX_VALUE;
			for (Match m : this.modifiers) {
				PhraseRule rule = rule(m);
				boolean sameClause = this.clauseOf[m.start()] == clause;
				switch (rule.kind()) {
					case NEGATION -> {
						// A bare 不 / 没 negates the next word only; 没有 / 不是 reach a few characters.
						int window = (m.length() == 1) ? 1 : TriageEngine.this.rules.thresholds().negationWindow();
						// It may share characters with the phrase it negates: 没有闻到 before 闻到煤气.
						if (sameClause && m.start() < target.start() && target.start() - m.end() <= window) {
							applicable.add(discount(rule, m));
						}
					}
					case NOW, PAST -> {
						if (sameClause && (hazardLike || sensitive) && distance(m, target) < tenseDistance) {
							tense = m;
							tenseDistance = distance(m, target);
						}
					}
					default -> {
						// The rest depend on the tense, decided below.
					}
				}
			}
			boolean experiential = (hazardLike || sensitive) && target.end() < this.text.length()
					&& this.text.charAt(target.end()) == '过'
					&& (target.end() + 1 >= this.text.length()
							|| EXPERIENTIAL_NOT_FOLLOWED_BY.indexOf(this.text.charAt(target.end() + 1)) < 0);
			if (experiential) {
				applicable.add(new Discount(EXPERIENTIAL_PAST_FACTOR, "时态",
						this.text.substring(target.start(), target.end() + 1) + " (过去) " + factor(EXPERIENTIAL_PAST_FACTOR)));
			}
			boolean now = !experiential && tense != null && rule(tense).kind() == RuleKind.NOW
					&& !withinHypothetical(tense, target, clause);
			if (tense != null && !now) {
				applicable.add(discount(rule(tense), tense));
			}
			for (Match m : this.modifiers) {
				PhraseRule rule = rule(m);
				boolean sameClause = this.clauseOf[m.start()] == clause;
				boolean applies = switch (rule.kind()) {
					// A resolution told after the hazard closes it even when it was happening then
					// ("刚才有人掉河里, 后来问清楚了, 虚惊一场"); one told before it does not ("修好了又漏了").
					case RESOLVED -> hazardLike && (sameClause || !now || m.start() >= target.end());
					// In a question or a suggestion (a request type that discounts hazards) a hypothetical word
					// anywhere makes the whole matter hypothetical: "老人走失了应该先打110还是先找社区, 想提前了解一下".
					case HYPOTHETICAL -> hazardLike && !now
							&& (sameClause && m.end() <= target.start() || discountingType());
					case GRATITUDE -> (hazardLike || sensitive) && !now;
					default -> false;
				};
				if (applies) {
					applicable.add(discount(rule, m));
				}
			}
			Discount strongest = applicable.stream().min(Comparator.comparingInt(Discount::factor)).orElse(null);
			if (this.typeFactor != null && this.typeFactor.factor() != 100
					&& (hazardLike || this.typeFactor.allKinds()) && !(now && this.typeFactor.exemptWhenNow())) {
				Discount type = new Discount(this.typeFactor.factor(), "诉求类型",
						this.typeFactor.label() + " " + factor(this.typeFactor.factor()));
				// The request type and the words are independent doubts: a consultation about
				// yesterday's bite is discounted for both.
				strongest = (strongest == null) ? type : strongest.and(type);
			}
			if (strongest != null) {
				return strongest;
			}
			if (now && rule(tense).weight() != 100) {
				return discount(rule(tense), tense);
			}
			return Discount.NONE;
		}

		/**
		 * A tense word inside a hypothesis does not make it real: in "假如老人突然晕倒了" and "万一有人心脏骤停能马上
		 * 用上" the 突然 / 马上 belong to the imagined event. True when a hypothetical word stands before the hazard
		 * in its clause and before the tense word.
		 */
		private boolean withinHypothetical(Match tense, Match target, int clause) {
			for (Match m : this.modifiers) {
				if (rule(m).kind() == RuleKind.HYPOTHETICAL && this.clauseOf[m.start()] == clause
						&& m.end() <= target.start() && m.end() <= tense.start()) {
					return true;
				}
			}
			return false;
		}

		private PhraseRule rule(Match m) {
			return TriageEngine.this.phrases.get(m.phraseId());
		}

		private Discount discount(PhraseRule rule, Match m) {
			String matched = this.text.substring(m.start(), m.end());
			return new Discount(rule.weight(), rule.rule(), matched + " (" + meaning(rule.kind()) + ") " + factor(rule.weight()));
		}

		private static int distance(Match a, Match b) {
			if (a.end() <= b.start()) {
				return b.start() - a.end();
			}
			if (b.end() <= a.start()) {
				return a.start() - b.end();
			}
			return 0;
		}

	}

	/** The strongest modifier on one phrase, as a factor in percent and a reason. */
	private record Discount(int factor, String rule, String matched) {

		static final Discount NONE = new Discount(100, "", "");

		int apply(int weight) {
			return Math.round(weight * this.factor / 100f);
		}

		/** Both discounts at once: the factors multiply, the reason names both. */
		Discount and(Discount other) {
			if (this.factor == 0 || other.factor == 100) {
				return this;
			}
			return new Discount(this.factor * other.factor / 100, this.rule,
					this.matched + "; " + other.rule + ": " + other.matched);
		}

	}

	private record Counted(PhraseRule rule, Match match, int effective, Discount discount) {
	}

	private record Amplifier(String rule, String matched, int weight, TriageMark mark, boolean critical) {
	}

}
