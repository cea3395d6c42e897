package org.hotline12345.api;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Calls the API as the demo accounts do, with their documented tokens. */
final class ApiTestSupport {

	private final MockMvc mvc;

	ApiTestSupport(MockMvc mvc) {
		this.mvc = mvc;
	}

	static String bearer(String username) {
		return "Bearer demo-" + username + "-token";
	}

	static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, bearer(username));
	}

	static MockHttpServletRequestBuilder postJson(String username, String url, String json) {
		return as(username, post(url).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String newTicketJson(String description) {
		return """
				{"callerName": "张先生", "callerPhone": "13812341234", "address": "崇川区和平桥街道某小区",
				 "districtCode": "chongchuan", "requestType": "HELP", "categoryCode": "SB.YL", "channel": "WECHAT",
				 "description": "%s"}""".formatted(description);
	}

	/** Registers a ticket into the dispatch queue as the operator; answers its number. */
	String create(String description) throws Exception {
		MvcResult result = this.mvc.perform(postJson("operator", "/api/v1/tickets", newTicketJson(description)))
			.andExpect(status().isCreated())
			.andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.ticketNo");
	}

	/** A ticket dispatched by the operator to {@code unitCode}. */
	String dispatchedTo(String unitCode, String description) throws Exception {
		String no = create(description);
		this.mvc.perform(postJson("operator", "/api/v1/tickets/" + no + "/dispatch",
				"{\"leadUnitCode\": \"" + unitCode + "\"}"))
			.andExpect(status().isOk());
		return no;
	}

	/** The ticket as {@code username} gets it. */
	String ticket(String username, String no) throws Exception {
		return this.mvc.perform(as(username, get("/api/v1/tickets/" + no)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
