//! The help centre's contact form: a support request, answered with the
//! reference the shopper keeps.

use super::{ApiError, client};
use shop_api::support::{NewSupportRequest, SupportReceipt};

pub async fn send(request: &NewSupportRequest) -> Result<SupportReceipt, ApiError> {
    client::post("/support", request).await
}
