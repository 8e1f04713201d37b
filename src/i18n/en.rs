//! English, the shop's second language.

use super::*;

mod account_settings;
mod help;
mod legal;

fn cart_link_label(count: u32) -> String {
    match count {
        0 => "Cart, empty".to_owned(),
        1 => "Cart, 1 item".to_owned(),
        n => format!("Cart, {n} items"),
    }
}

const CARD_PRIVACY: &str = "Your card details are used only to process the order: the photo service never stores them; they stay with our certified payment provider.";
const CARD_DEBIT: &str = "Your account is debited only when your products ship.";
const CARD_HOW: &str = "You pay in the secure form of our certified payment service provider, shown in the checkout page.";

fn cart_lines(count: u32) -> String {
    match count {
        1 => "1 product".to_owned(),
        n => format!("{n} products"),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

fn too_many_attempts(seconds: u64) -> String {
    match seconds {
        0..=1 => "Too many attempts. Try again in a second.".to_owned(),
        2..=119 => format!("Too many attempts. Try again in {seconds} seconds."),
        _ => format!(
            "Too many attempts. Try again in {} minutes.",
            seconds.div_ceil(60)
        ),
    }
}

fn busy(seconds: u64) -> String {
    format!(
        "The service is very busy right now. Try again in {} seconds: \
         nothing you typed is lost.",
        seconds.max(2)
    )
}

/// When the shopper may ask again, after "in".
fn delay(seconds: u64) -> String {
    match seconds {
        0..=1 => "a second".to_owned(),
        2..=119 => format!("{seconds} seconds"),
        _ => format!("{} minutes", seconds.div_ceil(60)),
    }
}

pub static STRINGS: Strings = Strings {
    language_name: "English",
    shop_name: "Service Photo",
    skip_to_content: "Skip to content",
    main_nav_label: "Main navigation",
    nav_orders: "Order tracking",
    nav_help: "Help and customer service",
    nav_account: "Account",
    nav_cart: "Cart",
    cart_link_label,
    footer_nav_label: "Information",
    footer_payment_methods: "Our payment methods",
    switch_language_label: "Show the site in French",
    home: HomeText {
        title: "Home",
        heading: "Your photos, printed with care",
        intro: "Prints, photo books, calendars and posters: create your photo products, keep them in your account and follow your order to your door.",
        products_heading: "Our photo products",
        from_price: "from",
        loading: "Loading the catalogue…",
        catalogue_unavailable: "The catalogue could not be loaded. Check your internet connection.",
        retry: "Try again",
        payment_note: "Bank card, Apple Pay or Google Pay: pay the way you like, securely.",
        payment_link: "See our payment methods",
        create: "Create",
    },
    cart: CartText {
        title: "Cart",
        empty: "Your cart is empty.",
        browse: "Discover our photo products",
        lines_label: "Products in the cart",
        units_per_copy: |n| format!("{n} prints per copy"),
        pages: |pages| format!("{pages} pages"),
        copies_label: "Copies",
        fewer_copies: |name| format!("One copy fewer: {name}"),
        more_copies: |name| format!("One more copy: {name}"),
        remove: "Remove",
        remove_line: |name| format!("Remove from the cart: {name}"),
        delivery_legend: "Delivery",
        delivery_days: |min, max| format!("{min} to {max} working days"),
        free_above_threshold: "free from the threshold",
        totals_heading: "Summary",
        totals_loading: "Working out the amounts…",
        totals_unavailable: "The amounts could not be worked out. Check your internet connection.",
        subtotal: "Subtotal",
        delivery: "Delivery",
        delivery_to_choose: "to choose",
        delivery_free: "free",
        vat_included: "Including VAT (20%)",
        total: "Total incl. VAT",
        free_delivery_missing: |missing, threshold| {
            format!(
                "{missing} more for free delivery: standard and pick-up point are free from {threshold} of products."
            )
        },
        free_delivery_reached: |threshold| {
            format!("Free standard and pick-up point delivery: your products reach {threshold}.")
        },
        sync_unreachable: "Your cart could not be saved to your account: check your connection. It stays shown here.",
        sync_refused: "Your account refused the last change to the cart. Reload the page to see the saved cart.",
        checkout: "Check out",
        checkout_sign_in: "An account is needed to order: you can sign in or create one at the next step.",
    },
    project: ProjectText {
        new_title: "New project",
        editor_title: "Your project",
        loading: "Loading the project…",
        downloading: |done, total| {
            format!("Fetching the photos from your account: {done} of {total}…")
        },
        not_found: "This project is neither in this browser nor in your account.",
        load_failed: "The project could not be loaded. Check your internet connection.",
        storage_unavailable: "This browser cannot keep projects (private browsing or storage turned off).",
        unknown_product: "This product is not in our catalogue.",
        storage_failed: "This browser could not keep your last change. Save the project to your account to lose nothing.",
        saved_status: "Saved to your account.",
        unsaved_status: "Not saved: this project exists only in this browser.",
        options_legend: "Options",
        name_label: "Project name",
        format_label: "Size",
        pages_label: "Number of pages",
        cover_label: "Cover",
        prints_rule: "One print per photo: add a photo for each print you want.",
        photos_heading: "Photos",
        photo_count: |n| format!("({})", plural(n, "photo", "photos")),
        add_photos: "Add photos",
        add_photos_hint: "JPEG, PNG or WebP, 25 MB at most per photo. On a computer you can also drop your photos here.",
        adding_photos: |done, total| format!("Adding photos: {done} of {total}…"),
        refused_heading: "These files were not added; the rest of the project is kept:",
        refusal_unsupported: "it is not a JPEG, PNG or WebP photo.",
        refusal_too_large: "the photo is larger than 25 MB.",
        refusal_unreadable: "the file cannot be read as an image.",
        refusal_storage: "this browser could not keep it (storage full?).",
        refusal_too_many: "a project holds 200 photos at most.",
        refusal_server_invalid: "our server refused it: its content is not a valid JPEG, PNG or WebP image.",
        photo_label: |n| format!("Photo {n}"),
        move_earlier: |n| format!("Move photo {n} towards the start"),
        move_later: |n| format!("Move photo {n} towards the end"),
        remove_photo: |n| format!("Remove photo {n}"),
        summary_heading: "Your order",
        ready: "Your project is ready to order.",
        rule_no_photos: "Add at least one photo.",
        rule_pages: |pages, photos| {
            format!(
                "A {pages}-page book needs at least {pages} photos, one per page: {} missing.",
                pages.saturating_sub(photos)
            )
        },
        rule_prints: |prints, photos| {
            format!("One print per photo: {prints} prints for {photos} photos.")
        },
        rule_exact: |needed, photos| {
            if photos < needed {
                format!(
                    "This product takes exactly {needed} photos: {} missing.",
                    needed - photos
                )
            } else {
                format!(
                    "This product takes exactly {}: remove {}.",
                    if needed == 1 {
                        "1 photo".to_owned()
                    } else {
                        format!("{needed} photos")
                    },
                    photos - needed
                )
            }
        },
        rule_too_many: |max| format!("A project holds {max} photos at most."),
        price_label: "Price:",
        price_loading: "working out…",
        price_unavailable: "unavailable for now",
        add_to_cart: "Add to cart",
        in_cart: "This project is in your cart.",
        view_cart: "View the cart",
        cart_full: |max| {
            format!(
                "Your cart already holds {max} projects, the most one order takes. Order them first, or remove a project from the cart."
            )
        },
        order_now: "Order",
        save_button: "Save",
        saving: "Saving…",
        sign_in_to_save: "Sign in to save this project to your account",
        saved_notice: "Project saved to your account: find it on the Account page, from any browser.",
        save_interrupted: "Saving was interrupted. Your photos stay in this browser: click Save again to send the missing ones.",
        save_signed_out: "Your session ended. Sign in again, then save again: the project is kept in this browser.",
        save_failed: "The project could not be saved. It stays in this browser; try again in a moment.",
        upload_label: "Sending photos",
        upload_status: |photo, photos| format!("Sending photo {photo} of {photos}"),
    },
    account: AccountText {
        title: "Account",
        intro: "Sign in with your e-mail address and your personal password, or create a new account.",
        sign_out_warning: "When you sign out, every unsaved project and your cart are deleted, for security.",
        sign_in_heading: "Sign in",
        create_heading: "Create an account",
        email_label: "E-mail address",
        password_label: "Password",
        new_password_hint: "At least 12 characters. A passphrase, with spaces and accents, is ideal; common passwords are refused.",
        show_password: "Show password",
        hide_password: "Hide password",
        sign_in_button: "Sign in",
        create_button: "Create my account",
        pending: "One moment…",
        signed_in_as: "You are signed in as",
        sign_out_button: "Sign out",
        confirm_heading: "Sign out?",
        confirm_intro: "For your security, signing out deletes from this browser:",
        unsaved_projects_label: "Unsaved projects",
        no_unsaved_projects: "none",
        cart_label: "Cart",
        cart_lines,
        saved_projects_heading: "Your saved projects",
        projects_loading: "Loading your projects…",
        no_saved_projects: "No saved project yet.",
        projects_unavailable: "Your projects could not be loaded. Check your internet connection.",
        photo_count: |n| plural(n as usize, "photo", "photos"),
        unsaved_projects_heading: "Unsaved projects",
        unsaved_projects_intro: "These projects exist only in this browser: save them to keep them.",
        confirm_button: "Sign out and delete everything",
        cancel_button: "Cancel",
        session_expired: "Your session has expired. Sign in again to carry on where you were.",
        more_projects: "Show more projects",
        more_failed: "The rest of the list could not be loaded. Check your internet connection and try again.",
        photo_quota_reached: "Your account's photo storage is full. Delete saved projects you no longer need, then save again: this project stays in this browser.",
        project_quota_reached: "Your account already keeps the most projects it may. Delete a saved project you no longer need, then save again: this project stays in this browser.",
        manage_projects: "Manage my saved projects",
        delete_project_button: "Delete",
        delete_project_label: |name| format!("Delete the project “{name}”"),
        delete_project_confirm: |name| {
            format!(
                "Delete “{name}” and its photos from your account? Orders already placed do not change."
            )
        },
        delete_project_confirm_button: "Yes, delete",
        delete_project_failed: "The project could not be deleted. Check your internet connection and try again.",
        signed_in_nav_label: "Account, signed in",
        forgot_password_link: "Forgot your password?",
        sign_up_written: |email| {
            format!(
                "We have written to {email}. If this address already has an account, sign in or choose “Forgot your password?”."
            )
        },
        errors: AccountErrors {
            email_required: "Enter your e-mail address.",
            email_invalid: "This e-mail address does not look valid (example: first.last@example.com).",
            password_required: "Enter your password.",
            password_too_short: "The password needs at least 12 characters.",
            password_too_long: "The password cannot be longer than 256 characters.",
            password_too_weak: "This password is too common or too easy to guess. Try a passphrase of several words.",
            email_taken: "An account already uses this address. Sign in instead.",
            invalid_credentials: "Wrong e-mail address or password.",
            too_many_attempts,
            busy,
            network: "The service does not answer. Check your internet connection and try again.",
            unexpected: "Something unexpected went wrong. Try again in a moment.",
            sign_out_failed: "Signing out did not go through. Check your connection and try again: nothing was deleted.",
        },
    },
    verification: VerificationText {
        reminder: |email| format!("Confirm your e-mail address: we sent a link to {email}."),
        resend_button: "Send the link again",
        resend_pending: "Sending the link…",
        sent: "Link sent.",
        too_soon: |seconds| {
            format!(
                "A link has just been sent. You can ask for another one in {}.",
                delay(seconds)
            )
        },
        resend_failed: "The link could not be sent. Check your internet connection and try again.",
        title: "E-mail address confirmation",
        confirming: "Confirming your e-mail address…",
        confirmed: "Your e-mail address is confirmed.",
        to_account: "Go to my account",
        to_home: "Back to the home page",
        invalid_link: "This link is no longer valid: it has already been used or is more than 24 hours old.",
        new_link_signed_out: "To get a new one, sign in, then choose “Send the link again” on the Account page.",
        new_link_signed_in: "To get a new one, choose “Send the link again” on the Account page.",
        sign_in: "Sign in",
        failed: "The confirmation did not go through: the service does not answer. Check your internet connection and try again.",
        retry: "Try again",
    },
    password_reset: PasswordResetText {
        forgot_title: "Forgotten password",
        forgot_intro: "Enter your account's e-mail address: we will send you a link to choose a new password.",
        send_button: "Get the link",
        sent: |email| {
            format!(
                "If an account exists for {email}, we have just sent it a link valid for one hour."
            )
        },
        too_soon: |seconds| {
            format!(
                "You have already asked for several links. Try again in {}.",
                delay(seconds)
            )
        },
        back_to_sign_in: "Back to sign-in",
        reset_title: "New password",
        reset_intro: "Choose your account's new password.",
        new_password_label: "New password",
        save_button: "Change my password",
        done: "Your password has been changed. Your other sessions are signed out.",
        to_account: "Go to my account",
        invalid_link: "This link is no longer valid: it has already been used or is more than an hour old.",
        ask_again: "To ask for a new one:",
    },
    account_settings: account_settings::ACCOUNT_SETTINGS,
    orders: OrdersText {
        title: "Order tracking",
        intro: "Follow every step of your orders here, from production to delivery. Your orders appear once you are signed in.",
        account_link: "Go to my account",
        list_label: "Your orders",
        loading: "Loading your orders…",
        none_yet: "You have not placed an order yet.",
        more_orders: "Show older orders",
        more_failed: "The rest of the list could not be loaded. Check your internet connection and try again.",
        load_failed: "Your orders could not be loaded. Check your internet connection.",
        order_link: |number, date| format!("Order {number} of {date}"),
        total_label: "Total:",
        track_heading: "Track an order",
        track_intro: "With or without an account: enter the order number and the e-mail address it was placed with.",
        track_number_label: "Order number",
        track_number_hint: "For example SP-7K3M-9Q2D, in the confirmation e-mail.",
        track_email_label: "E-mail address",
        track_button: "Track the order",
        track_pending: "Searching…",
        track_missing: "Enter the order number and the e-mail address.",
        track_not_found: "No order matches this number and this e-mail address.",
        track_throttled: |seconds| {
            let minutes = seconds.div_ceil(60).max(1);
            if minutes == 1 {
                "Too many attempts. Try again in a minute.".to_owned()
            } else {
                format!("Too many attempts. Try again in {minutes} minutes.")
            }
        },
        track_failed: "The search did not complete. Check your internet connection and try again.",
        track_result_heading: |number| format!("Order {number}"),
        track_found: |number, status| format!("Order {number} found: {status}."),
        track_lines_heading: "Products",
    },
    checkout: CheckoutText {
        title: "Checkout",
        steps_label: "Checkout steps",
        step_identify: "Sign in",
        step_delivery: "Delivery",
        step_review: "Summary",
        step_payment: "Payment",
        step_of: |step, steps| format!("Step {step} of {steps}:"),
        loading: "Loading…",
        empty_cart: "Your cart is empty: add a product before checking out.",
        back_to_cart: "Back to the cart",
        identify_intro: "Sign in or create your account to order: your cart and your projects come with you, nothing is lost.",
        saving: SavingText {
            preparing: "Preparing your projects…",
            heading: "Saving your projects to your account",
            why: "We send your photos while you carry on: they are needed to make your products.",
            photo_refused: |project, file, reason| {
                format!("Project “{project}”: the photo “{file}” was refused ({reason}).")
            },
            photo_too_large: "file too large",
            too_many_photos: "too many photos in the project",
            photo_unreadable: "unreadable image or format not accepted",
            incomplete: |project| {
                format!("The project “{project}” no longer has enough photos to be made.")
            },
            open_project: "Open the project to replace it",
            interrupted: "The connection was lost while your photos were being sent. What was sent is kept: sending resumes as soon as the connection is back.",
            failed: "Your projects could not be saved. Try again in a moment.",
            waiting: "Saving your projects…",
        },
        address_legend: "Where should we deliver your products?",
        name_label: "Full name",
        street_label: "Address",
        postcode_label: "Postcode",
        city_label: "City",
        country_label: "Country",
        country_fr: "France",
        country_mc: "Monaco",
        phone_label: "Phone",
        phone_hint: "For the carrier, if needed.",
        address_errors: AddressErrors {
            name: "Enter the recipient's full name (100 characters at most).",
            street: "Enter the address: number and street (100 characters at most).",
            postcode: "The postcode has 5 digits (example: 35000).",
            city: "Enter the city (100 characters at most).",
            country: "We deliver to France and Monaco.",
            phone: "Enter a 10-digit number (example: 06 12 34 56 78), or one starting with +33 or +377.",
        },
        address_load_failed: "Your saved address could not be loaded: you can type it here.",
        address_save_failed: "The address could not be saved. Check your internet connection and try again.",
        continue_button: "Continue",
        back_button: "Back",
        pending: "One moment…",
        delivery_required: "Choose a delivery option.",
        catalogue_failed: "The delivery options could not be loaded. Check your internet connection.",
        lines_heading: "Your products",
        copies: |n| {
            if n == 1 {
                "1 copy".to_owned()
            } else {
                format!("{n} copies")
            }
        },
        address_heading: "Delivered to",
        delivery_heading: "Delivery",
        totals_heading: "Order amount",
        change: "Change",
        payment_legend: "Payment method",
        card_option: "Bank card",
        card_brands_label: "Cards accepted",
        card_brands: &["Visa / CB", "American Express", "Mastercard / Maestro"],
        debit_sentence: "Your card will be debited only when your products ship.",
        keep_card_label: "Keep my card with our payment provider for this order",
        keep_card_hint: "If making your order takes more than 7 days, we renew the authorization without asking for your card again. You are still debited only once, at shipment. Without this, we will ask you to pay again if the authorization expires.",
        pay_button: "Pay by card",
        terms_label: "I accept the terms and conditions of sale",
        terms_link: "Read the terms and conditions (new tab)",
        terms_required: "Tick “I accept the terms and conditions of sale” to order.",
        creating: "Creating the order…",
        payment_intro: "Enter your card in the secure form of our payment provider: the photo service never sees its number.",
        card_frame_title: "Secure payment form of our provider",
        checking_payment: "Checking the payment…",
        payment_unavailable: "The payment form could not be loaded. Your order is kept: try again in a moment.",
        retry: "Try again",
        payment_blocked: |time| {
            format!("Too many refused payments. For your security, you can try again from {time}.")
        },
        payment_blocked_kept: "Your order and your cart are kept: nothing was debited.",
        payment_blocked_help: "A question? Write to us",
        clock_time: |hours, minutes| format!("{hours:02}:{minutes:02}"),
        errors: CheckoutErrors {
            cart_empty: "Your cart is empty: the order was not created.",
            invalid_address: "The delivery address is incomplete: correct it before paying.",
            unknown_delivery: "This delivery option is no longer offered: choose another one.",
            terms_not_accepted: "The terms and conditions of sale changed or were not accepted: tick the box to order.",
            project_not_ready: "A project in the cart is not complete in your account: open it from your cart to check its photos.",
            signed_out: "Your session ended. Sign in again to order: your cart is kept.",
            network: "The service does not answer. Check your internet connection and try again: you will not be charged twice.",
            unexpected: "Something unexpected went wrong. Try again in a moment.",
        },
        declines: DeclineText {
            declined: "Your bank refused the payment. Try another card or contact your bank.",
            insufficient_funds: "Your bank refused the payment: insufficient funds. Try another card.",
            expired_card: "This card has expired. Try another card.",
            authentication_failed: "3-D Secure authentication did not succeed. Try again or use another card.",
            invalid_card: "The card details are not valid. Check them or use another card.",
            other: "The payment did not go through. Try again or use another card.",
        },
        wallets: WalletText {
            label: "Pay with a digital wallet",
            apple_pay_button: "Pay with Apple Pay",
            google_pay_button: "Pay with Google Pay",
            debit_sentence: "With Apple Pay or Google Pay, your account is debited while the order is processed.",
            or_card: "Or pay by bank card:",
            processing: "Payment in progress…",
            cancelled: "Payment cancelled: you can pay by card or try again.",
            failed: "The payment could not start. Pay by card or try again.",
            unconfirmed: "The payment's confirmation did not arrive. We are checking your order: do not pay again before it shows.",
        },
    },
    order: OrderText {
        title: "Your order",
        confirmed_heading: "Order confirmed",
        confirmed_sentence: "Order confirmed — your card will be debited when it ships.",
        confirmed_sentence_wallet: "Order confirmed — your account has been debited.",
        loading: "Loading the order…",
        not_found: "This order does not exist in your account.",
        load_failed: "The order could not be loaded. Check your internet connection.",
        placed_on: |date| format!("Placed on {date}"),
        status_label: "Status:",
        refunded_label: "Refunded:",
        headline_awaiting_payment: "awaiting payment",
        headline_payment_refused: "payment refused: try another card",
        headline_confirmed_debit_at_shipment: "confirmed: your card will be debited when it ships",
        headline_confirmed_debited: "paid: debited",
        headline_in_production: "in production",
        headline_shipped: "shipped: card debited",
        headline_delivered: "delivered",
        headline_refunded: "shipped: refunded",
        headline_cancelled_nothing_debited: "cancelled: nothing debited",
        headline_cancelled_refunded: "cancelled: refunded",
        headline_pay_again: "authorization expired: please pay again",
        payment_heading: "Payment",
        payment_method_label: "Payment method:",
        card: |brand, last4| match (brand, last4) {
            (Some(brand), Some(last4)) => format!("{brand} card •••• {last4}"),
            (Some(brand), None) => format!("{brand} card"),
            (None, Some(last4)) => format!("Card •••• {last4}"),
            (None, None) => "Bank card".to_owned(),
        },
        authorized_label: "Amount authorized:",
        debit_at_shipment: "To be debited when your order ships",
        debited_label: "Amount debited:",
        card_debited_on: |date| format!("Debited on {date}"),
        wallet_debited_on: |date| format!("Debited on {date}"),
        nothing_debited: "Nothing debited",
        pay_button: "Pay by card",
        pay_again_button: "Pay again",
        renew_failed: "The payment could not be started again. Check your internet connection and try again.",
        cancel_button: "Cancel the order",
        cancel_heading: "Cancel this order?",
        cancel_body: "The order will not be made and your card will not be debited.",
        cancel_confirm: "Yes, cancel the order",
        cancel_keep: "No, keep the order",
        cancel_failed: "Cancelling did not go through. Check your internet connection and try again.",
        cancel_too_late: "This order has already shipped: it can no longer be cancelled.",
        all_orders: "All my orders",
        number_label: "Order number:",
        title_with_number: |heading, number| format!("{heading} {number}"),
        timeline_heading: "Order progress",
        step_ordered: "Order placed",
        step_payment_authorized: "Payment authorized",
        step_in_production: "Production started",
        step_shipped: "Shipped",
        step_delivered: "Delivered",
        step_cancelled: "Cancelled",
        step_other: "Other step",
        estimated_delivery: |date| format!("Estimated delivery on {date}"),
        parcel_heading: "Parcel",
        carrier_label: "Carrier:",
        tracking_number_label: "Tracking number:",
        tracking_link: |carrier| format!("Track the parcel on the {carrier} website"),
        cancel_production_started: "Production of your order has started: it can no longer be cancelled. Contact customer service if there is a problem.",
        help_link: "Help and customer service",
        months: [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    },
    help: help::HELP,
    contact: help::CONTACT,
    legal: legal::LEGAL,
    payment_methods: PaymentMethodsText {
        title: "Our payment methods",
        intro: "These are the payment methods accepted for every product of our creation tools, and when you are debited.",
        debit_label: "Debit:",
        asked_label: "What you are asked for:",
        methods: [
            PaymentMethodText {
                id: "visa-cb",
                heading: "Visa and Carte Bleue cards",
                brands: &["Visa", "Carte Bleue (CB)"],
                how: CARD_HOW,
                asked: &[
                    "your card number",
                    "its expiry date",
                    "the 3-digit security code on the back of the card",
                ],
                privacy: CARD_PRIVACY,
                debit: CARD_DEBIT,
            },
            PaymentMethodText {
                id: "amex",
                heading: "American Express card",
                brands: &["American Express"],
                how: CARD_HOW,
                asked: &[
                    "your card number (15 digits)",
                    "its expiry date",
                    "the 4-digit security code printed on the front of the card, above the number",
                ],
                privacy: CARD_PRIVACY,
                debit: CARD_DEBIT,
            },
            PaymentMethodText {
                id: "mastercard-maestro",
                heading: "Mastercard and Maestro cards",
                brands: &["Mastercard", "Maestro"],
                how: CARD_HOW,
                asked: &[
                    "your card number",
                    "its expiry date",
                    "the 3-digit security code on the back of the card",
                ],
                privacy: CARD_PRIVACY,
                debit: CARD_DEBIT,
            },
            PaymentMethodText {
                id: "wallets",
                heading: "Google Pay and Apple Pay",
                brands: &["Google Pay", "Apple Pay"],
                how: "You authenticate with your payment service (your phone's fingerprint, face or code), then pay for your order in one click, without typing a card.",
                asked: &[],
                privacy: "The photo service never receives your card number: your wallet sends a single-use payment token.",
                debit: "Your account is debited while the order is processed.",
            },
        ],
    },
    not_found: NotFoundText {
        title: "Page not found",
        body: "This page does not exist, or no longer does. Check the address, or start again from the home page.",
        home_link: "Back to the home page",
    },
    page_load: PageLoadText {
        loading: "Loading the page…",
        failed: "This page could not be loaded. Check your internet connection, then try again: your cart and projects are kept.",
        payment_loading: "Loading the payment…",
        payment_failed: "The payment could not be loaded. Check your internet connection, then try again: your order is kept and nothing was debited.",
        retry: "Try again",
    },
};
