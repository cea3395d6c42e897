package org.hotline12345.open311;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo city's documented Open311 key (docs/open311.md). Never in production: demo profile only. */
@Component
@Profile("demo")
class DemoOpen311Key implements ApplicationRunner {

	static final String KEY = "demo-open311-key-nantong-2025";

	private final Open311Keys keys;

	DemoOpen311Key(Open311Keys keys) {
		this.keys = keys;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.keys.register("演示客户端", KEY);
	}

}
