//! Markup for what never changes once shown (cards, lists, links, footer),
//! built as one escaped string and set with `inner_html`.
//!
//! Why not `view!`: every typed Leptos view gets its own copy of the render,
//! rebuild and unmount code in the wasm, and these static fragments were a
//! third of the download. Links inside still navigate through the router,
//! which listens for clicks on the reader's root. Every text and attribute
//! value goes through `escape`, so backend strings stay text.

/// An HTML fragment under construction.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    /// `<tag name="value" ...>`. Tags and attribute names are ours
    /// (`'static`); values are escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn text(&mut self, s: &str) -> &mut Html {
        escape(&mut self.0, s);
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn el(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Markup that is already safe: our own fragments or sanitiser output.
    pub fn trusted(&mut self, html: &str) -> &mut Html {
        self.0.push_str(html);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// Appends `s` with `& < > "` escaped (safe as text and as a double-quoted
/// attribute value), CR as LF, and other control characters than tab, LF
/// and FF removed. The sanitiser's output goes through it too.
pub fn escape(out: &mut String, s: &str) {
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

/// Builds a fragment with `f`.
pub fn build(f: impl FnOnce(&mut Html)) -> String {
    let mut h = Html::new();
    f(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let s = build(|h| {
            h.el("a", &[("href", "/x?a=1&b=\"2\""), ("title", "<i>")], "Tom & <Jerry>");
        });
        assert_eq!(s, r#"<a href="/x?a=1&amp;b=&quot;2&quot;" title="&lt;i&gt;">Tom &amp; &lt;Jerry&gt;</a>"#);
    }

    #[test]
    fn nests_and_keeps_vietnamese() {
        let s = build(|h| {
            h.open("p", &[("class", "np-x")]).el("span", &[], "Tin nóng").close("p");
        });
        assert_eq!(s, r#"<p class="np-x"><span>Tin nóng</span></p>"#);
    }

    #[test]
    fn control_characters_are_dropped_and_cr_is_lf() {
        assert_eq!(build(|h| {
            h.text("a\u{7}b\rc\td\u{0}");
        }), "ab\nc\td");
    }

    #[test]
    fn an_attribute_value_cannot_break_out() {
        let s = build(|h| {
            h.open("img", &[("alt", "\" onerror=\"alert(1)")]);
        });
        assert_eq!(s, r#"<img alt="&quot; onerror=&quot;alert(1)">"#);
        assert!(!s.contains("\" onerror"));
    }
}
