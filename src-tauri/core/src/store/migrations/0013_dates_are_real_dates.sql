-- Every stored date is a real calendar date. The CHECKs of the first migrations compare
-- `date(x) = x`, which passes when `date()` cannot read x at all (it gives NULL, and a CHECK
-- that is NULL passes): a record from outside dated -262143-01-15 was accepted. SQLite cannot
-- change a table's CHECK in place, so these triggers refuse such a row on every insert and
-- update, with the NULL-safe comparison `date(x) IS x`.

CREATE TRIGGER member_dates_on_insert BEFORE INSERT ON member
WHEN (NEW.start_date IS NOT NULL AND date(NEW.start_date) IS NOT NEW.start_date) OR (NEW.end_date IS NOT NULL AND date(NEW.end_date) IS NOT NEW.end_date)
BEGIN
    SELECT RAISE(ABORT, 'A date in member is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER member_dates_on_update BEFORE UPDATE ON member
WHEN (NEW.start_date IS NOT NULL AND date(NEW.start_date) IS NOT NEW.start_date) OR (NEW.end_date IS NOT NULL AND date(NEW.end_date) IS NOT NEW.end_date)
BEGIN
    SELECT RAISE(ABORT, 'A date in member is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER training_record_dates_on_insert BEFORE INSERT ON training_record
WHEN (NEW.completed_on IS NOT NULL AND date(NEW.completed_on) IS NOT NEW.completed_on) OR (NEW.expires_on IS NOT NULL AND date(NEW.expires_on) IS NOT NEW.expires_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in training_record is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER training_record_dates_on_update BEFORE UPDATE ON training_record
WHEN (NEW.completed_on IS NOT NULL AND date(NEW.completed_on) IS NOT NEW.completed_on) OR (NEW.expires_on IS NOT NULL AND date(NEW.expires_on) IS NOT NEW.expires_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in training_record is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER self_assessment_dates_on_insert BEFORE INSERT ON self_assessment
WHEN (NEW.assessed_on IS NOT NULL AND date(NEW.assessed_on) IS NOT NEW.assessed_on) OR (NEW.signed_off_on IS NOT NULL AND date(NEW.signed_off_on) IS NOT NEW.signed_off_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in self_assessment is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER self_assessment_dates_on_update BEFORE UPDATE ON self_assessment
WHEN (NEW.assessed_on IS NOT NULL AND date(NEW.assessed_on) IS NOT NEW.assessed_on) OR (NEW.signed_off_on IS NOT NULL AND date(NEW.signed_off_on) IS NOT NEW.signed_off_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in self_assessment is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER planned_learning_dates_on_insert BEFORE INSERT ON planned_learning
WHEN (NEW.target_date IS NOT NULL AND date(NEW.target_date) IS NOT NEW.target_date)
BEGIN
    SELECT RAISE(ABORT, 'A date in planned_learning is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER planned_learning_dates_on_update BEFORE UPDATE ON planned_learning
WHEN (NEW.target_date IS NOT NULL AND date(NEW.target_date) IS NOT NEW.target_date)
BEGIN
    SELECT RAISE(ABORT, 'A date in planned_learning is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER meeting_dates_on_insert BEFORE INSERT ON meeting
WHEN (NEW.held_on IS NOT NULL AND date(NEW.held_on) IS NOT NEW.held_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in meeting is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER meeting_dates_on_update BEFORE UPDATE ON meeting
WHEN (NEW.held_on IS NOT NULL AND date(NEW.held_on) IS NOT NEW.held_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in meeting is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER scrutiny_entry_dates_on_insert BEFORE INSERT ON scrutiny_entry
WHEN (NEW.raised_on IS NOT NULL AND date(NEW.raised_on) IS NOT NEW.raised_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in scrutiny_entry is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER scrutiny_entry_dates_on_update BEFORE UPDATE ON scrutiny_entry
WHEN (NEW.raised_on IS NOT NULL AND date(NEW.raised_on) IS NOT NEW.raised_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in scrutiny_entry is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER follow_up_action_dates_on_insert BEFORE INSERT ON follow_up_action
WHEN (NEW.due_on IS NOT NULL AND date(NEW.due_on) IS NOT NEW.due_on) OR (NEW.closed_on IS NOT NULL AND date(NEW.closed_on) IS NOT NEW.closed_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in follow_up_action is not a real calendar date (YYYY-MM-DD).');
END;

CREATE TRIGGER follow_up_action_dates_on_update BEFORE UPDATE ON follow_up_action
WHEN (NEW.due_on IS NOT NULL AND date(NEW.due_on) IS NOT NEW.due_on) OR (NEW.closed_on IS NOT NULL AND date(NEW.closed_on) IS NOT NEW.closed_on)
BEGIN
    SELECT RAISE(ABORT, 'A date in follow_up_action is not a real calendar date (YYYY-MM-DD).');
END;
