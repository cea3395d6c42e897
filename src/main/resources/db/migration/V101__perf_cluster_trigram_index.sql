-- 集中 cluster detection compares each new ticket's description with every open ticket of the last six hours
-- (similarity >= the rule set's share). Without an index that is one similarity() per ticket of the window: 0.7 s of
-- database time per new ticket with 26,000 tickets in six hours, which a large city reaches at its peak
-- (bench/run.sh, docs/performance.md). With this index the `%` operator (pg_trgm's threshold, 0.3) narrows the window
-- to the alike descriptions first. Only where pg_trgm is installed (V22 installs it when the server has it).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX ticket_description_trgm_idx ON ticket USING gin (description gin_trgm_ops)';
  END IF;
END
$$;
