-- The dispatch screen's "solved similar tickets before" suggestion: per category, the lead units whose replies
-- solved the matter and whose callers were satisfied. A small partial index, read by category.
SET LOCAL lock_timeout = '5s';

CREATE INDEX ticket_solved_by_category_idx ON ticket (category_code, lead_unit_id)
  WHERE reply_outcome = 'SOLVED' AND satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') AND lead_unit_id IS NOT NULL;

-- What a unit asked for in its pending extension request (the ticket keeps only that one is pending): the
-- supervisor sees the requested deadline and approves it or another one.
CREATE TABLE dispatch_extension_request
(
  ticket_id    BIGINT NOT NULL PRIMARY KEY REFERENCES ticket (id),
  until        TIMESTAMP WITH TIME ZONE NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);
