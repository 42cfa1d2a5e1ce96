//! The loader's contract: for every row of one table of locations (the three
//! routing modes, base paths, every route, `?trang=`, search with
//! diacritics, both backends and the demo), the requests the loader starts
//! ahead of the wasm (`tools/postbuild.mjs`, run by `tests/loader_contract.mjs`
//! in node) are exactly those the reader's first screen makes
//! (`Api::first_view` of the route `Mode::read` and `Route::parse` find).
//! A URL the loader gets wrong is a request made twice; any difference fails
//! with its row.

use std::io::Write;
use std::process::{Command, Stdio};

use news_portal::api::Api;
use news_portal::route::{Location, Mode, Route};

const LOADER: &str = "https://cdn.example/np/news-portal.js";
const ASSETS: &str = "https://cdn.example/np/";

/// The backends as a host element names them: (label, data-backend, data-api-base).
const BACKENDS: &[(&str, Option<&str>, Option<&str>)] = &[
    ("demo", None, None),
    ("portal", None, Some("https://api.example/api/v1")),
    ("portal, base with slash", None, Some("https://api.example/api/v1/")),
    ("wordpress", Some("wordpress"), Some("https://wp.example/wp-json")),
    ("wordpress, rest_route", Some("WordPress"), Some("https://wp.example/?rest_route=")),
];

/// App paths and queries, good and bad.
const ROUTES: &[&str] = &[
    "/",
    "/?trang=3",
    "/?trang=0",
    "/?trang=abc",
    "/?trang=1234567",
    "/?trang=99999999999",
    "/?trang=%32",
    "/?trang=+3",
    "/?trang=007",
    "/?x=1&trang=2",
    "/chuyen-muc/tin-tuc",
    "/chuyen-muc/tin-tuc?trang=2",
    "/chuyen-muc/Tin-Tuc",
    "/chuyen-muc/tin%2Dtuc",
    "/chuyen-muc/a/b",
    "/bai-viet/18342/nang-cao-ky-nang",
    "/bai-viet/18342",
    "/bai-viet/18342/",
    "/bai-viet/18342/Slug-Hoa",
    "/bai-viet/18342?trang=2",
    "/bai-viet/a%20b",
    "/bai-viet/%E1%BB%87",
    "/bai-viet/%ZZ",
    "/bai-viet/+5",
    "/bai-viet/007",
    "/bai-viet/99999999999999999999",
    "/tim-kiem?q=h%E1%BB%99i%20ngh%E1%BB%8B",
    "/tim-kiem?q=hội nghị&trang=2",
    "/ngay/2023-09-14",
    "/ngay/2023-02-30",
    "/khong-co-trang-nay",
    "//bai-viet//18342",
];

struct Row {
    label: String,
    page: String,
    routing: Option<&'static str>,
    base_path: Option<&'static str>,
    backend: Option<&'static str>,
    api_base: Option<&'static str>,
}

fn encode(s: &str) -> String {
    news_portal::url::encode_component(s)
}

/// Every route in every mode, for every backend; then locations that are not
/// the reader's.
fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for &(name, backend, api_base) in BACKENDS {
        let mut add = |label: String, page: String, routing, base_path| {
            rows.push(Row { label: format!("{name}, {label}"), page, routing, base_path, backend, api_base });
        };
        for route in ROUTES {
            add(format!("path {route}"), format!("https://portal.example{route}"), None, None);
            add(format!("path under /tin-tuc {route}"), format!("https://portal.example/tin-tuc{route}"), Some("path"), Some("/tin-tuc/"));
            add(format!("path under tin-tuc {route}"), format!("https://portal.example/tin-tuc{route}"), None, Some(" tin-tuc "));
            add(format!("hash {route}"), format!("https://portal.example/trang.html?id=7#{route}"), Some("hash"), None);
            add(format!("query {route}"), format!("https://portal.example/trang.html?id=7&np={}", encode(route)), Some("Query"), None);
        }
        add("path outside the base".into(), "https://portal.example/tin-tucx/bai-viet/1".into(), None, Some("/tin-tuc"));
        add("hash of the host's own".into(), "https://portal.example/trang.html#footer".into(), Some("hash"), None);
        add("hash, empty".into(), "https://portal.example/trang.html#".into(), Some("hash"), None);
        add("query without np".into(), "https://portal.example/trang.html?id=7".into(), Some("query"), None);
        add("query, np twice".into(), "https://portal.example/trang.html?np=%2Fbai-viet%2F1&np=%2Fbai-viet%2F2".into(), Some("query"), None);
        add("query, np with +".into(), "https://portal.example/trang.html?np=/tim-kiem?q=a+b".into(), Some("query"), None);
    }
    rows
}

