//! A password input with a show/hide button, its label and its error.

use crate::state::locale::use_strings;
use leptos::prelude::*;

#[component]
pub fn PasswordField(
    /// Unique id of the input; the label, hint and error derive theirs.
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    /// `current-password` or `new-password`.
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = None)] hint: Option<Signal<&'static str>>,
) -> impl IntoView {
    let t = use_strings();
    let visible = RwSignal::new(false);
    let hint_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id.clone()>{move || hint.get()}</p> })}
            <div class="password-input">
                <input
                    id=id
                    name=id
                    type=move || if visible.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    autocapitalize="off"
                    spellcheck="false"
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=described_by
                    bind:value=value
                />
                <button
                    type="button"
                    class="password-toggle"
                    aria-controls=id
                    aria-pressed=move || if visible.get() { "true" } else { "false" }
                    on:click=move |_| visible.update(|v| *v = !*v)
                >
                    {move || {
                        let account = &t.get().account;
                        if visible.get() { account.hide_password } else { account.show_password }
                    }}
                </button>
            </div>
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
        </div>
    }
}
