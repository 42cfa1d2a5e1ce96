//! Shared checks for the sanitiser tests: a strict, independent parser of the
//! sanitiser's output that fails on anything executable or unexpected.
#![allow(dead_code)]

use news_portal::sanitize::sanitize_html;
use proptest::test_runner::Config as ProptestConfig;

/// Cases per property in every property test, CI's and a developer's alike;
/// `PROPTEST_CASES=100000` for a long run (`with_cases` alone would ignore it).
pub const PROPTEST_CASES: u32 = 256;

pub fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(PROPTEST_CASES);
    ProptestConfig::with_cases(cases)
}

pub const BASE: &str = "https://portal.example/api/v1/";

const ELEMENTS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "blockquote",
    "q",
    "cite",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "span",
    "div",
    "abbr",
    "time",
    "video",
    "audio",
    "source",
];
const VOID: &[&str] = &["br", "hr", "img", "source"];
const ATTRS: &[&str] = &[
    "href", "title", "target", "rel", "src", "alt", "width", "height", "loading", "decoding",
    "colspan", "rowspan", "start", "reversed", "value", "datetime", "id", "class", "controls",
    "preload", "poster", "type", "data-np-video", "data-np-title",
];
/// Attributes written without a value.
const BOOLEAN: &[&str] = &["reversed", "controls"];
const FORBIDDEN: &[&str] = &[
    "<script",
    "<iframe",
    "<svg",
    "<math",
    "<style",
    "<base",
    "<meta",
    "<link",
    "<object",
    "<embed",
    "<form",
    "<template",
    "<noscript",
    "<textarea",
    "<title",
    "<xmp",
    "<plaintext",
    "<!--",
    "<!",
    "<?",
];
const URL_PREFIXES: &[&str] = &["http://", "https://", "mailto:", "tel:"];
const DATA_IMAGES: &[&str] = &["png", "jpeg", "gif", "webp", "avif"];

fn fail(out: &str, why: &str) -> ! {
    panic!("not inert ({why}):\n{out}");
}

fn url_ok(name: &str, value: &str) -> bool {
    if URL_PREFIXES.iter().any(|p| value.starts_with(p)) {
        return true;
    }
    // data: only for raster images in img src.
    let Some(rest) = value.strip_prefix("data:image/") else {
        return false;
    };
    name == "src"
        && DATA_IMAGES
            .iter()
            .any(|t| rest.starts_with(&format!("{t};base64,")))
        && rest.split_once(',').is_some_and(|(_, b64)| {
            b64.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        })
}

