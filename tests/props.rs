//! Property tests (proptest) for everything that reads backend or URL input:
//! the JSON decoders, the date and number formatters, the routes. Nothing may
//! panic: a panic in wasm kills the whole page.
//!
//! Cases per property: `tests/common/mod.rs`.

mod common;

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

/// A route the reader can show: every kind, any article id and search words
/// (diacritics, `&`, `=`, `+`, `%`, `/`, `?`), any page.
fn route() -> impl Strategy<Value = Route> {
    let page = prop_oneof![Just(1u32), 2u32..20, any::<u32>().prop_map(|p| p.max(1))];
    let slug = "[a-z0-9-]{1,24}";
    prop_oneof![
        page.clone().prop_map(|page| Route::Home { page }),
        (slug, page.clone()).prop_map(|(slug, page)| Route::Category { slug, page }),
        ("[^\\s]{1,20}", proptest::option::of(slug), page.clone()).prop_map(|(id, slug, page)| Route::Article { id, slug, page }),
        ("[a-zA-Z0-9 ộệăđƯ&=+%/?#-]{0,30}", page.clone()).prop_map(|(q, page)| Route::Search { q, page }),
        (1900i32..2100, 1u32..13, 1u32..29, page).prop_map(|(y, m, d, page)| Route::Day { date: format!("{y:04}-{m:02}-{d:02}"), page }),
    ]
}

fn decode_all(text: &str) {
    let _ = decode::<Article>(text);
    let _ = decode::<Page>(text);
    let _ = decode::<HotNews>(text);
    let _ = decode::<Site>(text);
    let _ = decode::<VisitorStats>(text);
}

proptest! {
    #![proptest_config(common::proptest_config())]

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
        let p = Page { items: vec![], page, per_page: per, total, saved_at: None };
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
    fn any_path_parses_without_panic(path in "(/[a-z0-9%\\-ộ]{0,12}){0,4}", query in "[a-z=&%0-9+]{0,20}") {
        let r = Route::parse(&path, &query);
        if r != Route::NotFound {
            let p = r.to_path();
            let (path2, query2) = p.split_once('?').unwrap_or((&p, ""));
            prop_assert_eq!(Route::parse(path2, query2), r);
        }
    }

    /// Every route the reader can show survives its own URL, in every mode:
    /// written by `to_path` and `Mode::href`, read back by `Mode::read` and
    /// `Route::parse`.
    #[test]
    fn routes_round_trip_through_every_mode(r in route(), here in "/[a-z]{1,8}\\.html(\\?id=[0-9]{1,3})?") {
        let (pathname, search) = here.split_once('?').map(|(p, s)| (p.to_string(), format!("?{s}"))).unwrap_or((here.clone(), String::new()));
        let loc = Location { pathname, search, hash: String::new() };
        let app = r.to_path();
        for mode in [Mode::from_attrs(None, None), Mode::from_attrs(None, Some("/tin-tuc")), Mode::from_attrs(Some("hash"), None), Mode::from_attrs(Some("query"), None)] {
            let href = mode.href(&app, &loc);
            let (rest, hash) = href.split_once('#').map(|(a, h)| (a.to_string(), format!("#{h}"))).unwrap_or((href.clone(), String::new()));
            let (pathname, search) = rest.split_once('?').map(|(p, s)| (p.to_string(), format!("?{s}"))).unwrap_or((rest.clone(), String::new()));
            let read = mode.read(&Location { pathname, search, hash });
            prop_assert_eq!(read.as_ref().map(|(p, q)| if q.is_empty() { p.clone() } else { format!("{p}?{q}") }), Some(app.clone()), "{:?} wrote {}", mode, href);
            let (p, q) = read.unwrap();
            prop_assert_eq!(Route::parse(&p, &q), r.clone(), "{:?} wrote {}", mode, href);
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
