//! The button under a list the server gives a page at a time
//! (`state::paging`), and what went wrong with the last page.

use crate::state::paging::More;
use leptos::prelude::*;

#[component]
pub fn MoreButton(
    more: RwSignal<More>,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] failed: Signal<&'static str>,
    on_more: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        {move || match more.get() {
            More::Ready(None) => ().into_any(),
            state => view! {
                <div class="list-more">
                    {matches!(state, More::Failed(_)).then(|| view! {
                        <p class="form-error" role="alert">{move || failed.get()}</p>
                    })}
                    <button type="button" class="button-secondary" disabled=state == More::Loading
                        aria-busy=(state == More::Loading).to_string() on:click=move |_| on_more()>
                        {move || label.get()}
                    </button>
                </div>
            }.into_any(),
        }}
    }
}
