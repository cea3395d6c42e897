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
 * A member unit (承办单位). The parent is kept as a plain id: the hierarchy is walked in the in-memory
 * {@link ReferenceData} snapshot, never through lazy associations.
 */
@Entity
@Table(name = "unit")
class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String shortName;

	@Enumerated(EnumType.STRING)
	private UnitType type;

	@Column(name = "parent_id")
	private Long parentId;

	private String districtCode;

	private String phone;

	private boolean active;

	private int sortOrder;

	@Version
	private long version;

	protected Unit() {
	}

	Unit(String code, String name, String shortName, UnitType type, Long parentId, String districtCode,
			String phone, int sortOrder) {
		this.code = code;
		this.name = name;
		this.shortName = shortName;
		this.type = type;
		this.parentId = parentId;
		this.districtCode = districtCode;
		this.phone = phone;
		this.active = true;
		this.sortOrder = sortOrder;
	}

	ReferenceData.UnitEntry toEntry() {
		return new ReferenceData.UnitEntry(this.id, this.code, this.shortName, this.type.name(), this.parentId,
				this.districtCode, this.phone, this.active, this.sortOrder);
	}

}
