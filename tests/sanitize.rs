//! Native tests of the HTML sanitiser (`news_portal::sanitize`) and the URL
//! safety helpers (`news_portal::url`). Every sanitiser output seen here also
//! goes through `common::check`: strict inertness checker + idempotence.
mod common;

use common::{assert_inert, check, BASE};
use news_portal::sanitize::sanitize_html;
use news_portal::url::*;
use std::time::{Duration, Instant};

const LAZY: &str = r#" loading="lazy" decoding="async""#;

fn san(s: &str) -> String {
    check(s)
}

/// `(input, expected)` pairs sanitised against [`BASE`]; `{LAZY}` in an
/// expected string stands for the attributes added to every image.
fn expect(cases: &[(&str, &str)]) {
    for (input, want) in cases {
        assert_eq!(san(input), want.replace("{LAZY}", LAZY), "input: {input:?}");
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

// ---------------------------------------------------------------- editorial

#[test]
fn fixture_article_body_comes_out_clean() {
    let v: serde_json::Value = serde_json::from_str(&read("fixtures/article.json")).unwrap();
    let out = san(v["body_html"].as_str().unwrap());
    assert_eq!(
        out,
        format!(
            "<figure><img src=\"https://portal.example/media/2019/01/bcd-ttdn.jpg\" alt=\"ảnh tin bài\"{LAZY}>\
             <figcaption>Ban chỉ đạo công tác thông tin đối ngoại tỉnh họp triển khai nhiệm vụ</figcaption></figure>\
             <p>Trong bối cảnh hội nhập quốc tế sâu rộng và toàn diện, công tác thông tin đối ngoại có vai trò hết sức quan trọng...</p>\
             <p>Hiểu được tầm quan trọng của công tác thông tin đối ngoại...</p>"
        )
    );
}

#[test]
fn keeps_realistic_cms_body() {
    let body = r#"<h1>Hội nghị tổng kết</h1>
<p style="text-align:justify" class="MsoNormal"><strong>Lai Châu</strong> – Sáng 10/1, <em>Ban chỉ đạo</em> đã họp.</p>
<figure class="image"><img src="../../media/a.jpg" alt="Quang cảnh hội nghị" width="800" height="533" style="border:0"><figcaption>Quang cảnh</figcaption></figure>
<table border="1"><tbody><tr><th colspan="2">Chỉ tiêu</th></tr><tr><td rowspan="2">1</td><td>Tin bài</td></tr></tbody></table>
<ol start="3" reversed type="a"><li value="5">Một</li><li>Hai</li></ol>
<p>Xem <a href="/tin-tuc/abc.html" title="Chi tiết" onclick="track()">chi tiết</a> hoặc <a href="https://baochinhphu.vn/x">Báo Chính phủ</a>, liên hệ <a href="mailto:bbt@laichau.gov.vn">BBT</a>.</p>
<blockquote cite="javascript:alert(1)"><p>Trích dẫn <abbr title="Ủy ban nhân dân">UBND</abbr> <time datetime="2019-01-10">10/1</time></p></blockquote>"#;
    let expected = r#"<h2>Hội nghị tổng kết</h2>
<p><strong>Lai Châu</strong> – Sáng 10/1, <em>Ban chỉ đạo</em> đã họp.</p>
<figure><img src="https://portal.example/media/a.jpg" alt="Quang cảnh hội nghị" width="800" height="533"{LAZY}><figcaption>Quang cảnh</figcaption></figure>
<table><tbody><tr><th colspan="2">Chỉ tiêu</th></tr><tr><td rowspan="2">1</td><td>Tin bài</td></tr></tbody></table>
<ol start="3" reversed><li value="5">Một</li><li>Hai</li></ol>
<p>Xem <a href="https://portal.example/tin-tuc/abc.html" title="Chi tiết" rel="noopener">chi tiết</a> hoặc <a href="https://baochinhphu.vn/x" target="_blank" rel="noopener noreferrer">Báo Chính phủ</a>, liên hệ <a href="mailto:bbt@laichau.gov.vn" rel="noopener">BBT</a>.</p>
<blockquote><p>Trích dẫn <abbr title="Ủy ban nhân dân">UBND</abbr> <time datetime="2019-01-10">10/1</time></p></blockquote>"#;
    expect(&[(body, expected)]);
}

#[rustfmt::skip]
#[test]
fn captions_empty_paragraphs_and_vietnamese_are_left_as_is() {
    let nfc = "Hội nghị Lai Châu: Đảng bộ, chính quyền và nhân dân các dân tộc";
    let nfd = "Ho\u{302}\u{323}i nghi\u{323} Lai Cha\u{302}u"; // decomposed
    expect(&[
        (r#"<p><img src="/m/1.jpg"></p><p><em>Ảnh: Minh họa</em></p>"#,
         r#"<p><img src="https://portal.example/m/1.jpg" alt=""{LAZY}></p><p><em>Ảnh: Minh họa</em></p>"#),
        ("<p></p><p>&nbsp;</p>", "<p></p><p>\u{a0}</p>"),
        (nfc, nfc),
        (nfd, nfd),
        (&format!("<p title=\"x\">{nfd}</p>"), &format!("<p>{nfd}</p>")),
    ]);
}

// ---------------------------------------------------------------- dropping

#[rustfmt::skip]
#[test]
fn drops_scripts_styles_iframes_and_their_content() {
    expect(&[
        ("a<script>alert(1)</script>b", "ab"),
        ("a<SCRIPT type=x>if (a < b) alert(1)</SCRIPT >b", "ab"),
        ("a<style>p{color:red}</style>b", "ab"),
        ("a<iframe src=//evil.example>fallback</iframe>b", "ab"),
        ("a<object data=x><p>fallback</p></object>b", "ab"),
        ("a<svg><circle r=1 /><text>t</text></svg>b", "ab"),
        ("a<form><input name=q><button>Tìm</button></form>b", "ab"),
        ("a<template><p>x</p></template>b<noscript>n</noscript>c", "abc"),
        ("<meta http-equiv=refresh content=0><link rel=x href=y><base href=z>a", "a"),
        ("<div><object>x</div>after", "<div></div>after"), // a parent's end tag ends the drop
    ]);
}

#[rustfmt::skip]
#[test]
fn drops_event_handlers_styles_and_unknown_attributes() {
    expect(&[
        (r#"<p onclick="alert(1)" ONMOUSEOVER=x style="color:red" class=c id=np-main>t</p>"#, "<p>t</p>"),
        ("<div on\nclick=alert(1)>t</div>", "<div>t</div>"),
        ("<img src=/a.png onerror=alert(1) srcset=\"javascript:x 1x\">",
         r#"<img src="https://portal.example/a.png" alt=""{LAZY}>"#),
        ("<q cite=\"https://x.example/\">q</q>", "<q>q</q>"),
    ]);
}

#[test]
fn drops_javascript_urls_and_images_without_a_valid_src() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "java&Tab;script:x",
        "vbscript:x",
        "data:text/html,x",
    ] {
        assert_eq!(
            san(&format!("<a href=\"{href}\">x</a>")),
            "<a>x</a>",
            "{href}"
        );
    }
    expect(&[
        ("<img src=\"javascript:alert(1)\" alt=a>", ""),
        ("<img alt=a>", ""),
        ("<img src=''>", ""),
    ]);
}

#[rustfmt::skip]
#[test]
fn unknown_elements_are_unwrapped() {
    expect(&[
        ("<font color=red><center>Tin <blink>mới</blink></center></font>", "Tin mới"),
        // Word's prefixed elements lose their tags, never their text or the
        // text after them (a self-closing `<o:p/>` used to swallow the rest
        // of its paragraph).
        ("<st1:place w:st=\"on\">Lai Châu</st1:place><o:p>&nbsp;</o:p>!", "Lai Châu\u{a0}!"),
        ("<p>Lai Châu<o:p />, ngày 10/1</p>", "<p>Lai Châu, ngày 10/1</p>"),
        ("<p>A<v:shape id=\"s\"/>B<w:Sdt>C</w:Sdt>D</p>", "<p>ABCD</p>"),
        ("<p>x<O:P/>y</p><p>z</p>", "<p>xy</p><p>z</p>"),
        // Word's settings block outside a comment is not text.
        ("<xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml>T", "T"),
        ("<html><body><p>x</p></body></html>", "<p>x</p>"),
    ]);
}

// ---------------------------------------------------------------- urls in markup

#[rustfmt::skip]
#[test]
fn resolves_relative_urls_and_marks_external_links() {
    expect(&[
        ("<a href=\"x.html\">x</a>", r#"<a href="https://portal.example/api/v1/x.html" rel="noopener">x</a>"#),
        ("<a href=\"//cdn.example/a\">x</a>",
         r#"<a href="https://cdn.example/a" target="_blank" rel="noopener noreferrer">x</a>"#),
        ("<a href=\"HTTPS://PORTAL.EXAMPLE:443/a\">x</a>", r#"<a href="https://portal.example/a" rel="noopener">x</a>"#),
        ("<a href=\"tel:+842133876\">x</a>", r#"<a href="tel:+842133876" rel="noopener">x</a>"#),
        ("<a name=top target=_top rel=opener>x</a>", "<a id=\"top\">x</a>"),
    ]);
    let local = sanitize_html("<img src='img/a.png'><a href='/x'>x</a>", "http://127.0.0.1:8080/demo/");
    assert_eq!(local, format!(r#"<img src="http://127.0.0.1:8080/demo/img/a.png" alt=""{LAZY}><a href="http://127.0.0.1:8080/x" rel="noopener">x</a>"#));
}

#[rustfmt::skip]
#[test]
fn image_and_cell_attributes_are_validated() {
    expect(&[
        ("<img src=a.png width=12345 height=\"50px\" title=\"T\" alt=\"A\">",
         r#"<img src="https://portal.example/api/v1/a.png" alt="A" title="T"{LAZY}>"#),
        ("<image src=a.png width=\" 40 \">", r#"<img src="https://portal.example/api/v1/a.png" alt="" width="40"{LAZY}>"#),
        ("<img src=\"data:image/png;base64,iVBORw0KGgo=\">", r#"<img src="data:image/png;base64,iVBORw0KGgo=" alt=""{LAZY}>"#),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", ""),
        ("<table><td colspan=1000 rowspan=2>x</td></table>", r#"<table><tbody><tr><td rowspan="2">x</td></tr></tbody></table>"#),
    ]);
}

// ---------------------------------------------------------------- structure

#[rustfmt::skip]
#[test]
fn output_is_well_formed_like_a_browser_would_build_it() {
    expect(&[
        ("<p>a<div>b</div>c", "<p>a</p><div>b</div>c"),
        ("<ul><li>1<li>2</ul>", "<ul><li>1</li><li>2</li></ul>"),
        ("<table><tr><td>a<td>b<tr><td>c</table>",
         "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>"),
        ("<td>cell</td><tr><th>h</th></tr>outside", "cellhoutside"), // table parts need a table
        ("<table><thead><th>h<tbody><td>d</table>",
         "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>"),
        ("<pre>\nx\n</pre><pre>\n\ny</pre><pre><!---->\nz</pre>", "<pre>x\n</pre><pre>\n\ny</pre><pre>\n\nz</pre>"),
        ("<b><i>x</b>y</i>", "<b><i>x</i></b>y"),
        ("</div></p>x<br/><hr></br>", "x<br><hr>"),
        ("<h1>a<h3>b</h1>c", "<h2>a</h2><h3>b</h3>c"),
        ("<dl><dt>a<dd>b<dt>c</dl>", "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>"),
        // Closing the <p> (and the <tr> in it) unblocks closing the first <li>.
        ("<table><caption><li>x<p><tr><li>y",
         "<table><caption><li>x<p><tr></tr></p></li><li>y</li></caption></table>"),
        ("<a href=/1>a<a href=/2>b</a>",
         r#"<a href="https://portal.example/1" rel="noopener">a</a><a href="https://portal.example/2" rel="noopener">b</a>"#),
    ]);
}

#[rustfmt::skip]
#[test]
fn unterminated_and_non_element_constructs_are_dropped() {
    expect(&[
        ("ok<img src=x onerror=alert(1)", "ok"),
        ("ok<a href=\"javascript:alert(1)>x</a>", "ok"),
        ("ok<!-- <img src=x onerror=alert(1)>", "ok"),
        ("ok<script>alert(1)", "ok"),
        ("ok<p", "ok"),
        ("ok<", "ok&lt;"),
        ("ok</", "ok&lt;/"),
        ("a<!-- x -->b<!DOCTYPE html>c<?php echo 1 ?>d<![CDATA[x]]>e", "abcde"),
        ("<![CDATA[<img src=x onerror=alert(1)>]]>", "]]&gt;"), // bogus comment up to the first >
        ("<!--><p>x</p>-->", "<p>x</p>--&gt;"),
        ("<!--[if mso]><xml><w:WordDocument>x</w:WordDocument></xml><![endif]-->T", "T"),
    ]);
}

#[test]
fn depth_is_capped() {
    let n = 150;
    let out = san(&format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n)));
    assert_eq!(
        out.matches("<div>").count(),
        news_portal::sanitize::MAX_DEPTH
    );
    assert!(out.contains('x'));
}

/// The fastest of three runs: the least disturbed by the host.
fn time_of(input: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(sanitize_html(input, BASE));
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn linear_time_on_pathological_inputs() {
    // Each pattern at n and 4n repetitions: linear work takes about 4× as
    // long, quadratic 16×. Failing above 10× leaves room for a noisy host;
    // the 20 ms are for patterns too fast to time.
    let patterns: &[(&str, fn(usize) -> String)] = &[
        ("<div>", |n| "<div>".repeat(n)),
        ("<", |n| "<".repeat(n)),
        ("<a ", |n| "<a ".repeat(n)),
        ("<!--", |n| "<!--".repeat(n)),
        ("&", |n| "&".repeat(n)),
        ("&#", |n| "&#".repeat(n)),
        ("&amp", |n| "&amp".repeat(n)),
        ("</p>", |n| "</p>".repeat(n)),
        ("<svg>", |n| "<svg>".repeat(n)),
        ("<object></div>", |n| "<object>".repeat(n) + &"</div>".repeat(n)),
        ("<script></scrip", |n| "<script></scrip".repeat(n)),
        ("<p title=\"x…", |n| "<p title=\"".to_string() + &"x".repeat(n)),
        ("<table><tr><td>", |n| "<table><tr><td>".repeat(n / 3)),
        ("<li>", |n| "<li>".repeat(n)),
        ("<dd><dt>", |n| "<dd><dt>".repeat(n / 2)),
        ("<h2><h3>", |n| "<h2><h3>".repeat(n / 2)),
        // URL resolution per tag is the costly part in a debug build: fewer tags.
        ("<a href=x>", |n| "<a href=x>".repeat(n / 10)),
        ("<img src=/x.png>", |n| "<img src=/x.png>".repeat(n / 10)),
        ("<b><i><u></p>", |n| "<b><i><u>".repeat(n / 3) + &"</p>".repeat(n)),
    ];
    let n = 12_500;
    for (name, make) in patterns {
        let (small, big) = (make(n), make(4 * n));
        assert_inert(&sanitize_html(&big, BASE));
        let (t1, t4) = (time_of(&small), time_of(&big));
        assert!(t4 < t1 * 10 + Duration::from_millis(20), "{name}: {t1:?} for {n} repetitions, {t4:?} for {}: not linear", 4 * n);
    }
}

#[test]
fn never_panics_on_multibyte_neighbours() {
    for s in [
        "<é",
        "</é",
        "<!é",
        "<?é",
        "<aé",
        "<a é=1>",
        "<a b=é>",
        "&é",
        "&#é",
        "&#xé",
        "<a href=\"é",
        "ộ<ộ>ộ</ộ>",
        "<scriptộ>",
        "<script></scriptộ>x",
        "<p\u{0}>\u{0}x",
    ] {
        let out = check(s);
        assert!(!out.contains('\u{0}'), "{s:?}");
    }
}

// ---------------------------------------------------------------- entities

#[rustfmt::skip]
#[test]
fn decodes_and_reescapes_character_references() {
    expect(&[
        ("H&ocirc;m nay &amp; &lt;b&gt; &quot;x&quot; &apos;", "Hôm nay &amp; &lt;b&gt; &quot;x&quot; '"),
        ("&#72;&#x49;&#X4a;&#0000106&#x6B&copy &copy;", "HIJjk© ©"),
        ("&unknown; &amp &lt3 &notit; &#; &#x;", "&amp;unknown; &amp; &lt;3 ¬it; &amp;#; &amp;#x;"),
        ("&#150;&#8211;&#x1F600;&#0;&#xD800;&#1114112;", "––😀\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("a&Tab;b&NewLine;c&colon;&nbsp;&dstrok;&Dstrok;&abreve;", "a\tb\nc:\u{a0}đĐă"),
        ("<a href=\"/x?a=1&amp;b=2&copy=3\" title=\"&lt;&quot;\">x</a>",
         r#"<a href="https://portal.example/x?a=1&amp;b=2&amp;copy=3" title="&lt;&quot;" rel="noopener">x</a>"#),
        ("<img src=a.png alt=\"Ho&#x302;&#x323;i nghi&#803;\">",
         "<img src=\"https://portal.example/api/v1/a.png\" alt=\"Ho\u{302}\u{323}i nghi\u{323}\"{LAZY}>"),
        ("x&#1;y\u{1}z\u{7f}", "xyz"),
        ("a\r\nb\rc&#13;d<pre>\r\ne</pre>", "a\nb\nc\nd<pre>e</pre>"), // CR as in a browser
        // Table alignment: first, last and line-boundary names of the Latin-1 block.
        ("&nbsp;&iexcl;&macr;&deg;&iquest;&Agrave;&Iuml;&ETH;&szlig;&agrave;&iuml;&eth;&yuml;", "\u{a0}¡¯°¿ÀÏÐßàïðÿ"),
        ("&ocirc;&Ocirc;&ecirc;&atilde;&itilde;&Utilde;&utilde;&rarr;&hellip;&ldquo;&rdquo;", "ôÔêãĩŨũ→…“”"),
    ]);
}

// ---------------------------------------------------------------- corpus

#[test]
fn xss_corpus_is_inert_and_idempotent() {
    let corpus: Vec<serde_json::Value> = serde_json::from_str(&read("xss/corpus.json")).unwrap();
    // Exactly the corpus the README counts: a lost entry fails here.
    assert_eq!(corpus.len(), 186, "corpus has {} entries", corpus.len());
    for entry in &corpus {
        let (name, html) = (
            entry["name"].as_str().unwrap(),
            entry["html"].as_str().unwrap(),
        );
        let out = std::panic::catch_unwind(|| check(html))
            .unwrap_or_else(|_| panic!("corpus entry {name} failed"));
        // No attribute value starts with a dangerous scheme, whatever the attribute.
        let low = out.to_lowercase();
        for bad in [
            "=\"javascript",
            "=\"vbscript",
            "=\"data:text",
            "=\"data:image/svg",
            "evil.example/x.js",
        ] {
            assert!(!low.contains(bad), "{name}: {bad} in {out}");
        }
    }
}

// ---------------------------------------------------------------- url.rs

#[rustfmt::skip]
#[test]
fn resolve_cases() {
    let b = "https://portal.example/api/v1/";
    let cases: &[(&str, Option<&str>)] = &[
        ("https://a.example/x", Some("https://a.example/x")),
        ("HTTP://A.EXAMPLE", Some("http://a.example/")),
        ("http://a.example:80/x", Some("http://a.example/x")),
        ("https://a.example:8443/x", Some("https://a.example:8443/x")),
        ("https://user:pw@a.example/", Some("https://a.example/")),
        ("//cdn.example/x.js", Some("https://cdn.example/x.js")),
        ("/media/a.jpg", Some("https://portal.example/media/a.jpg")),
        ("a.jpg", Some("https://portal.example/api/v1/a.jpg")),
        ("../a.jpg", Some("https://portal.example/api/a.jpg")),
        ("../../../../a.jpg", Some("https://portal.example/a.jpg")),
        ("./x/./y/../z", Some("https://portal.example/api/v1/x/z")),
        ("/a/%2e%2E/b/.%2e/c", Some("https://portal.example/c")),
        ("?page=2", Some("https://portal.example/api/v1/?page=2")),
        ("#top", Some("https://portal.example/api/v1/#top")),
        ("  /x  ", Some("https://portal.example/x")),
        ("/a b\"<c>`", Some("https://portal.example/a%20b%22%3Cc%3E%60")),
        ("/x\n/y", Some("https://portal.example/x/y")),
        ("\\\\evil.example\\x", Some("https://evil.example/x")),
        ("/\\evil.example", Some("https://evil.example/")),
        ("https:\\\\evil.example", Some("https://evil.example/")),
        ("mailto:bbt@laichau.gov.vn", Some("mailto:bbt@laichau.gov.vn")),
        ("MAILTO:a@b.example?subject=Tin bài", Some("mailto:a@b.example?subject=Tin%20bài")),
        ("tel:+84 213", Some("tel:+84%20213")),
        ("/tin-tức/hội-nghị", Some("https://portal.example/tin-tức/hội-nghị")),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("\u{1}javascript:alert(1)", None),
        ("javascript\u{0}:alert(1)", None),
        ("vbscript:msgbox", None),
        ("data:text/html,<script>", None),
        ("data:image/png;base64,AAAA", None),
        ("file:///etc/passwd", None),
        ("blob:https://a.example/x", None),
        ("ftp://a.example/", None),
        ("https://", None),
        ("https://a b.example/", None),
        ("https://%65vil.example/", None),
        ("https://a.example:99999/", None),
        ("", None),
        ("   ", None),
    ];
    for (raw, want) in cases {
        assert_eq!(resolve(b, raw).as_deref(), *want, "resolve({raw:?})");
        if let Some(w) = want {
            assert_eq!(resolve(b, w).as_deref(), Some(*w), "fixed point for {w:?}");
        }
    }
}

#[rustfmt::skip]
#[test]
fn relative_urls_need_an_http_base() {
    let local = "http://127.0.0.1:8080/demo/index.html?q=1";
    assert_eq!(resolve("file:///x/", "a.jpg"), None);
    assert_eq!(resolve("not a url", "/a.jpg"), None);
    assert_eq!(resolve("javascript:alert(1)//", "/a"), None);
    assert_eq!(resolve("file:///x/", "https://a.example/").as_deref(), Some("https://a.example/"));
    assert_eq!(resolve(local, "?q=2").as_deref(), Some("http://127.0.0.1:8080/demo/index.html?q=2"));
    assert_eq!(resolve(local, "#f").as_deref(), Some("http://127.0.0.1:8080/demo/index.html?q=1#f"));
    assert_eq!(resolve("http://[::1]:8080/d/", "x").as_deref(), Some("http://[::1]:8080/d/x"));
}

#[rustfmt::skip]
#[test]
fn safe_link_http_and_image() {
    let b = BASE;
    assert_eq!(safe_link(b, "mailto:a@b.example").as_deref(), Some("mailto:a@b.example"));
    assert_eq!(safe_link(b, "javascript:alert(1)"), None);
    assert_eq!(safe_http(b, "mailto:a@b.example"), None);
    assert_eq!(safe_http(b, "tel:1"), None);
    assert_eq!(safe_http(b, "/x").as_deref(), Some("https://portal.example/x"));
    assert_eq!(safe_image(b, "/x.png").as_deref(), Some("https://portal.example/x.png"));
    assert_eq!(safe_image(b, "DATA:IMAGE/PNG;BASE64,iVBO+/=").as_deref(), Some("data:image/png;base64,iVBO+/="));
    for t in ["jpeg", "gif", "webp", "avif"] {
        let u = format!("data:image/{t};base64,AAAA");
        assert_eq!(safe_image(b, &u), Some(u.clone()));
    }
    for bad in ["data:image/svg+xml;base64,AAAA", "data:image/png,rawdata", "data:image/png;base64,AA\"><script>",
                "mailto:a@b.example", "javascript:alert(1)"] {
        assert_eq!(safe_image(b, bad), None, "{bad}");
    }
}

#[test]
fn external_detection() {
    let b = "https://portal.example/api/v1/";
    for (url, external) in [
        ("https://other.example/", true),
        ("http://portal.example/", true),       // scheme differs
        ("https://portal.example:8443/", true), // port differs
        ("https://sub.portal.example/", true),
        ("https://portal.example@evil.example/", true),
        ("https://PORTAL.example:443/x", false),
        ("/x", false),
        ("x?y#z", false),
        ("mailto:a@b.example", false),
        ("javascript:alert(1)", false),
    ] {
        assert_eq!(is_external(b, url), external, "{url}");
    }
    assert!(!is_external(
        "http://127.0.0.1:8080/demo/",
        "http://127.0.0.1:8080/other"
    ));
    assert!(is_external(
        "http://127.0.0.1:8080/demo/",
        "http://127.0.0.1:8081/"
    ));
}
