//! The framework as `framework show --json` prints it, proved line by line against the source
//! document kept beside the data: every line is shipped word for word or recorded as left out,
//! and every bullet sits under its own heading, in the source's order.

use std::collections::HashMap;

use crate::support::{cli, stderr, temp_db};
use serde_json::Value;

const SOURCE: &str = include_str!("../../assets/frameworks/sources/000_a939462d5240f456.txt");

/// Every string in the JSON, by its text, with the JSON pointer of each place it appears.
fn strings_by_text(value: &Value, at: String, out: &mut HashMap<String, Vec<String>>) {
    match value {
        Value::String(s) => out.entry(s.clone()).or_default().push(at),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings_by_text(v, format!("{at}/{i}"), out);
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields {
                strings_by_text(v, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

/// Where the source's lines belong in the framework, as the walk down the document reaches them.
enum Section {
    Preamble,
    JobRoleCategories,
    NationTitles,
    Overview,
    /// A role (its index in `roles`), and whether its purpose has been read yet.
    Role(usize, bool),
    CoreCompetencies,
    Voices,
}

fn shipped_framework() -> Value {
    let (_dir, db) = temp_db();
    let out = cli(&db, &["framework", "show", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_line_of_the_source_is_in_framework_show_json_word_for_word_under_its_own_heading() {
    let fw = shipped_framework();
    let mut places = HashMap::new();
    strings_by_text(&fw, String::new(), &mut places);
    let omitted: Vec<&str> = fw["omitted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["text"].as_str().unwrap())
        .collect();
    let role_titles: Vec<&str> = fw["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(role_titles.len(), 7);

    let mut section = Section::Preamble;
    // The next index expected in the list the current section fills.
    let mut next = 0;
    let mut bullets = 0;
    let expect_at = |text: &str, pointer: String| {
        let found = places.get(text).cloned().unwrap_or_default();
        assert!(
            found.contains(&pointer),
            "“{text}” should be at {pointer}, but is at {found:?}"
        );
    };
    // An item found at `pointer` (its text) names the heading it was found under as its source.
    let expect_item = |text: &str, pointer: String, section: &str| {
        expect_at(text, pointer.clone());
        let item = fw.pointer(pointer.strip_suffix("/text").unwrap()).unwrap();
        assert_eq!(item["source"]["section"], section, "{pointer}");
        assert_eq!(item["source"]["document"], "000_a939462d5240f456.txt");
    };

    for line in SOURCE.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if omitted.contains(&line) {
            let shipped_at = places[line].iter().filter(|p| !p.starts_with("/omitted/"));
            assert_eq!(shipped_at.count(), 0, "an omitted line is shipped: {line}");
            continue;
        }
        let bullet = line.strip_prefix('•').map(str::trim);
        assert!(
            places.contains_key(bullet.unwrap_or(line)),
            "a line of the source is neither shipped nor recorded as left out: {line}"
        );
        bullets += usize::from(bullet.is_some());

        if let Some(i) = role_titles.iter().position(|t| *t == line) {
            section = Section::Role(i, false);
            next = 0;
            continue;
        }
        match line {
            "General job role categories" => (section, next) = (Section::JobRoleCategories, 0),
            "UK nation-specific job role titles" => (section, next) = (Section::NationTitles, 0),
            "Overview of senior system leadership" => (section, next) = (Section::Overview, 0),
            "Core competencies" => (section, next) = (Section::CoreCompetencies, 0),
            _ => match &mut section {
                Section::Preamble => {}
                // The sixth category lost its bullet in extraction; it is still a category.
                Section::JobRoleCategories => {
                    expect_item(
                        bullet.unwrap_or(line),
                        format!("/jobRoles/categories/{next}/text"),
                        "General job role categories",
                    );
                    next += 1;
                }
                Section::NationTitles => {
                    expect_item(
                        line,
                        format!("/jobRoles/nationTitles/{next}/text"),
                        "UK nation-specific job role titles",
                    );
                    next += 1;
                }
                Section::Overview => {
                    expect_item(
                        line,
                        format!("/overview/{next}/text"),
                        "Overview of senior system leadership",
                    );
                    next += 1;
                }
                Section::Role(i, purpose_read) => match bullet {
                    Some(text) => {
                        let heading = fw["roles"][*i]["responsibilitiesHeading"].as_str().unwrap();
                        expect_item(
                            text,
                            format!("/roles/{i}/responsibilities/{next}/text"),
                            &format!("{} – {heading}", role_titles[*i]),
                        );
                        next += 1;
                    }
                    None if !*purpose_read => {
                        expect_item(line, format!("/roles/{i}/purpose/text"), role_titles[*i]);
                        *purpose_read = true;
                    }
                    None => expect_at(line, format!("/roles/{i}/responsibilitiesHeading")),
                },
                Section::CoreCompetencies => match bullet {
                    Some(text) => {
                        expect_item(
                            text,
                            format!("/coreCompetencies/items/{next}/text"),
                            "Core competencies",
                        );
                        next += 1;
                    }
                    None if line.starts_with('“') => {
                        section = Section::Voices;
                        expect_at(line, "/voices/0/text".to_string());
                    }
                    None => expect_at(line, "/coreCompetencies/stem".to_string()),
                },
                Section::Voices => expect_at(line, "/voices/0/attribution".to_string()),
            },
        }
    }
    assert_eq!(bullets, 50, "the source's bullets, all walked");

    // No list holds more than the source does.
    let roles = fw["roles"].as_array().unwrap();
    let shipped: usize = roles
        .iter()
        .map(|r| r["responsibilities"].as_array().unwrap().len())
        .sum::<usize>()
        + fw["coreCompetencies"]["items"].as_array().unwrap().len()
        + fw["jobRoles"]["categories"].as_array().unwrap().len();
    assert_eq!(
        shipped, 51,
        "50 bullets and the category that lost its bullet"
    );
}

#[test]
fn every_item_names_its_source_document_and_section_and_has_a_unique_id() {
    let fw = shipped_framework();
    let mut ids = HashMap::new();
    let mut items = Vec::new();
    items.extend(fw["roles"].as_array().unwrap().iter().flat_map(|r| {
        std::iter::once(&r["purpose"]).chain(r["responsibilities"].as_array().unwrap())
    }));
    items.extend(fw["coreCompetencies"]["items"].as_array().unwrap());
    items.extend(fw["jobRoles"]["categories"].as_array().unwrap());
    items.extend(fw["jobRoles"]["nationTitles"].as_array().unwrap());
    for item in items {
        let id = item["id"].as_str().unwrap();
        assert!(ids.insert(id, ()).is_none(), "duplicate id {id}");
        assert_eq!(
            item["source"]["document"], "000_a939462d5240f456.txt",
            "{id}"
        );
        // A section is the path of headings down to the item, such as "Chair – Key
        // responsibilities"; each heading is a line of the source.
        let section = item["source"]["section"].as_str().unwrap_or_default();
        for heading in section.split(" – ") {
            assert!(
                SOURCE.lines().any(|l| l.trim() == heading),
                "{id} names a heading the source does not have: {heading}"
            );
        }
    }
    assert_eq!(
        fw["omitted"][0]["text"],
        "VisualV1 - Arrow Created with Sketch. VisualV1 - Arrow Created with Sketch."
    );
}
