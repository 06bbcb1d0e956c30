-- The board register: the organisation profile, its members, and the history of every change.

CREATE TABLE organisation (
    id          TEXT PRIMARY KEY,
    -- One organisation per database.
    singleton   INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    nation      TEXT NOT NULL CHECK (nation IN ('england', 'scotland', 'wales', 'northern-ireland')),
    org_type    TEXT NOT NULL CHECK (org_type IN ('icb', 'nhs-trust', 'health-board', 'hsc-trust', 'third-sector-or-independent')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE member (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('executive', 'non-executive')),
    -- JSON array of framework role codes, e.g. ["chair"].
    roles       TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
    job_title   TEXT NOT NULL,
    start_date  TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date    TEXT CHECK (end_date IS NULL OR (date(end_date) = end_date AND end_date >= start_date)),
    -- JSON array of committee names.
    committees  TEXT NOT NULL CHECK (json_valid(committees) AND json_type(committees) = 'array'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX member_by_name ON member (name COLLATE NOCASE);

-- Every version of every record, oldest first; nothing is overwritten without a trace.
CREATE TABLE record_history (
    id          TEXT PRIMARY KEY,
    entity      TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    change      TEXT NOT NULL,
    -- The record as it stood after the change, as JSON.
    snapshot    TEXT NOT NULL CHECK (json_valid(snapshot))
) STRICT;

CREATE INDEX record_history_by_record ON record_history (entity, record_id, recorded_at);
