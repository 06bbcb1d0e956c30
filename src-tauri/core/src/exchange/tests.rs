use std::path::{Path, PathBuf};

use super::*;
use crate::board::{self, MemberFilter};
use crate::error::ErrorKind;
use crate::scrutiny::{self, AgendaItemInput, EntryInput, EvidenceSource, MeetingInput};
use crate::store::entity::Entity;
use crate::store::{history, Store};
use crate::test_support::member_id;
use crate::training::{self, TrainingInput};

const PASS: &str = "correct horse battery";

fn secretary() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    crate::demo::load_demo(&mut store).unwrap();
    store
}

fn board_file(store: &mut Store, dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    export(store, &ExportOptions::default(), PASS, &out).unwrap();
    out
}

fn trusting_import(store: &mut Store, file: &Path) -> ImportPlan {
    let seen = preview(store, file, PASS, &ImportChoices::default()).unwrap();
    if !seen.sender.trusted {
        trust_sender(store, file, PASS, &seen.sender.fingerprint).unwrap();
    }
    import(store, file, PASS, &ImportChoices::default()).unwrap()
}

fn training_input(member: &str, title: &str) -> TrainingInput {
    TrainingInput {
        member_id: member.into(),
        title: title.into(),
        provider: "Regional safeguarding partnership".into(),
        completed_on: "12/05/2026".into(),
        hours: "3".into(),
        learning_type: Some(training::LearningType::FaceToFace),
        level: "Board level".into(),
        certificate_ref: "".into(),
        expires_on: "".into(),
    }
}

/// A meeting with one challenge raised by `who`, on the secretary's laptop.
fn meeting_with_challenge(store: &mut Store, who: &str) -> (String, String) {
    let m = scrutiny::add_meeting(
        store,
        &MeetingInput {
            kind: "board".into(),
            held_on: "06/08/2026".into(),
            items: vec![AgendaItemInput {
                number: "7".into(),
                title: "Safeguarding annual report".into(),
                ..Default::default()
            }],
            present: vec![who.to_string()],
            ..Default::default()
        },
    )
    .unwrap();
    let e = scrutiny::add_entry(
        store,
        &EntryInput {
            meeting_id: m.id.clone(),
            agenda_item_id: m.items[0].id.clone(),
            raised_on: "06/08/2026".into(),
            area_id: "saaf.4.2.1.1".into(),
            raised_by: who.into(),
            challenge: "How do we know named professionals have protected time?".into(),
            directed_to: "Chief Nurse".into(),
            response: "Job plans were audited in the second quarter.".into(),
            evidence: vec![EvidenceSource::Audit],
            assurance_level: "reasonable".into(),
            ..Default::default()
        },
    )
    .unwrap();
    (m.id, e.entry.id)
}

#[test]
fn the_board_file_sets_up_a_directors_laptop_and_importing_it_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let fiona = member_id(&sec, "Fiona Gallagher");
    meeting_with_challenge(&mut sec, &fiona);
    let file = board_file(&mut sec, dir.path(), "board.boardx");

    let mut director = Store::open_in_memory().unwrap();
    let first = trusting_import(&mut director, &file);
    assert!(first.applied);
    assert_eq!(
        first.counts.conflicts + first.counts.blocked,
        0,
        "{:?}",
        first.changes
    );
    assert!(first.counts.new >= 15, "{:?}", first.counts);
    assert_eq!(
        board::list_members(&director, MemberFilter::All).unwrap(),
        board::list_members(&sec, MemberFilter::All).unwrap()
    );
    let by_id = |s: &Store| {
        let mut all = training::list_all_training(s).unwrap();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    };
    assert_eq!(by_id(&director), by_id(&sec));
    assert!(crate::audit::verify(&director).unwrap().ok);

    let rows = history::count(director.conn()).unwrap();
    let again = import(&mut director, &file, PASS, &ImportChoices::default()).unwrap();
    assert_eq!(again.counts.unchanged as usize, again.changes.len());
    assert_eq!(
        history::count(director.conn()).unwrap(),
        rows,
        "a second import writes nothing"
    );
}

