package org.hotline12345.enforcement;

import java.util.List;
import java.util.Optional;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Which requests are about an enforcement body's conduct, as a table of cases. */
class EnforcementRecognizerTests {

	final DepartmentDirectory directory = mock(DepartmentDirectory.class);

	final EnforcementRecognizer recognizer = new EnforcementRecognizer(this.directory);

	EnforcementRecognizerTests() {
		given(this.directory.category(anyString())).willReturn(Optional.empty());
		given(this.directory.category("XZ.SJ.CF")).willReturn(Optional.of(
				new CategoryView(1, "XZ.SJ.CF", "处罚异议", 3, "XZ.SJ", "行政执法 / 市场监管执法 / 处罚异议", false, true, null)));
		given(this.directory.category("SB.YL")).willReturn(Optional.of(
				new CategoryView(2, "SB.YL", "养老保险", 2, "SB", "社会保险 / 养老保险", false, false, null)));
	}

	@Test
	void recognisesByCategoryOrByConductAndBody() {
		record Case(String category, String text, String lead, String unit) {
		}
		for (Case c : List.of(new Case("XZ.SJ.CF", "对罚款有异议", null, "scjgj"),
				new Case(null, "城管队员没出示证件", null, "cgj"),
				new Case(null, "交警选择性执法，只罚我们", null, "jjzd"),
				new Case(null, "环保部门对偷排不作为", null, "sthjj"),
				new Case(null, "执法人员推搡我", "cgj", "cgj"))) {
			assertThat(this.recognizer.recognise(c.category(), c.text(), c.lead()))
				.as(c.text())
				.hasValueSatisfying((found) -> assertThat(found.enforcingUnitCode()).isEqualTo(c.unit()));
		}
	}

	@Test
	void leavesOrdinaryRequestsAlone() {
		assertThat(this.recognizer.recognise("SB.YL", "养老保险关系转移怎么办", null)).isEmpty();
		assertThat(this.recognizer.recognise(null, "城管局的电话是多少", null)).isEmpty();
		assertThat(this.recognizer.recognise(null, "医院不作为", "wjw")).isEmpty();
	}

}
