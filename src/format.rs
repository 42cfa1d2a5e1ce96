//! Dates and numbers as the portal's readers write them. Pure functions.
//!
//! Every time is shown in the portal's zone, UTC+07:00 (Vietnam has no DST),
//! whatever the reader's device is set to: a date on a government portal is
//! the date in Vietnam.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use crate::i18n::Lang;

const VN_OFFSET_SECS: i32 = 7 * 3600;

fn vn() -> FixedOffset {
    FixedOffset::east_opt(VN_OFFSET_SECS).expect("+07:00 is a valid offset")
}

/// Parses an RFC 3339 time and moves it to UTC+07:00. A time without an
/// offset, or anything else malformed, gives `None`.
pub fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s.trim()).ok().map(|t| t.with_timezone(&vn()))
}

const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn month_en(t: &DateTime<FixedOffset>) -> &'static str {
    MONTHS_EN[t.month0() as usize % 12]
}

/// The 12-hour clock the seeds use: hour 1–12 and whether it is afternoon.
fn hour12(t: &DateTime<FixedOffset>) -> (u32, bool) {
    let h = t.hour();
    (if h % 12 == 0 { 12 } else { h % 12 }, h >= 12)
}

/// "10/01/2019" (vi) or "10 Jan 2019" (en).
pub fn date(s: &str, lang: Lang) -> Option<String> {
    let t = parse_time(s)?;
    Some(match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", t.day(), t.month(), t.year()),
        Lang::En => format!("{} {} {}", t.day(), month_en(&t), t.year()),
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
            t.day(),
            t.month(),
            t.year(),
            h,
            t.minute(),
            t.second(),
            if pm { "CH" } else { "SA" }
        ),
        Lang::En => format!(
            "{} {} {}, {}:{:02} {}",
            t.day(),
            month_en(&t),
            t.year(),
            h,
            t.minute(),
            if pm { "PM" } else { "AM" }
        ),
    })
}

/// "5 phút trước" / "3 giờ trước" for times up to 10 hours old, `None` after
/// (the caller then shows the absolute date) or for times in the future.
/// `now_ms` is milliseconds since the Unix epoch.
pub fn relative(s: &str, now_ms: f64, lang: Lang) -> Option<String> {
    let t = parse_time(s)?;
    let age_s = (now_ms / 1000.0).floor() as i64 - t.timestamp();
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
    parse_time(s).map(|t| format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day()))
}

/// Parses `YYYY-MM-DD` strictly.
/// (By hand: chrono's format-string parser costs the wasm more than this.)
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Today's date in +07:00 for a Unix time in milliseconds.
pub fn today_vn(now_ms: f64) -> Option<NaiveDate> {
    DateTime::from_timestamp_millis(now_ms as i64).map(|t| t.with_timezone(&vn()).date_naive())
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
        let at = |s: &str| parse_time(s).unwrap().timestamp_millis() as f64;
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
        assert_eq!(parse_day("2019-01-10"), NaiveDate::from_ymd_opt(2019, 1, 10));
        assert_eq!(parse_day("2019-1-10"), None);
        assert_eq!(parse_day("2019-02-30"), None);
        // 2026-11-21T18:00Z is already the 22nd in Vietnam.
        let ms = parse_time("2026-11-21T18:00:00Z").unwrap().timestamp_millis() as f64;
        assert_eq!(today_vn(ms), NaiveDate::from_ymd_opt(2026, 11, 22));
    }
}
