//! Hostile input, property-tested: every kind of input the window's commands take, mutated
//! field by field into wrong types, impossible dates, empty and huge text and unknown codes;
//! arbitrary bytes through the CSV readers; and damaged exchange files. Each call must return
//! either a result or the one error shape with a message, never panic, and a refused call must
//! leave the database exactly as it was; the audit trail and the file's integrity hold after.
//!
//! A short run is part of the test suite; `PROPTEST_CASES=N` runs longer (see the README).

use std::path::Path;

use proptest::prelude::*;
use serde_json::{json, Value};

use boardassure_core::board::{self, MemberFilter};
use boardassure_core::error::Result;
use boardassure_core::session::Session;
use boardassure_core::store::encryption::Passphrase;
use boardassure_core::store::Store;
use boardassure_core::{
    audit, competency, compliance, exchange, paper, periods, scrutiny, search, settings, training,
};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(48)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    boardassure_core::demo::load_demo(&mut store).unwrap();
    store
}

fn member_id(store: &Store, name: &str) -> String {
    board::list_members(store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .find(|m| m.name == name)
        .unwrap()
        .id
}

/// Values that no form sends but a hostile or broken caller might.
fn weird() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!("")),
        Just(json!("   ")),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<String>().prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        // Dates, real and impossible, British and otherwise.
        "[0-9]{1,2}/[0-9]{1,2}/[0-9]{1,5}".prop_map(Value::from),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::from),
        Just(json!("29/02/2027")),
        Just(json!("31/04/2026")),
        // Too long for any field.
        (1usize..4).prop_map(|n| Value::from("Safeguarding ".repeat(n * 4000))),
        // Codes that do not exist, and SQL and markup that must stay text.
        Just(json!("'; DROP TABLE member; --")),
        Just(json!("<script>alert(1)</script>")),
        prop::collection::vec("\\PC{0,12}", 0..4).prop_map(|v| json!(v)),
        Just(json!({"nested": true})),
    ]
}

/// A valid input with some of its fields replaced by weird values, and sometimes an unknown
/// field added.
fn mutated(base: Value) -> impl Strategy<Value = Value> {
    let keys: Vec<String> = base.as_object().unwrap().keys().cloned().collect();
    let n = keys.len();
    prop::collection::vec((0..n + 1, weird()), 1..4).prop_map(move |changes| {
        let mut v = base.clone();
        let obj = v.as_object_mut().unwrap();
        for (i, value) in changes {
            let key = keys.get(i).cloned().unwrap_or_else(|| "unexpected".into());
            obj.insert(key, value);
        }
        v
    })
}

/// Runs one command the way IPC does (JSON in, typed input, a core call) and checks that a
/// refusal changed nothing and that an input serde cannot read is simply refused.
fn call<T: serde::de::DeserializeOwned, R>(
    store: &mut Store,
    input: Value,
    f: impl FnOnce(&mut Store, T) -> Result<R>,
) {
    let Ok(typed) = serde_json::from_value::<T>(input) else {
        return; // IPC refuses input of the wrong shape before any command runs.
    };
    let before = audit::history_rows(store).unwrap();
    if let Err(e) = f(store, typed) {
        assert!(
            !e.message.trim().is_empty(),
            "every error says what went wrong"
        );
        assert!(
            e.message.len() < 2_000,
            "messages stay readable: {}…",
            e.message.chars().take(200).collect::<String>()
        );
        assert_eq!(
            audit::history_rows(store).unwrap(),
            before,
            "a refused call changes nothing: {}",
            e.message
        );
    }
}

