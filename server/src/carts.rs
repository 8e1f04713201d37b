//! The carts the server keeps for signed-in shoppers: what a cart must
//! satisfy before it is stored, without HTTP or SQL (`db/carts.rs`). A cart
//! holds no price, so a tampered one can claim none: every line must price
//! with the catalogue, which is how the server knows it can sell it.

use crate::catalogue::cart::{CartError, totals};
use shop_api::cart::{Cart, MAX_CART_LINES};
use shop_api::catalogue::Catalogue;
use shop_api::project::{PROJECT_NAME_MAX_CHARS, is_valid_id, normalized_name};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CartRefusal {
    #[error("more than {MAX_CART_LINES} lines")]
    TooManyLines,
    #[error("line {index}: the project id is not 1 to 64 letters, digits, '-' or '_'")]
    InvalidProjectId { index: usize },
    #[error("line {index}: the project is already in the cart")]
    DuplicateProject { index: usize },
    #[error(
        "line {index}: the project name is empty, longer than {PROJECT_NAME_MAX_CHARS} characters, or has control characters"
    )]
    InvalidName { index: usize },
    #[error("line {index}: at least one copy")]
    NoCopies { index: usize },
    #[error("a line's units times copies overflow")]
    Overflow,
    #[error(transparent)]
    Pricing(#[from] CartError),
}

/// The cart as it will be stored (names trimmed), or why it cannot be.
pub fn checked(catalogue: &Catalogue, mut cart: Cart) -> Result<Cart, CartRefusal> {
    if cart.lines.len() > MAX_CART_LINES {
        return Err(CartRefusal::TooManyLines);
    }
    let mut seen = HashSet::with_capacity(cart.lines.len());
    for (index, line) in cart.lines.iter_mut().enumerate() {
        if !is_valid_id(&line.project_id) {
            return Err(CartRefusal::InvalidProjectId { index });
        }
        if !seen.insert(line.project_id.clone()) {
            return Err(CartRefusal::DuplicateProject { index });
        }
        line.project_name =
            normalized_name(&line.project_name).ok_or(CartRefusal::InvalidName { index })?;
        if line.copies == 0 {
            return Err(CartRefusal::NoCopies { index });
        }
    }
    let contents = cart.contents().ok_or(CartRefusal::Overflow)?;
    totals(catalogue, &contents)?;
    Ok(cart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::PricingError;
    use crate::db::Database;
    use shop_api::cart::CartLine;
    use shop_api::catalogue::ProductChoice;

    async fn seeded() -> (Catalogue, tempfile::TempDir) {
        let dir = tempfile::TempDir::new().unwrap();
        let db = Database::open(dir.path()).await.unwrap();
        let catalogue = db.load_catalogue().await.unwrap();
        db.close().await;
        (catalogue, dir)
    }

    fn line(project: &str, product: &str, quantity: u32, copies: u32) -> CartLine {
        CartLine {
            project_id: project.into(),
            project_name: format!("  {project} "),
            choice: ProductChoice {
                product_id: product.into(),
                format_id: "10x15".into(),
                quantity,
                pages: None,
                cover_id: None,
            },
            copies,
        }
    }

    fn cart(lines: Vec<CartLine>) -> Cart {
        Cart {
            lines,
            delivery_option_id: None,
        }
    }

    #[tokio::test]
    async fn a_valid_cart_is_kept_with_trimmed_names() {
        let (catalogue, _dir) = seeded().await;
        let kept = checked(
            &catalogue,
            cart(vec![
                line("a", "tirages", 12, 2),
                line("b", "tirages", 1, 1),
            ]),
        )
        .unwrap();
        assert_eq!(kept.lines[0].project_name, "a");
        assert_eq!(kept.lines[1].copies, 1);
    }

    #[tokio::test]
    async fn bad_carts_say_which_line_and_why() {
        let (catalogue, _dir) = seeded().await;
        let refused = |lines| checked(&catalogue, cart(lines)).unwrap_err();
        assert_eq!(
            refused(vec![line("a/b", "tirages", 1, 1)]),
            CartRefusal::InvalidProjectId { index: 0 }
        );
        assert_eq!(
            refused(vec![line("a", "tirages", 1, 1), line("a", "tirages", 1, 1)]),
            CartRefusal::DuplicateProject { index: 1 }
        );
        let mut unnamed = line("a", "tirages", 1, 1);
        unnamed.project_name = " ".into();
        assert_eq!(
            refused(vec![unnamed]),
            CartRefusal::InvalidName { index: 0 }
        );
        assert_eq!(
            refused(vec![line("a", "tirages", 1, 0)]),
            CartRefusal::NoCopies { index: 0 }
        );
        assert_eq!(
            refused(vec![line("a", "tirages", u32::MAX, 2)]),
            CartRefusal::Overflow
        );
        assert_eq!(
            refused(vec![line("a", "mug", 1, 1)]),
            CartRefusal::Pricing(CartError::Line {
                index: 0,
                error: PricingError::UnknownProduct
            })
        );
        let many = (0..=MAX_CART_LINES)
            .map(|i| line(&format!("p{i}"), "tirages", 1, 1))
            .collect();
        assert_eq!(refused(many), CartRefusal::TooManyLines);
    }
}
