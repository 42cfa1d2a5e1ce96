//! Property tests: the sanitiser never panics, its output is always inert and
//! well-formed, and sanitising is idempotent. `PROPTEST_CASES=100000` for a long run.
mod common;

use common::{assert_inert, BASE};
use news_portal::sanitize::sanitize_html;
use news_portal::url::{resolve, safe_image};
use proptest::prelude::*;

/// Fragments of hostile markup, glued together in random order.
fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("<"),
        Just(">"),
        Just("</"),
        Just("/"),
        Just("/>"),
        Just("="),
        Just(" "),
        Just("\n"),
        Just("\t"),
        Just("\""),
        Just("'"),
        Just("`"),
        Just("&"),
        Just("&#"),
        Just("&#x"),
        Just(";"),
        Just("&amp;"),
        Just("&lt;"),
        Just("&quot;"),
        Just("&colon;"),
        Just("&Tab;"),
        Just("&#106"),
        Just("&#x3C;"),
        Just("<img"),
        Just("<a"),
        Just("<p"),
        Just("<div"),
        Just("<td"),
        Just("<table"),
        Just("<li"),
        Just("<svg"),
        Just("<math"),
        Just("<mtext"),
        Just("<mglyph"),
        Just("<style"),
        Just("<script"),
        Just("</script"),
        Just("</style"),
        Just("</svg"),
        Just("</p"),
        Just("</a"),
        Just("<noscript"),
        Just("</noscript"),
        Just("<template"),
        Just("<textarea"),
        Just("<title"),
        Just("<iframe"),
        Just("<iframe src=https://youtu.be/dQw4w9WgXcQ>"),
        Just("</iframe>"),
        Just("<figure data-np-video=youtube:dQw4w9WgXcQ"),
        Just(" data-np-title="),
        Just("<video"),
        Just("<audio"),
        Just("<source"),
        Just(" poster="),
        Just(" id="),
        Just(" name="),
        Just(" href=#muc"),
        Just(" href=/f/a.pdf>"),
        Just("Tải về"),
        Just("<xmp"),
        Just("<plaintext"),
        Just("<object"),
        Just("<form"),
        Just("<o:p"),
        Just("<h1"),
        Just("<!--"),
        Just("-->"),
        Just("--!>"),
        Just("<!"),
        Just("<?"),
        Just("<![CDATA["),
        Just("]]>"),
        Just(" src="),
        Just(" href="),
        Just(" srcset="),
        Just(" style="),
        Just(" title="),
        Just(" alt="),
        Just(" width="),
        Just(" colspan="),
        Just("on"),
        Just("error="),
        Just("onload="),
        Just("ONCLICK="),
        Just("javascript:"),
        Just("JaVa\tScRiPt:"),
        Just("data:"),
        Just("data:image/png;base64,"),
        Just("vbscript:"),
        Just("//"),
        Just("\\"),
        Just("https://evil.example"),
        Just("/x.png"),
        Just("alert(1)"),
        Just("x"),
        Just("1"),
        Just("é"),
        Just("ộ"),
        Just("Lai Châu"),
        Just("o\u{302}\u{323}"),
        Just("\u{0}"),
        Just("\u{1}"),
        Just("\u{a0}"),
    ]
}

fn markup() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..48).prop_map(|v| v.concat())
}

/// Complete tags, to build deep and badly nested documents (implied end tags,
/// table parts, drops, the depth cap).
fn tag() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("<div>"),
        Just("</div>"),
        Just("<p>"),
        Just("</p>"),
        Just("<table>"),
        Just("</table>"),
        Just("<tbody>"),
        Just("<tr>"),
        Just("</tr>"),
        Just("<td>"),
        Just("</td>"),
        Just("<th>"),
        Just("<caption>"),
        Just("<ul>"),
        Just("<ol>"),
        Just("<li>"),
        Just("</li>"),
        Just("<dl>"),
        Just("<dt>"),
        Just("<dd>"),
        Just("<h1>"),
        Just("</h1>"),
        Just("<h3>"),
        Just("</h3>"),
        Just("<b>"),
        Just("</b>"),
        Just("<i>"),
        Just("<a href=/x>"),
        Just("</a>"),
        Just("<pre>\n"),
        Just("<hr>"),
        Just("<img src=/a.png>"),
        Just("<blockquote>"),
        Just("<figure>"),
        Just("<object>"),
        Just("</object>"),
        Just("<svg>"),
        Just("</svg>"),
        Just("<o:p>"),
        Just("x"),
        Just("\n"),
    ]
}

