package org.hotline12345.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which server each kind of transaction reads, through the real pieces (transaction interceptor, the
 * {@code @ReadFromReplica} advisor, {@link LazyConnectionDataSourceProxy}, {@link ReadReplicaRouting}) over two
 * stand-in databases that record the statements they receive. The replica's lag comes from a stand-in as well, so
 * the test can put it behind, make it unreachable and let it catch up. {@code ReadReplicaIntegrationTests} does the
 * same against a real streaming replica.
 */
class ReadReplicaRoutingTests {

	static final String QUERY = "select count(*) from ticket";

	final MovingClock clock = new MovingClock();

	final DataSource primary = mock(DataSource.class);

	final Statement primaryStatement = mock(Statement.class);

	final DataSource replicaServer = mock(DataSource.class);

	final Statement replicaStatement = mock(Statement.class);

	final ResultSet lagResult = mock(ResultSet.class);

	ReadReplica replica;

	DataSource dataSource;

	Reports reports;

	Screens screens;

	Work work;

	@BeforeEach
	void wire() throws SQLException {
		Connection primaryConnection = mock(Connection.class);
		when(this.primary.getConnection()).thenReturn(primaryConnection);
		when(primaryConnection.createStatement()).thenReturn(this.primaryStatement);
		Connection replicaConnection = mock(Connection.class);
		when(this.replicaServer.getConnection()).thenReturn(replicaConnection);
		when(replicaConnection.createStatement()).thenReturn(this.replicaStatement);
		when(this.replicaStatement.executeQuery(ReadReplica.LAG)).thenReturn(this.lagResult);
		when(this.lagResult.next()).thenReturn(true);
		lag(0.2);

		ReplicaSettings settings = new ReplicaSettings("jdbc:postgresql://replica/hotline", null, null, null,
				Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(30));
		this.replica = new ReadReplica(this.replicaServer, settings, this.clock);
		LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy();
		lazy.setTargetDataSource(new ReadReplicaRouting(this.primary, this.replica));
		lazy.setDefaultAutoCommit(true);
		lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		lazy.afterPropertiesSet();
		this.dataSource = lazy;

		DataSourceTransactionManager transactions = new DataSourceTransactionManager(this.dataSource);
		this.reports = proxy(new Reports(this.dataSource, transactions), transactions);
		this.screens = proxy(new Screens(this.dataSource), transactions);
		this.work = proxy(new Work(this.dataSource, this.reports), transactions);
	}

