-- Questions a director means to ask at a future meeting (scrutiny/questions.rs). They stay on
-- the director's laptop (no exchange file carries them) until raised, when the challenge
-- logged from one is named here.
CREATE TABLE planned_question (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting (id),
    agenda_item_id TEXT,
    member_id TEXT NOT NULL REFERENCES member (id),
    area_id TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL CHECK (length(trim(question)) > 0),
    raised_entry_id TEXT REFERENCES scrutiny_entry (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX planned_question_meeting ON planned_question (meeting_id);
