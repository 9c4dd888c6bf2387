//! Offset conversion. The model counts code points; Rust strings and egui count bytes; Label
//! Studio and other JavaScript tools count UTF-16 units. Convert only at those edges.

/// Byte offset of code point `char_offset` in `text` (`text.len()` when past the end).
pub fn char_to_byte(text: &str, char_offset: usize) -> usize {
    text.char_indices()
        .nth(char_offset)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

/// Code point offset of byte `byte_offset` (rounded down to a character boundary).
pub fn byte_to_char(text: &str, byte_offset: usize) -> usize {
    let mut b = byte_offset.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}

/// The slice of `text` covering code points `start..end` (clamped to the text).
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let s = it.nth(start).unwrap_or(text.len());
    let e = if end > start {
        it.nth(end - start - 1).unwrap_or(text.len())
    } else {
        s
    };
    &text[s..e.max(s)]
}

/// UTF-16 offset of code point `char_offset`.
pub fn char_to_utf16(text: &str, char_offset: usize) -> usize {
    text.chars().take(char_offset).map(char::len_utf16).sum()
}

/// Code point offset of UTF-16 unit `utf16_offset`; `None` when it falls inside a surrogate pair.
pub fn utf16_to_char(text: &str, utf16_offset: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in text.chars().enumerate() {
        if units == utf16_offset {
            return Some(i);
        }
        if units > utf16_offset {
            return None;
        }
        units += c.len_utf16();
    }
    (units == utf16_offset).then(|| text.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIXED: &str = "Zoë 👩‍👩‍👧 said «北京» e\u{301}";

    #[test]
    fn conversions_agree_on_mixed_scripts() {
        let n = MIXED.chars().count();
        for c in 0..=n {
            let b = char_to_byte(MIXED, c);
            assert_eq!(byte_to_char(MIXED, b), c);
        }
        assert_eq!(slice_chars(MIXED, 0, 3), "Zoë");
        assert_eq!(slice_chars(MIXED, 4, 9), "👩‍👩‍👧");
        // 👩 is two UTF-16 units; the family emoji is 5 code points, 8 units.
        assert_eq!(char_to_utf16(MIXED, 9), 4 + 8);
        assert_eq!(utf16_to_char(MIXED, 12), Some(9));
        assert_eq!(utf16_to_char(MIXED, 5), None, "inside a surrogate pair");
    }

    proptest! {
        #[test]
        fn utf16_round_trips(text in "\\PC{0,80}", probe in 0usize..90) {
            let c = probe.min(text.chars().count());
            let u = char_to_utf16(&text, c);
            prop_assert_eq!(utf16_to_char(&text, u), Some(c));
        }
    }
}
