//! The writing direction of a paragraph: right-to-left (Arabic, Hebrew, Syriac, Thaana, N'Ko…)
//! or left-to-right, by its first strong character (UAX #9, rules P2–P3), and the direction of
//! single words inside it. The document view aligns right-to-left paragraphs to the right and
//! orders their words from the right.

/// A character of a right-to-left script (strong or not: Arabic digits and marks count).
pub fn is_rtl_char(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF // Hebrew, Arabic, Syriac, Arabic supplement, Thaana, N'Ko, Samaritan, Mandaic, Arabic extended
        | 0xFB1D..=0xFDFF // Hebrew and Arabic presentation forms A
        | 0xFE70..=0xFEFF // Arabic presentation forms B
        | 0x10800..=0x10FFF // historic right-to-left scripts
        | 0x1E800..=0x1EFFF // Mende Kikakui, Adlam, Arabic mathematical symbols
    )
}

/// The direction a run of text takes from its letters: `Some(true)` right-to-left,
/// `Some(false)` left-to-right, `None` neutral (digits, punctuation, spaces only).
pub fn strong_direction(text: &str) -> Option<bool> {
    text.chars().find_map(|c| {
        if !c.is_alphabetic() {
            None
        } else {
            Some(is_rtl_char(c))
        }
    })
}

/// Whether a paragraph reads right to left: its first letter is of a right-to-left script.
pub fn is_rtl_paragraph(text: &str) -> bool {
    // Most paragraphs are ASCII: no right-to-left letter can be in them.
    !text.is_ascii() && strong_direction(text) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_take_the_direction_of_their_first_letter() {
        assert!(is_rtl_paragraph(
            "قال الرئيس إن المحادثات ستستأنف يوم الثلاثاء."
        ));
        assert!(is_rtl_paragraph("ראש הממשלה נתניהו אמר כי השיחות יימשכו."));
        assert!(
            is_rtl_paragraph("«2024» قال الرئيس"),
            "neutral marks and digits first"
        );
        assert!(!is_rtl_paragraph("The minister said قال on Tuesday."));
        assert!(!is_rtl_paragraph("中国国家主席访问了法国。"));
        assert!(!is_rtl_paragraph("123, 456."));
    }

    #[test]
    fn words_have_their_own_direction() {
        assert_eq!(strong_direction("Obama"), Some(false));
        assert_eq!(strong_direction("أوباما"), Some(true));
        assert_eq!(strong_direction("2024،"), None);
    }
}
