-- Alerts for supervisors raised by triage beyond a single ticket, e.g. a 集中 cluster. One row per cluster, keyed by
-- its master ticket, so a re-delivered event or a later member updates the same alert instead of adding one.
CREATE TABLE triage_alert
(
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind             VARCHAR(16)  NOT NULL CHECK (kind IN ('CLUSTER')),
  master_ticket_no VARCHAR(24)  NOT NULL,
  category_code    VARCHAR(32),
  district_code    VARCHAR(32),
  ticket_count     INT          NOT NULL,
  ticket_nos       TEXT         NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_by  VARCHAR(64),
  acknowledged_at  TIMESTAMP WITH TIME ZONE,
  UNIQUE (kind, master_ticket_no)
);
CREATE INDEX triage_alert_recent_idx ON triage_alert (updated_at DESC);

-- Near-identical descriptions are found with pg_trgm where the server has it; without it, clusters are found by
-- category and district alone (the listener checks pg_extension at run time).
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm not available: clusters by category and district only (%)', SQLERRM;
END
$$;
