//! What real CMS bodies carry (issue 11): attachments, in-page anchors, video
//! embeds, `<video>`/`<audio>`, images without alt. Each case is checked inert
//! and idempotent (`check`) and compared with its exact expected output.
mod common;

use common::check;
use news_portal::sanitize::media::{attachment, Attachment, Video};

fn expect(cases: &[(&str, &str)]) {
    for (input, want) in cases {
        assert_eq!(check(input), *want, "input: {input:?}");
    }
}

const P: &str = "https://portal.example";

#[rustfmt::skip]
#[test]
fn links_to_documents_say_their_type_and_when_needed_their_name() {
    expect(&[
        ("<a href=/uploads/ke-hoach-15.pdf>Kế hoạch số 15/KH-UBND</a>",
         &format!(r#"<a href="{P}/uploads/ke-hoach-15.pdf" class="np-file" rel="noopener">Kế hoạch số 15/KH-UBND (PDF)</a>"#)),
        // The text names no file: the file's name is added.
        ("<a href=/uploads/QD%2015.docx>Tải về</a>",
         &format!(r#"<a href="{P}/uploads/QD%2015.docx" class="np-file" rel="noopener">Tải về (DOCX: QD 15.docx)</a>"#)),
        ("<a href=https://cdn.example/f/bieu-mau.XLSX?v=2><strong>Tải file PDF</strong></a>",
         r#"<a href="https://cdn.example/f/bieu-mau.XLSX?v=2" class="np-file" target="_blank" rel="noopener noreferrer"><strong>Tải file PDF</strong> (XLSX: bieu-mau.XLSX)</a>"#),
        // The text already says the type.
        ("<a href=/a/bao-cao.pdf>Báo cáo (PDF)</a>",
         &format!(r#"<a href="{P}/a/bao-cao.pdf" class="np-file" rel="noopener">Báo cáo (PDF)</a>"#)),
        // Not documents.
        ("<a href=/a/anh.jpg>Ảnh</a>", &format!(r#"<a href="{P}/a/anh.jpg" rel="noopener">Ảnh</a>"#)),
        ("<a href=/tin/pdf>PDF</a>", &format!(r#"<a href="{P}/tin/pdf" rel="noopener">PDF</a>"#)),
        ("<a href=mailto:so@tinh.gov.vn>Email</a> <a href=tel:+842133>Gọi</a>",
         r#"<a href="mailto:so@tinh.gov.vn" rel="noopener">Email</a> <a href="tel:+842133" rel="noopener">Gọi</a>"#),
    ]);
}

#[test]
fn attachment_labels() {
    let pdf = attachment("https://p.example/files/K%E1%BA%BF-ho%E1%BA%A1ch.pdf#page=2").unwrap();
    assert_eq!(pdf, Attachment { kind: "PDF".into(), name: "Kế-hoạch.pdf".into() });
    assert_eq!(pdf.label("Kế hoạch"), Some(" (PDF)".into()));
    assert_eq!(pdf.label(" Tải văn bản "), Some(" (PDF: Kế-hoạch.pdf)".into()));
    assert_eq!(pdf.label("Tải về PDF"), Some(" (Kế-hoạch.pdf)".into()));
    assert_eq!(pdf.label("Kế-hoạch.pdf"), None);
    assert_eq!(attachment("https://p.example/"), None);
    assert_eq!(attachment("https://p.example/x.pdf.html"), None);
    assert_eq!(attachment("mailto:a@b.pdf"), None);
}

#[rustfmt::skip]
#[test]
fn in_page_links_and_ids() {
    expect(&[
        (r##"<a href="#muc-2">Mục 2</a><h3 id=muc-2>2. Nội dung</h3>"##,
         r##"<a href="#muc-2">Mục 2</a><h2 id="muc-2">2. Nội dung</h2>"##),
        // Word's bookmarks.
        (r##"<p><a name="_Toc123"></a>Điều 1</p>"##, r##"<p><a id="_Toc123"></a>Điều 1</p>"##),
        // Ids that could be the reader's own, or are not ids, are dropped.
        (r##"<p id="np-main">a</p><p id="NP-x">b</p><p id="a b">c</p><p id="">d</p>"##,
         "<p>a</p><p>b</p><p>c</p><p>d</p>"),
        (r##"<a href="#">top</a><a href="#np-main">x</a><a href="# y">y</a>"##, "<a>top</a><a>x</a><a>y</a>"),
        (r##"<a href="#m&quot;x">q</a>"##, r##"<a href="#m&quot;x">q</a>"##),
    ]);
}

#[rustfmt::skip]
#[test]
fn video_embeds_become_click_to_load_placeholders() {
    let yt = r#"<figure data-np-video="youtube:dQw4w9WgXcQ" data-np-title="Hội nghị"></figure>"#;
    expect(&[
        (r#"<p>Trước<iframe width=560 src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" title="Hội nghị" allowfullscreen></iframe>sau</p>"#,
         &format!("<p>Trước</p>{yt}sau")),
        (r#"<div><iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Hội nghị"></iframe></div>"#,
         &format!("<div>{yt}</div>")),
        (r#"<iframe src="https://youtu.be/dQw4w9WgXcQ"></iframe>"#,
         r#"<figure data-np-video="youtube:dQw4w9WgXcQ"></figure>"#),
        (r#"<iframe src="https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ"></iframe>"#,
         r#"<figure data-np-video="youtube:dQw4w9WgXcQ"></figure>"#),
        (r#"<iframe src="https://www.facebook.com/plugins/video.php?height=314&href=https%3A%2F%2Fwww.facebook.com%2Fbaolaichau%2Fvideos%2F123456%2F&show_text=false"></iframe>"#,
         r#"<figure data-np-video="facebook:https://www.facebook.com/baolaichau/videos/123456/"></figure>"#),
        // Any other iframe, or a bad id, is still dropped.
        (r#"a<iframe src="https://evil.example/embed/dQw4w9WgXcQ"></iframe>b"#, "ab"),
        (r#"a<iframe src="https://www.youtube.com/embed/short"></iframe>b"#, "ab"),
        (r#"a<iframe src="javascript:alert(1)//youtube.com/embed/dQw4w9WgXcQ"></iframe>b"#, "ab"),
        (r#"a<iframe srcdoc="<script>alert(1)</script>"></iframe>b"#, "ab"),
        // A placeholder written by hand is read like one written by the sanitiser.
        (r#"<figure data-np-video="youtube:&quot;onload=x" data-np-title="t">c</figure>"#, "<figure>c</figure>"),
        (r#"<figure data-np-video="facebook:https://evil.example/v">c</figure>"#, "<figure>c</figure>"),
    ]);
}

#[test]
fn videos_are_recognised_and_their_players_built() {
    let yt = Video::from_embed("https://www.youtube.com/embed/dQw4w9WgXcQ").unwrap();
    assert_eq!(yt.player_src(), "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
    assert_eq!(yt.page_url(), "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    assert_eq!(Video::from_attr(&yt.to_attr()), Some(yt));
    let fb = Video::from_attr("facebook:https://www.facebook.com/p/videos/1/").unwrap();
    assert_eq!(
        fb.player_src(),
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fp%2Fvideos%2F1%2F&show_text=false&autoplay=true"
    );
    assert_eq!(Video::from_attr("vimeo:123"), None);
    assert_eq!(Video::from_attr("facebook:http://www.facebook.com/p/videos/1/"), None);
    assert_eq!(Video::from_embed("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3"), Video::from_attr("youtube:dQw4w9WgXcQ"));
}

#[rustfmt::skip]
#[test]
fn video_and_audio_are_kept_with_controls_and_no_preload() {
    expect(&[
        (r#"<video src="/media/clip.mp4" poster="/media/clip.jpg" autoplay muted loop width=640 height=360>Trình duyệt không hỗ trợ</video>"#,
         &format!(r#"<video src="{P}/media/clip.mp4" poster="{P}/media/clip.jpg" width="640" height="360" controls preload="none">Trình duyệt không hỗ trợ</video>"#)),
        (r#"<video preload=auto><source src="https://media.example/a.webm" type="video/webm"><source src="javascript:x"><track src=x></video>"#,
         r#"<video controls preload="none"><source src="https://media.example/a.webm" type="video/webm"></video>"#),
        (r#"<audio src="data:audio/mp3;base64,AAAA" onplay=alert(1)><source src="/a.mp3" type="audio/mpeg"></audio>"#,
         &format!(r#"<audio controls preload="none"><source src="{P}/a.mp3" type="audio/mpeg"></audio>"#)),
        // A source outside a media element means nothing.
        ("<p><source src=/a.mp3>x</p>", "<p>x</p>"),
    ]);
}

#[rustfmt::skip]
#[test]
fn images_without_alt_are_decorative_and_bad_ones_vanish() {
    expect(&[
        ("<p><img src=/a.png>x</p>", &format!(r#"<p><img src="{P}/a.png" alt="" loading="lazy" decoding="async">x</p>"#)),
        ("<p><img src=javascript:x alt=a>x<img>y</p>", "<p>xy</p>"),
    ]);
}

#[rustfmt::skip]
#[test]
fn heading_levels_follow_the_title_without_gaps() {
    expect(&[
        ("<h3>Một</h3><p>a</p><h5>Hai</h5><h3>Ba</h3>", "<h2>Một</h2><p>a</p><h3>Hai</h3><h2>Ba</h2>"),
        ("<h1>T</h1><h4 id=x>Một</h4>", r#"<h2>T</h2><h3 id="x">Một</h3>"#),
        ("<h2>a</h2><h3>b</h3>", "<h2>a</h2><h3>b</h3>"),
        // Text and attribute values that look like headings are left alone.
        ("<h4><abbr title=\"<h5>\">&lt;h4&gt;</abbr></h4>", r#"<h2><abbr title="&lt;h5&gt;">&lt;h4&gt;</abbr></h2>"#),
        ("<script><h2></script><h4>x</h4>", "<h2>x</h2>"),
    ]);
}
