//! The lower-case words that sit inside people's and organisations' names: "de" in "Luis de
//! Guindos", "van der" in "Rafael van der Vaart", "bin" in "Mohammed bin Salman". One list for
//! the rules, the speaker resolution and the model's span edges; likewise the weekdays and the
//! months' names that end a name ("U.S. Open on Friday").

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
            | "dela"
            | "delos"
            | "los"
            | "las"
            | "des"
            | "vom"
            | "zum"
            | "af"
    )
}

/// A day of the week, capitalised as written ("Monday").
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// A month's full name, capitalised as written ("January").
pub fn is_month_name(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
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
