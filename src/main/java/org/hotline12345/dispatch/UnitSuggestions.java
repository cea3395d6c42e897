package org.hotline12345.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DispatchSuggestion;
import org.hotline12345.department.UnitView;
import org.hotline12345.ticket.TicketDetails;

import org.springframework.stereotype.Component;

/**
 * Ranks the units a ticket could go to, each with the reasons shown to the dispatcher: the dispatch catalogue for its
 * category (派单目录), the 属地 unit of its district, and the units that solved similar tickets before.
 */
@Component
class UnitSuggestions {

	static final int HISTORY_LIMIT = 3;

	/** Why a unit is proposed; the screen shows each reason in words. */
	enum Source {

		/** Named in the dispatch catalogue for the category; detail: the catalogue's category. */
		CATALOGUE,

		/** The 属地 unit of the ticket's district; detail: the district's name. */
		DISTRICT,

		/** Solved similar tickets before with satisfied callers; detail: how many. */
		HISTORY

	}

	record Reason(Source source, String detail) {
	}

	/** One proposed unit: lead or assist, its reasons, and a score that ranks it. */
	record Suggestion(UnitView unit, boolean lead, List<Reason> reasons, int score) {
	}

	private final DepartmentDirectory directory;

	private final DispatchQueries queries;

	UnitSuggestions(DepartmentDirectory directory, DispatchQueries queries) {
		this.directory = directory;
		this.queries = queries;
	}

	/** Lead candidates first (best first), then the assisting units the catalogue names. */
	List<Suggestion> forTicket(TicketDetails ticket) {
		Map<Long, Suggestion> byUnit = new LinkedHashMap<>();
		for (DispatchSuggestion s : this.directory.suggestUnits(ticket.categoryCode(), ticket.districtCode())) {
			boolean lead = s.role() == DispatchSuggestion.Role.LEAD;
			Reason reason = s.byDistrict() ? new Reason(Source.DISTRICT, s.unit().name())
					: new Reason(Source.CATALOGUE, categoryName(s.catalogueCategoryCode()));
			add(byUnit, s.unit(), lead, reason, lead ? (s.byDistrict() ? 90 : 100) : 40);
		}
		for (DispatchQueries.SolvedBefore solved : this.queries.solvedBefore(ticket.categoryCode(), HISTORY_LIMIT)) {
			UnitView unit;
			try {
				unit = this.directory.unit(solved.unitId());
			}
			catch (NoSuchElementException ex) {
				continue;
			}
			add(byUnit, unit, true, new Reason(Source.HISTORY, String.valueOf(solved.count())),
					30 + Math.min(solved.count(), 50));
		}
		List<Suggestion> ranked = new ArrayList<>(byUnit.values());
		ranked.sort(Comparator.comparing(Suggestion::lead).reversed().thenComparing(Suggestion::score,
				Comparator.reverseOrder()));
		return List.copyOf(ranked);
	}

	private static void add(Map<Long, Suggestion> byUnit, UnitView unit, boolean lead, Reason reason, int score) {
		Suggestion known = byUnit.get(unit.id());
		if (known == null) {
			byUnit.put(unit.id(), new Suggestion(unit, lead, List.of(reason), score));
			return;
		}
		List<Reason> reasons = new ArrayList<>(known.reasons());
		reasons.add(reason);
		byUnit.put(unit.id(), new Suggestion(unit, known.lead() || lead, List.copyOf(reasons), known.score() + score));
	}

	private String categoryName(String code) {
		return this.directory.category(code).map(CategoryView::path).orElse(code);
	}

}
