//! One news item in a list: thumbnail, title link, summary, category, date
//! and view count. Static markup (see `html.rs`).

use super::published::published;
use super::thumbnail::thumbnail;
use super::Ctx;
use crate::fold;
use crate::format;
use crate::html::Html;
use crate::model::ArticleSummary;
use crate::route::article_path;

/// How a card shows in its list.
#[derive(Clone, Copy)]
pub struct CardStyle<'a> {
    /// Heading level of the title: 2 under a page's h1, 3 under a section's h2.
    pub level: u8,
    /// Cards in a carousel show less.
    pub compact: bool,
    /// Folded search words to mark in the title.
    pub highlight: &'a [String],
}

pub fn article_card(h: &mut Html, cx: &Ctx, item: &ArticleSummary, style: CardStyle) {
    let href = cx.router.href(&article_path(&item.id, item.slug.as_deref()));
    let compact = style.compact;
    h.open("article", &[("class", if compact { "np-card np-card--compact" } else { "np-card" })]);
    if let Some(img) = &item.thumbnail {
        let mut inner = Html::new();
        thumbnail(&mut inner, cx, img, "np-card__thumb", false);
        if !inner.is_empty() {
            // The title link is the one the keyboard and screen readers get.
            h.open("a", &[("class", "np-card__media"), ("href", &href), ("tabindex", "-1"), ("aria-hidden", "true")])
                .trusted(&inner.finish())
                .close("a");
        }
    }
    let heading = if style.level == 2 { "h2" } else { "h3" };
    h.open("div", &[("class", "np-card__text")]).open(heading, &[("class", "np-card__heading")]);
    h.open("a", &[("class", "np-card__title"), ("href", &href)]);
    for (marked, run) in fold::highlight(&item.title, style.highlight) {
        if marked {
            h.el("mark", &[], &run);
        } else {
            h.text(&run);
        }
    }
    h.close("a").close(heading);
    if let (false, Some(s)) = (compact, &item.summary) {
        h.el("p", &[("class", "np-card__summary")], s);
    }
    h.open("p", &[("class", "np-card__meta")]);
    if let (false, Some(c)) = (compact, &item.category) {
        h.el("span", &[("class", "np-card__category")], &c.name);
    }
    if let Some(at) = &item.published_at {
        published(h, cx, at, "np-card__date");
    }
    if let (false, Some(n)) = (compact, item.views) {
        let text = format!("{}: {}", cx.t.views, format::number(n, cx.lang));
        h.el("span", &[("class", "np-card__views")], &text);
    }
    h.close("p").close("div").close("article");
}