/// The loader's side: each row's location as the browser splits it, and the
/// URLs it fetched.
fn loader(rows: &[Row]) -> Vec<(Location, Vec<String>)> {
    let input: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let mut attrs = serde_json::Map::new();
            for (k, v) in [("data-routing", r.routing), ("data-base-path", r.base_path), ("data-backend", r.backend), ("data-api-base", r.api_base)] {
                if let Some(v) = v {
                    attrs.insert(k.into(), v.into());
                }
            }
            serde_json::json!({ "page": r.page, "loader": LOADER, "attrs": attrs })
        })
        .collect();
    let mut node = Command::new("node")
        .arg("tests/loader_contract.mjs")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node must be on PATH to run the loader's JavaScript (scripts/setup installs it)");
    node.stdin.take().unwrap().write_all(serde_json::to_string(&input).unwrap().as_bytes()).unwrap();
    let out = node.wait_with_output().unwrap();
    assert!(out.status.success(), "tests/loader_contract.mjs failed");
    let answers: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    answers
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap().to_string();
            let urls = a["fetched"].as_array().unwrap().iter().map(|u| u.as_str().unwrap().to_string()).collect();
            (Location { pathname: s("pathname"), search: s("search"), hash: s("hash") }, urls)
        })
        .collect()
}

/// The reader's side: what its first screen asks for at that location.
fn reader(row: &Row, loc: &Location) -> Vec<String> {
    let mode = Mode::from_attrs(row.routing, row.base_path);
    // A location that is not the reader's shows the home page at start-up
    // (`Router::sync`).
    let (path, query) = mode.read(loc).unwrap_or_else(|| ("/".into(), String::new()));
    let route = Route::parse(&path, &query);
    let api = match (row.backend, row.api_base) {
        (_, None) => Api::demo(ASSETS),
        (Some(b), Some(base)) if b.eq_ignore_ascii_case("wordpress") => Api::wordpress(base.into()),
        (_, Some(base)) => Api::remote(base.into()),
    };
    api.first_view(&route)
}

#[test]
fn the_loader_asks_for_what_the_first_screen_asks_for() {
    let rows = rows();
    let answers = loader(&rows);
    assert_eq!(answers.len(), rows.len());
    let mut failures = Vec::new();
    for (row, (loc, mut fetched)) in rows.iter().zip(answers) {
        let mut wanted = reader(row, &loc);
        fetched.sort();
        wanted.sort();
        if fetched != wanted {
            let only = |a: &[String], b: &[String]| a.iter().filter(|u| !b.contains(u)).cloned().collect::<Vec<_>>();
            failures.push(format!(
                "{}\n    page:        {}\n    loader only: {:?}\n    reader only: {:?}",
                row.label,
                row.page,
                only(&fetched, &wanted),
                only(&wanted, &fetched)
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows differ:\n{}", failures.len(), rows.len(), failures.join("\n"));
}

#[test]
fn the_table_covers_what_it_says() {
    let rows = rows();
    // Five backends × (30 routes × 5 mode rows + 6 other locations).
    assert_eq!(rows.len(), BACKENDS.len() * (ROUTES.len() * 5 + 6));
    let kinds: Vec<Route> = ROUTES.iter().map(|r| {
        let (p, q) = r.split_once('?').unwrap_or((r, ""));
        Route::parse(p, q)
    }).collect();
    for want in ["Home", "Category", "Article", "Search", "Day", "NotFound"] {
        assert!(kinds.iter().any(|k| format!("{k:?}").starts_with(want)), "no {want} route in the table");
    }
}
