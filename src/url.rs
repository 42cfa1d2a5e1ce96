//! URL safety and resolution for untrusted `href`/`src` values (std only).
//!
//! Every URL that comes out of this module is canonical and absolute
//! (`http(s)://host[:port]/path?query#frag`, `mailto:…`, `tel:…` or an inline
//! raster `data:image/…;base64,…`), contains no `"`, `<`, `>`, backtick, space
//! or control character, and is a fixed point: resolving it again against any
//! http(s) base returns it unchanged.

/// Resolves `raw` (already entity-decoded) against the absolute http(s) `base`.
///
/// Allowed results: `http:`/`https:` (absolute, protocol-relative or relative
/// to `base`), `mailto:` and `tel:`. Anything else (`javascript:`, `data:`,
/// `file:`, …), control characters, malformed hosts or an empty value → `None`.
pub fn resolve(base: &str, raw: &str) -> Option<String> {
    let s = clean(raw)?;
    if s.is_empty() {
        return None;
    }
    if let Some(colon) = scheme_len(&s) {
        let scheme = s[..colon].to_ascii_lowercase();
        let rest = &s[colon + 1..];
        return match scheme.as_str() {
            "http" | "https" => absolute(&scheme, &backslashes(rest)),
            "mailto" | "tel" => Some(format!("{scheme}:{}", enc(rest))),
            _ => None,
        };
    }
    resolve_relative(&base_parts(base)?, &s)
}

fn resolve_in(b: &Base, raw: &str) -> Option<String> {
    match clean(raw)? {
        s if s.is_empty() || scheme_len(&s).is_some() => resolve("", &s),
        s => resolve_relative(b, &s),
    }
}

fn resolve_relative(b: &Base, s: &str) -> Option<String> {
    let s = backslashes(s);
    let joined = if s.starts_with("//") {
        return absolute(b.scheme, &s);
    } else if s.starts_with('/') {
        format!("//{}{}", b.host, s)
    } else if s.starts_with('?') {
        format!("//{}{}{}", b.host, b.path, s)
    } else if s.starts_with('#') {
        format!("//{}{}{}{}", b.host, b.path, b.query, s)
    } else {
        let dir = &b.path[..b.path.rfind('/').map_or(0, |i| i + 1)];
        format!("//{}{}{}", b.host, dir, s)
    };
    absolute(b.scheme, &joined)
}

/// A link target for `<a href>`: http(s), `mailto:` or `tel:` (same as [`resolve`]).
pub fn safe_link(base: &str, raw: &str) -> Option<String> {
    resolve(base, raw)
}

/// Only http(s) results (external link directory, badges, …).
pub fn safe_http(base: &str, raw: &str) -> Option<String> {
    resolve(base, raw).filter(|u| is_http(u))
}

/// An image source: http(s), or an inline
/// `data:image/(png|jpeg|gif|webp|avif);base64,…` (kept with a lowercase prefix).
pub fn safe_image(base: &str, raw: &str) -> Option<String> {
    let s = clean(raw)?;
    let low = s.get(..11).map(str::to_ascii_lowercase);
    if low.as_deref() == Some("data:image/") {
        let rest = &s[11..];
        let semi = rest.find(';')?;
        let kind = rest[..semi].to_ascii_lowercase();
        let tail = &rest[semi..];
        let ok_kind = matches!(kind.as_str(), "png" | "jpeg" | "gif" | "webp" | "avif");
        let ok_tail = tail.len() >= 8 && tail[..8].eq_ignore_ascii_case(";base64,");
        let payload = tail.get(8..).unwrap_or("");
        let ok_payload = payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b));
        return (ok_kind && ok_tail && ok_payload)
            .then(|| format!("data:image/{kind};base64,{payload}"));
    }
    safe_http(base, &s)
}

/// True when `url` (resolved against `base`) is an http(s) URL whose origin
/// (scheme, host, port) differs from `base`'s. Non-http(s) or invalid URLs → false.
pub fn is_external(base: &str, url: &str) -> bool {
    let b = base_parts(base);
    let u = match &b {
        Some(b) => resolve_in(b, url),
        None => resolve("", url),
    };
    u.is_some_and(|u| is_http(&u) && b.is_none_or(|b| origin(&u) != origin(&b.canon)))
}

fn is_http(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

/// Trims ASCII whitespace, strips tab/LF/CR anywhere, rejects other controls.
fn clean(raw: &str) -> Option<String> {
    let t = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let s = t.replace(['\t', '\n', '\r'], "");
    (!s.chars().any(char::is_control)).then_some(s)
}

/// Length of a leading `[A-Za-z][A-Za-z0-9+.-]*` followed by `:`, if any.
fn scheme_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let n = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || b"+.-".contains(&c)))?;
    (b[n] == b':').then_some(n)
}

