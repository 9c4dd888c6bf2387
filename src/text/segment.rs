//! Word boundaries for scripts that do not put spaces between words (Chinese, Japanese, Thai,
//! Lao, Khmer, Myanmar), from ICU4X's dictionary word segmenter and its compiled-in data.
//!
//! UAX #29 alone breaks Chinese and Japanese into single characters, so a double-click in
//! "美国总统周二在白宫发表讲话" would select one character. The dictionary segmenter finds
//! "美国", "总统", "白宫"… (a name it does not know, such as 奥巴马, still falls apart into
//! characters); it is used only for paragraphs that contain such a script, so Latin, Arabic
//! or Hebrew text keeps the fast UAX #29 path in `text::words`.

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;

/// A character of a script whose words are found with a dictionary: Han, kana, Thai, Lao,
/// Khmer, Myanmar.
pub fn is_dictionary_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF // Katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x3134F // CJK extensions B–G
    )
}

/// Whether `text` needs the dictionary segmenter.
pub fn needs_dictionary(text: &str) -> bool {
    // Every such script is outside ASCII and Latin-1; most text is neither.
    !text.is_ascii() && text.chars().any(is_dictionary_script)
}

/// `(start, end, is_word)` pieces of `text` in code points, tiling it, as the dictionary
/// segmenter splits it: words (letters, ideographs, kana, numbers) and what lies between them.
pub fn dictionary_pieces(text: &str) -> Vec<(usize, usize, bool)> {
    let segmenter = WordSegmenter::new_dictionary(WordBreakInvariantOptions::default());
    let mut breaks = segmenter.segment_str(text);
    let mut out = Vec::new();
    let (mut prev_byte, mut prev_char) = (0usize, 0usize);
    while let Some(b) = breaks.next() {
        if b <= prev_byte {
            continue;
        }
        let Some(piece) = text.get(prev_byte..b) else {
            break;
        };
        let n = piece.chars().count();
        // The segmenter calls a run of ideographs or kana a word; check for letters too, so
        // punctuation and spaces never are.
        let word = breaks.is_word_like() && piece.chars().any(char::is_alphanumeric);
        out.push((prev_char, prev_char + n, word));
        prev_byte = b;
        prev_char += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        dictionary_pieces(text)
            .into_iter()
            .filter(|p| p.2)
            .map(|(s, e, _)| text.chars().skip(s).take(e - s).collect())
            .collect()
    }

    #[test]
    fn chinese_splits_into_words_not_characters() {
        let s = "美国总统周二在白宫发表讲话。";
        assert!(needs_dictionary(s));
        let w = words(s);
        for word in ["美国", "总统", "白宫", "讲话"] {
            assert!(w.contains(&word.to_string()), "{word} in {w:?}");
        }
        assert!(w.iter().any(|x| x.chars().count() > 1));
        assert!(!w.contains(&"。".to_string()), "punctuation is not a word");
        // The pieces tile the text.
        let p = dictionary_pieces(s);
        assert_eq!(p.first().map(|x| x.0), Some(0));
        assert_eq!(p.last().map(|x| x.1), Some(s.chars().count()));
        assert!(p.windows(2).all(|w| w[0].1 == w[1].0));
    }

    #[test]
    fn japanese_splits_kanji_and_kana() {
        let s = "東京都の知事は記者会見で発表した。";
        let w = words(s);
        assert!(
            w.contains(&"東京".to_string()) || w.contains(&"東京都".to_string()),
            "{w:?}"
        );
        assert!(
            w.contains(&"記者".to_string()) || w.contains(&"記者会見".to_string()),
            "{w:?}"
        );
    }

    #[test]
    fn latin_arabic_and_hebrew_need_no_dictionary() {
        assert!(!needs_dictionary("Angela Merkel said no."));
        assert!(!needs_dictionary("قال الرئيس إن المحادثات ستستأنف"));
        assert!(!needs_dictionary("ראש הממשלה אמר כי השיחות יימשכו"));
    }
}
