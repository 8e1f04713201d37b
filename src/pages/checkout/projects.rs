//! Entering the checkout puts every project of the cart that lives only in
//! this browser into the account, on its own: the server makes the order
//! from saved projects, since it needs their photos to print them. One
//! progress bar covers all the photos; a lost connection is taken up again
//! when the browser is back online (or on "Réessayer"), and a reload
//! starts again where it stopped, because the server names the photos it
//! still lacks. A photo the server refuses is named with its project.

use crate::api;
use crate::components::quota_notice::QuotaNotice;
use crate::components::upload_progress::{Progress, UploadProgress};
use crate::i18n::CheckoutText;
use crate::routes;
use crate::state::cart::{CartContext, use_cart};
use crate::state::locale::use_strings;
use crate::state::projects::saving::{self, RefusedPhoto, SaveError};
use crate::state::projects::{LocalPhoto, LocalProject, ProjectsContext, use_projects};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shop_api::ErrorCode;
use shop_api::catalogue::{Catalogue, ProductKind};
use shop_api::project::check_rules;

/// A photo the server would not take, named for the shopper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedFile {
    pub project_id: String,
    pub project_name: String,
    pub file_name: String,
    pub reason: ErrorCode,
}

/// A project that no longer meets its product's rules once its refused
/// photos are out: it cannot be ordered until the shopper replaces them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub project_id: String,
    pub project_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Waiting for the session, the account's cart and this browser's
    /// projects.
    Waiting,
    Saving(Progress),
    Done {
        refused: Vec<RefusedFile>,
        incomplete: Vec<Incomplete>,
    },
    /// The connection dropped; what was sent is kept.
    Interrupted,
    SignedOut,
    /// The account keeps as much as it may (the code says what).
    QuotaReached(ErrorCode),
    Failed,
}

impl SaveStatus {
    /// The order may be made: every project is in the account and whole.
    pub fn ready(&self) -> bool {
        matches!(self, SaveStatus::Done { incomplete, .. } if incomplete.is_empty())
    }
}

/// The save of the cart's projects: where it stands, and a way to try
/// again after a failure.
#[derive(Clone, Copy)]
pub struct CartSave {
    pub status: RwSignal<SaveStatus>,
    pub retry: Callback<()>,
}

/// Starts the save of the cart's projects once the account's cart and this
/// browser's projects are known. Call inside the signed-in checkout.
pub fn save_cart_projects() -> CartSave {
    let status = RwSignal::new(SaveStatus::Waiting);
    let cart = use_cart();
    let projects = use_projects();
    let account_ready = cart.account_ready();
    let loaded = projects.loaded();
    let start = move || {
        if matches!(status.get_untracked(), SaveStatus::Saving(_)) {
            return;
        }
        // Nothing only in this browser (the usual case once saved): no
        // request, nothing shown.
        if !has_unsaved(projects, cart) {
            status.set(SaveStatus::Done {
                refused: Vec::new(),
                incomplete: Vec::new(),
            });
            return;
        }
        status.set(SaveStatus::Saving(Progress {
            photo: 0,
            photos: 0,
            fraction: 0.0,
        }));
        spawn_local(async move {
            let outcome = run(status, projects, cart).await;
            status.try_set(match outcome {
                Ok(done) => done,
                Err(SaveError::Interrupted) => SaveStatus::Interrupted,
                Err(SaveError::SignedOut) => SaveStatus::SignedOut,
                Err(error @ (SaveError::Refused(_) | SaveError::Storage)) => error
                    .quota()
                    .map_or(SaveStatus::Failed, SaveStatus::QuotaReached),
            });
        });
    };
    Effect::new(move |_| {
        if account_ready.get()
            && loaded.get()
            && status.with_untracked(|s| *s == SaveStatus::Waiting)
        {
            start();
        }
    });
    // Back online: carry on without waiting for a click.
    let online = window_event_listener(leptos::ev::online, move |_| {
        if status.with_untracked(|s| matches!(s, SaveStatus::Interrupted)) {
            start();
        }
    });
    on_cleanup(move || online.remove());
    CartSave {
        status,
        retry: Callback::new(move |()| start()),
    }
}

fn has_unsaved(projects: ProjectsContext, cart: CartContext) -> bool {
    cart.with_untracked(|cart| {
        cart.lines.iter().any(|line| {
            projects
                .find(&line.project_id)
                .is_some_and(|project| !project.saved)
        })
    })
}

/// The cart's lines whose projects this browser holds unsaved, with their
/// product's kind.
fn unsaved_in_cart(
    catalogue: &Catalogue,
    projects: ProjectsContext,
    cart: CartContext,
) -> Vec<(LocalProject, ProductKind)> {
    cart.with_untracked(|cart| {
        cart.lines
            .iter()
            .filter_map(|line| projects.find(&line.project_id))
            .filter(|project| !project.saved)
            .filter_map(|project| {
                let kind = catalogue
                    .products
                    .iter()
                    .find(|p| p.id == project.choice.product_id)?
                    .kind;
                Some((project, kind))
            })
            .collect()
    })
}