/// Few tags with many interactions (p, lists, tables, headings, links).
const SMALL_SOUP: &[&str] = &[
    "<table>",
    "<caption>",
    "<tr>",
    "<td>",
    "<li>",
    "<ul>",
    "<p>",
    "</p>",
    "<h2>",
    "<h3>",
    "<dd>",
    "<a>",
    "<b>",
    "<div>",
    "x",
];

fn assert_sanitized(input: &str) -> Result<(), TestCaseError> {
    let out = sanitize_html(input, BASE);
    assert_inert(&out);
    let again = sanitize_html(&out, BASE);
    prop_assert_eq!(&again, &out, "not idempotent for {:?}", input);
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config())]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        assert_sanitized(&s)?;
    }

    #[test]
    fn html_ish_strings(s in "[<>/=\"' a-z!&#;:\\-\u{e9}\u{1ed9}]{0,64}") {
        assert_sanitized(&s)?;
    }

    #[test]
    fn grammar_of_hostile_fragments(s in markup()) {
        assert_sanitized(&s)?;
    }

    #[test]
    fn tag_soup(v in prop::collection::vec(tag(), 0..300)) {
        assert_sanitized(&v.concat())?;
    }

    #[test]
    fn small_tag_soup(v in prop::collection::vec(prop::sample::select(SMALL_SOUP), 0..40)) {
        assert_sanitized(&v.concat())?;
    }

    #[test]
    fn attribute_values_cannot_break_out(
        v in prop::collection::vec(prop_oneof![piece(), Just("&#34;"), Just("&#x22"), Just("\">")], 0..8)
            .prop_map(|v| v.concat()),
        q in prop_oneof![Just('"'), Just('\'')],
    ) {
        let input = format!(
            "<img src=/x.png alt={q}{v}{q} title={q}{v}{q} width={q}{v}{q}><a href={q}/{v}{q} title={q}{v}{q}>t</a>"
        );
        assert_sanitized(&input)?;
    }

    #[test]
    fn resolved_urls_are_safe_fixed_points(s in markup()) {
        for url in [resolve(BASE, &s), safe_image(BASE, &s)].into_iter().flatten() {
            let low = url.to_ascii_lowercase();
            prop_assert!(
                ["http://", "https://", "mailto:", "tel:", "data:image/"].iter().any(|p| low.starts_with(p)),
                "bad scheme: {}", url
            );
            prop_assert!(!url.chars().any(|c| c.is_control() || "\"<> `".contains(c)), "unsafe char: {:?}", url);
            let again = if low.starts_with("data:") { safe_image(BASE, &url) } else { resolve(BASE, &url) };
            prop_assert_eq!(again.as_deref(), Some(url.as_str()));
        }
    }
}

proptest! {
    #![proptest_config(common::proptest_config())]

    /// Whatever the body, its parts are exactly the sanitiser's output.
    #[test]
    fn body_parts_reassemble_to_the_sanitised_body(
        v in prop::collection::vec(prop_oneof![tag(), Just("<iframe src=https://youtu.be/dQw4w9WgXcQ title=t>"), Just("<caption>c</caption>")], 0..200)
    ) {
        let html = news_portal::sanitize::SafeHtml::sanitize(&v.concat(), BASE);
        if let Some(parts) = news_portal::sanitize::parts::split(&html) {
            prop_assert_eq!(common::parts_html(&parts), html.as_str());
        }
    }
}
