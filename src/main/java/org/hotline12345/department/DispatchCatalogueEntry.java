package org.hotline12345.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One row of the dispatch catalogue (派单目录): a default unit for a category, or, when {@code byDistrict}, the
 * ticket's 属地 unit in place of a named one.
 */
@Entity
@Table(name = "dispatch_catalogue")
class DispatchCatalogueEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "category_id")
	private Long categoryId;

	@Column(name = "unit_id")
	private Long unitId;

	private boolean byDistrict;

	@Enumerated(EnumType.STRING)
	private DispatchSuggestion.Role role;

	private int priority;

	@Version
	private long version;

	protected DispatchCatalogueEntry() {
	}

	private DispatchCatalogueEntry(Long categoryId, Long unitId, boolean byDistrict, DispatchSuggestion.Role role,
			int priority) {
		this.categoryId = categoryId;
		this.unitId = unitId;
		this.byDistrict = byDistrict;
		this.role = role;
		this.priority = priority;
	}

	static DispatchCatalogueEntry toUnit(long categoryId, long unitId, DispatchSuggestion.Role role, int priority) {
		return new DispatchCatalogueEntry(categoryId, unitId, false, role, priority);
	}

	static DispatchCatalogueEntry byDistrict(long categoryId, DispatchSuggestion.Role role, int priority) {
		return new DispatchCatalogueEntry(categoryId, null, true, role, priority);
	}

	ReferenceData.CatalogueEntry toEntry() {
		return new ReferenceData.CatalogueEntry(this.categoryId, this.byDistrict ? null : this.unitId, this.role,
				this.priority);
	}

}
