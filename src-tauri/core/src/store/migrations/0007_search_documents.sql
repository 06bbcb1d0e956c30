-- Which row of the full-text index holds which record, so that replacing a record's text
-- finds its row by key instead of scanning the whole index (which grew slower with every
-- record: a ten-year log imported in hours instead of minutes).

CREATE TABLE search_doc (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    UNIQUE (kind, record_id)
);

INSERT OR IGNORE INTO search_doc (id, kind, record_id)
    SELECT rowid, kind, record_id FROM search_index;