/// Like the WHATWG parser for special schemes: `\` is `/` before any `?`/`#`.
fn backslashes(s: &str) -> String {
    let end = s.find(['?', '#']).unwrap_or(s.len());
    let mut out = s[..end].replace('\\', "/");
    out.push_str(&s[end..]);
    out
}

/// Percent-encodes the characters that must never reach an attribute value.
fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '`' => out.push_str("%60"),
            c if c.is_control() => {} // unreachable after `clean`, kept as a guard
            c => out.push(c),
        }
    }
    out
}

/// Builds the canonical `scheme://host[:port]/path…` from what follows `scheme:`
/// (backslashes already normalised). Any number of leading slashes is accepted.
fn absolute(scheme: &str, rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches('/');
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = authority(scheme, &rest[..auth_end])?;
    let tail = &rest[auth_end..];
    let (path, tail) = if tail.starts_with('/') {
        tail.split_at(tail.find(['?', '#']).unwrap_or(tail.len()))
    } else {
        ("/", tail)
    };
    Some(format!(
        "{scheme}://{host}{}{}",
        enc(&remove_dots(path)),
        enc(tail)
    ))
}

/// `[userinfo@]host[:port]` → lowercase `host[:port]` without userinfo or default port.
fn authority(scheme: &str, auth: &str) -> Option<String> {
    let hp = &auth[auth.rfind('@').map_or(0, |i| i + 1)..];
    let (host, port) = if hp.starts_with('[') {
        let close = hp.find(']')?;
        let inner = &hp[1..close];
        if inner.is_empty()
            || !inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return None;
        }
        let after = &hp[close + 1..];
        if !after.is_empty() && !after.starts_with(':') {
            return None;
        }
        (&hp[..=close], after.strip_prefix(':').unwrap_or(""))
    } else {
        match hp.find(':') {
            Some(i) => (&hp[..i], &hp[i + 1..]),
            None => (hp, ""),
        }
    };
    let host_ok = host.starts_with('[')
        || host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') || !c.is_ascii());
    if host.is_empty() || !host_ok {
        return None;
    }
    let mut out = host.to_ascii_lowercase();
    if !port.is_empty() {
        if port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = port.parse().ok()?;
        let default = if scheme == "https" { 443 } else { 80 };
        if n > 65535 {
            return None;
        }
        if n != default {
            out.push_str(&format!(":{n}"));
        }
    }
    Some(out)
}

/// RFC 3986 §5.2.4 dot-segment removal (also `%2e` forms, as browsers do).
fn remove_dots(path: &str) -> String {
    let mut segs: Vec<&str> = Vec::new();
    let mut trailing = false;
    let is = |seg: &str, alts: &[&str]| alts.iter().any(|a| seg.eq_ignore_ascii_case(a));
    for seg in path.split('/').skip(1) {
        let up = is(seg, &["..", ".%2e", "%2e.", "%2e%2e"]);
        trailing = up || is(seg, &[".", "%2e"]);
        if up {
            segs.pop();
        } else if !trailing {
            segs.push(seg);
        }
    }
    let mut out = String::with_capacity(path.len());
    for s in &segs {
        out.push('/');
        out.push_str(s);
    }
    if trailing || out.is_empty() {
        out.push('/');
    }
    out
}

struct Base {
    canon: String,
    scheme: &'static str,
    host: String,
    path: String,
    query: String,
}

/// Parses an absolute http(s) base into canonical parts.
fn base_parts(base: &str) -> Option<Base> {
    let s = clean(base)?;
    let n = scheme_len(&s)?;
    let scheme: &'static str = match s[..n].to_ascii_lowercase().as_str() {
        "http" => "http",
        "https" => "https",
        _ => return None,
    };
    let canon = absolute(scheme, &backslashes(&s[n + 1..]))?;
    let after = scheme.len() + 3;
    let path_start = after + canon[after..].find('/')?;
    let path_end = canon.find(['?', '#']).unwrap_or(canon.len());
    let q_end = canon.find('#').unwrap_or(canon.len()).max(path_end);
    Some(Base {
        host: canon[after..path_start].to_string(),
        path: canon[path_start..path_end].to_string(),
        query: canon[path_end..q_end].to_string(),
        scheme,
        canon,
    })
}

/// `scheme://host[:port]` of a canonical http(s) URL.
fn origin(canon: &str) -> &str {
    let after = canon.find("://").map_or(0, |i| i + 3);
    &canon[..canon[after..].find('/').map_or(canon.len(), |i| after + i)]
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
