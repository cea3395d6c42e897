-- Retention of the audit trail. Rows older than the configured retention (at least 180 days, Cybersecurity Law
-- art. 21(3)) move to audit_log_archive; they are never simply dropped.
--
-- audit_log stays append-only. The one DELETE its trigger lets through is the second half of a move: the row is
-- older than 180 days by the database's own clock AND an identical copy (same id, same hash) is already in the
-- archive. Nobody, the application's role included, can make a record disappear; the archive itself is
-- append-only too, and the hash chain runs on across both tables (verified by /audit/verify).
CREATE TABLE audit_log_archive
(
  id             BIGINT PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          VARCHAR(64),
  source_address VARCHAR(64),
  event_type     VARCHAR(40)  NOT NULL,
  object_type    VARCHAR(40),
  object_id      VARCHAR(80),
  outcome        VARCHAR(10)  NOT NULL,
  detail         VARCHAR(500),
  prev_hash      VARCHAR(64)  NOT NULL,
  hash           VARCHAR(64)  NOT NULL,
  archived_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_archive_at_idx ON audit_log_archive (at);

CREATE TRIGGER audit_log_archive_no_update BEFORE UPDATE OR DELETE ON audit_log_archive
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_archive_no_truncate BEFORE TRUNCATE ON audit_log_archive
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log' THEN
    IF OLD.at < now() - INTERVAL '180 days'
       AND EXISTS (SELECT 1 FROM audit_log_archive a WHERE a.id = OLD.id AND a.hash = OLD.hash) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
