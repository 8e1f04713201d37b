//! The progress of a save: which photo is being sent and how much of all
//! the bytes has left, as a real `<progress>` element.

use crate::state::locale::use_strings;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// 1-based photo being sent.
    pub photo: usize,
    pub photos: usize,
    /// Share of all the bytes to send that has been sent, 0 to 1.
    pub fraction: f64,
}

#[component]
pub fn UploadProgress(#[prop(into)] progress: Signal<Progress>) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let percent = move || (progress.get().fraction.clamp(0.0, 1.0) * 100.0).round();
    let status = move || {
        let now = progress.get();
        (p().upload_status)(now.photo, now.photos)
    };
    view! {
        <div class="upload-progress">
            <label for="envoi-photos">{move || p().upload_label}</label>
            <progress id="envoi-photos" max="100" value=percent aria-valuetext=move || format!("{} %", percent())>
                {move || format!("{} %", percent())}
            </progress>
            <p role="status">{status}</p>
        </div>
    }
}
