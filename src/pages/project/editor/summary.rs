//! The project's summary: whether the product's rules are met, the
//! server's price, adding to the cart, and saving to the account (signed
//! in) or the way to sign in first.

use super::{Editor, Refusal, SaveState, rule_text};
use crate::api;
use crate::components::quota_notice::QuotaNotice;
use crate::components::upload_progress::{Progress, UploadProgress};
use crate::routes;
use crate::state::locale::use_strings;
use crate::state::projects::saving::{self, SaveError};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shop_api::cart::{CartLine, MAX_CART_LINES};
use shop_api::project::check_rules;

#[component]
pub(super) fn ProjectSummary(editor: Editor) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let project = editor.project;
    let kind = editor.kind;
    let busy = editor.busy;
    let refused = editor.refused;
    let save_state = RwSignal::new(SaveState::Idle);
    let upload = RwSignal::new(Progress {
        photo: 0,
        photos: 0,
        fraction: 0.0,
    });
    let just_added = RwSignal::new(false);
    let cart_full = RwSignal::new(false);
    let signed_in = {
        let status = use_session().status();
        Signal::derive(move || matches!(status.get(), SessionStatus::SignedIn(_)))
    };
    let rule =
        Memo::new(move |_| project.with(|p| check_rules(kind, &p.choice, p.photos.len() as u32)));
    let quote = LocalResource::new(move || {
        let choice = project.with(|p| p.choice.clone());
        async move { api::catalogue::quote(&choice).await }
    });

    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        save_state.set(SaveState::Uploading);
        spawn_local(async move {
            let snapshot = project.get_untracked();
            let outcome = saving::save(&snapshot, kind, move |now| {
                upload.try_set(now);
            })
            .await;
            let state = match outcome {
                Ok((saved, report)) => {
                    let names: Vec<(String, Refusal)> =
                        snapshot
                            .photos
                            .iter()
                            .filter_map(|photo| {
                                report.refused.iter().find(|(id, _)| *id == photo.id).map(
                                    |(_, code)| (photo.file_name.clone(), Refusal::Server(*code)),
                                )
                            })
                            .collect();
                    refused.try_set(names);
                    saving::forget_refused(&report.refused).await;
                    // Edits made while the photos were sent stay unsaved.
                    if project.try_with_untracked(|now| *now == snapshot) == Some(true) {
                        project.try_set(saved);
                        editor.keep();
                    }
                    SaveState::Saved
                }
                Err(SaveError::Interrupted) => SaveState::Interrupted,
                Err(SaveError::SignedOut) => SaveState::SignedOut,
                Err(error) => error
                    .quota()
                    .map_or(SaveState::Failed, SaveState::QuotaReached),
            };
            save_state.try_set(state);
            busy.try_set(false);
        });
    };

    let add_to_cart = move |_| {
        if rule.get_untracked().is_err() {
            return;
        }
        let current = project.get_untracked();
        let added = editor.cart.add(CartLine {
            project_id: current.id,
            project_name: current.name,
            choice: current.choice,
            copies: 1,
        });
        cart_full.set(added.is_err());
        just_added.set(added.is_ok());
    };
    let in_cart = editor
        .cart
        .contains(&project.with_untracked(|p| p.id.clone()));
    let sign_in_href = move || {
        let here = format!("{}/{}", routes::PROJECT, project.with(|p| p.id.clone()));
        format!(
            "{}?{}={}",
            routes::ACCOUNT,
            crate::routes::RETURN_PARAM,
            js_sys::encode_uri_component(&here)
        )
    };

    view! {
        <section aria-labelledby="commande-titre" class="project-summary">
            <h2 id="commande-titre">{move || p().summary_heading}</h2>
            <p class=move || if rule.get().is_ok() { "rule-ok" } else { "rule-missing" } id="regle-produit" aria-live="polite">
                {move || match rule.get() {
                    Ok(()) => p().ready.to_owned(),
                    Err(violation) => rule_text(p(), violation),
                }}
            </p>
            <p class="project-price" aria-live="polite">
                {move || p().price_label} " "
                {move || match quote.get() {
                    None => p().price_loading.to_owned(),
                    Some(Ok(quote)) => quote.total.format_fr(),
                    Some(Err(_)) => p().price_unavailable.to_owned(),
                }}
            </p>
            <div class="project-actions">
                <button type="button" class="button-primary"
                    aria-describedby="regle-produit"
                    disabled=move || busy.get() || rule.get().is_err()
                    on:click=add_to_cart>
                    {move || p().add_to_cart}
                </button>
                {move || if signed_in.get() {
                    view! {
                        <button type="button" class="button-secondary" disabled=move || busy.get() on:click=save>
                            {move || if save_state.get() == SaveState::Uploading { p().saving } else { p().save_button }}
                        </button>
                    }.into_any()
                } else {
                    view! { <A href=sign_in_href>{move || p().sign_in_to_save}</A> }.into_any()
                }}
            </div>
            {move || cart_full.get().then(|| view! {
                <p class="form-error" role="alert">
                    {move || (p().cart_full)(MAX_CART_LINES)} " " <A href=routes::CART>{move || p().view_cart}</A>
                </p>
            })}
            {move || (just_added.get() || in_cart.get()).then(|| view! {
                <div class="project-in-cart">
                    <p class="notice" role="status">
                        {move || p().in_cart} " " <A href=routes::CART>{move || p().view_cart}</A>
                    </p>
                    <A href=routes::CHECKOUT attr:class="button-primary">{move || p().order_now}</A>
                </div>
            })}
            {move || match save_state.get() {
                SaveState::Uploading => view! { <UploadProgress progress=upload /> }.into_any(),
                SaveState::Saved => view! { <p class="notice" role="status">{p().saved_notice}</p> }.into_any(),
                SaveState::Interrupted => view! { <p class="form-error" role="alert">{p().save_interrupted}</p> }.into_any(),
                SaveState::SignedOut => view! { <p class="form-error" role="alert">{p().save_signed_out}</p> }.into_any(),
                SaveState::Failed => view! { <p class="form-error" role="alert">{p().save_failed}</p> }.into_any(),
                SaveState::QuotaReached(code) => view! { <QuotaNotice code /> }.into_any(),
                SaveState::Idle => ().into_any(),
            }}
        </section>
    }
}
