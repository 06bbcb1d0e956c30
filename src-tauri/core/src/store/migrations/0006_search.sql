-- Full-text search over what the board has written: challenges, responses, actions, meetings
-- and their agenda, training, self-assessment notes and plans. Kept up to date with every
-- saved version; filled for existing records by the app straight after this migration.

CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    day UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
