//! The shop server's "now": the system time plus an offset that tests (and
//! the end-to-end journeys) may move forward through `POST
//! /api/v1/test/clock` when the server runs with `--test-clock`. Every
//! handler and background task reads the time here, so that moving the
//! clock moves sessions, orders and the reconciler together.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// The furthest one call may move the clock: enough to lapse any
/// authorization or session, small enough to keep times far from overflow.
pub const MAX_ADVANCE_SECONDS: i64 = 400 * 24 * 3600;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClockError {
    #[error("this server runs on the system clock (start it with --test-clock)")]
    NotAdjustable,
    #[error("advance_seconds must be between 0 and {MAX_ADVANCE_SECONDS}")]
    OutOfRange,
}

#[derive(Debug, Clone)]
pub struct Clock {
    /// Milliseconds added to the system time; only grows.
    offset_ms: Arc<AtomicI64>,
    adjustable: bool,
}

impl Clock {
    /// The system time, never moved.
    pub fn system() -> Self {
        Self {
            offset_ms: Arc::new(AtomicI64::new(0)),
            adjustable: false,
        }
    }

    /// A clock tests may move forward.
    pub fn test() -> Self {
        Self {
            adjustable: true,
            ..Self::system()
        }
    }

    /// Whether [`Clock::advance`] is allowed (the test route exists).
    pub fn is_adjustable(&self) -> bool {
        self.adjustable
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        crate::accounts::now_ms().saturating_add(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// Moves the clock `seconds` forward; answers the new "now" in seconds.
    pub fn advance(&self, seconds: i64) -> Result<i64, ClockError> {
        if !self.adjustable {
            return Err(ClockError::NotAdjustable);
        }
        if !(0..=MAX_ADVANCE_SECONDS).contains(&seconds) {
            return Err(ClockError::OutOfRange);
        }
        // fetch_add: two advances at once both count; the offset only grows.
        self.offset_ms.fetch_add(seconds * 1000, Ordering::Relaxed);
        Ok(self.now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_clock_cannot_be_moved() {
        let clock = Clock::system();
        assert_eq!(clock.advance(10), Err(ClockError::NotAdjustable));
        assert!((clock.now() - crate::accounts::now()).abs() <= 1);
    }

    #[test]
    fn a_test_clock_moves_forward_only_and_within_bounds() {
        let clock = Clock::test();
        let before = clock.now();
        let moved = clock.advance(3600).unwrap();
        assert!(moved >= before + 3600 && moved <= before + 3601);
        assert!(clock.now() >= before + 3600);
        assert_eq!(clock.advance(-1), Err(ClockError::OutOfRange));
        assert_eq!(
            clock.advance(MAX_ADVANCE_SECONDS + 1),
            Err(ClockError::OutOfRange)
        );
        // A clone is the same clock (state and tasks share it).
        let shared = clock.clone();
        clock.advance(60).unwrap();
        assert!(shared.now() >= before + 3660);
    }
}