fn still_sound(store: &Store) {
    assert!(audit::verify(store).unwrap().ok, "the audit trail holds");
    assert!(store.health().unwrap().integrity == "ok");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn member_and_organisation_inputs(input in mutated(json!({
        "name": "Grace Okonkwo", "kind": "executive", "roles": ["executive-lead"],
        "jobTitle": "Director of Nursing", "startDate": "06/01/2026", "endDate": "",
        "committees": ["Quality Committee"]
    })), org in mutated(json!({"name": "NHS Borders", "nation": "scotland", "orgType": "health-board"}))) {
        let mut store = demo();
        let someone = member_id(&store, "Fiona Gallagher");
        call(&mut store, input.clone(), |s, i| board::add_member(s, &i));
        call(&mut store, input, |s, i| board::update_member(s, &someone, &i));
        call(&mut store, org, |s, i| board::save_organisation(s, &i));
        still_sound(&store);
    }

    #[test]
    fn training_and_requirement_inputs(input in mutated(json!({
        "memberId": "", "title": "Level 3 safeguarding", "provider": "Partnership",
        "completedOn": "12/05/2026", "hours": "1.5", "learningType": "e-learning",
        "level": "Level 3", "certificateRef": "", "expiresOn": ""
    })), req in mutated(json!({
        "title": "Prevent", "kind": "renewal", "roles": [], "hours": "", "windowMonths": "",
        "renewMonths": "36", "matches": "prevent"
    }))) {
        let mut store = demo();
        let fiona = member_id(&store, "Fiona Gallagher");
        let mut input = input;
        if input["memberId"] == "" { input["memberId"] = json!(fiona); }
        call(&mut store, input, |s, i| training::add_training(s, &i));
        call(&mut store, req, |s, i| compliance::add_requirement(s, &i));
        still_sound(&store);
    }

    #[test]
    fn meeting_entry_and_action_inputs(meeting in mutated(json!({
        "kind": "board", "heldOn": "06/08/2026", "part": "public",
        "items": [{"id": "", "number": "4.2", "title": "Safeguarding report", "paperRef": "", "executiveLead": ""}],
        "present": [], "apologies": []
    })), entry in mutated(json!({
        "meetingId": "", "agendaItemId": "", "raisedOn": "06/08/2026", "areaId": "saaf.4.2.1.1",
        "raisedBy": "", "challenge": "How do we know?", "directedTo": "Chief Nurse",
        "response": "An audit.", "evidence": ["audit"], "assuranceLevel": "limited",
        "minuteRef": "BD/1", "actions": []
    })), action in mutated(json!({
        "description": "Report back", "ownerMemberId": "", "ownerName": "Head of Safeguarding",
        "dueOn": "01/12/2026", "status": "open", "escalatedTo": "", "closureNote": "", "closedOn": ""
    }))) {
        let mut store = demo();
        let fiona = member_id(&store, "Fiona Gallagher");
        call(&mut store, meeting, |s, i| scrutiny::add_meeting(s, &i));
        let mut entry = entry;
        if entry["raisedBy"] == "" { entry["raisedBy"] = json!(fiona.clone()); }
        call(&mut store, entry, |s, i| scrutiny::add_entry(s, &i));
        let valid = scrutiny::add_entry(&mut store, &scrutiny::EntryInput {
            raised_on: "06/08/2026".into(), area_id: "saaf.4.2.1.1".into(), raised_by: fiona,
            challenge: "A challenge".into(), assurance_level: "limited".into(), ..Default::default()
        }).unwrap();
        call(&mut store, action, |s, i| scrutiny::add_action(s, &valid.entry.id, &i));
        still_sound(&store);
    }

    #[test]
    fn competency_settings_and_area_inputs(assessment in mutated(json!({
        "memberId": "", "frameworkId": "senior-manager-children", "itemId": "smc.core.1",
        "rating": "competent", "assessedOn": "", "note": "Reflective note", "evidence": []
    })), plan in mutated(json!({
        "memberId": "", "title": "Prevent training", "itemId": "", "targetDate": "", "status": "planned"
    })), prefs in mutated(json!({
        "ratingScale": [{"code": "no", "label": "No", "meets": false}, {"code": "yes", "label": "Yes", "meets": true}],
        "dueSoonDays": 90, "myMemberId": null
    })), area in mutated(json!({"title": "Transitions", "text": "Moving to adult services"})),
        minutes in weird()) {
        let mut store = demo();
        let fiona = member_id(&store, "Fiona Gallagher");
        let (mut assessment, mut plan) = (assessment, plan);
        if assessment["memberId"] == "" { assessment["memberId"] = json!(fiona.clone()); }
        if plan["memberId"] == "" { plan["memberId"] = json!(fiona); }
        call(&mut store, assessment, |s, i| competency::save_assessment(s, &i));
        call(&mut store, plan, |s, i| competency::add_plan(s, &i));
        call(&mut store, prefs, |s, i: settings::Settings| settings::save_settings(s, &i));
        call(&mut store, area, |s, i| scrutiny::add_custom_area(s, &i));
        call(&mut store, minutes, |s, m: u32| settings::save_idle_lock_minutes(s, m));
        still_sound(&store);
    }

    #[test]
    fn passphrase_inputs(text in weird(), other in weird()) {
        // Passphrases for unlocking, choosing and changing: held to their limits, never a panic.
        let Ok(text) = serde_json::from_value::<String>(text) else { return Ok(()); };
        let chars = text.chars().count();
        match Passphrase::new("passphrase", text.clone()) {
            Ok(_) => prop_assert!((10..=256).contains(&chars)),
            Err(e) => {
                prop_assert!(!(10..=256).contains(&chars));
                prop_assert_eq!(e.field.as_deref(), Some("passphrase"));
            }
        }
        prop_assert_eq!(Passphrase::entered("passphrase", text).is_ok(), (1..=256).contains(&chars));
        // A passphrase refused at first run writes nothing at all.
        if let Ok(other) = serde_json::from_value::<String>(other) {
            if !(10..=256).contains(&other.chars().count()) {
                let dir = tempfile::tempdir().unwrap();
                let db = dir.path().join("board.db");
                let session = Session::open(&db);
                prop_assert!(session.create(other).is_err());
                prop_assert!(!db.exists());
                prop_assert!(session.status().new_database);
            }
        }
    }

    #[test]
    fn listing_search_cover_and_export_inputs(filter in mutated(json!({
        "period": "2026/27", "areaId": null, "memberId": null, "assuranceLevel": null, "openActions": false
    })), page in mutated(json!({"offset": 0, "limit": 50})),
       text in any::<String>(),
       cover in prop::collection::btree_map("\\PC{0,20}", "\\PC{0,200}", 0..5),
       export in mutated(json!({"memberId": null, "period": "2026/27"}))) {
        let mut store = demo();
        let page_req: Option<scrutiny::PageRequest> = serde_json::from_value(page).ok();
        if let (Ok(f), Some(p)) = (serde_json::from_value::<scrutiny::LogFilter>(filter), page_req) {
            let _ = scrutiny::entry_page(&store, &f, p);
            let _ = scrutiny::action_page(&store, scrutiny::ActionFilter::default(), p, boardassure_core::dates::today());
        }
        let _ = search::search(&store, &text, &search::SearchFilter::default());
        let q = periods::Period::parse("2026/27-Q2").unwrap();
        let before = audit::history_rows(&store).unwrap();
        if paper::save_cover_sheet(&mut store, q, &cover).is_err() {
            prop_assert_eq!(audit::history_rows(&store).unwrap(), before);
        }
        if let Ok(options) = serde_json::from_value::<exchange::ExportOptions>(export) {
            let _ = exchange::validate_export(&store, &options, "correct horse battery");
        }
        still_sound(&store);
    }

    #[test]
    fn csv_readers_take_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000),
                                   rows in prop::collection::vec("[^\\n]{0,80}", 0..12)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = demo();
        // Raw bytes, and text with the real headers and junk rows.
        let training_text = format!("Name,Course,Provider,Completed,Hours,Learning type,Level\n{}", rows.join("\n"));
        let log_text = format!("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n{}", rows.join("\n"));
        for (name, content) in [("raw.csv", bytes.clone()), ("training.csv", training_text.into_bytes()), ("log.csv", log_text.into_bytes())] {
            let file = dir.path().join(name);
            std::fs::write(&file, &content).unwrap();
            for skip in [false, true] {
                let before = audit::history_rows(&store).unwrap();
                if training::import_training_csv(&mut store, &file, &boardassure_core::import::ImportOptions { skip_invalid: skip, ..Default::default() }).is_err() {
                    prop_assert_eq!(audit::history_rows(&store).unwrap(), before);
                }
                let before = audit::history_rows(&store).unwrap();
                if scrutiny::import_scrutiny_csv(&mut store, &file, &boardassure_core::import::ImportOptions { skip_invalid: skip, create_people: skip, ..Default::default() }).is_err() {
                    prop_assert_eq!(audit::history_rows(&store).unwrap(), before);
                }
            }
        }
        still_sound(&store);
    }
}

/// One real exchange file, made once, for the damage tests to start from.
fn exchange_file(dir: &Path) -> Vec<u8> {
    let mut store = demo();
    let file = dir.join("board.boardx");
    exchange::export(
        &mut store,
        &exchange::ExportOptions::default(),
        "correct horse battery",
        &file,
    )
    .unwrap();
    std::fs::read(file).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases().min(24), ..config() })]

    #[test]
    fn damaged_exchange_files_are_refused(flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
                                          cut in any::<prop::sample::Index>(),
                                          junk in prop::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().unwrap();
        let good = exchange_file(dir.path());
        let mut flipped = good.clone();
        for (at, x) in &flips {
            let i = at.index(flipped.len());
            flipped[i] ^= x;
        }
        let truncated = good[..cut.index(good.len())].to_vec();
        let store = demo();
        for (name, bytes) in [("flipped", flipped), ("truncated", truncated), ("junk", junk)] {
            let f = dir.path().join(name);
            std::fs::write(&f, &bytes).unwrap();
            let r = exchange::preview(&store, &f, "correct horse battery", &exchange::ImportChoices::default());
            prop_assert!(r.is_err(), "{} was accepted", name);
            prop_assert!(!r.unwrap_err().message.is_empty());
        }
    }
}
