//! Property tests (proptest) for everything that reads backend or URL input:
//! the JSON decoders, the date and number formatters, the routes. Nothing may
//! panic: a panic in wasm kills the whole page.
//!
//! `PROPTEST_CASES=100000 cargo test --test props` for a long run.

use news_portal::format;
use news_portal::i18n::Lang;
use news_portal::model::{decode, Article, HotNews, Page, Site, VisitorStats};
use news_portal::route::{Location, Mode, Route};
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

/// 256 cases unless `PROPTEST_CASES` says otherwise (`with_cases` alone would ignore it).
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

fn decode_all(text: &str) {
    let _ = decode::<Article>(text);
    let _ = decode::<Page>(text);
    let _ = decode::<HotNews>(text);
    let _ = decode::<Site>(text);
    let _ = decode::<VisitorStats>(text);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoders_never_panic_on_any_text(text in ".{0,200}") {
        decode_all(&text);
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
    // Offsets in whole minutes, as RFC 3339 writes them: chrono rounds
    // +23:59:30 to "+24:00", which is no valid offset.
    fn any_valid_time_formats(secs in -62_000_000_000i64..250_000_000_000i64, off_min in -1_439i32..1_440) {
        let t = chrono::DateTime::from_timestamp(secs, 0).unwrap()
            .with_timezone(&chrono::FixedOffset::east_opt(off_min * 60).unwrap());
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
