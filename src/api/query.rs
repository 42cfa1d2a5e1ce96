//! The parameters of `GET articles`, and how the bundled demo answers them
//! in the client (a static host cannot).

use crate::fold;
use crate::format;
use crate::model::{ArticleSummary, Page};
use crate::url::encode_component;

pub const PER_PAGE: u32 = 10;

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ListQuery {
    pub page: u32,
    pub category: Option<String>,
    pub q: Option<String>,
    /// `YYYY-MM-DD` in the portal's time zone.
    pub date: Option<String>,
}

impl ListQuery {
    pub fn page(page: u32) -> Self {
        ListQuery { page, ..Default::default() }
    }

    /// The query string for the API, parameters percent-encoded.
    pub fn to_query_string(&self) -> String {
        let mut out = format!("page={}&per_page={}", self.page.max(1), PER_PAGE);
        for (key, value) in [("category", &self.category), ("q", &self.q), ("date", &self.date)] {
            if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                out.push('&');
                out.push_str(key);
                out.push('=');
                out.push_str(&encode_component(v));
            }
        }
        out
    }
}

/// Answers a list query from the full demo list (newest first), as the API
/// would: filter, then cut the page.
pub fn answer(all: &[ArticleSummary], query: &ListQuery) -> Page {
    let words = query.q.as_deref().map(fold::words).unwrap_or_default();
    let matching: Vec<&ArticleSummary> = all
        .iter()
        .filter(|a| match &query.category {
            Some(slug) => a.category.as_ref().is_some_and(|c| &c.slug == slug),
            None => true,
        })
        .filter(|a| match &query.date {
            Some(day) => a.published_at.as_deref().and_then(format::day_key).as_deref() == Some(day.as_str()),
            None => true,
        })
        .filter(|a| {
            words.is_empty() || {
                let text = format!("{} {}", a.title, a.summary.as_deref().unwrap_or(""));
                fold::matches_all(&text, &words)
            }
        })
        .collect();
    let page = query.page.max(1);
    let start = ((page - 1) as usize).saturating_mul(PER_PAGE as usize);
    Page {
        items: matching.iter().skip(start).take(PER_PAGE as usize).map(|a| (*a).clone()).collect(),
        page: Some(page),
        per_page: Some(PER_PAGE),
        total: Some(matching.len() as u64),
        saved_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

    fn item(id: u32, cat: &str, title: &str, day: u32) -> ArticleSummary {
        ArticleSummary {
            id: id.to_string(),
            slug: Some(format!("bai-{id}")),
            title: title.to_string(),
            summary: None,
            thumbnail: None,
            category: Some(Category { slug: cat.into(), name: cat.into() }),
            published_at: Some(format!("2023-09-{day:02}T08:30:00+07:00")),
            views: None,
        }
    }

    fn all() -> Vec<ArticleSummary> {
        (1..=25)
            .map(|i| item(i, if i % 2 == 0 { "bien-dao" } else { "tin-tuc" }, &format!("Tin số {i}"), 1 + i % 5))
            .chain([item(26, "tin-tuc", "Hội nghị tập huấn công tác đối ngoại", 30)])
            .collect()
    }

    #[test]
    fn pages_of_ten() {
        let all = all();
        let p1 = answer(&all, &ListQuery::page(1));
        assert_eq!((p1.items.len(), p1.total, p1.page_count()), (10, Some(26), 3));
        let p3 = answer(&all, &ListQuery::page(3));
        assert_eq!(p3.items.len(), 6);
        assert_eq!(p3.items[0].id, "21");
        assert!(answer(&all, &ListQuery::page(9)).items.is_empty());
    }

    #[test]
    fn filters_category_date_and_folded_words() {
        let all = all();
        let cat = answer(&all, &ListQuery { page: 1, category: Some("bien-dao".into()), ..Default::default() });
        assert_eq!(cat.total, Some(12));
        assert!(cat.items.iter().all(|a| a.category.as_ref().unwrap().slug == "bien-dao"));
        let day = answer(&all, &ListQuery { page: 1, date: Some("2023-09-30".into()), ..Default::default() });
        assert_eq!(day.items.len(), 1);
        let q = answer(&all, &ListQuery { page: 1, q: Some("hoi nghi doi ngoai".into()), ..Default::default() });
        assert_eq!(q.items.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), vec!["26"]);
    }

    #[test]
    fn query_string_is_encoded() {
        let q = ListQuery { page: 2, q: Some("hội nghị & x".into()), category: Some("tin-tuc".into()), date: None };
        assert_eq!(q.to_query_string(), "page=2&per_page=10&category=tin-tuc&q=h%E1%BB%99i%20ngh%E1%BB%8B%20%26%20x");
    }
}
