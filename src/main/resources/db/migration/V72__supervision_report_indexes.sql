-- Indexes for the assessment on years of tickets: the assessment selects by dispatch time (the unit's clock starts
-- there), and counts returns and extension requests by the acting unit from the timeline.
CREATE INDEX ticket_dispatched_idx ON ticket (dispatched_at, lead_unit_id) WHERE dispatched_at IS NOT NULL;
CREATE INDEX ticket_event_unit_step_idx ON ticket_event (type, at, actor_unit_id)
  WHERE type IN ('RETURNED', 'EXTENSION_REQUESTED');
