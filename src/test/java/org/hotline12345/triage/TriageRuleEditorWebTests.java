package org.hotline12345.triage;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The supervisor's rule editor as a browser drives it: who may enter, a draft from the published rules, forms with
 * Chinese field errors, the "try it" box, the evaluation report, and publishing a new version that grades at once.
 */
@HotlineIntegrationTest
class TriageRuleEditorWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TriageService service;

	@Autowired
	JdbcTemplate jdbc;

	UserDetails as(String username) {
		return this.users.loadUserByUsername(username);
	}

	@Test
	void onlySupervisorsReachTheRules() throws Exception {
		this.mvc.perform(get("/triage/rules").with(user(as("operator")))).andExpect(status().isForbidden());
		this.mvc.perform(get("/triage/rules").with(user(as("rsj")))).andExpect(status().isForbidden());
		this.mvc.perform(post("/triage/rules/drafts").with(user(as("operator"))).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/triage/alerts").with(user(as("operator")))).andExpect(status().isForbidden());
		this.mvc.perform(get("/triage/rules").with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("分级规则")));
		this.mvc.perform(get("/triage/alerts").with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("集中预警")));
		this.mvc.perform(get("/triage/rules/9999").with(user(as("supervisor")))).andExpect(status().isNotFound());
	}

	@Test
	void theSupervisorDraftsTriesEvaluatesAndPublishes() throws Exception {
		int before = this.service.currentRuleSet().version();
		MvcResult created = this.mvc.perform(post("/triage/rules/drafts").with(user(as("supervisor"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String draftUrl = created.getResponse().getRedirectedUrl();
		int draft = Integer.parseInt(draftUrl.substring(draftUrl.lastIndexOf('/') + 1));
		assertThat(draft).isGreaterThan(before);

		this.mvc.perform(get(draftUrl).with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("草稿")))
			.andExpect(content().string(containsString("SZ.HL.GZ")))
			.andExpect(content().string(containsString("咬伤")));

		// A blank phrase and an out-of-range weight: the form comes back with Chinese errors and what was typed.
		this.mvc.perform(post(draftUrl + "/phrases").with(user(as("supervisor"))).with(csrf())
			.param("kind", "HAZARD").param("rule", "测试规则").param("phrase", " ").param("weight", "900"))
			.andExpect(status().isOk())
			.andExpect(view().name("triage/phrase-form"))
			.andExpect(model().attributeHasFieldErrors("form", "phrase", "weight"))
			.andExpect(content().string(containsString("请填写短语")))
			.andExpect(content().string(containsString("权重须在 0 到 200 之间")))
			.andExpect(content().string(containsString("value=\"测试规则\"")));
		// A phrase the draft already has.
		this.mvc.perform(post(draftUrl + "/phrases").with(user(as("supervisor"))).with(csrf())
			.param("kind", "HAZARD").param("rule", "生命危险").param("phrase", "咬伤").param("weight", "60"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本版本已有同类型的这个短语")));

		String text = "楼下花坛里有一只绿色独角测试兽在游荡";
		this.mvc.perform(get(draftUrl + "/try").param("text", text).with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一般")))
			.andExpect(content().string(not(containsString("独角测试兽"))));

		this.mvc.perform(post(draftUrl + "/phrases").with(user(as("supervisor"))).with(csrf())
			.param("kind", "HAZARD").param("rule", "测试危险").param("phrase", "独角测试兽").param("weight", "40")
			.param("mark", "SUDDEN"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "triage.flash.phraseAdded"));

		// Try it: the draft says urgent, the published rules still say routine, side by side.
		this.mvc.perform(get(draftUrl + "/try").param("text", text).with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("按 v" + draft)))
			.andExpect(content().string(containsString("按当前发布 v" + before)))
			.andExpect(content().string(containsString("紧急")))
			.andExpect(content().string(containsString("独角测试兽")));

		this.mvc.perform(post(draftUrl + "/categories").with(user(as("supervisor"))).with(csrf())
			.param("categoryCode", "XX.NO.SUCH").param("rule", "类别默认").param("floor", "URGENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有这个类别代码")));

		this.mvc.perform(post(draftUrl + "/settings").with(user(as("supervisor"))).with(csrf())
			.param("urgent", "50").param("critical", "40").param("amplifierGate", "15").param("negationWindow", "4")
			.param("gapWindow", "8").param("scaleMinCount", "10").param("scaleWeight", "20")
			.param("durationMinHours", "12").param("durationWeight", "20").param("vulnerableFlagWeight", "15")
			.param("clusterWindowHours", "200").param("clusterThreshold", "3").param("clusterSimilarity", "60"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("特急阈值不能低于紧急阈值")))
			.andExpect(content().string(containsString("集中时间窗须在 1 到 168 小时之间")));
		RuleSet published = this.service.currentRuleSet();
		this.mvc.perform(post(draftUrl + "/settings").with(user(as("supervisor"))).with(csrf())
			.param("urgent", "" + published.thresholds().urgent()).param("critical", "" + published.thresholds().critical())
			.param("amplifierGate", "" + published.thresholds().amplifierGate()).param("negationWindow", "4")
			.param("gapWindow", "" + published.thresholds().gapWindow())
			.param("scaleMinCount", "" + published.thresholds().scaleMinCount())
			.param("scaleWeight", "" + published.thresholds().scaleWeight())
			.param("durationMinHours", "" + published.thresholds().durationMinHours())
			.param("durationWeight", "" + published.thresholds().durationWeight())
			.param("vulnerableFlagWeight", "" + published.thresholds().vulnerableFlagWeight())
			.param("clusterWindowHours", "8").param("clusterThreshold", "4").param("clusterSimilarity", "70"))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get(draftUrl + "/evaluation").with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("混淆矩阵")))
			.andExpect(content().string(containsString("当前发布 v" + before)))
			.andExpect(content().string(containsString("本版本 v" + draft)));

		this.mvc.perform(post(draftUrl + "/publish").with(user(as("supervisor"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/triage/rules"))
			.andExpect(flash().attribute("message", "triage.flash.published"));

		RuleSet now = this.service.currentRuleSet();
		assertThat(now.version()).isEqualTo(draft);
		assertThat(now.cluster()).isEqualTo(new RuleSet.Cluster(8, 4, 70));
		assertThat(this.service.preview(TriageInput.of(text)).level().name()).isEqualTo("URGENT");
		this.mvc.perform(get("/triage/rules").with(user(as("supervisor"))))
			.andExpect(content().string(containsString("已停用")))
			.andExpect(content().string(containsString("已发布")));
		// The retired version stays viewable, read only.
		this.mvc.perform(get("/triage/rules/{v}", before).with(user(as("supervisor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/phrases/new"))));
		this.mvc.perform(post("/triage/rules/{v}/phrases", before).with(user(as("supervisor"))).with(csrf())
			.param("kind", "HAZARD").param("rule", "x").param("phrase", "不该加上").param("weight", "10"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorKey", "triage.error.notDraft"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE event_type = 'TRIAGE_RULES_PUBLISH' AND object_id = ?",
				Integer.class, "v" + draft)).isOne();

		// Back to the cluster defaults so that other tests see the shipped settings.
		restoreClusterDefaults();
	}

	void restoreClusterDefaults() throws Exception {
		int draft = this.service.currentRuleSet().version() + 1;
		this.mvc.perform(post("/triage/rules/drafts").with(user(as("supervisor"))).with(csrf()));
		RuleSet published = this.service.currentRuleSet();
		this.mvc.perform(post("/triage/rules/{v}/settings", draft).with(user(as("supervisor"))).with(csrf())
			.param("urgent", "" + published.thresholds().urgent()).param("critical", "" + published.thresholds().critical())
			.param("amplifierGate", "" + published.thresholds().amplifierGate())
			.param("negationWindow", "" + published.thresholds().negationWindow())
			.param("gapWindow", "" + published.thresholds().gapWindow())
			.param("scaleMinCount", "" + published.thresholds().scaleMinCount())
			.param("scaleWeight", "" + published.thresholds().scaleWeight())
			.param("durationMinHours", "" + published.thresholds().durationMinHours())
			.param("durationWeight", "" + published.thresholds().durationWeight())
			.param("vulnerableFlagWeight", "" + published.thresholds().vulnerableFlagWeight())
			.param("clusterWindowHours", "6").param("clusterThreshold", "3").param("clusterSimilarity", "60"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/triage/rules/{v}/publish", draft).with(user(as("supervisor"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.service.currentRuleSet().cluster()).isEqualTo(RuleSet.Cluster.DEFAULTS);
	}

}
