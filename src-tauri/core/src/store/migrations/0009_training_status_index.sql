-- Everything the compliance rules read of a training record, in one index ordered by member
-- and date, so the board's matrix reads a member's learning from a few adjacent pages instead
-- of rows scattered across ten years of the table.
CREATE INDEX training_record_for_status
    ON training_record (member_id, completed_on, title, level, minutes, expires_on);
