//! What a page shows while its texts (`state::content`) are on their way:
//! the same status line as a page whose code is loading, and if they
//! cannot come, the same message with "Réessayer".

use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn ContentPending(
    /// The fetch failed: offer to try again.
    failed: bool,
    on_retry: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let text = move || &t.get().page_load;
    if failed {
        view! {
            <div class="form-error" role="alert">
                <p>{move || text().failed}</p>
                <button type="button" class="button-secondary" on:click=move |_| on_retry.run(())>
                    {move || text().retry}
                </button>
            </div>
        }
        .into_any()
    } else {
        view! { <p class="page-loading" role="status">{move || text().loading}</p> }.into_any()
    }
}
