//! The reader's routes, and how they map to URLs in each routing mode.
//! Pure: no browser, so every URL rule has a native test.
//!
//! Routes are written as an app path plus query (`/bai-viet/18342/slug?trang=2`).
//! Where that lives in the browser's URL depends on the mode:
//! - `Path` (default): under the base path, `/tin-tuc/bai-viet/18342/slug`;
//!   needs the server to answer every such path with the host page.
//! - `Hash`: in the fragment, `/page.html#/bai-viet/18342/slug`;
//! - `Query`: in one query parameter, `/page.html?np=%2Fbai-viet%2F18342`.
//!   The last two need no server rewrite: reload and shared links still land.

use crate::url::encode_component;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home { page: u32 },
    Category { slug: String, page: u32 },
    Article { id: String, slug: Option<String>, page: u32 },
    Search { q: String, page: u32 },
    Day { date: String, page: u32 },
    NotFound,
}

impl Route {
    /// Reads an app path (`/…`) and its query string (without `?`).
    pub fn parse(path: &str, query: &str) -> Route {
        let page = query_param(query, "trang").and_then(|p| p.parse::<u32>().ok()).filter(|&p| p >= 1).unwrap_or(1);
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode_component).collect();
        let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segs.as_slice() {
            [] => Route::Home { page },
            ["chuyen-muc", slug] if is_slug(slug) => Route::Category { slug: slug.to_string(), page },
            ["bai-viet", id] if !id.is_empty() => Route::Article { id: id.to_string(), slug: None, page },
            ["bai-viet", id, slug] if !id.is_empty() => {
                Route::Article { id: id.to_string(), slug: Some(slug.to_string()).filter(|s| is_slug(s)), page }
            }
            ["tim-kiem"] => Route::Search { q: query_param(query, "q").unwrap_or_default(), page },
            ["ngay", date] if crate::format::parse_day(date).is_some() => Route::Day { date: date.to_string(), page },
            _ => Route::NotFound,
        }
    }

    /// The app path and query of this route.
    pub fn to_path(&self) -> String {
        fn paged(path: String, page: u32) -> String {
            if page > 1 { format!("{path}?trang={page}") } else { path }
        }
        match self {
            Route::Home { page } => paged("/".into(), *page),
            Route::Category { slug, page } => paged(format!("/chuyen-muc/{}", encode_component(slug)), *page),
            Route::Article { id, slug, page } => paged(article_path(id, slug.as_deref()), *page),
            Route::Search { q, page } => {
                let mut p = format!("/tim-kiem?q={}", encode_component(q));
                if *page > 1 {
                    p.push_str(&format!("&trang={page}"));
                }
                p
            }
            Route::Day { date, page } => paged(format!("/ngay/{}", encode_component(date)), *page),
            Route::NotFound => "/".into(),
        }
    }

    /// The page of the route's list (1 when it has none).
    pub fn page(&self) -> u32 {
        match self {
            Route::Home { page }
            | Route::Category { page, .. }
            | Route::Article { page, .. }
            | Route::Search { page, .. }
            | Route::Day { page, .. } => *page,
            Route::NotFound => 1,
        }
    }

    /// The search words of a search route ("" otherwise).
    pub fn search_query(&self) -> String {
        match self {
            Route::Search { q, .. } => q.clone(),
            _ => String::new(),
        }
    }

    /// The `YYYY-MM-DD` of a day route ("" otherwise).
    pub fn day(&self) -> String {
        match self {
            Route::Day { date, .. } => date.clone(),
            _ => String::new(),
        }
    }

    /// The same route on another page of its list.
    pub fn with_page(&self, page: u32) -> Route {
        let mut r = self.clone();
        match &mut r {
            Route::Home { page: p }
            | Route::Category { page: p, .. }
            | Route::Article { page: p, .. }
            | Route::Search { page: p, .. }
            | Route::Day { page: p, .. } => *p = page,
            Route::NotFound => {}
        }
        r
    }
}

/// The slugged article path that list links use.
pub fn article_path(id: &str, slug: Option<&str>) -> String {
    match slug.filter(|s| is_slug(s)) {
        Some(slug) => format!("/bai-viet/{}/{}", encode_component(id), slug),
        None => format!("/bai-viet/{}", encode_component(id)),
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The first value of `key` in a query string, decoded (`+` is a space).
pub fn query_param(query: &str, key: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode_component(k) == key).then(|| decode_component(&v.replace('+', " ")))
    })
}

