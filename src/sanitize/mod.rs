//! Allow-list HTML sanitiser for untrusted CMS article bodies (std only).
//!
//! A tolerant tokenizer (modelled on the HTML5 tokenizer states that matter:
//! tags with quoted/unquoted attributes, comments, bogus comments, raw-text and
//! RCDATA elements, CDATA in foreign content) feeds a re-serialiser that emits
//! only allow-listed elements and attributes. The output is rebuilt from tokens:
//! every emitted element is closed in order, text and attribute values are
//! entity-decoded then re-escaped (`& < > "`), attributes are double-quoted,
//! so a browser parses it back to exactly the intended tree. Linear time,
//! nesting capped at [`MAX_DEPTH`], never panics, idempotent.

mod entities;

use crate::url::{is_external, safe_image, safe_link};
use entities::decode;

/// Deeper elements are unwrapped (their text is kept).
pub const MAX_DEPTH: usize = 100;

const KEEP: &[&str] = &[
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small",
    "mark", "blockquote", "q", "cite", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure",
    "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div", "abbr", "time",
];
/// Dropped together with their content (void ones such as meta/link/base/input/
/// embed/source/track simply vanish as unknown elements).
const DROP: &[&str] = &[
    "script", "style", "iframe", "frameset", "object", "applet", "noscript", "noembed", "noframes", "template",
    "textarea", "select", "option", "title", "xmp", "plaintext", "svg", "math", "head", "form", "button",
    "audio", "video", "canvas", "dialog", "portal", "datalist",
];
/// Raw-text / RCDATA elements: content is skipped up to the matching end tag.
const RAW: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"];
const HEADINGS: &[&str] = &["h2", "h3", "h4", "h5", "h6"];
/// Start tags that close an open `<p>` (HTML5 "close a p element").
const CLOSES_P: &[&str] = &[
    "p", "div", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "li", "dd", "dt", "figure",
    "figcaption", "table", "hr",
];
/// HTML5 "special" elements among the kept ones (list-item scope boundaries).
const SPECIAL: &[&str] = &[
    "blockquote", "caption", "dd", "dl", "dt", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "li",
    "ol", "pre", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];
/// Start tags that break out of SVG/MathML content.
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
    "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
];
const TABLE_SCOPE: &[&str] = &["table", "td", "th", "caption"];
const TABLE_PARTS: &[&str] = &["caption", "thead", "tbody", "tfoot", "tr", "td", "th"];

