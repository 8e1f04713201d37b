//! The creation tool for one project: name, options, photos (add, reorder,
//! remove), the product's rules, the server's price, saving to the account
//! and adding to the cart. Every change is kept in this browser at once.
//! Three parts share one `Editor`: `options.rs`, `photos.rs`, `summary.rs`.

mod options;
mod photos;
mod summary;

use crate::state::cart::{CartContext, use_cart};
use crate::state::locale::use_strings;
use crate::state::projects::{LocalProject, PhotoRefusal, ProjectsContext, use_projects};
use leptos::prelude::*;
use leptos::task::spawn_local;
use options::ProjectOptions;
use photos::ProjectPhotos;
use shop_api::ErrorCode;
use shop_api::catalogue::{Product, ProductKind};
use shop_api::project::units_per_copy;
use summary::ProjectSummary;

/// Why a file is not in the project, shown next to its name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Refusal {
    Local(PhotoRefusal),
    Server(ErrorCode),
    TooMany,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveState {
    Idle,
    Uploading,
    Saved,
    Interrupted,
    SignedOut,
    /// The account keeps as much as it may (the code says what).
    QuotaReached(shop_api::ErrorCode),
    Failed,
}

/// The project being edited, where each change goes, and what the parts
/// share: adding photos and saving exclude each other (`busy`), and both
/// list the files refused.
#[derive(Clone, Copy)]
struct Editor {
    project: RwSignal<LocalProject>,
    kind: ProductKind,
    projects: ProjectsContext,
    cart: CartContext,
    storage_failed: RwSignal<bool>,
    busy: RwSignal<bool>,
    refused: RwSignal<Vec<(String, Refusal)>>,
}

impl Editor {
    /// Applies an edit, keeps it in this browser and in the cart's line.
    fn commit(self, edit: impl FnOnce(&mut LocalProject)) {
        self.project.update(|p| {
            edit(p);
            p.saved = false;
            p.choice.quantity = units_per_copy(self.kind, p.photos.len() as u32);
        });
        self.keep();
    }

    fn keep(self) {
        // Gone with the editor (the shopper left while a photo was being
        // kept): the caller forgets what it was adding.
        let Some(snapshot) = self.project.try_get_untracked() else {
            return;
        };
        self.cart
            .refresh_project(&snapshot.id, &snapshot.name, &snapshot.choice);
        let projects = self.projects;
        let failed = self.storage_failed;
        spawn_local(async move {
            let stored = projects.store(&snapshot).await.is_ok();
            failed.try_set(!stored);
        });
    }
}

#[component]
pub fn ProjectEditor(product: Product, initial: LocalProject) -> impl IntoView {
    let t = use_strings();
    let p = move || &t.get().project;
    let editor = Editor {
        project: RwSignal::new(initial),
        kind: product.kind,
        projects: use_projects(),
        cart: use_cart(),
        storage_failed: RwSignal::new(false),
        busy: RwSignal::new(false),
        refused: RwSignal::new(Vec::new()),
    };
    let project = editor.project;
    let product = StoredValue::new(product);

    view! {
        <p class="project-status" role="status">
            {move || if project.with(|p| p.saved) { p().saved_status } else { p().unsaved_status }}
        </p>
        {move || editor.storage_failed.get().then(|| view! { <p class="form-error" role="alert">{p().storage_failed}</p> })}
        <ProjectOptions editor product />
        <ProjectPhotos editor />
        <ProjectSummary editor />
    }
}

fn refusal_text(p: &crate::i18n::ProjectText, why: &Refusal) -> &'static str {
    match why {
        Refusal::Local(PhotoRefusal::UnsupportedType) => p.refusal_unsupported,
        Refusal::Local(PhotoRefusal::TooLarge)
        | Refusal::Server(ErrorCode::PhotoTooLarge | ErrorCode::PayloadTooLarge) => {
            p.refusal_too_large
        }
        Refusal::Local(PhotoRefusal::Unreadable) => p.refusal_unreadable,
        Refusal::Local(PhotoRefusal::Storage(_)) => p.refusal_storage,
        Refusal::TooMany | Refusal::Server(ErrorCode::TooManyPhotos) => p.refusal_too_many,
        Refusal::Server(_) => p.refusal_server_invalid,
    }
}

fn rule_text(p: &crate::i18n::ProjectText, violation: shop_api::project::RuleViolation) -> String {
    use shop_api::project::RuleViolation;
    match violation {
        RuleViolation::NoPhotos => p.rule_no_photos.to_owned(),
        RuleViolation::NotEnoughPhotosForPages { pages, photos } => (p.rule_pages)(pages, photos),
        RuleViolation::OnePhotoPerPrint { prints, photos } => (p.rule_prints)(prints, photos),
        RuleViolation::ExactPhotoCount { needed, photos } => (p.rule_exact)(needed, photos),
        RuleViolation::TooManyPhotos { max, .. } => (p.rule_too_many)(max),
    }
}
