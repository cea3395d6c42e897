package org.hotline12345.shared.web;

import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files come from their own paths, and only those: a catch-all mapping made every link a page builds a
 * classpath lookup (seven tenths of a queue page's rendering time, docs/performance.md).
 */
@HotlineIntegrationTest
class StaticResourcesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ResourceUrlProvider resources;

	@Test
	void stylesScriptsAndWebjarsAreServed() throws Exception {
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/app.js")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("htmx")));
	}

	@Test
	void onlyTheStaticPathsAreResourcePaths() {
		assertThat(this.resources.getHandlerMap()).containsOnlyKeys("/css/**", "/js/**", "/webjars/**");
		assertThat(this.resources.getForLookupPath("/dispatch/NT20250218000042")).isNull();
		assertThat(this.resources.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
			.matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js");
	}

}
