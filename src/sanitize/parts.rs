//! The sanitised body, split where the reader's own components take over
//! (std only): a video placeholder becomes a player, a table gets a scroll
//! box. Everything else stays `SafeHtml`, so the body is a tree of views in
//! Leptos' owner tree and nothing patches the DOM after it is inserted
//! (decision 0006).
//!
//! It reads the sanitiser's canonical output, where every `<` is a tag,
//! every element is closed in order and every value is double-quoted and
//! escaped: a slice between an element's start and end tags is that
//! element's whole content, as safe as the output it was cut from.

use super::media::Video;
use super::{find, plain_text, SafeHtml, KEEP};

/// The attributes the sanitiser writes.
const ATTRS: &str = "loading decoding id href title class target rel data-np-video data-np-title src \
    poster width height controls preload type alt colspan rowspan start reversed value datetime";
const VOID: &str = "br hr img source";

/// An element of the body: its name and attributes (decoded values).
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Text between elements, decoded: shown as text.
    Text(String),
    /// An element with nothing of the reader's inside: its content is HTML.
    Static(Element, SafeHtml),
    /// An element that holds a video or a table somewhere inside.
    Branch(Element, Vec<Part>),
    /// A click-to-load video.
    Video { video: Video, title: Option<String> },
    /// A table in a scroll box named by its caption.
    Table { caption: Option<String>, table: Box<Part> },
}

/// The body's parts, or `None` when nothing in it is the reader's (the
/// whole body is then one `SafeHtml`, the common and fastest case).
pub fn split(html: &SafeHtml) -> Option<Vec<Part>> {
    let s = html.as_str();
    let mut stack = vec![Frame::new(Element { tag: "", attrs: Vec::new() }, 0)];
    let mut i = 0;
    while i < s.len() {
        let Some(lt) = s[i..].find('<').map(|at| i + at) else {
            text(&mut stack, &s[i..]);
            break;
        };
        if lt > i {
            text(&mut stack, &s[i..lt]);
        }
        let Some(gt) = s[lt..].find('>').map(|at| lt + at) else { break };
        let tag = &s[lt + 1..gt];
        i = gt + 1;
        if tag.starts_with('/') {
            // The root frame is never closed: a stray end tag ends nothing.
            if stack.len() > 1 {
                if let Some(frame) = stack.pop() {
                    push(&mut stack, frame.close(&s[..lt]));
                }
            }
        } else if let Some(el) = element(tag) {
            if VOID.split(' ').any(|v| v == el.tag) {
                push(&mut stack, Child::Static(el, ""));
            } else {
                stack.push(Frame::new(el, i));
            }
        }
    }
    // Canonical output closes everything; anything left open ends here.
    while stack.len() > 1 {
        if let Some(frame) = stack.pop() {
            push(&mut stack, frame.close(s));
        }
    }
    let root = stack.pop()?;
    root.dynamic.then(|| root.children.into_iter().map(Child::into_part).collect())
}

/// A child read so far. Text and static elements stay slices of the output
/// until their parent turns out to hold something of the reader's: most
/// never do, and copying each level's content again would be quadratic in
/// the nesting.
enum Child<'a> {
    Text(&'a str),
    Static(Element, &'a str),
    Part(Part),
}

impl Child<'_> {
    fn into_part(self) -> Part {
        match self {
            Child::Text(raw) => Part::Text(unescape(raw)),
            Child::Static(el, html) => Part::Static(el, SafeHtml(html.to_string())),
            Child::Part(part) => part,
        }
    }
}

/// An element being read: where its content starts, its children so far.
struct Frame<'a> {
    el: Element,
    start: usize,
    children: Vec<Child<'a>>,
    dynamic: bool,
    /// A table's first caption, as text.
    caption: Option<String>,
}

impl<'a> Frame<'a> {
    fn new(el: Element, start: usize) -> Frame<'a> {
        Frame { el, start, children: Vec::new(), dynamic: false, caption: None }
    }

    /// What this element is, `upto` being the output before its end tag.
    fn close(self, upto: &'a str) -> Child<'a> {
        let attr = |name: &str| self.el.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        if self.el.tag == "figure" {
            if let Some(video) = attr("data-np-video").as_deref().and_then(Video::from_attr) {
                return Child::Part(Part::Video { video, title: attr("data-np-title").filter(|t| !t.trim().is_empty()) });
            }
        }
        let table = self.el.tag == "table";
        let part = if self.dynamic {
            Part::Branch(self.el, self.children.into_iter().map(Child::into_part).collect())
        } else {
            let content = upto.get(self.start..).unwrap_or_default();
            // A browser drops a `<pre>`'s first LF only when parsing its start tag.
            let content = if self.el.tag == "pre" { content.strip_prefix('\n').unwrap_or(content) } else { content };
            if !table {
                return Child::Static(self.el, content);
            }
            Part::Static(self.el, SafeHtml(content.to_string()))
        };
        Child::Part(if table { Part::Table { caption: self.caption, table: Box::new(part) } } else { part })
    }
}

fn push<'a>(stack: &mut [Frame<'a>], child: Child<'a>) {
    let Some(top) = stack.last_mut() else { return };
    if let Child::Static(el, html) = &child {
        if el.tag == "caption" && top.el.tag == "table" && top.caption.is_none() {
            top.caption = Some(plain_text(html)).filter(|c| !c.is_empty());
        }
    }
    top.dynamic |= matches!(child, Child::Part(_));
    top.children.push(child);
}

fn text<'a>(stack: &mut [Frame<'a>], raw: &'a str) {
    let Some(top) = stack.last() else { return };
    let first_in_pre = top.el.tag == "pre" && top.children.is_empty();
    let raw = if first_in_pre { raw.strip_prefix('\n').unwrap_or(raw) } else { raw };
    if !raw.is_empty() {
        push(stack, Child::Text(raw));
    }
}

/// A start tag's inside (`a href="x" rel="noopener"`), as the sanitiser
/// wrote it; an element or attribute it never writes is left out.
fn element(tag: &str) -> Option<Element> {
    let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
    let tag = find(KEEP, name)?;
    let mut attrs = Vec::new();
    while !rest.is_empty() {
        rest = rest.trim_start_matches(' ');
        let end = rest.find([' ', '=']).unwrap_or(rest.len());
        let (name, after) = rest.split_at(end);
        let (value, after) = match after.strip_prefix("=\"") {
            Some(v) => v.split_once('"').unwrap_or((v, "")),
            None => ("", after),
        };
        if let Some(name) = find(ATTRS, name) {
            attrs.push((name, unescape(value)));
        }
        rest = after;
    }
    // `loading` before `src`: an image created by script starts loading
    // when it gets its `src`, lazily only if it already has `loading`.
    attrs.sort_by_key(|(n, _)| !matches!(*n, "loading" | "decoding"));
    Some(Element { tag, attrs })
}

/// The sanitiser's escapes undone (it writes no others).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}
