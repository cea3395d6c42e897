package org.hotline12345.knowledge;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** /knowledge: operators read and search, supervisors also write; everyone else is refused. */
@HotlineIntegrationTest
class KnowledgeScreenIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void operatorsSearchButCannotWrite() throws Exception {
		var operator = this.users.loadUserByUsername("operator");
		this.mvc.perform(get("/knowledge").param("q", "公积金提取").with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("住房公积金提取需要什么条件和材料")));
		this.mvc.perform(get("/knowledge/new").with(user(operator))).andExpect(status().isForbidden());
		this.mvc.perform(post("/knowledge").with(user(operator)).with(csrf()).param("question", "问").param("answer", "答"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/knowledge").with(user(this.users.loadUserByUsername("rsj")))).andExpect(status().isForbidden());
	}

	@Test
	void supervisorsCreateEditAndRetire() throws Exception {
		var supervisor = this.users.loadUserByUsername("supervisor");
		this.mvc.perform(post("/knowledge").with(user(supervisor)).with(csrf()).param("question", " ").param("answer", "答")
				.param("categoryCode", "NOPE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "question", "categoryCode"))
			.andExpect(content().string(containsString("请填写问题")));
		MvcResult created = this.mvc.perform(post("/knowledge").with(user(supervisor)).with(csrf())
				.param("question", "电动自行车上牌在哪里办理？").param("answer", "携带购车发票、合格证和身份证到交警上牌点办理。")
				.param("categoryCode", "CL.DD").param("sourceUnitCode", "jjzd").param("keywords", "电动车，上牌、牌照"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/knowledge/".length()));
		KnowledgeArticle article = this.knowledge.article(id).orElseThrow();
		assertThat(article.keywords()).isEqualTo("电动车 上牌 牌照");
		assertThat(this.knowledge.search("电动车上牌", 3)).extracting(KnowledgeArticle::id).first().isEqualTo(id);

		this.mvc.perform(post("/knowledge/" + id).with(user(supervisor)).with(csrf())
				.param("question", "电动自行车上牌在哪里办理？").param("answer", "旧版本").param("version", "99"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人修改")));
		this.mvc.perform(post("/knowledge/" + id + "/active").with(user(supervisor)).with(csrf())
				.param("active", "false").param("version", String.valueOf(article.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.knowledge.search("电动车上牌", 3)).extracting(KnowledgeArticle::id).doesNotContain(id);

		// Every change is in the audit trail, by whom and on which article; the refused stale edit is not.
		assertThat(this.jdbc.queryForList("select event_type || ' ' || actor || ' ' || coalesce(detail, '') from audit_log"
				+ " where object_type = 'KNOWLEDGE_ARTICLE' and object_id = ? order by id", String.class, String.valueOf(id)))
			.containsExactly("KNOWLEDGE_CREATE supervisor 电动自行车上牌在哪里办理？", "KNOWLEDGE_RETIRE supervisor ");
	}

}
