-- The append-only audit trail. Each row's hash covers the previous row's hash, so an edit made behind the
-- application's back breaks the chain. Updates and deletes are refused by a trigger whoever runs them.
CREATE TABLE audit_log
(
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          VARCHAR(64),
  source_address VARCHAR(64),
  event_type     VARCHAR(40)  NOT NULL,
  object_type    VARCHAR(40),
  object_id      VARCHAR(80),
  outcome        VARCHAR(10)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
  detail         VARCHAR(500),
  prev_hash      VARCHAR(64)  NOT NULL,
  hash           VARCHAR(64)  NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
