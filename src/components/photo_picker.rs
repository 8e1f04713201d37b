//! Adding photos: the file picker (the camera roll on phones) and a drop
//! zone for desktop drag-and-drop. Hands the chosen files to the page.

use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::project::ACCEPTED_IMAGE_TYPES;
use web_sys::{File, FileList};

pub const INPUT_ID: &str = "photos-a-ajouter";

fn files(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

#[component]
pub fn PhotoPicker(
    #[prop(into)] disabled: Signal<bool>,
    on_files: Callback<Vec<File>>,
) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let dragging = RwSignal::new(false);
    view! {
        <div
            class=move || if dragging.get() { "drop-zone is-dragging" } else { "drop-zone" }
            on:dragover=move |event| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |event| {
                event.prevent_default();
                dragging.set(false);
                if !disabled.get_untracked() {
                    let dropped = files(event.data_transfer().and_then(|d| d.files()));
                    if !dropped.is_empty() {
                        on_files.run(dropped);
                    }
                }
            }
        >
            <label for=INPUT_ID class="button-secondary file-button">{move || p().add_photos}</label>
            <input
                id=INPUT_ID
                class="visually-hidden"
                type="file"
                multiple
                accept=ACCEPTED_IMAGE_TYPES.join(",")
                aria-describedby="photos-aide"
                disabled=move || disabled.get()
                on:change=move |event| {
                    let input = event_target::<web_sys::HtmlInputElement>(&event);
                    let chosen = files(input.files());
                    // Lets the same file be chosen again after a removal.
                    input.set_value("");
                    if !chosen.is_empty() {
                        on_files.run(chosen);
                    }
                }
            />
            <p id="photos-aide" class="field-hint">{move || p().add_photos_hint}</p>
        </div>
    }
}
