//! Everything the app keeps in this browser for the shopper, in one place,
//! so that signing out can delete all of it and say beforehand what will
//! be lost. Features that store data (unsaved projects in IndexedDB, a
//! guest cart) register here.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct BrowserData {
    indexed_dbs: StoredValue<Vec<&'static str>>,
    unsaved_projects: StoredValue<Vec<Signal<Vec<String>>>>,
}

pub fn provide_browser_data() {
    provide_context(BrowserData {
        indexed_dbs: StoredValue::new(Vec::new()),
        unsaved_projects: StoredValue::new(Vec::new()),
    });
}

/// The registry; a fresh, empty one when no provider is mounted.
pub fn use_browser_data() -> BrowserData {
    use_context::<BrowserData>().unwrap_or_else(|| BrowserData {
        indexed_dbs: StoredValue::new(Vec::new()),
        unsaved_projects: StoredValue::new(Vec::new()),
    })
}

impl BrowserData {
    /// An IndexedDB database the app created: deleted at sign-out.
    pub fn register_indexed_db(&self, name: &'static str) {
        self.indexed_dbs.update_value(|names| {
            if !names.contains(&name) {
                names.push(name);
            }
        });
    }

    /// Names of projects that exist only in this browser.
    pub fn register_unsaved_projects(&self, names: Signal<Vec<String>>) {
        self.unsaved_projects
            .update_value(|sources| sources.push(names));
    }

    /// What signing out would delete, by name, for the confirmation: a
    /// snapshot, not a subscription.
    pub fn unsaved_project_names(&self) -> Vec<String> {
        self.unsaved_projects.with_value(|sources| {
            sources
                .iter()
                .flat_map(|names| names.get_untracked())
                .collect()
        })
    }

    /// Deletes every registered database and everything this origin keeps
    /// in localStorage and sessionStorage, and resolves once the browser
    /// has done it. The server's `Clear-Site-Data` answer does the same in
    /// browsers that support it; this does not rely on it.
    pub async fn wipe(&self) {
        let window = window();
        for storage in [window.local_storage(), window.session_storage()] {
            if let Ok(Some(storage)) = storage {
                let _ = storage.clear();
            }
        }
        let Ok(Some(factory)) = window.indexed_db() else {
            return;
        };
        for name in self.indexed_dbs.get_value() {
            let Ok(request) = factory.delete_database(name) else {
                continue;
            };
            // "blocked" means another tab holds it open: the deletion
            // happens when that tab lets go; do not wait for it here.
            let settled = js_sys::Promise::new(&mut |resolve, _| {
                request.set_onsuccess(Some(&resolve));
                request.set_onerror(Some(&resolve));
                request.set_onblocked(Some(&resolve));
            });
            let _ = wasm_bindgen_futures::JsFuture::from(settled).await;
        }
    }
}
