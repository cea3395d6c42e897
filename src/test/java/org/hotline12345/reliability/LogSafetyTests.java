package org.hotline12345.reliability;

import com.jayway.jsonpath.JsonPath;
import org.hotline12345.HotlineIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Checklist #24, on the application log as it is written: a ticket's whole life through the API and the screens
 * (registered with a known phone number, dispatched, accepted, replied, shown to the operator and the unit) never puts
 * the full number in the log, even at DEBUG; and a username carrying CR/LF, logged by Spring Security at DEBUG, stays
 * on one line, escaped.
 */
@HotlineIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogSafetyTests {

	/** A number no other test uses. */
	static final String PHONE = "13987650123";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void verbose() {
		// The most talkative the application gets: every module and the authentication providers at DEBUG.
		this.logging.setLogLevel("org.hotline12345", LogLevel.DEBUG);
		this.logging.setLogLevel("org.springframework.security", LogLevel.DEBUG);
	}

	@AfterEach
	void quiet() {
		this.logging.setLogLevel("org.hotline12345", null);
		this.logging.setLogLevel("org.springframework.security", null);
	}

	@Test
	void aTicketsWholeLifeLeavesNoPhoneNumberInTheLog(CapturedOutput output) throws Exception {
		String created = this.mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer demo-operator-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"callerName": "陈女士", "callerPhone": "%s", "address": "崇川区和平桥街道某小区",
					 "districtCode": "chongchuan", "requestType": "HELP", "categoryCode": "SB.YL", "channel": "PHONE",
					 "description": "社保卡补办进度查询，日志安全测试"}""".formatted(PHONE)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String no = JsonPath.read(created, "$.ticketNo");
		this.mvc.perform(post("/api/v1/tickets/" + no + "/dispatch").header("Authorization", "Bearer demo-operator-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"leadUnitCode\": \"rsj\"}")).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/tickets/" + no + "/accept").header("Authorization", "Bearer demo-rsj-token"))
			.andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/tickets/" + no + "/reply").header("Authorization", "Bearer demo-rsj-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\": \"SOLVED\", \"answer\": \"已补办，请到窗口领取\"}")).andExpect(status().isOk());
		this.mvc.perform(get("/tickets/" + no).with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/unit/tickets/" + no).with(user(this.users.loadUserByUsername("rsj"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/callback/" + no).with(user(this.users.loadUserByUsername("operator"))))
			.andExpect(status().isOk());
		this.mvc.perform(post("/callback/" + no + "/reveal").param("reason", "回访需要核实号码")
			.with(user(this.users.loadUserByUsername("operator")))
			.with(csrf()));

		assertThat(output.getAll()).as("the flow ran and logged at DEBUG").contains(no);
		assertThat(output.getAll()).doesNotContain(PHONE).doesNotContain("139 8765 0123").doesNotContain("139-8765-0123");
	}

	@Test
	void aUsernameWithALineBreakIsLoggedEscapedOnOneLine(CapturedOutput output) throws Exception {
		this.mvc.perform(post("/login").param("username", "mallory\r\nINFO forged entry").param("password", "nope")
			.with(csrf()));
		assertThat(output.getAll()).as("Spring Security logs the unknown username at DEBUG")
			.contains("mallory\\r\\nINFO forged entry");
		assertThat(output.getAll()).doesNotContain("\nINFO forged entry").doesNotContain("\rINFO forged entry");
	}

}
