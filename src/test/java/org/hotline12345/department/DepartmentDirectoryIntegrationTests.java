package org.hotline12345.department;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DispatchSuggestion.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The seeded reference data, read through the directory from a freshly migrated PostgreSQL (which also proves that
 * the entities validate against the Flyway schema).
 */
@HotlineIntegrationTest
class DepartmentDirectoryIntegrationTests {

	@Autowired
	DepartmentDirectory directory;

	@Autowired
	UnitRepository units;

	@Test
	void chongchuanHasItsStreets() {
		List<UnitView> streets = this.directory.children("chongchuan");
		assertThat(streets).extracting(UnitView::name).contains("和平桥街道", "城东街道", "新城桥街道", "观音山街道", "狼山镇街道");
		assertThat(streets).allSatisfy((street) -> {
			assertThat(street.type()).isEqualTo("STREET");
			assertThat(street.districtCode()).isEqualTo("chongchuan");
		});
		assertThat(this.directory.children("tongzhou")).hasSizeGreaterThanOrEqualTo(2);
		UnitView hpq = this.directory.unit("cc-hpq").orElseThrow();
		assertThat(this.directory.isWithin(hpq.id(), this.directory.unit("chongchuan").orElseThrow().id())).isTrue();
		assertThat(this.directory.isWithin(hpq.id(), this.directory.unit("tongzhou").orElseThrow().id())).isFalse();
	}

	@Test
	void districtsCoverTheCityAndTheParks() {
		assertThat(this.directory.districts()).extracting(UnitView::code)
			.containsExactly("chongchuan", "tongzhou", "haimen", "haian", "rugao", "qidong", "rudong", "sxt", "kfq");
	}

	@Test
	void everyNamedBureauIsThere() {
		assertThat(this.directory.units()).extracting(UnitView::code)
			.contains("center", "rsj", "zjj", "gaj", "jjzd", "wjw", "cgj", "scjgj", "sfj", "jyj", "jtysj", "sthjj", "gjj",
					"ybj", "mzj", "zrzyj", "wglj", "nyncj", "yjglj", "xfzd", "swjt", "gdgs", "rqgs");
		assertThat(this.directory.unit("rsj")).get().extracting(UnitView::name, UnitView::type)
			.containsExactly("人社局", "CITY_BUREAU");
		assertThat(this.directory.unit("jjzd")).get().extracting(UnitView::parentCode).isEqualTo("gaj");
		assertThat(this.directory.units()).allSatisfy((unit) -> assertThat(unit.phone()).startsWith("0513-"));
	}

	@Test
	void pensionGoesToTheHumanResourcesBureau() {
		assertThat(this.directory.suggestUnits("SB.YL", "chongchuan"))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role)
			.containsExactly(tuple("rsj", Role.LEAD));
		assertThat(this.directory.suggestUnits("SB.YL.GXZY", null))
			.extracting((s) -> s.unit().name(), DispatchSuggestion::catalogueCategoryCode)
			.containsExactly(tuple("人社局", "SB.YL"));
	}

	@Test
	void illegalBuildingIsLedByTheDistrict() {
		assertThat(this.directory.suggestUnits("WJ.XQ.LD", "cc-hpq"))
			.extracting((s) -> s.unit().code(), DispatchSuggestion::role, DispatchSuggestion::byDistrict)
			.containsExactly(tuple("chongchuan", Role.LEAD, true), tuple("cgj", Role.ASSIST, false));
	}

	@Test
	void noiseGoesByKind() {
		assertThat(this.directory.suggestUnits("ZY.SH.GCW", "haimen").get(0).unit().code()).isEqualTo("gaj");
		assertThat(this.directory.suggestUnits("ZY.GY", "haimen").get(0).unit().code()).isEqualTo("sthjj");
		assertThat(this.directory.suggestUnits("ZY.JY", "haimen").get(0).unit().code()).isEqualTo("cgj");
	}

	@Test
	void everyCategoryBelowTheTopHasALeadUnitInEveryDistrict() {
		List<CategoryView> categories = this.directory.categories();
		assertThat(categories).hasSizeBetween(150, 300);
		for (UnitView district : this.directory.districts()) {
			for (CategoryView category : categories) {
				if (category.level() > 1) {
					assertThat(this.directory.suggestUnits(category.code(), district.code()))
						.as("%s in %s", category.path(), district.name())
						.first()
						.extracting(DispatchSuggestion::role)
						.isEqualTo(Role.LEAD);
				}
			}
		}
	}

	@Test
	void taxonomyCoversTheWeeklyReportTopics() {
		assertThat(this.directory.categories()).filteredOn((category) -> category.level() == 1)
			.extracting(CategoryView::name)
			.contains("社会保险", "消费服务", "权益保障", "住房保障", "交通出行", "劳动纠纷", "市容管理", "噪音管理", "违法建设", "消防安全",
					"车辆管理", "物业管理", "公共卫生", "教育政策", "旅游服务", "犬只管理", "公用事业", "医疗卫生", "户籍管理", "住房公积金",
					"市政设施", "生态环境", "行政执法", "人才服务", "企业服务", "其他");
		assertThat(this.directory.category("SB.YL.GXZY")).get()
			.extracting(CategoryView::path, CategoryView::needsIdNumber)
			.containsExactly("社会保险 / 养老保险 / 关系转移", true);
		assertThat(this.directory.category("SZ.JG.QS")).get().extracting(CategoryView::defaultLevelFloor)
			.isEqualTo("URGENT");
		assertThat(this.directory.category("GY.RQ.XL")).get().extracting(CategoryView::defaultLevelFloor)
			.isEqualTo("CRITICAL");
		assertThat(this.directory.categories()).filteredOn(CategoryView::enforcement)
			.extracting(CategoryView::code)
			.allMatch((code) -> code.startsWith("XZ"))
			.contains("XZ.CG", "XZ.SJ", "XZ.JJ");
	}

	@Test
	void searchingPensionFindsPensionInsuranceFirst() {
		assertThat(this.directory.searchCategories("养老", 5)).first()
			.extracting(CategoryView::code, CategoryView::name)
			.containsExactly("SB.YL", "养老保险");
		assertThat(this.directory.searchCategories("sb.yl", 3)).first().extracting(CategoryView::code)
			.isEqualTo("SB.YL");
	}

	@Test
	@Transactional
	void reloadShowsAnEditedHierarchy() {
		long chongchuan = this.directory.unit("chongchuan").orElseThrow().id();
		this.units.save(new Unit("cc-wfq", "崇川区文峰街道办事处", "文峰街道", UnitType.STREET, chongchuan,
				"chongchuan", "0513-85098218", 8));
		assertThat(this.directory.unit("cc-wfq")).isEmpty();

		this.directory.reload();

		assertThat(this.directory.children("chongchuan")).last().extracting(UnitView::code).isEqualTo("cc-wfq");
	}

	@AfterTransaction
	void forgetRolledBackEdits() {
		this.directory.reload();
	}

}
