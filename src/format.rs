//! Dates and numbers as the portal's readers write them. Pure functions.
//!
//! Every time is shown in the portal's zone, UTC+07:00 (Vietnam has no DST),
//! whatever the reader's device is set to: a date on a government portal is
//! the date in Vietnam.

use std::fmt;

use crate::i18n::Lang;

const VN_OFFSET_SECS: i64 = 7 * 3600;

/// A calendar day, years 0000–9999 (what `YYYY-MM-DD` can say).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// `None` for a day that does not exist (30 February) or out of range.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let len = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        ((0..=9999).contains(&year) && (1..=len).contains(&day)).then_some(Day { year, month, day })
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    /// The inverse of `days` (`civil_from_days`); `None` out of range.
    fn from_days(z: i64) -> Option<Day> {
        let z = z.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day::new(i32::try_from(year).ok()?, month, day)
    }

    pub fn pred(self) -> Option<Day> {
        Day::from_days(self.days() - 1)
    }

    pub fn succ(self) -> Option<Day> {
        Day::from_days(self.days() + 1)
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A moment, with its wall-clock reading in Vietnam.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Time {
    /// Seconds since the Unix epoch.
    pub epoch: i64,
    pub day: Day,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Time {
    fn at(epoch: i64) -> Option<Time> {
        let local = epoch.checked_add(VN_OFFSET_SECS)?;
        let secs = local.rem_euclid(86_400) as u32;
        let day = Day::from_days(local.div_euclid(86_400))?;
        Some(Time { epoch, day, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60 })
    }
}

/// The number in `b`, all ASCII digits, or `None`.
fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

/// Parses an RFC 3339 time (`2019-01-10T16:47:06+07:00`, fractions and `Z`
/// allowed) and reads it in UTC+07:00. A time without an offset, or anything
/// else malformed, gives `None`.
/// (By hand: chrono cost the wasm several times this.)
pub fn parse_time(s: &str) -> Option<Time> {
    let b = s.trim().as_bytes();
    let at = |i: usize, set: &[u8]| b.get(i).is_some_and(|c| set.contains(c));
    if b.len() < 20 || !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let day = Day::new(digits(&b[0..4])? as i32, digits(&b[5..7])?, digits(&b[8..10])?)?;
    let (hour, minute, second) = (digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?);
    // 60 is a leap second, read as :59 as chrono does.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    if let [b'.', frac @ ..] = rest {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &frac[n..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (h, m) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = i64::from(h * 3600 + m * 60);
            if *sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    let clock = i64::from(hour * 3600 + minute * 60 + second.min(59));
    Time::at(day.days() * 86_400 + clock - offset)
}

const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn month_en(t: &Time) -> &'static str {
    MONTHS_EN[(t.day.month as usize + 11) % 12]
}

/// The 12-hour clock the seeds use: hour 1–12 and whether it is afternoon.
fn hour12(t: &Time) -> (u32, bool) {
    let h = t.hour;
    (if h % 12 == 0 { 12 } else { h % 12 }, h >= 12)
}

/// "10/01/2019" (vi) or "10 Jan 2019" (en).
pub fn date(s: &str, lang: Lang) -> Option<String> {
    let t = parse_time(s)?;
    Some(match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", t.day.day, t.day.month, t.day.year),
        Lang::En => format!("{} {} {}", t.day.day, month_en(&t), t.day.year),
    })
}

/// "10/01/2019 4:47:06 CH" (vi, as the portals print it) or
/// "10 Jan 2019, 4:47 PM" (en).
pub fn date_time(s: &str, lang: Lang) -> Option<String> {
    let t = parse_time(s)?;
    let (h, pm) = hour12(&t);
    Some(match lang {
        Lang::Vi => format!(
            "{:02}/{:02}/{} {}:{:02}:{:02} {}",
            t.day.day,
            t.day.month,
            t.day.year,
            h,
            t.minute,
            t.second,
            if pm { "CH" } else { "SA" }
        ),
        Lang::En => format!(
            "{} {} {}, {}:{:02} {}",
            t.day.day,
            month_en(&t),
            t.day.year,
            h,
            t.minute,
            if pm { "PM" } else { "AM" }
        ),
    })
}

/// "5 phút trước" / "3 giờ trước" for times up to 10 hours old, `None` after
/// (the caller then shows the absolute date) or for times in the future.
/// `now_ms` is milliseconds since the Unix epoch.
pub fn relative(s: &str, now_ms: f64, lang: Lang) -> Option<String> {
    let t = parse_time(s)?;
    let age_s = (now_ms / 1000.0).floor() as i64 - t.epoch;
    if !(0..10 * 3600).contains(&age_s) {
        return None;
    }
    let (minutes, hours) = (age_s / 60, age_s / 3600);
    Some(match (lang, hours) {
        (Lang::Vi, 0) if minutes < 1 => "Vừa xong".to_string(),
        (Lang::Vi, 0) => format!("{minutes} phút trước"),
        (Lang::Vi, h) => format!("{h} giờ trước"),
        (Lang::En, 0) if minutes < 1 => "Just now".to_string(),
        (Lang::En, 0) if minutes == 1 => "1 minute ago".to_string(),
        (Lang::En, 0) => format!("{minutes} minutes ago"),
        (Lang::En, 1) => "1 hour ago".to_string(),
        (Lang::En, h) => format!("{h} hours ago"),
    })
}

/// The calendar day (in +07:00) a time falls on, as `YYYY-MM-DD`.
pub fn day_key(s: &str) -> Option<String> {
    parse_time(s).map(|t| t.day.to_string())
}