#[test]
fn a_directors_records_reach_the_secretary_and_later_versions_win_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let fiona = member_id(&sec, "Fiona Gallagher");
    let mut director = Store::open_in_memory().unwrap();
    trusting_import(
        &mut director,
        &board_file(&mut sec, dir.path(), "board.boardx"),
    );

    // The director records training and a challenge on her own laptop.
    let t = training::add_training(&mut director, &training_input(&fiona, "Prevent awareness"))
        .unwrap();
    let (_, entry) = meeting_with_challenge(&mut director, &fiona);
    let out = dir.path().join("fiona.boardx");
    let summary = export(
        &mut director,
        &ExportOptions {
            member_id: Some(fiona.clone()),
            period: String::new(),
        },
        PASS,
        &out,
    )
    .unwrap();
    assert!(summary.description.contains("Fiona Gallagher"));

    let got = trusting_import(&mut sec, &out);
    let outcome =
        |plan: &ImportPlan, id: &str| plan.changes.iter().find(|c| c.id == id).unwrap().outcome;
    assert_eq!(outcome(&got, &t.id), Outcome::New);
    assert_eq!(outcome(&got, &entry), Outcome::New);
    assert_eq!(
        scrutiny::get_entry(&sec, &entry).unwrap().entry.raised_by,
        fiona
    );
    let versions = history::versions(sec.conn(), Entity::Training, &t.id).unwrap();
    let origin = format!(
        "(exchange file, {})",
        own_fingerprint(&mut director).unwrap()
    );
    assert!(
        versions[0].changed_by.ends_with(&origin),
        "the merged change is attributed to its origin: {}",
        versions[0].changed_by
    );

    // The secretary corrects the hours; the board file carries the correction back.
    let mut fix = training_input(&fiona, "Prevent awareness");
    fix.hours = "2.5".into();
    training::update_training(&mut sec, &t.id, &fix).unwrap();
    let back = trusting_import(
        &mut director,
        &board_file(&mut sec, dir.path(), "board2.boardx"),
    );
    assert_eq!(outcome(&back, &t.id), Outcome::Updated);
    assert_eq!(
        crate::training::repo::get(director.conn(), &t.id)
            .unwrap()
            .unwrap()
            .minutes,
        150
    );

    // The director's older copy, sent again, does not undo the correction.
    let stale = import(&mut sec, &out, PASS, &ImportChoices::default()).unwrap();
    assert_eq!(outcome(&stale, &t.id), Outcome::YoursNewer);
    assert_eq!(
        crate::training::repo::get(sec.conn(), &t.id)
            .unwrap()
            .unwrap()
            .minutes,
        150
    );
    assert!(crate::audit::verify(&sec).unwrap().ok);
}

#[test]
fn a_record_changed_on_both_laptops_is_reported_and_kept_until_the_user_decides() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let fiona = member_id(&sec, "Fiona Gallagher");
    let t =
        training::add_training(&mut sec, &training_input(&fiona, "Level 3 safeguarding")).unwrap();
    let mut director = Store::open_in_memory().unwrap();
    trusting_import(
        &mut director,
        &board_file(&mut sec, dir.path(), "board.boardx"),
    );

    let mut ours = training_input(&fiona, "Level 3 safeguarding");
    ours.provider = "Trust learning team".into();
    training::update_training(&mut sec, &t.id, &ours).unwrap();
    let mut theirs = training_input(&fiona, "Level 3 safeguarding");
    theirs.certificate_ref = "CERT-2211".into();
    training::update_training(&mut director, &t.id, &theirs).unwrap();
    let file = board_file(&mut director, dir.path(), "director.boardx");

    let undecided = trusting_import(&mut sec, &file);
    let c = undecided.changes.iter().find(|c| c.id == t.id).unwrap();
    assert_eq!(
        (c.outcome, c.resolution, c.writes),
        (Outcome::Conflict, Resolution::Undecided, false)
    );
    let fields: Vec<&str> = c.differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, ["certificateRef", "provider"]);
    assert_eq!(
        crate::training::repo::get(sec.conn(), &t.id)
            .unwrap()
            .unwrap()
            .provider,
        "Trust learning team"
    );

    // Still a conflict the second time: an undecided conflict is never dropped.
    let choices = ImportChoices {
        take_theirs: vec![t.id.clone()],
        keep_mine: vec![],
    };
    let before = preview(&sec, &file, PASS, &ImportChoices::default()).unwrap();
    assert_eq!(before.counts.conflicts, 1);
    let taken = import(&mut sec, &file, PASS, &choices).unwrap();
    assert_eq!(taken.counts.conflicts, 1);
    let now = crate::training::repo::get(sec.conn(), &t.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        (now.certificate_ref.as_str(), now.provider.as_str()),
        ("CERT-2211", "Regional safeguarding partnership")
    );
    // Our version is still in the history: nothing was lost.
    let kept = history::versions(sec.conn(), Entity::Training, &t.id).unwrap();
    assert!(kept
        .iter()
        .any(|v| v.snapshot["provider"] == "Trust learning team"));
}

