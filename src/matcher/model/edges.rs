//! The edges of the model's names: what a name never starts or ends with, whatever the tags
//! said. Trained on encyclopaedia text, the model sometimes runs a name on into the sentence
//! ("Commission is", "U.S. Open on Friday") or takes a sentence's opening "The" along ("The
//! Socialist Party"); news annotation (ours, GUM's, the agencies') keeps both out.

use crate::text::{Token, TokenKind, is_month_name, is_name_particle, is_weekday};

/// The name in tokens `a..b` of the sentence starting at token `sentence`, cut to its edges:
/// up to the first lower-case word that is no name's connector ("of", "de", "van"), without
/// connectors or stray punctuation at its end, and without a sentence's opening article.
/// `None` when nothing of a name is left.
pub(super) fn name_edges(
    text: &str,
    tokens: &[Token],
    sentence: usize,
    a: usize,
    b: usize,
) -> Option<(usize, usize)> {
    let word = |k: usize| tokens[k].text(text);
    let mut a = a;
    let mut b = b;
    // The sentence's opening: nothing but punctuation before it, or a dash, colon or quote
    // mark ("MONACO - The Athletics Integrity Unit", "- The Rail Workers' Union").
    let opens = (sentence..a).all(|k| tokens[k].kind == TokenKind::Punct)
        || (a > sentence && matches!(word(a - 1), "-" | "–" | "—" | ":" | "\"" | "“"));
    // "A" and "An" only before two words or more: "A Coruña" is a city's name.
    let article = word(a) == "The" || (matches!(word(a), "A" | "An") && b - a > 2);
    if opens && b - a > 1 && article && word(a + 1) != "Hague" {
        a += 1;
    }
    // "Newspaper Folha do Cerrado reported", "Carmaker Daesan said": what the name is, opening
    // the sentence, is not part of it.
    if opens && b - a > 1 && (is_descriptor(word(a)) || is_sentence_adverb(word(a))) {
        a += 1;
    }
    // Malay and Arab honorifics stay outside the name, as "Mr" does: "Datuk Seri Azman bin
    // Hashim", "Tan Sri Lim", "Sayyid Salim bin Nasser".
    while b - a > 1 {
        let pair = a + 2 < b
            && matches!(
                (word(a), word(a + 1)),
                ("Datuk" | "Dato" | "Tan" | "Puan", "Seri" | "Sri") | ("Toh", "Puan")
            );
        if pair {
            a += 2;
        } else if matches!(word(a), "Datuk" | "Datin" | "Sayyid") {
            a += 1;
        } else if word(a) == "Dato" && matches!(word(a + 1), "'" | "’") && b - a > 2 {
            a += 2;
            if b - a > 1 && matches!(word(a), "Seri" | "Sri") {
                a += 1;
            }
        } else {
            break;
        }
    }
    if let Some(k) = (a + 1..b).find(|&k| {
        tokens[k].kind == TokenKind::Word
            && is_sentence_word(word(k))
            // "Council on Foreign Relations", "Frankfurt am Main": a preposition before a
            // capitalised word that is no date joins a name ("U.S. Open on Friday" does not).
            && !(is_inner_preposition(word(k))
                && k + 1 < b
                && word(k + 1).starts_with(char::is_uppercase)
                && !is_date_word(word(k + 1)))
    }) {
        b = k;
    }
    while b > a && is_loose_end(tokens[b - 1].kind, word(b - 1)) {
        b -= 1;
    }
    (b > a && !is_sentence_word(word(a))).then_some((a, b))
}

/// A lower-case word that belongs to the sentence, not to a name: no capital anywhere ("iPhone"
/// has one), no particle, no connector of names, no glued particle ("al-Assad", "d'Estaing").
fn is_sentence_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && !w.chars().any(char::is_uppercase)
        && !is_name_particle(w)
        && !is_connector(w)
}

/// Nouns that say what a company or paper is and open agency sentences before its name
/// ("Brokerage Nomura", "Daily Kompas"): never the first word of a name in news.
fn is_descriptor(w: &str) -> bool {
    matches!(
        w,
        "Newspaper"
            | "Brokerage"
            | "Insurer"
            | "Lender"
            | "Carmaker"
            | "Automaker"
            | "Chipmaker"
            | "Drugmaker"
            | "Steelmaker"
            | "Retailer"
            | "Refiner"
            | "Broadcaster"
            | "Conglomerate"
            | "Miner"
            | "Shipbuilder"
            | "Brewer"
            | "Planemaker"
            | "Tabloid"
    )
}

/// Adverbs that open sentences, capitalised only there: "Later van der Merwe said".
fn is_sentence_adverb(w: &str) -> bool {
    matches!(
        w,
        "Later"
            | "Earlier"
            | "Yesterday"
            | "Meanwhile"
            | "However"
            | "Afterwards"
            | "Then"
            | "Now"
            | "Instead"
            | "Also"
            | "Still"
            | "Finally"
            | "Eventually"
            | "Nonetheless"
            | "Nevertheless"
            | "Separately"
            | "Elsewhere"
            | "Overall"
    )
}

