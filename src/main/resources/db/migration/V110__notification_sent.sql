-- Unit alerts (短信/单位提醒) sent, one row per event and recipient. The UNIQUE key is the consumer's deduplication:
-- an event delivered twice (resubmitted after a crash, or by two instances) is sent once.
SET LOCAL lock_timeout = '5s';

CREATE TABLE notification_sent
(
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_key VARCHAR(200) NOT NULL,
  kind      VARCHAR(20)  NOT NULL CHECK (kind IN ('DISPATCHED', 'DEADLINE_WARNING', 'DEADLINE_OVERDUE')),
  ticket_id BIGINT       NOT NULL REFERENCES ticket (id),
  ticket_no VARCHAR(24)  NOT NULL,
  unit_id   BIGINT,
  text      VARCHAR(500) NOT NULL,
  sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT notification_sent_once UNIQUE (event_key)
);
CREATE INDEX notification_sent_unit_idx ON notification_sent (unit_id, sent_at);
CREATE INDEX notification_sent_ticket_idx ON notification_sent (ticket_id);
