//! Names the model cut at a lower-case word inside them: "Dar" of "Dar es Salaam", "Nur
//! Aisyah" and "Rahman" of "Nur Aisyah binti Rahman", "Trinidad" of "Trinidad and Tobago". The
//! model tags token by token and a lower-case word looks like the end of a name; a list's entry
//! or a rule that joined the name across its particle knows better, so the model's pieces
//! give way to it.

use crate::model::{Document, Suggestion};
use crate::text::is_name_particle;

/// Drop the model's findings that lie inside a list's or a rule's longer name and stop or
/// start at a lower-case word of it.
pub(super) fn pieces_of_longer_names(
    doc: &Document,
    found: &[Suggestion],
    from_model: &mut Vec<Suggestion>,
) {
    if found.is_empty() || from_model.is_empty() {
        return;
    }
    let text = &doc.text;
    // The longer names: a list's entry holding a lower-case word, or a rule's name holding a
    // particle (a rule may join "Britain and France"; a list's "Trinidad and Tobago" is one).
    let longer: Vec<(usize, usize, bool)> = found
        .iter()
        .filter(|s| matches!(s.label(), "PERSON" | "ORG" | "GPE" | "LOC"))
        .filter_map(|s| {
            let listed = match s.engine.as_str() {
                "gazetteer" => true,
                "rules" => false,
                _ => return None,
            };
            let (a, b) = s.range();
            let name = doc.slice(a, b);
            (a < b && name.split_whitespace().skip(1).any(|w| joins(w, listed)))
                .then_some((a, b, listed))
        })
        .collect();
    if longer.is_empty() {
        return;
    }
    from_model.retain(|m| {
        let (a, b) = m.range();
        if a >= b {
            return true;
        }
        let (x, y) = (doc.byte_of(a), doc.byte_of(b));
        !longer.iter().any(|&(la, lb, listed)| {
            if !(la <= a && b <= lb && (la, lb) != (a, b)) {
                return false;
            }
            let inside = &text[doc.byte_of(la)..doc.byte_of(lb)];
            let (from, to) = (x - doc.byte_of(la), y - doc.byte_of(la));
            let after = inside[to..].split_whitespace().next();
            let before = inside[..from].split_whitespace().last();
            after.is_some_and(|w| joins(w, listed)) || before.is_some_and(|w| joins(w, listed))
        })
    });
}

/// A lower-case word that sits inside names: a particle ("binti", "van", "de"), or in a listed
/// name also one of the words inside places' and bodies' names ("es" of "Dar es Salaam",
/// "and" of "Trinidad and Tobago", "of" of "Bank of England").
fn joins(w: &str, listed: bool) -> bool {
    is_name_particle(w) || (listed && matches!(w, "es" | "and" | "of" | "the" | "e" | "i" | "na"))
}