/// Percent-decodes; invalid escapes and invalid UTF-8 are kept as text.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where routes live in the browser's URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Base path without a trailing slash ("" for the site root).
    Path { base: String },
    Hash,
    Query { param: String },
}

/// The parts of the browser's location a mode needs.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub pathname: String,
    /// With the leading `?`, or empty.
    pub search: String,
    /// With the leading `#`, or empty.
    pub hash: String,
}

impl Mode {
    /// From `data-routing` and `data-base-path`.
    pub fn from_attrs(routing: Option<&str>, base_path: Option<&str>) -> Mode {
        match routing.map(|r| r.trim().to_ascii_lowercase()).as_deref() {
            Some("hash") => Mode::Hash,
            Some("query") => Mode::Query { param: "np".into() },
            _ => {
                let base = base_path.unwrap_or("/").trim().trim_end_matches('/');
                let base = if base.is_empty() || base.starts_with('/') { base.to_string() } else { format!("/{base}") };
                Mode::Path { base }
            }
        }
    }

    /// The app path and query string (without `?`) the location stands for;
    /// `None` when the location is not the reader's: outside the base path,
    /// or (hash mode) a fragment of the host page's own such as `#footer`.
    pub fn read(&self, loc: &Location) -> Option<(String, String)> {
        let split = |s: &str| {
            let (p, q) = s.split_once('?').unwrap_or((s, ""));
            (if p.is_empty() { "/".to_string() } else { p.to_string() }, q.to_string())
        };
        match self {
            Mode::Path { base } => {
                let rest = loc.pathname.strip_prefix(base.as_str())?;
                if !(rest.is_empty() || rest.starts_with('/')) {
                    return None;
                }
                Some((if rest.is_empty() { "/".into() } else { rest.into() }, loc.search.trim_start_matches('?').into()))
            }
            // Only `#/…` is ours: `#section` belongs to the host page.
            Mode::Hash => match loc.hash.as_str() {
                "" | "#" => Some(("/".into(), String::new())),
                h if h.starts_with("#/") => Some(split(&h[1..])),
                _ => None,
            },
            Mode::Query { param } => Some(split(&query_param(&loc.search, param).unwrap_or_default())),
        }
    }

    /// Where a click on a same-origin link to `link` (seen from `here`)
    /// goes in the reader; `None` when the browser should follow it: a
    /// fragment of the page (`#muc-2`), another page, the host page's own
    /// parameters (query mode), a path outside the base, or anything that
    /// is not one of the reader's routes (a file such as `/uploads/a.pdf`).
    pub fn follow(&self, link: &Location, here: &Location) -> Option<(String, String)> {
        let same_document = link.pathname == here.pathname && link.search == here.search;
        let ours = match self {
            Mode::Path { .. } => !(same_document && !link.hash.is_empty()),
            Mode::Hash => same_document && link.hash.starts_with("#/"),
            Mode::Query { param } => {
                link.pathname == here.pathname && host_params(&link.search, param).eq(host_params(&here.search, param))
            }
        };
        let (path, query) = ours.then(|| self.read(link)).flatten()?;
        (Route::parse(&path, &query) != Route::NotFound).then_some((path, query))
    }

    /// The URL (path, query and fragment, same origin) for an app path.
    pub fn href(&self, app_path: &str, loc: &Location) -> String {
        match self {
            Mode::Path { base } => format!("{base}{app_path}"),
            Mode::Hash => format!("{}{}#{}", loc.pathname, loc.search, app_path),
            Mode::Query { param } => {
                // Keep the host page's own parameters.
                let mut search = String::new();
                for p in host_params(&loc.search, param) {
                    if !search.is_empty() {
                        search.push('&');
                    }
                    search.push_str(p);
                }
                if app_path != "/" {
                    if !search.is_empty() {
                        search.push('&');
                    }
                    search.push_str(&format!("{param}={}", encode_component(app_path)));
                }
                let search = if search.is_empty() { String::new() } else { format!("?{search}") };
                format!("{}{}", loc.pathname, search)
            }
        }
    }
}

