//! The shop server's test clock (`POST /api/v1/test/clock`, only with
//! `--test-clock`): how far to move it, and the time it then says.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockAdvance {
    /// 0 to 400 days, in seconds: the clock only moves forward.
    pub advance_seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockNow {
    /// Unix seconds of the moved clock.
    pub now: i64,
}