/// Panics unless `out` is inert, well-formed, allow-listed markup. Forbidden
/// element openers are searched in the whole output (text can never hold a raw
/// `<`); attribute names (no `on*`, `style`, `srcdoc`, only allow-listed ones)
/// and URL values are checked on the parsed tags, so text such as "style=" in
/// a paragraph or an alt text is not mistaken for an attribute.
pub fn assert_inert(out: &str) {
    let low = out.to_lowercase();
    for f in FORBIDDEN {
        if low.contains(f) {
            fail(out, f);
        }
    }
    // Tokenise the (canonical) output: text never contains a raw `<`, tags are
    // `<name( attr="value"| attr)*>` or `</name>`, values never contain `<`, `>` or `"`.
    let b = low.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'>' => fail(out, "raw > in text"),
            b'<' => {
                let end = low[i..]
                    .find('>')
                    .map(|e| i + e)
                    .unwrap_or_else(|| fail(out, "unterminated tag"));
                let tag = &low[i + 1..end];
                if tag.contains('<') {
                    fail(out, "< inside tag");
                }

                if let Some(name) = tag.strip_prefix('/') {
                    if stack.pop().as_deref() != Some(name) {
                        fail(out, &format!("mismatched </{name}>"));
                    }
                } else {
                    let (name, mut attrs) = tag.split_at(tag.find(' ').unwrap_or(tag.len()));
                    if !ELEMENTS.contains(&name) {
                        fail(out, &format!("element <{name}>"));
                    }
                    while let Some(rest) = attrs.strip_prefix(' ') {
                        let n_end = rest.find(['=', ' ']).unwrap_or(rest.len());
                        let an = &rest[..n_end];
                        let banned =
                            an.starts_with("on") || ["style", "srcdoc", "formaction"].contains(&an);
                        if banned || !ATTRS.contains(&an) {
                            fail(out, &format!("attribute {an}"));
                        }
                        attrs = &rest[n_end..];
                        if let Some(v) = attrs.strip_prefix("=\"") {
                            let close = v
                                .find('"')
                                .unwrap_or_else(|| fail(out, "unterminated value"));
                            let value = &v[..close];
                            let fragment = an == "href" && value.starts_with('#');
                            if ["href", "src", "poster"].contains(&an) && !fragment && !url_ok(an, value) {
                                fail(out, &format!("{an}={value}"));
                            }
                            if an == "class" && value != "np-file" {
                                fail(out, &format!("class={value}"));
                            }
                            if an == "id" && value.starts_with("np-") {
                                fail(out, &format!("id={value} may collide with the reader's"));
                            }
                            if an == "preload" && value != "none" {
                                fail(out, &format!("preload={value}"));
                            }
                            attrs = &v[close + 1..];
                        } else if !BOOLEAN.contains(&an) {
                            fail(out, &format!("attribute {an} without value"));
                        }
                    }
                    if !attrs.is_empty() {
                        fail(out, "junk in tag");
                    }
                    if !VOID.contains(&name) {
                        stack.push(name.to_string());
                    }
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    if !stack.is_empty() {
        fail(out, "unclosed elements");
    }
    // Every `&` in the output starts one of the escapes the sanitiser writes.
    for (p, _) in low.match_indices('&') {
        if !["&amp;", "&lt;", "&gt;", "&quot;"]
            .iter()
            .any(|e| low[p..].starts_with(e))
        {
            fail(out, "bare &");
        }
    }
}

/// Sanitises `input` against [`BASE`], checks the result is inert and that
/// sanitising it again changes nothing; returns it.
pub fn check(input: &str) -> String {
    let out = sanitize_html(input, BASE);
    assert_inert(&out);
    let again = sanitize_html(&out, BASE);
    assert_eq!(again, out, "not idempotent for input {input:?}");
    out
}

/// The HTML a browser would hold after the reader renders `parts`: what the
/// sanitiser wrote, if the split lost or moved nothing.
pub fn parts_html(parts: &[news_portal::sanitize::parts::Part]) -> String {
    use news_portal::sanitize::parts::{Element, Part};
    fn escape(s: &str) -> String {
        s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    }
    fn open(el: &Element) -> String {
        // The sanitiser's attribute order, not the render order.
        let mut attrs = el.attrs.clone();
        attrs.sort_by_key(|(n, _)| ["loading", "decoding"].contains(n));
        let attrs: String = attrs
            .iter()
            .map(|(n, v)| match *n {
                "controls" | "reversed" => format!(" {n}"),
                _ => format!(" {n}=\"{}\"", escape(v)),
            })
            .collect();
        format!("<{}{attrs}>", el.tag)
    }
    fn close(el: &Element, inner: String) -> String {
        if ["br", "hr", "img", "source"].contains(&el.tag) {
            return open(el);
        }
        // Set as content, a <pre>'s first LF stays; in markup it would go.
        let lf = if el.tag == "pre" && inner.starts_with('\n') { "\n" } else { "" };
        format!("{}{lf}{inner}</{}>", open(el), el.tag)
    }
    parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => escape(t),
            Part::Static(el, html) => close(el, html.as_str().to_string()),
            Part::Branch(el, children) => close(el, parts_html(children)),
            Part::Video { video, title } => {
                let title = title.as_ref().map(|t| format!(" data-np-title=\"{}\"", escape(t))).unwrap_or_default();
                format!("<figure data-np-video=\"{}\"{title}></figure>", escape(&video.to_attr()))
            }
            Part::Table { table, .. } => parts_html(std::slice::from_ref(table)),
        })
        .collect()
}
