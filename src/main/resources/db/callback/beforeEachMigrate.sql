-- Runs before every migration (Flyway callback). A migration that needs a lock held by live traffic (ALTER TABLE on a
-- busy table) waits at most 5 s and fails instead of queueing every later request behind it; retry it off-peak.
-- Zero-downtime migrations, checklist #47: see docs/operations.md.
SET lock_timeout = '5s';
