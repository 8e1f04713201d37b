//! The sign-in throttle: after a few free failures, each further failure
//! makes the key (an account or a client address) wait twice as long, up to
//! a ceiling. Attempts during the wait are refused unprocessed. Delays end
//! on their own, so an attacker cannot lock the real owner out for good,
//! and no key gets more than [`MAX_FAILURES_PER_WINDOW`] processed failures
//! an hour.

//! Times are in milliseconds: a one-second delay must not end early because
//! it started late in a second.

pub const WINDOW_MS: i64 = 3600 * 1000;
pub const MAX_FAILURES_PER_WINDOW: i64 = 100;
const MAX_DELAY_MS: i64 = 15 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures allowed before any delay.
    pub free_failures: i64,
    /// The first delay; each next failure doubles it.
    pub base_delay_ms: i64,
}

impl Policy {
    pub const ACCOUNT: Policy = Policy {
        free_failures: 5,
        base_delay_ms: 1000,
    };
    /// One address may try many accounts (a family, an office): more room.
    pub const CLIENT: Policy = Policy {
        free_failures: 20,
        base_delay_ms: 1000,
    };
    /// Wrong operator tokens, per client address: a tool misconfigured
    /// once gets a few tries, a guesser at most 100 an hour (against a
    /// token of 32 or more characters).
    pub const OPERATOR: Policy = Policy {
        free_failures: 10,
        base_delay_ms: 1000,
    };
    /// New accounts, per client address (each attempt that costs a hash):
    /// a school or an office behind one address making dozens an hour is
    /// never slowed; a script gets at most 100 an hour.
    pub const SIGN_UP: Policy = Policy {
        free_failures: 60,
        base_delay_ms: 1000,
    };
    /// A new address-confirmation link, per account: three at once (a
    /// message slow to come), then one more a minute, doubling.
    pub const VERIFY_RESEND: Policy = Policy {
        free_failures: 2,
        base_delay_ms: 60 * 1000,
    };
    /// Password-reset links asked, per client address: ten, then one a
    /// minute doubling; a family on one connection is never slowed, a
    /// script filling inboxes is.
    pub const RESET_CLIENT: Policy = Policy {
        free_failures: 9,
        base_delay_ms: 60 * 1000,
    };
    /// Password-reset links sent to one address: three, then one per five
    /// minutes doubling (the last free one starts the wait). Past it,
    /// nothing is sent and the answer is the same (it must not say the
    /// address has an account).
    pub const RESET_ACCOUNT: Policy = Policy {
        free_failures: 2,
        base_delay_ms: 5 * 60 * 1000,
    };
    /// Order tracking by number and e-mail, per client address: 10 misses,
    /// then one try per 15 minutes until the hour's window ends (a shopper
    /// mistypes a few times; a guesser needs millions of tries).
    pub const TRACKING: Policy = Policy {
        free_failures: 9,
        base_delay_ms: 15 * 60 * 1000,
    };
}

/// A key's stored record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Record {
    pub window_started_at: i64,
    pub failures: i64,
    pub blocked_until: i64,
}

impl Record {
    /// Whole seconds (rounded up) to wait before an attempt is processed.
    pub fn wait(&self, now_ms: i64) -> Option<u64> {
        let left = self.blocked_until - now_ms;
        (left > 0).then(|| (left as u64).div_ceil(1000))
    }

    /// The record after one more failure at `now`.
    pub fn after_failure(self, policy: Policy, now: i64) -> Record {
        let mut record = if now - self.window_started_at >= WINDOW_MS {
            Record {
                window_started_at: now,
                failures: 0,
                blocked_until: 0,
            }
        } else {
            self
        };
        record.failures += 1;
        let over = record.failures - policy.free_failures;
        if record.failures >= MAX_FAILURES_PER_WINDOW {
            record.blocked_until = record.window_started_at + WINDOW_MS;
        } else if over > 0 {
            let doubling = u32::try_from(over - 1).unwrap_or(u32::MAX).min(20);
            let delay = policy.base_delay_ms.saturating_mul(1 << doubling);
            record.blocked_until = now + delay.min(MAX_DELAY_MS);
        }
        record
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000_000;

    #[test]
    fn delays_start_after_the_free_failures_and_double() {
        let policy = Policy::ACCOUNT;
        let mut record = Record::default();
        for _ in 0..5 {
            record = record.after_failure(policy, NOW);
            assert_eq!(record.wait(NOW), None);
        }
        let waits: Vec<_> = (0..4)
            .map(|_| {
                record = record.after_failure(policy, NOW);
                record.wait(NOW)
            })
            .collect();
        assert_eq!(waits, [Some(1), Some(2), Some(4), Some(8)]);
    }

    #[test]
    fn tracking_blocks_for_15_minutes_after_10_misses() {
        let mut record = Record::default();
        for _ in 0..9 {
            record = record.after_failure(Policy::TRACKING, NOW);
            assert_eq!(record.wait(NOW), None);
        }
        record = record.after_failure(Policy::TRACKING, NOW);
        assert_eq!(record.wait(NOW), Some(15 * 60));
    }

    #[test]
    fn delays_lift_and_are_capped() {
        let mut record = Record::default();
        for _ in 0..30 {
            record = record.after_failure(Policy::ACCOUNT, NOW);
        }
        assert_eq!(record.wait(NOW), Some(15 * 60));
        assert_eq!(record.wait(NOW + 15 * 60 * 1000 - 1), Some(1));
        assert_eq!(record.wait(NOW + 15 * 60 * 1000), None);
    }

    #[test]
    fn a_key_never_gets_more_than_100_processed_failures_an_hour() {
        let policy = Policy {
            free_failures: 1000,
            base_delay_ms: 1000,
        };
        let mut record = Record::default();
        let mut processed = 0;
        let mut now = NOW;
        while now < NOW + WINDOW_MS {
            if record.wait(now).is_none() {
                record = record.after_failure(policy, now);
                processed += 1;
            }
            now += 1000;
        }
        assert_eq!(processed, MAX_FAILURES_PER_WINDOW);
        // A new hour, a new window.
        assert_eq!(record.wait(NOW + WINDOW_MS), None);
    }
}