	/** As the application context orders them: the replica mark outside, the transaction inside. */
	@SuppressWarnings("unchecked")
	<T> T proxy(T target, PlatformTransactionManager transactions) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(ReadReplicaConfiguration.Routing.readFromReplicaAdvisor());
		factory.addAdvisor(new DefaultPointcutAdvisor(
				new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource())));
		return (T) factory.getProxy();
	}

	void lag(double seconds) throws SQLException {
		when(this.lagResult.getDouble(1)).thenReturn(seconds);
	}

	int replicaReads() {
		return mockingDetails(this.replicaStatement)
			.getInvocations()
			.stream()
			.filter((i) -> i.getMethod().getName().equals("executeQuery") && QUERY.equals(i.getArgument(0)))
			.toList()
			.size();
	}

	@Test
	void aReportReadsTheReplica() throws SQLException {
		this.reports.report();
		verify(this.replicaStatement).executeQuery(QUERY);
		verify(this.primaryStatement, never()).executeQuery(anyString());
		assertThat(this.replica.lag()).hasValue(Duration.ofMillis(200));
	}

	@Test
	void aReadOnlyTransactionThatIsNotAReportReadsThePrimary() throws SQLException {
		this.screens.page();
		verify(this.primaryStatement).executeQuery(QUERY);
		assertThat(replicaReads()).isZero();
	}

	@Test
	void writesAndReadsOutsideATransactionGoToThePrimary() throws SQLException {
		this.work.write();
		Connection connection = this.dataSource.getConnection();
		connection.createStatement().executeQuery(QUERY);
		connection.close();
		verify(this.primaryStatement, times(1)).executeUpdate(anyString());
		verify(this.primaryStatement, times(1)).executeQuery(QUERY);
		assertThat(replicaReads()).isZero();
	}

	@Test
	void aReportCalledInsideAWriteReadsWhatThatWriteSees() throws SQLException {
		this.work.writeThenReport();
		verify(this.primaryStatement).executeQuery(QUERY);
		assertThat(replicaReads()).isZero();
	}

	@Test
	void aTransactionAReportOpensAnewReadsThePrimary() throws SQLException {
		this.reports.reportThatLoadsACache();
		verify(this.replicaStatement).executeQuery(QUERY);
		verify(this.primaryStatement).executeQuery("select * from unit");
	}

	@Test
	void aReplicaTooFarBehindIsLeftAloneUntilItCatchesUp() throws SQLException {
		lag(301);
		this.reports.report();
		assertThat(replicaReads()).isZero();
		verify(this.primaryStatement).executeQuery(QUERY);
		assertThat(this.replica.lag()).as("the figures are live: they come from the primary").isEmpty();

		lag(3);
		this.reports.report();
		assertThat(replicaReads()).as("the last measurement is reused for the check interval").isZero();

		this.clock.advance(Duration.ofSeconds(5));
		this.reports.report();
		assertThat(replicaReads()).isEqualTo(1);
		assertThat(this.replica.lag()).hasValue(Duration.ofSeconds(3));
	}

	@Test
	void anUnreachableReplicaIsRetriedOnlyAfterAWhileAndTheReportsReadThePrimaryMeanwhile() throws SQLException {
		this.reports.report();
		assertThat(replicaReads()).isEqualTo(1);
		doThrow(new SQLException("Connection refused")).when(this.replicaServer).getConnection();

		this.reports.report();
		verify(this.primaryStatement, times(1)).executeQuery(QUERY);
		this.clock.advance(Duration.ofSeconds(10));
		this.reports.report();
		verify(this.primaryStatement, times(2)).executeQuery(QUERY);
		verify(this.replicaServer, times(3)).getConnection();
		assertThat(this.replica.lag()).isEmpty();

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.replica.usable()).as("tried again after retry-after, still down").isFalse();
		verify(this.replicaServer, times(4)).getConnection();
	}

	@Test
	void withoutAReplicaThereIsNoLag() {
		assertThat(ReadReplica.none().lag()).isEmpty();
		assertThat(ReadReplica.none().usable()).isFalse();
	}

	static class Reports {

		private final DataSource dataSource;

		private final TransactionTemplate cache;

		Reports(DataSource dataSource, PlatformTransactionManager transactions) {
			this.dataSource = dataSource;
			this.cache = new TransactionTemplate(transactions);
			this.cache.setReadOnly(true);
			this.cache.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}

		@ReadFromReplica
		public void report() throws SQLException {
			query(this.dataSource, QUERY);
		}

		@ReadFromReplica
		public void reportThatLoadsACache() throws SQLException {
			query(this.dataSource, QUERY);
			this.cache.executeWithoutResult((status) -> {
				try {
					query(this.dataSource, "select * from unit");
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

	}

	static class Screens {

		private final DataSource dataSource;

		Screens(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Transactional(readOnly = true)
		public void page() throws SQLException {
			query(this.dataSource, QUERY);
		}

	}

	static class Work {

		private final DataSource dataSource;

		private final Reports reports;

		Work(DataSource dataSource, Reports reports) {
			this.dataSource = dataSource;
			this.reports = reports;
		}

		@Transactional
		public void write() throws SQLException {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			connection.createStatement().executeUpdate("insert into ticket default values");
		}

		@Transactional
		public void writeThenReport() throws SQLException {
			write();
			this.reports.report();
		}

	}

	static void query(DataSource dataSource, String sql) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.createStatement().executeQuery(sql);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T02:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
