package org.hotline12345.supervision;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the demo profile with {@code hotline.demo.tickets=true}: fills a (nearly) empty city with the last 8 weeks of
 * tickets, once. Off by default, so that tests and production never pay for it.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "hotline.demo.tickets", havingValue = "true")
class DemoCityRunner implements ApplicationRunner {

	static final int WEEKS = 8;

	static final int PER_WEEK = 27_000;

	private final DemoCity city;

	private final JdbcTemplate jdbc;

	DemoCityRunner(DemoCity city, JdbcTemplate jdbc) {
		this.city = city;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long tickets = this.jdbc.queryForObject("select count(*) from ticket", Long.class);
		if (tickets != null && tickets < 1000) {
			this.city.generate(WEEKS, PER_WEEK, 12345L);
		}
	}

}
