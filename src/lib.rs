//! A reader-facing front end for Vietnamese provincial news portals.
//!
//! Layout: `api` (HTTP + JSON), `model` + `json` (data types and their
//! reading), `format` (dates, numbers), `sanitize` + `url` (untrusted
//! content), `html` (escaped static markup), `route` (URLs, pure), `router` +
//! `remote` (browser glue), `components` (one visible thing per file), `pages`
//! (one route per file), `app` (layout), `mount` (start-up).

pub mod api;
pub mod app;
pub mod components;
pub mod fold;
pub mod format;
pub mod html;
pub mod i18n;
pub mod json;
pub mod meta;
pub mod model;
mod mount;
pub mod pages;
pub mod remote;
pub mod route;
pub mod router;
pub mod sanitize;
pub mod url;

pub use mount::mount_news_portal;
