//! Folding Vietnamese text for matching: lowercase, without tone marks or
//! vowel diacritics, `đ` as `d`; so "hoi nghi" finds "Hội nghị". Works on
//! precomposed (NFC) and decomposed (NFD) input alike, without carrying
//! Unicode normalisation tables into the wasm.

/// Base letter for every precomposed Vietnamese vowel, grouped by base.
const GROUPS: [(char, &str); 6] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
];

/// One character, folded; `None` for combining marks (dropped).
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // Combining diacritics (U+0300–U+036F) as decomposed text carries them.
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    let lower = lowercase(c);
    if lower == 'đ' {
        return Some('d');
    }
    for (base, members) in GROUPS {
        if members.contains(lower) {
            return Some(base);
        }
    }
    Some(lower)
}

/// Lowercase for the letters Vietnamese uses, without the Unicode case
/// tables `char::to_lowercase` would add to the wasm.
fn lowercase(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A (Ă Đ Ĩ Ũ …) and Ơ: upper case even, lower case odd.
        0x100..=0x17F | 0x1A0 | 0x1EA0..=0x1EF9 => u | 1,
        0x1AF => 0x1B0, // Ư
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Folded words of a query, empty words dropped.
pub fn words(query: &str) -> Vec<String> {
    // After folding, Vietnamese letters are ASCII; other scripts stay whole.
    fold(query).split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Whether a folded character separates words.
fn is_separator(c: char) -> bool {
    c.is_ascii() && !c.is_ascii_alphanumeric()
}

/// Whether every word of the query starts a word of the text (folded):
/// "hoi" finds "Hội" but not "khối".
pub fn matches_all(text: &str, query_words: &[String]) -> bool {
    let text: Vec<char> = fold(text).chars().collect();
    query_words.iter().all(|w| !word_starts(&text, w).is_empty())
}

/// Where `word` occurs at the start of a word of `folded`.
fn word_starts(folded: &[char], word: &str) -> Vec<usize> {
    let w: Vec<char> = word.chars().collect();
    if w.is_empty() || w.len() > folded.len() {
        return Vec::new();
    }
    (0..=folded.len() - w.len())
        .filter(|&i| (i == 0 || is_separator(folded[i - 1])) && folded[i..i + w.len()] == w[..])
        .collect()
}

/// Search words to mark in titles, with the code that marks them: a value
/// the search page brings (src/pages/search.rs), so folding waits with
/// that page's code (src/split.rs) instead of coming with every card.
#[derive(Clone, Debug)]
pub struct Highlight {
    words: Vec<String>,
    mark: fn(&str, &[String]) -> Vec<(bool, String)>,
}

impl Highlight {
    /// The (folded) words of `query`.
    pub fn of(query: &str) -> Highlight {
        Highlight { words: words(query), mark: highlight }
    }

    /// `text` in runs, each marked whether it is one of the words.
    pub fn runs(&self, text: &str) -> Vec<(bool, String)> {
        (self.mark)(text, &self.words)
    }
}

impl PartialEq for Highlight {
    fn eq(&self, other: &Highlight) -> bool {
        self.words == other.words
    }
}

/// Splits `text` into runs, each marked whether it matches one of the
/// (folded) query words, so the matched words can be highlighted in the
/// original text with its diacritics: "hoi" marks "Hội".
pub fn highlight(text: &str, query_words: &[String]) -> Vec<(bool, String)> {
    // Folded characters with the byte range of the original they came from;
    // a combining mark extends the range of the letter before it.
    let mut folded: Vec<(char, usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match fold_char(c) {
            Some(f) => folded.push((f, i, end)),
            None => {
                if let Some(last) = folded.last_mut() {
                    last.2 = end;
                }
            }
        }
    }
    let chars: Vec<char> = folded.iter().map(|f| f.0).collect();
    let mut marked = vec![false; folded.len()];
    for word in query_words {
        let len = word.chars().count();
        for start in word_starts(&chars, word) {
            marked[start..start + len].iter_mut().for_each(|m| *m = true);
        }
    }
    let mut runs: Vec<(bool, String)> = Vec::new();
    let mut pos = 0;
    for (k, &(_, start, end)) in folded.iter().enumerate() {
        // Text between folded characters (none today) stays unmarked.
        let piece = &text[pos.min(start)..end];
        pos = end;
        match runs.last_mut() {
            Some((m, run)) if *m == marked[k] => run.push_str(piece),
            _ => runs.push((marked[k], piece.to_string())),
        }
    }
    if pos < text.len() {
        runs.push((false, text[pos..].to_string()));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_precomposed_and_decomposed() {
        assert_eq!(fold("Hội nghị"), "hoi nghi");
        assert_eq!(fold("ĐỐI NGOẠI"), "doi ngoai");
        assert_eq!(fold("Lai Châu"), "lai chau");
        // "ộ" decomposed: o + combining circumflex + combining dot below.
        assert_eq!(fold("Ho\u{302}\u{323}i"), "hoi");
        assert_eq!(fold("Biển, đảo"), "bien, dao");
        assert_eq!(fold("ƯỚC ĐƠN ĂN ÍT ỸÝ"), "uoc don an it yy");
        // Every precomposed Vietnamese capital folds like its small letter.
        for (_, members) in GROUPS {
            for c in members.chars() {
                let upper: String = c.to_uppercase().collect();
                assert_eq!(fold(&upper), fold(&c.to_string()), "{upper}");
            }
        }
    }

    #[test]
    fn highlights_in_the_original_text() {
        let runs = highlight("Hội nghị tập huấn", &words("hoi TAP"));
        assert_eq!(
            runs,
            vec![(true, "Hội".into()), (false, " nghị ".into()), (true, "tập".into()), (false, " huấn".into())]
        );
        // Decomposed input keeps its marks inside the highlighted run.
        let runs = highlight("Ho\u{302}\u{323}i an", &words("hoi"));
        assert_eq!(runs, vec![(true, "Ho\u{302}\u{323}i".into()), (false, " an".into())]);
        assert_eq!(highlight("abc", &[]), vec![(false, "abc".to_string())]);
        assert_eq!(highlight("", &words("x")), Vec::<(bool, String)>::new());
        assert_eq!(highlight("khối hội", &words("hoi")), vec![(false, "khối ".into()), (true, "hội".into())]);
        let joined: String = highlight("Đối ngoại Đà Nẵng", &words("da")).into_iter().map(|(_, s)| s).collect();
        assert_eq!(joined, "Đối ngoại Đà Nẵng");
    }

    #[test]
    fn query_words_must_all_match() {
        let q = words("hoi nghi  TẬP huấn");
        assert_eq!(q, vec!["hoi", "nghi", "tap", "huan"]);
        assert!(matches_all("Hội nghị tập huấn công tác thông tin đối ngoại", &q));
        assert!(!matches_all("Hội nghị thông tin đối ngoại", &q));
        assert!(matches_all("anything", &words("  ,, ")));
        // Word starts only: "hoi" is not inside "khối".
        assert!(!matches_all("khối đại đoàn kết", &words("hoi")));
        assert!(matches_all("Đối ngoại", &words("ngo")));
    }
}
