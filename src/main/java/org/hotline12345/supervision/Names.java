package org.hotline12345.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;

import org.springframework.stereotype.Component;

/** Names and groupings of categories, units and districts for the reports, from the in-memory directory. */
@Component
class Names {

	private final DepartmentDirectory directory;

	Names(DepartmentDirectory directory) {
		this.directory = directory;
	}

	/** The level-1 category's name (社会保险) for any code below it. */
	String topCategoryName(String code) {
		if (code == null || code.isBlank()) {
			return "—";
		}
		String top = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
		return this.directory.category(top).map(CategoryView::name).orElse(top);
	}

	/** The category's own name, its last level (关系转移 for 社会保险 → 养老保险 → 关系转移). */
	String categoryName(String code) {
		if (code == null) {
			return "—";
		}
		return this.directory.category(code).map(CategoryView::name).orElse(code);
	}

	String categoryPath(String code) {
		if (code == null) {
			return "—";
		}
		return this.directory.category(code).map(CategoryView::path).orElse(code);
	}

	String unitName(Long id) {
		if (id == null) {
			return "—";
		}
		try {
			return this.directory.unit(id).name();
		}
		catch (java.util.NoSuchElementException ex) {
			return String.valueOf(id);
		}
	}

	Optional<UnitView> unit(String code) {
		return (code != null) ? this.directory.unit(code) : Optional.empty();
	}

	UnitView unit(long id) {
		return this.directory.unit(id);
	}

	List<UnitView> units() {
		return this.directory.units();
	}

	List<UnitView> districts() {
		return this.directory.districts();
	}

	/** The district (属地 unit) a ticket's district code belongs to: a street's code rolls up to its district. */
	String districtOf(String code) {
		if (code == null) {
			return null;
		}
		return this.directory.unit(code).map((unit) -> (unit.districtCode() != null) ? unit.districtCode() : unit.code())
			.orElse(code);
	}

	String districtName(String code) {
		if (code == null) {
			return "—";
		}
		return this.directory.unit(code).map(UnitView::name).orElse(code);
	}

	/** A district's code and the codes of the units below it, for filtering tickets by district. */
	List<String> districtAndBelow(String code) {
		List<String> codes = new java.util.ArrayList<>();
		codes.add(code);
		for (UnitView unit : this.directory.units()) {
			if (code.equals(unit.districtCode()) && !unit.code().equals(code)) {
				codes.add(unit.code());
			}
		}
		return codes;
	}

	/** Top-level category codes with their names, in taxonomy order. */
	Map<String, String> topCategories() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		for (CategoryView category : this.directory.categories()) {
			if (category.level() == 1) {
				names.put(category.code(), category.name());
			}
		}
		return names;
	}

	Map<String, Long> unitIdsByCode() {
		Map<String, Long> ids = new HashMap<>();
		for (UnitView unit : this.directory.units()) {
			ids.put(unit.code(), unit.id());
		}
		return ids;
	}

}
