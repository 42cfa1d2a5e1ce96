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
mod lexer;
pub mod media;
pub mod parts;

use crate::url::{is_external, safe_http, safe_image, safe_link};
use entities::decode;
use lexer::{Lexer, Tok};
use media::{attachment, body_id, fragment_link, Attachment, Video};
use std::borrow::Cow;

/// Deeper elements are unwrapped (their text is kept).
pub const MAX_DEPTH: usize = 100;

// Element lists, space-separated (compact in wasm).
const KEEP: &str = "p br hr h2 h3 h4 h5 h6 strong b em i u s sub sup small mark blockquote q cite \
    code pre ul ol li dl dt dd a img figure figcaption table caption thead tbody tfoot tr th td span div \
    abbr time video audio source";
/// Dropped together with their content (void ones such as meta/link/base/input/
/// embed/source/track simply vanish as unknown elements).
const DROP: &str = "script style iframe frameset object applet noscript noembed noframes template \
    textarea select option title xmp plaintext svg math head form button canvas dialog \
    portal datalist xml";
const HEADINGS: &str = "h2 h3 h4 h5 h6";
/// Start tags that close an open `<p>` (HTML5 "close a p element").
const CLOSES_P: &str =
    "p div h2 h3 h4 h5 h6 blockquote pre ul ol dl li dd dt figure figcaption table hr";
/// HTML5 "special" elements among the kept ones (list-item scope boundaries).
const SPECIAL: &str =
    "blockquote caption dd dl dt figcaption figure h2 h3 h4 h5 h6 li ol pre table \
    tbody td tfoot th thead tr ul";
/// Start tags that break out of SVG/MathML content.
const BREAKOUT: &str = "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 \
    head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u \
    ul var";
const TABLE_SCOPE: &str = "table td th caption";
const TABLE_PARTS: &str = "caption thead tbody tfoot tr td th";

