package org.hotline12345.department;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.hotline12345.department.DispatchSuggestion.Role;
import org.hotline12345.department.ReferenceData.CatalogueEntry;
import org.hotline12345.department.ReferenceData.CategoryEntry;
import org.hotline12345.department.ReferenceData.UnitEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The look-ups of the reference data snapshot on a small city, without a database.
 */
class DepartmentReferenceDataTests {

	private static final long CENTRE = 1, RSJ = 2, CGJ = 3, GAJ = 4, JJZD = 5, CLOSED_BUREAU = 6;

	private static final long CHONGCHUAN = 10, HPQ = 11, MERGED_STREET = 12, TONGZHOU = 20, JINSHA = 21;

	private static final long SB = 100, SB_YL = 101, SB_YL_GXZY = 102, SB_OLD = 103;

	private static final long SR = 200, SR_ZD = 201, SR_ZD_TF = 202;

	private static final long ZY = 300, ZY_SH = 301, ZY_SH_ZX = 302, ZY_GY = 303;

	private final ReferenceData city = new ReferenceData(List.of(
			unit(TONGZHOU, "tongzhou", "通州区", "DISTRICT", null, "tongzhou", 410),
			unit(CENTRE, "center", "12345中心", "CENTRE", null, null, 0),
			unit(RSJ, "rsj", "人社局", "CITY_BUREAU", null, null, 10),
			unit(CGJ, "cgj", "城管局", "CITY_BUREAU", null, null, 60),
			unit(GAJ, "gaj", "公安局", "CITY_BUREAU", null, null, 40),
			unit(JJZD, "jjzd", "交警支队", "CITY_BUREAU", GAJ, null, 50),
			inactive(unit(CLOSED_BUREAU, "old", "已撤并局", "CITY_BUREAU", null, null, 70)),
			unit(CHONGCHUAN, "chongchuan", "崇川区", "DISTRICT", null, "chongchuan", 400),
			unit(HPQ, "cc-hpq", "和平桥街道", "STREET", CHONGCHUAN, "chongchuan", 1),
			inactive(unit(MERGED_STREET, "cc-old", "已撤并街道", "STREET", CHONGCHUAN, "chongchuan", 2)),
			unit(JINSHA, "tz-js", "金沙街道", "STREET", TONGZHOU, "tongzhou", 1)),
			List.of(category(SB, "SB", "社会保险", null, 10), category(SB_YL, "SB.YL", "养老保险", SB, 10),
					category(SB_YL_GXZY, "SB.YL.GXZY", "关系转移", SB_YL, 10),
					inactiveCategory(SB_OLD, "SB.OLD", "养老旧制度", SB, 20),
					category(SR, "SR", "市容管理", null, 20), category(SR_ZD, "SR.ZD", "占道经营", SR, 10),
					category(SR_ZD_TF, "SR.ZD.TF", "流动摊贩", SR_ZD, 10), category(ZY, "ZY", "噪音管理", null, 30),
					category(ZY_GY, "ZY.GY", "工业噪音", ZY, 20), category(ZY_SH, "ZY.SH", "社会生活噪音", ZY, 10),
					category(ZY_SH_ZX, "ZY.SH.ZX", "装修噪音", ZY_SH, 10)),
			List.of(new CatalogueEntry(SB_YL, RSJ, Role.LEAD, 1),
					// Listed assist-first on purpose: the order comes from role and priority.
					new CatalogueEntry(SR_ZD, CGJ, Role.ASSIST, 2), new CatalogueEntry(SR_ZD, null, Role.LEAD, 1),
					new CatalogueEntry(ZY_SH, GAJ, Role.LEAD, 1), new CatalogueEntry(ZY_SH_ZX, null, Role.LEAD, 1),
					new CatalogueEntry(ZY_SH_ZX, GAJ, Role.ASSIST, 2),
					new CatalogueEntry(ZY_GY, CLOSED_BUREAU, Role.LEAD, 1),
					new CatalogueEntry(ZY_GY, CGJ, Role.ASSIST, 2)));

