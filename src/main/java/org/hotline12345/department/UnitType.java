package org.hotline12345.department;

/**
 * What kind of body a member unit is; decides where it sits in the hierarchy and whether it covers a territory.
 */
enum UnitType {

	/** The 12345 centre itself. */
	CENTRE,

	/** A city bureau (人社局, 住建局 …). */
	CITY_BUREAU,

	/** A district of the city proper; a 属地 unit. */
	DISTRICT,

	/** A county-level city or county; a 属地 unit. */
	COUNTY_CITY,

	/** A park (园区, 开发区) with its own administration; a 属地 unit. */
	PARK,

	/** A street office or town under a district, reached by sub-dispatch (下派). */
	STREET,

	/** A utility company (水务, 供电, 燃气) that handles tickets like a bureau. */
	ENTERPRISE

}
