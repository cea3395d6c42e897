-- 急慢分治 rule sets. A rule set is versioned: DRAFT while a supervisor edits and back-tests it,
-- PUBLISHED when it grades new tickets (exactly one at a time), RETIRED afterwards but kept, since each
-- ticket records the version that graded it.
CREATE TABLE triage_rule_set
(
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version                INT          NOT NULL UNIQUE,
  status                 VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
  created_by             VARCHAR(100) NOT NULL,
  created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at           TIMESTAMP WITH TIME ZONE,
  note                   VARCHAR(500),
  urgent_threshold       INT NOT NULL,
  critical_threshold     INT NOT NULL,
  amplifier_gate         INT NOT NULL,
  negation_window        INT NOT NULL,
  gap_window             INT NOT NULL,
  scale_min_count        INT NOT NULL,
  scale_weight           INT NOT NULL,
  duration_min_hours     INT NOT NULL,
  duration_weight        INT NOT NULL,
  vulnerable_flag_weight INT NOT NULL,
  CHECK (urgent_threshold > 0 AND critical_threshold >= urgent_threshold),
  CHECK ((status = 'DRAFT') = (published_at IS NULL) OR status = 'RETIRED')
);
CREATE UNIQUE INDEX triage_rule_set_one_published ON triage_rule_set (status) WHERE status = 'PUBLISHED';

-- One row per rule. PHRASE rows: a phrase of a kind (HAZARD, SENSITIVE, NOW, NEGATION …) with a weight
-- (a factor in percent for modifiers). CATEGORY rows: a category's minimum level. REQUEST_TYPE rows: how
-- much hazards count for a request type.
CREATE TABLE triage_rule
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_set_id     BIGINT       NOT NULL REFERENCES triage_rule_set (id) ON DELETE CASCADE,
  sort_order      INT          NOT NULL,
  row_type        VARCHAR(16)  NOT NULL CHECK (row_type IN ('PHRASE', 'CATEGORY', 'REQUEST_TYPE')),
  kind            VARCHAR(16)  CHECK (kind IN ('HAZARD', 'SENSITIVE', 'TIME_LIMIT', 'VULNERABLE', 'SCALE', 'DURATION',
                                              'IGNORE', 'NOW', 'PAST', 'HYPOTHETICAL', 'NEGATION', 'RESOLVED', 'GRATITUDE')),
  rule_name       VARCHAR(50)  NOT NULL,
  phrase          VARCHAR(100),
  weight          INT          NOT NULL DEFAULT 0,
  mark            VARCHAR(16)  CHECK (mark IN ('SUDDEN', 'SENSITIVE', 'CLUSTER', 'IMPORTANT')),
  critical        BOOLEAN      NOT NULL DEFAULT FALSE,
  category_code   VARCHAR(100),
  level_floor     VARCHAR(16)  CHECK (level_floor IN ('CRITICAL', 'URGENT', 'ROUTINE')),
  request_type    VARCHAR(20),
  all_kinds       BOOLEAN      NOT NULL DEFAULT FALSE,
  exempt_when_now BOOLEAN      NOT NULL DEFAULT FALSE,
  floor_exempt    BOOLEAN      NOT NULL DEFAULT FALSE,
  CHECK (row_type <> 'PHRASE' OR (kind IS NOT NULL AND phrase IS NOT NULL)),
  CHECK (row_type <> 'CATEGORY' OR (category_code IS NOT NULL AND level_floor IS NOT NULL)),
  CHECK (row_type <> 'REQUEST_TYPE' OR request_type IS NOT NULL),
  UNIQUE (rule_set_id, sort_order)
);
CREATE INDEX triage_rule_by_set ON triage_rule (rule_set_id);
