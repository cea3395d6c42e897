package org.hotline12345.department;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.util.StringUtils;

/**
 * An immutable snapshot of units, categories and the dispatch catalogue, with every lookup precomputed. Reference
 * data changes a few times a year and is read on every intake and dispatch screen, so it is read from memory and
 * replaced as a whole after an edit.
 */
final class ReferenceData {

	private static final Comparator<DispatchSuggestionCandidate> CATALOGUE_ORDER = Comparator
		.comparing((DispatchSuggestionCandidate candidate) -> candidate.entry().role())
		.thenComparingInt((candidate) -> candidate.entry().priority())
		.thenComparingInt(DispatchSuggestionCandidate::position);

	private final Map<Long, UnitEntry> unitEntries = new HashMap<>();

	private final Map<Long, UnitView> unitsById = new HashMap<>();

	private final Map<String, UnitView> unitsByCode = new HashMap<>();

	private final List<UnitView> activeUnits = new ArrayList<>();

	private final Set<Long> activeUnitIds = new HashSet<>();

	private final Map<String, List<UnitView>> activeChildren = new HashMap<>();

	private final Map<Long, CategoryEntry> categoryEntries = new HashMap<>();

	private final Map<String, CategoryView> categoriesByCode = new HashMap<>();

	private final List<CategoryView> activeCategories = new ArrayList<>();

	private final Map<Long, List<CatalogueEntry>> catalogue = new HashMap<>();

	ReferenceData(Collection<UnitEntry> units, Collection<CategoryEntry> categories,
			Collection<CatalogueEntry> catalogueEntries) {
		units.forEach((unit) -> this.unitEntries.put(unit.id(), unit));
		units.forEach((unit) -> {
			UnitView view = toView(unit);
			this.unitsById.put(unit.id(), view);
			this.unitsByCode.put(unit.code(), view);
		});
		Map<Long, List<UnitEntry>> unitChildren = childrenOf(units, UnitEntry::parentId,
				Comparator.comparingInt(UnitEntry::sortOrder).thenComparing(UnitEntry::code));
		addActiveUnits(unitChildren, unitChildren.getOrDefault(null, List.of()));

		categories.forEach((category) -> this.categoryEntries.put(category.id(), category));
		categories.forEach((category) -> this.categoriesByCode.put(category.code(), toView(category)));
		Map<Long, List<CategoryEntry>> categoryChildren = childrenOf(categories, CategoryEntry::parentId,
				Comparator.comparingInt(CategoryEntry::sortOrder).thenComparing(CategoryEntry::code));
		addActiveCategories(categoryChildren, categoryChildren.getOrDefault(null, List.of()));

		catalogueEntries.forEach((entry) -> this.catalogue.computeIfAbsent(entry.categoryId(), (id) -> new ArrayList<>())
			.add(entry));
	}

	Optional<UnitView> unit(String code) {
		return Optional.ofNullable(this.unitsByCode.get(code));
	}

	Optional<UnitView> unit(long id) {
		return Optional.ofNullable(this.unitsById.get(id));
	}

	List<UnitView> units() {
		return List.copyOf(this.activeUnits);
	}

	List<UnitView> children(String code) {
		return this.activeChildren.getOrDefault(code, List.of());
	}

	List<UnitView> districts() {
		return this.activeUnits.stream().filter(UnitView::isDistrict).toList();
	}

	Optional<CategoryView> category(String code) {
		return Optional.ofNullable(this.categoriesByCode.get(code));
	}

	List<CategoryView> categories() {
		return List.copyOf(this.activeCategories);
	}

	/**
	 * Active categories whose code or name contains the query, best matches first: the exact code, then codes and
	 * names that start with the query, then the rest, each group in taxonomy order.
	 */
	List<CategoryView> searchCategories(String query, int limit) {
		if (!StringUtils.hasText(query) || limit <= 0) {
			return List.of();
		}
		String needle = query.strip().toLowerCase(Locale.ROOT);
		List<CategoryView> matches = new ArrayList<>();
		for (CategoryView category : this.activeCategories) {
			if (rank(category, needle) < Integer.MAX_VALUE) {
				matches.add(category);
			}
		}
		// A stable sort keeps taxonomy order within a rank.
		matches.sort(Comparator.comparingInt((CategoryView category) -> rank(category, needle)));
		return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
	}

	private static int rank(CategoryView category, String needle) {
		String code = category.code().toLowerCase(Locale.ROOT);
		String name = category.name().toLowerCase(Locale.ROOT);
		if (code.equals(needle)) {
			return 0;
		}
		if (name.startsWith(needle) || code.startsWith(needle)) {
			return 1;
		}
		if (name.contains(needle) || code.contains(needle)) {
			return 2;
		}
		return Integer.MAX_VALUE;
	}

	/**
	 * Units the catalogue proposes for a category in a district, lead first. The rows of the category itself are
	 * used, or else those of its nearest ancestor that has any. A by-district row becomes the 属地 unit of the
	 * given district. A unit is proposed once, in its strongest role. Without a known district the by-district
	 * rows drop out, and if no lead is left the first remaining unit is proposed as lead, so the dispatcher always
	 * has a lead to confirm or change.
	 */
	List<DispatchSuggestion> suggestUnits(String categoryCode, String districtCode) {
		CategoryEntry category = Optional.ofNullable(categoryCode)
			.map(this.categoriesByCode::get)
			.map((view) -> this.categoryEntries.get(view.id()))
			.orElse(null);
		while (category != null && !this.catalogue.containsKey(category.id())) {
			category = (category.parentId() != null) ? this.categoryEntries.get(category.parentId()) : null;
		}
		if (category == null) {
			return List.of();
		}
		List<CatalogueEntry> rows = this.catalogue.get(category.id());
		List<DispatchSuggestionCandidate> candidates = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			candidates.add(new DispatchSuggestionCandidate(rows.get(i), i));
		}
		candidates.sort(CATALOGUE_ORDER);

