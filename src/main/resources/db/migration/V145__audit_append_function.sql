-- One round trip for an audit record instead of three (lock, previous hash, insert): every ticket command writes
-- one, inside the chain's single advisory lock, which is held until the caller's commit. Fewer round trips while
-- holding it is more tickets per second for the whole city (docs/performance.md, "Intake and screens after …").
--
-- The chain is the same as before: hash = SHA-256 of the previous record's hash, then the canonical fields joined by
-- U+001F, which the application computes (AuditLog.hash). PL/pgSQL takes a fresh snapshot for each statement of a
-- VOLATILE function, so the previous hash is read after the lock is granted and sees the last writer's commit.
CREATE FUNCTION audit_append(p_lock BIGINT, p_at TIMESTAMP WITH TIME ZONE, p_actor VARCHAR, p_source_address VARCHAR,
                             p_event_type VARCHAR, p_object_type VARCHAR, p_object_id VARCHAR, p_outcome VARCHAR,
                             p_detail VARCHAR, p_canonical_tail TEXT) RETURNS VARCHAR
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous VARCHAR;
  next_hash VARCHAR;
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock);
  SELECT hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
  IF NOT FOUND THEN
    -- Everything archived (a quiet system): the chain goes on from the archive.
    SELECT hash INTO previous FROM audit_log_archive ORDER BY id DESC LIMIT 1;
  END IF;
  previous := coalesce(previous, '');
  next_hash := encode(sha256(convert_to(previous || chr(31) || p_canonical_tail, 'UTF8')), 'hex');
  INSERT INTO audit_log (at, actor, source_address, event_type, object_type, object_id, outcome, detail, prev_hash, hash)
  VALUES (p_at, p_actor, p_source_address, p_event_type, p_object_type, p_object_id, p_outcome, p_detail, previous,
          next_hash);
  RETURN next_hash;
END;
$$;
