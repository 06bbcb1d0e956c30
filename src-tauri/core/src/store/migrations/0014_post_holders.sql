-- Posts and the members who hold them: an action owned by "Chief Nurse" belongs to whoever
-- held that post (board/posts.rs). A post changes hands by closing one holding and opening
-- the next, so the dates say who held it when.
CREATE TABLE post_holder (
    id TEXT PRIMARY KEY,
    post TEXT NOT NULL CHECK (length(trim(post)) > 0),
    member_id TEXT NOT NULL REFERENCES member (id),
    held_from TEXT NOT NULL CHECK (date(held_from) IS held_from),
    held_to TEXT CHECK (held_to IS NULL OR (date(held_to) IS held_to AND held_to >= held_from)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX post_holder_member ON post_holder (member_id);