#[test]
fn keeping_mine_settles_the_conflict_for_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let fiona = member_id(&sec, "Fiona Gallagher");
    let t =
        training::add_training(&mut sec, &training_input(&fiona, "Level 3 safeguarding")).unwrap();
    let mut director = Store::open_in_memory().unwrap();
    trusting_import(
        &mut director,
        &board_file(&mut sec, dir.path(), "board.boardx"),
    );
    let mut ours = training_input(&fiona, "Level 3 safeguarding");
    ours.hours = "4".into();
    training::update_training(&mut sec, &t.id, &ours).unwrap();
    let mut theirs = training_input(&fiona, "Level 3 safeguarding");
    theirs.hours = "5".into();
    training::update_training(&mut director, &t.id, &theirs).unwrap();
    let file = board_file(&mut director, dir.path(), "director.boardx");
    trust_sender(
        &mut sec,
        &file,
        PASS,
        &own_fingerprint(&mut director).unwrap(),
    )
    .unwrap();

    let choices = ImportChoices {
        take_theirs: vec![],
        keep_mine: vec![t.id.clone()],
    };
    import(&mut sec, &file, PASS, &choices).unwrap();
    let again = preview(&sec, &file, PASS, &ImportChoices::default()).unwrap();
    let c = again.changes.iter().find(|c| c.id == t.id).unwrap();
    assert_eq!(c.outcome, Outcome::YoursNewer);
    assert_eq!(
        crate::training::repo::get(sec.conn(), &t.id)
            .unwrap()
            .unwrap()
            .minutes,
        240
    );
}

#[test]
fn the_preview_is_exactly_what_the_import_then_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let fiona = member_id(&sec, "Fiona Gallagher");
    meeting_with_challenge(&mut sec, &fiona);
    let file = board_file(&mut sec, dir.path(), "board.boardx");
    let mut director = Store::open_in_memory().unwrap();
    let rows = history::count(director.conn()).unwrap();
    let seen = preview(&director, &file, PASS, &ImportChoices::default()).unwrap();
    assert!(!seen.applied);
    assert_eq!(
        history::count(director.conn()).unwrap(),
        rows,
        "a preview writes nothing"
    );
    trust_sender(&mut director, &file, PASS, &seen.sender.fingerprint).unwrap();
    let done = import(&mut director, &file, PASS, &ImportChoices::default()).unwrap();
    assert_eq!(done.changes, seen.changes);
    assert_eq!(done.counts, seen.counts);
}

fn refused(store: &mut Store, file: &Path, passphrase: &str) -> crate::error::CoreError {
    let rows = history::count(store.conn()).unwrap();
    let err = import(store, file, passphrase, &ImportChoices::default()).unwrap_err();
    assert_eq!(
        history::count(store.conn()).unwrap(),
        rows,
        "nothing written: {}",
        err.message
    );
    err
}

#[test]
fn damaged_tampered_truncated_newer_and_unsigned_files_are_each_refused_in_their_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let file = board_file(&mut sec, dir.path(), "board.boardx");
    let bytes = std::fs::read(&file).unwrap();
    let mut director = Store::open_in_memory().unwrap();
    let write = |name: &str, b: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, b).unwrap();
        p
    };

    let unknown = refused(&mut director, &file, PASS);
    assert_eq!(unknown.kind, ErrorKind::Conflict);
    assert!(
        unknown.message.contains("does not yet trust"),
        "{}",
        unknown.message
    );
    assert!(unknown
        .message
        .contains(&own_fingerprint(&mut sec).unwrap()));
    trust_sender(
        &mut director,
        &file,
        PASS,
        &own_fingerprint(&mut sec).unwrap(),
    )
    .unwrap();

    let wrong = refused(&mut director, &file, "not the passphrase");
    assert_eq!(wrong.field.as_deref(), Some("passphrase"));
    assert!(
        wrong.message.contains("passphrase does not open"),
        "{}",
        wrong.message
    );

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x01;
    let altered = refused(&mut director, &write("flipped.boardx", &flipped), PASS);
    assert_eq!(altered.kind, ErrorKind::Damaged);
    assert!(
        altered.message.contains("damaged or altered"),
        "{}",
        altered.message
    );

    let cut = refused(
        &mut director,
        &write("cut.boardx", &bytes[..bytes.len() * 2 / 3]),
        PASS,
    );
    assert!(cut.message.contains("incomplete"), "{}", cut.message);

    let mut newer = bytes.clone();
    newer[9] = (FORMAT_VERSION + 1) as u8;
    let too_new = refused(&mut director, &write("newer.boardx", &newer), PASS);
    assert_eq!(too_new.kind, ErrorKind::TooNew);

    let foreign = refused(
        &mut director,
        &write("notes.boardx", b"Minutes of the board, 6 August"),
        PASS,
    );
    assert!(
        foreign.message.contains("not an exchange file"),
        "{}",
        foreign.message
    );

    // Re-signed by someone else after the fact: the signature no longer matches the signer
    // the director trusted, so it reads as a stranger's file.
    let mut other = secretary();
    let forged = board_file(&mut other, dir.path(), "other.boardx");
    let stranger = refused(&mut director, &forged, PASS);
    assert!(stranger.message.contains("does not yet trust"));

    // The untouched file still imports.
    assert!(
        import(&mut director, &file, PASS, &ImportChoices::default())
            .unwrap()
            .counts
            .new
            > 0
    );
}

