//! The creation tool for one project: name, options, photos (add, reorder,
//! remove), the product's rules, the server's price, saving to the account
//! and adding to the cart. Every change is kept in this browser at once.

use crate::api;
use crate::browser::ids::random_id;
use crate::browser::images;
use crate::components::photo_grid::{PhotoGrid, PhotoTile};
use crate::components::photo_picker::PhotoPicker;
use crate::components::upload_progress::{Progress, UploadProgress};
use crate::i18n::InLocale;
use crate::routes;
use crate::state::cart::{CartContext, use_cart};
use crate::state::locale::{use_locale, use_strings};
use crate::state::projects::saving::{self, SaveError};
use crate::state::projects::{self, LocalProject, PhotoRefusal, ProjectsContext, use_projects};
use crate::state::session::{SessionStatus, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::cart::{CartLine, MAX_CART_LINES};
use shop_api::catalogue::{Product, ProductKind};
use shop_api::project::{MAX_PHOTOS_PER_PROJECT, check_rules, units_per_copy};
use std::collections::HashMap;
use web_sys::File;

/// Why a file is not in the project, shown next to its name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Refusal {
    Local(PhotoRefusal),
    Server(ErrorCode),
    TooMany,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Idle,
    Uploading,
    Saved,
    Interrupted,
    SignedOut,
    Failed,
}

/// The project being edited and where each change goes.
#[derive(Clone, Copy)]
struct Editor {
    project: RwSignal<LocalProject>,
    kind: ProductKind,
    projects: ProjectsContext,
    cart: CartContext,
    storage_failed: RwSignal<bool>,
}

impl Editor {
    /// Applies an edit, keeps it in this browser and in the cart's line.
    fn commit(self, edit: impl FnOnce(&mut LocalProject)) {
        self.project.update(|p| {
            edit(p);
            p.saved = false;
            p.choice.quantity = units_per_copy(self.kind, p.photos.len() as u32);
        });
        self.keep();
    }

    fn keep(self) {
        let snapshot = self.project.get_untracked();
        self.cart
            .refresh_project(&snapshot.id, &snapshot.name, &snapshot.choice);
        let projects = self.projects;
        let failed = self.storage_failed;
        spawn_local(async move {
            let stored = projects.store(&snapshot).await.is_ok();
            failed.try_set(!stored);
        });
    }
}

