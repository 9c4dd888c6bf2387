//! The paragraph index: where each line of a document starts, in code points and in bytes.
//!
//! A paragraph here is the text between two line breaks. News articles put one paragraph per
//! line; a whole book has tens of thousands. The document view lays out only the paragraphs it
//! shows, so it needs to find "the paragraph holding offset N" in O(log n): that is this index.
//! A carriage return before a line feed belongs to neither paragraph's visible text.

/// One paragraph: its visible text as code point and byte ranges (line break excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub char_start: usize,
    pub char_end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Paragraph {
    pub fn char_len(&self) -> usize {
        self.char_end - self.char_start
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }
}

#[derive(Clone, Debug, Default)]
pub struct Paragraphs {
    paras: Vec<Paragraph>,
}

impl Paragraphs {
    pub fn new(text: &str) -> Self {
        let mut paras = Vec::new();
        let (mut char_start, mut byte_start, mut chars) = (0, 0, 0);
        for (b, c) in text.char_indices() {
            if c == '\n' {
                let (char_end, byte_end) = if text[byte_start..b].ends_with('\r') {
                    (chars - 1, b - 1)
                } else {
                    (chars, b)
                };
                paras.push(Paragraph {
                    char_start,
                    char_end,
                    byte_start,
                    byte_end,
                });
                char_start = chars + 1;
                byte_start = b + 1;
            }
            chars += 1;
        }
        paras.push(Paragraph {
            char_start,
            char_end: chars,
            byte_start,
            byte_end: text.len(),
        });
        Self { paras }
    }

    pub fn len(&self) -> usize {
        self.paras.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Paragraph> {
        self.paras.get(i)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Paragraph> {
        self.paras.iter()
    }

    /// The paragraph holding code point `offset` (a line break counts with the paragraph it
    /// ends; past the end gives the last paragraph).
    pub fn index_of_char(&self, offset: usize) -> usize {
        self.paras
            .partition_point(|p| p.char_start <= offset)
            .saturating_sub(1)
    }

    /// Paragraph indices whose text overlaps `start..end`, or the one holding `start` when the
    /// range is empty.
    pub fn range_of(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.index_of_char(start);
        let last = self.index_of_char(end.saturating_sub(1).max(start));
        first..last + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_line_feeds_and_hides_carriage_returns() {
        let text = "Ab\r\n\nCé d\nlast";
        let p = Paragraphs::new(text);
        assert_eq!(p.len(), 4);
        let texts: Vec<_> = p.iter().map(|x| x.text(text)).collect();
        assert_eq!(texts, ["Ab", "", "Cé d", "last"]);
        assert_eq!(p.get(2).unwrap().char_start, 5);
        assert_eq!(p.index_of_char(0), 0);
        assert_eq!(
            p.index_of_char(3),
            0,
            "the line feed belongs to the line it ends"
        );
        assert_eq!(p.index_of_char(6), 2);
        assert_eq!(p.index_of_char(999), 3);
        assert_eq!(p.range_of(1, 7), 0..3);
    }

    #[test]
    fn empty_text_is_one_empty_paragraph() {
        let p = Paragraphs::new("");
        assert_eq!(p.len(), 1);
        assert_eq!(p.get(0).unwrap().char_len(), 0);
    }
}
