//! The delivery step: the address, checked in the browser with the same
//! rules as the server (`Address::invalid_fields`), each refusal next to
//! its field, then saved to the account for next time; and the delivery
//! option, in the same form so that one "Continuer" does both.

use super::delivery::DeliveryOptions;
use crate::api::{self, ApiError};
use crate::dom::focus_by_id;
use crate::i18n::{AddressErrors, CheckoutText};
use crate::state::cart::use_cart;
use crate::state::locale::use_strings;
use leptos::prelude::*;
use shop_api::ErrorCode;
use shop_api::order::{Address, AddressField};

fn field_id(field: AddressField) -> &'static str {
    match field {
        AddressField::Name => "adresse-nom",
        AddressField::Street => "adresse-rue",
        AddressField::Postcode => "adresse-code-postal",
        AddressField::City => "adresse-ville",
        AddressField::Country => "adresse-pays",
        AddressField::Phone => "adresse-telephone",
    }
}

fn field_error(field: AddressField, errors: &AddressErrors) -> &'static str {
    match field {
        AddressField::Name => errors.name,
        AddressField::Street => errors.street,
        AddressField::Postcode => errors.postcode,
        AddressField::City => errors.city,
        AddressField::Country => errors.country,
        AddressField::Phone => errors.phone,
    }
}

/// A refusal of the whole form, translated when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormError {
    Invalid,
    SignedOut,
    Failed,
}

impl FormError {
    fn message(self, c: &CheckoutText) -> &'static str {
        match self {
            FormError::Invalid => c.errors.invalid_address,
            FormError::SignedOut => c.errors.signed_out,
            FormError::Failed => c.address_save_failed,
        }
    }
}

#[component]
pub fn AddressStep(
    address: RwSignal<Address>,
    /// The saved address could not be read: say so, the form stays usable.
    #[prop(into)]
    load_failed: Signal<bool>,
    on_done: Callback<()>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let initial = address.get_untracked();
    let name = RwSignal::new(initial.name);
    let street = RwSignal::new(initial.street);
    let postcode = RwSignal::new(initial.postcode);
    let city = RwSignal::new(initial.city);
    let country = RwSignal::new(initial.country);
    let phone = RwSignal::new(initial.phone);
    let invalid = RwSignal::new(Vec::<AddressField>::new());
    let form_error = RwSignal::new(None::<FormError>);
    // One save at a time; its answer arrives through the action.
    let save = Action::new_local(|entered: &Address| {
        let entered = entered.clone();
        async move {
            match api::address::save(&entered).await {
                Ok(saved) => Ok(saved),
                Err(ApiError::Refused {
                    code: ErrorCode::InvalidAddress,
                    ..
                }) => Err(FormError::Invalid),
                Err(ApiError::Refused { status: 401, .. }) => Err(FormError::SignedOut),
                Err(_) => Err(FormError::Failed),
            }
        }
    });
    let pending = save.pending();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            address.set(saved);
            on_done.run(());
        }
        Some(Err(error)) => form_error.set(Some(error)),
        None => {}
    });
    let cart = use_cart();
    let delivery_chosen =
        Signal::derive(move || cart.cart().with(|c| c.delivery_option_id.is_some()));
    let delivery_missing = RwSignal::new(false);
    Effect::new(move |_| {
        if delivery_chosen.get() {
            delivery_missing.set(false);
        }
    });

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let entered = Address {
            name: name.get_untracked().trim().to_owned(),
            street: street.get_untracked().trim().to_owned(),
            postcode: postcode.get_untracked().trim().to_owned(),
            city: city.get_untracked().trim().to_owned(),
            country: country.get_untracked(),
            phone: phone.get_untracked().trim().to_owned(),
        };
        let found = entered.invalid_fields();
        form_error.set(None);
        if let Some(first) = found.first() {
            focus_by_id(field_id(*first));
            invalid.set(found);
            return;
        }
        invalid.set(Vec::new());
        if !delivery_chosen.get_untracked() {
            delivery_missing.set(true);
            return;
        }
        save.dispatch_local(entered);
    };

    let error_of = move |field: AddressField| {
        Signal::derive(move || {
            invalid
                .with(|found| found.contains(&field))
                .then(|| field_error(field, &t.get().checkout.address_errors))
        })
    };
    view! {
        <form class="address-form" novalidate on:submit=submit>
            {move || load_failed.get().then(|| view! { <p class="notice" role="status">{move || c().address_load_failed}</p> })}
            {move || form_error.get().map(|error| view! { <p class="form-error" role="alert">{error.message(c())}</p> })}
            <fieldset class="address-fields">
                <legend>{move || c().address_legend}</legend>
                <AddressInput field=AddressField::Name label=Signal::derive(move || c().name_label) autocomplete="name" value=name error=error_of(AddressField::Name) />
                <AddressInput field=AddressField::Street label=Signal::derive(move || c().street_label) autocomplete="street-address" value=street error=error_of(AddressField::Street) />
                <div class="address-fields__row">
                    <AddressInput field=AddressField::Postcode label=Signal::derive(move || c().postcode_label) autocomplete="postal-code" inputmode="numeric" value=postcode error=error_of(AddressField::Postcode) />
                    <AddressInput field=AddressField::City label=Signal::derive(move || c().city_label) autocomplete="address-level2" value=city error=error_of(AddressField::City) />
                </div>
                <CountrySelect value=country error=error_of(AddressField::Country) />
                <AddressInput field=AddressField::Phone label=Signal::derive(move || c().phone_label) autocomplete="tel" input_type="tel" inputmode="tel" hint=Signal::derive(move || c().phone_hint) value=phone error=error_of(AddressField::Phone) />
            </fieldset>
            <DeliveryOptions missing=delivery_missing />
            <button type="submit" class="button-primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
                {move || if pending.get() { c().pending } else { c().continue_button }}
            </button>
        </form>
    }
}

#[component]
fn AddressInput(
    field: AddressField,
    #[prop(into)] label: Signal<&'static str>,
    autocomplete: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
) -> impl IntoView {
    let id = field_id(field);
    let error_id = format!("{id}-erreur");
    let hint_id = format!("{id}-aide");
    let has_hint = hint.is_some();
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{move || hint.get()}</p> })}
            <input
                id=id
                name=id
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                bind:value=value
            />
            {move || error.get().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}

#[component]
fn CountrySelect(
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let t = use_strings();
    let c = move || &t.get().checkout;
    let id = field_id(AddressField::Country);
    let error_id = format!("{id}-erreur");
    let described_by = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{move || c().country_label}</label>
            <select
                id=id
                name=id
                autocomplete="country"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described_by.clone())
                prop:value=move || value.get()
                on:change=move |event| value.set(event_target_value(&event))
            >
                <option value="FR" selected=move || value.get() == "FR">{move || c().country_fr}</option>
                <option value="MC" selected=move || value.get() == "MC">{move || c().country_mc}</option>
            </select>
            {move || error.get().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}