#[component]
pub fn ProjectEditor(product: Product, initial: LocalProject) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let locale = use_locale();
    let editor = Editor {
        project: RwSignal::new(initial),
        kind: product.kind,
        projects: use_projects(),
        cart: use_cart(),
        storage_failed: RwSignal::new(false),
    };
    let project = editor.project;
    let kind = product.kind;
    let product = StoredValue::new(product);
    let busy = RwSignal::new(false);
    let adding = RwSignal::new(None::<(usize, usize)>);
    let refused = RwSignal::new(Vec::<(String, Refusal)>::new());
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

    // Thumbnails: object URLs made from IndexedDB, revoked when they go.
    let thumbnails = RwSignal::new(HashMap::<String, String>::new());
    Effect::new(move |_| {
        let ids: Vec<String> = project.with(|p| p.photos.iter().map(|ph| ph.id.clone()).collect());
        for id in ids {
            if thumbnails.with_untracked(|known| known.contains_key(&id)) {
                continue;
            }
            spawn_local(async move {
                // A page already gone keeps no URL alive.
                if let Ok(Some(blob)) = projects::thumbnail_blob(&id).await
                    && let Some(url) = images::object_url(&blob)
                    && thumbnails
                        .try_update(|known| known.insert(id, url.clone()))
                        .is_none()
                {
                    images::revoke(&url);
                }
            });
        }
    });
    on_cleanup(move || {
        thumbnails.with_untracked(|known| known.values().for_each(|url| images::revoke(url)));
    });
    let tiles = Signal::derive(move || {
        let known = thumbnails.get();
        project.with(|p| {
            p.photos
                .iter()
                .map(|photo| PhotoTile {
                    id: photo.id.clone(),
                    thumbnail: known.get(&photo.id).cloned(),
                })
                .collect::<Vec<_>>()
        })
    });

    let rule =
        Memo::new(move |_| project.with(|p| check_rules(kind, &p.choice, p.photos.len() as u32)));
    let quote = LocalResource::new(move || {
        let choice = project.with(|p| p.choice.clone());
        async move { api::catalogue::quote(&choice).await }
    });

    let on_files = Callback::new(move |files: Vec<File>| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        refused.set(Vec::new());
        spawn_local(async move {
            let total = files.len();
            for (index, file) in files.iter().enumerate() {
                adding.try_set(Some((index + 1, total)));
                if project.with_untracked(|p| p.photos.len()) >= MAX_PHOTOS_PER_PROJECT {
                    refused.try_update(|r| r.push((file.name(), Refusal::TooMany)));
                    continue;
                }
                let Some(photo_id) = random_id() else {
                    refused.try_update(|r| {
                        r.push((file.name(), Refusal::Local(PhotoRefusal::Unreadable)))
                    });
                    continue;
                };
                match projects::keep_photo(photo_id, file).await {
                    Ok(photo) => editor.commit(|p| p.photos.push(photo)),
                    Err(refusal) => {
                        refused.try_update(|r| r.push((file.name(), Refusal::Local(refusal))));
                    }
                }
            }
            adding.try_set(None);
            busy.try_set(false);
        });
    });
    let on_move = Callback::new(move |(index, step): (usize, isize)| {
        let len = project.with_untracked(|p| p.photos.len());
        let Some(target) = index.checked_add_signed(step).filter(|t| *t < len) else {
            return;
        };
        editor.commit(|p| p.photos.swap(index, target));
    });
    let on_remove = Callback::new(move |index: usize| {
        let Some(photo_id) =
            project.with_untracked(|p| p.photos.get(index).map(|ph| ph.id.clone()))
        else {
            return;
        };
        editor.commit(|p| {
            p.photos.remove(index);
        });
        if let Some(url) = thumbnails
            .try_update(|known| known.remove(&photo_id))
            .flatten()
        {
            images::revoke(&url);
        }
        spawn_local(async move {
            let _ = projects::forget_photo(&photo_id).await;
        });
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
                Err(_) => SaveState::Failed,
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

    let formats = move || product.with_value(|p| p.formats.clone());
    let covers = move || product.with_value(|p| p.covers.clone());
    let current_format = move || {
        let id = project.with(|p| p.choice.format_id.clone());
        product.with_value(|p| p.formats.iter().find(|f| f.id == id).cloned())
    };

    view! {
        <p class="project-status" role="status">
            {move || if project.with(|p| p.saved) { p().saved_status } else { p().unsaved_status }}
        </p>
        {move || editor.storage_failed.get().then(|| view! { <p class="form-error" role="alert">{p().storage_failed}</p> })}
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

        <section aria-labelledby="photos-titre" class="project-photos">
            <h2 id="photos-titre">
                {move || p().photos_heading} " "
                <span class="photo-count">{move || (p().photo_count)(project.with(|p| p.photos.len()))}</span>
            </h2>
            <PhotoPicker disabled=busy on_files=on_files />
            {move || adding.get().map(|(done, total)| view! { <p role="status">{(p().adding_photos)(done, total)}</p> })}
            {move || {
                let list = refused.get();
                (!list.is_empty()).then(|| view! {
                    <div class="form-error" role="alert">
                        <p>{p().refused_heading}</p>
                        <ul class="refused-files">
                            {list.into_iter().map(|(name, why)| view! {
                                <li><strong>{name}</strong> " : " {refusal_text(p(), &why)}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <PhotoGrid photos=tiles disabled=busy on_move=on_move on_remove=on_remove />
        </section>

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
                SaveState::Idle => ().into_any(),
            }}
        </section>
    }
}

fn refusal_text(p: &crate::i18n::ProjectText, why: &Refusal) -> &'static str {
    match why {
        Refusal::Local(PhotoRefusal::UnsupportedType) => p.refusal_unsupported,
        Refusal::Local(PhotoRefusal::TooLarge)
        | Refusal::Server(ErrorCode::PhotoTooLarge | ErrorCode::PayloadTooLarge) => {
            p.refusal_too_large
        }
        Refusal::Local(PhotoRefusal::Unreadable) => p.refusal_unreadable,
        Refusal::Local(PhotoRefusal::Storage(_)) => p.refusal_storage,
        Refusal::TooMany | Refusal::Server(ErrorCode::TooManyPhotos) => p.refusal_too_many,
        Refusal::Server(_) => p.refusal_server_invalid,
    }
}

fn rule_text(p: &crate::i18n::ProjectText, violation: shop_api::project::RuleViolation) -> String {
    use shop_api::project::RuleViolation;
    match violation {
        RuleViolation::NoPhotos => p.rule_no_photos.to_owned(),
        RuleViolation::NotEnoughPhotosForPages { pages, photos } => (p.rule_pages)(pages, photos),
        RuleViolation::OnePhotoPerPrint { prints, photos } => (p.rule_prints)(prints, photos),
        RuleViolation::ExactPhotoCount { needed, photos } => (p.rule_exact)(needed, photos),
        RuleViolation::TooManyPhotos { max, .. } => (p.rule_too_many)(max),
    }
}
