package org.hotline12345.department;

/**
 * A category of the 3-level taxonomy 领域 → 事项 → 细项 as other modules see it.
 *
 * @param id the category's id
 * @param code the code, which names its path: {@code SB}, {@code SB.YL}, {@code SB.YL.GXZY}
 * @param name the category's own name (关系转移)
 * @param level 1 (领域), 2 (事项) or 3 (细项)
 * @param parentCode the parent's code, {@code null} on level 1
 * @param path the full label, e.g. {@code 社会保险 / 养老保险 / 关系转移}
 * @param needsIdNumber whether the operator must take the caller's ID number
 * @param enforcement whether it is a complaint about an enforcement body (copied to the justice bureau)
 * @param defaultLevelFloor the lowest triage level ({@code URGENT} or {@code CRITICAL}) the matter implies, or
 * {@code null}
 */
public record CategoryView(long id, String code, String name, int level, String parentCode, String path,
		boolean needsIdNumber, boolean enforcement, String defaultLevelFloor) {

	/** The separator between the names in {@link #path()}. */
	public static final String PATH_SEPARATOR = " / ";

	/**
	 * The code of the level-1 category (领域) this one belongs to; the weekly report counts by it.
	 */
	public String topLevelCode() {
		int dot = this.code.indexOf('.');
		return (dot < 0) ? this.code : this.code.substring(0, dot);
	}

}
