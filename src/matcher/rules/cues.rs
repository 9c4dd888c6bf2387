//! Cues around a sequence: a speech verb after or before it makes it a speaker (`speech-cue`),
//! and "the city of X", "capital X", "X's government" make it a place (`gpe-cue`).

use crate::matcher::model::capitalised_tenths;
use crate::text::TokenKind;

use super::finder::{Finder, q};
use super::lexicons::is_industry;
use super::score;
use super::words::{
    gpe_possessed, inverted_speech_verb, is_compass, is_particle_prefixed, is_place_opener,
    is_speech_adverb, is_title_core, is_title_modifier, org_head, place_of_noun, speech_verb,
};

impl<'d> Finder<'_, 'd> {
    /// A speech verb right after the run ("Smith said") or just before it ("…, said Smith.")
    /// makes it a speaker: a PERSON, or an ORG after "the" or with a head word. Returns whether
    /// it added a suggestion.
    pub(super) fn speech_cue(&mut self, s: usize, e: usize, unsure: bool) -> bool {
        let doc = self.doc;
        let n = e - s;
        if n > 3 || doc.in_headline(s) {
            return false;
        }
        let mut k = e;
        while k < e + 2 && doc.is_lower_word(k, is_speech_adverb) {
            k += 1;
        }
        let after = doc.is_lower_word(k, speech_verb) && doc.same_sentence(s, k);
        let verb_before =
            s >= 1 && doc.is_lower_word(s - 1, inverted_speech_verb) && doc.same_sentence(s - 1, s);
        let closes = e >= doc.toks.len()
            || !doc.same_sentence(s, e)
            || matches!(doc.word(e), "," | "." | ";" | "!" | "?" | "”");
        let before = verb_before && closes;
        if !(after || before) {
            return false;
        }
        // One unknown word at a sentence start ("Officials said") is too often a common noun,
        // and "North Korea said" is a country.
        if (n == 1 && unsure) || is_place_opener(doc.word(s)) || is_compass(doc.word(s)) {
            return false;
        }
        let verb = if after { doc.word(k) } else { doc.word(s - 1) };
        let last = doc.word(e - 1);
        let t = &doc.toks[s];
        let the_before = s >= 1 && doc.word(s - 1) == "the";
        // "Witkoppies Gold said", "Tây Sơn Hydropower said": an industry's word that running
        // text writes capitalised at most two times in ten, after no known first name or
        // initial, ends a company's name ("Jane Gold said" is a person; so are "Usain Bolt" and
        // "Tiger Woods": no industry's words).
        let common_tail = n >= 2
            && is_industry(&last.to_lowercase())
            && capitalised_tenths(last).is_some_and(|c| c <= 2)
            && !self.rules.first_names.contains_key(doc.word(s))
            && !t.is_initial()
            && !is_particle_prefixed(last);
        let org = org_head(last).is_some()
            || (n == 1 && t.is_all_caps() && t.len() >= 2)
            || the_before
            || common_tail;
        let label = if org { "ORG" } else { "PERSON" };
        if let Some(known) = doc.known_label(s, e)
            && known != label
        {
            return false; // another engine knows better ("Moscow said" is a city)
        }
        let sc = if n == 1 {
            score::SPEECH_SINGLE
        } else {
            score::SPEECH_MULTI
        };
        let reason = if after {
            format!("capitalised name before {}", q(verb))
        } else {
            format!("capitalised name after {}", q(verb))
        };
        let reason = if common_tail && org_head(last).is_none() && !the_before {
            format!(
                "{reason}; {} is more often a common noun than a name",
                q(last)
            )
        } else {
            reason
        };
        self.add(s, e, label, sc, "speech-cue", reason);
        true
    }

    /// "Camalig mayor Carlos Barrameda", "Albay governor", "Sungai Lendu village": a name before
    /// a place's office or a word for a place is the place, even opening a sentence (where
    /// its capital says nothing). Returns whether it added one.
    pub(super) fn place_noun_after(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if e - s > 3
            || e >= doc.toks.len()
            || doc.in_headline(s)
            || !doc.same_sentence(s, e)
            || doc.known_label(s, e).is_some_and(|l| l != "GPE")
        {
            return false;
        }
        let noun = doc.word(e);
        let place = doc.is_lower_word(e, |w| {
            matches!(
                w,
                "mayor"
                    | "governor"
                    | "province"
                    | "county"
                    | "village"
                    | "villages"
                    | "municipality"
                    | "prefecture"
                    | "regency"
                    | "township"
            )
        });
        // "the Kalisz village council" is still the village; "Smith village" is no cue for
        // a person the rules know by a first name. No title or its modifier ("Former governor",
        // "Deputy mayor", "Labour mayor", "Lieutenant governor"), nationality ("Kurdish
        // villages"), party or other adjective ("Olympic village") or acronym ("RBI
        // governor", "Fed governor").
        let not_place = |k: usize| {
            let w = doc.word(k);
            let t = &doc.toks[k];
            is_title_core(w)
                || is_title_modifier(w)
                || (t.is_all_caps() && t.len() >= 2)
                || self.is_demonym(k)
                || doc.covered_as(k).is_some_and(|l| l != "GPE")
                || (doc.ambiguous[k] && crate::matcher::model::usually_lower(w))
                || matches!(
                    w,
                    "Fed"
                        | "Olympic"
                        | "Democratic"
                        | "Republican"
                        | "Conservative"
                        | "Liberal"
                        | "Green"
                        | "Socialist"
                        | "Communist"
                        | "Tory"
                )
        };
        if !place || self.rules.first_names.contains_key(doc.word(s)) || (s..e).any(not_place) {
            return false;
        }
        let name = doc.text_of(s, e);
        self.add(
            s,
            e,
            "GPE",
            score::GPE_CUE,
            "gpe-cue",
            format!("“{name} {noun}”"),
        );
        true
    }

    /// "the city of X", "the capital X", "X's government". Returns whether it added one.
    pub(super) fn gpe_cue(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = e - s;
        if n > 3 {
            return false;
        }
        let name = doc.text_of(s, e);
        if s >= 2
            && doc.word(s - 1) == "of"
            && doc.same_sentence(s - 2, s)
            && let Some(label) =
                place_of_noun(doc.word(s - 2)).filter(|_| !doc.toks[s - 2].is_capitalised())
        {
            let noun = doc.word(s - 2);
            self.add(
                s,
                e,
                label,
                score::GPE_CUE,
                "gpe-cue",
                format!("“the {noun} of {name}”"),
            );
            return true;
        }
        let capital_before = (s >= 1 && doc.word(s - 1) == "capital")
            || (s >= 2 && doc.word(s - 1) == "," && doc.word(s - 2) == "capital");
        if capital_before && doc.same_sentence(s.saturating_sub(2), s) {
            self.add(
                s,
                e,
                "GPE",
                score::GPE_CUE,
                "gpe-cue",
                format!("“capital {name}”"),
            );
            return true;
        }
        if e + 1 < doc.toks.len()
            && doc.toks[e].kind == TokenKind::Possessive
            && doc.same_sentence(s, e + 1)
            && let Some(sc) = gpe_possessed(doc.word(e + 1))
        {
            let what = doc.word(e + 1).to_lowercase();
            self.add(
                s,
                e,
                "GPE",
                sc,
                "gpe-cue",
                format!("{name}’s {what}: a country's"),
            );
            return true;
        }
        false
    }
}
