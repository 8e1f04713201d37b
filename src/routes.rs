//! The storefront's addresses, in French like the shop. Links use these
//! constants; `app.rs` maps each to its page.

pub const HOME: &str = "/";
pub const CART: &str = "/panier";
pub const ACCOUNT: &str = "/compte";
pub const ORDERS: &str = "/suivi-de-commande";
pub const HELP: &str = "/aide";
pub const PAYMENT_METHODS: &str = "/modes-de-paiement";
pub const CHECKOUT: &str = "/commande";

/// The pages the shop's e-mails link to, under `/compte` (the contract's
/// addresses; their token follows in the fragment, `#jeton=…`): the
/// address confirmed, and a new password after a forgotten one.
pub const VERIFY_EMAIL: &str = shop_api::account::VERIFY_EMAIL_PATH;
pub const RESET_PASSWORD: &str = shop_api::account::RESET_PASSWORD_PATH;
/// Asking for the reset link, from the sign-in form.
pub const FORGOT_PASSWORD: &str = shop_api::account::FORGOT_PASSWORD_PATH;
/// Their last segments, for the route table (under `ACCOUNT`).
pub const VERIFY_EMAIL_SEGMENT: &str = "confirmer-adresse";
pub const RESET_PASSWORD_SEGMENT: &str = "nouveau-mot-de-passe";
pub const FORGOT_PASSWORD_SEGMENT: &str = "mot-de-passe-oublie";

/// `/compte/parametres`: the account's own controls (devices, password,
/// address, data, deletion). Linked from the signed-in account page.
pub const ACCOUNT_SETTINGS: &str = "/compte/parametres";
/// `ACCOUNT_SETTINGS`'s last segment, for the route table.
pub const ACCOUNT_SETTINGS_SEGMENT: &str = "parametres";

/// Where the link of an address change lands (`shop_api`'s
/// `CHANGE_EMAIL_PATH`), its token in the fragment.
pub const CHANGE_EMAIL: &str = shop_api::account::CHANGE_EMAIL_PATH;
/// `CHANGE_EMAIL`'s last segment, for the route table.
pub const CHANGE_EMAIL_SEGMENT: &str = "nouvelle-adresse";

/// Query parameter naming the page to return to after signing in
/// (`/compte?retour=/commande`).
pub const RETURN_PARAM: &str = "retour";

/// Target of the "skip to content" link and of focus after navigation.
pub const MAIN_ID: &str = "contenu";

/// The current page's `<h1>`, focused after a client-side navigation.
pub const HEADING_ID: &str = "titre-page";

/// `/creer/{product id}` starts a project; `/projets/{project id}` edits one.
pub const CREATE: &str = "/creer";
pub const PROJECT: &str = "/projets";

/// `/commandes/{order id}`: one order, its status and payment.
pub const ORDER: &str = "/commandes";

/// The checkout's current step heading, focused on each step change.
pub const STEP_HEADING_ID: &str = "etape-titre";

/// The checkout's "J'accepte les CGV" box, focused when paying without it.
pub const TERMS_BOX_ID: &str = "cgv-acceptees";
/// The checkout's consent to keep the card at the PSP for the order.
pub const KEEP_CARD_BOX_ID: &str = "conserver-carte";

/// The help centre's contact form (answers live at `/aide/{topic}/{answer}`).
pub const HELP_CONTACT: &str = "/aide/contact";
/// `HELP_CONTACT`'s last segment, for the route table.
pub const CONTACT_SEGMENT: &str = "contact";

/// The legal pages, linked from the footer.
pub const LEGAL_NOTICE: &str = "/mentions-legales";
/// Conditions générales de vente, also accepted at checkout.
pub const TERMS: &str = "/cgv";
pub const PRIVACY: &str = "/confidentialite";
pub const COOKIES: &str = "/cookies";
pub const ACCESSIBILITY: &str = "/accessibilite";

/// An answer's own address.
pub fn help_answer(topic: &str, answer: &str) -> String {
    format!("{HELP}/{topic}/{answer}")
}

/// The contact form with its topic chosen (`/aide/contact?theme=claim`).
pub fn help_contact(topic: shop_api::support::SupportTopic) -> String {
    format!("{HELP_CONTACT}?{CONTACT_TOPIC_PARAM}={}", topic.as_str())
}

/// The query parameter that preselects the contact form's topic.
pub const CONTACT_TOPIC_PARAM: &str = "theme";
