//! Decoding the API's JSON: every example the API doc ships, the bundled
//! demo, and payloads with missing, unknown and wrong-typed fields.

use news_portal::model::{decode, Article, HotNews, Page, Site, VisitorStats};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn decodes_every_api_example() {
    let a: Article = decode(&fixture("article.json")).unwrap();
    assert_eq!(a.summary.id, "2019-0110-1");
    assert_eq!(a.summary.views, Some(1204));
    assert_eq!(a.summary.thumbnail.as_ref().unwrap().width, Some(800));
    assert_eq!(a.summary.category.as_ref().unwrap().slug, "tin-tuc");
    assert_eq!(a.tags, vec!["thông tin đối ngoại", "Lai Châu"]);
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.related[0].summary, None);

    let p: Page = decode(&fixture("articles.json")).unwrap();
    assert_eq!((p.items.len(), p.page, p.per_page, p.total), (2, Some(1), Some(10), Some(2)));

    let h: HotNews = decode(&fixture("articles-hot.json")).unwrap();
    assert_eq!(h.items[0].id, "2019-1018-1");

    let s: Site = decode(&fixture("site.json")).unwrap();
    assert_eq!(s.categories.len(), 3);
    assert_eq!(s.link_groups[0].links[0].url, "https://chinhphu.vn");
    assert_eq!(s.badges[1].title, "IPv6 ready");
    assert_eq!(s.address, None);

    let v: VisitorStats = decode(&fixture("stats-visitors.json")).unwrap();
    assert_eq!((v.online, v.today, v.week, v.month, v.total), (13, 1504, Some(18622), None, 901953));
}

#[test]
fn decodes_the_bundled_demo() {
    let dir = format!("{}/public/demo", env!("CARGO_MANIFEST_DIR"));
    let page: Page = decode(&std::fs::read_to_string(format!("{dir}/articles.json")).unwrap()).unwrap();
    assert!(page.items.len() >= 30, "the demo needs at least three pages");
    for item in &page.items {
        let text = std::fs::read_to_string(format!("{dir}/articles/{}.json", item.id)).unwrap();
        let a: Article = decode(&text).unwrap();
        assert_eq!(&a.summary, item, "{}", item.id);
    }
    let _: Site = decode(&std::fs::read_to_string(format!("{dir}/site.json")).unwrap()).unwrap();
    let _: HotNews = decode(&std::fs::read_to_string(format!("{dir}/hot.json")).unwrap()).unwrap();
    let _: VisitorStats = decode(&std::fs::read_to_string(format!("{dir}/visitors.json")).unwrap()).unwrap();
}

#[test]
fn optional_fields_may_be_missing_or_wrong_and_unknown_ones_are_ignored() {
    let a: Article = decode(
        r#"{"id":"1","title":"T","body_html":"<p>x</p>","views":"many","thumbnail":7,
            "category":{"slug":"a"},"tags":"x","related":[{"id":"2","title":"R"},{"id":3}],
            "published_at":null,"extra":{"deep":[1,2,3]}}"#,
    )
    .unwrap();
    assert_eq!(a.summary.views, None);
    assert_eq!(a.summary.thumbnail, None);
    assert_eq!(a.summary.category, None);
    assert_eq!(a.summary.published_at, None);
    assert!(a.tags.is_empty());
    // The unreadable related item is skipped, the good one kept.
    assert_eq!(a.related.len(), 1);
    // Counts beyond 2^32.
    let v: VisitorStats = decode(r#"{"online":1,"today":2,"total":10000000000,"week":-1}"#).unwrap();
    assert_eq!((v.total, v.week), (10_000_000_000, None));
}

#[test]
fn wrong_required_fields_are_errors_not_panics() {
    for bad in [
        r#"{"title":"no id","body_html":""}"#,
        r#"{"id":"1","title":5,"body_html":""}"#,
        r#"{"id":"1","title":"T"}"#,
        r#"[]"#,
        r#""#,
        r#"{"id":"1","title":"T","body_html":"x""#,
        "<html>500</html>",
    ] {
        assert!(decode::<Article>(bad).is_none(), "{bad}");
    }
    for bad in [r#"{"items":{}}"#, r#"{"items":[{"id":1},{"title":2}]}"#, r#"{"page":1}"#, "null"] {
        assert!(decode::<Page>(bad).is_none(), "{bad}");
    }
    assert!(decode::<VisitorStats>(r#"{"online":"13","today":1,"total":2}"#).is_none());
    assert!(decode::<Site>(r#"{"categories":[]}"#).is_none());
}

#[test]
fn page_count_follows_total_and_per_page() {
    let p: Page = decode(r#"{"items":[],"page":1,"per_page":10,"total":41}"#).unwrap();
    assert_eq!(p.page_count(), 5);
    // A backend may shrink `total` below the page being read.
    let p: Page = decode(r#"{"items":[],"page":7,"per_page":10,"total":3}"#).unwrap();
    assert_eq!(p.page_count(), 7);
    let p: Page = decode(r#"{"items":[],"per_page":0}"#).unwrap();
    assert_eq!(p.page_count(), 1);
}
