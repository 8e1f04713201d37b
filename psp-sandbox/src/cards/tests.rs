use super::*;

const TODAY: YearMonth = YearMonth {
    year: 2026,
    month: 11,
};

fn brands(number: &str) -> Option<Vec<Brand>> {
    brand::brands_of(&CardNumber::parse(number).ok()?)
}

/// Makes a Luhn-valid number from a prefix and a length.
fn with_check_digit(prefix: &str, len: usize) -> String {
    let mut body = format!("{prefix:0<width$}", width = len - 1);
    for check in 0..10 {
        body.push(char::from(b'0' + check));
        if number::luhn_valid(&body) {
            return body;
        }
        body.pop();
    }
    unreachable!("one check digit always fits")
}

fn submission(number: &str) -> Submission<'_> {
    Submission {
        number,
        expiry: "12/30",
        security_code: "123",
        holder: "Camille Martin",
        brand: None,
    }
}

#[test]
fn numbers_keep_digits_spaces_and_dashes_only() {
    let number = CardNumber::parse("4242 4242-4242 4242").unwrap();
    assert_eq!(number.digits(), "4242424242424242");
    assert_eq!(number.last4(), "4242");
    assert_eq!(
        CardNumber::parse("4242.4242.4242.4242"),
        Err(CardError::InvalidNumber)
    );
    assert_eq!(CardNumber::parse(""), Err(CardError::InvalidNumber));
}

#[test]
fn luhn_failures_are_refused() {
    assert!(number::luhn_valid("4242424242424242"));
    assert!(!number::luhn_valid("4242424242424241"));
    assert_eq!(
        CardNumber::parse("4242 4242 4242 4243"),
        Err(CardError::InvalidNumber)
    );
    assert_eq!(
        CardNumber::parse("3782 822463 10006"),
        Err(CardError::InvalidNumber)
    );
}

#[test]
fn visa_has_13_16_or_19_digits() {
    for len in [13, 16, 19] {
        assert_eq!(brands(&with_check_digit("4", len)), Some(vec![Brand::Visa]));
    }
    assert_eq!(brands(&with_check_digit("4", 15)), None);
}

#[test]
fn mastercard_two_series_edges() {
    for prefix in ["2221", "2720", "51", "55"] {
        assert_eq!(
            brands(&with_check_digit(prefix, 16)),
            Some(vec![Brand::Mastercard]),
            "{prefix}"
        );
    }
    assert_eq!(brands(&with_check_digit("2220", 16)), None);
    assert_eq!(brands(&with_check_digit("2721", 16)), None);
    assert_eq!(brands(&with_check_digit("5555", 15)), None);
}

#[test]
fn maestro_has_12_to_19_digits_but_not_other_networks_six_series() {
    for len in [12, 19] {
        assert_eq!(
            brands(&with_check_digit("6759", len)),
            Some(vec![Brand::Maestro])
        );
    }
    assert_eq!(
        brands(&with_check_digit("50", 16)),
        Some(vec![Brand::Maestro])
    );
    assert_eq!(
        brands(&with_check_digit("58", 16)),
        Some(vec![Brand::Maestro])
    );
    for taken in ["6011", "62", "644", "65"] {
        assert_eq!(brands(&with_check_digit(taken, 16)), None, "{taken}");
    }
    assert_eq!(CardNumber::parse(&with_check_digit("6759", 11)).ok(), None);
}

#[test]
fn amex_has_15_digits_and_a_4_digit_code() {
    assert_eq!(brands("378282246310005"), Some(vec![Brand::Amex]));
    assert_eq!(brands(&with_check_digit("34", 15)), Some(vec![Brand::Amex]));
    assert_eq!(brands(&with_check_digit("34", 16)), None);
    let mut amex = submission("3782 822463 10005");
    assert_eq!(
        check(amex, TODAY).map(|c| c.brand),
        Err(CardError::InvalidSecurityCode(4))
    );
    amex.security_code = "1234";
    assert_eq!(check(amex, TODAY).map(|c| c.brand), Ok(Brand::Amex));
    let mut visa = submission("4242424242424242");
    visa.security_code = "1234";
    assert_eq!(
        check(visa, TODAY).map(|c| c.brand),
        Err(CardError::InvalidSecurityCode(3))
    );
}

#[test]
fn co_badged_cards_need_a_choice_among_their_brands() {
    assert_eq!(
        brands("4970100000000006"),
        Some(vec![Brand::CartesBancaires, Brand::Visa])
    );
    assert_eq!(
        brands("5132850000000008"),
        Some(vec![Brand::CartesBancaires, Brand::Mastercard])
    );
    let mut card = submission("4970 1000 0000 0006");
    assert_eq!(check(card, TODAY), Err(CardError::BrandChoiceRequired));
    card.brand = Some("mastercard");
    assert_eq!(check(card, TODAY), Err(CardError::BrandNotOnCard));
    card.brand = Some("cartes_bancaires");
    assert_eq!(
        check(card, TODAY).map(|c| c.brand),
        Ok(Brand::CartesBancaires)
    );
    card.brand = Some("visa");
    assert_eq!(check(card, TODAY).map(|c| c.brand), Ok(Brand::Visa));
    let mut single = submission("4242424242424242");
    single.brand = Some("cartes_bancaires");
    assert_eq!(check(single, TODAY), Err(CardError::BrandNotOnCard));
}

