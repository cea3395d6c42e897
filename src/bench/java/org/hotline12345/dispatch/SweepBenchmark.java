package org.hotline12345.dispatch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline12345.HotlineApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run of the deadline sweep ({@link DeadlineSweep#sweep()}, the code the scheduler calls under ShedLock) over the
 * benchmark database's open tickets, in the application's own context (web server on a random port, as the sessions need it); then a second run, which
 * finds the crossings already flagged (the steady state every minute).
 * <p>
 * Usage: {@code SweepBenchmark <jdbcUrl> <user> <out.md>}
 */
public final class SweepBenchmark {

	private SweepBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HotlineApplication.class)
			.properties("server.port=0", "spring.datasource.url=" + args[0], "spring.datasource.username=" + args[1],
					"hotline.dispatch.sweep.enabled=false", "hotline.demo.enabled=false", "hotline.demo.tickets=false",
					"hotline.pii.encryption-key=t2iF716NbWPLFmozUoLIkG1f1201Jgy1a6jIwX5aW0U=",
					"hotline.pii.index-key=CNLAF9GO+oCRx4iXxRH/zwhDYn3Men+OkzRQFd6NUTc=", "logging.level.root=WARN",
					"spring.main.banner-mode=off")
			.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Long open = jdbc.queryForObject(
					"select count(*) from ticket where status in ('DISPATCHED', 'IN_PROGRESS', 'CALLBACK_PENDING')", Long.class);
			DeadlineSweep sweep = context.getBean(DeadlineSweep.class);
			long t0 = System.nanoTime();
			int raised = sweep.sweep();
			double first = (System.nanoTime() - t0) / 1e6;
			long t1 = System.nanoTime();
			int again = sweep.sweep();
			double second = (System.nanoTime() - t1) / 1e6;
			String row = String.format("| %,d | %,d alerts in %,.0f ms (%.1f ms each) | %,d alerts in %,.0f ms |", open,
					raised, first, (raised > 0) ? first / raised : 0.0, again, second);
			System.out.println(row);
			try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
				writer.println(row);
			}
		}
	}

}
