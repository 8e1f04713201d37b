//! When to try a webhook again: 1 s, 2 s, 4 s … at most 10 minutes apart,
//! and not after 24 hours of tries. Counted from the tries themselves, so
//! the test clock never cuts retries short.

use std::time::Duration;

const FIRST: u64 = 1;
const LONGEST: u64 = 600;
const GIVE_UP_AFTER: u64 = 24 * 3600;

fn delay_after(attempts: i64) -> u64 {
    let doublings = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(u32::MAX)
        .min(16);
    (FIRST << doublings).min(LONGEST)
}

/// The wait after the `attempts`-th failed try, or `None` to give up.
pub fn next_delay(attempts: i64) -> Option<Duration> {
    let waited: u64 = (1..attempts).map(delay_after).sum();
    let delay = delay_after(attempts);
    (waited + delay <= GIVE_UP_AFTER).then(|| Duration::from_secs(delay))
}

#[cfg(test)]
mod tests {
    use super::next_delay;
    use std::time::Duration;

    #[test]
    fn delays_double_up_to_ten_minutes_for_a_day() {
        assert_eq!(next_delay(1), Some(Duration::from_secs(1)));
        assert_eq!(next_delay(2), Some(Duration::from_secs(2)));
        assert_eq!(next_delay(10), Some(Duration::from_secs(512)));
        assert_eq!(next_delay(11), Some(Duration::from_secs(600)));
        assert_eq!(next_delay(100), Some(Duration::from_secs(600)));
        assert_eq!(next_delay(200), None);
    }
}
