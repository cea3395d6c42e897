package org.hotline12345.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real, embedded PostgreSQL when no datasource is configured, so that {@code ./mvnw spring-boot:run}
 * needs no set-up. Its data lives in {@code hotline.embedded-db.data-dir} (default {@code ./data/postgres}) and
 * survives restarts; unlike the library's test defaults, fsync and synchronous commit stay on, because this
 * database holds real work. With {@code spring.datasource.url} set (production, docker compose) nothing starts.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "hotline.embedded-db.enabled";

	static final String DATA_DIR = "hotline.embedded-db.data-dir";

	static final String PORT = "hotline.embedded-db.port";

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresEnvironmentPostProcessor.class);

	private static EmbeddedPostgres server;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty(ENABLED, Boolean.class, true)) {
			return;
		}
		EmbeddedPostgres postgres = start(Path.of(environment.getProperty(DATA_DIR, "data/postgres")),
				environment.getProperty(PORT, Integer.class, 0));
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
	}

	private static synchronized EmbeddedPostgres start(Path dataDir, int port) {
		if (server != null) {
			return server;
		}
		try {
			Files.createDirectories(dataDir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir.toAbsolutePath())
				.setCleanDataDirectory(false)
				// The library defaults suit throwaway test data; this database keeps real work.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("timezone", "Asia/Shanghai")
				// Stopped after the application has closed (below), not by the library's own JVM hook, which runs
				// at the same time as Spring's and would take the database away from requests still finishing.
				.setRegisterShutdownHook(false);
			if (port > 0) {
				builder.setPort(port);
			}
			server = builder.start();
			SpringApplication.getShutdownHandlers().add(EmbeddedPostgresEnvironmentPostProcessor::stop);
			logger.info("Embedded PostgreSQL started on port " + server.getPort() + " with data in "
					+ dataDir.toAbsolutePath());
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private static synchronized void stop() {
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				logger.warn("Could not stop the embedded PostgreSQL cleanly: " + ex.getMessage());
			}
			server = null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
