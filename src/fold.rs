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
    let lower = c.to_lowercase().next().unwrap_or(c);
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

pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Folded words of a query, empty words dropped.
pub fn words(query: &str) -> Vec<String> {
    fold(query).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// Whether every word of the query appears in the text (folded).
pub fn matches_all(text: &str, query_words: &[String]) -> bool {
    let text = fold(text);
    query_words.iter().all(|w| text.contains(w.as_str()))
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
    }

    #[test]
    fn query_words_must_all_match() {
        let q = words("hoi nghi  TẬP huấn");
        assert_eq!(q, vec!["hoi", "nghi", "tap", "huan"]);
        assert!(matches_all("Hội nghị tập huấn công tác thông tin đối ngoại", &q));
        assert!(!matches_all("Hội nghị thông tin đối ngoại", &q));
        assert!(matches_all("anything", &words("  ,, ")));
    }
}
