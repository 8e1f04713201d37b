//! The sandbox's clock: system time plus an offset that tests move forward
//! (`POST /v1/test/clock`) to see authorizations lapse without waiting days.

use crate::cards::YearMonth;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Default)]
pub struct Clock {
    offset_seconds: AtomicI64,
}

impl Clock {
    /// Unix seconds.
    pub fn now(&self) -> i64 {
        self.now_millis() / 1000
    }

    pub fn now_millis(&self) -> i64 {
        system_millis() + self.offset_seconds.load(Ordering::Relaxed) * 1000
    }

    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::Relaxed);
    }

    /// The month cards' expiry dates are compared with (UTC).
    pub fn this_month(&self) -> YearMonth {
        year_month(self.now())
    }
}

/// The real time, for what another party checks against its own clock
/// (webhook signatures).
pub fn system_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

/// Howard Hinnant's `civil_from_days`: the UTC calendar month of a Unix
/// time, without a date crate for one conversion.
pub fn year_month(unix_seconds: i64) -> YearMonth {
    let days = unix_seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    YearMonth {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: u32::try_from(month).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_utc_calendar_months() {
        assert_eq!(
            year_month(0),
            YearMonth {
                year: 1970,
                month: 1
            }
        );
        // 2024-02-29T23:59:59Z, then 2024-03-01T00:00:00Z.
        assert_eq!(
            year_month(1_709_251_199),
            YearMonth {
                year: 2024,
                month: 2
            }
        );
        assert_eq!(
            year_month(1_709_251_200),
            YearMonth {
                year: 2024,
                month: 3
            }
        );
        // 2030-12-31T23:59:59Z.
        assert_eq!(
            year_month(1_924_991_999),
            YearMonth {
                year: 2030,
                month: 12
            }
        );
    }

    #[test]
    fn the_clock_moves_forward_on_request() {
        let clock = Clock::default();
        let before = clock.now();
        clock.advance(86_400);
        assert!(clock.now() >= before + 86_400);
    }
}
