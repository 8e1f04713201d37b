//! The shopper's projects on the account page: those saved in the account
//! (signed in), and those that exist only in this browser.

use crate::api;
use crate::routes;
use crate::state::locale::use_strings;
use crate::state::projects::use_projects;
use leptos::prelude::*;
use leptos_router::components::A;

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
    let saved = LocalResource::new(api::projects::list);
    view! {
        <section aria-labelledby="projets-enregistres" class="project-list">
            <h2 id="projets-enregistres">{move || a().saved_projects_heading}</h2>
            {move || match saved.get() {
                None => view! { <p role="status">{a().projects_loading}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{a().no_saved_projects}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul>
                        {list.into_iter().map(|project| view! {
                            <li>
                                <A href=project_href(&project.id)>{project.name}</A>
                                " · " {(a().photo_count)(project.photo_count)}
                            </li>
                        }).collect_view()}
                    </ul>
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
