//! One visible thing per file, named for what the reader sees.

pub mod article_body;
pub mod article_card;
pub mod article_meta;
pub mod article_view;
pub mod breadcrumb;
pub mod byline;
pub mod carousel;
pub mod category_nav;
pub mod error_notice;
pub mod hot_news;
pub mod links_directory;
pub mod news_list;
pub mod page_heading;
pub mod pagination;
pub mod published;
pub mod remote_view;
pub mod site_footer;
pub mod site_header;
pub mod skeleton;
pub mod tag_list;
pub mod thumbnail;
pub mod visitor_stats;
