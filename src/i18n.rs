//! Every sentence the storefront shows, in French (first) and English.
//! Strings are plain `&'static str` tables checked by the compiler: a missing
//! translation is a build error, and no locale file is parsed at start-up.

mod account_settings;
mod content;
mod en;
mod fr;

pub use account_settings::*;
pub use content::*;

/// A language the storefront speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Fr,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::Fr => &fr::STRINGS,
            Locale::En => &en::STRINGS,
        }
    }

    /// BCP 47 tag, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The same language as the shop API names it (the one the shop
    /// writes to the shopper in).
    pub fn language(self) -> shop_api::Language {
        match self {
            Locale::Fr => shop_api::Language::Fr,
            Locale::En => shop_api::Language::En,
        }
    }

    /// The other language, offered by the switch in the footer.
    pub fn other(self) -> Self {
        match self {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
        }
    }
}

/// A text the server sends in both languages (`shop_api`'s `Localized`:
/// product names, delivery options), in the shopper's.
pub trait InLocale {
    fn get(&self, locale: Locale) -> &str;
}

impl InLocale for shop_api::catalogue::Localized {
    fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

pub struct Strings {
    /// The language's own name, written in that language.
    pub language_name: &'static str,
    /// Appended to every page title.
    pub shop_name: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav_label: &'static str,
    pub nav_orders: &'static str,
    pub nav_help: &'static str,
    pub nav_account: &'static str,
    pub nav_cart: &'static str,
    pub cart_link_label: fn(u32) -> String,
    pub footer_nav_label: &'static str,
    pub footer_payment_methods: &'static str,
    pub switch_language_label: &'static str,
    pub home: HomeText,
    pub cart: CartText,
    pub project: ProjectText,
    pub account: AccountText,
    pub verification: VerificationText,
    pub password_reset: PasswordResetText,
    pub account_settings: AccountSettingsTexts,
    pub orders: OrdersText,
    pub checkout: CheckoutText,
    pub order: OrderText,
    pub help: HelpText,
    pub contact: ContactText,
    pub legal: LegalTexts,
    pub payment_methods: PaymentMethodsText,
    pub not_found: NotFoundText,
    pub page_load: PageLoadText,
}

/// While a page's code arrives, and when it could not.
pub struct PageLoadText {
    pub loading: &'static str,
    pub failed: &'static str,
    /// The same two for the payment panel, whose code arrives when the
    /// checkout reaches its payment step.
    pub payment_loading: &'static str,
    pub payment_failed: &'static str,
    pub retry: &'static str,
}

pub struct HomeText {
    pub title: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub products_heading: &'static str,
    pub from_price: &'static str,
    pub loading: &'static str,
    pub catalogue_unavailable: &'static str,
    pub retry: &'static str,
    pub payment_note: &'static str,
    pub payment_link: &'static str,
    /// Starts a project from a product card.
    pub create: &'static str,
}

pub struct CartText {
    pub title: &'static str,
    pub empty: &'static str,
    pub browse: &'static str,
    pub lines_label: &'static str,
    pub units_per_copy: fn(u32) -> String,
    /// A book's pages, in a line's description.
    pub pages: fn(u32) -> String,
    pub copies_label: &'static str,
    pub fewer_copies: fn(&str) -> String,
    pub more_copies: fn(&str) -> String,
    pub remove: &'static str,
    pub remove_line: fn(&str) -> String,
    pub delivery_legend: &'static str,
    pub delivery_days: fn(u32, u32) -> String,
    pub free_above_threshold: &'static str,
    pub totals_heading: &'static str,
    pub totals_loading: &'static str,
    pub totals_unavailable: &'static str,
    pub subtotal: &'static str,
    pub delivery: &'static str,
    pub delivery_to_choose: &'static str,
    pub delivery_free: &'static str,
    pub vat_included: &'static str,
    pub total: &'static str,
    /// (missing amount, threshold)
    pub free_delivery_missing: fn(&str, &str) -> String,
    pub free_delivery_reached: fn(&str) -> String,
    pub sync_unreachable: &'static str,
    pub sync_refused: &'static str,
    /// Goes to the checkout (through sign-in for guests).
    pub checkout: &'static str,
    pub checkout_sign_in: &'static str,
}

/// The creation tool.
pub struct ProjectText {
    pub new_title: &'static str,
    pub editor_title: &'static str,
    pub loading: &'static str,
    pub downloading: fn(usize, usize) -> String,
    pub not_found: &'static str,
    pub load_failed: &'static str,
    pub storage_unavailable: &'static str,
    pub unknown_product: &'static str,
    pub storage_failed: &'static str,
    pub saved_status: &'static str,
    pub unsaved_status: &'static str,
    pub options_legend: &'static str,
    pub name_label: &'static str,
    pub format_label: &'static str,
    pub pages_label: &'static str,
    pub cover_label: &'static str,
    pub prints_rule: &'static str,
    pub photos_heading: &'static str,
    pub photo_count: fn(usize) -> String,
    pub add_photos: &'static str,
    pub add_photos_hint: &'static str,
    pub adding_photos: fn(usize, usize) -> String,
    pub refused_heading: &'static str,
    pub refusal_unsupported: &'static str,
    pub refusal_too_large: &'static str,
    pub refusal_unreadable: &'static str,
    pub refusal_storage: &'static str,
    pub refusal_too_many: &'static str,
    pub refusal_server_invalid: &'static str,
    pub photo_label: fn(usize) -> String,
    pub move_earlier: fn(usize) -> String,
    pub move_later: fn(usize) -> String,
    pub remove_photo: fn(usize) -> String,
    pub summary_heading: &'static str,
    pub ready: &'static str,
    pub rule_no_photos: &'static str,
    /// (pages, photos)
    pub rule_pages: fn(u32, u32) -> String,
    /// (prints, photos)
    pub rule_prints: fn(u32, u32) -> String,
    /// (needed, photos)
    pub rule_exact: fn(u32, u32) -> String,
    pub rule_too_many: fn(u32) -> String,
    pub price_label: &'static str,
    pub price_loading: &'static str,
    pub price_unavailable: &'static str,
    pub add_to_cart: &'static str,
    pub in_cart: &'static str,
    pub view_cart: &'static str,
    /// (the most projects a cart holds)
    pub cart_full: fn(usize) -> String,
    /// Straight to the checkout from the project just added.
    pub order_now: &'static str,
    pub save_button: &'static str,
    pub saving: &'static str,
    pub sign_in_to_save: &'static str,
    pub saved_notice: &'static str,
    pub save_interrupted: &'static str,
    pub save_signed_out: &'static str,
    pub save_failed: &'static str,
    pub upload_label: &'static str,
    /// (photo being sent, photos to send)
    pub upload_status: fn(usize, usize) -> String,
}

pub struct AccountText {
    pub title: &'static str,
    pub intro: &'static str,
    pub sign_out_warning: &'static str,
    pub sign_in_heading: &'static str,
    pub create_heading: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub new_password_hint: &'static str,
    pub show_password: &'static str,
    pub hide_password: &'static str,
    pub sign_in_button: &'static str,
    pub create_button: &'static str,
    pub pending: &'static str,
    pub signed_in_as: &'static str,
    pub sign_out_button: &'static str,
    pub confirm_heading: &'static str,
    pub confirm_intro: &'static str,
    pub unsaved_projects_label: &'static str,
    pub no_unsaved_projects: &'static str,
    pub cart_label: &'static str,
    /// Lines in the cart.
    pub cart_lines: fn(u32) -> String,
    pub saved_projects_heading: &'static str,
    pub projects_loading: &'static str,
    pub no_saved_projects: &'static str,
    pub projects_unavailable: &'static str,
    pub photo_count: fn(u32) -> String,
    pub unsaved_projects_heading: &'static str,
    pub unsaved_projects_intro: &'static str,
    pub confirm_button: &'static str,
    pub cancel_button: &'static str,
    pub session_expired: &'static str,
    pub signed_in_nav_label: &'static str,
    /// The next page of the saved projects.
    pub more_projects: &'static str,
    pub more_failed: &'static str,
    pub photo_quota_reached: &'static str,
    pub project_quota_reached: &'static str,
    /// The link to the saved projects, from a save refused for the quota.
    pub manage_projects: &'static str,
    pub delete_project_button: &'static str,
    /// (project name): the button's accessible name.
    pub delete_project_label: fn(&str) -> String,
    /// (project name).
    pub delete_project_confirm: fn(&str) -> String,
    pub delete_project_confirm_button: &'static str,
    pub delete_project_failed: &'static str,
    /// The sign-in form's link to asking for a reset link.
    pub forgot_password_link: &'static str,
    /// (address) After a sign-up the server answered without a session:
    /// the address may already have an account, and the shop wrote to it.
    pub sign_up_written: fn(&str) -> String,
    pub errors: AccountErrors,
}

/// Confirming the e-mail address: the account page's reminder and the
/// page the e-mailed link opens.
pub struct VerificationText {
    /// (address)
    pub reminder: fn(&str) -> String,
    pub resend_button: &'static str,
    pub resend_pending: &'static str,
    pub sent: &'static str,
    /// Asked too often: in how many seconds the shopper may ask again.
    pub too_soon: fn(u64) -> String,
    pub resend_failed: &'static str,
    pub title: &'static str,
    pub confirming: &'static str,
    pub confirmed: &'static str,
    pub to_account: &'static str,
    pub to_home: &'static str,
    /// The link is unknown, used or older than 24 hours (or has no token).
    pub invalid_link: &'static str,
    /// The way to a new link, for a shopper signed out, then signed in.
    pub new_link_signed_out: &'static str,
    pub new_link_signed_in: &'static str,
    pub sign_in: &'static str,
    pub failed: &'static str,
    pub retry: &'static str,
}

/// A forgotten password: asking for the link, then choosing a new one on
/// the page it opens.
pub struct PasswordResetText {
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub send_button: &'static str,
    /// (address) The same words whether the address has an account or not.
    pub sent: fn(&str) -> String,
    /// Asked too often: in how many seconds the shopper may ask again.
    pub too_soon: fn(u64) -> String,
    pub back_to_sign_in: &'static str,
    pub reset_title: &'static str,
    pub reset_intro: &'static str,
    pub new_password_label: &'static str,
    pub save_button: &'static str,
    pub done: &'static str,
    pub to_account: &'static str,
    /// The link is unknown, used or older than an hour (or has no token).
    pub invalid_link: &'static str,
    /// Before the link to ask for a new one.
    pub ask_again: &'static str,
}

/// Why an account form was refused, next to the field concerned.
pub struct AccountErrors {
    pub email_required: &'static str,
    pub email_invalid: &'static str,
    pub password_required: &'static str,
    pub password_too_short: &'static str,
    pub password_too_long: &'static str,
    pub password_too_weak: &'static str,
    pub email_taken: &'static str,
    pub invalid_credentials: &'static str,
    pub too_many_attempts: fn(u64) -> String,
    /// The server has too many sign-ins at once: nothing is wrong with
    /// what the shopper typed.
    pub busy: fn(u64) -> String,
    pub network: &'static str,
    pub unexpected: &'static str,
    pub sign_out_failed: &'static str,
}

pub struct OrdersText {
    pub title: &'static str,
    pub intro: &'static str,
    pub account_link: &'static str,
    pub list_label: &'static str,
    pub loading: &'static str,
    pub none_yet: &'static str,
    pub load_failed: &'static str,
    /// The next page of the list.
    pub more_orders: &'static str,
    pub more_failed: &'static str,
    /// Link text of one order, from its number and date.
    pub order_link: fn(&str, &str) -> String,
    pub total_label: &'static str,
    /// Following an order by number and e-mail (with or without an account).
    pub track_heading: &'static str,
    pub track_intro: &'static str,
    pub track_number_label: &'static str,
    pub track_number_hint: &'static str,
    pub track_email_label: &'static str,
    pub track_button: &'static str,
    pub track_pending: &'static str,
    pub track_missing: &'static str,
    pub track_not_found: &'static str,
    /// Too many misses: how long to wait, from seconds.
    pub track_throttled: fn(u64) -> String,
    pub track_failed: &'static str,
    /// Heading of the order found, from its number.
    pub track_result_heading: fn(&str) -> String,
    /// Announced when the order is found, from its number and status.
    pub track_found: fn(&str, &str) -> String,
    pub track_lines_heading: &'static str,
}

/// `/commande`: address, delivery, review and card payment.
pub struct CheckoutText {
    pub title: &'static str,
    pub steps_label: &'static str,
    pub step_identify: &'static str,
    /// The address and the delivery option, in one step.
    pub step_delivery: &'static str,
    pub step_review: &'static str,
    pub step_payment: &'static str,
    /// (step, steps), read before the step's name.
    pub step_of: fn(usize, usize) -> String,
    pub loading: &'static str,
    pub empty_cart: &'static str,
    pub back_to_cart: &'static str,
    /// Above the sign-in and create-account forms of the first step.
    pub identify_intro: &'static str,
    pub saving: SavingText,
    pub address_legend: &'static str,
    pub name_label: &'static str,
    pub street_label: &'static str,
    pub postcode_label: &'static str,
    pub city_label: &'static str,
    pub country_label: &'static str,
    pub country_fr: &'static str,
    pub country_mc: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub address_errors: AddressErrors,
    pub address_load_failed: &'static str,
    pub address_save_failed: &'static str,
    pub continue_button: &'static str,
    pub back_button: &'static str,
    pub pending: &'static str,
    pub delivery_required: &'static str,
    pub catalogue_failed: &'static str,
    pub lines_heading: &'static str,
    /// Copies of one line.
    pub copies: fn(u32) -> String,
    pub address_heading: &'static str,
    pub delivery_heading: &'static str,
    pub totals_heading: &'static str,
    pub change: &'static str,
    pub payment_legend: &'static str,
    pub card_option: &'static str,
    pub card_brands_label: &'static str,
    pub card_brands: &'static [&'static str],
    pub debit_sentence: &'static str,
    /// The unticked consent to keep the card at the PSP for this order.
    pub keep_card_label: &'static str,
    pub keep_card_hint: &'static str,
    pub pay_button: &'static str,
    pub terms_label: &'static str,
    /// Opens the CGV in a new tab.
    pub terms_link: &'static str,
    pub terms_required: &'static str,
    pub creating: &'static str,
    pub payment_intro: &'static str,
    pub card_frame_title: &'static str,
    pub checking_payment: &'static str,
    pub payment_unavailable: &'static str,
    pub retry: &'static str,
    /// Too many cards refused (card testing): from when (a clock time from
    /// `clock_time`) the shopper may pay again.
    pub payment_blocked: fn(&str) -> String,
    /// What stays while they wait, and where to ask for help.
    pub payment_blocked_kept: &'static str,
    pub payment_blocked_help: &'static str,
    /// A time of day as the language writes it, from hours and minutes.
    pub clock_time: fn(u32, u32) -> String,
    pub errors: CheckoutErrors,
    pub declines: DeclineText,
    pub wallets: WalletText,
}

