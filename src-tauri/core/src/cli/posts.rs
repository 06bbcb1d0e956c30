//! `boardassure posts …`: posts ("Chief Nurse") and the members who hold them, so actions
//! owned by a post are the holder's.

use std::io::Write;

use clap::Subcommand;

use super::{line, print_json};
use crate::board::{self, PostInput};
use crate::dates;
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum PostsCommand {
    /// Every post with who held it when, and the action owners that name no member
    List {
        #[arg(long)]
        json: bool,
    },
    /// Tie a post to the member who holds it; a holder with no end date hands it on
    Tie {
        /// The post as the board writes it, e.g. "Chief Nurse"
        #[arg(long)]
        post: String,
        /// The member's id (see `members list`)
        #[arg(long)]
        member: String,
        /// The day they took it up (default: their start on the board)
        #[arg(long, value_name = "DATE", default_value = "")]
        from: String,
        /// The day they left it
        #[arg(long, value_name = "DATE", default_value = "")]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Untie a holding; its actions are owned by the post alone again
    Untie { id: String },
}

pub fn run(store: &mut Store, command: PostsCommand, out: &mut impl Write) -> Result<()> {
    match command {
        PostsCommand::List { json } => {
            let holders = board::list_posts(store)?;
            let untied = crate::scrutiny::untied_owners(store)?;
            if json {
                return print_json(
                    out,
                    &serde_json::json!({ "holders": holders, "untied": untied }),
                );
            }
            if holders.is_empty() {
                line(out, "No post is tied to a member.".into())?;
            }
            for h in &holders {
                line(
                    out,
                    format!(
                        "{}: {} from {}{}  [{}]",
                        h.post,
                        h.member_name,
                        dates::dense(h.held_from),
                        h.held_to
                            .map_or(String::new(), |t| format!(" to {}", dates::dense(t))),
                        h.id
                    ),
                )?;
            }
            for u in untied.iter().filter(|u| u.holder.is_none()) {
                line(
                    out,
                    format!(
                        "\"{}\" owns {} open action{} and is tied to no member{}.",
                        u.post,
                        u.uses,
                        if u.uses == 1 { "" } else { "s" },
                        u.suggested_member_name
                            .as_ref()
                            .map_or(String::new(), |n| format!(" (job title suggests {n})"))
                    ),
                )?;
            }
            Ok(())
        }
        PostsCommand::Tie {
            post,
            member,
            from,
            to,
            json,
        } => {
            let h = board::tie_post(
                store,
                &PostInput {
                    post,
                    member_id: member,
                    held_from: from,
                    held_to: to,
                },
            )?;
            if json {
                print_json(out, &h)
            } else {
                line(
                    out,
                    format!(
                        "{} now holds the post of {} from {} (id {}).",
                        h.member_name,
                        h.post,
                        dates::dense(h.held_from),
                        h.id
                    ),
                )
            }
        }
        PostsCommand::Untie { id } => {
            board::untie_post(store, &id)?;
            line(out, "The post is no longer tied to that member.".into())
        }
    }
}
