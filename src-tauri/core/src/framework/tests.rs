use super::*;

const SOURCE: &str = include_str!("../../../../assets/frameworks/sources/000_a939462d5240f456.txt");

fn source_lines() -> Vec<&'static str> {
    SOURCE
        .lines()
        .map(|l| l.trim().trim_start_matches('•').trim())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_bullet_of_the_source_is_shipped_word_for_word() {
    let fw = senior_manager_children();
    let texts: Vec<&str> = fw.all_items().map(|i| i.text.as_str()).collect();
    let bullets: Vec<&str> = SOURCE
        .lines()
        .filter_map(|l| l.trim().strip_prefix('•'))
        .map(str::trim)
        .collect();
    assert_eq!(bullets.len(), 50);
    for b in &bullets {
        assert!(texts.contains(b), "missing from the shipped framework: {b}");
    }
    let bulleted_items = fw.job_roles.categories.len()
        + fw.roles
            .iter()
            .map(|r| r.responsibilities.len())
            .sum::<usize>()
        + fw.core_competencies.items.len();
    // The one extra is the sixth job-role category whose bullet was lost in extraction.
    assert_eq!(bulleted_items, bullets.len() + 1);
    assert!(fw
        .corrections
        .iter()
        .any(|c| c.item_id == "smc.job-roles.category.6"));
}

#[test]
fn every_shipped_text_stands_in_the_source_as_published() {
    let fw = senior_manager_children();
    let lines = source_lines();
    for item in fw.all_items() {
        assert!(
            lines.contains(&item.text.as_str()),
            "{} is not verbatim: {}",
            item.id,
            item.text
        );
        assert_eq!(item.source.document, "000_a939462d5240f456.txt");
    }
    for role in &fw.roles {
        assert!(lines.contains(&role.title.as_str()), "{}", role.title);
        assert!(lines.contains(&role.responsibilities_heading.as_str()));
    }
    for t in &fw.job_roles.nation_titles {
        assert!(lines.contains(&t.text.as_str()), "{}", t.text);
    }
    assert!(lines.contains(&fw.core_competencies.stem.as_str()));
    for gap in &fw.source_gaps {
        assert!(
            fw.all_items().any(|i| i.id == gap.item_id),
            "{}",
            gap.item_id
        );
    }
}

#[test]
fn each_register_role_has_its_framework_role() {
    let fw = senior_manager_children();
    let codes: Vec<FrameworkRole> = fw.roles.iter().map(|r| r.code).collect();
    assert_eq!(codes, FrameworkRole::ALL);
    let sizes: Vec<usize> = fw.roles.iter().map(|r| r.responsibilities.len()).collect();
    assert_eq!(sizes, [6, 6, 6, 10, 10, 1, 3]);
    assert_eq!(fw.job_roles.nation_titles.len(), 4);
    assert_eq!(fw.core_competencies.items.len(), 3);
}

#[test]
fn ids_are_stable() {
    // Assessments will refer to these ids: they must never change once shipped.
    let fw = senior_manager_children();
    let find = |id: &str| {
        fw.all_items()
            .find(|i| i.id == id)
            .map(|i| i.text.clone())
            .unwrap()
    };
    assert!(find("smc.role.non-executive-lead.responsibility.1")
        .starts_with("provide informed scrutiny on behalf of the Board"));
    assert!(find("smc.core.3")
        .starts_with("facilitate the sharing of effective and appropriate information"));
    assert!(find("smc.role.responsible-officer.responsibility.3")
        .starts_with("oversee the appraisal and revalidation"));
}

#[test]
fn a_members_roles_decide_what_applies_and_core_competencies_apply_to_all() {
    let fw = senior_manager_children();
    let none = fw.applicable_items(&[]);
    assert_eq!(none.len(), 3);
    assert!(none
        .iter()
        .all(|a| a.kind == ItemKind::CoreCompetency && a.role.is_none()));

    let ned = fw.applicable_items(&[FrameworkRole::NonExecutiveLead]);
    assert_eq!(ned.len(), 4);
    assert_eq!(
        ned[0].item.id,
        "smc.role.non-executive-lead.responsibility.1"
    );

    // The Chief Executive and CEO lists are the same words: listed once for someone holding both.
    let both = fw.applicable_items(&[
        FrameworkRole::ChiefExecutive,
        FrameworkRole::ChiefExecutiveOfficer,
    ]);
    assert_eq!(both.len(), 6 + 3);
}

#[test]
fn bad_framework_files_are_refused_with_reasons() {
    let e = parse("{ not json").unwrap_err();
    assert!(e.message.contains("not valid JSON"), "{}", e.message);

    let mut newer: serde_json::Value = serde_json::from_str(SENIOR_MANAGER_CHILDREN).unwrap();
    newer["formatVersion"] = serde_json::json!(FORMAT_VERSION + 1);
    let e = parse(&newer.to_string()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooNew);

    let mut dup: serde_json::Value = serde_json::from_str(SENIOR_MANAGER_CHILDREN).unwrap();
    dup["coreCompetencies"]["items"][1]["id"] = serde_json::json!("smc.core.1");
    assert!(parse(&dup.to_string())
        .unwrap_err()
        .message
        .contains("share an id"));

    let e = parse(r#"{"formatVersion": 1, "id": "x"}"#).unwrap_err();
    assert!(
        e.message.contains("not in the expected shape"),
        "{}",
        e.message
    );
}