/// The cart's unsaved projects, put in the account on entering the
/// checkout.
pub struct SavingText {
    /// Before the photos to send are known.
    pub preparing: &'static str,
    pub heading: &'static str,
    pub why: &'static str,
    /// (project, file, reason).
    pub photo_refused: fn(&str, &str, &str) -> String,
    pub photo_too_large: &'static str,
    pub too_many_photos: &'static str,
    pub photo_unreadable: &'static str,
    /// (project): it no longer meets its product's rules.
    pub incomplete: fn(&str) -> String,
    pub open_project: &'static str,
    pub interrupted: &'static str,
    pub failed: &'static str,
    /// On the pay button while the projects are being saved.
    pub waiting: &'static str,
}

/// Apple Pay and Google Pay in the payment step.
pub struct WalletText {
    /// The group of wallet buttons, for assistive technology.
    pub label: &'static str,
    pub apple_pay_button: &'static str,
    pub google_pay_button: &'static str,
    /// Unlike a card: debited while the order is processed.
    pub debit_sentence: &'static str,
    pub or_card: &'static str,
    pub processing: &'static str,
    pub cancelled: &'static str,
    pub failed: &'static str,
    /// The server's answer to the token did not arrive: the poll will say.
    pub unconfirmed: &'static str,
}

/// Next to the address field concerned.
pub struct AddressErrors {
    pub name: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub phone: &'static str,
}

