-- Portal: the query code (查询码) a citizen tracks a ticket with. Only a salted hash is kept, never the code.
CREATE TABLE portal_access
(
  ticket_id   BIGINT PRIMARY KEY REFERENCES ticket (id),
  ticket_no   VARCHAR(24) NOT NULL UNIQUE,
  code_salt   VARCHAR(32) NOT NULL,
  code_hash   VARCHAR(64) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  rated_at    TIMESTAMP WITH TIME ZONE
);