fn find(list: &[&'static str], name: &str) -> Option<&'static str> {
    list.iter().copied().find(|n| n.eq_ignore_ascii_case(name))
}

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

enum Tok<'a> {
    Text(&'a str),
    Start(&'a str, Vec<(&'a str, &'a str)>, bool),
    End(&'a str),
    Skip,
}

struct Lexer<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Lexer<'a> {
    /// Next token; `foreign` = inside SVG/MathML (CDATA real, no raw text).
    fn next(&mut self, foreign: bool) -> Option<Tok<'a>> {
        let (s, b, at) = (self.s, self.s.as_bytes(), self.i);
        if at >= b.len() {
            return None;
        }
        let len = b.len();
        if b[at] != b'<' {
            self.i = b[at..].iter().position(|&c| c == b'<').map_or(len, |p| at + p);
            return Some(Tok::Text(&s[at..self.i]));
        }
        let c1 = b.get(at + 1).copied().unwrap_or(0);
        let c2 = b.get(at + 2).copied().unwrap_or(0);
        if c1.is_ascii_alphabetic() {
            return Some(self.tag(at + 1, false, foreign));
        }
        if c1 == b'/' {
            if c2.is_ascii_alphabetic() {
                return Some(self.tag(at + 2, true, foreign));
            }
            if c2 == b'>' {
                self.i = at + 3;
                return Some(Tok::Skip);
            }
            if at + 2 >= len {
                self.i = len;
                return Some(Tok::Text(&s[at..]));
            }
            return Some(self.until(at + 2, ">"));
        }
        if s[at..].starts_with("<!--") {
            let p = at + 4;
            if s[p..].starts_with('>') || s[p..].starts_with("->") {
                self.i = p + 1 + s[p..].starts_with("->") as usize;
                return Some(Tok::Skip);
            }
            let mut q = p;
            while let Some(d) = s[q..].find("--") {
                let e = q + d + 2;
                if s[e..].starts_with('>') || s[e..].starts_with("!>") {
                    self.i = e + 1 + s[e..].starts_with('!') as usize;
                    return Some(Tok::Skip);
                }
                q = q + d + 1;
            }
            self.i = len;
            return Some(Tok::Skip);
        }
        if foreign && s[at..].starts_with("<![CDATA[") {
            return Some(self.until(at + 9, "]]>"));
        }
        if c1 == b'!' || c1 == b'?' {
            return Some(self.until(at + 2, ">"));
        }
        self.i = at + 1;
        Some(Tok::Text("<"))
    }

    /// Skips to just after `end` (or to the end of input).
    fn until(&mut self, from: usize, end: &str) -> Tok<'a> {
        self.i = self.s[from..].find(end).map_or(self.s.len(), |p| from + p + end.len());
        Tok::Skip
    }

    /// Parses a tag whose name starts at `n`. Unterminated tags are dropped.
    fn tag(&mut self, n: usize, end: bool, foreign: bool) -> Tok<'a> {
        let (s, b) = (self.s, self.s.as_bytes());
        let len = b.len();
        let mut p = n;
        while p < len && !is_ws(b[p]) && b[p] != b'/' && b[p] != b'>' {
            p += 1;
        }
        let name = &s[n..p];
        let mut attrs = Vec::new();
        let self_closing;
        loop {
            while p < len && (is_ws(b[p]) || (b[p] == b'/' && b.get(p + 1) != Some(&b'>'))) {
                p += 1;
            }
            if p >= len {
                self.i = len;
                return Tok::Skip;
            }
            if b[p] == b'>' || b[p] == b'/' {
                self_closing = b[p] == b'/';
                p += 1 + self_closing as usize;
                break;
            }
            let ns = p;
            p += 1; // the first character may be `=`
            while p < len && !is_ws(b[p]) && !matches!(b[p], b'/' | b'>' | b'=') {
                p += 1;
            }
            let an = &s[ns..p];
            while p < len && is_ws(b[p]) {
                p += 1;
            }
            let mut val = "";
            if p < len && b[p] == b'=' {
                p += 1;
                while p < len && is_ws(b[p]) {
                    p += 1;
                }
                if p < len && (b[p] == b'"' || b[p] == b'\'') {
                    let q = b[p];
                    match b[p + 1..].iter().position(|&c| c == q) {
                        Some(e) => {
                            val = &s[p + 1..p + 1 + e];
                            p += e + 2;
                        }
                        None => p = len,
                    }
                } else {
                    let st = p;
                    while p < len && !is_ws(b[p]) && b[p] != b'>' {
                        p += 1;
                    }
                    val = &s[st..p];
                }
            }
            if !end {
                attrs.push((an, val));
            }
        }
        self.i = p;
        if end {
            return Tok::End(name);
        }
        if !foreign && name.eq_ignore_ascii_case("plaintext") {
            self.i = len;
            return Tok::Skip;
        }
        if let (false, Some(raw)) = (foreign, find(RAW, name)) {
            // Skip to `</name` followed by whitespace, `/` or `>`, then past that end tag.
            let mut q = p;
            while let Some(off) = s[q..].find("</") {
                let t = q + off + 2;
                let e = t + raw.len();
                if e <= len
                    && s.is_char_boundary(e)
                    && s[t..e].eq_ignore_ascii_case(raw)
                    && (e == len || is_ws(b[e]) || b[e] == b'/' || b[e] == b'>')
                {
                    self.tag(t, true, false);
                    return Tok::Skip;
                }
                q = t;
            }
            self.i = len;
            return Tok::Skip;
        }
        Tok::Start(name, attrs, self_closing)
    }
}

/// An element being dropped with its content.
struct Dropping<'a> {
    name: &'a str,
    depth: usize,
    foreign: bool,
}

struct San<'a> {
    out: String,
    stack: Vec<&'static str>,
    base: &'a str,
    drop: Option<Dropping<'a>>,
    /// Just emitted `<pre>`: a browser drops one LF right after it.
    pre_lf: bool,
}

