-- The timeline (ticket_event) is the largest table and append-only: every row is written at "now" and never changed.
-- It becomes a table partitioned by month on the entry's own time (RANGE on "at"), months cut at local midnight in
-- hotline.time-zone (the Flyway placeholder "timezone"), so that this month's rows and indexes are the hot set, reports over a
-- period read only its months, and whole old months can be detached and archived (docs/operations.md). Decision 0008.
--
-- The existing rows are copied into their months in this one transaction (checked by count before the old table
-- goes), the id sequence carries on above the highest id, and the indexes are built after the copy. Months from
-- the current one to three ahead exist from the start; the ticket module's TimelinePartitions job keeps creating
-- them ahead of time on one instance of the cluster (ShedLock), and a DEFAULT partition takes any row whose month
-- has none yet (the job moves such rows into a month of their own).
--
-- Keys: a primary key on a partitioned table must contain the partition key, so it becomes (id, at); id alone stays
-- unique because it comes from one sequence. Nothing references a timeline row by foreign key any more:
-- ticket_attachment.event_id (the progress note a photo belongs to) was the only one, and it would have made every
-- month with photos impossible to detach. The photo and its note are written in one transaction (UnitHandling).
ALTER TABLE ticket_attachment DROP CONSTRAINT IF EXISTS ticket_attachment_event_id_fkey;

ALTER TABLE ticket_event RENAME TO ticket_event_unpartitioned;

-- The identity's sequence goes with the identity; a plain sequence takes over where it stood.
DO $$
DECLARE
  next_id BIGINT;
BEGIN
  SELECT greatest(coalesce((SELECT max(id) FROM ticket_event_unpartitioned), 0),
                  (SELECT last_value FROM ticket_event_id_seq)) + 1
  INTO next_id;
  ALTER TABLE ticket_event_unpartitioned ALTER COLUMN id DROP IDENTITY;
  EXECUTE format('CREATE SEQUENCE ticket_event_id_seq START WITH %s', next_id);
END;
$$;

CREATE TABLE ticket_event
(
  id            BIGINT       NOT NULL DEFAULT nextval('ticket_event_id_seq'),
  ticket_id     BIGINT       NOT NULL,
  at            TIMESTAMP WITH TIME ZONE NOT NULL,
  actor         VARCHAR(64)  NOT NULL,
  actor_unit_id BIGINT,
  type          VARCHAR(32)  NOT NULL,
  from_status   VARCHAR(20),
  to_status     VARCHAR(20),
  note          VARCHAR(4000)
) PARTITION BY RANGE (at);
ALTER SEQUENCE ticket_event_id_seq OWNED BY ticket_event.id;

-- One partition per month that holds rows, and the current month and three ahead; then the safety net.
DO $$
DECLARE
  month_start TIMESTAMP;
BEGIN
  FOR month_start IN
    SELECT DISTINCT date_trunc('month', at AT TIME ZONE '${timezone}') FROM ticket_event_unpartitioned
    UNION
    SELECT date_trunc('month', now() AT TIME ZONE '${timezone}') + make_interval(months => ahead)
    FROM generate_series(0, 3) AS ahead
    ORDER BY 1
  LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF ticket_event FOR VALUES FROM (%L) TO (%L)',
                   'ticket_event_' || to_char(month_start, 'YYYY_MM'),
                   month_start AT TIME ZONE '${timezone}',
                   (month_start + INTERVAL '1 month') AT TIME ZONE '${timezone}');
  END LOOP;
END;
$$;
CREATE TABLE ticket_event_default PARTITION OF ticket_event DEFAULT;

INSERT INTO ticket_event (id, ticket_id, at, actor, actor_unit_id, type, from_status, to_status, note)
SELECT id, ticket_id, at, actor, actor_unit_id, type, from_status, to_status, note
FROM ticket_event_unpartitioned;

DO $$
DECLARE
  before BIGINT;
  after  BIGINT;
BEGIN
  SELECT count(*) INTO before FROM ticket_event_unpartitioned;
  SELECT count(*) INTO after FROM ticket_event;
  IF before <> after THEN
    RAISE EXCEPTION 'ticket_event: % rows before partitioning, % after', before, after;
  END IF;
END;
$$;

DROP TABLE ticket_event_unpartitioned;

ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_pkey PRIMARY KEY (id, at);
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES ticket (id);
-- A ticket's timeline: each month's index is probed only for the months since the ticket was registered.
CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, id);
CREATE INDEX ticket_event_unit_idx ON ticket_event (actor_unit_id, ticket_id) WHERE actor_unit_id IS NOT NULL;
CREATE INDEX ticket_event_unit_step_idx ON ticket_event (type, at, actor_unit_id)
  WHERE type IN ('RETURNED', 'EXTENSION_REQUESTED');

-- Detached months are kept here until they are dumped to the archive store and dropped (docs/operations.md).
CREATE SCHEMA IF NOT EXISTS archive;

ANALYZE ticket_event;
