package org.hotline12345.supervision;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The published week of DOMAIN.md regenerated in February 2019 (far from every other test's tickets): the report
 * prints the example's lines from the counts.
 */
@HotlineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyReportIntegrationTests {

	static final LocalDate FROM = LocalDate.of(2019, 2, 11);

	static final LocalDate TO = LocalDate.of(2019, 2, 18);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WeeklyReport reports;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@BeforeAll
	void generateTheWeek() {
		Map<String, Integer> main = new LinkedHashMap<>();
		main.put("SB.YL", 6024);
		main.put("XF.YFK", 3224);
		main.put("QY.LN", 1642);
		main.put("ZF.GZF", 1639);
		main.put("JT.GJ", 1131);
		// The other 13,233 main-line tickets spread over 19 smaller topics, none reaching 1,131.
		List<String> others = List.of("LD", "SR", "ZY", "WJ", "XA", "CL", "WY", "GW", "JY", "LY", "QZ", "GY", "YL", "HJ",
				"GJJ", "SZ", "ST", "XZ", "QT");
		int rest = 26893 - 6024 - 3224 - 1642 - 1639 - 1131;
		for (int i = 0; i < others.size(); i++) {
			int share = rest / others.size() + ((i < rest % others.size()) ? 1 : 0);
			main.put(others.get(i), share);
		}
		main.forEach((category, count) -> insert(category, "MAIN", count));
		insert("RC.RD", "TALENT", 50);
		insert("QF.KB", "ENTERPRISE", 408);
	}

	/** One bulk statement per topic: ids from the sequence, numbers in the workflow's format. */
	void insert(String category, String line, int count) {
		this.jdbc.update("""
				insert into ticket (id, ticket_no, status, level, description, request_type, category_code, channel,
				  service_line, close_reason, closed_at, created_at, created_by, updated_at)
				select n, 'NT' || to_char(t at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad((n % 1000000)::text, 6, '0'),
				  'CLOSED', 'ROUTINE', '周报样本', 'CONSULTATION', ?, 'PHONE', ?, 'DIRECT_ANSWER', t, t, 'operator', t
				from (select nextval('ticket_id_seq') as n,
				        timestamptz '2019-02-11 00:00:00+08' + (g % 8) * interval '1 day' + (g % 900) * interval '1 minute' as t
				      from generate_series(1, ?) g) s""", category, line, count);
	}

	@Test
	void theGeneratedWeekPrintsTheExampleLines() {
		WeeklyReport.Report report = this.reports.report(new Period(FROM, TO, ZoneId.of("Asia/Shanghai")));
		assertThat(report.intakeLine()).isEqualTo(
				"受理情况: 2月11日至18日, 市12345在线平台共收到企业和群众诉求26893件, 尚贤人才服务热线受理人才诉求50件, 一企来企业服务专线受理企业诉求408件。");
		// The paper printed "占比12%" and "占比6.1%"; the counts give 11.99% and 6.09% (see SharesTests).
		assertThat(report.hotTopicLine()).isEqualTo(
				"诉求热点: 社会保险6024件, 占比22.4%; 消费服务3224件, 占比11.99%; 权益保障1642件, 占比6.11%; 住房保障1639件, 占比6.09%; 交通出行1131件, 占比4.21%。");
		assertThat(report.hotTopics()).hasSize(10);
		assertThat(report.hotTopics().get(0).change()).isNull();
		assertThat(report.rates().directRate()).isEqualTo("100%");
	}

	@Test
	void thePageShowsTheLinesAndPrintsWithoutNavigation() throws Exception {
		this.mvc.perform(get("/supervision/weekly-report").param("from", FROM.toString()).param("to", TO.toString())
			.with(user(this.users.loadUserByUsername("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("市12345在线平台共收到企业和群众诉求26893件")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("社会保险6024件, 占比22.4%")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/css/supervision.css")));
	}

	@Test
	void theXlsxExportOpensAndIsAudited() throws Exception {
		long before = exports();
		MvcResult result = this.mvc
			.perform(get("/supervision/weekly-report/export").param("from", FROM.toString())
				.param("to", TO.toString())
				.param("format", "xlsx")
				.with(user(this.users.loadUserByUsername("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", Exports.XLSX.toString()))
			.andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet summary = workbook.getSheetAt(0);
			assertThat(summary.getRow(1).getCell(0).getStringCellValue()).startsWith("受理情况: 2月11日至18日");
			Sheet hot = workbook.getSheetAt(2);
			assertThat(hot.getRow(1).getCell(1).getStringCellValue()).isEqualTo("社会保险");
			assertThat(hot.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(6024d);
			assertThat(hot.getRow(2).getCell(3).getStringCellValue()).isEqualTo("11.99%");
		}
		assertThat(exports()).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject(
				"select detail from audit_log where event_type = 'EXPORT' and object_type = 'WEEKLY_REPORT' order by id desc limit 1",
				String.class)).isEqualTo("XLSX");
	}

	@Test
	void theCsvExportHasNoPhoneNumbersAndIsAudited() throws Exception {
		long before = exports();
		MvcResult result = this.mvc
			.perform(get("/supervision/weekly-report/export").param("from", FROM.toString())
				.param("to", TO.toString())
				.param("format", "csv")
				.with(user(this.users.loadUserByUsername("supervisor"))))
			.andExpect(status().isOk())
			.andReturn();
		String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains("社会保险,6024,22.4%").doesNotContainPattern("1[3-9]\\d{9}");
		assertThat(exports()).isEqualTo(before + 1);
	}

	@Test
	void otherRolesAreRefused() throws Exception {
		for (String username : List.of("operator", "rsj")) {
			this.mvc.perform(get("/supervision/weekly-report/export").with(user(this.users.loadUserByUsername(username))))
				.andExpect(status().isForbidden());
		}
	}

	long exports() {
		return this.jdbc.queryForObject("select count(*) from audit_log where event_type = 'EXPORT'", Long.class);
	}

}