#[test]
fn a_signature_that_does_not_match_the_contents_is_refused() {
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let sealed = envelope::seal(br#"{"format":1}"#, &key, PASS).unwrap();
    assert!(envelope::open(&sealed, PASS).is_ok());
    // Flipping a bit inside the ciphertext is caught by the checksum; a forger who also fixes
    // the checksum is caught by the cipher's authentication tag.
    let mut forged = sealed.clone();
    forged[120] ^= 0x80;
    let n = forged.len();
    let sum = sha2::Sha256::digest(&forged[..n - 32]);
    forged[n - 32..].copy_from_slice(&sum);
    let err = envelope::open(&forged, PASS).err().unwrap();
    assert!(
        err.message.contains("damaged or altered"),
        "{}",
        err.message
    );
}

#[test]
fn a_meeting_entered_separately_on_both_laptops_is_blocked_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let fiona = member_id(&sec, "Fiona Gallagher");
    let mut director = Store::open_in_memory().unwrap();
    trusting_import(
        &mut director,
        &board_file(&mut sec, dir.path(), "board.boardx"),
    );
    meeting_with_challenge(&mut sec, &fiona);
    let (meeting_id, entry) = meeting_with_challenge(&mut director, &fiona);
    let file = dir.path().join("fiona.boardx");
    export(
        &mut director,
        &ExportOptions {
            member_id: Some(fiona),
            period: "2026/27".into(),
        },
        PASS,
        &file,
    )
    .unwrap();
    let plan = trusting_import(&mut sec, &file);
    let meeting = plan.changes.iter().find(|c| c.id == meeting_id).unwrap();
    assert_eq!(meeting.outcome, Outcome::Blocked);
    assert!(
        meeting.reason.contains("entered separately"),
        "{}",
        meeting.reason
    );
    let e = plan.changes.iter().find(|c| c.id == entry).unwrap();
    assert_eq!(e.outcome, Outcome::Blocked);
    assert!(scrutiny::get_entry(&sec, &entry).is_err());
}

#[test]
fn a_short_passphrase_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let out = dir.path().join("board.boardx");
    let err = export(&mut sec, &ExportOptions::default(), "short", &out).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("passphrase"));
    assert!(!out.exists());
}

#[test]
fn fingerprints_are_compared_as_people_read_them() {
    let f = "3F2A 9C1B 0000 1111 2222 3333 4444 5555 6666 7777";
    assert!(same_fingerprint(
        "3f2a9c1b000011112222333344445555 66667777",
        f
    ));
    assert!(!same_fingerprint("3F2A 9C1B", f));
    assert!(!same_fingerprint("", f));
}

#[test]
fn a_merged_change_is_attributed_to_the_name_recorded_when_the_sender_was_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let mut sec = secretary();
    let mut director = Store::open_in_memory().unwrap();
    trusting_import(
        &mut director,
        &board_file(&mut sec, dir.path(), "board.boardx"),
    );
    let fiona = member_id(&director, "Fiona Gallagher");
    let me = crate::store::settings::MY_MEMBER_ID;
    crate::store::settings::set(director.conn(), me, &Some(fiona.clone())).unwrap();
    let t = training::add_training(&mut director, &training_input(&fiona, "Prevent awareness"))
        .unwrap();
    let options = ExportOptions {
        member_id: Some(fiona.clone()),
        period: String::new(),
    };
    let first = dir.path().join("first.boardx");
    export(&mut director, &options, PASS, &first).unwrap();
    trusting_import(&mut sec, &first);

    // The director's laptop now claims to be someone else.
    let chair = member_id(&director, "Margaret Ellison");
    crate::store::settings::set(director.conn(), me, &Some(chair)).unwrap();
    let mut fix = training_input(&fiona, "Prevent awareness");
    fix.hours = "2.5".into();
    training::update_training(&mut director, &t.id, &fix).unwrap();
    let second = dir.path().join("second.boardx");
    export(&mut director, &options, PASS, &second).unwrap();
    let seen = preview(&sec, &second, PASS, &ImportChoices::default()).unwrap();
    assert_eq!(seen.sender.name, "Margaret Ellison", "the file says so");
    import(&mut sec, &second, PASS, &ImportChoices::default()).unwrap();
    let versions = history::versions(sec.conn(), Entity::Training, &t.id).unwrap();
    let last = &versions.last().unwrap().changed_by;
    assert!(last.starts_with("Fiona Gallagher (exchange file"), "{last}");
}

use sha2::Digest;
