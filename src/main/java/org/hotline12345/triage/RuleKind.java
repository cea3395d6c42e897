package org.hotline12345.triage;

/**
 * What a phrase rule does. Scoring kinds add their weight; amplifiers add theirs only when something is
 * actually wrong; modifiers scale the scoring phrases near them (their weight is a factor in percent).
 */
public enum RuleKind {

	/** A danger or problem (咬伤, 燃气泄漏, 停水); weighed against tense, negation, thanks and request type. */
	HAZARD(Role.SCORE),

	/** A sensitive sign (上访, 讨说法, 跳楼); a threat counts even when hypothetical. */
	SENSITIVE(Role.SCORE),

	/** A hard time limit (明天考试, 今天手术). Counts only when something is wrong. */
	TIME_LIMIT(Role.AMPLIFIER),

	/** A vulnerable person (老人, 孕妇, 瘫痪). Counts only when something is wrong. */
	VULNERABLE(Role.AMPLIFIER),

	/** Many people affected (整栋楼, 几十户). Counts only when something is wrong. */
	SCALE(Role.AMPLIFIER),

	/** It has lasted long (一整天, 好几天). Counts only when something is wrong. */
	DURATION(Role.AMPLIFIER),

	/** A harmless phrase that contains a hazard word (落水管, 跳楼价); it hides the hazard inside it. */
	IGNORE(Role.SCORE),

	/** Happening now (正在, 刚刚, 还在); the nearest tense word to a hazard decides its tense. */
	NOW(Role.MODIFIER),

	/** In the past (去年, 上个月); scales hazards in its clause. */
	PAST(Role.MODIFIER),

	/** Hypothetical or preventive (防止, 以免, 如果); scales hazards after it in its clause. */
	HYPOTHETICAL(Role.MODIFIER),

	/** Negation (没有, 不是); scales a hazard that follows within a few characters. */
	NEGATION(Role.MODIFIER),

	/** Already resolved (修好了, 扑灭, 救上来); scales hazards not happening now. */
	RESOLVED(Role.MODIFIER),

	/** Thanks or praise (感谢, 表扬, 锦旗); scales hazards not happening now anywhere in the text. */
	GRATITUDE(Role.MODIFIER);

	private final Role role;

	RuleKind(Role role) {
		this.role = role;
	}

	/**
	 * @return whether this kind scales other phrases rather than adding a weight
	 */
	public boolean isModifier() {
		return role == Role.MODIFIER;
	}

	/**
	 * @return whether this kind adds its weight only when something is wrong
	 */
	public boolean isAmplifier() {
		return role == Role.AMPLIFIER;
	}

	private enum Role {
		SCORE, AMPLIFIER, MODIFIER
	}

}