/// Why an order could not be made, in plain words.
pub struct CheckoutErrors {
    pub cart_empty: &'static str,
    pub invalid_address: &'static str,
    pub unknown_delivery: &'static str,
    pub project_not_ready: &'static str,
    pub terms_not_accepted: &'static str,
    pub signed_out: &'static str,
    pub network: &'static str,
    pub unexpected: &'static str,
}

/// Why the card was refused (`PaymentDecline`), with a way forward.
pub struct DeclineText {
    pub declined: &'static str,
    pub insufficient_funds: &'static str,
    pub expired_card: &'static str,
    pub authentication_failed: &'static str,
    pub invalid_card: &'static str,
    pub other: &'static str,
}

/// `/commandes/{id}`: one order.
pub struct OrderText {
    pub title: &'static str,
    pub confirmed_heading: &'static str,
    pub confirmed_sentence: &'static str,
    /// A wallet order: debited already, unlike a card's.
    pub confirmed_sentence_wallet: &'static str,
    pub loading: &'static str,
    pub not_found: &'static str,
    pub load_failed: &'static str,
    pub placed_on: fn(&str) -> String,
    pub status_label: &'static str,
    /// Before the amount given back (a refund, partial or whole).
    pub refunded_label: &'static str,
    /// Where the order stands (`shop_api::order::Headline`), one each.
    pub headline_awaiting_payment: &'static str,
    pub headline_payment_refused: &'static str,
    pub headline_confirmed_debit_at_shipment: &'static str,
    pub headline_confirmed_debited: &'static str,
    pub headline_in_production: &'static str,
    pub headline_shipped: &'static str,
    pub headline_delivered: &'static str,
    /// Shipped or delivered, all the money given back.
    pub headline_refunded: &'static str,
    pub headline_cancelled_nothing_debited: &'static str,
    pub headline_cancelled_refunded: &'static str,
    pub headline_pay_again: &'static str,
    /// The order's money: how it is paid, what is held or was debited.
    pub payment_heading: &'static str,
    pub payment_method_label: &'static str,
    /// A card, from its brand's name and last four digits when known
    /// ("Carte Visa •••• 4242").
    pub card: fn(Option<&str>, Option<&str>) -> String,
    pub authorized_label: &'static str,
    /// An authorized card, not debited yet.
    pub debit_at_shipment: &'static str,
    pub debited_label: &'static str,
    /// When a card was debited, from the date in words.
    pub card_debited_on: fn(&str) -> String,
    /// When a wallet's account was debited, from the date in words.
    pub wallet_debited_on: fn(&str) -> String,
    pub nothing_debited: &'static str,
    pub pay_button: &'static str,
    pub pay_again_button: &'static str,
    pub renew_failed: &'static str,
    pub cancel_button: &'static str,
    pub cancel_heading: &'static str,
    pub cancel_body: &'static str,
    pub cancel_confirm: &'static str,
    pub cancel_keep: &'static str,
    pub cancel_failed: &'static str,
    pub cancel_too_late: &'static str,
    pub all_orders: &'static str,
    /// The order's number, shown under the heading.
    pub number_label: &'static str,
    /// The tab's title, from the heading and the number.
    pub title_with_number: fn(&str, &str) -> String,
    pub timeline_heading: &'static str,
    pub step_ordered: &'static str,
    pub step_payment_authorized: &'static str,
    pub step_in_production: &'static str,
    pub step_shipped: &'static str,
    pub step_delivered: &'static str,
    pub step_cancelled: &'static str,
    pub step_other: &'static str,
    /// From the date in words.
    pub estimated_delivery: fn(&str) -> String,
    pub parcel_heading: &'static str,
    pub carrier_label: &'static str,
    pub tracking_number_label: &'static str,
    /// The carrier's tracking page link, from the carrier's name.
    pub tracking_link: fn(&str) -> String,
    /// Why the cancel button is gone once production started.
    pub cancel_production_started: &'static str,
    pub help_link: &'static str,
    /// Month names for dates in words ("1 décembre 2026").
    pub months: [&'static str; 12],
}

pub struct PaymentMethodsText {
    pub title: &'static str,
    pub intro: &'static str,
    pub methods: [PaymentMethodText; 4],
    pub debit_label: &'static str,
    pub asked_label: &'static str,
}

/// One method of the "Nos modes de paiement" page.
pub struct PaymentMethodText {
    pub id: &'static str,
    pub heading: &'static str,
    pub brands: &'static [&'static str],
    pub how: &'static str,
    /// What the shopper is asked for (empty for wallets).
    pub asked: &'static [&'static str],
    pub privacy: &'static str,
    pub debit: &'static str,
}

pub struct NotFoundText {
    pub title: &'static str,
    pub body: &'static str,
    pub home_link: &'static str,
}
