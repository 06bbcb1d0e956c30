//! `boardassure framework …`: the frameworks in the library and who each applies to.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use super::{line, print_json};
use crate::board::FrameworkRole;
use crate::error::Result;
use crate::framework::{self, AppliesTo, Framework};
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// Print a framework: roles, key responsibilities and core competencies, with item ids
    Show {
        /// Which framework (see `framework list`) [default: the senior-manager framework]
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Print the whole framework as JSON (the shape of a framework file)
        #[arg(long)]
        json: bool,
    },
    /// The frameworks in this database's library and who each applies to
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a framework file (the shape `framework show --json` prints) to the library
    Import { file: PathBuf },
    /// Choose who a framework applies to
    Apply {
        /// The framework's id (see `framework list`)
        id: String,
        /// Every board member
        #[arg(long, conflicts_with_all = ["roles", "nobody"])]
        everyone: bool,
        /// Holders of this role; repeatable
        #[arg(long = "role", value_name = "ROLE")]
        roles: Vec<String>,
        /// Nobody: keep it in the library unused
        #[arg(long, conflicts_with = "roles")]
        nobody: bool,
    },
}

/// `framework show` of the shipped framework needs no database.
pub fn run_without_store(command: &FrameworkCommand, out: &mut impl Write) -> Option<Result<()>> {
    match command {
        FrameworkCommand::Show { id, json }
            if id.as_deref().is_none_or(|i| i == framework::SHIPPED_ID) =>
        {
            Some(show(&framework::senior_manager_children(), *json, out))
        }
        _ => None,
    }
}

pub fn run(store: &mut Store, command: FrameworkCommand, out: &mut impl Write) -> Result<()> {
    match command {
        FrameworkCommand::Show { id, json } => {
            let id = id.unwrap_or_else(|| framework::SHIPPED_ID.into());
            show(&framework::get_framework(store, &id)?, json, out)
        }
        FrameworkCommand::List { json } => {
            let list = framework::list_frameworks(store)?;
            if json {
                return print_json(out, &list);
            }
            for f in list {
                line(
                    out,
                    format!(
                        "{}  {} ({} items{}) — applies to {}",
                        f.id,
                        f.title,
                        f.item_count,
                        if f.built_in { ", built in" } else { "" },
                        applies_text(&f.applies_to)
                    ),
                )?;
            }
            Ok(())
        }
        FrameworkCommand::Import { file } => {
            let f = framework::import_framework(store, &file)?;
            line(
                out,
                format!(
                    "Imported {} ({} items) as '{}'. It applies to nobody until you choose: `boardassure framework apply {} --everyone` or `--role ROLE`.",
                    f.title, f.item_count, f.id, f.id
                ),
            )
        }
        FrameworkCommand::Apply {
            id,
            everyone,
            roles,
            nobody: _,
        } => {
            let roles = roles
                .iter()
                .map(|r| FrameworkRole::parse("roles", r))
                .collect::<Result<Vec<_>>>()?;
            let f = framework::set_applies_to(store, &id, &AppliesTo { everyone, roles })?;
            line(
                out,
                format!(
                    "{} now applies to {}.",
                    f.title,
                    applies_text(&f.applies_to)
                ),
            )
        }
    }
}

fn applies_text(a: &AppliesTo) -> String {
    if a.everyone {
        "every board member".into()
    } else if a.roles.is_empty() {
        "nobody yet".into()
    } else {
        let labels: Vec<&str> = a.roles.iter().map(|r| r.label()).collect();
        labels.join(", ")
    }
}

fn show(fw: &Framework, json: bool, out: &mut impl Write) -> Result<()> {
    if json {
        return print_json(out, fw);
    }
    line(
        out,
        format!(
            "{}\nSource: {} ({})\n",
            fw.title, fw.source.title, fw.source.document
        ),
    )?;
    line(out, format!("{}\n", fw.expectation.text))?;
    for role in &fw.roles {
        line(
            out,
            format!(
                "{}\n  {}\n  {}:",
                role.title, role.purpose.text, role.responsibilities_heading
            ),
        )?;
        for item in &role.responsibilities {
            line(out, format!("    • {}  [{}]", item.text, item.id))?;
        }
        line(out, String::new())?;
    }
    let core = &fw.core_competencies;
    line(
        out,
        format!("Core competencies ({})\n  {}", core.applies_to, core.stem),
    )?;
    for item in &core.items {
        line(out, format!("    • {}  [{}]", item.text, item.id))?;
    }
    Ok(())
}
