//! The organisation's profile and the demonstration board.

use std::io::Write;

use super::{line, print_json, OrgCommand};
use crate::board::{self, Nation, OrgType, OrganisationInput};
use crate::error::Result;
use crate::store::Store;

pub(super) fn run(store: &mut Store, command: OrgCommand, out: &mut impl Write) -> Result<()> {
    match command {
        OrgCommand::Show { json } => match board::get_organisation(store)? {
            Some(o) if json => print_json(out, &o)?,
            Some(o) => line(
                out,
                format!(
                    "{}\nNation: {}\nType: {}",
                    o.name,
                    o.nation.label(),
                    o.org_type.label()
                ),
            )?,
            None if json => print_json(out, &serde_json::Value::Null)?,
            None => line(
                out,
                "No organisation profile yet. Set one with `boardassure org set`.".into(),
            )?,
        },
        OrgCommand::Set {
            name,
            nation,
            org_type,
        } => {
            let input = OrganisationInput {
                name,
                nation: Nation::parse("nation", &nation)?,
                org_type: OrgType::parse("orgType", &org_type)?,
            };
            let o = board::save_organisation(store, &input)?;
            line(
                out,
                format!("Saved the organisation profile for {}.", o.name),
            )?;
        }
    }
    Ok(())
}

pub(super) fn demo(store: &mut Store, register_only: bool, out: &mut impl Write) -> Result<()> {
    if register_only {
        let s = crate::demo::load_demo_register(store)?;
        return line(
            out,
            format!(
                "Loaded the demonstration board's register: {}, {} members, {} training records.",
                s.organisation.name, s.members_added, s.training_added
            ),
        );
    }
    let s = crate::demo::load_demo(store)?;
    line(
        out,
        format!(
            "Loaded the demonstration board: {}, {} members, {} training records, {} meetings, {} challenges, {} follow-up actions and {} self-assessments.",
            s.organisation.name,
            s.members_added,
            s.training_added,
            s.meetings_added,
            s.challenges_added,
            s.actions_added,
            s.assessments_added
        ),
    )?;
    Ok(())
}
