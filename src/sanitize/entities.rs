//! HTML character-reference decoding (a compact subset of the HTML5 table).
//!
//! Numeric references (decimal/hex, with or without `;`) follow the HTML5 rules
//! (NUL, surrogates and out-of-range → U+FFFD, 0x80–0x9F → Windows-1252).
//! Named references: the Latin-1 set (legacy: also recognised without `;`), the
//! markup-significant ones, common typography and the Vietnamese letters of
//! Latin Extended-A. Unknown names are left as literal text.

use std::borrow::Cow;

/// Names of U+00A0..=U+00FF, in order. All are "legacy" (valid without `;`).
const LATIN1: &str = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

/// `name` immediately followed by its (never ASCII-alphanumeric) character.
/// The first `LEGACY` entries are also recognised without `;`.
const OTHER: &str = "amp&lt<gt>quot\"AMP&LT<GT>QUOT\"apos'Tab\tNewLine\ncolon:sol/bsol\\lpar(rpar)\
period.comma,grave`excl!quest?equals=num#percnt%plus+lsqb[rsqb]lcub{rcub}\
ndash–mdash—lsquo‘rsquo’sbquo‚ldquo“rdquo”bdquo„hellip…bull•trade™euro€lsaquo‹rsaquo›\
prime′Prime″dagger†Dagger‡permil‰minus−thinsp\u{2009}ensp\u{2002}emsp\u{2003}zwnj\u{200c}zwj\u{200d}\
lrm\u{200e}rlm\u{200f}larr←rarr→uarr↑darr↓harr↔\
Abreve\u{102}abreve\u{103}Dstrok\u{110}dstrok\u{111}Itilde\u{128}itilde\u{129}Utilde\u{168}utilde\u{169}";
const LEGACY: usize = 8;

/// Windows-1252 for numeric references 0x80..=0x9F (0 = keep the code point).
const W1252: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Looks a name up: `(char, is_legacy)`.
fn named(name: &str) -> Option<(char, bool)> {
    if let Some(i) = LATIN1.split(' ').position(|n| n == name) {
        return char::from_u32(0xA0 + i as u32).map(|c| (c, true));
    }
    let mut rest = OTHER;
    let mut idx = 0;
    while !rest.is_empty() {
        let n = rest
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let c = rest[n..].chars().next()?;
        if &rest[..n] == name {
            return Some((c, idx < LEGACY));
        }
        rest = &rest[n + c.len_utf8()..];
        idx += 1;
    }
    None
}

/// Decodes character references in `s`. `attr` selects the attribute-value
/// rule: a legacy name without `;` followed by `=` or an alphanumeric stays literal.
pub fn decode(s: &str, attr: bool) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(off) = s[i..].find('&') {
        let amp = i + off;
        out.push_str(&s[last..amp]);
        match reference(s, amp + 1, attr) {
            Some((c, end)) => {
                out.push(c);
                last = end;
            }
            None => {
                out.push('&');
                last = amp + 1;
            }
        }
        i = last;
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// Parses the reference starting after `&` at byte `p`: `(char, end)`.
fn reference(s: &str, p: usize, attr: bool) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(p) == Some(&b'#') {
        let hex = matches!(b.get(p + 1), Some(b'x' | b'X'));
        let start = p + 1 + hex as usize;
        let radix = if hex { 16 } else { 10 };
        let mut q = start;
        let mut v: u32 = 0;
        while let Some(d) = b.get(q).and_then(|&c| (c as char).to_digit(radix)) {
            v = v.saturating_mul(radix).saturating_add(d).min(0x11_0000);
            q += 1;
        }
        if q == start {
            return None;
        }
        if b.get(q) == Some(&b';') {
            q += 1;
        }
        let v = match v {
            0x80..=0x9F if W1252[v as usize - 0x80] != 0 => W1252[v as usize - 0x80] as u32,
            0 => 0xFFFD,
            v => v,
        };
        return Some((char::from_u32(v).unwrap_or('\u{FFFD}'), q));
    }
    let e = p + b[p..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len() - p);
    if e == p {
        return None;
    }
    if b.get(e) == Some(&b';') {
        if let Some((c, _)) = named(&s[p..e]) {
            return Some((c, e + 1));
        }
    }
    // Longest legacy name (max 6 chars) that prefixes the run, without `;`.
    for l in (2..=(e - p).min(6)).rev() {
        if let Some((c, true)) = named(&s[p..p + l]) {
            let next = b.get(p + l).copied();
            if attr && next.is_some_and(|n| n.is_ascii_alphanumeric() || n == b'=') {
                return None;
            }
            return Some((c, p + l));
        }
    }
    None
}
