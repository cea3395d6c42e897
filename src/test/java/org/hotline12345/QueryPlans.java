package org.hotline12345;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan of a statement as the tests check it: with sequential scans off, and with the indexes a test-sized table
 * would tempt the planner into dropped in a transaction that is rolled back, so that what is left must serve the
 * statement whatever the statistics. The ticket table is partitioned by month (V150): each month's copy of an index is
 * named after the month, and the plan reads it with the name of the index the copies belong to.
 */
public final class QueryPlans {

	private QueryPlans() {
	}

	public static String explain(JdbcTemplate jdbc, String sql, List<?> args, String... dropped) {
		String plan = jdbc.execute((ConnectionCallback<String>) (connection) -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local enable_seqscan = off");
				for (String index : dropped) {
					statement.execute("drop index if exists " + index);
				}
				try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
					for (int i = 0; i < args.size(); i++) {
						explain.setObject(i + 1, args.get(i));
					}
					StringBuilder text = new StringBuilder();
					try (ResultSet rs = explain.executeQuery()) {
						while (rs.next()) {
							text.append(rs.getString(1)).append('\n');
						}
					}
					return text.toString();
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		});
		for (Map<String, Object> copy : jdbc.queryForList("""
				select c.relname as copy, p.relname as parent from pg_inherits i
				join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
				where p.relkind = 'I'""")) {
			plan = plan.replace("using " + copy.get("copy") + " ", "using " + copy.get("parent") + " ");
		}
		return plan;
	}

}
