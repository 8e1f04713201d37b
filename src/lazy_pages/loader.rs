//! Shows a page whose code arrives on demand: a status line while it
//! loads, and if it cannot load, a message with a retry button, never a
//! dead app.

use super::ChunkLoadError;
use crate::dom::focus_by_id;
use crate::routes;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
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

#[component]
pub fn LazyPage<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkLoadError>> + 'static,
{
    let t = use_strings();
    let text = move || &t.get().page_load;
    let attempt = RwSignal::new(0u32);
    let pending_focus = use_context::<PendingHeadingFocus>();
    let loading = move || view! { <p class="page-loading" role="status">{text().loading}</p> };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // The browser runs one thread; Suspense asks for `Send`.
                Suspend::new(SendWrapper::new(async move {
                    // Suspend re-runs when a signal read while it is polled
                    // changes: the page reads the cart or the session as it
                    // is built, and must not be rebuilt (losing its state)
                    // each time they change.
                    let mut page = Box::pin(load());
                    let page = std::future::poll_fn(move |cx| untrack(|| page.as_mut().poll(cx))).await;
                    match page {
                        Ok(page) => {
                            if let Some(PendingHeadingFocus(pending)) = pending_focus
                                && pending.get_value()
                            {
                                pending.set_value(false);
                                request_animation_frame(|| {
                                    focus_by_id(routes::HEADING_ID);
                                });
                            }
                            page
                        }
                        Err(_) => view! {
                            <div class="form-error" role="alert">
                                <p>{text().failed}</p>
                                <button type="button" class="button-secondary" on:click=move |_| attempt.update(|n| *n += 1)>
                                    {text().retry}
                                </button>
                            </div>
                        }.into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}
