//! The lower-case words that sit inside people's and organisations' names: "de" in "Luis de
//! Guindos", "van der" in "Rafael van der Vaart", "bin" in "Mohammed bin Salman". One list for
//! the rules, the speaker resolution and the model's span edges.

/// Whether `w` (as written) is a lower-case particle of a name.
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "da"
            | "di"
            | "du"
            | "dos"
            | "das"
            | "do"
            | "le"
            | "la"
            | "ter"
            | "ten"
            | "zu"
            | "y"
            | "ben"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_are_lower_case_name_words_only() {
        for w in ["de", "van", "der", "bin", "al", "y"] {
            assert!(is_name_particle(w), "{w}");
        }
        for w in ["De", "of", "the", "said", "and", ""] {
            assert!(!is_name_particle(w), "{w}");
        }
    }
}
