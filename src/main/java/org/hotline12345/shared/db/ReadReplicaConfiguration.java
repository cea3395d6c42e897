package org.hotline12345.shared.db;

import java.sql.Connection;
import java.time.Clock;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The read replica for reports, when {@code hotline.datasource.replica.url} is set: the primary's pool as Spring Boot
 * would build it ({@code spring.datasource.*}, {@code spring.datasource.hikari.*}), a pool on the replica, and as the
 * application's {@code DataSource} a {@link LazyConnectionDataSourceProxy} over {@link ReadReplicaRouting}. Flyway
 * migrates the primary only. Without the property nothing here is created but an empty {@link ReadReplica}, and Spring
 * Boot builds its one pool as before.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicaConfiguration {

	static final String CONFIGURED = "!'${hotline.datasource.replica.url:}'.isBlank()";

	@Bean(destroyMethod = "")
	@ConditionalOnExpression("!(" + CONFIGURED + ")")
	ReadReplica noReadReplica() {
		return ReadReplica.none();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression(CONFIGURED)
	static class Routing {

		@Bean
		@FlywayDataSource
		@ConfigurationProperties("spring.datasource.hikari")
		HikariDataSource primaryDataSource(DataSourceProperties properties) {
			HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
			primary.setPoolName("hotline-primary");
			return primary;
		}

		@Bean(destroyMethod = "close")
		ReadReplica readReplica(ReplicaSettings settings, DataSourceProperties properties,
				HikariDataSource primaryDataSource, Clock clock) {
			HikariDataSource replica = new HikariDataSource();
			replica.setPoolName("hotline-replica");
			replica.setJdbcUrl(settings.url());
			replica.setUsername((settings.username() != null) ? settings.username() : properties.determineUsername());
			replica.setPassword((settings.password() != null) ? settings.password() : properties.determinePassword());
			// The same connection settings as the primary's (e.g. jit=off), its own size.
			Properties connectionProperties = new Properties();
			connectionProperties.putAll(primaryDataSource.getDataSourceProperties());
			replica.setDataSourceProperties(connectionProperties);
			replica.setMaximumPoolSize((settings.maximumPoolSize() != null) ? settings.maximumPoolSize()
					: primaryDataSource.getMaximumPoolSize());
			replica.setReadOnly(true);
			replica.setConnectionTimeout(settings.connectionTimeout().toMillis());
			// The application starts while the replica is down; its reports read the primary meanwhile.
			replica.setInitializationFailTimeout(-1);
			return new ReadReplica(replica, settings, clock);
		}

		@Bean
		@Primary
		DataSource dataSource(HikariDataSource primaryDataSource, ReadReplica readReplica) {
			LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy();
			proxy.setTargetDataSource(new ReadReplicaRouting(primaryDataSource, readReplica));
			// PostgreSQL's and Hikari's defaults, so that no connection is taken only to find them out.
			proxy.setDefaultAutoCommit(true);
			proxy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			proxy.afterPropertiesSet();
			return proxy;
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static Advisor readFromReplicaAdvisor() {
			ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(ReadFromReplica.class, true))
				.union(AnnotationMatchingPointcut.forMethodAnnotation(ReadFromReplica.class));
			DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, new ReadReplicaRouting.Scope());
			// Outside the transaction interceptor (LOWEST_PRECEDENCE), so the mark is set before the transaction begins.
			advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
			return advisor;
		}

	}

}
