-- The ticket table becomes partitioned by month of registration (decision 0012). The partition key is the id: a
-- ticket registered in month k (k = year * 12 + month - 1, in hotline.time-zone, the Flyway placeholder "timezone")
-- gets an id in [k * 10^8, (k + 1) * 10^8) (ticket.TicketIds), so that
--   * PRIMARY KEY (id) stays valid and the ten tables that reference ticket (id) keep their foreign keys unchanged;
--   * a month's tickets, their indexes included, are one partition, and an old month can leave the live database.
-- What a partitioned table cannot hold moves to two small tables written by a trigger with every ticket:
--   * ticket_number (ticket_no PRIMARY KEY): numbers stay unique across months and are looked up in one probe; the two
--     foreign keys by number (open311_request, interop_transfer) point there;
--   * ticket_idempotency (idempotency_key PRIMARY KEY): the API's idempotency.
-- Tickets registered before this migration keep their ids (all below 10^12) in the partition ticket_legacy. The
-- current month and three ahead exist from the start; ticket.TicketPartitions keeps creating months ahead (ShedLock),
-- and the workflow makes a missing month before it registers a ticket in it; a DEFAULT partition takes any other row
-- (a bulk load) whose month has none. Such rows stay there: PostgreSQL checks a reference to a row against the
-- partition that held it, so referenced rows cannot move between partitions.

-- 1. What points at the ticket table now, and the table's own indexes, to be made again on the partitioned table.
CREATE TEMPORARY TABLE ticket_partitioning_fk ON COMMIT DROP AS
SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
FROM pg_constraint c
WHERE c.contype = 'f' AND c.conparentid = 0 AND (c.confrelid = 'ticket'::regclass OR c.conrelid = 'ticket'::regclass);

CREATE TEMPORARY TABLE ticket_partitioning_index ON COMMIT DROP AS
SELECT i.indexname AS name, i.indexdef AS definition
FROM pg_indexes i
WHERE i.schemaname = current_schema() AND i.tablename = 'ticket'
  AND i.indexname NOT IN ('ticket_pkey', 'ticket_ticket_no_key', 'ticket_idempotency_key_key');

DO $$
DECLARE
  fk RECORD;
BEGIN
  IF (SELECT coalesce(max(id), 0) FROM ticket) >= 1000000000000 THEN
    RAISE EXCEPTION 'ticket ids reach 10^12: they would overlap the monthly id blocks';
  END IF;
  FOR fk IN SELECT * FROM ticket_partitioning_fk LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.table_name, fk.name);
  END LOOP;
END;
$$;

-- 2. The numbers and the idempotency keys, unique across every month.
CREATE TABLE ticket_number
(
  ticket_no VARCHAR(24) PRIMARY KEY,
  ticket_id BIGINT      NOT NULL
);
INSERT INTO ticket_number (ticket_no, ticket_id) SELECT ticket_no, id FROM ticket;

CREATE TABLE ticket_idempotency
(
  idempotency_key VARCHAR(120) PRIMARY KEY,
  ticket_id       BIGINT       NOT NULL
);
INSERT INTO ticket_idempotency (idempotency_key, ticket_id)
SELECT idempotency_key, id FROM ticket WHERE idempotency_key IS NOT NULL;

-- 3. The partitioned table, with the same columns, defaults and checks.
ALTER TABLE ticket RENAME TO ticket_unpartitioned;
ALTER TABLE ticket_unpartitioned RENAME CONSTRAINT ticket_pkey TO ticket_unpartitioned_pkey;
CREATE TABLE ticket (LIKE ticket_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (id);

CREATE TABLE ticket_legacy PARTITION OF ticket FOR VALUES FROM (MINVALUE) TO (1000000000000);
DO $$
DECLARE
  month_start DATE;
  k BIGINT;
BEGIN
  FOR month_start IN
    SELECT (date_trunc('month', now() AT TIME ZONE '${timezone}') + make_interval(months => ahead))::date
    FROM generate_series(0, 3) AS ahead
  LOOP
    k := extract(year FROM month_start)::bigint * 12 + extract(month FROM month_start)::bigint - 1;
    EXECUTE format('CREATE TABLE %I PARTITION OF ticket FOR VALUES FROM (%s) TO (%s)',
                   'ticket_' || to_char(month_start, 'YYYY_MM'), k * 100000000, (k + 1) * 100000000);
  END LOOP;
END;
$$;
CREATE TABLE ticket_default PARTITION OF ticket DEFAULT;

INSERT INTO ticket SELECT * FROM ticket_unpartitioned;

DO $$
DECLARE
  before BIGINT;
  after  BIGINT;
BEGIN
  SELECT count(*) INTO before FROM ticket_unpartitioned;
  SELECT count(*) INTO after FROM ticket;
  IF before <> after THEN
    RAISE EXCEPTION 'ticket: % rows before partitioning, % after', before, after;
  END IF;
END;
$$;

DROP TABLE ticket_unpartitioned;

-- 4. Keys, indexes and the foreign keys, again; the number and the key by trigger with every ticket.
ALTER TABLE ticket ADD CONSTRAINT ticket_pkey PRIMARY KEY (id);
CREATE INDEX ticket_no_idx ON ticket (ticket_no);

DO $$
DECLARE
  ix RECORD;
  fk RECORD;
  definition TEXT;
BEGIN
  FOR ix IN SELECT * FROM ticket_partitioning_index LOOP
    EXECUTE replace(ix.definition, ' ON ' || current_schema() || '.ticket_unpartitioned ',
                    ' ON ' || current_schema() || '.ticket ');
  END LOOP;
  FOR fk IN SELECT * FROM ticket_partitioning_fk LOOP
    definition := regexp_replace(fk.definition, 'REFERENCES (\S+\.)?ticket(_unpartitioned)?\(ticket_no\)',
                                 'REFERENCES ticket_number(ticket_no)');
    definition := regexp_replace(definition, 'REFERENCES (\S+\.)?ticket(_unpartitioned)?\(id\)',
                                 'REFERENCES ticket(id)');
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s',
                   CASE WHEN fk.table_name IN ('ticket_unpartitioned', 'ticket') THEN 'ticket' ELSE fk.table_name END,
                   fk.name, definition);
  END LOOP;
END;
$$;

-- Statement triggers with transition tables: one insert of all the statement's rows (a COPY of thousands of tickets
-- costs one statement, not one PL/pgSQL call per row).
CREATE FUNCTION ticket_keys_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_number (ticket_no, ticket_id) SELECT ticket_no, id FROM inserted;
  INSERT INTO ticket_idempotency (idempotency_key, ticket_id)
  SELECT idempotency_key, id FROM inserted WHERE idempotency_key IS NOT NULL;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_keys_insert AFTER INSERT ON ticket REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_keys_insert();

-- A deleted ticket (a test, a correction by hand) frees its number and key, as the unique constraints did.
CREATE FUNCTION ticket_keys_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ticket_number n USING removed r WHERE n.ticket_no = r.ticket_no AND n.ticket_id = r.id;
  DELETE FROM ticket_idempotency k USING removed r WHERE k.idempotency_key = r.idempotency_key AND k.ticket_id = r.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_keys_delete AFTER DELETE ON ticket REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_keys_delete();

ANALYZE ticket;
