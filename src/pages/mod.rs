//! One route per file.

pub mod article;
pub mod category;
pub mod day;
pub mod home;
pub mod not_found;
pub mod search;
