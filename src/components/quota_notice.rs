//! Why a project could not be saved when the account keeps as much as it
//! may, and the way forward: the account page, where saved projects are
//! deleted. The project itself stays in this browser.

use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use leptos_router::components::A;
use shop_api::ErrorCode;

/// The anchor of the saved projects' list on the account page.
pub const SAVED_PROJECTS_ID: &str = "projets-enregistres";

#[component]
pub fn QuotaNotice(code: ErrorCode) -> impl IntoView {
    let t = use_strings();
    let a = move || &t.get().account;
    let message = move || {
        if code == ErrorCode::ProjectQuotaReached {
            a().project_quota_reached
        } else {
            a().photo_quota_reached
        }
    };
    view! {
        <div class="form-error" role="alert">
            <p>{message}</p>
            <A href=format!("{}#{SAVED_PROJECTS_ID}", routes::ACCOUNT)>{move || a().manage_projects}</A>
        </div>
    }
}
