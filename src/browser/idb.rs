//! IndexedDB as futures, for the few operations the app needs: one
//! database, object stores with out-of-line string keys, and get, get-all,
//! put and delete. Written against web-sys because the IndexedDB crates
//! bring an async runtime the app does not otherwise need.

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdbError {
    /// Private browsing in some browsers, or storage disabled.
    #[error("IndexedDB is not available in this browser")]
    Unavailable,
    #[error("IndexedDB refused: {0}")]
    Failed(String),
}

fn failed(error: JsValue) -> IdbError {
    IdbError::Failed(
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{error:?}")),
    )
}

/// Waits for a request and answers its result.
async fn settle(request: &IdbRequest) -> Result<JsValue, IdbError> {
    let done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(done).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(failed),
        Err(_) => Err(request
            .error()
            .ok()
            .flatten()
            .map(|e| IdbError::Failed(e.message()))
            .unwrap_or_else(|| IdbError::Failed("request failed".into()))),
    }
}

/// An open database.
#[derive(Clone)]
pub struct Database(IdbDatabase);

impl Database {
    /// Opens (creating or upgrading) `name` with the given stores.
    pub async fn open(
        name: &str,
        version: u32,
        stores: &'static [&'static str],
    ) -> Result<Self, IdbError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(IdbError::Unavailable)?;
        let request: IdbOpenDbRequest = factory.open_with_u32(name, version).map_err(failed)?;
        let upgrade_target = request.clone();
        let upgrade = Closure::<dyn FnMut()>::new(move || {
            let Ok(db) = upgrade_target.result() else {
                return;
            };
            let db: IdbDatabase = db.unchecked_into();
            let existing = db.object_store_names();
            for store in stores {
                if !existing.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = settle(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        let db: IdbDatabase = opened?.unchecked_into();
        // Another tab deleting the database (sign-out there) must not be
        // blocked by this one holding it open.
        let closing = db.clone();
        let on_version_change = Closure::<dyn FnMut()>::new(move || closing.close());
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(Self(db))
    }

    /// Lets go of the database, so that deleting it is not blocked.
    pub fn close(&self) {
        self.0.close();
    }

    fn store(&self, name: &str, mode: IdbTransactionMode) -> Result<IdbObjectStore, IdbError> {
        self.0
            .transaction_with_str_and_mode(name, mode)
            .and_then(|tx| tx.object_store(name))
            .map_err(failed)
    }

    pub async fn get(&self, store: &str, key: &str) -> Result<Option<JsValue>, IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readonly)?
            .get(&JsValue::from_str(key))
            .map_err(failed)?;
        let value = settle(&request).await?;
        Ok((!value.is_undefined()).then_some(value))
    }

    pub async fn get_all(&self, store: &str) -> Result<Vec<JsValue>, IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readonly)?
            .get_all()
            .map_err(failed)?;
        let values: Array = settle(&request).await?.unchecked_into();
        Ok(values.iter().collect())
    }

    pub async fn put(&self, store: &str, key: &str, value: &JsValue) -> Result<(), IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readwrite)?
            .put_with_key(value, &JsValue::from_str(key))
            .map_err(failed)?;
        settle(&request).await.map(drop)
    }

    pub async fn delete(&self, store: &str, key: &str) -> Result<(), IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readwrite)?
            .delete(&JsValue::from_str(key))
            .map_err(failed)?;
        settle(&request).await.map(drop)
    }
}