/// Sanitises untrusted HTML; relative URLs are resolved against `base`.
pub fn sanitize_html(input: &str, base: &str) -> String {
    let mut san = San { out: String::with_capacity(input.len()), stack: Vec::new(), base, drop: None, pre_lf: false };
    let mut lx = Lexer { s: input, i: 0 };
    while let Some(tok) = lx.next(san.drop.as_ref().is_some_and(|d| d.foreign)) {
        let pre_lf = std::mem::take(&mut san.pre_lf);
        match tok {
            Tok::Text(t) if san.drop.is_none() => {
                // Like a browser, drop the LF right after <pre>; protect a
                // remaining leading newline with an extra LF for the same reason.
                let t = if pre_lf { t.strip_prefix("\r\n").or(t.strip_prefix(['\n', '\r'])).unwrap_or(t) } else { t };
                if san.out.ends_with("<pre>") && t.starts_with(['\n', '\r']) {
                    san.out.push('\n');
                }
                escape(&mut san.out, &decode(t, false))
            }
            Tok::Start(name, attrs, sc) => san.start(name, &attrs, sc),
            Tok::End(name) => san.end(name),
            _ => {}
        }
    }
    san.close_to(0);
    san.out
}

/// Appends `s` with `& < > "` escaped and control characters (other than
/// tab, LF, FF, CR) removed.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\x0c' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// First attribute called `name` (the HTML rule: first one wins), decoded.
fn attr(attrs: &[(&str, &str)], name: &str) -> Option<String> {
    attrs.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| decode(v, true).into_owned())
}

/// 1..=`max` ASCII digits (surrounding whitespace ignored).
fn digits(v: Option<String>, max: usize) -> Option<String> {
    let v = v?;
    let t = v.trim_matches(|c: char| c.is_ascii_whitespace());
    (!t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.to_string())
}

fn push_attr(out: &mut String, name: &str, value: Option<String>) {
    if let Some(v) = value {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(out, &v);
        out.push('"');
    }
}

impl<'a> San<'a> {
    fn start(&mut self, name: &'a str, attrs: &[(&str, &str)], sc: bool) {
        if let Some(d) = &mut self.drop {
            if !(d.foreign && find(BREAKOUT, name).is_some()) {
                let nested = name.eq_ignore_ascii_case(d.name) && !(d.foreign && sc);
                if nested && !name.eq_ignore_ascii_case("option") {
                    d.depth += 1;
                }
                return;
            }
            self.drop = None;
        }
        let name = match name {
            n if n.eq_ignore_ascii_case("h1") => "h2",
            n if n.eq_ignore_ascii_case("image") => "img",
            n => n,
        };
        if let Some(k) = find(KEEP, name) {
            self.open(k, attrs);
        } else if find(DROP, name).is_some() || (name.contains(':') && !is_smart_tag(name)) {
            let foreign = name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math");
            if !(foreign && sc) {
                self.drop = Some(Dropping { name, depth: 1, foreign });
            }
        }
        // Anything else is unwrapped: the tag vanishes, its content stays.
    }

    fn end(&mut self, name: &str) {
        let name = if name.eq_ignore_ascii_case("h1") { "h2" } else { name };
        let Some(k) = find(KEEP, name) else {
            if let Some(d) = &mut self.drop {
                if name.eq_ignore_ascii_case(d.name) {
                    d.depth -= 1;
                    if d.depth == 0 {
                        self.drop = None;
                    }
                }
            }
            return;
        };
        let targets: &[&str] = if HEADINGS.contains(&k) { HEADINGS } else { &[k] };
        // A parent's end tag also ends an element being dropped inside it.
        if let Some(i) = self.stack.iter().rposition(|n| targets.contains(n)) {
            self.drop = None;
            self.close_to(i);
        }
    }

