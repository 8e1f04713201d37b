//! Shows a page whose code arrives on demand: a status line while it
//! loads, and if it cannot load, a message with a retry button, never a
//! dead app.
//!
//! No `<Suspense>` here on purpose: a Suspense would also wait for every
//! resource the page reads, hiding and re-showing the whole page (and
//! losing focus) each time one of them reloads.

use super::ChunkLoadError;
use super::opening;
use crate::dom::focus_by_id;
use crate::i18n::PageLoadText;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use std::future::Future;

/// Set when a client-side navigation could not focus the new page's
/// heading because the page's code was still on its way; the page focuses
/// it once shown.
#[derive(Clone, Copy)]
pub struct PendingHeadingFocus(pub StoredValue<bool>);

impl PendingHeadingFocus {
    pub fn provide() -> Self {
        let pending = Self(StoredValue::new(false));
        provide_context(pending);
        pending
    }
}

/// What arrives: a whole page (its heading takes focus after a
/// navigation), or a part of one (the payment panel), which leaves focus
/// where the page put it.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum Loaded {
    #[default]
    Page,
    Payment,
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed,
}

#[component]
pub fn LazyPage<F, Fut>(load: F, #[prop(optional)] loaded: Loaded) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkLoadError>> + 'static,
{
    let t = use_strings();
    let text = move || &t.get().page_load;
    let loading_text = move |t: &'static PageLoadText| match loaded {
        Loaded::Page => t.loading,
        Loaded::Payment => t.payment_loading,
    };
    let failed_text = move |t: &'static PageLoadText| match loaded {
        Loaded::Page => t.failed,
        Loaded::Payment => t.payment_failed,
    };
    let status = RwSignal::new(Status::Loading);
    let page = StoredValue::new_local(None::<AnyView>);
    let owner = Owner::current().unwrap_or_default();
    let pending_focus = use_context::<PendingHeadingFocus>().filter(|_| loaded == Loaded::Page);
    // The first page after the static shell keeps the shell's opening
    // while its code is on its way.
    let opening = (loaded == Loaded::Page).then(opening::take).flatten();

    let start = Callback::new(move |()| {
        status.set(Status::Loading);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            // The page is built while the future is polled: under this
            // component's owner (its contexts, and disposal when the route
            // changes), and untracked, so that nothing it reads as it is
            // built ever rebuilds it.
            let mut loading = Box::pin(load());
            let loaded =
                std::future::poll_fn(|cx| owner.with(|| untrack(|| loading.as_mut().poll(cx))))
                    .await;
            match loaded {
                Ok(view) => {
                    if page.try_set_value(Some(view)).is_none() {
                        status.try_set(Status::Ready);
                    }
                }
                Err(_) => {
                    status.try_set(Status::Failed);
                }
            }
        });
    });
    start.run(());

    move || match status.get() {
        Status::Loading => view! {
            {opening.clone().map(|opening| view! {
                <h1 id=routes::HEADING_ID tabindex="-1">{opening.heading}</h1>
                {opening.lead.map(|lead| view! { <p class="lead">{lead}</p> })}
            })}
            <p class="page-loading" role="status">{loading_text(text())}</p>
        }
        .into_any(),
        Status::Ready => {
            if let Some(PendingHeadingFocus(pending)) = pending_focus
                && pending.try_get_value() == Some(true)
            {
                pending.set_value(false);
                request_animation_frame(|| {
                    focus_by_id(routes::HEADING_ID);
                });
            }
            page.try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| ().into_any())
        }
        Status::Failed => view! {
            <div class="form-error" role="alert">
                <p>{failed_text(text())}</p>
                <button type="button" class="button-secondary" on:click=move |_| start.run(())>
                    {text().retry}
                </button>
            </div>
        }
        .into_any(),
    }
}
