-- Records the lock_timeout a migration runs with (set by db/callback/beforeEachMigrate.sql).
CREATE TABLE probe (setting TEXT NOT NULL);
INSERT INTO probe (setting) SELECT current_setting('lock_timeout');
CREATE TABLE busy (id INT PRIMARY KEY);
