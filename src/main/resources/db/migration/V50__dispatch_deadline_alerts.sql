-- The deadline sweep (预警 / 超时). Each flag is raised exactly once per ticket, clock, level and deadline: the UNIQUE
-- constraint is the real guarantee when two app instances sweep at once; ShedLock only saves them the duplicate work.
-- An approved extension or a reopen moves the deadline (due_at), so a new flag can fire for the new deadline.
SET LOCAL lock_timeout = '5s';

CREATE TABLE deadline_alert
(
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id BIGINT      NOT NULL REFERENCES ticket (id),
  clock     VARCHAR(10) NOT NULL CHECK (clock IN ('ACCEPT', 'REPLY', 'CALLBACK')),
  level     VARCHAR(10) NOT NULL CHECK (level IN ('WARNING', 'OVERDUE')),
  due_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT deadline_alert_once UNIQUE (ticket_id, clock, level, due_at)
);
CREATE INDEX deadline_alert_raised_idx ON deadline_alert (raised_at);

-- ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider).
CREATE TABLE shedlock
(
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);

-- When a window from start_at to due_at reaches the warning share: the same instant as DeadlinePolicy.warningAt.
-- Epoch arithmetic does not depend on the session's time zone, so the function is truly IMMUTABLE and can be indexed.
CREATE FUNCTION deadline_warning_at(start_at TIMESTAMP WITH TIME ZONE, due_at TIMESTAMP WITH TIME ZONE,
                                    share DOUBLE PRECISION) RETURNS TIMESTAMP WITH TIME ZONE
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS
$$
SELECT to_timestamp(extract(EPOCH FROM start_at)::DOUBLE PRECISION
                      + (extract(EPOCH FROM due_at)::DOUBLE PRECISION - extract(EPOCH FROM start_at)::DOUBLE PRECISION) * share)
$$;

-- One range scan per clock and level, over the few tickets that crossed a line since the look-back, never a scan of
-- all open tickets. The warning indexes are built for the default share 0.75 (hotline.deadlines.warning-share); a
-- city that changes the share adds the matching index (the sweep logs a warning at start-up).
-- Reply overdue uses ticket_reply_due_idx (V10).
CREATE INDEX ticket_accept_due_idx ON ticket (accept_due_at) WHERE status = 'DISPATCHED';
CREATE INDEX ticket_accept_warning_idx ON ticket (deadline_warning_at(dispatched_at, accept_due_at, 0.75::DOUBLE PRECISION))
  WHERE status = 'DISPATCHED';
CREATE INDEX ticket_reply_warning_idx ON ticket (deadline_warning_at(dispatched_at, reply_due_at, 0.75::DOUBLE PRECISION))
  WHERE status IN ('DISPATCHED', 'IN_PROGRESS');
CREATE INDEX ticket_callback_due_idx ON ticket (callback_due_at) WHERE status = 'CALLBACK_PENDING';
CREATE INDEX ticket_callback_warning_idx ON ticket (deadline_warning_at(replied_at, callback_due_at, 0.75::DOUBLE PRECISION))
  WHERE status = 'CALLBACK_PENDING';
