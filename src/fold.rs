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
    fn query_words_must_all_match() {
        let q = words("hoi nghi  TẬP huấn");
        assert_eq!(q, vec!["hoi", "nghi", "tap", "huan"]);
        assert!(matches_all("Hội nghị tập huấn công tác thông tin đối ngoại", &q));
        assert!(!matches_all("Hội nghị thông tin đối ngoại", &q));
        assert!(matches_all("anything", &words("  ,, ")));
    }
}
