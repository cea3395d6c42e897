-- 集中 clusters are tuned with the rest of the rules: a rule set carries its cluster window (hours), the number of
-- tickets that makes a cluster, and how alike two descriptions must be (pg_trgm similarity, percent) to count as the
-- same matter whatever their category.
ALTER TABLE triage_rule_set
  ADD COLUMN cluster_window_hours INT NOT NULL DEFAULT 6 CHECK (cluster_window_hours BETWEEN 1 AND 168),
  ADD COLUMN cluster_threshold    INT NOT NULL DEFAULT 3 CHECK (cluster_threshold BETWEEN 2 AND 100),
  ADD COLUMN cluster_similarity   INT NOT NULL DEFAULT 60 CHECK (cluster_similarity BETWEEN 30 AND 100);
