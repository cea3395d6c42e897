package org.hotline12345.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that reach the database, per thread: every {@code prepareStatement}/{@code prepareCall}
 * (Hibernate and JdbcTemplate prepare once per execution; a JDBC batch is one) and every SQL string executed through
 * a plain {@link Statement}. Wraps the application's {@link DataSource} in a JDK proxy; no dependency needed.
 */
public final class StatementCounter {

	private static final ThreadLocal<List<String>> STATEMENTS = ThreadLocal.withInitial(ArrayList::new);

	private static final ThreadLocal<int[]> COMMITS = ThreadLocal.withInitial(() -> new int[1]);

	private StatementCounter() {
	}

	/** Forgets what this thread ran so far. */
	public static void reset() {
		STATEMENTS.get().clear();
		COMMITS.get()[0] = 0;
	}

	/** The statements this thread ran since {@link #reset()}, in order. */
	public static List<String> statements() {
		return List.copyOf(STATEMENTS.get());
	}

	/** Commits this thread made since {@link #reset()}. */
	public static int commits() {
		return COMMITS.get()[0];
	}

	static DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					if (result instanceof Connection connection) {
						return connection(connection);
					}
					return result;
				});
	}

	private static Connection connection(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
					&& args[0] instanceof String sql) {
				STATEMENTS.get().add(sql);
			}
			if (name.equals("commit")) {
				COMMITS.get()[0]++;
			}
			if (name.equals("unwrap") || name.equals("isWrapperFor")) {
				return invoke(target, method, args);
			}
			Object result = invoke(target, method, args);
			if (result instanceof Statement statement && name.equals("createStatement")) {
				return statement(statement);
			}
			return result;
		};
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static Statement statement(Statement target) {
		return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Statement.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("execute") && args != null && args.length > 0
							&& args[0] instanceof String sql) {
						STATEMENTS.get().add(sql);
					}
					return invoke(target, method, args);
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** Import into a test to count its statements. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? wrap(dataSource) : bean;
				}
			};
		}

	}

}
