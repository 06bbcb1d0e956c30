use super::*;
use crate::error::ErrorKind;
use crate::framework::AppliesTo;
use crate::settings::{get_settings, save_settings};
use crate::test_support::{demo, member};
use crate::training::{add_training, LearningType, TrainingInput};

fn assess(member_id: &str, item: &str, rating: &str) -> AssessmentInput {
    AssessmentInput {
        member_id: member_id.into(),
        framework_id: "senior-manager-children".into(),
        item_id: item.into(),
        rating: rating.into(),
        assessed_on: String::new(),
        note: "Chaired the section 11 audit review.".into(),
        evidence: Vec::new(),
    }
}

#[test]
fn a_members_items_follow_their_roles_and_start_as_gaps() {
    let store = demo();
    let fiona = member(&store, "Fiona Gallagher");
    let mc = member_competency(&store, &fiona.id).unwrap();
    let ids: Vec<&str> = mc.items.iter().map(|a| a.item.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "smc.role.non-executive-lead.responsibility.1",
            "smc.core.1",
            "smc.core.2",
            "smc.core.3"
        ]
    );
    assert!(mc.items.iter().all(|i| i.gap && i.assessment.is_none()));
    assert_eq!(mc.summary.items, 4);
    assert_eq!(mc.summary.meeting, 0);
    // The chair and the safeguarding leads may sign off, never the member themself.
    let signers: Vec<&str> = mc.signers.iter().map(|s| s.name.as_str()).collect();
    assert!(signers.contains(&"Margaret Ellison"), "{signers:?}");
    assert!(!signers.contains(&"Fiona Gallagher"));
    assert_eq!(
        member_competency(&store, "nobody").unwrap_err().kind,
        ErrorKind::NotFound
    );
}

#[test]
fn an_assessment_with_evidence_closes_the_gap_and_keeps_every_version() {
    let mut store = demo();
    let fiona = member(&store, "Fiona Gallagher");
    let chair = member(&store, "Margaret Ellison");
    let course = add_training(
        &mut store,
        &TrainingInput {
            member_id: fiona.id.clone(),
            title: "Board safeguarding development".into(),
            provider: "Regional partnership".into(),
            completed_on: "02/03/2026".into(),
            hours: "3".into(),
            learning_type: Some(LearningType::BoardDevelopmentSession),
            level: "Board level".into(),
            certificate_ref: String::new(),
            expires_on: String::new(),
        },
    )
    .unwrap();
    let mut input = assess(&fiona.id, "smc.core.1", "developing");
    input.assessed_on = "10/03/2026".into();
    input.evidence = vec![
        EvidenceInput {
            kind: Some(EvidenceKind::Training),
            reference: course.id.clone(),
            title: String::new(),
        },
        EvidenceInput {
            kind: Some(EvidenceKind::Document),
            reference: "/home/fiona/Documents/Section 11 audit.pdf".into(),
            title: String::new(),
        },
    ];
    let first = save_assessment(&mut store, &input).unwrap();
    assert_eq!(
        first.evidence[0].title,
        "Board safeguarding development (02/03/2026)"
    );
    assert_eq!(first.evidence[1].title, "Section 11 audit.pdf");
    let mc = member_competency(&store, &fiona.id).unwrap();
    let item = mc.items.iter().find(|i| i.item.id == "smc.core.1").unwrap();
    assert!(
        item.gap,
        "developing is below the level that meets the item"
    );

    input.rating = "competent".into();
    let second = save_assessment(&mut store, &input).unwrap();
    assert_eq!(second.id, first.id, "one current assessment per item");
    let signed = sign_off_assessment(
        &mut store,
        &second.id,
        &SignOffInput {
            by_member_id: chair.id.clone(),
            on: "12/03/2026".into(),
        },
    )
    .unwrap();
    assert_eq!(
        signed.sign_off.as_ref().unwrap().by_name,
        "Margaret Ellison"
    );
    let mc = member_competency(&store, &fiona.id).unwrap();
    assert_eq!(mc.summary.meeting, 1);
    assert_eq!(mc.summary.signed_off, 1);

    // Changing a signed-off assessment needs signing again; the signed version stays in history.
    input.note = "Also led the board's review of the LeDeR findings.".into();
    let third = save_assessment(&mut store, &input).unwrap();
    assert!(third.sign_off.is_none());
    let versions = assessment_history(&store, &first.id).unwrap();
    let changes: Vec<&str> = versions.iter().map(|v| v.change.as_str()).collect();
    assert_eq!(
        changes,
        ["assessed", "reassessed", "signed off", "reassessed"]
    );
    assert_eq!(versions[0].record.rating, "developing");
    assert!(versions[2].record.sign_off.is_some());

    // Saving the same content again adds no version.
    save_assessment(&mut store, &input).unwrap();
    assert_eq!(assessment_history(&store, &first.id).unwrap().len(), 4);
}

