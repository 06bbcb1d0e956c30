-- A tamper-evident chain over the record history: each row carries its place in the sequence,
-- the hash of the row before it, and its own hash. Rows written before this version are
-- sealed into the chain by the app straight after this migration.

ALTER TABLE record_history ADD COLUMN seq INTEGER;
ALTER TABLE record_history ADD COLUMN prev_hash TEXT;
ALTER TABLE record_history ADD COLUMN hash TEXT;

CREATE UNIQUE INDEX record_history_by_seq ON record_history (seq);
