-- Indexes for the screens people wait for, from bench/run.sh with 2 million tickets of which 1 million open
-- (docs/performance.md).
-- The navigation's counts (every page of an operator or supervisor) count the tickets waiting for an extension
-- decision; without this they scanned every ticket in progress.
CREATE INDEX ticket_extension_pending_idx ON ticket (id) WHERE status = 'IN_PROGRESS' AND extension_pending;
-- A unit's queue and counts: its open tickets with the columns they sort and count by, so that the counts are an
-- index-only scan and the queue reads only the page's rows from the table.
CREATE INDEX ticket_unit_open_idx ON ticket (lead_unit_id, status)
  INCLUDE (id, level, accept_due_at, reply_due_at, extension_pending) WHERE status <> 'CLOSED';
-- The new index leads with the same columns under the same condition.
DROP INDEX ticket_unit_idx;