		UnitView district = districtUnit(districtCode).orElse(null);
		Map<Long, DispatchSuggestion> suggestions = new LinkedHashMap<>();
		for (DispatchSuggestionCandidate candidate : candidates) {
			CatalogueEntry row = candidate.entry();
			UnitView unit = row.byDistrict() ? district : this.unitsById.get(row.unitId());
			if (unit != null && isActive(unit.id())) {
				suggestions.putIfAbsent(unit.id(),
						new DispatchSuggestion(unit, row.role(), row.byDistrict(), category.code()));
			}
		}
		List<DispatchSuggestion> result = new ArrayList<>(suggestions.values());
		if (!result.isEmpty() && result.get(0).role() != DispatchSuggestion.Role.LEAD) {
			DispatchSuggestion first = result.get(0);
			result.set(0, new DispatchSuggestion(first.unit(), DispatchSuggestion.Role.LEAD, first.byDistrict(),
					first.catalogueCategoryCode()));
		}
		return List.copyOf(result);
	}

	/**
	 * The 属地 unit for a district code; a street's code leads to its district.
	 */
	private Optional<UnitView> districtUnit(String districtCode) {
		return Optional.ofNullable(districtCode)
			.map(this.unitsByCode::get)
			.map(UnitView::districtCode)
			.map(this.unitsByCode::get)
			.filter((unit) -> isActive(unit.id()));
	}

	/**
	 * Whether the unit is the ancestor itself or sits anywhere below it.
	 */
	boolean isWithin(long unitId, long ancestorUnitId) {
		UnitEntry unit = this.unitEntries.get(unitId);
		// The hop limit guards against a cycle an admin edit might introduce.
		for (int hops = 0; unit != null && hops <= this.unitEntries.size(); hops++) {
			if (unit.id() == ancestorUnitId) {
				return true;
			}
			unit = (unit.parentId() != null) ? this.unitEntries.get(unit.parentId()) : null;
		}
		return false;
	}

	private boolean isActive(long unitId) {
		return this.activeUnitIds.contains(unitId);
	}

	private void addActiveUnits(Map<Long, List<UnitEntry>> children, List<UnitEntry> level) {
		for (UnitEntry unit : level) {
			// An inactive unit takes its whole subtree out of the lists.
			if (unit.active()) {
				UnitView view = this.unitsById.get(unit.id());
				this.activeUnits.add(view);
				this.activeUnitIds.add(unit.id());
				List<UnitEntry> below = children.getOrDefault(unit.id(), List.of());
				this.activeChildren.put(unit.code(),
						below.stream().filter(UnitEntry::active).map((child) -> this.unitsById.get(child.id())).toList());
				addActiveUnits(children, below);
			}
		}
	}

	private void addActiveCategories(Map<Long, List<CategoryEntry>> children, List<CategoryEntry> level) {
		for (CategoryEntry category : level) {
			if (category.active()) {
				this.activeCategories.add(this.categoriesByCode.get(category.code()));
				addActiveCategories(children, children.getOrDefault(category.id(), List.of()));
			}
		}
	}

	private static <T> Map<Long, List<T>> childrenOf(Collection<T> entries, Function<T, Long> parent,
			Comparator<T> order) {
		Map<Long, List<T>> children = new HashMap<>();
		for (T entry : entries) {
			children.computeIfAbsent(parent.apply(entry), (id) -> new ArrayList<>()).add(entry);
		}
		children.values().forEach((siblings) -> siblings.sort(order));
		return children;
	}

	private UnitView toView(UnitEntry unit) {
		UnitEntry parent = (unit.parentId() != null) ? this.unitEntries.get(unit.parentId()) : null;
		return new UnitView(unit.id(), unit.code(), unit.name(), unit.type(), (parent != null) ? parent.code() : null,
				unit.districtCode(), unit.phone());
	}

	private CategoryView toView(CategoryEntry category) {
		List<String> names = new ArrayList<>();
		String parentCode = null;
		CategoryEntry current = category;
		for (int hops = 0; current != null && hops <= 3; hops++) {
			names.add(0, current.name());
			current = (current.parentId() != null) ? this.categoryEntries.get(current.parentId()) : null;
			if (hops == 0 && current != null) {
				parentCode = current.code();
			}
		}
		return new CategoryView(category.id(), category.code(), category.name(), category.level(), parentCode,
				String.join(CategoryView.PATH_SEPARATOR, names), category.needsIdNumber(), category.enforcement(),
				category.defaultLevelFloor());
	}

	/** A unit as stored; {@code name} is the short name lists show. */
	record UnitEntry(long id, String code, String name, String type, Long parentId, String districtCode, String phone,
			boolean active, int sortOrder) {
	}

	/** A category as stored. */
	record CategoryEntry(long id, String code, String name, int level, Long parentId, boolean active, int sortOrder,
			boolean needsIdNumber, boolean enforcement, String defaultLevelFloor) {
	}

	/** A catalogue row as stored; a {@code null} unit id means the ticket's district (属地). */
	record CatalogueEntry(long categoryId, Long unitId, DispatchSuggestion.Role role, int priority) {

		boolean byDistrict() {
			return this.unitId == null;
		}

	}

	private record DispatchSuggestionCandidate(CatalogueEntry entry, int position) {
	}

}