/// The query parameters of the host page's own, in order: all but `param`.
fn host_params<'a>(search: &'a str, param: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(move |p| !p.is_empty() && p.split('=').next().map(decode_component).as_deref() != Some(param))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(pathname: &str, search: &str, hash: &str) -> Location {
        Location { pathname: pathname.into(), search: search.into(), hash: hash.into() }
    }

    #[test]
    fn parses_routes() {
        assert_eq!(Route::parse("/", ""), Route::Home { page: 1 });
        assert_eq!(Route::parse("/", "trang=3"), Route::Home { page: 3 });
        assert_eq!(Route::parse("/", "trang=0"), Route::Home { page: 1 });
        assert_eq!(Route::parse("/", "trang=abc"), Route::Home { page: 1 });
        assert_eq!(Route::parse("/chuyen-muc/bien-dao", "trang=2"), Route::Category { slug: "bien-dao".into(), page: 2 });
        assert_eq!(Route::parse("/chuyen-muc/Bien Dao", ""), Route::NotFound);
        assert_eq!(Route::parse("/bai-viet/2019-0110-1", ""), Route::Article { id: "2019-0110-1".into(), slug: None, page: 1 });
        assert_eq!(Route::parse("/bai-viet/18342/tap-huan", ""), Route::Article { id: "18342".into(), slug: Some("tap-huan".into()), page: 1 });
        assert_eq!(Route::parse("/bai-viet/a%2Fb/x", ""), Route::Article { id: "a/b".into(), slug: Some("x".into()), page: 1 });
        assert_eq!(Route::parse("/tim-kiem", "q=h%E1%BB%99i+ngh%E1%BB%8B&trang=2"), Route::Search { q: "hội nghị".into(), page: 2 });
        assert_eq!(Route::parse("/ngay/2019-01-10", ""), Route::Day { date: "2019-01-10".into(), page: 1 });
        assert_eq!(Route::parse("/ngay/2019-02-30", ""), Route::NotFound);
        assert_eq!(Route::parse("/khong-co", ""), Route::NotFound);
        assert_eq!(Route::parse("/bai-viet/1/2/3", ""), Route::NotFound);
        assert_eq!(Route::parse("/tim-kiem", "q=bi%E1%BB%83n").search_query(), "biển");
        assert_eq!(Route::parse("/ngay/2019-01-10", "").day(), "2019-01-10");
        assert_eq!(Route::Home { page: 1 }.search_query(), "");
        assert_eq!(Route::Home { page: 1 }.day(), "");
    }

    #[test]
    fn paths_round_trip() {
        for r in [
            Route::Home { page: 1 },
            Route::Home { page: 4 },
            Route::Category { slug: "bien-gioi".into(), page: 2 },
            Route::Article { id: "x y/ộ".into(), slug: None, page: 3 },
            Route::Article { id: "18342".into(), slug: Some("tap-huan".into()), page: 2 },
            Route::Search { q: "đối ngoại & biển".into(), page: 2 },
            Route::Day { date: "2023-09-14".into(), page: 1 },
        ] {
            let p = r.to_path();
            let (path, query) = p.split_once('?').unwrap_or((&p, ""));
            assert_eq!(Route::parse(path, query), r, "{p}");
        }
        assert_eq!(article_path("18342", Some("tap-huan")), "/bai-viet/18342/tap-huan");
        assert_eq!(article_path("18342", Some("<bad>")), "/bai-viet/18342");
    }

    #[test]
    fn path_mode_under_a_base() {
        let m = Mode::from_attrs(None, Some("/tin-tuc/"));
        assert_eq!(m, Mode::Path { base: "/tin-tuc".into() });
        assert_eq!(m.read(&loc("/tin-tuc", "", "")), Some(("/".into(), "".into())));
        assert_eq!(m.read(&loc("/tin-tuc/bai-viet/1/x", "?trang=2", "")), Some(("/bai-viet/1/x".into(), "trang=2".into())));
        assert_eq!(m.read(&loc("/tin-tucx", "", "")), None);
        assert_eq!(m.read(&loc("/lien-he", "", "")), None);
        assert_eq!(m.href("/bai-viet/1", &loc("/tin-tuc", "", "")), "/tin-tuc/bai-viet/1");
        let root = Mode::from_attrs(None, None);
        assert_eq!(root.href("/chuyen-muc/a?trang=2", &Location::default()), "/chuyen-muc/a?trang=2");
        assert_eq!(root.read(&loc("/", "", "")), Some(("/".into(), "".into())));
    }

    #[test]
    fn hash_mode_keeps_the_host_url() {
        let m = Mode::from_attrs(Some("hash"), Some("/ignored"));
        let here = loc("/gioi-thieu.html", "?x=1", "#/bai-viet/7?trang=2");
        assert_eq!(m.read(&here), Some(("/bai-viet/7".into(), "trang=2".into())));
        assert_eq!(m.read(&loc("/p", "", "")), Some(("/".into(), "".into())));
        assert_eq!(m.read(&loc("/p", "", "#host-footer")), None);
        assert_eq!(m.href("/chuyen-muc/a", &here), "/gioi-thieu.html?x=1#/chuyen-muc/a");
    }

    #[test]
    fn query_mode_keeps_other_parameters() {
        let m = Mode::from_attrs(Some("query"), None);
        let here = loc("/portal.aspx", "?lang=vi&np=%2Fbai-viet%2F7%3Ftrang%3D2", "");
        assert_eq!(m.read(&here), Some(("/bai-viet/7".into(), "trang=2".into())));
        assert_eq!(m.href("/chuyen-muc/a", &here), "/portal.aspx?lang=vi&np=%2Fchuyen-muc%2Fa");
        assert_eq!(m.href("/", &here), "/portal.aspx?lang=vi");
        assert_eq!(m.read(&loc("/portal.aspx", "", "")), Some(("/".into(), "".into())));
    }

    #[test]
    fn clicks_follow_only_the_readers_own_routes() {
        let path = Mode::from_attrs(None, None);
        let here = loc("/bai-viet/1/a", "", "");
        let go = |m: &Mode, l: Location, h: &Location| m.follow(&l, h);
        assert_eq!(go(&path, loc("/bai-viet/2/b", "", ""), &here), Some(("/bai-viet/2/b".into(), String::new())));
        assert_eq!(go(&path, loc("/chuyen-muc/tin-tuc", "?trang=2", ""), &here), Some(("/chuyen-muc/tin-tuc".into(), "trang=2".into())));
        // Files and host pages under the base are the browser's.
        assert_eq!(go(&path, loc("/uploads/ke-hoach.pdf", "", ""), &here), None);
        assert_eq!(go(&path, loc("/gioi-thieu", "", ""), &here), None);
        // An in-page anchor stays in the page.
        assert_eq!(go(&path, loc("/bai-viet/1/a", "", "#muc-2"), &here), None);
        let under = Mode::from_attrs(None, Some("/tin-tuc"));
        assert_eq!(go(&under, loc("/van-ban/a.docx", "", ""), &here), None);
        assert_eq!(go(&under, loc("/tin-tuc/", "", ""), &here), Some(("/".into(), String::new())));

        let hash = Mode::from_attrs(Some("hash"), None);
        let page = loc("/p.html", "?tab=1", "#/bai-viet/1");
        assert_eq!(go(&hash, loc("/p.html", "?tab=1", "#/bai-viet/2"), &page), Some(("/bai-viet/2".into(), String::new())));
        assert_eq!(go(&hash, loc("/p.html", "?tab=1", "#muc-2"), &page), None);
        assert_eq!(go(&hash, loc("/uploads/a.pdf", "", ""), &page), None);

        let query = Mode::from_attrs(Some("query"), None);
        let page = loc("/p.html", "?tab=1&np=%2Fbai-viet%2F1", "");
        assert_eq!(go(&query, loc("/p.html", "?tab=1&np=%2Fbai-viet%2F2", ""), &page), Some(("/bai-viet/2".into(), String::new())));
        assert_eq!(go(&query, loc("/p.html", "?tab=1", ""), &page), Some(("/".into(), String::new())));
        // The host page's own parameters changed: its link, not ours.
        assert_eq!(go(&query, loc("/p.html", "?tab=2", ""), &page), None);
        assert_eq!(go(&query, loc("/other.html", "?np=%2F", ""), &page), None);
    }
}