/// Parses `YYYY-MM-DD` strictly.
pub fn parse_day(s: &str) -> Option<Day> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Day::new(digits(&b[0..4])? as i32, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// Today's date in +07:00 for a Unix time in milliseconds.
pub fn today_vn(now_ms: f64) -> Option<Day> {
    // Beyond JavaScript's Date range is not a time.
    if !(now_ms.abs() <= 8.64e15) {
        return None;
    }
    Time::at((now_ms / 1000.0).floor() as i64).map(|t| t.day)
}

/// "1.234.567" (vi) or "1,234,567" (en).
pub fn number(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_date_time_uses_sa_ch_and_plus_seven() {
        let s = "2019-01-10T16:47:06+07:00";
        assert_eq!(date_time(s, Lang::Vi).as_deref(), Some("10/01/2019 4:47:06 CH"));
        assert_eq!(date(s, Lang::Vi).as_deref(), Some("10/01/2019"));
        // The same instant sent in UTC is still shown in Vietnam's time.
        let utc = "2019-01-10T09:47:06Z";
        assert_eq!(date_time(utc, Lang::Vi).as_deref(), Some("10/01/2019 4:47:06 CH"));
        // Morning, noon and midnight on the 12-hour clock.
        assert_eq!(
            date_time("2023-09-14T08:30:00+07:00", Lang::Vi).as_deref(),
            Some("14/09/2023 8:30:00 SA")
        );
        assert_eq!(
            date_time("2023-09-14T12:05:00+07:00", Lang::Vi).as_deref(),
            Some("14/09/2023 12:05:00 CH")
        );
        assert_eq!(
            date_time("2023-09-14T00:05:09+07:00", Lang::Vi).as_deref(),
            Some("14/09/2023 12:05:09 SA")
        );
    }

    #[test]
    fn crossing_midnight_changes_the_day_in_vietnam() {
        // 20:00 UTC on the 9th is 03:00 on the 10th in Vietnam.
        assert_eq!(date("2020-03-09T20:00:00Z", Lang::Vi).as_deref(), Some("10/03/2020"));
        assert_eq!(day_key("2020-03-09T20:00:00-00:00").as_deref(), Some("2020-03-10"));
    }

    #[test]
    fn independent_of_the_process_time_zone() {
        std::env::set_var("TZ", "America/New_York");
        assert_eq!(
            date_time("2019-01-10T16:47:06+07:00", Lang::Vi).as_deref(),
            Some("10/01/2019 4:47:06 CH")
        );
    }

    #[test]
    fn english_formats() {
        let s = "2019-01-10T16:47:06+07:00";
        assert_eq!(date_time(s, Lang::En).as_deref(), Some("10 Jan 2019, 4:47 PM"));
        assert_eq!(date(s, Lang::En).as_deref(), Some("10 Jan 2019"));
        assert_eq!(
            date_time("2019-12-01T09:05:00+07:00", Lang::En).as_deref(),
            Some("1 Dec 2019, 9:05 AM")
        );
    }

    #[test]
    fn malformed_times_give_none() {
        for s in ["", "2019-01-10", "2019-01-10T16:47:06", "hôm qua", "2019-13-40T99:00:00+07:00"] {
            assert_eq!(date(s, Lang::Vi), None, "{s}");
            assert_eq!(date_time(s, Lang::En), None, "{s}");
        }
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(0, Lang::Vi), "0");
        assert_eq!(number(999, Lang::Vi), "999");
        assert_eq!(number(1000, Lang::Vi), "1.000");
        assert_eq!(number(7_103_112, Lang::Vi), "7.103.112");
        assert_eq!(number(901_953, Lang::En), "901,953");
        assert_eq!(number(u64::MAX, Lang::Vi), "18.446.744.073.709.551.615");
    }

    #[test]
    fn relative_time_up_to_ten_hours() {
        let published = "2026-11-22T10:00:00+07:00";
        let at = |s: &str| parse_time(s).unwrap().epoch as f64 * 1000.0;
        assert_eq!(relative(published, at("2026-11-22T10:00:30+07:00"), Lang::Vi).as_deref(), Some("Vừa xong"));
        assert_eq!(relative(published, at("2026-11-22T10:05:00+07:00"), Lang::Vi).as_deref(), Some("5 phút trước"));
        assert_eq!(relative(published, at("2026-11-22T13:10:00+07:00"), Lang::Vi).as_deref(), Some("3 giờ trước"));
        assert_eq!(relative(published, at("2026-11-22T19:59:00+07:00"), Lang::Vi).as_deref(), Some("9 giờ trước"));
        assert_eq!(relative(published, at("2026-11-22T20:00:00+07:00"), Lang::Vi), None);
        assert_eq!(relative(published, at("2026-11-22T09:00:00+07:00"), Lang::Vi), None);
        assert_eq!(relative(published, at("2026-11-22T10:01:00+07:00"), Lang::En).as_deref(), Some("1 minute ago"));
        assert_eq!(relative(published, at("2026-11-22T12:00:00+07:00"), Lang::En).as_deref(), Some("2 hours ago"));
    }

    #[test]
    fn days() {
        assert_eq!(parse_day("2019-01-10"), Day::new(2019, 1, 10));
        assert_eq!(parse_day("2019-1-10"), None);
        assert_eq!(parse_day("2019-02-30"), None);
        // 2026-11-21T18:00Z is already the 22nd in Vietnam.
        let ms = parse_time("2026-11-21T18:00:00Z").unwrap().epoch as f64 * 1000.0;
        assert_eq!(today_vn(ms), Day::new(2026, 11, 22));
    }
}
