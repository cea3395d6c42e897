package org.hotline12345;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives every test JVM a fresh PostgreSQL, whatever the machine offers, and leaves nothing behind:
 * <ol>
 * <li>{@code HOTLINE_TEST_DATABASE_URL} set (a JDBC URL to an admin database of a running server): a new database
 * {@code hotline_test_…} is created there and dropped when Spring shuts down;</li>
 * <li>otherwise, where a Docker engine answers, a Testcontainers PostgreSQL 17;</li>
 * <li>otherwise an embedded PostgreSQL 17 in a temporary folder.</li>
 * </ol>
 * One database serves all the test contexts of a JVM; Flyway migrates it once.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static Map<String, Object> connection;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", database()));
	}

	private static synchronized Map<String, Object> database() {
		if (connection == null) {
			String serverUrl = System.getenv("HOTLINE_TEST_DATABASE_URL");
			if (StringUtils.hasText(serverUrl)) {
				connection = freshDatabaseOn(serverUrl);
			}
			else if (DockerClientFactory.instance().isDockerAvailable()) {
				connection = container();
			}
			else {
				connection = embedded();
			}
		}
		return connection;
	}

	private static Map<String, Object> freshDatabaseOn(String serverUrl) {
		String name = "hotline_test_" + UUID.randomUUID().toString().substring(0, 8);
		execute(serverUrl, "CREATE DATABASE " + name);
		SpringApplication.getShutdownHandlers().add(() -> execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
		String url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		return properties(url, null, null);
	}

	private static Map<String, Object> container() {
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
		postgres.start();
		return properties(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
	}

	private static Map<String, Object> embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("hotline-test-pg"))
				.setCleanDataDirectory(true)
				.setServerConfig("timezone", "Asia/Shanghai")
				.setServerConfig("max_connections", "200")
				// Stopped once every cached test context has closed: the library's own JVM hook would run at the
				// same time as Spring's, and each closing context would wait for a connection to a stopped server.
				.setRegisterShutdownHook(false)
				.start();
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			return properties(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> properties(String url, String username, String password) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		if (username != null) {
			properties.put("spring.datasource.username", username);
			properties.put("spring.datasource.password", password);
		}
		return properties;
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database: " + sql.toLowerCase(Locale.ROOT) + " failed on " + url, ex);
		}
	}

	@Override
	public int getOrder() {
		// After the config files are read, before the main code's embedded database would start.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
