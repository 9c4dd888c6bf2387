//! A code point ↔ byte map for long texts: a checkpoint every `STEP` characters, so a lookup
//! walks at most `STEP` characters instead of the whole text. Documents keep one (built on first
//! use) so slicing a span out of a book costs the same as out of a headline.

/// Byte offset of the `n`th code point of `text`: the `n`th byte that does not continue a
/// character (UTF-8 continuation bytes are `10xxxxxx`), without decoding any.
fn nth_char_byte(text: &str, n: usize) -> usize {
    let mut seen = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // As i8, a continuation byte is -128..=-65.
        if (b as i8) >= -0x40 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    text.len()
}

/// Fast code point → byte conversion for long texts: a checkpoint every `STEP` characters, so
/// each lookup walks at most `STEP` characters instead of the whole text.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    checkpoints: Vec<usize>,
    char_len: usize,
}

/// Characters between checkpoints: a news text has a curly quote or a dash in most blocks of
/// a few hundred characters, so a block is walked more often than not; 64 keeps the walk short
/// for a checkpoint per 64 characters (an eighth of an ASCII text's size).
const STEP: usize = 64;

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut n = 0;
        for (b, _) in text.char_indices() {
            if n % STEP == 0 {
                checkpoints.push(b);
            }
            n += 1;
        }
        Self {
            checkpoints,
            char_len: n,
        }
    }

    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of code point `c` in `text` (the text this map was built from).
    pub fn to_byte(&self, text: &str, c: usize) -> usize {
        if c >= self.char_len {
            return text.len();
        }
        let k = c / STEP;
        let base = self.checkpoints[k];
        if self.is_ascii_block(text, k) {
            return base + c % STEP;
        }
        base + nth_char_byte(&text[base..], c % STEP)
    }

    /// Whether the block of characters from checkpoint `k` is all ASCII (one byte a
    /// character, as most of a news text is), so offsets in it need no walk.
    fn is_ascii_block(&self, text: &str, k: usize) -> bool {
        let base = self.checkpoints[k];
        let (next, chars) = match self.checkpoints.get(k + 1) {
            Some(&next) => (next, STEP),
            None => (text.len(), self.char_len - k * STEP),
        };
        next - base == chars
    }

    /// Code point offset of byte `b` in `text`.
    pub fn to_char(&self, text: &str, b: usize) -> usize {
        let mut b = b.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        let k = self
            .checkpoints
            .partition_point(|&cp| cp <= b)
            .saturating_sub(1);
        match self.checkpoints.get(k) {
            Some(&base) if self.is_ascii_block(text, k) => k * STEP + (b - base),
            Some(&base) => k * STEP + text[base..b].chars().count(),
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn char_map_matches_the_slow_path(text in "\\PC{0,600}", probe in 0usize..700) {
            let map = CharMap::new(&text);
            prop_assert_eq!(map.char_len(), text.chars().count());
            let c = probe.min(map.char_len());
            let b = map.to_byte(&text, c);
            prop_assert_eq!(b, text.char_indices().nth(c).map(|(b, _)| b).unwrap_or(text.len()));
            prop_assert_eq!(map.to_char(&text, b), c);
        }

        /// Mostly ASCII with a few wider characters, as news is: blocks of one byte a
        /// character take the short path, the others walk.
        #[test]
        fn ascii_blocks_match_the_slow_path(
            text in "([a-zA-Z .,]{0,400}(é|—|😀|ß)?){0,5}",
            probe in 0usize..2100,
        ) {
            let map = CharMap::new(&text);
            let c = probe.min(map.char_len());
            let b = map.to_byte(&text, c);
            prop_assert_eq!(b, text.char_indices().nth(c).map(|(b, _)| b).unwrap_or(text.len()));
            prop_assert_eq!(map.to_char(&text, b), c);
            // A byte inside a character counts as that character.
            if let Some(ch) = text[b..].chars().next() && ch.len_utf8() > 1 {
                prop_assert_eq!(map.to_char(&text, b + 1), c);
            }
        }
    }
}
