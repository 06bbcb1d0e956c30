-- Training records: what each board member has completed, and when it expires.

CREATE TABLE training_record (
    id              TEXT PRIMARY KEY,
    member_id       TEXT NOT NULL REFERENCES member (id),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    provider        TEXT NOT NULL,
    completed_on    TEXT NOT NULL CHECK (date(completed_on) = completed_on),
    -- Whole minutes, so totals add up exactly (1.5 hours is 90).
    minutes         INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 6000),
    learning_type   TEXT NOT NULL CHECK (learning_type IN ('e-learning', 'face-to-face',
                        'board-development-session', 'reflective-account', 'case-review-learning',
                        'supervision-or-peer-discussion', 'conference', 'multi-agency-training')),
    level           TEXT NOT NULL,
    certificate_ref TEXT NOT NULL,
    expires_on      TEXT CHECK (expires_on IS NULL OR (date(expires_on) = expires_on AND expires_on > completed_on)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX training_record_by_member ON training_record (member_id, completed_on);
