-- Two indexes widened to cover what the home screen counts, so a decade's rows are tallied from
-- the index alone: overdue actions by owner (status, due date, owner) and the coverage of
-- assurance areas (date, area, level). Each keeps its old leading columns, so every query that
-- used the narrower index uses the wider one the same way.
DROP INDEX follow_up_action_by_due;
CREATE INDEX follow_up_action_by_due
    ON follow_up_action (status, due_on, owner_name, owner_member_id);
DROP INDEX scrutiny_entry_by_date;
CREATE INDEX scrutiny_entry_by_date
    ON scrutiny_entry (raised_on, area_id, assurance_level);
