package org.hotline12345.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Sends the connection of a {@link ReadFromReplica} transaction to the read replica and every other connection to
 * the primary. It sits behind a {@link org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy}: the
 * transaction manager begins a transaction before its read-only flag is published, so the physical connection must
 * be chosen at the first statement, not when the transaction begins.
 * <p>
 * The replica is used only when all three hold: a transaction is active, it is read-only, and it is the one a
 * {@code @ReadFromReplica} method began. Read-only alone is not enough: the login, the API token check, the ticket page and
 * the reference data caches are read-only too, and must see a write made a moment before (decision 0009). When the
 * replica cannot give a connection or is too far behind ({@link ReadReplica}), the primary serves the report.
 */
class ReadReplicaRouting extends AbstractRoutingDataSource {

	enum Route {

		PRIMARY, REPLICA

	}

	private final DataSource primary;

	private final ReadReplica replica;

	ReadReplicaRouting(DataSource primary, ReadReplica replica) {
		this.primary = primary;
		this.replica = replica;
		setTargetDataSources(Map.of(Route.PRIMARY, primary, Route.REPLICA, replica.dataSource()));
		setDefaultTargetDataSource(primary);
		setLenientFallback(false);
		afterPropertiesSet();
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return (Scope.replicaWanted() && this.replica.usable()) ? Route.REPLICA : Route.PRIMARY;
	}

	@Override
	public Connection getConnection() throws SQLException {
		DataSource target = determineTargetDataSource();
		if (target == this.primary) {
			return target.getConnection();
		}
		try {
			return target.getConnection();
		}
		catch (SQLException ex) {
			this.replica.failed(ex);
			return this.primary.getConnection();
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	/**
	 * Remembers, for the current thread, the transaction a {@link ReadFromReplica} method begins (by the name the
	 * transaction interceptor gives it: the method's qualified name). Applied outside the transaction interceptor.
	 * Only that transaction may use the replica: a transaction the report's code opens anew inside it (a cache
	 * loading reference data it keeps afterwards, say) reads the primary, and so does a report called from inside
	 * another transaction.
	 */
	static final class Scope implements MethodInterceptor {

		private static final ThreadLocal<String> TRANSACTION = new ThreadLocal<>();

		static boolean replicaWanted() {
			String wanted = TRANSACTION.get();
			return wanted != null && TransactionSynchronizationManager.isActualTransactionActive()
					&& TransactionSynchronizationManager.isCurrentTransactionReadOnly()
					&& wanted.equals(TransactionSynchronizationManager.getCurrentTransactionName());
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (TRANSACTION.get() != null) {
				return invocation.proceed();
			}
			Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis())
					: invocation.getMethod().getDeclaringClass();
			TRANSACTION.set(ClassUtils.getQualifiedMethodName(invocation.getMethod(), targetClass));
			try {
				return invocation.proceed();
			}
			finally {
				TRANSACTION.remove();
			}
		}

	}

}
