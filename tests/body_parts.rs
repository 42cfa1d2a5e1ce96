//! The body split into the parts the reader renders (src/sanitize/parts.rs):
//! videos and tables become components, everything else stays sanitised HTML,
//! and nothing is lost or moved on the way.
mod common;

use common::{parts_html, BASE};
use news_portal::sanitize::media::Video;
use news_portal::sanitize::parts::{split, Part};
use news_portal::sanitize::SafeHtml;

const YT: &str = r#"<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Hội nghị"></iframe>"#;

fn parts(input: &str) -> Option<Vec<Part>> {
    let html = SafeHtml::sanitize(input, BASE);
    let parts = split(&html);
    if let Some(p) = &parts {
        assert_eq!(parts_html(p), html.as_str(), "the parts of {input:?} are not its HTML");
    }
    parts
}

fn tags(parts: &[Part]) -> Vec<String> {
    parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => format!("text:{t}"),
            Part::Static(el, _) => el.tag.to_string(),
            Part::Branch(el, c) => format!("{}[{}]", el.tag, tags(c).join(",")),
            Part::Video { .. } => "video".into(),
            Part::Table { caption, table } => {
                format!("box({})[{}]", caption.as_deref().unwrap_or("-"), tags(std::slice::from_ref(table)).join(","))
            }
        })
        .collect()
}

#[test]
fn a_body_with_nothing_of_the_readers_is_one_piece_of_html() {
    assert_eq!(parts("<p>Một <b>hai</b></p><ul><li>ba</li></ul><pre>\n\nx</pre>"), None);
    assert_eq!(parts(""), None);
}

#[test]
fn videos_and_tables_are_parts_at_any_depth() {
    let p = parts(&format!("<p>a</p>{YT}<div id=\"muc-2\"><p>b</p><table><caption> Dân số </caption><tr><td>1</td></tr></table></div>x"))
        .unwrap();
    assert_eq!(tags(&p), ["p", "video", "div[p,box(Dân số)[table]]", "text:x"]);
    let Part::Video { video, title } = &p[1] else { panic!() };
    assert_eq!((video, title.as_deref()), (&Video::YouTube("dQw4w9WgXcQ".into()), Some("Hội nghị")));
    let Part::Branch(div, _) = &p[2] else { panic!() };
    assert_eq!(div.attrs, [("id", "muc-2".to_string())]);
}

#[test]
fn a_table_inside_a_table_and_a_video_inside_a_cell_are_their_own_parts() {
    let p = parts(&format!("<table><tr><td><table><tr><td>x</td></tr></table>{YT}</td></tr></table>")).unwrap();
    assert_eq!(tags(&p), ["box(-)[table[tbody[tr[td[box(-)[table],video]]]]]"]);
}

#[test]
fn static_html_keeps_its_escapes_and_text_is_decoded() {
    let p = parts(&format!("<abbr title='a\"b'>x</abbr><p>1 &lt; 2 &amp; <a href=\"/x?a=1&amp;b=2\">c</a></p>{YT}&lt;b&gt;")).unwrap();
    let Part::Static(el, _) = &p[0] else { panic!() };
    assert_eq!(el.attrs, [("title", "a\"b".to_string())]);
    let Part::Static(_, html) = &p[1] else { panic!() };
    assert_eq!(html.as_str(), r#"1 &lt; 2 &amp; <a href="https://portal.example/x?a=1&amp;b=2" rel="noopener">c</a>"#);
    assert_eq!(p[3], Part::Text("<b>".into()));
}

#[test]
fn images_get_loading_before_their_source() {
    let p = parts(&format!("<div><img src=/a.png alt=x>{YT}</div>")).unwrap();
    let Part::Branch(_, c) = &p[0] else { panic!() };
    let Part::Static(img, _) = &c[0] else { panic!() };
    let names: Vec<_> = img.attrs.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["loading", "decoding", "src", "alt"]);
}

#[test]
fn a_pre_keeps_its_leading_newline_as_a_browser_would() {
    // Markup "<pre>\n\nx" is the text "\nx"; content set on a <pre> keeps every LF.
    let p = parts(&format!("<div><pre>\n\nx</pre>{YT}</div>")).unwrap();
    let Part::Branch(_, c) = &p[0] else { panic!() };
    let Part::Static(_, html) = &c[0] else { panic!() };
    assert_eq!(html.as_str(), "\nx");
    let p = parts(&format!("<pre>\n\ny{YT}</pre>")).unwrap();
    assert_eq!(tags(&p), ["pre[text:\ny,video]"]);
}

#[test]
fn the_test_cms_body_splits_and_reassembles() {
    let body = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/article.json")).unwrap();
    let html = body.split("\"body_html\":").nth(1).unwrap_or_default();
    let _ = parts(html);
    let p = parts(&format!("{}{YT}<table><tr><td>1</td></tr></table>", "<p>đoạn văn</p>".repeat(200))).unwrap();
    assert_eq!(p.len(), 202);
}
