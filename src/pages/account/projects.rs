//! The shopper's projects on the account page: those saved in the account
//! (signed in), and those that exist only in this browser.

use crate::api;
use crate::components::more_button::MoreButton;
use crate::components::quota_notice::SAVED_PROJECTS_ID;
use crate::routes;
use crate::state::locale::use_strings;
use crate::state::paging::Paged;
use crate::state::projects::use_projects;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use shop_api::project::ProjectSummary;

fn project_href(id: &str) -> String {
    format!("{}/{id}", routes::PROJECT)
}

/// Projects in this browser that the account does not hold as they are.
#[component]
pub fn UnsavedProjects() -> impl IntoView {
    let t = use_strings();
    let a = move || &t.get().account;
    let all = use_projects().all();
    let unsaved = Signal::derive(move || {
        all.get()
            .into_iter()
            .filter(|p| !p.saved)
            .collect::<Vec<_>>()
    });
    view! {
        {move || (!unsaved.get().is_empty()).then(|| view! {
            <section aria-labelledby="projets-locaux" class="project-list">
                <h2 id="projets-locaux">{move || a().unsaved_projects_heading}</h2>
                <p>{move || a().unsaved_projects_intro}</p>
                <ul>
                    {move || unsaved.get().into_iter().map(|project| view! {
                        <li><A href=project_href(&project.id)>{project.name}</A></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
pub fn SavedProjects() -> impl IntoView {
    let t = use_strings();
    let a = move || &t.get().account;
    let saved = LocalResource::new(|| api::projects::list(None));
    view! {
        <section aria-labelledby=SAVED_PROJECTS_ID class="project-list">
            <h2 id=SAVED_PROJECTS_ID>{move || a().saved_projects_heading}</h2>
            {move || match saved.get().map(|first| first.map(Paged::new)) {
                None => view! { <p role="status">{a().projects_loading}</p> }.into_any(),
                Some(Ok(list)) if list.items.with_untracked(Vec::is_empty) => view! { <p>{a().no_saved_projects}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul>
                        {move || list.items.get().into_iter().map(|project| view! {
                            <SavedProject project on_deleted=move || saved.refetch() />
                        }).collect_view()}
                    </ul>
                    <MoreButton more=list.more label=Signal::derive(move || a().more_projects)
                        failed=Signal::derive(move || a().more_failed)
                        on_more=move || list.load_more(api::projects::list) />
                }.into_any(),
                Some(Err(_)) => view! {
                    <div class="form-error" role="alert">
                        <p>{a().projects_unavailable}</p>
                        <button type="button" class="button-secondary" on:click=move |_| saved.refetch()>
                            {move || t.get().home.retry}
                        </button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// One saved project, and its deletion once confirmed. A copy in this
/// browser is kept, as unsaved: deleting from the account loses nothing
/// the shopper still has here.
#[component]
fn SavedProject(
    project: ProjectSummary,
    on_deleted: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_strings();
    let a = move || &t.get().account;
    let projects = use_projects();
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let (id, name) = (project.id.clone(), project.name.clone());
    let delete = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        failed.set(false);
        let id = id.clone();
        spawn_local(async move {
            let deleted = api::projects::delete(&id).await;
            pending.try_set(false);
            match deleted {
                Ok(()) => {
                    if let Some(mut local) = projects.find(&id) {
                        local.saved = false;
                        // Best effort: the project is still in this
                        // browser's memory for this visit.
                        let _ = projects.store(&local).await;
                    }
                    on_deleted();
                }
                Err(_) => {
                    failed.try_set(true);
                }
            }
        });
    };
    let label = name.clone();
    view! {
        <li>
            <A href=project_href(&project.id)>{project.name.clone()}</A>
            " · " {move || (a().photo_count)(project.photo_count)} " "
            {move || (!confirming.get()).then(|| {
                let label = label.clone();
                view! {
                    <button type="button" class="button-link" aria-label=move || (a().delete_project_label)(&label)
                        on:click=move |_| confirming.set(true)>
                        {move || a().delete_project_button}
                    </button>
                }
            })}
            {move || confirming.get().then(|| {
                let name = name.clone();
                let delete = delete.clone();
                view! {
                    <div class="inline-confirm" role="group">
                        <p>{move || (a().delete_project_confirm)(&name)}</p>
                        <button type="button" class="button-secondary" disabled=move || pending.get() on:click=delete>
                            {move || a().delete_project_confirm_button}
                        </button>
                        " "
                        <button type="button" class="button-link" on:click=move |_| confirming.set(false)>
                            {move || a().cancel_button}
                        </button>
                    </div>
                }
            })}
            {move || failed.get().then(|| view! { <p class="form-error" role="alert">{a().delete_project_failed}</p> })}
        </li>
    }
}
