//! Dates and numbers as the portal's readers write them. Pure functions.
//!
//! Every time is shown in the portal's zone, UTC+07:00 (Vietnam has no DST),
//! whatever the reader's device is set to: a date on a government portal is
//! the date in Vietnam. The words and patterns of each language (SA/CH,
//! "5 phút trước", `dd/mm/yyyy`) are in its strings table (`i18n`).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use crate::i18n::Lang;

/// Vietnam's offset, UTC+07:00.
fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("+07:00 is a valid offset")
}

/// Parses an RFC 3339 time (`2019-01-10T16:47:06+07:00`, fractions and `Z`
/// allowed) and reads it in UTC+07:00. A time without an offset, or anything
/// else malformed, gives `None`.
pub fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    Some(DateTime::parse_from_rfc3339(s.trim()).ok()?.with_timezone(&vn()))
}

/// Fills a language's date pattern (`{dd}/{mm}/{yyyy}`, `{d} {mon} {yyyy}`,
/// `{h}:{min}:{ss} {ampm}`) with a time's fields. (Not chrono's `format`:
/// its strftime parser costs the wasm more than the two patterns a
/// language has.)
fn fill(pattern: &str, t: &DateTime<FixedOffset>, lang: Lang) -> String {
    let s = lang.strings();
    let (pm, hour) = t.hour12();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let field = &rest[open + 1..open + close];
        match field {
            "d" => out.push_str(&t.day().to_string()),
            "dd" => out.push_str(&format!("{:02}", t.day())),
            "mm" => out.push_str(&format!("{:02}", t.month())),
            "mon" => out.push_str(s.months[t.month0() as usize]),
            "yyyy" => out.push_str(&t.year().to_string()),
            "h" => out.push_str(&hour.to_string()),
            "min" => out.push_str(&format!("{:02}", t.minute())),
            "ss" => out.push_str(&format!("{:02}", t.second())),
            "ampm" => out.push_str(if pm { s.pm } else { s.am }),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// "10/01/2019" (vi) or "10 Jan 2019" (en).
pub fn date(s: &str, lang: Lang) -> Option<String> {
    Some(fill(lang.strings().date_pattern, &parse_time(s)?, lang))
}

/// "10/01/2019 4:47:06 CH" (vi, as the portals print it) or
/// "10 Jan 2019, 4:47 PM" (en).
pub fn date_time(s: &str, lang: Lang) -> Option<String> {
    Some(fill(lang.strings().date_time_pattern, &parse_time(s)?, lang))
}

/// "5 phút trước" / "3 giờ trước" for times up to 10 hours old, `None` after
/// (the caller then shows the absolute date) or for times in the future.
/// `now_ms` is milliseconds since the Unix epoch.
pub fn relative(s: &str, now_ms: f64, lang: Lang) -> Option<String> {
    let t = parse_time(s)?;
    let age_s = ((now_ms / 1000.0).floor() as i64).saturating_sub(t.timestamp());
    if !(0..10 * 3600).contains(&age_s) {
        return None;
    }
    let s = lang.strings();
    let (minutes, hours) = (age_s / 60, age_s / 3600);
    Some(match (hours, minutes) {
        (0, 0) => s.just_now.to_string(),
        (0, 1) => s.minute_ago.to_string(),
        (0, m) => s.minutes_ago.replace("{n}", &m.to_string()),
        (1, _) => s.hour_ago.to_string(),
        (h, _) => s.hours_ago.replace("{n}", &h.to_string()),
    })
}

/// The calendar day (in +07:00) a time falls on, as `YYYY-MM-DD`.
pub fn day_key(s: &str) -> Option<String> {
    parse_time(s).map(|t| t.date_naive().to_string())
}

/// Parses `YYYY-MM-DD` strictly (four, two and two digits).
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !shape {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Today's date in +07:00 for a Unix time in milliseconds.
pub fn today_vn(now_ms: f64) -> Option<NaiveDate> {
    // Beyond JavaScript's Date range is not a time.
    if !(now_ms.abs() <= 8.64e15) {
        return None;
    }
    let t = DateTime::from_timestamp_millis(now_ms as i64)?;
    Some(t.with_timezone(&vn()).date_naive())
}

/// "1.234.567" (vi) or "1,234,567" (en).
pub fn number(n: u64, lang: Lang) -> String {
    let sep = lang.strings().thousands_separator;
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

    fn ms(s: &str) -> f64 {
        parse_time(s).unwrap().timestamp_millis() as f64
    }

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
        let at = ms;
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
        assert_eq!(parse_day("+019-02-03"), None);
        // 2026-11-21T18:00Z is already the 22nd in Vietnam.
        assert_eq!(today_vn(ms("2026-11-21T18:00:00Z")), NaiveDate::from_ymd_opt(2026, 11, 22));
    }
}
