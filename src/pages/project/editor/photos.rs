//! The project's photos: adding files (kept in IndexedDB, refused ones
//! listed with the reason), their thumbnails, reordering and removing.

use super::{Editor, Refusal, refusal_text};
use crate::browser::ids::random_id;
use crate::browser::images;
use crate::components::photo_grid::{PhotoGrid, PhotoTile};
use crate::components::photo_picker::PhotoPicker;
use crate::state::locale::use_strings;
use crate::state::projects::{self, PhotoRefusal};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shop_api::project::MAX_PHOTOS_PER_PROJECT;
use std::collections::HashMap;
use web_sys::File;

#[component]
pub(super) fn ProjectPhotos(editor: Editor) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let project = editor.project;
    let busy = editor.busy;
    let refused = editor.refused;
    let adding = RwSignal::new(None::<(usize, usize)>);

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
                // The shopper left the editor: the rest is not added.
                let Some(count) = project.try_with_untracked(|p| p.photos.len()) else {
                    return;
                };
                if count >= MAX_PHOTOS_PER_PROJECT {
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
                    // Kept while the shopper was leaving: no project holds
                    // it, so it would only take room in this browser.
                    Ok(photo) if project.is_disposed() => {
                        let _ = projects::forget_photo(&photo.id).await;
                        return;
                    }
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

    view! {
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
    }
}
