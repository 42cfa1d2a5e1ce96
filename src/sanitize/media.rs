//! What a CMS body carries besides text, recognised by the sanitiser (std only):
//! attached documents, in-page anchors, and video embeds, which become
//! click-to-load placeholders (nothing is fetched from the video's site before
//! the reader asks for it).

use crate::fold::fold;
use crate::route::decode_component as percent_decode;
use crate::url::encode_component as percent_encode;

/// Document types shown as attachments, by file extension.
const FILE_TYPES: &str = "pdf doc docx xls xlsx ppt pptx zip rar odt ods";

/// Link texts that say nothing about the file (folded, as `fold` writes them):
/// the file's name is added to them.
const GENERIC_TEXTS: &[&str] = &[
    "", "tai ve", "tai xuong", "tai day", "tai file", "tai tep", "tai van ban", "tai tai lieu",
    "tai file dinh kem", "tai tep dinh kem", "file dinh kem", "tep dinh kem", "dinh kem",
    "van ban", "tai lieu", "xem", "xem tai day", "xem chi tiet", "chi tiet", "tai", "bam vao day",
    "nhan vao day", "click", "click here", "download", "here", "file", "attachment",
];

/// An attached document: its type as shown ("PDF") and its file name.
#[derive(Debug, PartialEq)]
pub struct Attachment {
    pub kind: String,
    pub name: String,
}

/// The attachment an absolute, canonical `href` points to, if its path ends
/// in a document extension.
pub fn attachment(href: &str) -> Option<Attachment> {
    let rest = href.strip_prefix("https://").or_else(|| href.strip_prefix("http://"))?;
    let path = rest.split(['?', '#']).next()?;
    let (_, path) = path.split_once('/')?;
    let file = path.rsplit('/').next()?;
    let (_, ext) = file.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    FILE_TYPES.split(' ').any(|t| t == ext).then(|| Attachment {
        kind: ext.to_ascii_uppercase(),
        name: percent_decode(file),
    })
}

impl Attachment {
    /// What to add to a link's visible text so that it says the file's type
    /// and, when the text does not say which file, its name; `None` when the
    /// text already says both (so sanitising twice adds nothing).
    pub fn label(&self, text: &str) -> Option<String> {
        let folded = fold(text);
        let words = || folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        let has_kind = words().any(|w| w == self.kind.to_ascii_lowercase());
        // "Tải file PDF" names no file either.
        let plain = || words().filter(|w| !FILE_TYPES.split(' ').any(|t| t == *w));
        let generic = GENERIC_TEXTS.iter().any(|g| g.split(' ').filter(|w| !w.is_empty()).eq(plain()));
        let has_name = folded.contains(&fold(&self.name));
        let needs_name = generic && !has_name;
        match (needs_name, has_kind) {
            (false, true) => None,
            (false, false) => Some(format!(" ({})", self.kind)),
            (true, false) => Some(format!(" ({}: {})", self.kind, self.name)),
            (true, true) => Some(format!(" ({})", self.name)),
        }
    }
}

/// An element id from the body, kept when it cannot collide with the
/// reader's own ids (all `np-…`): no whitespace, not empty, not too long.
pub fn body_id(raw: &str) -> Option<String> {
    let id = raw.trim_matches(|c: char| c.is_ascii_whitespace());
    let ours = id.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("np-"));
    let ok = !id.is_empty() && id.len() <= 100 && !ours;
    (ok && !id.chars().any(|c| c.is_whitespace() || c.is_control())).then(|| id.to_string())
}

/// An in-page link (`#muc-2`) is kept as written: the reader scrolls to the
/// body's element with that id itself, in every routing mode. `Some(None)`:
/// an in-page link to nothing the body can hold (`#`, `#np-main`).
pub fn fragment_link(raw: &str) -> Option<Option<String>> {
    let frag = raw.trim_matches(|c: char| c.is_ascii_whitespace()).strip_prefix('#')?;
    let whole = body_id(frag).filter(|id| id == frag);
    Some(whole.map(|id| format!("#{id}")))
}

/// A video from a site whose player the reader can load on demand.
#[derive(Clone, Debug, PartialEq)]
pub enum Video {
    /// An 11-character YouTube video id.
    YouTube(String),
    /// The canonical https URL of a Facebook video page.
    Facebook(String),
}

impl Video {
    /// The video an embed's `src` (absolute, canonical) shows, if it is one.
    pub fn from_embed(src: &str) -> Option<Video> {
        let rest = src.strip_prefix("https://").or_else(|| src.strip_prefix("http://"))?;
        let (host, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
        let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(host);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let param = |name: &str| {
            query.split(['&', '#']).find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        };
        match host {
            "youtube.com" | "youtube-nocookie.com" => {
                let id = path.strip_prefix("/embed/").or_else(|| (path == "/watch").then(|| param("v")).flatten())?;
                youtube_id(id)
            }
            "youtu.be" => youtube_id(path.strip_prefix('/')?),
            "facebook.com" if path == "/plugins/video.php" => facebook(&percent_decode(param("href")?)),
            _ => None,
        }
    }

    /// The value of a placeholder's `data-np-video` attribute.
    pub fn to_attr(&self) -> String {
        match self {
            Video::YouTube(id) => format!("youtube:{id}"),
            Video::Facebook(url) => format!("facebook:{url}"),
        }
    }

    /// Reads a placeholder's `data-np-video` back; anything else is refused.
    pub fn from_attr(value: &str) -> Option<Video> {
        match value.split_once(':')? {
            ("youtube", id) => youtube_id(id),
            ("facebook", url) => facebook(url),
            _ => None,
        }
    }

    /// The player, loaded only after the reader's click.
    pub fn player_src(&self) -> String {
        match self {
            Video::YouTube(id) => format!("https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
            Video::Facebook(url) => format!(
                "https://www.facebook.com/plugins/video.php?href={}&show_text=false&autoplay=true",
                percent_encode(url)
            ),
        }
    }

    /// The video's page on its own site.
    pub fn page_url(&self) -> String {
        match self {
            Video::YouTube(id) => format!("https://www.youtube.com/watch?v={id}"),
            Video::Facebook(url) => url.clone(),
        }
    }

    pub fn site(&self) -> &'static str {
        match self {
            Video::YouTube(_) => "YouTube",
            Video::Facebook(_) => "Facebook",
        }
    }
}

fn youtube_id(s: &str) -> Option<Video> {
    let id = s.split(['?', '&', '#', '/']).next()?;
    let ok = id.len() == 11 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then(|| Video::YouTube(id.to_string()))
}

/// A Facebook video page URL: https on facebook.com or fb.watch, and nothing
/// that could leave the attribute or the player's query string.
fn facebook(url: &str) -> Option<Video> {
    let rest = url.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host_ok = matches!(host, "www.facebook.com" | "facebook.com" | "m.facebook.com" | "fb.watch");
    let chars_ok = rest.bytes().all(|b| b.is_ascii_graphic() && !b"\"'<>`\\".contains(&b));
    (host_ok && chars_ok && rest.len() > host.len() + 1).then(|| Video::Facebook(url.to_string()))
}
