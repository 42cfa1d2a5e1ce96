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

impl Part {
    fn is_static(&self) -> bool {
        matches!(self, Part::Text(_) | Part::Static(..))
    }
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
                let frame = stack.pop().unwrap_or_else(|| Frame::new(Element { tag: "", attrs: Vec::new() }, 0));
                let part = frame.close(&s[..lt]);
                push(&mut stack, part);
            }
        } else if let Some(el) = element(tag) {
            if VOID.split(' ').any(|v| v == el.tag) {
                push(&mut stack, Part::Static(el, SafeHtml(String::new())));
            } else {
                stack.push(Frame::new(el, i));
            }
        }
    }
    // Canonical output closes everything; anything left open ends here.
    while stack.len() > 1 {
        let part = stack.pop().map(|f| f.close(s));
        push(&mut stack, part.unwrap_or(Part::Text(String::new())));
    }
    let root = stack.pop()?;
    root.dynamic.then_some(root.children)
}

/// An element being read: where its content starts, its parts so far.
struct Frame {
    el: Element,
    start: usize,
    children: Vec<Part>,
    dynamic: bool,
    /// A table's first caption, as text.
    caption: Option<String>,
}

impl Frame {
    fn new(el: Element, start: usize) -> Frame {
        Frame { el, start, children: Vec::new(), dynamic: false, caption: None }
    }

    /// The part this element is, `upto` being the output before its end tag.
    fn close(self, upto: &str) -> Part {
        let content = upto.get(self.start..).unwrap_or_default();
        let attr = |name: &str| self.el.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        if self.el.tag == "figure" {
            if let Some(video) = attr("data-np-video").as_deref().and_then(Video::from_attr) {
                return Part::Video { video, title: attr("data-np-title").filter(|t| !t.trim().is_empty()) };
            }
        }
        let caption = self.caption;
        let part = if self.dynamic {
            Part::Branch(self.el, self.children)
        } else {
            // A browser drops a `<pre>`'s first LF only when parsing its start tag.
            let content = if self.el.tag == "pre" { content.strip_prefix('\n').unwrap_or(content) } else { content };
            Part::Static(self.el, SafeHtml(content.to_string()))
        };
        match &part {
            Part::Static(el, _) | Part::Branch(el, _) if el.tag == "table" => Part::Table { caption, table: Box::new(part) },
            _ => part,
        }
    }
}

fn push(stack: &mut [Frame], part: Part) {
    let Some(top) = stack.last_mut() else { return };
    if top.el.tag == "table" && top.caption.is_none() {
        if let Part::Static(el, html) = &part {
            if el.tag == "caption" {
                top.caption = Some(plain_text(html.as_str())).filter(|c| !c.is_empty());
            }
        }
    }
    top.dynamic |= !part.is_static();
    top.children.push(part);
}

fn text(stack: &mut [Frame], raw: &str) {
    let Some(top) = stack.last() else { return };
    let first_in_pre = top.el.tag == "pre" && top.children.is_empty();
    let raw = if first_in_pre { raw.strip_prefix('\n').unwrap_or(raw) } else { raw };
    if !raw.is_empty() {
        push(stack, Part::Text(unescape(raw)));
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