/// "Bank of England", "Ministry for Foreign Affairs", "Trinidad and Tobago", "Newcastle upon
/// Tyne".
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "for" | "and" | "upon" | "an" | "des" | "et" | "e" | "i"
    )
}

/// Prepositions that sit inside names before a capitalised word.
fn is_inner_preposition(w: &str) -> bool {
    matches!(w, "on" | "in" | "at" | "am" | "sur" | "upon")
}

/// Weekdays and months, which a name does not run on into.
fn is_date_word(w: &str) -> bool {
    is_weekday(w) || is_month_name(w)
}

/// What a name does not end with: a connector or particle, a comma, dash, colon, opening
/// bracket, a sentence's full stop ("St. Elizabeth." before a quote: an abbreviation keeps its
/// own period in its token) or a quote mark.
fn is_loose_end(kind: TokenKind, w: &str) -> bool {
    match kind {
        TokenKind::Word => is_connector(w) || is_name_particle(w),
        TokenKind::Punct => matches!(
            w,
            "," | "-" | "–" | "—" | ":" | ";" | "(" | "[" | "/" | "." | "?" | "\"" | "“" | "”"
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The name the model's span `from..to` (words, counted from 0) of `text` comes to.
    fn edged(text: &str, from: usize, to: usize) -> Option<String> {
        let toks = tokenize(text);
        let (a, b) = name_edges(text, &toks, 0, from, to)?;
        Some(
            text[toks[a].byte_start..toks[b - 1].byte_start + toks[b - 1].text(text).len()]
                .to_string(),
        )
    }

    #[test]
    fn a_name_stops_at_the_first_word_of_the_sentence() {
        // "The European Commission is to …": the model took "is" along.
        assert_eq!(
            edged("The European Commission is to decide.", 1, 4).as_deref(),
            Some("European Commission")
        );
        assert_eq!(
            edged("Halvorsen won the Oslo Open on Friday .", 3, 7).as_deref(),
            Some("Oslo Open")
        );
    }

    #[test]
    fn connectors_and_particles_stay_inside_and_leave_the_ends() {
        assert_eq!(
            edged("Bank of England said", 0, 3).as_deref(),
            Some("Bank of England")
        );
        assert_eq!(
            edged("Luis de Guindos said", 0, 3).as_deref(),
            Some("Luis de Guindos")
        );
        assert_eq!(edged("Bank of , said", 0, 3).as_deref(), Some("Bank"));
        assert_eq!(
            edged("Apple iPhone sales", 0, 2).as_deref(),
            Some("Apple iPhone")
        );
        assert_eq!(
            edged("Council on Foreign Relations said", 0, 4).as_deref(),
            Some("Council on Foreign Relations")
        );
        assert_eq!(
            edged("Frankfurt am Main fell", 0, 3).as_deref(),
            Some("Frankfurt am Main")
        );
        // The sentence's full stop and a quote mark are not the name's; an abbreviation's
        // period is its token's.
        assert_eq!(
            edged("in Elizabeth. \"But", 1, 3).as_deref(),
            Some("Elizabeth")
        );
        assert_eq!(
            edged("in Elizabeth\" But", 1, 3).as_deref(),
            Some("Elizabeth")
        );
        assert_eq!(
            edged("Acme Corp. fell", 0, 2).as_deref(),
            Some("Acme Corp.")
        );
    }

    #[test]
    fn an_opening_descriptor_or_adverb_is_dropped() {
        assert_eq!(
            edged("Newspaper Folha do Cerrado reported", 0, 4).as_deref(),
            Some("Folha do Cerrado")
        );
        assert_eq!(
            edged("Carmaker Daesan Motor said", 0, 3).as_deref(),
            Some("Daesan Motor")
        );
        assert_eq!(
            edged("Later van der Merwe said", 0, 4).as_deref(),
            Some("van der Merwe")
        );
        // Inside a sentence it is left to the name ("the Brewer Street market").
        assert_eq!(
            edged("at Brewer Street", 1, 3).as_deref(),
            Some("Brewer Street")
        );
    }

    #[test]
    fn an_opening_article_is_dropped_but_not_the_hague_s() {
        assert_eq!(
            edged("The Socialist Party met.", 0, 3).as_deref(),
            Some("Socialist Party")
        );
        assert_eq!(
            edged("The Hague said no.", 0, 2).as_deref(),
            Some("The Hague")
        );
        assert_eq!(edged("The", 0, 1).as_deref(), Some("The"));
        assert_eq!(edged("A Coruña won.", 0, 2).as_deref(), Some("A Coruña"));
        assert_eq!(
            edged("MONACO - The Integrity Unit banned", 2, 5).as_deref(),
            Some("Integrity Unit")
        );
        assert_eq!(
            edged("- The Rail Union struck", 1, 4).as_deref(),
            Some("Rail Union")
        );
        // Inside a sentence "The" is capitalised only as part of a name.
        assert_eq!(
            edged("He read The Times daily", 2, 4).as_deref(),
            Some("The Times")
        );
    }

    #[test]
    fn nothing_is_left_of_a_sentence_word() {
        assert_eq!(edged("and then", 0, 2), None);
    }
}
