//! The layering rules of `docs/ARCHITECTURE.md`, checked by reading the sources, so a change
//! that breaks one fails here rather than in a review.

use std::path::{Path, PathBuf};

/// The folder of this crate's sources.
fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust file under `dir`, with its path relative to `src`, tests left out.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.strip_prefix(src()).unwrap().display().to_string();
            let is_test = name.ends_with("tests.rs") || name.contains("_tests");
            if name.ends_with(".rs") && !is_test {
                let text = std::fs::read_to_string(&path).unwrap();
                // The unit tests at the end of a file are not the module's code.
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
                out.push((name, code));
            }
        }
    }
    out.sort();
    out
}

/// The modules the store must not reach: the domains and everything built on them.
const ABOVE_THE_STORE: &[&str] = &[
    "audit",
    "board",
    "changes",
    "cli",
    "competency",
    "compliance",
    "demo",
    "document",
    "exchange",
    "exports",
    "framework",
    "home",
    "paper",
    "pdf",
    "reminders",
    "scrutiny",
    "search",
    "session",
    "settings",
    "training",
];

#[test]
fn the_store_is_infrastructure_and_reaches_no_domain() {
    let mut found = Vec::new();
    for (name, code) in sources(&src().join("store")) {
        for module in ABOVE_THE_STORE {
            if code.contains(&format!("crate::{module}::"))
                || code.contains(&format!("crate::{module};"))
            {
                found.push(format!("{name} uses crate::{module}"));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// Each table and the one folder (or file) whose SQL may name it.
const OWNERS: &[(&str, &str)] = &[
    ("organisation", "board/repo/"),
    ("member", "board/repo/"),
    ("post_holder", "board/repo/"),
    ("training_record", "training/repo.rs"),
    ("training_text", "training/repo.rs"),
    ("training_text_doc", "training/repo.rs"),
    ("training_requirement", "compliance/repo.rs"),
    ("self_assessment", "competency/repo.rs"),
    ("assessment_evidence", "competency/repo.rs"),
    ("planned_learning", "competency/repo.rs"),
    ("imported_framework", "framework/repo.rs"),
    ("framework_assignment", "framework/repo.rs"),
    ("meeting_kind", "scrutiny/repo/"),
    ("meeting", "scrutiny/repo/"),
    ("agenda_item", "scrutiny/repo/"),
    ("attendance", "scrutiny/repo/"),
    ("scrutiny_entry", "scrutiny/repo/"),
    ("follow_up_action", "scrutiny/repo/"),
    ("custom_assurance_area", "scrutiny/repo/"),
    ("planned_question", "scrutiny/repo/"),
    ("installation_key", "exchange/repo.rs"),
    ("trusted_signer", "exchange/repo.rs"),
    ("record_lineage", "exchange/repo.rs"),
    ("record_history", "store/"),
    ("search_index", "store/search.rs"),
    ("search_doc", "store/search.rs"),
    ("setting", "store/settings.rs"),
];

/// The places a table is read or written by name outside its owner, with why each is allowed.
const SHARED_READS: &[(&str, &str)] = &[
    // The history chain names who made a change: the member's name, by the id in Settings.
    ("member", "store/history.rs"),
    // Seeded requirements get their first version, once, in the migration that seeds them.
    ("record_history", "compliance/repo.rs"),
    // A sign-off and an attendance list show the member's current name: a join for the name,
    // read-only, so renaming someone shows everywhere at once.
    ("member", "competency/repo.rs"),
    ("member", "scrutiny/repo/meetings.rs"),
    // An exchange file's versions are named by the hashes of the history's snapshots.
    ("record_history", "exchange/repo.rs"),
];

/// Whether `sql` names `table` where SQL names a table.
fn names_table(code: &str, table: &str) -> bool {
    ["FROM", "INTO", "UPDATE", "JOIN", "TABLE"]
        .iter()
        .any(|keyword| {
            code.match_indices(keyword).any(|(at, _)| {
                let rest = code[at + keyword.len()..].trim_start();
                rest.strip_prefix(table).is_some_and(|after| {
                    !after.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            })
        })
}

#[test]
fn each_table_is_named_in_sql_only_by_the_domain_that_owns_it() {
    let mut found = Vec::new();
    for (name, code) in sources(&src()) {
        for (table, owner) in OWNERS {
            let allowed = name.starts_with(owner)
                || SHARED_READS
                    .iter()
                    .any(|(t, file)| t == table && name == *file);
            if !allowed && names_table(&code, table) {
                found.push(format!(
                    "{name} names the {table} table, which {owner} owns"
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_table_the_migrations_create_has_an_owner() {
    let mut created = Vec::new();
    for entry in std::fs::read_dir(src().join("store/migrations"))
        .unwrap()
        .flatten()
    {
        let sql = std::fs::read_to_string(entry.path()).unwrap();
        for part in sql.split("CREATE ").skip(1) {
            let words: Vec<&str> = part.split_whitespace().collect();
            let at = match words.first() {
                Some(&"TABLE") => 1,
                Some(&"VIRTUAL") => 2,
                _ => continue,
            };
            let at = if words.get(at) == Some(&"IF") {
                at + 3
            } else {
                at
            };
            let table = words[at].trim_end_matches('(');
            created.push(table.to_string());
        }
    }
    created.sort();
    created.dedup();
    let owned: Vec<&str> = OWNERS.iter().map(|(t, _)| *t).collect();
    let missing: Vec<_> = created
        .iter()
        .filter(|t| !owned.contains(&t.as_str()) && !t.ends_with("_before_facets"))
        .collect();
    assert!(
        missing.is_empty(),
        "tables with no owner in OWNERS: {missing:?}"
    );
    // The test can fail: a table named outside its owner is found.
    assert!(names_table("SELECT 1 FROM member WHERE", "member"));
    assert!(!names_table("SELECT 1 FROM member_x", "member"));
}
