-- A trigram index over training titles and levels, so a requirement's look-back ("has this
-- member ever done board-level training?") finds the records whose text contains its phrase
-- from an index instead of reading every member's whole history. `training_text_doc` gives each
-- record a stable integer for the index (a table's own rowid may change on VACUUM) and marks
-- records with non-ASCII text, whose case the index may fold differently from the status
-- rules: those are always read, and the rules make the exact comparison.
CREATE TABLE training_text_doc (
    doc       INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    unusual   INTEGER NOT NULL
) STRICT;
CREATE INDEX training_text_doc_unusual ON training_text_doc (record_id) WHERE unusual = 1;

CREATE VIRTUAL TABLE training_text USING fts5(title, level, tokenize = 'trigram');

INSERT INTO training_text_doc (record_id, unusual)
    SELECT id, length(title) <> length(CAST(title AS BLOB)) OR length(level) <> length(CAST(level AS BLOB))
    FROM training_record;
INSERT INTO training_text (rowid, title, level)
    SELECT d.doc, r.title, r.level FROM training_text_doc d JOIN training_record r ON r.id = d.record_id;

CREATE TRIGGER training_text_after_insert AFTER INSERT ON training_record BEGIN
    INSERT INTO training_text_doc (record_id, unusual) VALUES (new.id,
        length(new.title) <> length(CAST(new.title AS BLOB))
        OR length(new.level) <> length(CAST(new.level AS BLOB)));
    INSERT INTO training_text (rowid, title, level)
        VALUES ((SELECT doc FROM training_text_doc WHERE record_id = new.id), new.title, new.level);
END;

CREATE TRIGGER training_text_after_update AFTER UPDATE OF title, level ON training_record BEGIN
    UPDATE training_text_doc SET unusual =
        length(new.title) <> length(CAST(new.title AS BLOB))
        OR length(new.level) <> length(CAST(new.level AS BLOB))
        WHERE record_id = new.id;
    UPDATE training_text SET title = new.title, level = new.level
        WHERE rowid = (SELECT doc FROM training_text_doc WHERE record_id = new.id);
END;

CREATE TRIGGER training_text_after_delete AFTER DELETE ON training_record BEGIN
    DELETE FROM training_text WHERE rowid = (SELECT doc FROM training_text_doc WHERE record_id = old.id);
    DELETE FROM training_text_doc WHERE record_id = old.id;
END;
