package org.hotline12345.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search relevance and speed on the seeded articles buried among 10,000 generated ones that share their words
 * (公积金贷款提取记录, 养老保险缴费转移接续, 社保卡注销 …), so that the right article has to win on ranking, not by
 * being the only match.
 */
@HotlineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeSearchIntegrationTests {

	private static final String GENERATED_BY = "kb-load-test";

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	void bury() {
		long started = System.nanoTime();
		this.jdbc.update("""
				insert into knowledge_article (question, answer, keywords, updated_by, updated_at)
				select d || s || a || '的问题',
				       '关于' || d || s || '的' || a || '：请携带身份证到' || d || '政务服务中心' || s || '窗口咨询办理，也可以通过“苏服办”APP线上申请，'
				       || '工作人员将在规定时限内答复。办理时间为工作日上午9点至下午5点，节假日除外。如需进一步了解' || a || '，可拨打12345热线。',
				       s || ' ' || a, ?, now()
				from unnest(array['崇川区','通州区','海门区','海安市','如皋市','启东市','如东县','开发区','苏锡通园区']) d,
				     unnest(array['住房公积金缴存','公积金贷款','养老保险缴费','医疗保险','失业保险','工伤保险','社保卡','居住证','户口本',
				       '身份证','驾驶证','行驶证','营业执照','不动产抵押','公租房','低保','高龄津贴','路边停车','公交卡','燃气开户','供水',
				       '供电','垃圾分类','养犬','学籍','幼儿园','医保卡','生育保险','人才公寓','职称评审','个税','发票','电动车上牌',
				       '充电桩','物业费','维修资金','电梯','新能源车','网约车','出租车','档案','医保关系']) s,
				     unnest(array['缴费标准','办理流程','所需材料','办理地点','查询方式','信息变更','注销','补办','申请条件','办理时限',
				       '投诉渠道','政策调整','线上办理','收费标准','年审','到期续办','退费','转移接续','提取记录','异地办理','进度查询',
				       '证明开具','代办']) a""", GENERATED_BY);
		this.jdbc.update("""
				insert into knowledge_article (question, answer, keywords, updated_by, updated_at)
				select question || '（补充说明）', answer, keywords, updated_by, updated_at from knowledge_article
				where updated_by = ? order by id limit 1306""", GENERATED_BY);
		this.jdbc.execute("analyze knowledge_article");
		this.jdbc.execute("analyze knowledge_gram");
		Integer generated = this.jdbc.queryForObject("select count(*) from knowledge_article where updated_by = ?",
				Integer.class, GENERATED_BY);
		assertThat(generated).isEqualTo(10_000);
		System.out.printf("Knowledge base: 10,000 generated articles inserted and indexed in %d ms%n",
				(System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	void dig() {
		this.jdbc.update("delete from knowledge_article where updated_by = ?", GENERATED_BY);
	}

	@ParameterizedTest(name = "{0} finds {1}… first")
	@CsvSource({ "公积金提取, GJJ.TQ", "养老保险转移, SB.YL.GXZY", "社保卡丢了, SB.SBK", "新生儿落户, HJ.LH",
			"驾驶证换证, CL.JZ", "失业金, SB.SY.SYJ", "居住证住满多久, HJ.JZ", "生育津贴, SB", "不动产登记, ZF.BDC",
			"护照, HJ.CR", "退休手续, SB.YL.TXSP", "小学报名, JY.RX.XQ", "医保报销比例, SB.YB.BXFW", "公积金, GJJ",
			"停车费, CL.TC" })
	void shortChineseQueriesFindTheirArticleFirst(String query, String categoryCode) {
		List<KnowledgeArticle> found = this.knowledge.search(query, 5);
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).categoryCode()).as("first hit for %s: %s", query, found.get(0).question())
			.startsWith(categoryCode);
		System.out.printf("Relevance: %-8s → %s (score %.2f)%n", query, found.get(0).question(), found.get(0).score());
	}

	@Test
	void aCallersDescriptionSuggestsTheAnswer() {
		List<KnowledgeArticle> suggested = this.knowledge
			.suggest("我上个月从上海辞职回南通了，想问一下之前在上海交的养老保险怎么转过来，需要准备什么材料？", 3);
		assertThat(suggested).isNotEmpty();
		assertThat(suggested.get(0).categoryCode()).isEqualTo("SB.YL.GXZY");

		List<KnowledgeArticle> school = this.knowledge
			.suggest("我家孩子明年要上小学了，我们是外地户口，在南通租房子住，想问问怎么报名", 3);
		assertThat(school).extracting(KnowledgeArticle::categoryCode).first().isIn("JY.RX.SQ", "JY.RX.XQ");
	}

	@Test
	void retiredAndExpiredArticlesAreNotFound() {
		Long retired = this.jdbc.queryForObject("""
				insert into knowledge_article (question, answer, keywords, active, updated_by, updated_at)
				values ('蟹黄汤包外卖配送范围怎么查询', '已停用的答案', '蟹黄汤包', false, 'kb-test', now()) returning id""",
				Long.class);
		Long expired = this.jdbc.queryForObject("""
				insert into knowledge_article (question, answer, keywords, valid_from, valid_to, updated_by, updated_at)
				values ('蟹黄汤包节补贴怎么申领', '过期的答案', '蟹黄汤包', '2020-01-01', '2020-12-31', 'kb-test', now())
				returning id""", Long.class);
		try {
			assertThat(this.knowledge.search("蟹黄汤包", 10)).extracting(KnowledgeArticle::id)
				.doesNotContain(retired, expired);
			assertThat(this.knowledge.article(retired)).isPresent();
		}
		finally {
			this.jdbc.update("delete from knowledge_article where id in (?, ?)", retired, expired);
		}
	}

	@Test
	void nonsenseAndInjectionFindNothingAndNeverFail() {
		assertThat(this.knowledge.search("' OR 1=1--", 5)).isEmpty();
		assertThat(this.knowledge.search("   ", 5)).isEmpty();
		assertThat(this.knowledge.search("😀𠀀", 5)).isEmpty();
		assertThat(this.knowledge.suggest("x".repeat(5000), 5)).isEmpty();
	}

	@Test
	void searchAnswersWellUnder100MillisecondsAt10000Articles() {
		List<String> queries = List.of("公积金提取", "养老保险转移", "社保卡丢了", "新生儿落户", "驾驶证换证", "医保报销",
				"我上个月从上海辞职回南通，想问一下之前在上海交的养老保险怎么转过来，需要准备什么材料",
				"我家孩子明年要上小学了，我们是外地户口，在南通租房子住，想问问怎么报名");
		for (String query : queries) {
			this.knowledge.suggest(query, 5);
		}
		List<Double> millis = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			for (String query : queries) {
				long started = System.nanoTime();
				this.knowledge.suggest(query, 5);
				millis.add((System.nanoTime() - started) / 1e6);
			}
		}
		Collections.sort(millis);
		double median = millis.get(millis.size() / 2);
		double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
		System.out.printf("Knowledge search at 10,000+ articles over %d queries: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
				millis.size(), median, p95, millis.get(millis.size() - 1));
		assertThat(median).isLessThan(100.0);
		assertThat(Arrays.asList(p95)).allMatch((p) -> p < 250.0);
	}

}