	@Test
	void categoryWithoutRowsInheritsFromNearestAncestor() {
		assertThat(this.city.suggestUnits("SB.YL.GXZY", "chongchuan"))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role, DispatchSuggestion::catalogueCategoryCode)
			.containsExactly(tuple("rsj", Role.LEAD, "SB.YL"));
	}

	@Test
	void ownRowsWinOverTheParentsRows() {
		assertThat(this.city.suggestUnits("ZY.SH.ZX", "tongzhou"))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role, DispatchSuggestion::byDistrict)
			.containsExactly(tuple("tongzhou", Role.LEAD, true), tuple("gaj", Role.ASSIST, false));
		assertThat(this.city.suggestUnits("ZY.SH", "tongzhou")).extracting((s) -> s.unit().code())
			.containsExactly("gaj");
	}

	@Test
	void localMatterLedByTheDistrictWithTheBureauAssisting() {
		assertThat(this.city.suggestUnits("SR.ZD.TF", "chongchuan"))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role, DispatchSuggestion::byDistrict)
			.containsExactly(tuple("chongchuan", Role.LEAD, true), tuple("cgj", Role.ASSIST, false));
	}

	@Test
	void streetCodeLeadsToItsDistrict() {
		assertThat(this.city.suggestUnits("SR.ZD", "cc-hpq")).extracting((s) -> s.unit().code())
			.containsExactly("chongchuan", "cgj");
	}

	@Test
	void withoutDistrictTheFirstRemainingUnitLeads() {
		assertThat(this.city.suggestUnits("SR.ZD", null))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role)
			.containsExactly(tuple("cgj", Role.LEAD));
		assertThat(this.city.suggestUnits("SR.ZD", "nowhere")).extracting((s) -> s.unit().code())
			.containsExactly("cgj");
	}

	@Test
	void inactiveUnitIsNeverSuggested() {
		assertThat(this.city.suggestUnits("ZY.GY", null))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role)
			.containsExactly(tuple("cgj", Role.LEAD));
	}

	@Test
	void unknownOrUncataloguedCategorySuggestsNothing() {
		assertThat(this.city.suggestUnits("XX.YY", "chongchuan")).isEmpty();
		assertThat(this.city.suggestUnits(null, "chongchuan")).isEmpty();
		assertThat(this.city.suggestUnits("SB", "chongchuan")).isEmpty();
	}

	@Test
	void unitsInHierarchyOrderWithoutInactiveOnes() {
		assertThat(this.city.units()).extracting(UnitView::code)
			.containsExactly("center", "rsj", "gaj", "jjzd", "cgj", "chongchuan", "cc-hpq", "tongzhou", "tz-js");
		assertThat(this.city.unit("cc-old")).isPresent();
		assertThat(this.city.unit(JJZD)).get().extracting(UnitView::parentCode).isEqualTo("gaj");
	}

	@Test
	void childrenAndDistricts() {
		assertThat(this.city.children("chongchuan")).extracting(UnitView::code).containsExactly("cc-hpq");
		assertThat(this.city.children("rsj")).isEmpty();
		assertThat(this.city.children("nowhere")).isEmpty();
		assertThat(this.city.districts()).extracting(UnitView::code).containsExactly("chongchuan", "tongzhou");
	}

	@Test
	void hierarchyChecks() {
		assertThat(this.city.isWithin(HPQ, CHONGCHUAN)).isTrue();
		assertThat(this.city.isWithin(CHONGCHUAN, CHONGCHUAN)).isTrue();
		assertThat(this.city.isWithin(JJZD, GAJ)).isTrue();
		assertThat(this.city.isWithin(CHONGCHUAN, HPQ)).isFalse();
		assertThat(this.city.isWithin(JINSHA, CHONGCHUAN)).isFalse();
		assertThat(this.city.isWithin(999, CHONGCHUAN)).isFalse();
	}

	@Test
	void categoriesFlatInTaxonomyOrderWithPaths() {
		assertThat(this.city.categories()).extracting(CategoryView::code)
			.containsExactly("SB", "SB.YL", "SB.YL.GXZY", "SR", "SR.ZD", "SR.ZD.TF", "ZY", "ZY.SH", "ZY.SH.ZX",
					"ZY.GY");
		assertThat(this.city.category("SB.YL.GXZY")).get()
			.extracting(CategoryView::path, CategoryView::parentCode, CategoryView::level,
					CategoryView::topLevelCode)
			.containsExactly("社会保险 / 养老保险 / 关系转移", "SB.YL", 3, "SB");
		assertThat(this.city.category("SB")).get().extracting(CategoryView::parentCode).isNull();
	}

	@Test
	void searchByNameOrCodeBestMatchFirst() {
		assertThat(this.city.searchCategories("养老", 10)).extracting(CategoryView::code).containsExactly("SB.YL");
		assertThat(this.city.searchCategories(" sb.yl ", 10)).extracting(CategoryView::code)
			.containsExactly("SB.YL", "SB.YL.GXZY");
		assertThat(this.city.searchCategories("噪音", 10)).extracting(CategoryView::code)
			.containsExactly("ZY", "ZY.SH", "ZY.SH.ZX", "ZY.GY");
		assertThat(this.city.searchCategories("噪音", 2)).hasSize(2);
		assertThat(this.city.searchCategories("  ", 10)).isEmpty();
		assertThat(this.city.searchCategories("养老", 0)).isEmpty();
	}

	private static UnitEntry unit(long id, String code, String name, String type, Long parentId, String district,
			int sortOrder) {
		return new UnitEntry(id, code, name, type, parentId, district, "0513-85000000", true, sortOrder);
	}

	private static UnitEntry inactive(UnitEntry unit) {
		return new UnitEntry(unit.id(), unit.code(), unit.name(), unit.type(), unit.parentId(), unit.districtCode(),
				unit.phone(), false, unit.sortOrder());
	}

	private static CategoryEntry category(long id, String code, String name, Long parentId, int sortOrder) {
		return new CategoryEntry(id, code, name, code.split("\\.").length, parentId, true, sortOrder, false, false,
				null);
	}

	private static CategoryEntry inactiveCategory(long id, String code, String name, Long parentId, int sortOrder) {
		return new CategoryEntry(id, code, name, code.split("\\.").length, parentId, false, sortOrder, false, false,
				null);
	}

}
