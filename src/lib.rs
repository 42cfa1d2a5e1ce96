//! A reader-facing front end for Vietnamese provincial news portals.
//!
//! Layout: `api` (HTTP and decoding), `model` (serde types), `format`
//! (dates with chrono, numbers), `i18n` (one strings file a language),
//! `sanitize` + `url` (untrusted content), `route` (URLs, pure), `router` +
//! `remote` (browser glue), `components` (one visible thing per file), `pages`
//! (one route per file), `app` (layout), `mount` (start-up).

pub mod api;
pub mod app;
pub mod components;
pub mod context;
pub(crate) mod first_screen;
pub mod fold;
pub mod format;
pub mod i18n;
pub mod meta;
pub mod model;
pub(crate) mod mount;
pub mod pages;
pub mod remote;
pub mod route;
pub mod router;
pub mod sanitize;
pub mod split;
pub mod url;

pub use mount::mount_news_portal;
