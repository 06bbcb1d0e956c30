-- Search gains a `facets` column holding the record's kind and the financial year and quarter
-- its day falls in, as words (`kindaction fy2025 fy2025q3`). A search cut by type or period
-- then asks the index for those words, instead of reading every match's row to test them.
-- The old index is kept under another name until the app has copied its rows across with
-- their facets, straight after this migration.
ALTER TABLE search_index RENAME TO search_index_before_facets;

CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    day UNINDEXED,
    title,
    body,
    facets,
    tokenize = 'unicode61 remove_diacritics 2'
);
