package org.hotline12345.department;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read access to the member units, the category taxonomy and the dispatch catalogue for every other module.
 * <p>
 * Everything is answered from an immutable in-memory snapshot, loaded on first use and replaced by
 * {@link #reload()} after reference data was edited. Lists leave out inactive units and categories (and everything
 * below them); look-ups by code or id still find them, because old tickets refer to them.
 */
@Service
public class DepartmentDirectory {

	private final UnitRepository units;

	private final CategoryRepository categories;

	private final DispatchCatalogueRepository catalogue;

	private final TransactionTemplate readOnly;

	private volatile ReferenceData snapshot;

	DepartmentDirectory(UnitRepository units, CategoryRepository categories, DispatchCatalogueRepository catalogue,
			PlatformTransactionManager transactionManager) {
		this.units = units;
		this.categories = categories;
		this.catalogue = catalogue;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The unit with the given code ({@code rsj}, {@code chongchuan}, {@code cc-hpq} …), active or not.
	 */
	public Optional<UnitView> unit(String code) {
		return snapshot().unit(code);
	}

	/**
	 * The unit with the given id, active or not.
	 * @throws NoSuchElementException if there is no such unit
	 */
	public UnitView unit(long id) {
		return snapshot().unit(id).orElseThrow(() -> new NoSuchElementException("No unit with id " + id));
	}

	/**
	 * All active units in hierarchy order: each unit followed by the units below it, siblings by sort order.
	 */
	public List<UnitView> units() {
		return snapshot().units();
	}

	/**
	 * The active units directly below the given one (the streets of a district), empty for an unknown code.
	 */
	public List<UnitView> children(String code) {
		return snapshot().children(code);
	}

	/**
	 * The active 属地 units: districts, county-level cities and parks, each covering its own territory.
	 */
	public List<UnitView> districts() {
		return snapshot().districts();
	}

	/**
	 * The category with the given code ({@code SB.YL.GXZY}), active or not.
	 */
	public Optional<CategoryView> category(String code) {
		return snapshot().category(code);
	}

	/**
	 * All active categories, flat, in taxonomy order: each category followed by its children.
	 */
	public List<CategoryView> categories() {
		return snapshot().categories();
	}

	/**
	 * Active categories whose name or code contains the query (case-insensitive), best matches first.
	 * @param query part of a name (养老) or code (sb.yl); a blank query finds nothing
	 * @param limit the most categories to return
	 */
	public List<CategoryView> searchCategories(String query, int limit) {
		return snapshot().searchCategories(query, limit);
	}

	/**
	 * The units the dispatch catalogue proposes for a ticket, lead first. A category without catalogue rows takes
	 * those of its nearest ancestor; a by-district (属地) row becomes the unit of the ticket's district.
	 * @param categoryCode the ticket's category
	 * @param districtCode the code of the ticket's district (a street's code works too), or {@code null} when the
	 * address is unknown; then by-district rows drop out and the first remaining unit is proposed as lead
	 * @return the suggestions, empty for an unknown category
	 */
	public List<DispatchSuggestion> suggestUnits(String categoryCode, String districtCode) {
		return snapshot().suggestUnits(categoryCode, districtCode);
	}

	/**
	 * Whether a unit is the given ancestor or anywhere below it, e.g. whether a street's staff may see a ticket of
	 * its district.
	 */
	public boolean isWithin(long unitId, long ancestorUnitId) {
		return snapshot().isWithin(unitId, ancestorUnitId);
	}

	/**
	 * Reads the reference data again; call after units, categories or the catalogue were edited.
	 */
	public void reload() {
		this.snapshot = load();
	}

	private ReferenceData snapshot() {
		ReferenceData current = this.snapshot;
		if (current == null) {
			synchronized (this) {
				current = this.snapshot;
				if (current == null) {
					current = load();
					this.snapshot = current;
				}
			}
		}
		return current;
	}

	private ReferenceData load() {
		// One transaction, so that the three tables are read consistently.
		return this.readOnly.execute((status) -> new ReferenceData(
				this.units.findAll().stream().map(Unit::toEntry).toList(),
				this.categories.findAll().stream().map(Category::toEntry).toList(),
				this.catalogue.findAll().stream().map(DispatchCatalogueEntry::toEntry).toList()));
	}

}