    fn close_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let n = self.stack.pop().unwrap_or_default();
            self.out.push_str("</");
            self.out.push_str(n);
            self.out.push('>');
        }
    }

    /// Closes the innermost element in `targets`, searching down the stack
    /// until an element for which `stop` holds.
    fn close_in_scope(&mut self, targets: &[&str], stop: impl Fn(&str) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i];
            if targets.contains(&n) {
                return self.close_to(i);
            }
            if stop(n) {
                return;
            }
        }
    }

    /// Implied end tags (a subset of the HTML5 tree-builder rules) so that
    /// the browser builds the same tree from our output as we did.
    fn implied_closes(&mut self, k: &str) {
        match k {
            "li" => self.close_in_scope(&["li"], |n| SPECIAL.contains(&n)),
            "dd" | "dt" => self.close_in_scope(&["dd", "dt"], |n| SPECIAL.contains(&n)),
            "tr" => self.close_in_scope(&["tr"], |n| ["table", "thead", "tbody", "tfoot"].contains(&n)),
            "td" | "th" => self.close_in_scope(&["td", "th"], |n| ["table", "tr", "thead", "tbody", "tfoot"].contains(&n)),
            "thead" | "tbody" | "tfoot" => self.close_in_scope(&["thead", "tbody", "tfoot"], |n| n == "table"),
            "a" => self.close_in_scope(&["a"], |n| TABLE_SCOPE.contains(&n)),
            _ => {}
        }
        if CLOSES_P.contains(&k) {
            self.close_in_scope(&["p"], |n| TABLE_SCOPE.contains(&n));
        }
        if HEADINGS.contains(&k) && self.stack.last().is_some_and(|n| HEADINGS.contains(n)) {
            self.close_to(self.stack.len() - 1);
        }
    }

    fn open(&mut self, k: &'static str, attrs: &[(&str, &str)]) {
        let mut a = String::new();
        match k {
            "a" => {
                let href = attr(attrs, "href").and_then(|h| safe_link(self.base, &h));
                let ext = href.as_deref().map(|h| is_external(self.base, h));
                push_attr(&mut a, "href", href);
                push_attr(&mut a, "title", attr(attrs, "title"));
                a.push_str(match ext {
                    Some(true) => " target=\"_blank\" rel=\"noopener noreferrer\"",
                    Some(false) => " rel=\"noopener\"",
                    None => "",
                });
            }
            "img" => {
                let Some(src) = attr(attrs, "src").and_then(|s| safe_image(self.base, &s)) else {
                    return;
                };
                push_attr(&mut a, "src", Some(src));
                push_attr(&mut a, "alt", attr(attrs, "alt"));
                push_attr(&mut a, "title", attr(attrs, "title"));
                push_attr(&mut a, "width", digits(attr(attrs, "width"), 4));
                push_attr(&mut a, "height", digits(attr(attrs, "height"), 4));
                a.push_str(" loading=\"lazy\" decoding=\"async\"");
            }
            "td" | "th" => {
                push_attr(&mut a, "colspan", digits(attr(attrs, "colspan"), 3));
                push_attr(&mut a, "rowspan", digits(attr(attrs, "rowspan"), 3));
            }
            "ol" => {
                push_attr(&mut a, "start", digits(attr(attrs, "start"), 9));
                if attr(attrs, "reversed").is_some() {
                    a.push_str(" reversed");
                }
            }
            "li" => push_attr(&mut a, "value", digits(attr(attrs, "value"), 9)),
            "abbr" => push_attr(&mut a, "title", attr(attrs, "title")),
            "time" => push_attr(&mut a, "datetime", attr(attrs, "datetime")),
            _ => {}
        }
        let table_part = TABLE_PARTS.contains(&k);
        if table_part && !self.stack.contains(&"table") {
            return; // browsers ignore table parts outside a table
        }
        self.implied_closes(k);
        if table_part {
            // The implied <tbody>/<tr> a browser would insert.
            let top = self.stack.last().copied().unwrap_or_default();
            if matches!(k, "tr" | "td" | "th") && top == "table" {
                self.emit("tbody", "");
            }
            let top = self.stack.last().copied().unwrap_or_default();
            if matches!(k, "td" | "th") && matches!(top, "tbody" | "thead" | "tfoot") {
                self.emit("tr", "");
            }
        }
        self.emit(k, &a);
    }

    fn emit(&mut self, k: &'static str, attrs: &str) {
        let void = matches!(k, "br" | "hr" | "img");
        if !void && self.stack.len() >= MAX_DEPTH {
            return;
        }
        self.out.push('<');
        self.out.push_str(k);
        self.out.push_str(attrs);
        self.out.push('>');
        if !void {
            self.stack.push(k);
        }
        self.pre_lf = k == "pre";
    }
}

/// MS Word smart tags (`<st1:place>Lai Châu</st1:place>`) hold real text: unwrap them.
fn is_smart_tag(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 3 && b[..2].eq_ignore_ascii_case(b"st") && b[2].is_ascii_digit()
}
