package org.hotline12345.triage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.TicketEvents.TicketRegistered;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.triage.RuleSet.Cluster;
import org.hotline12345.triage.TicketFacts.Facts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * 集中: on each new ticket, looks for open tickets on the same matter and place within the published rule set's window
 * — the same category (or its level-2 parent) in the same district, or a near-identical description where pg_trgm is
 * installed. When they reach the threshold, every member is marked CLUSTER and raised to at least URGENT, the later
 * ones still waiting for dispatch are merged into the earliest (the master) so that one unit acts once, and the
 * supervisors get one alert for the cluster.
 * <p>
 * Idempotent: marking skips tickets already marked, merging only takes tickets still PENDING_DISPATCH, the alert is
 * keyed by its master. Each step is its own transaction through {@link TicketWorkflow}, retried when a person changed
 * the ticket at the same moment.
 */
@Component
class ClusterDetection {

	private static final Logger log = LoggerFactory.getLogger(ClusterDetection.class);

	private final TicketFacts facts;

	private final TicketWorkflow workflow;

	private final TriageRules rules;

	private final TriageAlerts alerts;

	private final TriageSettings settings;

	private final JdbcTemplate jdbc;

	private final DepartmentDirectory directory;

	private volatile Boolean trigrams;

	ClusterDetection(TicketFacts facts, TicketWorkflow workflow, TriageRules rules, TriageAlerts alerts,
			TriageSettings settings, JdbcTemplate jdbc, DepartmentDirectory directory) {
		this.directory = directory;
		this.facts = facts;
		this.workflow = workflow;
		this.rules = rules;
		this.alerts = alerts;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TicketRegistered event) {
		if (!this.settings.clusters()) {
			return;
		}
		Facts ticket = this.facts.find(event.ticketId()).orElse(null);
		if (ticket == null || !ticket.isOpen() || (ticket.requestType() != null
				&& this.settings.clusterExcludedRequestTypes().contains(ticket.requestType()))) {
			return;
		}
		Cluster cluster = this.rules.current().ruleSet().cluster();
		List<Facts> members = members(ticket, cluster);
		if (members.size() < cluster.threshold()) {
			return;
		}
		Facts master = members.stream().filter((m) -> m.masterId() == null).findFirst().orElse(members.get(0));
		List<String> numbers = members.stream().map(Facts::ticketNo).toList();
		String note = "集中：" + cluster.windowHours() + "小时内同类同区域" + members.size() + "件（"
				+ describe(ticket) + "），主单 " + master.ticketNo();
		for (Facts member : members) {
			TicketFacts.retrying(() -> this.workflow.markCluster(member.ticketNo(), TriageLevel.URGENT, note));
		}
		for (Facts member : members) {
			if (member.id() != master.id() && master.masterId() == null) {
				TicketFacts.retrying(() -> mergeIfWaiting(member.id(), master.ticketNo()));
			}
		}
		this.alerts.raiseCluster(master.ticketNo(), matterKeyOrCode(ticket), ticket.districtCode(), numbers, event.at());
		log.info("Cluster of {} around {}: {}", members.size(), master.ticketNo(), numbers);
	}

	/** pg_trgm's default {@code similarity_threshold} (0.3), in percent: the {@code %} operator's own share. */
	private static final int TRIGRAM_OPERATOR_SHARE = 30;

	private List<Facts> members(Facts ticket, Cluster cluster) {
		Instant to = ticket.createdAt();
		Instant from = to.minus(Duration.ofHours(cluster.windowHours()));
		List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		StringBuilder where = new StringBuilder("status <> 'CLOSED' AND created_at >= ? AND created_at <= ? AND (");
		String key = TicketFacts.matterKey(ticket.categoryCode());
		boolean byPlace = key != null && ticket.districtCode() != null;
		if (byPlace) {
			where.append("(district_code = ? AND (category_code = ? OR category_code LIKE ?))");
			args.add(ticket.districtCode());
			args.add(key);
			args.add(key + ".%");
		}
		if (trigramsAvailable() && ticket.description() != null && ticket.description().length() >= 8) {
			if (byPlace) {
				where.append(" OR ");
			}
			if (cluster.similarity() >= TRIGRAM_OPERATOR_SHARE) {
				// `%` (pg_trgm's default threshold 0.3) can use ticket_description_trgm_idx (V101) and keeps every
				// description that is at least as alike as the rule asks; similarity() then applies the rule's share.
				where.append("(description % ? AND similarity(description, ?) >= ?)");
				args.add(ticket.description());
			}
			else {
				where.append("similarity(description, ?) >= ?");
			}
			args.add(ticket.description());
			args.add(cluster.similarity() / 100.0);
		}
		else if (!byPlace) {
			return List.of();
		}
		where.append(")");
		List<String> excluded = List.copyOf(this.settings.clusterExcludedRequestTypes());
		if (!excluded.isEmpty()) {
			where.append(" AND request_type NOT IN (").append(String.join(",", excluded.stream().map((t) -> "?").toList()))
				.append(")");
			args.addAll(excluded);
		}
		where.append(" ORDER BY created_at, id");
		return this.facts.query(where.toString(), args.toArray());
	}

	private boolean mergeIfWaiting(long childId, String masterNo) {
		Facts child = this.facts.find(childId).orElse(null);
		if (child == null || !"PENDING_DISPATCH".equals(child.status()) || child.masterId() != null) {
			return false;
		}
		try {
			this.workflow.merge(child.ticketNo(), masterNo, Actor.SYSTEM);
			return true;
		}
		catch (IllegalTransitionException ex) {
			// Another new member's listener merged (or an operator dispatched) it between the check above and the
			// merge: the cluster is already as it should be, nothing to redo.
			log.debug("Not merging {} into {}: {}", child.ticketNo(), masterNo, ex.getMessage());
			return false;
		}
	}

	private boolean trigramsAvailable() {
		Boolean available = this.trigrams;
		if (available == null) {
			available = Boolean.TRUE.equals(this.jdbc.queryForObject(
					"SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')", Boolean.class));
			this.trigrams = available;
		}
		return available;
	}

	private String describe(Facts ticket) {
		String category = (ticket.categoryCode() == null) ? "未分类"
				: this.directory.category(ticket.categoryCode()).map(CategoryView::path).orElse(ticket.categoryCode());
		String district = (ticket.districtCode() == null) ? "区域未知"
				: this.directory.unit(ticket.districtCode()).map(UnitView::name).orElse(ticket.districtCode());
		return category + " · " + district;
	}

	private static String matterKeyOrCode(Facts ticket) {
		String key = TicketFacts.matterKey(ticket.categoryCode());
		return (key != null) ? key : ticket.categoryCode();
	}

}
