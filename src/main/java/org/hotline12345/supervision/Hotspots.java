package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DispatchSuggestion;
import org.hotline12345.shared.db.ReadFromReplica;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Hotspots: matters (level-2 categories) in a district rising fastest this week against the week before, the
 * starting point of 未诉先办.
 */
@Service
@ReadFromReplica
class Hotspots {

	/** Below this many tickets in the week a rise is noise, not a hotspot. */
	static final int MIN_COUNT = 5;

	private final JdbcTemplate jdbc;

	private final Names names;

	private final DepartmentDirectory directory;

	Hotspots(JdbcTemplate jdbc, Names names, DepartmentDirectory directory) {
		this.jdbc = jdbc;
		this.names = names;
		this.directory = directory;
	}

	record Hotspot(String categoryCode, String category, String districtCode, String district, long count,
			long previous, long rise, String change, String suggestedUnit) {
	}

	List<Hotspot> rising(Period week, int limit) {
		Period before = week.previous();
		Map<String, long[]> counts = new HashMap<>();
		this.jdbc.query("""
				select split_part(category_code, '.', 1) || '.' || split_part(category_code, '.', 2), district_code,
				  count(*) filter (where created_at >= ?), count(*) filter (where created_at < ?)
				from ticket where created_at >= ? and created_at < ? and category_code like '%.%'
				  and district_code is not null group by 1, 2""", (rs) -> {
			String key = rs.getString(1) + "|" + this.names.districtOf(rs.getString(2));
			long[] row = counts.computeIfAbsent(key, (k) -> new long[2]);
			row[0] += rs.getLong(3);
			row[1] += rs.getLong(4);
		}, Timestamp.from(week.start()), Timestamp.from(week.start()), Timestamp.from(before.start()),
				Timestamp.from(week.end()));
		return counts.entrySet()
			.stream()
			.filter((e) -> e.getValue()[0] >= MIN_COUNT && e.getValue()[0] > e.getValue()[1])
			.map((e) -> {
				String[] key = e.getKey().split("\\|");
				long now = e.getValue()[0];
				long previous = e.getValue()[1];
				String unit = this.directory.suggestUnits(key[0], key[1])
					.stream()
					.findFirst()
					.map((suggestion) -> suggestion.unit().code())
					.orElse(key[1]);
				return new Hotspot(key[0], this.names.categoryPath(key[0]), key[1], this.names.districtName(key[1]), now,
						previous, now - previous, Shares.change(now, previous), unit);
			})
			.sorted(Comparator.comparingLong(Hotspot::rise).reversed().thenComparing(Hotspot::categoryCode))
			.limit(limit)
			.toList();
	}

}
