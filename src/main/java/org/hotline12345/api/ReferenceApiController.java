package org.hotline12345.api;

import java.util.List;

import org.hotline12345.department.DepartmentDirectory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference data a channel needs to fill a ticket: the active member units (for dispatch and for the 属地
 * district of an address) and the active categories of the 3-level taxonomy, both in hierarchy order.
 */
@RestController
class ReferenceApiController implements ApiEndpoint {

	/** A member unit; {@code districtCode} names the territory it covers, {@code null} for a city-wide unit. */
	record Unit(String code, String name, String type, String parentCode, String districtCode) {
	}

	/** A category; {@code level} 1 领域, 2 事项, 3 细项. */
	record Category(String code, String name, int level, String parentCode, String path) {
	}

	private final DepartmentDirectory directory;

	ReferenceApiController(DepartmentDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/api/v1/units")
	List<Unit> units() {
		return this.directory.units()
			.stream()
			.map((u) -> new Unit(u.code(), u.name(), u.type(), u.parentCode(), u.districtCode()))
			.toList();
	}

	@GetMapping("/api/v1/categories")
	List<Category> categories() {
		return this.directory.categories()
			.stream()
			.map((c) -> new Category(c.code(), c.name(), c.level(), c.parentCode(), c.path()))
			.toList();
	}

}
