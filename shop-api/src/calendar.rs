//! Civil dates, French working days and the estimated delivery date. Pure
//! and dependency-free (no `time`/`chrono` in the wasm): the server computes
//! an order's estimate with it and the storefront formats the same dates, so
//! the two can never disagree.
//!
//! Days are counted with Howard Hinnant's days-from-civil algorithm (day 0 is
//! 1970-01-01, proleptic Gregorian calendar).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date, on the wire as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

impl Date {
    /// `None` for a day the month does not have.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        u32::try_from((self.days_since_epoch() + 3).rem_euclid(7) + 1).unwrap_or(1)
    }

    /// The date in France (Europe/Paris: UTC+1, UTC+2 from the last Sunday
    /// of March to the last Sunday of October, switching at 01:00 UTC) at
    /// this Unix time: an order placed at 00:30 in Paris is of that day.
    pub fn in_paris(unix_seconds: i64) -> Date {
        let utc_date = Date::from_days_since_epoch(unix_seconds.div_euclid(86_400));
        let year = utc_date.year;
        let summer_starts = last_sunday(year, 3).days_since_epoch() * 86_400 + 3600;
        let summer_ends = last_sunday(year, 10).days_since_epoch() * 86_400 + 3600;
        let offset = if (summer_starts..summer_ends).contains(&unix_seconds) {
            7200
        } else {
            3600
        };
        Date::from_days_since_epoch((unix_seconds + offset).div_euclid(86_400))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn last_sunday(year: i32, month: u32) -> Date {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    last.add_days(-i64::from(last.weekday() % 7))
}

/// Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
pub fn easter(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: u32::try_from(month).unwrap_or(4),
        day: u32::try_from(day).unwrap_or(1),
    }
}

/// French public holidays (metropolitan France): the eight fixed ones and
/// Easter Monday, Ascension and Whit Monday.
pub fn is_french_holiday(date: Date) -> bool {
    const FIXED: [(u32, u32); 8] = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    if FIXED.contains(&(date.month, date.day)) {
        return true;
    }
    let easter = easter(date.year);
    [1, 39, 50]
        .iter()
        .any(|offset| easter.add_days(*offset) == date)
}

/// Monday to Friday, not a public holiday.
pub fn is_working_day(date: Date) -> bool {
    date.weekday() <= 5 && !is_french_holiday(date)
}

