//! Where the document's context outweighs what a list knows of a string alone: clubs named
//! like their cities, people found again by the surname, a list's name inside a longer name;
//! and where the form of wire copy says a capitalised word is no name at all (a sports
//! headline's slug, a currency code before an amount), whatever the model learnt from
//! encyclopaedia text. Applied to the engines' findings before they are merged
//! (`Engines::finish`).

use std::collections::HashSet;

use crate::model::{Document, Proposal, Suggestion};

/// Where the document's context outweighs what a list knows of the string alone, the list (and
/// the model, which reads the list as a feature) give way before findings are merged — else
/// their agreement would outscore the rule:
/// - a club the rules find by its context ("Milan beat Napoli 2-1", "Milan coach …"): a place
///   on the same span is dropped;
/// - a person the rules find again ("Fujisawa" after "Ryo Fujisawa (Japan)"): likewise;
/// - a list's name inside a longer name the rules or the model find ("Santiago" in "Santiago
///   Echeverría", "Rotterdam" in "Sparta Rotterdam"), when every word of the longer one is
///   capitalised ("New Zealand government" leaves "New Zealand" alone): the list's finding is
///   dropped.
pub(super) fn context_over_lists(
    doc: &Document,
    found: &mut Vec<Suggestion>,
    from_model: &mut Vec<Suggestion>,
) {
    use crate::matcher::rules::{CLUB_RULE, PARTIAL_RULE};
    let by_rule = |s: &Suggestion, rule: &str, label: &str| {
        s.is_from("rules") && s.label() == label && s.rule.split('+').any(|r| r == rule)
    };
    let mut context: HashSet<(usize, usize)> = HashSet::new();
    let mut longer: Vec<(usize, usize)> = Vec::new();
    for s in found.iter().chain(from_model.iter()) {
        if !matches!(s.proposal, Proposal::Span { .. }) {
            continue;
        }
        if by_rule(s, CLUB_RULE, "ORG") || by_rule(s, PARTIAL_RULE, "PERSON") {
            context.insert(s.range());
        }
        if (s.is_from("rules") || s.is_from(MODEL_ENGINE))
            && matches!(s.label(), "PERSON" | "ORG")
            && s.score >= CONTAINING_SCORE
        {
            longer.push(s.range());
        }
    }
    // A country is its national team, a place (the rules' own convention): where the
    // countries list names the span ("Turkey 1 Nigeria 1", "turkey" being a common word the
    // rules' place lexicon leaves out), the context does not outweigh it.
    if !context.is_empty() {
        for s in found.iter() {
            if s.is_from(GAZETTEER_ENGINE) && s.rule.starts_with(COUNTRIES_LIST) {
                context.remove(&s.range());
            }
        }
    }
    if context.is_empty() && longer.is_empty() {
        return;
    }
    if !longer.is_empty() {
        longer.retain(|&(a, b)| a <= b && all_words_capitalised(doc.slice(a, b)));
    }
    longer.sort_unstable();
    // Whether a longer finding covers a..b: the longest reach of those starting at or before a.
    let mut reach: Vec<usize> = Vec::with_capacity(longer.len());
    for (i, r) in longer.iter().enumerate() {
        reach.push(if i == 0 { r.1 } else { reach[i - 1].max(r.1) });
    }
    let inside = |(a, b): (usize, usize)| {
        // Ranges starting before a (any end ≥ b covers it), or at a and ending after b.
        let before = longer.partition_point(|r| r.0 < a);
        let at_a_longer = longer[before..]
            .iter()
            .take_while(|r| r.0 == a)
            .any(|r| r.1 > b);
        at_a_longer || (before > 0 && reach[before - 1] >= b)
    };
    let place = |s: &Suggestion| matches!(s.label(), "GPE" | "LOC");
    let list_only = |s: &Suggestion| s.engines().all(|e| e == GAZETTEER_ENGINE);
    let drop = |s: &Suggestion| {
        matches!(s.proposal, Proposal::Span { .. })
            && ((place(s) && context.contains(&s.range())) || (list_only(s) && inside(s.range())))
    };
    found.retain(|s| !drop(s));
    from_model.retain(|s| !(place(s) && context.contains(&s.range())));
}

