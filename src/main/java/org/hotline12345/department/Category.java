package org.hotline12345.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A category of the request taxonomy (诉求分类). Like {@link Unit}, the parent is a plain id walked in the snapshot.
 */
@Entity
@Table(name = "category")
class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private int level;

	@Column(name = "parent_id")
	private Long parentId;

	private boolean active;

	private int sortOrder;

	private boolean needsIdNumber;

	private boolean enforcement;

	private String defaultLevelFloor;

	@Version
	private long version;

	protected Category() {
	}

	Category(String code, String name, int level, Long parentId, int sortOrder) {
		this.code = code;
		this.name = name;
		this.level = level;
		this.parentId = parentId;
		this.active = true;
		this.sortOrder = sortOrder;
	}

	ReferenceData.CategoryEntry toEntry() {
		return new ReferenceData.CategoryEntry(this.id, this.code, this.name, this.level, this.parentId, this.active,
				this.sortOrder, this.needsIdNumber, this.enforcement, this.defaultLevelFloor);
	}

}