/// The list entry equal to `name`, ASCII case-insensitively.
fn find(list: &'static str, name: &str) -> Option<&'static str> {
    list.split(' ').find(|n| n.eq_ignore_ascii_case(name))
}

/// `name` (already lowercase) is in `list`.
fn has(list: &str, name: &str) -> bool {
    list.split(' ').any(|n| n == name)
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
    /// The attachment the `<a>` being opened points to.
    pending_file: Option<Attachment>,
    /// The open `<a>` to an attachment, and its text so far.
    file_link: Option<(Attachment, String)>,
}

/// HTML that went through the sanitiser. Its only constructor is
/// `SafeHtml::sanitize`, so markup set with `inner_html` from a `SafeHtml`
/// has been cleaned, whatever path it took through the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Sanitises untrusted HTML; relative URLs are resolved against `base`.
    pub fn sanitize(input: &str, base: &str) -> SafeHtml {
        SafeHtml(sanitize_html(input, base))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The text of an HTML fragment (a WordPress title or excerpt): tags gone,
/// character references decoded, whitespace collapsed. Shown as text, so
/// markup in it can never become markup.
pub fn plain_text(html: &str) -> String {
    let mut text = String::new();
    let mut lx = Lexer { s: html, i: 0 };
    while let Some(tok) = lx.next(false) {
        match tok {
            Tok::Text(t) => text.push_str(&decode(t, false)),
            // Blocks and line breaks separate words; inline tags do not.
            Tok::Start(n, ..) | Tok::End(n) if find(CLOSES_P, n).is_some() || n.eq_ignore_ascii_case("br") => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Character references decoded, nothing else (WordPress' category names
/// are text with `&amp;`).
pub fn decode_text(s: &str) -> String {
    decode(s, false).into_owned()
}

/// Sanitises untrusted HTML; relative URLs are resolved against `base`.
pub fn sanitize_html(input: &str, base: &str) -> String {
    // The browser's input-stream preprocessing: CRLF and lone CR become LF.
    let input: Cow<str> = match input.contains('\r') {
        true => input.replace("\r\n", "\n").replace('\r', "\n").into(),
        false => input.into(),
    };
    let mut san = San {
        out: String::with_capacity(input.len()),
        stack: Vec::new(),
        base,
        drop: None,
        pre_lf: false,
        pending_file: None,
        file_link: None,
    };
    let mut lx = Lexer { s: &input, i: 0 };
    while let Some(tok) = lx.next(san.drop.as_ref().is_some_and(|d| d.foreign)) {
        let pre_lf = std::mem::take(&mut san.pre_lf);
        match tok {
            Tok::Text(t) if san.drop.is_none() => {
                // Like a browser, drop the LF right after <pre>; protect a
                // remaining leading newline with an extra LF for the same reason.
                let t = if pre_lf {
                    t.strip_prefix('\n').unwrap_or(t)
                } else {
                    t
                };
                if san.out.ends_with("<pre>") && t.starts_with('\n') {
                    san.out.push('\n');
                }
                let t = decode(t, false);
                if let Some((_, text)) = &mut san.file_link {
                    text.push_str(&t);
                }
                escape(&mut san.out, &t)
            }
            Tok::Embed(attrs) if san.drop.is_none() => san.embed(&attrs),
            Tok::Start(name, attrs, sc) => san.start(name, &attrs, sc),
            Tok::End(name) => san.end(name),
            _ => {}
        }
    }
    san.close_to(0);
    rank_headings(san.out)
}

/// The body's heading levels, renumbered in order from `h2` (the article's
/// title is the page's `h1`) without gaps: CMS editors pick a level for its
/// look, and screen-reader users navigate by them. Works on the canonical
/// output, where a `<` is always a tag.
fn rank_headings(out: String) -> String {
    let b = out.as_bytes();
    let level = |i: usize| match b.get(i..i + 3) {
        Some([b'h', d @ b'2'..=b'6', b'>' | b' ']) => Some(*d - b'0'),
        _ => None,
    };
    // Where each heading tag's digit is, and its level.
    let tags: Vec<(usize, u8)> = out
        .match_indices('<')
        .filter_map(|(i, _)| {
            let at = if b.get(i + 1) == Some(&b'/') { i + 2 } else { i + 1 };
            level(at).map(|d| (at + 1, d))
        })
        .collect();
    let mut rank = [0u8; 7];
    tags.iter().for_each(|&(_, d)| rank[d as usize] = 1);
    let mut next = 2;
    for r in rank.iter_mut().skip(2).filter(|r| **r == 1) {
        *r = next;
        next += 1;
    }
    if tags.iter().all(|&(_, d)| rank[d as usize] == d) {
        return out;
    }
    let mut bytes = out.into_bytes();
    for (at, d) in tags {
        bytes[at] = b'0' + rank[d as usize];
    }
    // Only ASCII digits were replaced by ASCII digits.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Appends `s` with `& < > "` escaped, CR (from `&#13;`) as LF, and other
/// control characters than tab, LF and FF removed.
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push('\n'),
            '\t' | '\n' | '\x0c' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// First attribute called `name` (the HTML rule: first one wins), decoded.
fn attr(attrs: &[(&str, &str)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| decode(v, true).into_owned())
}

/// A media type such as `video/mp4` or `audio/mpeg; codecs="mp3"`.
fn mime(t: &str) -> bool {
    t.len() <= 100 && t.contains('/') && !t.contains(['<', '>', '`'])
}

/// 1..=`max` ASCII digits (surrounding whitespace ignored).
fn digits(v: Option<String>, max: usize) -> Option<String> {
    let v = v?;
    let t = v.trim_matches(|c: char| c.is_ascii_whitespace());
    (!t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.to_string())
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
        } else if find(DROP, name).is_some() {
            let foreign = name.eq_ignore_ascii_case("svg") || name.eq_ignore_ascii_case("math");
            if !(foreign && sc) {
                self.drop = Some(Dropping {
                    name,
                    depth: 1,
                    foreign,
                });
            }
        }
        // Anything else is unwrapped: the tag vanishes, its content stays.
        // So do Word's prefixed elements (`<o:p/>`, `<st1:place>`, `<w:Sdt>`),
        // self-closing or not: their text is the article's.
    }

    fn end(&mut self, name: &str) {
        let name = if name.eq_ignore_ascii_case("h1") {
            "h2"
        } else {
            name
        };
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
        let targets = if has(HEADINGS, k) { HEADINGS } else { k };
        // A parent's end tag also ends an element being dropped inside it.
        if let Some(i) = self.stack.iter().rposition(|n| has(targets, n)) {
            self.drop = None;
            self.close_to(i);
        }
    }

    fn close_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let n = self.stack.pop().unwrap_or_default();
            if n == "a" {
                self.end_file_link();
            }
            self.out.push_str("</");
            self.out.push_str(n);
            self.out.push('>');
        }
    }

    /// Closes the innermost element in `targets`, searching down the stack
    /// until an element for which `stop` holds.
    fn close_in_scope(&mut self, targets: &str, stop: impl Fn(&str) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let n = self.stack[i];
            if has(targets, n) {
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
        let (targets, stop) = match k {
            "li" => ("li", SPECIAL),
            "dd" | "dt" => ("dd dt", SPECIAL),
            "tr" => ("tr", "table thead tbody tfoot"),
            "td" | "th" => ("td th", "table tr thead tbody tfoot"),
            "thead" | "tbody" | "tfoot" => ("thead tbody tfoot", "table"),
            "a" => ("a", TABLE_SCOPE),
            _ => ("", ""),
        };
        // Until nothing changes: re-parsing our output, where these closes are
        // explicit end tags, must then close nothing more (idempotence).
        // Each extra round pops an element, so this stays linear overall.
        loop {
            let depth = self.stack.len();
            if !targets.is_empty() {
                self.close_in_scope(targets, |n| has(stop, n));
            }
            if has(CLOSES_P, k) {
                self.close_in_scope("p", |n| has(TABLE_SCOPE, n));
            }
            if has(HEADINGS, k) && self.stack.last().is_some_and(|n| has(HEADINGS, n)) {
                self.close_to(self.stack.len() - 1);
            }
            if self.stack.len() == depth {
                break;
            }
        }
    }

    fn open(&mut self, k: &'static str, attrs: &[(&str, &str)]) {
        let mut a = String::new();
        if k != "source" {
            // Word writes its bookmarks as `<a name>`.
            let id = attr(attrs, "id").or_else(|| (k == "a").then(|| attr(attrs, "name")).flatten());
            push_attr(&mut a, "id", id.as_deref().and_then(body_id));
        }
        match k {
            "a" => {
                let raw = attr(attrs, "href");
                if let Some(frag) = raw.as_deref().and_then(fragment_link) {
                    push_attr(&mut a, "href", frag);
                    push_attr(&mut a, "title", attr(attrs, "title"));
                } else {
                    let href = raw.and_then(|h| safe_link(self.base, &h));
                    let ext = href.as_deref().map(|h| is_external(self.base, h));
                    self.pending_file = href.as_deref().and_then(attachment);
                    push_attr(&mut a, "href", href);
                    push_attr(&mut a, "title", attr(attrs, "title"));
                    if self.pending_file.is_some() {
                        a.push_str(" class=\"np-file\"");
                    }
                    a.push_str(match ext {
                        Some(true) => " target=\"_blank\" rel=\"noopener noreferrer\"",
                        Some(false) => " rel=\"noopener\"",
                        None => "",
                    });
                }
            }
            "figure" => {
                // A video placeholder written by `embed`, read again.
                if let Some(v) = attr(attrs, "data-np-video").as_deref().and_then(Video::from_attr) {
                    push_attr(&mut a, "data-np-video", Some(v.to_attr()));
                    push_attr(&mut a, "data-np-title", attr(attrs, "data-np-title"));
                }
            }
            "video" | "audio" => {
                push_attr(&mut a, "src", attr(attrs, "src").and_then(|s| safe_http(self.base, &s)));
                if k == "video" {
                    push_attr(&mut a, "poster", attr(attrs, "poster").and_then(|s| safe_image(self.base, &s)));
                    push_attr(&mut a, "width", digits(attr(attrs, "width"), 4));
                    push_attr(&mut a, "height", digits(attr(attrs, "height"), 4));
                }
                // Never plays by itself, and loads nothing until asked.
                a.push_str(" controls preload=\"none\"");
            }
            "source" => {
                if !self.stack.iter().any(|n| matches!(*n, "video" | "audio")) {
                    return;
                }
                let Some(src) = attr(attrs, "src").and_then(|s| safe_http(self.base, &s)) else {
                    return;
                };
                push_attr(&mut a, "src", Some(src));
                push_attr(&mut a, "type", attr(attrs, "type").filter(|t| mime(t)));
            }
            "img" => {
                let Some(src) = attr(attrs, "src").and_then(|s| safe_image(self.base, &s)) else {
                    return;
                };
                push_attr(&mut a, "src", Some(src));
                // An image without alt is announced by its file name; CMS
                // bodies rarely have one, so it is decorative unless it says.
                push_attr(&mut a, "alt", Some(attr(attrs, "alt").unwrap_or_default()));
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
        let table_part = has(TABLE_PARTS, k);
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
        let void = matches!(k, "br" | "hr" | "img" | "source");
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
        if k == "a" {
            self.file_link = self.pending_file.take().map(|f| (f, String::new()));
        }
    }

    /// Before an attachment link's end tag: what its text does not say of
    /// the file ("Kế hoạch số 15 (PDF)").
    fn end_file_link(&mut self) {
        if let Some((file, text)) = self.file_link.take() {
            if let Some(label) = file.label(&text) {
                escape(&mut self.out, &label);
            }
        }
    }

    /// An `<iframe>`: a video from a known site becomes a placeholder that
    /// the reader turns into a click-to-load player; anything else vanishes.
    fn embed(&mut self, attrs: &[(&str, &str)]) {
        let Some(video) = attr(attrs, "src")
            .and_then(|s| safe_http(self.base, &s))
            .and_then(|s| Video::from_embed(&s))
        else {
            return;
        };
        let mut a = String::new();
        push_attr(&mut a, "data-np-video", Some(video.to_attr()));
        push_attr(&mut a, "data-np-title", attr(attrs, "title").filter(|t| !t.trim().is_empty()));
        self.implied_closes("figure");
        let depth = self.stack.len();
        self.emit("figure", &a);
        self.close_to(depth);
    }
}
