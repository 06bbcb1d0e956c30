//! The posts the executives hold ("Chief Nurse", "Medical Director"): the log names many action
//! owners by post rather than by person, and a post's actions follow whoever holds it.

use crate::board::{self, PostInput};
use crate::error::Result;
use crate::store::Store;

use super::register::Board;

/// Ties each post in `posts` of `assets/demo/demo-board.json` to the member who holds it (the
/// Chief Nurse is Priya Raman, the Medical Director Dr Helen Carter, and so on), from the day
/// they joined the board.
pub(super) fn tie(store: &mut Store, board: &Board) -> Result<()> {
    for (post, holder) in &board.posts {
        board::tie_post(
            store,
            &PostInput {
                post: post.clone(),
                member_id: holder.id.clone(),
                held_from: String::new(),
                held_to: String::new(),
            },
        )?;
    }
    Ok(())
}
