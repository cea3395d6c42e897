package org.hotline12345.department;

/**
 * A member unit as other modules see it.
 *
 * @param id the unit's id, the one tickets and staff accounts refer to
 * @param code short stable code, e.g. {@code rsj} for 人社局 or {@code cc-hpq} for 和平桥街道
 * @param name the short name shown in lists (人社局, 崇川区, 和平桥街道)
 * @param type one of {@code CENTRE}, {@code CITY_BUREAU}, {@code DISTRICT}, {@code COUNTY_CITY}, {@code PARK},
 * {@code STREET}, {@code ENTERPRISE}
 * @param parentCode the code of the unit above it, {@code null} for a unit the centre dispatches to directly
 * @param districtCode the 属地 district the unit covers (its own code for a district, county-level city or park),
 * {@code null} for a city-wide unit
 * @param phone duty phone for 特急 linkage, may be {@code null}
 */
public record UnitView(long id, String code, String name, String type, String parentCode, String districtCode,
		String phone) {

	/**
	 * Whether this unit is a 属地 unit, one that answers for a territory (district, county-level city or park).
	 */
	public boolean isDistrict() {
		return this.code.equals(this.districtCode);
	}

}
