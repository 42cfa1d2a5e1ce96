//! Property tests (proptest) for everything that reads backend or URL input:
//! the JSON decoders, the date and number formatters, the routes. Nothing may
//! panic: a panic in wasm kills the whole page.
//!
//! `PROPTEST_CASES=100000 cargo test --test props` for a long run.

use news_portal::format;
use news_portal::i18n::Lang;
use news_portal::model::{decode, Article, HotNews, Page, Site, VisitorStats};
use news_portal::route::{Location, Mode, Route};
use chrono::Datelike;
use proptest::prelude::*;
use serde_json::Value;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::from(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
        any::<u64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![Just("2019-01-10T16:47:06+07:00"), Just("2019-01-10"), Just("x")].prop_map(|s| Value::String(s.into())),
    ];
    // Objects use the API's own field names so the decoders get past the first key.
    let key = prop_oneof![
        Just("id"), Just("title"), Just("slug"), Just("summary"), Just("thumbnail"), Just("url"),
        Just("category"), Just("name"), Just("published_at"), Just("views"), Just("body_html"),
        Just("items"), Just("page"), Just("per_page"), Just("total"), Just("related"), Just("tags"),
        Just("online"), Just("today"), Just("week"), Just("categories"), Just("link_groups"),
        Just("links"), Just("badges"), Just("width"), Just("height"), Just("zzz"),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Whether our JSON reader saw what serde_json saw.
fn same(ours: &news_portal::json::Value, theirs: &Value) -> bool {
    use news_portal::json::Value as V;
    match (ours, theirs) {
        (V::Null, Value::Null) => true,
        (V::Bool(a), Value::Bool(b)) => a == b,
        (V::Num(_), Value::Number(n)) => ours.as_u64() == n.as_u64(),
        (V::Str(a), Value::String(b)) => a == b,
        (V::List(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (V::Object(_), Value::Object(m)) => m.iter().all(|(k, v)| ours.get(k).is_some_and(|o| same(o, v))),
        _ => false,
    }
}

fn agrees_with_serde_json(text: &str) -> Result<(), TestCaseError> {
    let ours = news_portal::json::parse(text);
    match serde_json::from_str::<Value>(text) {
        Ok(theirs) => prop_assert!(ours.is_some_and(|o| same(&o, &theirs)), "read differently: {text:?}"),
        Err(_) => prop_assert!(ours.is_none(), "accepted invalid JSON: {text:?}"),
    }
    Ok(())
}

fn decode_all(text: &str) {
    let _ = decode::<Article>(text);
    let _ = decode::<Page>(text);
    let _ = decode::<HotNews>(text);
    let _ = decode::<Site>(text);
    let _ = decode::<VisitorStats>(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decoders_never_panic_on_any_text(text in ".{0,200}") {
        decode_all(&text);
    }

    #[test]
    fn json_reader_agrees_with_serde_json(v in json_value(), noise in "[ -~\\t\\n]{0,40}") {
        let text = v.to_string();
        agrees_with_serde_json(&text)?;
        agrees_with_serde_json(&noise)?;
        for cut in [text.len() / 3, text.len() / 2, text.len().saturating_sub(1)] {
            if let Some(prefix) = text.get(..cut) {
                agrees_with_serde_json(prefix)?;
            }
        }
    }

    #[test]
    fn decoders_never_panic_on_any_json(v in json_value()) {
        let text = v.to_string();
        decode_all(&text);
        // Cut anywhere: truncated bodies are invalid, not fatal.
        for cut in [text.len() / 3, text.len() / 2] {
            if let Some(prefix) = text.get(..cut) {
                decode_all(prefix);
            }
        }
    }

    #[test]
    fn time_reading_agrees_with_chrono(
        s in "[0-9]{4}-[01][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{1,9})?(Z|z|[+-][0-2][0-9]:[0-6][0-9])"
    ) {
        use chrono::{Datelike, Timelike};
        let ours = format::parse_time(&s);
        let vn = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
        match chrono::DateTime::parse_from_rfc3339(&s) {
            Ok(t) => {
                let t = t.with_timezone(&vn);
                // Years past 9999 once moved to +07:00 are out of our range.
                if t.year() <= 9999 {
                    let o = ours.ok_or_else(|| TestCaseError::fail(format!("refused {s:?}")))?;
                    prop_assert_eq!(o.epoch, t.timestamp());
                    prop_assert_eq!((o.day.year, o.day.month, o.day.day), (t.year(), t.month(), t.day()));
                    prop_assert_eq!((o.hour, o.minute, o.second), (t.hour(), t.minute(), t.second()));
                }
            }
            Err(_) => prop_assert!(ours.is_none(), "accepted {s:?}"),
        }
    }

    #[test]
    fn days_step_like_chrono(y in 0i32..=9999, ordinal in 1u32..=366) {
        let Some(c) = chrono::NaiveDate::from_yo_opt(y, ordinal) else { return Ok(()) };
        let day = format::Day::new(c.year(), c.month(), c.day()).unwrap();
        prop_assert_eq!(day.to_string(), c.to_string());
        prop_assert_eq!(day.succ().map(|d| d.to_string()), c.succ_opt().filter(|d| d.year() <= 9999).map(|d| d.to_string()));
        prop_assert_eq!(day.pred().map(|d| d.to_string()), c.pred_opt().filter(|d| d.year() >= 0).map(|d| d.to_string()));
    }

    #[test]
    fn page_count_is_sane(page in any::<Option<u32>>(), per in any::<Option<u32>>(), total in any::<Option<u64>>()) {
        let p = Page { items: vec![], page, per_page: per, total };
        let n = p.page_count();
        prop_assert!(n >= 1);
        prop_assert!(n >= page.unwrap_or(1));
    }

    #[test]
    fn formatters_never_panic(s in ".{0,40}", now in any::<f64>()) {
        for lang in [Lang::Vi, Lang::En] {
            let _ = format::date(&s, lang);
            let _ = format::date_time(&s, lang);
            let _ = format::relative(&s, now, lang);
        }
        let _ = format::day_key(&s);
        let _ = format::parse_day(&s);
        let _ = format::today_vn(now);
    }

    #[test]
    fn any_valid_time_formats(secs in -62_000_000_000i64..250_000_000_000i64, off in -86_399i32..86_400) {
        let t = chrono::DateTime::from_timestamp(secs, 0).unwrap()
            .with_timezone(&chrono::FixedOffset::east_opt(off).unwrap());
        let s = t.to_rfc3339();
        if t.timestamp() > -60_000_000_000 && t.timestamp() < 200_000_000_000 {
            let vi = format::date_time(&s, Lang::Vi);
            prop_assert!(vi.as_deref().is_some_and(|v| v.ends_with(" SA") || v.ends_with(" CH")), "{s} -> {vi:?}");
            prop_assert!(format::date(&s, Lang::En).is_some());
        }
    }

    #[test]
    fn numbers_group_and_read_back(n in any::<u64>()) {
        let vi = format::number(n, Lang::Vi);
        prop_assert_eq!(vi.replace('.', "").parse::<u64>().unwrap(), n);
        prop_assert!(vi.split('.').skip(1).all(|g| g.len() == 3));
        prop_assert_eq!(format::number(n, Lang::En).replace(',', "."), vi);
    }

    #[test]
    fn routes_never_panic_and_round_trip(path in "(/[a-z0-9%\\-ộ]{0,12}){0,4}", query in "[a-z=&%0-9+]{0,20}") {
        let r = Route::parse(&path, &query);
        if r != Route::NotFound {
            let p = r.to_path();
            let (path2, query2) = p.split_once('?').unwrap_or((&p, ""));
            prop_assert_eq!(Route::parse(path2, query2), r);
        }
    }

    #[test]
    fn modes_never_panic(pathname in "/[a-z/%.]{0,20}", search in "(\\?[a-z=&%0-9]{0,20})?", hash in "(#[/a-z%?=0-9]{0,20})?",
                         app in "/[a-z0-9/%?=&-]{0,20}") {
        let loc = Location { pathname, search, hash };
        for mode in [Mode::from_attrs(None, Some("/tin-tuc")), Mode::from_attrs(Some("hash"), None), Mode::from_attrs(Some("query"), None)] {
            let _ = mode.read(&loc);
            let href = mode.href(&app, &loc);
            prop_assert!(!href.contains(char::is_whitespace));
        }
    }
}
