//! Asks before signing out and lists what signing out deletes: unsaved
//! projects by name, and the cart.

use crate::dom::focus_by_id;
use crate::state::locale::use_strings;
use leptos::prelude::*;

const HEADING_ID: &str = "deconnexion-titre";

#[component]
pub fn SignOutConfirmation(
    unsaved_projects: Vec<String>,
    /// Live: the account's cart may still be loading when the dialog opens,
    /// and "0 produit" must never be said of a full cart.
    #[prop(into)]
    cart_lines: Signal<u32>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let account = move || &t.get().account;
    // Keyboard and screen-reader users land on the question.
    request_animation_frame(|| {
        focus_by_id(HEADING_ID);
    });
    let projects = if unsaved_projects.is_empty() {
        None
    } else {
        Some(unsaved_projects.join(", "))
    };
    view! {
        <section
            class="confirm"
            role="alertdialog"
            aria-labelledby=HEADING_ID
            aria-describedby="deconnexion-liste"
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    on_cancel.run(());
                }
            }
        >
            <h2 id=HEADING_ID tabindex="-1">{move || account().confirm_heading}</h2>
            <p>{move || account().confirm_intro}</p>
            <dl id="deconnexion-liste" class="loss-list">
                <dt>{move || account().unsaved_projects_label}</dt>
                <dd>{move || projects.clone().unwrap_or_else(|| account().no_unsaved_projects.to_owned())}</dd>
                <dt>{move || account().cart_label}</dt>
                <dd>{move || (account().cart_lines)(cart_lines.get())}</dd>
            </dl>
            {move || error.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <div class="confirm-actions">
                <button type="button" class="button-danger" disabled=move || pending.get() on:click=move |_| on_confirm.run(())>
                    {move || if pending.get() { account().pending } else { account().confirm_button }}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| on_cancel.run(())>
                    {move || account().cancel_button}
                </button>
            </div>
        </section>
    }
}