#[test]
fn a_challenge_the_director_raised_is_evidence_for_her_scrutiny_responsibility() {
    let mut store = demo();
    let fiona = member(&store, "Fiona Gallagher");
    let entry = crate::scrutiny::add_entry(
        &mut store,
        &crate::scrutiny::EntryInput {
            raised_on: "12/05/2026".into(),
            area_id: "saaf.4.2.1.6".into(),
            raised_by: fiona.id.clone(),
            challenge: "Does the annual report show the voice of the child?".into(),
            assurance_level: "limited".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // Offered among the challenges she raised at the demonstration board's meetings.
    let mc = member_competency(&store, &fiona.id).unwrap();
    assert!(mc.scrutiny.iter().any(|s| s.entry_id == entry.entry.id));
    assert!(mc.scrutiny.len() > 1);
    let mut input = assess(
        &fiona.id,
        "smc.role.non-executive-lead.responsibility.1",
        "competent",
    );
    input.evidence = vec![EvidenceInput {
        kind: Some(EvidenceKind::Scrutiny),
        reference: entry.entry.id.clone(),
        title: String::new(),
    }];
    let a = save_assessment(&mut store, &input).unwrap();
    assert_eq!(
        a.evidence[0].title,
        "Does the annual report show the voice of the child? (12/05/2026)"
    );

    // Someone else's challenge is not evidence of this member's scrutiny.
    let chair = member(&store, "Margaret Ellison");
    let mut borrowed = assess(&chair.id, "smc.core.1", "competent");
    borrowed.evidence = input.evidence.clone();
    let e = save_assessment(&mut store, &borrowed).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("evidence"));
    assert!(e.message.contains("raised by this member"), "{}", e.message);
}

#[test]
fn only_the_chair_or_a_safeguarding_lead_signs_off_someone_elses_assessment() {
    let mut store = demo();
    let fiona = member(&store, "Fiona Gallagher");
    let a = save_assessment(&mut store, &assess(&fiona.id, "smc.core.2", "competent")).unwrap();
    let sign = |by: &Member| SignOffInput {
        by_member_id: by.id.clone(),
        on: String::new(),
    };
    let own = sign_off_assessment(&mut store, &a.id, &sign(&fiona)).unwrap_err();
    assert!(own.message.contains("their own"), "{}", own.message);
    let ordinary = member(&store, "Elaine Brooks");
    let e = sign_off_assessment(&mut store, &a.id, &sign(&ordinary)).unwrap_err();
    assert!(
        e.message.contains("only the chair or a safeguarding lead"),
        "{}",
        e.message
    );
    let mut before = sign(&member(&store, "Margaret Ellison"));
    before.on = "01/01/2020".into();
    let e = sign_off_assessment(&mut store, &a.id, &before).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("on"));
}