#[test]
fn a_card_is_valid_through_its_expiry_month() {
    assert!(!Expiry::parse("11/26").unwrap().is_past(TODAY));
    assert!(Expiry::parse("10/26").unwrap().is_past(TODAY));
    assert!(!Expiry::parse("01/27").unwrap().is_past(TODAY));
    assert!(Expiry::parse("12/25").unwrap().is_past(TODAY));
    assert_eq!(
        Expiry::parse("1230").map(|e| (e.month, e.year)),
        Ok((12, 2030))
    );
    // Four bytes without a slash, cut inside a character: found by
    // `fuzz_card_fields`, a panic before.
    for bad in ["00/30", "13/30", "1/30", "12/2030", "ab/cd", "", "ࠀ!", "1€"] {
        assert_eq!(Expiry::parse(bad), Err(CardError::InvalidExpiry), "{bad}");
    }
    let mut card = submission("4242424242424242");
    card.expiry = "10/26";
    assert_eq!(check(card, TODAY), Err(CardError::ExpiredCard));
}

#[test]
fn the_test_card_table_decides_outcomes() {
    let outcome = |n| check(submission(n), TODAY).map(|c| c.outcome);
    assert_eq!(outcome("4242424242424242"), Ok(Outcome::Approve));
    assert_eq!(outcome("2223003122003222"), Ok(Outcome::Approve));
    assert_eq!(outcome("6759649826438453"), Ok(Outcome::Approve));
    assert_eq!(
        outcome("4000000000009995"),
        Ok(Outcome::Decline(DeclineCode::InsufficientFunds))
    );
    assert_eq!(
        outcome("4000000000000069"),
        Ok(Outcome::Decline(DeclineCode::ExpiredCard))
    );
    assert_eq!(
        outcome("4000000000003220"),
        Ok(Outcome::Challenge { passes: true })
    );
    assert_eq!(
        outcome("4000008400001629"),
        Ok(Outcome::Challenge { passes: false })
    );
    assert_eq!(
        outcome(&with_check_digit("4111", 16)),
        Ok(Outcome::Decline(DeclineCode::InvalidCard))
    );
}

#[test]
fn the_holder_is_required() {
    let mut card = submission("4242424242424242");
    card.holder = "  ";
    assert_eq!(check(card, TODAY), Err(CardError::InvalidHolder));
}

/// Whatever the page (or a forger) sends in the card fields: a card or a
/// refusal tied to a field, never a panic; an accepted card is whole.
#[test]
fn fuzz_card_fields() {
    use crate::fuzz::text;
    use proptest::prelude::*;
    let known: Vec<String> = [
        "4970100000000006",
        "4242424242424242",
        "4000000000003220",
        "5555555555554444",
        "378282246310005",
    ]
    .iter()
    .map(|number| number.to_string())
    .collect();
    let number = prop_oneof![
        text(24),
        "[0-9 -]{0,24}",
        (
            proptest::sample::select(known),
            any::<proptest::sample::Index>(),
            text(2)
        )
            .prop_map(|(number, at, insert)| {
                let mut number = number;
                let at = at.index(number.len() + 1);
                number.insert_str(at, &insert);
                number
            }),
        (0usize..=3).prop_map(|n| [
            "4242424242424242",
            "4242 4242 4242 4242",
            "4242-4242-4242-4242",
            "4970100000000006"
        ][n]
            .to_owned()),
    ];
    let expiry = prop_oneof![text(6), "[0-9 /]{0,6}", "(0[0-9]|1[0-3])/[0-9]{2}", text(2)];
    let code = prop_oneof![text(5), "[0-9]{0,5}"];
    let holder = prop_oneof![text(120), Just("Camille Martin".to_owned())];
    let brand = proptest::option::of(prop_oneof![
        proptest::sample::select(vec!["visa", "mastercard", "cartes_bancaires", "amex"])
            .prop_map(str::to_owned),
        text(12),
    ]);
    let today = (2000i32..2100, 1u32..=12).prop_map(|(year, month)| YearMonth { year, month });
    crate::fuzz::run(
        "card fields (psp-sandbox cards::check)",
        (number, expiry, code, holder, brand, today),
        |(number, expiry, security_code, holder, brand, today)| {
            let submission = Submission {
                number: &number,
                expiry: &expiry,
                security_code: &security_code,
                holder: &holder,
                brand: brand.as_deref(),
            };
            match check(submission, today) {
                Ok(card) => {
                    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
                    prop_assert!(digits.ends_with(&card.last4));
                    prop_assert_eq!(card.last4.len(), 4);
                    prop_assert!((1..=12).contains(&card.expiry.month));
                    prop_assert!(!card.expiry.is_past(today));
                    let code = security_code.trim();
                    prop_assert!(!code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()));
                    prop_assert!(!holder.trim().is_empty());
                }
                Err(error) => {
                    prop_assert!(!error.field().is_empty() && !error.code().is_empty());
                }
            }
            Ok(())
        },
    );
}
