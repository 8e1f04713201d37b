//! A project's photos as thumbnails, in order, each with buttons to move
//! it earlier or later and to remove it (buttons, not dragging, so that
//! keyboards and screen readers can reorder too).

use crate::state::locale::use_strings;
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoTile {
    pub id: String,
    /// Object URL of the thumbnail, once made.
    pub thumbnail: Option<String>,
}

#[component]
pub fn PhotoGrid(
    #[prop(into)] photos: Signal<Vec<PhotoTile>>,
    #[prop(into)] disabled: Signal<bool>,
    /// (index, -1 or +1)
    on_move: Callback<(usize, isize)>,
    on_remove: Callback<usize>,
) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    view! {
        <ol class="photo-grid">
            {move || {
                let all = photos.get();
                let last = all.len().saturating_sub(1);
                all.into_iter().enumerate().map(|(index, photo)| {
                    let label = (p().photo_label)(index + 1);
                    view! {
                        <li class="photo-tile" data-photo-id=photo.id>
                            {match photo.thumbnail {
                                Some(url) => view! { <img src=url alt=label.clone() width="120" height="120" /> }.into_any(),
                                None => view! { <span class="photo-placeholder" role="img" aria-label=label.clone()></span> }.into_any(),
                            }}
                            <div class="photo-actions" role="group" aria-label=label>
                                <button type="button" class="icon-button"
                                    disabled=move || disabled.get() || index == 0
                                    aria-label=move || (p().move_earlier)(index + 1)
                                    on:click=move |_| on_move.run((index, -1))>"←"</button>
                                <button type="button" class="icon-button"
                                    disabled=move || disabled.get() || index == last
                                    aria-label=move || (p().move_later)(index + 1)
                                    on:click=move |_| on_move.run((index, 1))>"→"</button>
                                <button type="button" class="icon-button"
                                    disabled=move || disabled.get()
                                    aria-label=move || (p().remove_photo)(index + 1)
                                    on:click=move |_| on_remove.run(index)>"×"</button>
                            </div>
                        </li>
                    }
                }).collect_view()
            }}
        </ol>
    }
}
