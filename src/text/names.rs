//! The lower-case words that sit inside people's and organisations' names: "de" in "Luis de
//! Guindos", "van der" in "Rafael van der Vaart", "bin" in "Mohammed bin Salman". One list for
//! the rules, the speaker resolution and the model's span edges; likewise the weekdays and the
//! months' names that end a name ("U.S. Open on Friday"), and the desks' slugs that open wire
//! headlines ("SOCCER - …", "FOREX-YEN JUMPS"), which the tokenizer splits off.

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
            | "binti"
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
            // Iban and Malay: "son/daughter of" ("Lambung anak Jimbun").
            | "anak"
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

/// A sport as wire headlines open with it ("SOCCER - …"), in capitals.
pub fn is_sport_slug(w: &str) -> bool {
    matches!(
        w,
        "SOCCER"
            | "FOOTBALL"
            | "TENNIS"
            | "CRICKET"
            | "GOLF"
            | "RUGBY"
            | "RUGBY UNION"
            | "RUGBY LEAGUE"
            | "ATHLETICS"
            | "CYCLING"
            | "BASKETBALL"
            | "BASEBALL"
            | "HOCKEY"
            | "ICE HOCKEY"
            | "BOXING"
            | "MOTOR RACING"
            | "MOTORCYCLING"
            | "SWIMMING"
            | "SKIING"
            | "ALPINE SKIING"
            | "NORDIC SKIING"
            | "HORSE RACING"
            | "SAILING"
            | "ROWING"
            | "BADMINTON"
            | "VOLLEYBALL"
            | "HANDBALL"
            | "SQUASH"
            | "SNOOKER"
            | "CHESS"
            | "WRESTLING"
            | "JUDO"
            | "GYMNASTICS"
            | "TABLE TENNIS"
            | "TRIATHLON"
            | "MARATHON"
            | "DARTS"
            | "CROSS-COUNTRY SKIING"
            | "SKI JUMPING"
            | "BIATHLON"
            | "SPEED SKATING"
            | "FIGURE SKATING"
            | "FENCING"
            | "ARCHERY"
            | "CANOEING"
            | "WEIGHTLIFTING"
            | "TAEKWONDO"
            | "KARATE"
            | "EQUESTRIANISM"
            | "CURLING"
    )
}

/// A wire desk's slug glued to a headline by a hyphen: "SOCCER-JUAZEIRO SELL…",
/// "FOREX-YEN JUMPS…", "CORRECTED-IRISH COURT…". A sport's name, or one of these.
pub fn is_wire_slug(w: &str) -> bool {
    is_sport_slug(w)
        || matches!(
            w,
            "CORRECTED"
                | "REFILE"
                | "RPT"
                | "UPDATE"
                | "EXCLUSIVE"
                | "ANALYSIS"
                | "INSIGHT"
                | "FEATURE"
                | "INTERVIEW"
                | "FACTBOX"
                | "TIMELINE"
                | "PREVIEW"
                | "WRAPUP"
                | "BRIEF"
                | "COLUMN"
                | "POLL"
                | "HEALTH"
                | "FOREX"
                | "SOFTS"
                | "GRAINS"
                | "METALS"
                | "OIL"
                | "BONDS"
                | "STOCKS"
                | "TREASURIES"
                | "MARKETS"
                | "GLOBAL MARKETS"
                | "EMERGING MARKETS"
                | "PRECIOUS"
                | "RACING"
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
