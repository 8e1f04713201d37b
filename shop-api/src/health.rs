//! `GET /api/v1/health`: whether the server and its database answer;
//! `GET /api/v1/ready`: whether a load balancer should send it requests.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Ok,
    Failing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `Ok` only when every check below is `Ok`.
    pub status: CheckStatus,
    pub version: String,
    pub database: DatabaseHealth,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatabaseHealth {
    pub status: CheckStatus,
    /// Highest migration applied; `None` when the database did not answer.
    pub schema_version: Option<i64>,
}

/// `GET /api/v1/ready`: whether a load balancer should send this process
/// requests (200) or not (503): not while it drains before stopping, nor
/// while its database does not answer. `/api/v1/health` says whether it
/// is alive at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    pub ready: bool,
    /// Stopping: requests in flight finish, new ones go elsewhere.
    pub draining: bool,
    pub database: DatabaseHealth,
}

impl Health {
    pub fn new(version: impl Into<String>, database: DatabaseHealth) -> Self {
        Self {
            status: database.status,
            version: version.into(),
            database,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overall_status_follows_the_database() {
        let failing = Health::new(
            "1.0.0",
            DatabaseHealth {
                status: CheckStatus::Failing,
                schema_version: None,
            },
        );
        assert_eq!(failing.status, CheckStatus::Failing);
        let json = serde_json::to_value(&failing).unwrap();
        assert_eq!(json["database"]["status"], "failing");
    }
}
