package org.hotline12345.department;

/**
 * A unit the dispatch catalogue proposes for a ticket; the dispatcher confirms or changes it.
 *
 * @param unit the proposed unit
 * @param role whether it leads (主办) or assists (协办)
 * @param byDistrict whether the unit came from the ticket's district (属地) rather than being named in the
 * catalogue
 * @param catalogueCategoryCode the category whose catalogue rows produced the suggestion: the ticket's own
 * category or its nearest ancestor with rows
 */
public record DispatchSuggestion(UnitView unit, Role role, boolean byDistrict, String catalogueCategoryCode) {

	/**
	 * The part a unit plays in handling a ticket.
	 */
	public enum Role {

		/** 主办: answers for the ticket and sends the reply. */
		LEAD,

		/** 协办: helps the lead unit; does not reply to the citizen. */
		ASSIST

	}

}