#[test]
fn bad_assessments_are_refused_with_the_field_named() {
    let mut store = demo();
    let fiona = member(&store, "Fiona Gallagher");
    let cases = [
        (assess(&fiona.id, "smc.core.1", "brilliant"), "rating"),
        // The chair's responsibilities are not Fiona's.
        (
            assess(&fiona.id, "smc.role.chair.responsibility.1", "competent"),
            "itemId",
        ),
        (
            AssessmentInput {
                assessed_on: "31/02/2026".into(),
                ..assess(&fiona.id, "smc.core.1", "competent")
            },
            "assessedOn",
        ),
        (
            AssessmentInput {
                evidence: vec![EvidenceInput {
                    kind: Some(EvidenceKind::Document),
                    reference: "notes.docx".into(),
                    title: String::new(),
                }],
                ..assess(&fiona.id, "smc.core.1", "competent")
            },
            "evidence",
        ),
        (
            AssessmentInput {
                evidence: vec![EvidenceInput {
                    kind: Some(EvidenceKind::Scrutiny),
                    reference: "0190-entry".into(),
                    title: String::new(),
                }],
                ..assess(&fiona.id, "smc.core.1", "competent")
            },
            "evidence",
        ),
    ];
    for (input, field) in cases {
        let e = save_assessment(&mut store, &input).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    assert_eq!(
        member_competency(&store, &fiona.id)
            .unwrap()
            .summary
            .assessed,
        0
    );
}

#[test]
fn an_imported_framework_applies_only_to_the_roles_chosen() {
    let mut store = demo();
    let mut adults = crate::framework::senior_manager_children();
    adults.id = "trust-adults".into();
    adults.title = "Adult safeguarding for board members".into();
    for item in adults.core_competencies.items.iter_mut() {
        item.id = item.id.replace("smc.", "adults.");
    }
    let json = serde_json::to_string(&adults).unwrap();
    let summary = crate::framework::import_framework_text(&mut store, &json).unwrap();
    assert!(!summary.applies_to.everyone && summary.applies_to.roles.is_empty());
    let e = crate::framework::import_framework_text(&mut store, &json).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Conflict);

    let fiona = member(&store, "Fiona Gallagher");
    let chair = member(&store, "Margaret Ellison");
    let count = |store: &Store, id: &str| member_competency(store, id).unwrap().items.len();
    assert_eq!(count(&store, &fiona.id), 4);
    crate::framework::set_applies_to(
        &mut store,
        "trust-adults",
        &AppliesTo {
            everyone: false,
            roles: vec![FrameworkRole::NonExecutiveLead],
        },
    )
    .unwrap();
    let mc = member_competency(&store, &fiona.id).unwrap();
    assert_eq!(mc.items.len(), 8);
    assert!(mc
        .items
        .iter()
        .any(|i| i.framework_id == "trust-adults" && i.item.id == "adults.core.1"));
    let chair_items = member_competency(&store, &chair.id).unwrap();
    assert!(chair_items
        .items
        .iter()
        .all(|i| i.framework_id == "senior-manager-children"));
}

#[test]
fn the_rating_scale_is_configurable_but_a_rating_in_use_cannot_vanish() {
    let mut store = demo();
    let defaults = get_settings(&store).unwrap();
    let labels: Vec<&str> = defaults
        .rating_scale
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Not yet started",
            "Developing",
            "Competent",
            "Confident to lead"
        ]
    );
    assert_eq!(defaults.due_soon_days, 90);

    let fiona = member(&store, "Fiona Gallagher");
    save_assessment(&mut store, &assess(&fiona.id, "smc.core.1", "developing")).unwrap();
    let mut without_developing = defaults.clone();
    without_developing.rating_scale.remove(1);
    let e = save_settings(&mut store, &without_developing).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InUse);

    let mut reworded = defaults.clone();
    reworded.rating_scale[1].label = "Building confidence".into();
    reworded.rating_scale.push(RatingLevel {
        code: String::new(),
        label: "Expert  adviser".into(),
        meets: true,
    });
    reworded.due_soon_days = 60;
    let saved = save_settings(&mut store, &reworded).unwrap();
    assert_eq!(saved.rating_scale[4].code, "expert-adviser");
    assert_eq!(saved.rating_scale[4].label, "Expert adviser");
    assert_eq!(get_settings(&store).unwrap(), saved);
}

#[test]
fn planned_learning_is_added_and_updated() {
    let mut store = demo();
    let fiona = member(&store, "Fiona Gallagher");
    let p = add_plan(
        &mut store,
        &PlanInput {
            member_id: fiona.id.clone(),
            title: "Contextual safeguarding webinar".into(),
            item_id: "smc.core.2".into(),
            target_date: "30/01/2027".into(),
            status: None,
        },
    )
    .unwrap();
    assert_eq!(p.status, PlanStatus::Planned);
    let done = update_plan(
        &mut store,
        &p.id,
        &PlanInput {
            status: Some(PlanStatus::Booked),
            title: "Contextual safeguarding webinar".into(),
            target_date: "30/01/2027".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(done.member_id, fiona.id);
    let plan = member_competency(&store, &fiona.id).unwrap().plan;
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].status, PlanStatus::Booked);
}
