package org.hotline12345.knowledge;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hotline12345.audit.AuditEvent;
import org.hotline12345.audit.AuditLog;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 知识库: finds the articles that answer a caller's question, and keeps them (supervisors only).
 * <p>
 * Chinese is written without spaces, so text is cut into character bigrams ({@code knowledge_grams} in V30, one
 * tokenizer for articles and queries), kept in an inverted index by a trigger. Articles are ranked by the idf-weighted
 * share of the query their question and keywords (and, less, their answer) contain, how much of the question the
 * query covers, keywords named in the query, the query as a phrase, and pg_trgm word similarity.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeBase {

	/** Queries longer than this are cut: a description's first part says what it is about. */
	static final int MAX_QUERY_CHARS = 600;

	/** Below this a suggestion is noise: a single common bigram shared with a long description. */
	static final double SUGGESTION_FLOOR = 1.5;

	private static final String COLUMNS = "a.id, a.question, a.answer, a.category_code, a.source_unit_code, a.valid_from,"
			+ " a.valid_to, a.keywords, a.active, a.version, a.updated_by, a.updated_at";

	/**
	 * Stage 1 sums the idf of the query's grams each article has (question and keywords weigh three times the
	 * answer) from the inverted index; grams in more than 5% of the articles are dropped from long queries (a
	 * description), never from short ones. Stage 2 re-ranks the best 50 with keywords named in the query, the whole
	 * query found as a phrase, and pg_trgm word similarity with the question.
	 */
	private static final String RANKED = """
			with q as (select knowledge_grams(?) as g, ? as text, cast(? as date) as today),
			n as (select greatest(reltuples, 100)::float8 as total from pg_class where oid = 'knowledge_article'::regclass),
			df as (select k.gram, count(*)::float8 as df from knowledge_gram k, q where k.gram = any(q.g) group by k.gram),
			w as (select df.gram, ln(1 + n.total / df.df) as idf from df, n, q
			      where cardinality(q.g) <= 8 or df.df <= n.total * 0.05),
			qw as (select greatest(sum(idf), 0.001) as total from w),
			hits as (
			  select k.article_id,
			         sum(w.idf) filter (where k.in_title) as title_w,
			         sum(w.idf) filter (where not k.in_title) as answer_w,
			         count(*) filter (where k.in_title) as title_hits
			  from knowledge_gram k join w on w.gram = k.gram
			  group by k.article_id),
			top as (
			  select h.article_id, 3.0 * coalesce(h.title_w, 0) / qw.total + 1.0 * coalesce(h.answer_w, 0) / qw.total
			         + 2.0 * h.title_hits / greatest(x.title_size, 1) as base
			  from hits h cross join qw cross join q
			  cross join lateral (select cardinality(a.title_grams) as title_size from knowledge_article a
			       where a.id = h.article_id and a.active
			         and (a.valid_from is null or a.valid_from <= q.today) and (a.valid_to is null or a.valid_to >= q.today)
			       offset 0) x
			  order by base desc, h.article_id
			  limit 50)
			select * from (
			  select %s,
			    t.base
			    + 0.8 * least((select count(*) from unnest(string_to_array(lower(a.keywords), ' ')) k
			                   where char_length(k) >= 2 and strpos(q.text, k) > 0), 3)
			    + case when char_length(q.text) >= 2 and strpos(lower(a.search_doc), q.text) > 0 then 0.5 else 0 end
			    + word_similarity(q.text, a.question) as score
			  from top t join knowledge_article a on a.id = t.article_id cross join q) ranked
			where score >= ?
			order by score desc, id
			limit ?""".formatted(COLUMNS);

	private final JdbcTemplate jdbc;

	private final DepartmentDirectory directory;

	private final Clock clock;

	private final AuditLog audit;

	KnowledgeBase(JdbcTemplate jdbc, DepartmentDirectory directory, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * The articles that most likely answer a caller's description, best first, for the panel beside the intake form.
	 * Only articles valid today; weak matches are left out, so an unrelated description gets none.
	 * @param text the description as typed so far
	 * @param limit the most articles to return
	 */
	public List<KnowledgeArticle> suggest(String text, int limit) {
		return ranked(text, SUGGESTION_FLOOR, limit);
	}

	/**
	 * Articles matching a search (two or more Chinese characters, or a Latin word), best first. Only articles valid
	 * today.
	 */
	public List<KnowledgeArticle> search(String query, int limit) {
		return ranked(query, 0.0, limit);
	}

	/** One article, active or retired. */
	public Optional<KnowledgeArticle> article(long id) {
		return this.jdbc.query("select " + COLUMNS + ", 0 as score from knowledge_article a where a.id = ?",
				KnowledgeBase::row, id).stream().findFirst();
	}

	/** The latest changed articles, active first, for the list without a query. */
	List<KnowledgeArticle> recent(boolean withRetired, int limit) {
		return this.jdbc.query("select " + COLUMNS + ", 0 as score from knowledge_article a"
				+ (withRetired ? "" : " where a.active") + " order by a.active desc, a.updated_at desc, a.id desc limit ?",
				KnowledgeBase::row, limit);
	}

	int countActive() {
		Integer count = this.jdbc.queryForObject("select count(*) from knowledge_article where active", Integer.class);
		return (count != null) ? count : 0;
	}

	/** Creates an article. */
	@Transactional
	long create(ArticleDraft draft, HotlineUser editor) {
		requireEditor(editor);
		checkCodes(draft);
		Long id = this.jdbc.queryForObject("""
				insert into knowledge_article (question, answer, category_code, source_unit_code, valid_from, valid_to,
				  keywords, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
				draft.question().strip(), draft.answer().strip(), blankToNull(draft.categoryCode()),
				blankToNull(draft.sourceUnitCode()), date(draft.validFrom()), date(draft.validTo()),
				normalizeKeywords(draft.keywords()), editor.getUsername(), Timestamp.from(this.clock.instant()));
		audited("KNOWLEDGE_CREATE", editor, id, draft.question());
		return id;
	}

	/** Changes an article opened at {@code expectedVersion}. */
	@Transactional
	void update(long id, long expectedVersion, ArticleDraft draft, HotlineUser editor) {
		requireEditor(editor);
		checkCodes(draft);
		int changed = this.jdbc.update("""
				update knowledge_article set question = ?, answer = ?, category_code = ?, source_unit_code = ?,
				  valid_from = ?, valid_to = ?, keywords = ?, updated_by = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""", draft.question().strip(), draft.answer().strip(),
				blankToNull(draft.categoryCode()), blankToNull(draft.sourceUnitCode()), date(draft.validFrom()),
				date(draft.validTo()), normalizeKeywords(draft.keywords()), editor.getUsername(),
				Timestamp.from(this.clock.instant()), id, expectedVersion);
		requireChanged(changed, id);
		audited("KNOWLEDGE_UPDATE", editor, id, draft.question());
	}

	/** Retires (or brings back) an article: it stays readable, but search and suggestions leave it out. */
	@Transactional
	void setActive(long id, long expectedVersion, boolean active, HotlineUser editor) {
		requireEditor(editor);
		int changed = this.jdbc.update("""
				update knowledge_article set active = ?, updated_by = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""", active, editor.getUsername(), Timestamp.from(this.clock.instant()), id,
				expectedVersion);
		requireChanged(changed, id);
		audited(active ? "KNOWLEDGE_RESTORE" : "KNOWLEDGE_RETIRE", editor, id, null);
	}

	/**
	 * What operators tell callers comes from these articles, so every change is in the audit trail, in the same
	 * transaction (an edit whose record cannot be written does not happen). The detail names the question, which is
	 * public information, never a citizen's data.
	 */
	private void audited(String type, HotlineUser editor, long id, String question) {
		String detail = (question != null) ? abbreviate(question.strip(), 80) : null;
		this.audit.record(AuditEvent.success(type, editor.getUsername(), null, "KNOWLEDGE_ARTICLE", String.valueOf(id),
				detail));
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "…";
	}

	private List<KnowledgeArticle> ranked(String text, double floor, int limit) {
		if (text == null || text.isBlank() || limit <= 0) {
			return List.of();
		}
		String query = text.strip().toLowerCase();
		if (query.length() > MAX_QUERY_CHARS) {
			query = query.substring(0, MAX_QUERY_CHARS);
		}
		return this.jdbc.query(RANKED, KnowledgeBase::row, query, query, Date.valueOf(today()), floor, limit);
	}

	private void requireChanged(int changed, long id) {
		if (changed == 0) {
			if (article(id).isEmpty()) {
				throw new IllegalArgumentException("No article " + id);
			}
			throw new ArticleChangedConcurrentlyException(id);
		}
	}

	private static void requireEditor(HotlineUser editor) {
		if (editor == null || editor.role() != Role.SUPERVISOR) {
			throw new AccessDeniedException("Only supervisors edit the knowledge base");
		}
	}

	private void checkCodes(ArticleDraft draft) {
		String category = blankToNull(draft.categoryCode());
		if (category != null && this.directory.category(category).isEmpty()) {
			throw new IllegalArgumentException("Unknown category " + category);
		}
		String unit = blankToNull(draft.sourceUnitCode());
		if (unit != null && this.directory.unit(unit).isEmpty()) {
			throw new IllegalArgumentException("Unknown unit " + unit);
		}
	}

	/** Commas, 、 and any whitespace become single spaces; duplicates go. */
	static String normalizeKeywords(String keywords) {
		if (keywords == null) {
			return "";
		}
		return Arrays.stream(keywords.split("[\\s,，、;；]+"))
			.filter((k) -> !k.isBlank())
			.distinct()
			.collect(Collectors.joining(" "));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static Date date(LocalDate day) {
		return (day != null) ? Date.valueOf(day) : null;
	}

	private static KnowledgeArticle row(ResultSet rs, int i) throws SQLException {
		Date from = rs.getDate("valid_from");
		Date to = rs.getDate("valid_to");
		return new KnowledgeArticle(rs.getLong("id"), rs.getString("question"), rs.getString("answer"),
				rs.getString("category_code"), rs.getString("source_unit_code"),
				(from != null) ? from.toLocalDate() : null, (to != null) ? to.toLocalDate() : null,
				rs.getString("keywords"), rs.getBoolean("active"), rs.getLong("version"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant(), rs.getDouble("score"));
	}

}
