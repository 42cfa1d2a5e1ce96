//! The tokenizer: the HTML5 tokenizer states that matter for sanitising
//! (tags with quoted/unquoted attributes and HTML's odd separators, comments
//! with their abrupt endings, bogus comments, raw-text/RCDATA elements, CDATA
//! in foreign content). Unterminated constructs at the end of input are
//! dropped. Works on bytes but only slices at ASCII positions, so every slice
//! is on a char boundary. Linear time.

use super::find;

/// Raw-text / RCDATA elements: content is skipped up to the matching end tag.
const RAW: &str = "script style xmp iframe noembed noframes noscript textarea title";

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

pub(super) enum Tok<'a> {
    /// Raw text (character references not yet decoded).
    Text(&'a str),
    /// Tag name as written, raw `(name, value)` attributes, self-closing flag.
    Start(&'a str, Vec<(&'a str, &'a str)>, bool),
    End(&'a str),
    /// An `<iframe>` start tag's attributes (its content is skipped).
    Embed(Vec<(&'a str, &'a str)>),
    /// Comment, doctype, PI, CDATA, raw-text element, unterminated tag: nothing.
    Skip,
}

/// A raw-text element ends as nothing, except an iframe: a video embed.
fn raw_tok<'a>(name: &str, attrs: Vec<(&'a str, &'a str)>) -> Tok<'a> {
    match name {
        "iframe" => Tok::Embed(attrs),
        _ => Tok::Skip,
    }
}

pub(super) struct Lexer<'a> {
    pub(super) s: &'a str,
    pub(super) i: usize,
}

impl<'a> Lexer<'a> {
    /// Next token; `foreign` = inside SVG/MathML (CDATA real, no raw text).
    pub(super) fn next(&mut self, foreign: bool) -> Option<Tok<'a>> {
        let (s, b, at) = (self.s, self.s.as_bytes(), self.i);
        if at >= b.len() {
            return None;
        }
        let len = b.len();
        if b[at] != b'<' {
            self.i = b[at..]
                .iter()
                .position(|&c| c == b'<')
                .map_or(len, |p| at + p);
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
        self.i = self.s[from..]
            .find(end)
            .map_or(self.s.len(), |p| from + p + end.len());
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
                    return raw_tok(raw, attrs);
                }
                q = t;
            }
            self.i = len;
            return raw_tok(raw, attrs);
        }
        Tok::Start(name, attrs, self_closing)
    }
}
