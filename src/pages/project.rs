//! `/creer/{produit}` starts a project from a product and moves on to
//! `/projets/{id}`, which edits it: from this browser's copy, or from the
//! account when the project was saved from another browser.

mod editor;

use crate::api::{self, ApiError};
use crate::browser::ids::random_id;
use crate::components::page_heading::PageHeading;
use crate::i18n::{InLocale, Locale};
use crate::routes;
use crate::state::locale::{use_locale, use_strings};
use crate::state::projects::{self, LocalProject, ProjectsContext, use_projects};
use crate::state::session::{SessionStatus, use_session};
use editor::ProjectEditor;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use shop_api::catalogue::{Catalogue, Product, ProductChoice};
use shop_api::project::units_per_copy;

/// A new project with the product's first options.
fn new_project(product: &Product, id: String, locale: Locale) -> Option<LocalProject> {
    let format = product.formats.first()?;
    let name = product.name.get(locale).to_owned();
    Some(LocalProject {
        id,
        name,
        choice: ProductChoice {
            product_id: product.id.clone(),
            format_id: format.id.clone(),
            quantity: units_per_copy(product.kind, 0),
            pages: format.pages.map(|rule| rule.base),
            cover_id: product.covers.first().map(|c| c.id.clone()),
        },
        photos: Vec::new(),
        saved: false,
    })
}

#[component]
pub fn NewProjectPage() -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let params = use_params_map();
    let locale = use_locale();
    let projects = use_projects();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<&'static str>);
    // After each wait the shopper may have left (`failed`, like `t`, is
    // gone then): nothing to show, and nowhere to take them.
    spawn_local(async move {
        let Some(product_id) = params.try_with_untracked(|p| p.get("produit").unwrap_or_default())
        else {
            return;
        };
        let catalogue = crate::state::catalogue::catalogue().await;
        if failed.is_disposed() {
            return;
        }
        let product = match catalogue {
            Ok(catalogue) => catalogue.products.into_iter().find(|p| p.id == product_id),
            Err(_) => {
                failed.set(Some(t.get_untracked().home.catalogue_unavailable));
                return;
            }
        };
        let Some(project) = product
            .zip(random_id())
            .and_then(|(product, id)| new_project(&product, id, locale.get_untracked()))
        else {
            failed.set(Some(t.get_untracked().project.unknown_product));
            return;
        };
        let stored = projects.store(&project).await;
        if failed.is_disposed() {
            // An empty project nobody asked for any more.
            if stored.is_ok() {
                let _ = projects.remove(&project.id).await;
            }
            return;
        }
        if stored.is_err() {
            failed.set(Some(t.get_untracked().project.storage_unavailable));
            return;
        }
        navigate(
            &format!("{}/{}", routes::PROJECT, project.id),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    view! {
        <PageHeading title=Signal::derive(move || p().new_title.to_owned()) heading=Signal::derive(move || p().new_title.to_owned()) />
        {move || match failed.get() {
            None => view! { <p class="page-loading" role="status">{p().loading}</p> }.into_any(),
            Some(text) => view! {
                <p class="form-error" role="alert">{text}</p>
                <p><A href=routes::HOME>{move || t.get().cart.browse}</A></p>
            }.into_any(),
        }}
    }
}

/// What the editor needs, or why it cannot open.
#[derive(Clone)]
enum Loaded {
    Ready(Box<Product>, Box<LocalProject>),
    NotFound,
    Failed,
}

#[component]
pub fn ProjectPage() -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let params = use_params_map();
    let projects = use_projects();
    let session = use_session().status();
    let downloading = RwSignal::new(None::<(usize, usize)>);
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        let ready = projects.loaded().get();
        let status = session.get();
        async move {
            if !ready || status == SessionStatus::Checking {
                return None;
            }
            Some(load(id, status, downloading, projects).await)
        }
    });
    let title = Signal::derive(move || match loaded.get().flatten() {
        Some(Loaded::Ready(_, project)) => project.name.clone(),
        _ => p().editor_title.to_owned(),
    });
    view! {
        <PageHeading title=title heading=title />
        {move || match loaded.get().flatten() {
            None => view! {
                <p class="page-loading" role="status">
                    {move || match downloading.get() {
                        Some((done, total)) => (p().downloading)(done, total),
                        None => p().loading.to_owned(),
                    }}
                </p>
            }.into_any(),
            Some(Loaded::Ready(product, project)) => view! { <ProjectEditor product=*product initial=*project /> }.into_any(),
            Some(Loaded::NotFound) => view! {
                <p class="form-error" role="alert">{p().not_found}</p>
                <p><A href=routes::HOME>{move || t.get().cart.browse}</A></p>
            }.into_any(),
            Some(Loaded::Failed) => view! {
                <div class="form-error" role="alert">
                    <p>{p().load_failed}</p>
                    <button type="button" class="button-secondary" on:click=move |_| loaded.refetch()>
                        {move || t.get().home.retry}
                    </button>
                </div>
            }.into_any(),
        }}
    }
}

async fn load(
    id: String,
    status: SessionStatus,
    downloading: RwSignal<Option<(usize, usize)>>,
    projects: ProjectsContext,
) -> Loaded {
    let Ok(catalogue) = crate::state::catalogue::catalogue().await else {
        return Loaded::Failed;
    };
    let project = match projects.find(&id) {
        Some(project) => project,
        None if matches!(status, SessionStatus::SignedIn(_)) => {
            match download(&id, downloading, projects).await {
                Ok(project) => project,
                Err(ApiError::Refused {
                    status: 404 | 400, ..
                }) => return Loaded::NotFound,
                Err(_) => return Loaded::Failed,
            }
        }
        None => return Loaded::NotFound,
    };
    match product_of(&catalogue, &project) {
        Some(product) => Loaded::Ready(Box::new(product), Box::new(project)),
        None => Loaded::NotFound,
    }
}

fn product_of(catalogue: &Catalogue, project: &LocalProject) -> Option<Product> {
    catalogue
        .products
        .iter()
        .find(|p| p.id == project.choice.product_id)
        .cloned()
}

/// A project saved from another browser: its photos come down once and
/// are kept here, so editing works as for any project.
async fn download(
    id: &str,
    downloading: RwSignal<Option<(usize, usize)>>,
    projects: ProjectsContext,
) -> Result<LocalProject, ApiError> {
    let saved = api::projects::get(id).await?;
    let mut photos = Vec::with_capacity(saved.photos.len());
    for (index, photo) in saved.photos.iter().enumerate() {
        downloading.try_set(Some((index + 1, saved.photos.len())));
        let bytes = api::projects::photo(id, &photo.id).await?;
        if let Ok(kept) = projects::keep_downloaded_photo(photo, &bytes).await {
            photos.push(kept);
        }
    }
    let project = LocalProject {
        id: saved.id,
        name: saved.name,
        choice: saved.choice,
        saved: photos.len() == saved.photos.len() && saved.missing_photo_ids.is_empty(),
        photos,
    };
    // A failure to keep it here only costs a download next time.
    let _ = projects.store(&project).await;
    Ok(project)
}
