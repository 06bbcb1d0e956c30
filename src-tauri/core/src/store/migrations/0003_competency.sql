-- Competency: self-assessment against the frameworks, personal development plans, training
-- requirements, imported frameworks and the settings that shape them.

-- Board-wide settings, one JSON value per key (rating scale, due-soon days, whose laptop).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

-- Frameworks imported from files; the senior-manager framework ships with the app instead.
CREATE TABLE imported_framework (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    file_json   TEXT NOT NULL CHECK (json_valid(file_json)),
    imported_at TEXT NOT NULL
) STRICT;

-- Which frameworks apply to which roles: '*' means every board member.
CREATE TABLE framework_assignment (
    framework_id TEXT NOT NULL,
    scope        TEXT NOT NULL,
    PRIMARY KEY (framework_id, scope)
) STRICT;

INSERT INTO framework_assignment (framework_id, scope) VALUES ('senior-manager-children', '*');

-- A member's current self-assessment of one framework item; earlier versions are in history.
CREATE TABLE self_assessment (
    id             TEXT PRIMARY KEY,
    member_id      TEXT NOT NULL REFERENCES member (id),
    framework_id   TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    rating         TEXT NOT NULL,
    assessed_on    TEXT NOT NULL CHECK (date(assessed_on) = assessed_on),
    note           TEXT NOT NULL,
    signed_off_by  TEXT REFERENCES member (id),
    signed_off_on  TEXT CHECK (signed_off_on IS NULL OR date(signed_off_on) = signed_off_on),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (member_id, framework_id, item_id),
    CHECK ((signed_off_by IS NULL) = (signed_off_on IS NULL))
) STRICT;

-- What a self-assessment rests on. `reference` is a training record id, a document path, or a
-- scrutiny-log entry id, by kind.
CREATE TABLE assessment_evidence (
    assessment_id TEXT NOT NULL REFERENCES self_assessment (id),
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('training', 'document', 'scrutiny')),
    reference     TEXT NOT NULL CHECK (length(reference) > 0),
    title         TEXT NOT NULL,
    PRIMARY KEY (assessment_id, position)
) STRICT;

-- A member's personal development plan: learning they intend to do.
CREATE TABLE planned_learning (
    id          TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL REFERENCES member (id),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    item_id     TEXT NOT NULL,
    target_date TEXT CHECK (target_date IS NULL OR date(target_date) = target_date),
    status      TEXT NOT NULL CHECK (status IN ('planned', 'booked', 'done', 'dropped')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX planned_learning_by_member ON planned_learning (member_id);

-- What training the board expects: hours in a rolling window, or learning renewed every N months.
CREATE TABLE training_requirement (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind          TEXT NOT NULL CHECK (kind IN ('hours', 'renewal')),
    -- JSON array of framework role codes; empty means every board member.
    roles         TEXT NOT NULL CHECK (json_valid(roles)),
    minutes       INTEGER CHECK (minutes IS NULL OR minutes > 0),
    window_months INTEGER CHECK (window_months IS NULL OR window_months BETWEEN 1 AND 120),
    renew_months  INTEGER CHECK (renew_months IS NULL OR renew_months BETWEEN 1 AND 120),
    matches       TEXT NOT NULL,
    retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    position      INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (kind <> 'hours' OR (minutes IS NOT NULL AND window_months IS NOT NULL)),
    CHECK (kind <> 'renewal' OR renew_months IS NOT NULL)
) STRICT;

INSERT INTO training_requirement
    (id, title, kind, roles, minutes, window_months, renew_months, matches, position, created_at, updated_at)
VALUES
    ('default-hours', 'Safeguarding learning hours', 'hours', '[]', 720, 36, NULL, '', 1,
     strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ('default-board-renewal', 'Board-level safeguarding training', 'renewal', '[]', NULL, NULL, 36,
     'board', 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
