package org.hotline12345.open311;

import java.util.List;

import org.hotline12345.HotlineIntegrationTest;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.ReplyOutcome;
import org.hotline12345.ticket.Satisfaction;
import org.hotline12345.ticket.TicketQueries;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GeoReport v2 against the shapes of the spec's examples (wiki.open311.org/GeoReport_v2): service list, service
 * definition, POST with api_key and form encoding, GET one and many with open/closed, errors as code+description.
 */
@HotlineIntegrationTest
class Open311IntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TicketWorkflow workflow;

	@Autowired
	TicketQueries queries;

	@Autowired
	DepartmentDirectory directory;

	@Test
	void servicesAreOurCategoriesWithTheSpecsFields() throws Exception {
		this.mvc.perform(get("/open311/v2/services.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.service_code == 'SZ.LD.BL')].service_name").value(hasItem("路灯不亮")))
			.andExpect(jsonPath("$[?(@.service_code == 'SZ.LD.BL')].metadata").value(hasItem(false)))
			.andExpect(jsonPath("$[?(@.service_code == 'SZ.LD.BL')].type").value(hasItem("realtime")))
			.andExpect(jsonPath("$[?(@.service_code == 'SZ.LD.BL')].keywords").value(hasItem("市政设施,路灯,路灯不亮")))
			.andExpect(jsonPath("$[?(@.service_code == 'SZ.LD.BL')].group").value(hasItem("市政设施")))
			.andExpect(jsonPath("$[?(@.service_code == 'SZ')]").isEmpty());
		this.mvc.perform(get("/open311/v2/services.xml"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"<service><service_code>SZ.LD.BL</service_code><service_name>路灯不亮</service_name>")));
		this.mvc.perform(get("/open311/v2/services/SZ.LD.BL.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service_code").value("SZ.LD.BL"))
			.andExpect(jsonPath("$.attributes").isEmpty());
		this.mvc.perform(get("/open311/v2/services/NOPE.json"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$[0].code").value(404))
			.andExpect(jsonPath("$[0].description").exists());
	}

	@Test
	void aClientWithAKeyCreatesARequestThatBecomesATicket() throws Exception {
		String body = this.mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", DemoOpen311Key.KEY)
			.param("service_code", "SZ.LD.BL")
			.param("lat", "32.0163")
			.param("long", "120.8650")
			.param("address_string", "崇川区工农路 88 号门口")
			.param("description", "路灯连续三晚不亮")
			.param("first_name", "明")
			.param("last_name", "李")
			.param("phone", "13812345678")
			.param("email", "li@example.com"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].service_request_id").value(matchesPattern("NT\\d{14}")))
			.andExpect(jsonPath("$[0].service_notice").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1");
		var ticket = this.queries.findForOversight(id).orElseThrow();
		assertThat(ticket.channel()).isEqualTo(Channel.APP);
		assertThat(ticket.categoryCode()).isEqualTo("SZ.LD.BL");
		assertThat(ticket.address()).isEqualTo("崇川区工农路 88 号门口");

		this.mvc.perform(get("/open311/v2/requests/{id}.json", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].service_request_id").value(id))
			.andExpect(jsonPath("$[0].status").value("open"))
			.andExpect(jsonPath("$[0].status_notes").value("已受理，等待派单"))
			.andExpect(jsonPath("$[0].service_code").value("SZ.LD.BL"))
			.andExpect(jsonPath("$[0].agency_responsible").value("12345政务服务便民热线"))
			.andExpect(jsonPath("$[0].requested_datetime").value(matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00")))
			.andExpect(jsonPath("$[0].updated_datetime").exists())
			.andExpect(jsonPath("$[0].lat").value(32.0163))
			.andExpect(jsonPath("$[0].long").value(120.865));

		// Through the loop to closed: agency is the lead unit, notes the public answer.
		Actor operator = new Actor("operator", Role.OPERATOR, null);
		this.workflow.dispatch(id, "cgj", List.of(), null, null, operator);
		Actor cgj = new Actor("cgj", Role.UNIT_STAFF, this.directory.unit("cgj").orElseThrow().id());
		this.workflow.accept(id, null, cgj);
		this.mvc.perform(get("/open311/v2/requests/{id}.json", id))
			.andExpect(jsonPath("$[0].status").value("open"))
			.andExpect(jsonPath("$[0].agency_responsible").value("城管局"));
		this.workflow.reply(id, ReplyOutcome.SOLVED, "路灯已修复。", null, cgj);
		this.workflow.recordCallback(id, true, true, Satisfaction.SATISFIED, null, null, operator);
		this.mvc.perform(get("/open311/v2/requests/{id}.json", id))
			.andExpect(jsonPath("$[0].status").value("closed"))
			.andExpect(jsonPath("$[0].status_notes").value("路灯已修复。"));
		this.mvc.perform(get("/open311/v2/requests.json").param("status", "closed").param("service_code", "SZ.LD.BL"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].service_request_id").value(hasItem(id)));
		this.mvc.perform(get("/open311/v2/requests.json").param("status", "open").param("service_request_id", id))
			.andExpect(jsonPath("$").isEmpty());
		this.mvc.perform(get("/open311/v2/requests/{id}.xml", id))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/xml")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"<service_requests><request><service_request_id>" + id + "</service_request_id><status>closed</status>")));
	}

	@Test
	void withoutAValidKeyNothingIsCreated() throws Exception {
		this.mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", "wrong")
			.param("service_code", "SZ.LD.BL")
			.param("address_string", "某地")
			.param("description", "路灯不亮")
			.param("phone", "13812345678"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$[0].code").value(403));
		this.mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("service_code", "SZ.LD.BL"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<errors><error><code>403</code>")));
	}

	@Test
	void missingLocationOrUnknownServiceIsABadRequest() throws Exception {
		this.mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", DemoOpen311Key.KEY)
			.param("service_code", "SZ.LD.BL")
			.param("description", "路灯不亮")
			.param("phone", "13812345678"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$[0].code").value(400));
		this.mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", DemoOpen311Key.KEY)
			.param("service_code", "NOPE")
			.param("address_string", "某地")
			.param("description", "路灯不亮")
			.param("phone", "13812345678"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/open311/v2/requests/NT0.json")).andExpect(status().isNotFound());
	}

	@Test
	void theApiIsStatelessAndNeedsNoCsrfToken() throws Exception {
		this.mvc.perform(get("/open311/v2/services.json"))
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

}
