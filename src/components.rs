//! Presentational components: props and context in, callbacks out. They
//! never fetch, so they render the same in tests as in the shop.

pub mod cart_summary;
pub mod content_pending;
pub mod credentials_form;
pub mod delivery_choice;
pub mod footer;
pub mod header;
pub mod more_button;
pub mod order_payment;
pub mod order_status;
pub mod order_timeline;
pub mod page_heading;
pub mod password_field;
pub mod photo_grid;
pub mod photo_picker;
pub mod product_card;
pub mod quota_notice;
pub mod sign_out_confirmation;
pub mod upload_progress;
