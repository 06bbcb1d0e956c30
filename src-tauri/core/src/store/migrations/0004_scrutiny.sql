-- Scrutiny: meetings and their agenda, the challenge log, follow-up actions, and the
-- organisation's assurance areas. Every edit is kept in record_history, now with who made it.

ALTER TABLE record_history ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';

-- Kinds of meeting; the board can add its own.
CREATE TABLE meeting_kind (
    code     TEXT PRIMARY KEY,
    label    TEXT NOT NULL UNIQUE CHECK (length(trim(label)) > 0),
    position INTEGER NOT NULL
) STRICT;

INSERT INTO meeting_kind (code, label, position) VALUES
    ('board', 'Board', 1),
    ('quality-committee', 'Quality committee', 2),
    ('safeguarding-committee', 'Safeguarding committee', 3);

CREATE TABLE meeting (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL REFERENCES meeting_kind (code),
    held_on    TEXT NOT NULL CHECK (date(held_on) = held_on),
    part       TEXT NOT NULL CHECK (part IN ('public', 'private')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, held_on, part)
) STRICT;

CREATE TABLE agenda_item (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meeting (id),
    number         TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    paper_ref      TEXT NOT NULL,
    executive_lead TEXT NOT NULL,
    position       INTEGER NOT NULL
) STRICT;

CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);

CREATE TABLE attendance (
    meeting_id TEXT NOT NULL REFERENCES meeting (id),
    member_id  TEXT NOT NULL REFERENCES member (id),
    status     TEXT NOT NULL CHECK (status IN ('present', 'apologies')),
    PRIMARY KEY (meeting_id, member_id)
) STRICT;

-- Assurance areas the organisation added to its chosen shipped set.
CREATE TABLE custom_assurance_area (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL UNIQUE CHECK (length(trim(title)) > 0),
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- One challenge a director raised and what came of it.
CREATE TABLE scrutiny_entry (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT REFERENCES meeting (id),
    agenda_item_id  TEXT REFERENCES agenda_item (id),
    raised_on       TEXT NOT NULL CHECK (date(raised_on) = raised_on),
    area_id         TEXT NOT NULL,
    raised_by       TEXT NOT NULL REFERENCES member (id),
    challenge       TEXT NOT NULL CHECK (length(trim(challenge)) > 0),
    directed_to     TEXT NOT NULL,
    response        TEXT NOT NULL,
    -- JSON array of evidence kind codes.
    evidence        TEXT NOT NULL CHECK (json_valid(evidence)),
    assurance_level TEXT NOT NULL,
    minute_ref      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX scrutiny_entry_by_date ON scrutiny_entry (raised_on);
CREATE INDEX scrutiny_entry_by_area ON scrutiny_entry (area_id, raised_on);

-- Follow-up actions. Whether one is overdue is worked out from its due date, never stored.
CREATE TABLE follow_up_action (
    id              TEXT PRIMARY KEY,
    entry_id        TEXT NOT NULL REFERENCES scrutiny_entry (id),
    description     TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner_member_id TEXT REFERENCES member (id),
    owner_name      TEXT NOT NULL,
    due_on          TEXT CHECK (due_on IS NULL OR date(due_on) = due_on),
    status          TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'closed', 'escalated')),
    escalated_to    TEXT NOT NULL,
    closure_note    TEXT NOT NULL,
    closed_on       TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
) STRICT;

CREATE INDEX follow_up_action_by_entry ON follow_up_action (entry_id);
CREATE INDEX follow_up_action_by_due ON follow_up_action (status, due_on);
