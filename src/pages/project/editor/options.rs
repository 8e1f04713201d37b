//! The project's name and product options (format, pages, cover): each
//! change goes through `Editor::commit`, so it is kept in this browser and
//! in the cart's line at once.

use super::Editor;
use crate::i18n::InLocale;
use crate::state::locale::{use_locale, use_strings};
use leptos::prelude::*;
use shop_api::catalogue::{Product, ProductKind};

#[component]
pub(super) fn ProjectOptions(editor: Editor, product: StoredValue<Product>) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let locale = use_locale();
    let project = editor.project;
    let busy = editor.busy;
    let kind = editor.kind;
    let formats = move || product.with_value(|p| p.formats.clone());
    let covers = move || product.with_value(|p| p.covers.clone());
    let current_format = move || {
        let id = project.with(|p| p.choice.format_id.clone());
        product.with_value(|p| p.formats.iter().find(|f| f.id == id).cloned())
    };

    view! {
        <form class="project-form" on:submit=move |event| event.prevent_default()>
            <fieldset disabled=move || busy.get()>
                <legend>{move || p().options_legend}</legend>
                <div class="field">
                    <label for="nom-projet">{move || p().name_label}</label>
                    <input id="nom-projet" type="text" maxlength="80" required
                        prop:value=move || project.with(|p| p.name.clone())
                        on:change=move |event| {
                            let name = event_target_value(&event);
                            match shop_api::project::normalized_name(&name) {
                                Some(name) => editor.commit(|p| p.name = name),
                                // Keep the last good name rather than an empty one.
                                None => project.update(|_| {}),
                            }
                        } />
                </div>
                <div class="field">
                    <label for="format">{move || p().format_label}</label>
                    <select id="format" on:change=move |event| {
                        let format_id = event_target_value(&event);
                        let rule = product.with_value(|p| p.formats.iter().find(|f| f.id == format_id).and_then(|f| f.pages));
                        editor.commit(|p| {
                            p.choice.format_id = format_id;
                            if let (Some(rule), Some(pages)) = (rule, p.choice.pages) {
                                p.choice.pages = Some(pages.clamp(rule.base, rule.max));
                            }
                        });
                    }>
                        {move || formats().into_iter().map(|format| {
                            let selected = project.with(|p| p.choice.format_id == format.id);
                            view! { <option value=format.id.clone() selected=selected>{format.label.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || current_format().and_then(|f| f.pages).map(|rule| view! {
                    <div class="field">
                        <label for="pages">{move || p().pages_label}</label>
                        <select id="pages" on:change=move |event| {
                            if let Ok(pages) = event_target_value(&event).parse::<u32>() {
                                editor.commit(|p| p.choice.pages = Some(pages));
                            }
                        }>
                            {(rule.base..=rule.max).step_by(2).map(|pages| {
                                let selected = project.with(|p| p.choice.pages == Some(pages));
                                view! { <option value=pages.to_string() selected=selected>{pages}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                {move || (!covers().is_empty()).then(|| view! {
                    <div class="field">
                        <label for="couverture">{move || p().cover_label}</label>
                        <select id="couverture" on:change=move |event| {
                            let cover = event_target_value(&event);
                            editor.commit(|p| p.choice.cover_id = Some(cover));
                        }>
                            {covers().into_iter().map(|cover| {
                                let selected = project.with(|p| p.choice.cover_id.as_deref() == Some(cover.id.as_str()));
                                let label = cover.label.clone();
                                view! { <option value=cover.id.clone() selected=selected>{move || label.get(locale.get()).to_owned()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                {(kind == ProductKind::Prints).then(|| view! { <p class="field-hint">{move || p().prints_rule}</p> })}
            </fieldset>
        </form>
    }
}
