//! Every sentence the storefront shows, in French (first) and English.
//! Strings are plain `&'static str` tables checked by the compiler: a missing
//! translation is a build error, and no locale file is parsed at start-up.

mod en;
mod fr;

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

    /// The other language, offered by the switch in the footer.
    pub fn other(self) -> Self {
        match self {
            Locale::Fr => Locale::En,
            Locale::En => Locale::Fr,
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
    pub account: AccountText,
    pub orders: OrdersText,
    pub help: HelpText,
    pub payment_methods: PaymentMethodsText,
    pub not_found: NotFoundText,
}

pub struct HomeText {
    pub title: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub products_heading: &'static str,
    pub products: [&'static str; 4],
    pub payment_note: &'static str,
    pub payment_link: &'static str,
}

pub struct CartText {
    pub title: &'static str,
    pub empty: &'static str,
    pub browse: &'static str,
}

pub struct AccountText {
    pub title: &'static str,
    pub intro: &'static str,
    pub sign_out_warning: &'static str,
    pub coming_soon: &'static str,
}

pub struct OrdersText {
    pub title: &'static str,
    pub intro: &'static str,
    pub account_link: &'static str,
}

pub struct HelpText {
    pub title: &'static str,
    pub intro: &'static str,
    pub payment_heading: &'static str,
    pub payment_body: &'static str,
    pub payment_link: &'static str,
    pub account_heading: &'static str,
    pub account_body: &'static str,
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
