//! What can go wrong with a request, kept apart so the reader is told the
//! right thing: "network failed, retry" is not "not found".

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, refused, DNS, CORS.
    Network,
    /// No answer within the client's time limit.
    Timeout,
    /// 404: the thing asked for does not exist.
    NotFound,
    /// Any other non-2xx status.
    Status(u16),
    /// An answer that is not the JSON the API promises.
    Invalid,
    /// An answer too large to read on a phone.
    TooLarge,
    /// Cancelled by us (the reader left the page); never shown.
    Aborted,
}

impl ApiError {
    /// Whether to offer "Thử lại". A 404 too: only for an article does it
    /// mean "no such thing" (the article page says so itself); from `site`
    /// or a list it is a broken backend that may recover.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, ApiError::Aborted)
    }
}
