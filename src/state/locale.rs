//! The shopper's language: French unless they chose English, remembered in
//! this browser and reflected in `<html lang>`.

use crate::i18n::{Locale, Strings};
use leptos::prelude::*;

const STORAGE_KEY: &str = "service-photo.locale";

#[derive(Clone, Copy)]
struct LocaleContext(RwSignal<Locale>);

pub fn provide_locale() {
    let locale = RwSignal::new(stored_locale().unwrap_or_default());
    Effect::new(move |_| {
        let locale = locale.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.code());
        }
        if let Some(storage) = local_storage() {
            // Failing to remember the choice (private mode, full disk) only
            // costs the shopper a click next time.
            let _ = storage.set_item(STORAGE_KEY, locale.code());
        }
    });
    provide_context(LocaleContext(locale));
}

/// The current language; French when no provider is mounted.
pub fn use_locale() -> RwSignal<Locale> {
    use_context::<LocaleContext>()
        .map(|LocaleContext(locale)| locale)
        .unwrap_or_else(|| RwSignal::new(Locale::default()))
}

/// The strings of the current language.
pub fn use_strings() -> Signal<&'static Strings> {
    let locale = use_locale();
    Signal::derive(move || locale.get().strings())
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn stored_locale() -> Option<Locale> {
    let code = local_storage()?.get_item(STORAGE_KEY).ok()??;
    Locale::from_code(&code)
}