/// The date `working_days` working days after `from` (`from` itself never
/// counts: an order placed on Monday with one day to go arrives Tuesday).
pub fn add_working_days(from: Date, working_days: u32) -> Date {
    let mut date = from;
    let mut left = working_days;
    while left > 0 {
        date = date.add_days(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// An order's estimated delivery: from the day it was placed (in France),
/// the longest production time among its products, then the delivery
/// option's longest delay, both in working days.
pub fn estimated_delivery(
    ordered_at_unix: i64,
    production_days: impl IntoIterator<Item = u32>,
    delivery_max_days: u32,
) -> Date {
    let production = production_days.into_iter().max().unwrap_or(0);
    add_working_days(
        Date::in_paris(ordered_at_unix),
        production.saturating_add(delivery_max_days),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).unwrap()
    }

    /// Unix seconds of a UTC date and time.
    fn unix(d: Date, hour: i64, minute: i64) -> i64 {
        d.days_since_epoch() * 86_400 + hour * 3600 + minute * 60
    }

    #[test]
    fn days_round_trip_and_weekdays_are_right() {
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(2000, 3, 1).days_since_epoch(), 11_017);
        for days in [-1000, 0, 59, 10_957, 20_000, 20_788, 40_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        // 1 December 2026 is a Tuesday; 29 February 2028 exists.
        assert_eq!(date(2026, 12, 1).weekday(), 2);
        assert_eq!(date(2027, 2, 28).add_days(1), date(2027, 3, 1));
        assert_eq!(date(2028, 2, 28).add_days(1), date(2028, 2, 29));
        assert_eq!(Date::new(2027, 2, 29), None);
    }

    #[test]
    fn dates_are_yyyy_mm_dd_on_the_wire() {
        let json = serde_json::to_string(&date(2026, 12, 8)).unwrap();
        assert_eq!(json, "\"2026-12-08\"");
        assert_eq!(
            serde_json::from_str::<Date>(&json).unwrap(),
            date(2026, 12, 8)
        );
        assert!(serde_json::from_str::<Date>("\"2026-13-01\"").is_err());
        assert!(serde_json::from_str::<Date>("\"2026-2-1\"").is_err());
    }

    #[test]
    fn easter_and_its_holidays_in_2026_and_2027() {
        assert_eq!(easter(2026), date(2026, 4, 5));
        assert_eq!(easter(2027), date(2027, 3, 28));
        assert_eq!(easter(2024), date(2024, 3, 31));
        // Easter Monday, Ascension, Whit Monday.
        for holiday in [
            date(2026, 4, 6),
            date(2026, 5, 14),
            date(2026, 5, 25),
            date(2027, 3, 29),
            date(2027, 5, 6),
            date(2027, 5, 17),
        ] {
            assert!(is_french_holiday(holiday), "{holiday}");
        }
        assert!(is_french_holiday(date(2026, 7, 14)));
        assert!(is_french_holiday(date(2027, 11, 11)));
        assert!(!is_french_holiday(date(2026, 4, 7)));
        assert!(!is_french_holiday(date(2027, 5, 16)));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 4 December 2026 + 1 → Monday 7.
        assert_eq!(add_working_days(date(2026, 12, 4), 1), date(2026, 12, 7));
        // Thursday 24 December 2026 + 1: Friday 25 is Christmas → Monday 28.
        assert_eq!(add_working_days(date(2026, 12, 24), 1), date(2026, 12, 28));
        // Thursday 30 April 2026 + 2: 1 May (Friday), weekend → Tuesday 5.
        assert_eq!(add_working_days(date(2026, 4, 30), 2), date(2026, 5, 5));
        // Wednesday 5 May 2027 + 3: Ascension (6), 8 May is a Saturday →
        // Friday 7, Monday 10, Tuesday 11.
        assert_eq!(add_working_days(date(2027, 5, 5), 3), date(2027, 5, 11));
        assert_eq!(add_working_days(date(2026, 12, 1), 0), date(2026, 12, 1));
    }

    #[test]
    fn the_estimate_adds_the_longest_production_and_the_delivery_delay() {
        // Tuesday 1 December 2026, 10:00 UTC; a poster (2) and prints (1),
        // standard delivery (5): 7 working days → Thursday 10 December.
        let ordered = unix(date(2026, 12, 1), 10, 0);
        assert_eq!(estimated_delivery(ordered, [2, 1], 5), date(2026, 12, 10));
        // A photo book (4) with express (2) ordered Tuesday 22 December 2026:
        // 23, 24, 28, 29, 30, 31 December (25 and the weekend skipped).
        let ordered = unix(date(2026, 12, 22), 9, 0);
        assert_eq!(estimated_delivery(ordered, [4], 2), date(2026, 12, 31));
        // Thursday 6 May 2027 (Ascension), calendar (3) + standard (5):
        // 7, 10, 11, 12, 13, 14, 18 (17 is Whit Monday), 19 May.
        let ordered = unix(date(2027, 5, 6), 12, 0);
        assert_eq!(estimated_delivery(ordered, [3], 5), date(2027, 5, 19));
    }

    #[test]
    fn the_order_day_is_the_day_in_paris() {
        // 23:30 UTC on 30 November 2026 is 00:30 on 1 December in Paris.
        assert_eq!(
            Date::in_paris(unix(date(2026, 11, 30), 23, 30)),
            date(2026, 12, 1)
        );
        // Summer time: 22:30 UTC on 1 July 2026 is 00:30 on 2 July.
        assert_eq!(
            Date::in_paris(unix(date(2026, 7, 1), 22, 30)),
            date(2026, 7, 2)
        );
        assert_eq!(
            Date::in_paris(unix(date(2026, 7, 1), 21, 30)),
            date(2026, 7, 1)
        );
        // Summer time 2026 starts on 29 March, 01:00 UTC.
        assert_eq!(last_sunday(2026, 3), date(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), date(2026, 10, 25));
    }
}
