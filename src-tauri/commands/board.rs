//! The board register: organisation profile and members.

use boardassure_core::board::{
    self, Member, MemberFilter, MemberInput, Organisation, OrganisationInput, PostHolder,
    PostInput, PostUse, RegisterOptions,
};
use boardassure_core::changes::RecordVersion;
use boardassure_core::session::Session;
use boardassure_core::CoreError;
use tauri::State;

#[tauri::command(async)]
pub fn register_options() -> RegisterOptions {
    board::register_options()
}

#[tauri::command(async)]
pub fn get_organisation(session: State<'_, Session>) -> Result<Option<Organisation>, CoreError> {
    session.with(|s| board::get_organisation(s))
}

#[tauri::command(async)]
pub fn save_organisation(
    session: State<'_, Session>,
    input: OrganisationInput,
) -> Result<Organisation, CoreError> {
    session.with(|s| board::save_organisation(s, &input))
}

#[tauri::command(async)]
pub fn list_members(
    session: State<'_, Session>,
    filter: MemberFilter,
) -> Result<Vec<Member>, CoreError> {
    session.with(|s| board::list_members(s, filter))
}

#[tauri::command(async)]
pub fn get_member(session: State<'_, Session>, id: String) -> Result<Member, CoreError> {
    session.with(|s| board::get_member(s, &id))
}

#[tauri::command(async)]
pub fn add_member(session: State<'_, Session>, input: MemberInput) -> Result<Member, CoreError> {
    session.with(|s| board::add_member(s, &input))
}

#[tauri::command(async)]
pub fn update_member(
    session: State<'_, Session>,
    id: String,
    input: MemberInput,
) -> Result<Member, CoreError> {
    session.with(|s| board::update_member(s, &id, &input))
}

#[tauri::command(async)]
pub fn end_membership(
    session: State<'_, Session>,
    id: String,
    end_date: String,
) -> Result<Member, CoreError> {
    session.with(|s| board::end_membership(s, &id, &end_date))
}

#[tauri::command(async)]
pub fn member_history(
    session: State<'_, Session>,
    id: String,
) -> Result<Vec<RecordVersion<Member>>, CoreError> {
    session.with(|s| board::member_history(s, &id))
}

#[tauri::command(async)]
pub fn list_posts(session: State<'_, Session>) -> Result<Vec<PostHolder>, CoreError> {
    session.with(|s| board::list_posts(s))
}

/// Owners written on open actions that name no member, with who holds each post.
#[tauri::command(async)]
pub fn untied_owners(session: State<'_, Session>) -> Result<Vec<PostUse>, CoreError> {
    session.with(|s| boardassure_core::scrutiny::untied_owners(s))
}

#[tauri::command(async)]
pub fn tie_post(session: State<'_, Session>, input: PostInput) -> Result<PostHolder, CoreError> {
    session.with(|s| board::tie_post(s, &input))
}

#[tauri::command(async)]
pub fn update_post(
    session: State<'_, Session>,
    id: String,
    input: PostInput,
) -> Result<PostHolder, CoreError> {
    session.with(|s| board::update_post(s, &id, &input))
}

#[tauri::command(async)]
pub fn untie_post(session: State<'_, Session>, id: String) -> Result<(), CoreError> {
    session.with(|s| board::untie_post(s, &id))
}
