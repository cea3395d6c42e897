-- The live dashboard's read model (docs/decisions/0007-dashboard-rollup.md). Kept up to date by the supervision
-- module's listener on the ticket events, rebuilt from the ticket table at start-up when empty or stale, and by an
-- administrator on demand.

-- What the rollup counts for each ticket, as of the last time the listener (or a rebuild) looked at it: the listener
-- takes this contribution back and adds the ticket's new one, so that an event handled twice, late or out of order
-- changes nothing it should not.
CREATE TABLE supervision_ticket_fact
(
  ticket_id         BIGINT PRIMARY KEY,
  -- The day of registration in the city's time zone: every dashboard figure selects tickets by it.
  day               DATE        NOT NULL,
  status            VARCHAR(20) NOT NULL,
  level             VARCHAR(10) NOT NULL,
  channel           VARCHAR(20) NOT NULL,
  service_line      VARCHAR(20) NOT NULL,
  category_code     VARCHAR(32) NOT NULL,
  district_code     VARCHAR(32) NOT NULL,
  lead_unit_id      BIGINT      NOT NULL,
  -- 1 direct answer, 2 dispatched, 4 replied, 8 replied on time, 16 reached at callback, 32 solved, 64 satisfied.
  flags             SMALLINT    NOT NULL,
  -- Dispatched and not replied yet: the reply deadline (a rate's denominator counts it once it has passed).
  pending_reply_due TIMESTAMP WITH TIME ZONE,
  -- With a unit (dispatched or in progress): from when the running clock is overdue (deadline + 1 µs, as overdue
  -- means "deadline < now"), and from when it is warned or overdue.
  overdue_from      TIMESTAMP WITH TIME ZONE,
  warned_from       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX supervision_fact_pending_idx ON supervision_ticket_fact (day, pending_reply_due)
  WHERE pending_reply_due IS NOT NULL;
CREATE INDEX supervision_fact_overdue_idx ON supervision_ticket_fact (overdue_from, lead_unit_id)
  WHERE overdue_from IS NOT NULL;
CREATE INDEX supervision_fact_warned_idx ON supervision_ticket_fact (warned_from, lead_unit_id)
  WHERE warned_from IS NOT NULL;

-- Tickets by day of registration, one row per value of one dimension (ALL with key '', CHANNEL, LINE, CATEGORY,
-- DISTRICT, LEVEL; '' for a ticket without category or district): a week is a few hundred rows whatever the volume.
CREATE TABLE supervision_daily
(
  dimension  VARCHAR(10) NOT NULL,
  day        DATE        NOT NULL,
  key        VARCHAR(32) NOT NULL,
  registered INT         NOT NULL DEFAULT 0,
  direct     INT         NOT NULL DEFAULT 0,
  dispatched INT         NOT NULL DEFAULT 0,
  replied    INT         NOT NULL DEFAULT 0,
  on_time    INT         NOT NULL DEFAULT 0,
  reached    INT         NOT NULL DEFAULT 0,
  solved     INT         NOT NULL DEFAULT 0,
  satisfied  INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, day, key)
);

-- Open tickets (status not CLOSED) by status, level and lead unit (0: none).
CREATE TABLE supervision_open_count
(
  status  VARCHAR(20) NOT NULL,
  level   VARCHAR(10) NOT NULL,
  unit_id BIGINT      NOT NULL,
  count   INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (status, level, unit_id)
);

-- Per unit, the tickets whose overdue_from (kind OVERDUE) or warned_from (kind WARNED) lies at or before the
-- watermark; the few that crossed since are counted from the fact table's indexes. A scheduled job moves the
-- watermark up every minute.
CREATE TABLE supervision_due_count
(
  unit_id BIGINT     NOT NULL,
  kind    VARCHAR(8) NOT NULL,
  count   INT        NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, kind)
);

-- One row: the watermark, and the settings the facts were computed with (a change of either means a rebuild).
CREATE TABLE supervision_rollup_state
(
  id            INT PRIMARY KEY CHECK (id = 1),
  due_watermark TIMESTAMP WITH TIME ZONE,
  time_zone     VARCHAR(64),
  warning_share DOUBLE PRECISION,
  rebuilt_at    TIMESTAMP WITH TIME ZONE
);
INSERT INTO supervision_rollup_state (id) VALUES (1);

-- The urgent board: open CRITICAL and URGENT tickets in the board's order, so that its 40 rows are the first 40
-- entries of this index instead of a sort of every open urgent ticket.
CREATE INDEX ticket_urgent_board_idx ON ticket (
  (CASE level WHEN 'CRITICAL' THEN 0 ELSE 1 END),
  (CASE WHEN status = 'DISPATCHED' THEN accept_due_at WHEN status = 'IN_PROGRESS' THEN reply_due_at
        WHEN status = 'CALLBACK_PENDING' THEN callback_due_at END) NULLS FIRST,
  created_at)
  WHERE status <> 'CLOSED' AND level IN ('CRITICAL', 'URGENT');

-- 集中 clusters of the last 7 days: only the tickets carrying the mark, not every ticket of the week.
CREATE INDEX ticket_cluster_mark_idx ON ticket (created_at) WHERE marks LIKE '%CLUSTER%';