/// Every word of a name capitalised, but the small words names keep in lower case ("Bank of
/// England", "Ludwig van Beethoven"); a word starting with a digit or a sign counts ("A&M").
pub(super) fn all_words_capitalised(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(
                w,
                "of" | "for"
                    | "and"
                    | "the"
                    | "de"
                    | "del"
                    | "della"
                    | "di"
                    | "du"
                    | "da"
                    | "dos"
                    | "das"
                    | "la"
                    | "le"
                    | "les"
                    | "von"
                    | "van"
                    | "der"
                    | "den"
                    | "y"
                    | "al"
                    | "el"
                    | "bin"
                    | "ibn"
                    | "on"
                    | "upon"
                    | "in"
                    | "at"
            )
    })
}

/// How sure a longer finding must be for a list's name inside it to give way.
const CONTAINING_SCORE: f32 = 0.5;
/// The bundled list of countries (its findings' rule is "countries: …").
const COUNTRIES_LIST: &str = "countries:";
pub(super) const GAZETTEER_ENGINE: &str = "gazetteer";
const MODEL_ENGINE: &str = crate::matcher::model::ENGINE;

/// The model's findings that the form of wire copy says are no names: the sport that opens a
/// headline ("ATHLETICS - KENYANS SWEEP ISTANBUL MARATHON") and a currency code beside an
/// amount ("EUR 3 million", "USD 1.2 billion"). The shipped weights learnt from Wikipedia,
/// which has neither.
pub(super) fn drop_wire_forms(doc: &Document, from_model: &mut Vec<Suggestion>) {
    if from_model.is_empty() {
        return;
    }
    let text = &doc.text;
    from_model.retain(|s| {
        let (a, b) = s.range();
        if a > b {
            return true;
        }
        let (x, y) = (doc.byte_of(a), doc.byte_of(b));
        let name = &text[x..y];
        let before = text[..x].trim_end_matches([' ', '\t']);
        let after = text[y..].trim_start_matches([' ', '\t']);
        let slug = (before.is_empty() || before.ends_with('\n'))
            && after.starts_with(['-', '–', '—'])
            && is_sport(name);
        // "EUR 3 million": the code alone, or with the figure the model took along ("EUR 3").
        let mut words = name.split_whitespace();
        let code = words.next().is_some_and(is_currency_code);
        let rest_figures = words.all(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        let amount = code
            && rest_figures
            && (name.contains(|c: char| c.is_ascii_digit())
                || after.starts_with(|c: char| c.is_ascii_digit())
                || before.ends_with(|c: char| c.is_ascii_digit()));
        !(slug || amount)
    });
}

/// A sport as wire headlines open with it ("SOCCER - …"), in capitals.
fn is_sport(w: &str) -> bool {
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
    )
}

/// An ISO 4217 code of a currency news quotes amounts in.
fn is_currency_code(w: &str) -> bool {
    matches!(
        w,
        "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CHF"
            | "CNY"
            | "RMB"
            | "INR"
            | "IDR"
            | "RUB"
            | "BRL"
            | "MXN"
            | "CAD"
            | "AUD"
            | "NZD"
            | "SEK"
            | "NOK"
            | "DKK"
            | "PLN"
            | "CZK"
            | "HUF"
            | "TRY"
            | "ZAR"
            | "KRW"
            | "HKD"
            | "SGD"
            | "SAR"
            | "AED"
            | "EGP"
            | "NGN"
            | "KES"
            | "ARS"
            | "CLP"
            | "COP"
            | "PHP"
            | "THB"
            | "MYR"
            | "ILS"
            | "UAH"
            | "PKR"
            | "VND"
    )
}
