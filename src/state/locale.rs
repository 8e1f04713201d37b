//! The shopper's language: French unless they chose English, remembered in
//! this browser and reflected in `<html lang>`.

use crate::browser::storage::{self, Key};
use crate::i18n::{Locale, Strings};
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct LocaleContext(RwSignal<Locale>);

pub fn provide_locale() {
    let locale = RwSignal::new(stored_locale().unwrap_or_default());
    Effect::new(move |_| {
        let locale = locale.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.code());
        }
        // Failing to remember the choice (private mode, full disk) only
        // costs the shopper a click next time.
        storage::write(Key::Locale, locale.code());
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

fn stored_locale() -> Option<Locale> {
    let code = storage::read(Key::Locale)?;
    Locale::from_code(&code)
}
