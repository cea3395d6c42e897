-- Needs ACCESS EXCLUSIVE on a table that live traffic is reading.
ALTER TABLE busy ADD COLUMN note TEXT;