async fn run(
    status: RwSignal<SaveStatus>,
    projects: ProjectsContext,
    cart: CartContext,
) -> Result<SaveStatus, SaveError> {
    let catalogue = crate::state::catalogue::catalogue()
        .await
        .map_err(|error| match error {
            api::ApiError::Network(_) => SaveError::Interrupted,
            _ => SaveError::Refused(ErrorCode::Unknown),
        })?;
    let unsaved = unsaved_in_cart(&catalogue, projects, cart);
    // Every project's draft first: then all the missing photos are known
    // and one bar can cover them.
    let mut plans: Vec<(LocalProject, ProductKind, Vec<LocalPhoto>)> = Vec::new();
    for (project, kind) in unsaved {
        let missing = saving::announce(&project, kind).await?;
        plans.push((project, kind, missing));
    }
    let sizes: Vec<f64> = plans
        .iter()
        .flat_map(|(_, _, missing)| missing.iter().map(|photo| photo.bytes as f64))
        .collect();
    let mut refused_files = Vec::new();
    let mut incomplete = Vec::new();
    let mut offset = 0;
    for (project, kind, missing) in plans {
        let sizes = sizes.clone();
        let refused = saving::upload(&project.id, &missing, move |index, sent| {
            status.try_set(SaveStatus::Saving(saving::progress(
                &sizes,
                offset + index,
                sent,
            )));
        })
        .await?;
        offset += missing.len();
        let saved = saving::conclude(&project, kind, &refused).await?;
        saving::forget_refused(&refused).await;
        refused_files.extend(named(&project, &refused));
        // Kept as saved; a failure here only means the next visit asks the
        // server again, which answers that nothing is missing.
        let _ = projects.store(&saved).await;
        cart.refresh_project(&saved.id, &saved.name, &saved.choice);
        let photos = u32::try_from(saved.photos.len()).unwrap_or(u32::MAX);
        if check_rules(kind, &saved.choice, photos).is_err() {
            incomplete.push(Incomplete {
                project_id: saved.id.clone(),
                project_name: saved.name.clone(),
            });
        }
    }
    Ok(SaveStatus::Done {
        refused: refused_files,
        incomplete,
    })
}

fn named(project: &LocalProject, refused: &[RefusedPhoto]) -> Vec<RefusedFile> {
    refused
        .iter()
        .filter_map(|(id, reason)| {
            let photo = project.photos.iter().find(|photo| photo.id == *id)?;
            Some(RefusedFile {
                project_id: project.id.clone(),
                project_name: project.name.clone(),
                file_name: photo.file_name.clone(),
                reason: *reason,
            })
        })
        .collect()
}

fn reason(code: ErrorCode, c: &CheckoutText) -> &'static str {
    match code {
        ErrorCode::PhotoTooLarge | ErrorCode::PayloadTooLarge => c.saving.photo_too_large,
        ErrorCode::TooManyPhotos => c.saving.too_many_photos,
        _ => c.saving.photo_unreadable,
    }
}

fn project_href(id: &str) -> String {
    format!("{}/{id}", routes::PROJECT)
}

/// Where the save stands, above the checkout's steps. Silent when there was
/// nothing to save.
#[component]
pub fn SavingPanel(save: CartSave) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let status = save.status;
    let retry = move |_| save.retry.run(());
    let progress = Signal::derive(move || match status.get() {
        SaveStatus::Saving(progress) => progress,
        _ => Progress {
            photo: 0,
            photos: 0,
            fraction: 0.0,
        },
    });
    view! {
        <div class="checkout-saving">
            {move || match status.get() {
                SaveStatus::Waiting => None,
                SaveStatus::Saving(now) if now.photos == 0 => Some(view! {
                    <p class="page-loading" role="status">{c().saving.preparing}</p>
                }.into_any()),
                SaveStatus::Saving(_) => Some(view! {
                    <section class="notice" aria-labelledby="enregistrement-projets">
                        <h2 id="enregistrement-projets" class="checkout-saving__title">{c().saving.heading}</h2>
                        <p>{c().saving.why}</p>
                        <UploadProgress progress />
                    </section>
                }.into_any()),
                SaveStatus::Done { refused, incomplete } => (!refused.is_empty() || !incomplete.is_empty()).then(|| view! {
                    <div class="form-error" role="alert">
                        <ul>
                            {refused.into_iter().map(|file| view! {
                                <li>{(c().saving.photo_refused)(&file.project_name, &file.file_name, reason(file.reason, c()))}</li>
                            }).collect_view()}
                        </ul>
                        {incomplete.into_iter().map(|project| view! {
                            <p>
                                {(c().saving.incomplete)(&project.project_name)} " "
                                <A href=project_href(&project.project_id)>{c().saving.open_project}</A>
                            </p>
                        }).collect_view()}
                    </div>
                }.into_any()),
                SaveStatus::Interrupted => Some(view! {
                    <div class="form-error" role="alert">
                        <p>{c().saving.interrupted}</p>
                        <button type="button" class="button-secondary" on:click=retry>{c().retry}</button>
                    </div>
                }.into_any()),
                SaveStatus::SignedOut => Some(view! {
                    <p class="form-error" role="alert">{c().errors.signed_out}</p>
                }.into_any()),
                SaveStatus::QuotaReached(code) => Some(view! { <QuotaNotice code /> }.into_any()),
                SaveStatus::Failed => Some(view! {
                    <div class="form-error" role="alert">
                        <p>{c().saving.failed}</p>
                        <button type="button" class="button-secondary" on:click=retry>{c().retry}</button>
                    </div>
                }.into_any()),
            }}
        </div>
    }
}
