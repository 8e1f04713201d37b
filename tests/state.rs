//! Browser tests (headless Chromium) of shared state: the sign-out wipe
//! registry and the account forms' browser-side rules.

use leptos::prelude::*;
use storefront::components::credentials_form::{FieldErrors, FormError, FormKind, check};
use storefront::state::browser_data::use_browser_data;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

async fn database_names() -> Vec<String> {
    let factory = window().indexed_db().unwrap().unwrap();
    let databases = js_sys::Reflect::get(&factory, &"databases".into())
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call0(&factory)
        .unwrap();
    let list = JsFuture::from(databases.unchecked_into::<js_sys::Promise>())
        .await
        .unwrap();
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|info| {
            js_sys::Reflect::get(&info, &"name".into())
                .ok()?
                .as_string()
        })
        .collect()
}

async fn create_database(name: &str) {
    let factory = window().indexed_db().unwrap().unwrap();
    let request = factory.open(name).unwrap();
    let opened = js_sys::Promise::new(&mut |resolve, _| {
        request.set_onsuccess(Some(&resolve));
    });
    let database = JsFuture::from(opened).await.unwrap();
    let target = js_sys::Reflect::get(&database, &"target".into()).unwrap();
    let db = js_sys::Reflect::get(&target, &"result".into()).unwrap();
    let close = js_sys::Reflect::get(&db, &"close".into()).unwrap();
    close
        .unchecked_into::<js_sys::Function>()
        .call0(&db)
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_wipe_deletes_registered_databases_and_all_web_storage() {
    let owner = Owner::new();
    owner.set();
    let data = use_browser_data();
    create_database("service-photo-test-projects").await;
    create_database("someone-elses-db").await;
    data.register_indexed_db("service-photo-test-projects");
    let projects = RwSignal::new(vec!["Vacances 2026".to_owned(), "Mariage".to_owned()]);
    data.register_unsaved_projects(projects.into());
    assert_eq!(data.unsaved_project_names(), ["Vacances 2026", "Mariage"]);

    let local = window().local_storage().unwrap().unwrap();
    let session = window().session_storage().unwrap().unwrap();
    local.set_item("service-photo.locale", "en").unwrap();
    session.set_item("service-photo.draft", "x").unwrap();
    assert!(
        database_names()
            .await
            .contains(&"service-photo-test-projects".to_owned())
    );

    data.wipe().await;
    assert_eq!(local.length().unwrap(), 0);
    assert_eq!(session.length().unwrap(), 0);
    let names = database_names().await;
    assert!(
        !names.contains(&"service-photo-test-projects".to_owned()),
        "{names:?}"
    );
    // Only what the app registered is deleted.
    assert!(names.contains(&"someone-elses-db".to_owned()));
}

#[wasm_bindgen_test]
fn the_forms_check_what_the_browser_can() {
    assert_eq!(
        check(FormKind::CreateAccount, "", ""),
        FieldErrors {
            email: Some(FormError::EmailRequired),
            password: Some(FormError::PasswordRequired),
            form: None
        }
    );
    assert_eq!(
        check(FormKind::CreateAccount, "marie@exemple", "k9#Vq2!mZr7p").email,
        Some(FormError::EmailInvalid)
    );
    assert_eq!(
        check(FormKind::CreateAccount, " marie@exemple.fr ", "k9#Vq2!mZr7").password,
        Some(FormError::PasswordTooShort)
    );
    // Twelve characters, however many bytes.
    assert!(
        check(
            FormKind::CreateAccount,
            "marie@exemple.fr",
            "çàéèùœ€ßøñ日本"
        )
        .is_empty()
    );
    // Signing in does not judge an old password's length.
    assert!(check(FormKind::SignIn, "marie@exemple.fr", "court").is_empty());
}
