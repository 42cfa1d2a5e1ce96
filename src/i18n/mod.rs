//! Every interface string, in Vietnamese (the default, `vi.rs`) and English
//! (`en.rs`): one file a language, each a `Strings` value, so a string
//! missing in one of them does not compile. Content stays in the language
//! the backend sends it in.

mod en;
mod vi;

pub use en::EN;
pub use vi::VI;

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `data-lang` value; anything unknown falls back to Vietnamese.
    pub fn parse(s: &str) -> Lang {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// Serialised in tests only: tests/fixtures/strings.json, which the browser
/// suites read (never the Rust source).
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Strings {
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub sections: &'static str,
    pub breadcrumb: &'static str,
    pub hot_news: &'static str,
    pub latest_news: &'static str,
    pub related_news: &'static str,
    pub other_news: &'static str,
    pub views: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub author: &'static str,
    pub source: &'static str,
    pub tags: &'static str,
    pub previous_slide: &'static str,
    pub next_slide: &'static str,
    pub pagination: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page: &'static str,
    pub visitors: &'static str,
    pub online: &'static str,
    pub today: &'static str,
    pub this_week: &'static str,
    pub this_month: &'static str,
    pub total_visits: &'static str,
    pub links: &'static str,
    pub agency: &'static str,
    pub licence: &'static str,
    pub responsible: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub offline_notice: &'static str,
    /// Before the time a list shown offline was saved.
    pub saved_copy: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_invalid: &'static str,
    pub error_not_found: &'static str,
    pub page_not_found: &'static str,
    pub page_not_found_text: &'static str,
    pub article_not_found: &'static str,
    pub article_not_found_text: &'static str,
    pub back_home: &'static str,
    pub no_news: &'static str,
    pub site_fallback_name: &'static str,
    pub pause_ticker: &'static str,
    pub search_results: &'static str,
    pub no_results: &'static str,
    pub news_of_day: &'static str,
    pub no_news_on_day: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub news_by_date: &'static str,
    pub view_day: &'static str,
    pub previous_day: &'static str,
    pub next_day: &'static str,
    pub back_to_top: &'static str,
    pub login: &'static str,
    pub other_language: &'static str,
    pub other_language_code: &'static str,
    pub smaller_text: &'static str,
    pub larger_text: &'static str,
    pub print: &'static str,
    pub share: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub listen: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    pub reading_tools: &'static str,
    pub article_url: &'static str,
    /// Names a wide table's scroll box when the table has no caption.
    pub table: &'static str,
    pub play_video: &'static str,
    /// A video's name when its embed has no title.
    pub video: &'static str,
    /// Followed by the site's name: "Xem trên YouTube".
    pub watch_on: &'static str,
    /// Instead of the body of a password-protected post.
    pub protected_post: &'static str,
    // Dates, times and numbers. Patterns: `{d}` `{dd}` day, `{mm}` month,
    // `{mon}` its short name, `{yyyy}` year, `{h}` 12-hour hour, `{min}`
    // `{ss}` minutes and seconds, `{ampm}` `am`/`pm` (see format.rs).
    pub date_pattern: &'static str,
    pub date_time_pattern: &'static str,
    pub months: [&'static str; 12],
    pub am: &'static str,
    pub pm: &'static str,
    pub just_now: &'static str,
    pub minute_ago: &'static str,
    /// `{n}` stands for the number.
    pub minutes_ago: &'static str,
    pub hour_ago: &'static str,
    pub hours_ago: &'static str,
    pub thousands_separator: char,
}

#[cfg(test)]
mod tests {
    /// The browser suites check the rendered interface against these tables
    /// ("no Vietnamese string left in English"); they read this file.
    #[test]
    fn strings_file_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/strings.json");
        let json = serde_json::to_string_pretty(&serde_json::json!({ "vi": &super::VI, "en": &super::EN })).unwrap() + "\n";
        if std::env::var_os("NP_UPDATE_STRINGS").is_some() {
            std::fs::write(path, &json).unwrap();
        }
        let file = std::fs::read_to_string(path).unwrap_or_default();
        assert!(file == json, "tests/fixtures/strings.json is stale: NP_UPDATE_STRINGS=1 cargo test --lib strings_file_is_current");
    }
}

/// The interface language. Reading it tracks it: text shown through
/// `move || i18n.t().…` follows a switch in place, and nothing else is
/// rebuilt (scroll positions, typed text and requests survive).
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Lang>);

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        I18n(RwSignal::new(lang))
    }
    pub fn t(&self) -> &'static Strings {
        self.0.get().strings()
    }
    pub fn lang(&self) -> Lang {
        self.0.get()
    }
    pub fn set(&self, lang: Lang) {
        self.0.set(lang);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// An interface string that follows the language: `{tr(|t| t.home)}` as
/// text, `aria-label=tr(|t| t.sections)` as an attribute. Every call returns
/// the same closure type, so Leptos' render code for reactive text is in
/// the wasm once, not once per string.
pub fn tr(pick: fn(&'static Strings) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || pick(i18n.t())
}
