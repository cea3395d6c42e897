package org.hotline12345.supervision;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline12345.shared.db.ReadFromReplica;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.ServiceLine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The weekly public report in the city's own words. Counts are of tickets registered in the period; the hot topics
 * are the main line's level-1 categories with their share of the main line's total, as the city prints them.
 */
@Service
@ReadFromReplica
class WeeklyReport {

	static final int HOT_TOPICS = 10;

	/** How many hot topics the printed sentence names; the table lists all ten. */
	static final int HOT_TOPICS_IN_SENTENCE = 5;

	private final JdbcTemplate jdbc;

	private final DashboardStatistics statistics;

	WeeklyReport(JdbcTemplate jdbc, DashboardStatistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
	}

	record Count(String key, long count, String share) {
	}

	record Report(Period period, long mainLine, long talentLine, long enterpriseLine, List<Count> byChannel,
			List<Count> byRequestType, DashboardStatistics.Rates rates, List<DashboardStatistics.HotTopic> hotTopics) {

		public long total() {
			return this.mainLine + this.talentLine + this.enterpriseLine;
		}

		/** 受理情况: the first line of the published report. */
		public String intakeLine() {
			return "受理情况: " + this.period.label() + ", 市12345在线平台共收到企业和群众诉求" + this.mainLine
					+ "件, 尚贤人才服务热线受理人才诉求" + this.talentLine + "件, 一企来企业服务专线受理企业诉求"
					+ this.enterpriseLine + "件。";
		}

		/** 诉求热点: the top topics with their share of the main line. */
		public String hotTopicLine() {
			if (this.hotTopics.isEmpty()) {
				return "诉求热点: 无。";
			}
			return "诉求热点: " + this.hotTopics.stream()
				.limit(HOT_TOPICS_IN_SENTENCE)
				.map((topic) -> topic.name() + topic.count() + "件, 占比" + topic.share())
				.collect(Collectors.joining("; ")) + "。";
		}

		/** The rates sentence other weeks add. */
		public String ratesLine() {
			return "直接答复率" + this.rates.directRate() + ", 按时办结率" + this.rates.onTimeRate() + ", 回访满意率"
					+ this.rates.satisfactionRate() + "。";
		}

	}

	Report report(Period period) {
		Timestamp start = Timestamp.from(period.start());
		Timestamp end = Timestamp.from(period.end());
		Map<ServiceLine, Long> lines = new EnumMap<>(ServiceLine.class);
		Map<Channel, Long> channels = new EnumMap<>(Channel.class);
		Map<RequestType, Long> types = new EnumMap<>(RequestType.class);
		long[] total = new long[1];
		this.jdbc.query("""
				select service_line, channel, request_type, count(*) from ticket
				where created_at >= ? and created_at < ? group by 1, 2, 3""", (rs) -> {
			long count = rs.getLong(4);
			lines.merge(ServiceLine.valueOf(rs.getString(1)), count, Long::sum);
			channels.merge(Channel.valueOf(rs.getString(2)), count, Long::sum);
			types.merge(RequestType.valueOf(rs.getString(3)), count, Long::sum);
			total[0] += count;
		}, start, end);
		List<Count> byChannel = new ArrayList<>();
		for (Channel channel : Channel.values()) {
			long count = channels.getOrDefault(channel, 0L);
			byChannel.add(new Count(channel.name(), count, Shares.percent(count, total[0])));
		}
		List<Count> byType = new ArrayList<>();
		for (RequestType type : RequestType.values()) {
			long count = types.getOrDefault(type, 0L);
			byType.add(new Count(type.name(), count, Shares.percent(count, total[0])));
		}
		return new Report(period, lines.getOrDefault(ServiceLine.MAIN, 0L), lines.getOrDefault(ServiceLine.TALENT, 0L),
				lines.getOrDefault(ServiceLine.ENTERPRISE, 0L), byChannel, byType,
				this.statistics.rates(period, ServiceLine.MAIN.name()),
				this.statistics.hotTopics(period, ServiceLine.MAIN.name(), HOT_TOPICS));
	}

}
