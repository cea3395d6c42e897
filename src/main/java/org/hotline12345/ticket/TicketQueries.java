package org.hotline12345.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.UnitView;
import org.hotline12345.shared.PersonalDataProtection;
import org.hotline12345.ticket.TicketSummary.DeadlineState;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets for screens and the API, always as a particular viewer: unit staff only ever get their own unit's
 * tickets, and personal data comes masked unless the viewer's role needs it. Lists are plain SQL over the indexes
 * that match them (no N+1); reference names come from the in-memory directory.
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

	/**
	 * A ticket by its number, through the number's own table (V150): one probe there, then only the ticket's month is
	 * read instead of every month's index on {@code ticket_no}.
	 */
	static final String BY_NUMBER = "id = (select n.ticket_id from ticket_number n where n.ticket_no = ?)";


	/** The lists the screens show. */
	public enum Queue {

		/** 紧急队列: pending dispatch, CRITICAL and URGENT. */
		URGENT,

		/** 常规队列: pending dispatch, ROUTINE. */
		ROUTINE,

		/** 退单: returned by a unit, waiting for re-dispatch or a supervisor's ruling. */
		RETURNED,

		/** 待审核: replies waiting for the centre's review. */
		REVIEW,

		/** 待回访. */
		CALLBACK,

		/** 延期待批. */
		EXTENSIONS,

		/** Everything open with a unit, for supervisors. */
		WITH_UNITS

	}

	/** A unit's own lists. */
	public enum UnitQueue {

		/** 待签收. */
		NEW,

		/** 办理中. */
		IN_PROGRESS,

		/** 延期待批. */
		EXTENSION_PENDING,

		/** 已超时. */
		OVERDUE,

		/** 已回复 / 已办结: history. */
		DONE

	}

	static final String SUMMARY_COLUMNS = """
			t.ticket_no, t.status, t.level, t.marks, t.category_code, t.description, t.caller_phone_masked,
			t.confidential, t.lead_unit_id, t.service_line, t.created_at, t.dispatched_at, t.accept_due_at,
			t.reply_due_at, t.callback_due_at, t.replied_at, t.extension_pending, t.return_count, t.reopen_count""";

	private static final String LEVEL_ORDER = "case t.level when 'CRITICAL' then 0 when 'URGENT' then 1 else 2 end";

	/**
	 * How many tickets a queue screen shows at once; "更多" brings the next ones. Rendering the rows was most of a
	 * queue page's time with 200 of them (docs/performance.md).
	 */
	public static final int PAGE_SIZE = 50;

	/** The queues read page by page, by {@link #queuePage}. */
	private static final Set<Queue> PAGED = EnumSet.of(Queue.URGENT, Queue.ROUTINE, Queue.RETURNED, Queue.CALLBACK);

	private final TicketRepository tickets;

	private final TicketEventRepository events;

	private final TicketWorkflow workflow;

	private final JdbcTemplate jdbc;

	private final DepartmentDirectory directory;

	private final TicketDetailsAssembler assembler;

	private final PersonalDataProtection protection;

	private final Clock clock;

	TicketQueries(TicketRepository tickets, TicketEventRepository events, TicketWorkflow workflow, JdbcTemplate jdbc,
			DepartmentDirectory directory, TicketDetailsAssembler assembler, PersonalDataProtection protection,
			Clock clock) {
		this.tickets = tickets;
		this.events = events;
		this.workflow = workflow;
		this.jdbc = jdbc;
		this.directory = directory;
		this.assembler = assembler;
		this.protection = protection;
		this.clock = clock;
	}

	/** The ticket as {@code viewer} may see it, or empty when it does not exist or is not theirs to see. */
	public Optional<TicketDetails> find(String ticketNo, HotlineUser viewer) {
		Optional<Ticket> found = this.tickets.findByTicketNo(ticketNo);
		if (found.isEmpty() || !maySee(found.get(), viewer)) {
			return Optional.empty();
		}
		return Optional.of(details(found.get(), viewer.role() == Role.UNIT_STAFF));
	}

	/**
	 * The ticket as an outside overseer sees it (the justice bureau on an enforcement case, the citizen on the portal):
	 * phone masked, and on a confidential ticket the caller withheld, as for unit staff. The caller has already
	 * checked that the viewer may see this ticket; nothing here checks it.
	 */
	public Optional<TicketDetails> findForOversight(String ticketNo) {
		return this.tickets.findByTicketNo(ticketNo).map((ticket) -> details(ticket, true));
	}

	/**
	 * What a ticket is about (category and full description), for listeners that recognise matters on every new or
	 * dispatched ticket: one row, without the timeline and links that {@link #findForOversight} reads.
	 */
	public Optional<Matter> matter(String ticketNo) {
		return this.jdbc
			.query("select id, ticket_no, category_code, description from ticket where " + BY_NUMBER,
					(rs, i) -> new Matter(rs.getLong("id"), rs.getString("ticket_no"), rs.getString("category_code"),
							rs.getString("description")),
					ticketNo)
			.stream()
			.findFirst();
	}

	/** A ticket's subject: its category (may be null) and the citizen's description. */
	public record Matter(long id, String ticketNo, String categoryCode, String description) {
	}

	/** The caller's full number, for the roles that call citizens back. The caller audits the reveal. */
	public Optional<String> revealPhone(String ticketNo, HotlineUser viewer) {
		if (viewer.role() != Role.OPERATOR) {
			return Optional.empty();
		}
		return this.tickets.findByTicketNo(ticketNo)
			.map(Ticket::getCallerPhoneEnc)
			.map(this.protection::decrypt);
	}

	/**
	 * The first {@code limit} tickets of a queue. The screens page the dispatch and callback queues with
	 * {@link #queuePage}; this serves the short lists (review, extensions) and callers that want one list.
	 */
	public List<TicketSummary> queue(Queue queue, int limit) {
		if (PAGED.contains(queue)) {
			return queuePage(queue, null, limit).rows();
		}
		String order = switch (queue) {
			case WITH_UNITS -> LEVEL_ORDER + ", coalesce(t.accept_due_at, t.reply_due_at), t.id";
			default -> LEVEL_ORDER + ", t.created_at, t.id";
		};
		return summaries("select " + SUMMARY_COLUMNS + " from ticket t where " + where(queue) + " order by " + order
				+ " limit ?", limit);
	}

	/**
	 * One page of the urgent, routine, returned or callback queue: up to {@code size} tickets in the queue's order,
	 * starting after {@code after} (the first page when null), and the cursor of the page's last row when more follow.
	 * A keyset, never an offset: each level (or block) is one range of its index that starts at the cursor, so page 40
	 * reads what page 1 does.
	 */
	public QueuePage queuePage(Queue queue, QueueCursor after, int size) {
		planOnce();
		return read(size, pageQuery(queue, after, size));
	}

	/** The statement {@link #queuePage} runs, with its arguments (package-private for the plan tests). */
	PageQuery pageQuery(Queue queue, QueueCursor after, int size) {
		return switch (queue) {
			case URGENT -> waitingForDispatch(List.of(TriageLevel.CRITICAL, TriageLevel.URGENT), "", after, size);
			case ROUTINE -> waitingForDispatch(List.of(TriageLevel.ROUTINE), "", after, size);
			case RETURNED -> waitingForDispatch(List.of(TriageLevel.values()), " and t.return_count > 0", after, size);
			case CALLBACK -> callbacks(after, size);
			default -> throw new IllegalArgumentException("The " + queue + " list is not paged");
		};
	}

	/**
	 * The cursor a page link carries, if it is one this queue can have produced (its rank and time fit the queue's
	 * order); empty for anything else, which the screens answer with the first page.
	 */
	public Optional<QueueCursor> cursor(Queue queue, String token) {
		return QueueCursor.parse(token).filter((cursor) -> switch (queue) {
			case URGENT -> cursor.rank() <= 1 && cursor.at() != null;
			case ROUTINE -> cursor.rank() == 2 && cursor.at() != null;
			case RETURNED -> cursor.rank() <= 2 && cursor.at() != null;
			case CALLBACK -> (cursor.rank() == 0) == (cursor.at() != null) && cursor.rank() <= 1;
			default -> false;
		});
	}

	/** The same for a unit's list; the unit itself comes from the viewer, never from the cursor. */
	public Optional<QueueCursor> cursor(UnitQueue queue, String token) {
		return QueueCursor.parse(token).filter((cursor) -> switch (queue) {
			case NEW, IN_PROGRESS, OVERDUE -> cursor.rank() <= 2;
			case EXTENSION_PENDING, DONE -> cursor.rank() == 0;
		});
	}

	/** How many tickets a queue holds, and how many of them are CRITICAL (the screens' "共 N 件" and the alert). */
	public QueueSize queueSize(Queue queue) {
		planOnce();
		return this.jdbc.queryForObject("select count(*) as tickets, count(*) filter (where t.level = 'CRITICAL') as critical"
				+ " from ticket t where " + where(queue),
				(rs, i) -> new QueueSize(rs.getInt("tickets"), rs.getInt("critical")));
	}

	/** A page of a queue: its rows, and where the next page starts ({@code null} on the last page). */
	public record QueuePage(List<TicketSummary> rows, QueueCursor next) {

		public boolean hasMore() {
			return this.next != null;
		}

	}

	/** A queue's size. */
	public record QueueSize(int tickets, int critical) {
	}

	private static String where(Queue queue) {
		return switch (queue) {
			case URGENT -> "t.status = 'PENDING_DISPATCH' and t.level in ('CRITICAL', 'URGENT')";
			case ROUTINE -> "t.status = 'PENDING_DISPATCH' and t.level = 'ROUTINE'";
			case RETURNED -> "t.status = 'PENDING_DISPATCH' and t.return_count > 0";
			case REVIEW -> "t.status = 'REPLIED'";
			case CALLBACK -> "t.status = 'CALLBACK_PENDING'";
			case EXTENSIONS -> "t.status = 'IN_PROGRESS' and t.extension_pending";
			case WITH_UNITS -> "t.status in ('DISPATCHED', 'IN_PROGRESS')";
		};
	}

	/**
	 * Tickets waiting for dispatch: per level, the longest waiting first, straight from {@code ticket_queue_idx}
	 * (status, level, created_at), reading only the rows shown. Sorting by the level's rank over the whole queue made
	 * PostgreSQL read every waiting ticket first (10,000 routine ones: 57 ms, docs/performance.md). A page after a
	 * cursor leaves out the levels above the cursor's and starts the cursor's own level at the row comparison
	 * {@code (created_at, id) > (?, ?)}, which the index range begins at ({@code created_at >= ?}).
	 */
	private static PageQuery waitingForDispatch(List<TriageLevel> levels, String condition, QueueCursor after, int size) {
		List<String> ranges = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		for (TriageLevel level : levels) {
			int rank = level.ordinal();
			if (after != null && after.rank() > rank) {
				continue;
			}
			StringBuilder range = new StringBuilder("select " + rank + " as page_rank, t.created_at as page_at, t.id as page_id, "
					+ SUMMARY_COLUMNS + " from ticket t where t.status = 'PENDING_DISPATCH' and t.level = '" + level.name()
					+ "'" + condition);
			if (after != null && after.rank() == rank) {
				range.append(" and (t.created_at, t.id) > (?, ?)");
				args.add(Timestamp.from(after.at()));
				args.add(after.id());
			}
			ranges.add(range.append(" order by t.created_at, t.id limit ?").toString());
			args.add(size + 1);
		}
		if (ranges.isEmpty()) { // a cursor below the queue's last level: nothing follows it
			return new PageQuery("select 0 as page_rank, null::timestamptz as page_at, 0::bigint as page_id, "
					+ SUMMARY_COLUMNS + " from ticket t where false", List.of());
		}
		return union(size, ranges, args);
	}

	/**
	 * 待回访: the earliest callback deadline first, from {@code ticket_callback_due_idx}; a ticket without a deadline
	 * (none today, but the column allows it) after all others, as {@code nulls last} sorted it.
	 */
	private static PageQuery callbacks(QueueCursor after, int size) {
		List<String> ranges = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (after == null || after.rank() == 0) {
			String range = "select 0 as page_rank, t.callback_due_at as page_at, t.id as page_id, " + SUMMARY_COLUMNS
					+ " from ticket t where t.status = 'CALLBACK_PENDING' and t.callback_due_at is not null";
			if (after != null) {
				range += " and (t.callback_due_at, t.id) > (?, ?)";
				args.add(Timestamp.from(after.at()));
				args.add(after.id());
			}
			ranges.add(range + " order by t.callback_due_at, t.id limit ?");
			args.add(size + 1);
		}
		String range = "select 1 as page_rank, null::timestamptz as page_at, t.id as page_id, " + SUMMARY_COLUMNS
				+ " from ticket t where t.status = 'CALLBACK_PENDING' and t.callback_due_at is null";
		if (after != null && after.rank() == 1) {
			range += " and t.id > ?";
			args.add(after.id());
		}
		ranges.add(range + " order by t.id limit ?");
		args.add(size + 1);
		return union(size, ranges, args);
	}

	/**
	 * Ranges that each select {@code page_rank, page_at, page_id} and the summary columns in the queue's order and
	 * bring at most a page and one row more: one range alone, or the ranges one after the other in rank order.
	 */
	private static PageQuery union(int size, List<String> ranges, List<Object> args) {
		if (ranges.size() == 1) {
			return new PageQuery(ranges.get(0), args);
		}
		List<Object> all = new ArrayList<>(args);
		all.add(size + 1);
		return new PageQuery("select * from ((" + String.join(") union all (", ranges)
				+ ")) q order by q.page_rank, q.page_at, q.page_id limit ?", all);
	}

	/** A page's statement: it selects {@code page_rank, page_at, page_id} (the row's cursor) and the summary columns. */
	record PageQuery(String sql, List<Object> args) {
	}

	/** Runs a page's statement, which reads one row more than the page: it only tells whether a next page exists. */
	/**
	 * The work queues read every month's partition of the ticket table (nothing in them prunes by month), and planning
	 * them for each page cost more than running them: 6.6 ms to plan the urgent queue against 0.5 ms to run it, with 25
	 * months attached (docs/performance.md). For the rest of this read-only transaction a prepared statement keeps the
	 * plan it made once on its connection: their parameters (the unit, the cursor, the page size) change neither the
	 * partitions nor the indexes that serve them.
	 */
	private void planOnce() {
		this.jdbc.execute("set local plan_cache_mode = force_generic_plan");
	}

	private QueuePage read(int size, PageQuery query) {
		Instant now = this.clock.instant();
		List<QueueCursor> keys = new ArrayList<>();
		List<TicketSummary> rows = this.jdbc.query(query.sql(), (rs, i) -> {
			keys.add(new QueueCursor(rs.getInt("page_rank"), instant(rs, "page_at"), rs.getLong("page_id")));
			return summary(rs, now);
		}, query.args().toArray());
		if (rows.size() <= size) {
			return new QueuePage(rows, null);
		}
		return new QueuePage(List.copyOf(rows.subList(0, size)), keys.get(size - 1));
	}

	public Map<Queue, Integer> queueCounts() {
		return this.jdbc.query("""
				select
				  count(*) filter (where status = 'PENDING_DISPATCH' and level in ('CRITICAL', 'URGENT')) as urgent,
				  count(*) filter (where status = 'PENDING_DISPATCH' and level = 'CRITICAL') as critical,
				  count(*) filter (where status = 'PENDING_DISPATCH' and level = 'ROUTINE') as routine,
				  count(*) filter (where status = 'PENDING_DISPATCH' and return_count > 0) as returned,
				  count(*) filter (where status = 'REPLIED') as review,
				  count(*) filter (where status = 'CALLBACK_PENDING') as callback,
				  count(*) filter (where status = 'IN_PROGRESS' and extension_pending) as extensions
				from ticket where status in ('PENDING_DISPATCH', 'REPLIED', 'CALLBACK_PENDING')
				  or (status = 'IN_PROGRESS' and extension_pending)""",
				(rs) -> {
					rs.next();
					return Map.of(Queue.URGENT, rs.getInt("urgent"), Queue.ROUTINE, rs.getInt("routine"),
							Queue.RETURNED, rs.getInt("returned"), Queue.REVIEW, rs.getInt("review"), Queue.CALLBACK,
							rs.getInt("callback"), Queue.EXTENSIONS, rs.getInt("extensions"));
				});
	}

	/** How many CRITICAL tickets wait for dispatch: the navigation shows them in red. */
	public int criticalWaiting() {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from ticket where status = 'PENDING_DISPATCH' and level = 'CRITICAL'", Integer.class);
		return (count != null) ? count : 0;
	}

	/**
	 * One page of a unit's list: those it leads or assists, urgent first, then by the deadline that runs (history:
	 * the latest reply first), starting after {@code after} (the first page when null). The unit is always the
	 * viewer's: the cursor only says where in that unit's list the page starts.
	 */
	public QueuePage unitQueuePage(long unitId, UnitQueue queue, QueueCursor after, int size) {
		planOnce();
		return read(size, unitPageQuery(unitId, queue, after, size));
	}

	/** The statement {@link #unitQueuePage} runs, with its arguments (package-private for the plan tests). */
	PageQuery unitPageQuery(long unitId, UnitQueue queue, QueueCursor after, int size) {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object> args = new ArrayList<>();
		String sql = switch (queue) {
			case NEW -> unitList(unitId, "DISPATCHED", "accept_due_at", after, args);
			case IN_PROGRESS -> unitList(unitId, "IN_PROGRESS", "reply_due_at", after, args);
			case EXTENSION_PENDING -> {
				args.add(unitId);
				yield "select 0 as page_rank, t.reply_due_at as page_at, t.id as page_id, " + SUMMARY_COLUMNS
						+ " from ticket t where t.status = 'IN_PROGRESS' and t.extension_pending and t.lead_unit_id = ?"
						+ keyset("0", "t.reply_due_at", "t.id", after, false, args)
						+ " order by " + lastIfNull("t.reply_due_at") + ", t.id limit ?";
			}
			case OVERDUE -> {
				args.addAll(List.of(unitId, now, now));
				yield "select " + LEVEL_ORDER + " as page_rank, t.reply_due_at as page_at, t.id as page_id, " + SUMMARY_COLUMNS
						+ " from ticket t where t.lead_unit_id = ? and ((t.status = 'DISPATCHED' and t.accept_due_at < ?)"
						+ " or (t.status = 'IN_PROGRESS' and t.reply_due_at < ?))"
						+ keyset(LEVEL_ORDER, "t.reply_due_at", "t.id", after, false, args)
						+ " order by " + LEVEL_ORDER + ", " + lastIfNull("t.reply_due_at") + ", t.id limit ?";
			}
			case DONE -> {
				args.add(unitId);
				yield "select 0 as page_rank, t.replied_at as page_at, t.id as page_id, " + SUMMARY_COLUMNS
						+ " from ticket t where t.id in (select e.ticket_id from ticket_event e where e.actor_unit_id = ?"
						+ " and e.type = 'REPLIED')" + keyset("0", "t.replied_at", "t.id", after, true, args)
						+ " order by " + firstIfNull("t.replied_at") + " desc, t.id desc limit ?";
			}
		};
		args.add(size + 1);
		return new PageQuery(sql, args);
	}

	/**
	 * The open tickets a unit leads or assists in one status, most urgent first, then by the deadline that runs. The
	 * unit's tickets are picked from the covering index {@code ticket_unit_open_idx} (V100) and only the page's rows are
	 * read from the table: an {@code OR EXISTS} over the assisting units made PostgreSQL scan every open ticket. The
	 * keyset is checked on the index's own columns (level, the deadline, id), so a later page reads no more rows from
	 * the table than the first.
	 */
	private static String unitList(long unitId, String status, String dueColumn, QueueCursor after, List<Object> args) {
		String mine = "select m.id, m.level, m." + dueColumn + " as due from ticket m where m.lead_unit_id = ? and m.status = '"
				+ status + "' union all select m.id, m.level, m." + dueColumn + " from ticket_assist_unit a"
				+ " join ticket m on m.id = a.ticket_id where a.unit_id = ? and m.status = '" + status
				+ "' and m.lead_unit_id is distinct from a.unit_id";
		String rank = LEVEL_ORDER.replace("t.", "x.");
		args.add(unitId);
		args.add(unitId);
		String page = "select x.id from (" + mine + ") x where true" + keyset(rank, "x.due", "x.id", after, false, args)
				+ " order by " + rank + ", " + lastIfNull("x.due") + ", x.id limit ?"; // the page's size: the caller's last argument
		return "select " + LEVEL_ORDER + " as page_rank, t." + dueColumn + " as page_at, t.id as page_id, " + SUMMARY_COLUMNS
				+ " from ticket t where t.id in (" + page + ") order by " + LEVEL_ORDER + ", " + lastIfNull("t." + dueColumn)
				+ ", t.id";
	}

	/**
	 * {@code and (rank, time, id) > (cursor)} (or {@code <} for a list read backwards), a missing time counting as
	 * after every other in the forward lists and before every other in the backward one, as {@code nulls last} sorted
	 * them; nothing when there is no cursor.
	 */
	private static String keyset(String rank, String at, String id, QueueCursor after, boolean backwards,
			List<Object> args) {
		if (after == null) {
			return "";
		}
		String time = backwards ? firstIfNull(at) : lastIfNull(at);
		String cursorTime = (after.at() != null) ? "?::timestamptz"
				: (backwards ? "'-infinity'::timestamptz" : "'infinity'::timestamptz");
		args.add(after.rank());
		if (after.at() != null) {
			args.add(Timestamp.from(after.at()));
		}
		args.add(after.id());
		return " and (" + rank + ", " + time + ", " + id + ") " + (backwards ? "<" : ">") + " (?, " + cursorTime + ", ?)";
	}

	private static String lastIfNull(String at) {
		return "coalesce(" + at + ", 'infinity'::timestamptz)";
	}

	private static String firstIfNull(String at) {
		return "coalesce(" + at + ", '-infinity'::timestamptz)";
	}

	public Map<UnitQueue, Integer> unitCounts(long unitId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.query("""
				select
				  count(*) filter (where status = 'DISPATCHED') as new_count,
				  count(*) filter (where status = 'IN_PROGRESS') as in_progress,
				  count(*) filter (where status = 'IN_PROGRESS' and extension_pending) as extension_pending,
				  count(*) filter (where (status = 'DISPATCHED' and accept_due_at < ?) or (status = 'IN_PROGRESS' and reply_due_at < ?)) as overdue
				from (select t.status, t.accept_due_at, t.reply_due_at, t.extension_pending from ticket t
				      where t.lead_unit_id = ? and t.status in ('DISPATCHED', 'IN_PROGRESS')
				      union all
				      select t.status, t.accept_due_at, t.reply_due_at, t.extension_pending
				      from ticket_assist_unit a join ticket t on t.id = a.ticket_id
				      where a.unit_id = ? and t.status in ('DISPATCHED', 'IN_PROGRESS') and t.lead_unit_id is distinct from a.unit_id) t""",
				(rs) -> {
					rs.next();
					return Map.of(UnitQueue.NEW, rs.getInt("new_count"), UnitQueue.IN_PROGRESS, rs.getInt("in_progress"),
							UnitQueue.EXTENSION_PENDING, rs.getInt("extension_pending"), UnitQueue.OVERDUE,
							rs.getInt("overdue"), UnitQueue.DONE, 0);
				}, now, now, unitId, unitId);
	}

	/** 来电历史: the caller's earlier tickets, open ones first. Found by the blind index, never by the number. */
	public List<TicketSummary> callerHistory(String phone, int limit) {
		String index = this.protection.blindIndex(phone);
		return summaries("select " + SUMMARY_COLUMNS + " from ticket t where t.caller_phone_index = ?"
				+ " order by (t.status = 'CLOSED'), t.created_at desc limit ?", index, limit);
	}

	/** A summary of one ticket by number, for anyone the caller already checked may see it. */
	public Optional<TicketSummary> summary(String ticketNo) {
		return summaries("select " + SUMMARY_COLUMNS + " from ticket t where t." + BY_NUMBER, ticketNo).stream()
			.findFirst();
	}

	/** Tickets by number, as the API lists them: filtered, newest first, one page at a time. */
	public List<TicketSummary> search(TicketFilter filter, HotlineUser viewer, int offset, int limit) {
		StringBuilder sql = new StringBuilder("select " + SUMMARY_COLUMNS + " from ticket t where true");
		List<Object> args = new ArrayList<>();
		if (viewer.role() == Role.UNIT_STAFF) {
			sql.append(" and (t.lead_unit_id = ? or exists (select 1 from ticket_assist_unit a where a.ticket_id = t.id and a.unit_id = ?))");
			args.add(viewer.unitId());
			args.add(viewer.unitId());
		}
		if (filter.status() != null) {
			sql.append(" and t.status = ?");
			args.add(filter.status().name());
		}
		if (filter.level() != null) {
			sql.append(" and t.level = ?");
			args.add(filter.level().name());
		}
		if (filter.unitCode() != null) {
			Optional<UnitView> unit = this.directory.unit(filter.unitCode());
			if (unit.isEmpty()) {
				return List.of();
			}
			sql.append(" and t.lead_unit_id = ?");
			args.add(unit.get().id());
		}
		if (filter.ticketNo() != null) {
			sql.append(" and t.ticket_no = ?");
			args.add(filter.ticketNo());
		}
		sql.append(" order by t.created_at desc, t.id desc offset ? limit ?");
		args.add(offset);
		args.add(limit);
		return summaries(sql.toString(), args.toArray());
	}

	/** The filters of a ticket search; nulls mean "any". */
	public record TicketFilter(TicketStatus status, TriageLevel level, String unitCode, String ticketNo) {
	}

	boolean maySee(Ticket ticket, HotlineUser viewer) {
		return switch (viewer.role()) {
			case OPERATOR, SUPERVISOR -> true;
			case UNIT_STAFF -> this.workflow.mayUnitSee(ticket, viewer.unitId());
			default -> false;
		};
	}

	private TicketDetails details(Ticket t, boolean unitViewer) {
		String masterNo = (t.getMasterId() != null) ? this.tickets.findById(t.getMasterId()).map(Ticket::getTicketNo).orElse(null) : null;
		List<String> children = this.tickets.findByMasterId(t.getId()).stream().map(Ticket::getTicketNo).toList();
		return this.assembler.details(t, this.events.timelineOf(t), masterNo, children, unitViewer);
	}

	private List<TicketSummary> summaries(String sql, Object... args) {
		Instant now = this.clock.instant();
		return this.jdbc.query(sql, (rs, i) -> summary(rs, now), args);
	}

	private TicketSummary summary(ResultSet rs, Instant now) throws SQLException {
		TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
		String categoryCode = rs.getString("category_code");
		long leadUnitId = rs.getLong("lead_unit_id");
		String leadUnitName = rs.wasNull() ? null : unitName(leadUnitId);
		Instant dispatchedAt = instant(rs, "dispatched_at");
		Instant acceptDue = instant(rs, "accept_due_at");
		Instant replyDue = instant(rs, "reply_due_at");
		Instant repliedAt = instant(rs, "replied_at");
		Instant callbackDue = instant(rs, "callback_due_at");
		Instant due = switch (status) {
			case DISPATCHED -> acceptDue;
			case IN_PROGRESS -> replyDue;
			case CALLBACK_PENDING -> callbackDue;
			default -> null;
		};
		boolean confidential = rs.getBoolean("confidential");
		return new TicketSummary(rs.getString("ticket_no"), status, TriageLevel.valueOf(rs.getString("level")),
				marks(rs.getString("marks")), categoryCode,
				(categoryCode != null) ? this.directory.category(categoryCode).map(CategoryView::name).orElse(categoryCode) : null,
				excerpt(rs.getString("description")), confidential ? null : rs.getString("caller_phone_masked"),
				confidential, leadUnitName, ServiceLine.valueOf(rs.getString("service_line")),
				instant(rs, "created_at"), due,
				this.assembler.deadlineState(status, dispatchedAt, acceptDue, replyDue, repliedAt, callbackDue, now),
				rs.getBoolean("extension_pending"), rs.getInt("return_count"), rs.getInt("reopen_count"));
	}

	private String unitName(long id) {
		return this.assembler.unitName(id);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Set<TriageMark> marks(String text) {
		if (text == null || text.isBlank()) {
			return EnumSet.noneOf(TriageMark.class);
		}
		return Arrays.stream(text.split(","))
			.map(TriageMark::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(TriageMark.class)));
	}

	private static String excerpt(String text) {
		return (text.length() > 60) ? text.substring(0, 60) + "…" : text;
	}

}
