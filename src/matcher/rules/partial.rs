//! Stage 2, Mikheev's partial matching: every confident person or organisation (the rules' own
//! or another engine's) is looked for again across the document — a person's surname alone, a
//! full name repeated, a company without its "Inc." — unless a surname is shared by people with
//! different first names.

use std::collections::{HashMap, HashSet};

use crate::model::EntityId;

use super::FastMap;
use super::finder::{Candidate, Finder, byte_range, q};
use super::score;
use super::text::Evidence;
use super::text::RuleText;
use super::words::{
    is_compass, is_initial_function_word, is_particle, is_particle_prefixed, is_title_core,
    is_title_modifier, is_weekday, month,
};

/// The rule that finds a name again where the document already used it ("Fujisawa" after "Ryo
/// Fujisawa"): where it finds a person, a list or the model calling the same span a place
/// gives way (`Engines::settle`).
pub const PARTIAL_RULE: &str = "partial";

impl<'d> Finder<'_, 'd> {
    // -- Stage 2: partial matching --------------------------------------------------------------

    /// Look again for every confident name: a person's surname alone, any full name repeated,
    /// a company without its "Inc.".
    pub(super) fn partial_matches(&mut self) {
        let doc = self.doc;
        let mut sources: Vec<Source<'d>> = Vec::new();
        let mut own: HashSet<(usize, usize)> = HashSet::new();
        // Only people and organisations are looked for again.
        let static_label = |l: &str| match l {
            "PERSON" => Some("PERSON"),
            "ORG" => Some("ORG"),
            _ => None,
        };
        for c in &self.cands {
            let (a, b) = c.toks;
            let tokens_match = doc.toks[a].start == c.start && doc.toks[b - 1].end == c.end;
            let Some(label) = static_label(&c.label) else {
                continue;
            };
            if !tokens_match || c.score < 0.6 {
                continue;
            }
            // A speech verb alone is not enough to go looking for the name everywhere, and single
            // words only when the evidence was strong (a title).
            if c.rule == "speech-cue" || (b - a == 1 && c.score < 0.7) {
                continue;
            }
            own.insert((c.start, c.end));
            let surname_first = c.rule.contains("east-asian-name");
            sources_of(
                doc,
                (a, b),
                label,
                c.score,
                c.entity,
                surname_first,
                &mut sources,
            );
        }
        for (k, range) in doc.known.iter().zip(&doc.known_tokens) {
            if let Some((a, b)) = *range
                && b - a >= 2
                && let Some(label) = static_label(&k.label)
            {
                own.insert((k.start, k.end));
                sources_of(doc, (a, b), label, 0.85, k.entity, false, &mut sources);
            }
        }
        // A surname shared by people with different first names ("Bill" and "Hillary Clinton")
        // points to nobody in particular; the same first name with a longer form is one person.
        let mut by_key: HashMap<(&[&str], &str), Vec<usize>> = HashMap::new();
        for (k, src) in sources.iter().enumerate() {
            by_key.entry((&src.words, src.label)).or_default().push(k);
        }
        let mut index: FastMap<'_, Vec<usize>> = FastMap::default();
        let mut chosen: Vec<usize> = Vec::new();
        let mut names_by_last: FastMap<'_, Vec<(usize, usize)>> = FastMap::default();
        for &(a, b) in &self.names {
            names_by_last
                .entry(doc.word(b - 1))
                .or_default()
                .push((a, b));
        }
        for ((words, _), ks) in &by_key {
            let firsts: HashSet<&str> = ks.iter().map(|&k| sources[k].first).collect();
            // Other capitalised sequences ending in the surname count too ("Bill Clinton" even
            // when nothing typed it).
            let surname = sources[ks[0]].kind == "surname";
            let others = surname
                && words.len() == 1
                && names_by_last.get(words[0]).is_some_and(|v| {
                    v.iter().any(|&(a, b)| {
                        // A plain "Given Surname", not "U.S. President Barack Obama".
                        doc.word(b - 1) == words[0]
                            && b - a <= 3
                            && !firsts.contains(doc.word(a))
                            && (a..b - 1).all(|k| {
                                let (w, t) = (doc.word(k), &doc.toks[k]);
                                !is_title_core(w)
                                    && !is_title_modifier(w)
                                    && !is_compass(w)
                                    && (!t.is_all_caps() || t.is_initial())
                                    && !self.is_demonym(k)
                            })
                    })
                });
            if surname && (firsts.len() > 1 || others) {
                continue;
            }
            let best = *ks
                .iter()
                .max_by_key(|&&k| (sources[k].canonical.len(), sources[k].entity.is_some()))
                .expect("non-empty");
            chosen.push(best);
        }
        // In the sources' order, not the map's: the same story gives the same findings on
        // every run (ties between two findings go to the first).
        chosen.sort_unstable();
        for &k in &chosen {
            index.entry(sources[k].words[0]).or_default().push(k);
        }
        let mut found = Vec::new();
        for i in 0..doc.toks.len() {
            // A surname may open with its particle in lower case ("dela Cruz", "van der
            // Merwe"), capitalised at a sentence's start ("Van der Merwe said").
            let particle = is_particle(&doc.word(i).to_lowercase());
            if !doc.is_name_word(i) && !particle {
                continue;
            }
            // Only from the surname's first particle: "der Heijden" is inside "van der Heijden".
            if particle && i >= 1 && is_particle(&doc.word(i - 1).to_lowercase()) {
                continue;
            }
            // Both forms of a particle: "van der Heijden" after "Coach Van der Heijden", and
            // "Van" also opens "Van Morrison".
            let other = if particle {
                let w = doc.word(i);
                let mut cs = w.chars();
                match cs.next() {
                    Some(c) if c.is_uppercase() => c.to_lowercase().chain(cs).collect(),
                    Some(c) => c.to_uppercase().chain(cs).collect(),
                    None => String::new(),
                }
            } else {
                String::new()
            };
            let mut keys = vec![doc.word(i)];
            if particle && other != doc.word(i) {
                keys.push(other.as_str());
            }
            let matches: Vec<(&str, usize)> = keys
                .iter()
                .filter_map(|key| index.get(*key).map(|ks| (*key, ks)))
                .flat_map(|(key, ks)| ks.iter().map(move |&k| (key, k)))
                .collect();
            for (key, k) in matches {
                let src = &sources[k];
                // The other case only opens a name of two words or more ("van der Heijden"),
                // never a particle alone ("al" in "et al").
                if key != doc.word(i) && src.words.len() < 2 {
                    continue;
                }
                let e = i + src.words.len();
                if e > doc.toks.len()
                    || !(i..e)
                        .zip(&src.words)
                        .enumerate()
                        .all(|(j, (x, w))| doc.word(x) == *w || (j == 0 && particle && key == *w))
                {
                    continue;
                }
                let (start, end) = (doc.toks[i].start, doc.toks[e - 1].end);
                if own.contains(&(start, end)) {
                    continue;
                }
                // Not part of a longer name: "Michelle Obama" is not Barack's surname.
                let prev_name = i >= 1
                    && doc.same_sentence(i - 1, i)
                    && doc.is_name_word(i - 1)
                    && !is_title_core(doc.word(i - 1))
                    && !is_title_modifier(doc.word(i - 1))
                    && !(doc.ambiguous[i - 1]
                        && (is_initial_function_word(doc.word(i - 1))
                            || doc.evidence(i - 1, self.rules) == Evidence::NotName));
                let next_name = e < doc.toks.len()
                    && doc.same_sentence(i, e)
                    && doc.is_name_word(e)
                    && !is_weekday(doc.word(e))
                    && month(doc.word(e)).is_none();
                if prev_name || next_name {
                    continue;
                }
                if (doc.ambiguous[i] || doc.in_headline(i))
                    && !particle
                    && doc.lower_seen(doc.word(i))
                {
                    continue;
                }
                let (rule, reason, sc) = match src.kind {
                    "surname" => (
                        PARTIAL_RULE,
                        format!(
                            "surname of {}, named in full in this document",
                            q(src.canonical)
                        ),
                        score::SURNAME,
                    ),
                    "short" => (
                        PARTIAL_RULE,
                        format!("short form of {}", q(src.canonical)),
                        score::SURNAME,
                    ),
                    _ => (
                        PARTIAL_RULE,
                        format!("{} is a name elsewhere in this document", q(src.canonical)),
                        if src.words.len() > 1 {
                            score::REPEAT
                        } else {
                            score::SURNAME
                        },
                    ),
                };
                let c = Candidate::over(doc, (i, e), src.label, sc.min(src.score), rule, reason);
                found.push(c.linked(src.entity, Some(src.canonical.to_string())));
            }
        }
        // The full forms that sources came from link to the same entity as their partial matches.
        let linked: HashSet<&str> = found
            .iter()
            .filter(|c| c.entity.is_none())
            .filter_map(|c| c.new_entity.as_deref())
            .collect();
        for c in &mut self.cands {
            if c.entity.is_none() && c.new_entity.is_none() {
                let name = &doc.text[byte_range(doc, c)];
                if linked.contains(name) {
                    c.new_entity = Some(name.to_string());
                }
            }
        }
        self.cands.extend(found);
    }
}

/// A confident name to look for again, in one of its forms.
struct Source<'s> {
    words: Vec<&'s str>,
    label: &'static str,
    score: f32,
    entity: Option<EntityId>,
    canonical: &'s str,
    /// The given name, which tells apart people who share a surname.
    first: &'s str,
    /// "full", "surname" or "short" (a company without its "Inc.").
    kind: &'static str,
}

/// The forms of the name at tokens `a..b` to look for again: the full name; a person's
/// surname; a company's name without "Inc.". `surname_first`: the family name comes first
/// ("Moon Jae-in").
fn sources_of<'d>(
    doc: &RuleText<'d>,
    (a, b): (usize, usize),
    label: &'static str,
    score: f32,
    entity: Option<EntityId>,
    surname_first: bool,
    sources: &mut Vec<Source<'d>>,
) {
    let words_of = |a: usize, b: usize| -> Vec<&'d str> { (a..b).map(|k| doc.word(k)).collect() };
    let canonical = doc.text_of(a, b);
    let first = doc.word(if surname_first { b - 1 } else { a });
    let mut push = |words: Vec<&'d str>, kind: &'static str| {
        sources.push(Source {
            words,
            label,
            score,
            entity,
            canonical,
            first,
            kind,
        });
    };
    push(words_of(a, b), "full");
    if label == "PERSON" && b - a >= 2 {
        // The surname: from the first particle on ("van Gogh", "bin Laden"), else the last
        // word; "al-Assad" also as "Assad".
        let p = (a + 1..b)
            .find(|&k| is_particle(doc.word(k)))
            .unwrap_or(b - 1);
        let (p, q) = if surname_first { (a, a + 1) } else { (p, b) };
        // "Van der Heijden" at a sentence's start is all surname: no "der Heijden" (but "Ben
        // Player" has the surname "Player").
        // Not "Ben van Beurden" or "Al de Santis": "Ben" and "Al" are first names too.
        let all_particles = b - a >= 3
            && matches!(
                doc.word(a),
                "Van"
                    | "Von"
                    | "De"
                    | "Der"
                    | "Den"
                    | "Du"
                    | "Da"
                    | "Di"
                    | "Del"
                    | "Della"
                    | "Dos"
                    | "Das"
                    | "La"
                    | "Le"
                    | "Ter"
                    | "Ten"
                    | "Op"
            )
            && is_particle(doc.word(a + 1));
        if surname_first || !all_particles {
            push(words_of(p, q), "surname");
        }
        let last = doc.word(b - 1);
        if is_particle_prefixed(last) {
            let bare = last
                .split_once(['-', '\'', '’'])
                .map(|x| x.1)
                .unwrap_or(last);
            push(vec![bare], "surname");
        }
    }
    if label == "ORG" && b - a >= 2 {
        let w = doc.word(b - 1).trim_end_matches('.');
        if matches!(
            w,
            "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "LLC"
                | "plc"
                | "PLC"
                | "AG"
                | "GmbH"
                | "Group"
                | "Gruppen"
                | "Gruppe"
                | "Groupe"
                | "Grupo"
                | "Gruppo"
                | "Capital"
                | "Partners"
                | "Technologies"
                | "Technology"
                | "Networks"
                | "Systems"
                | "Electronics"
                | "Pharmaceuticals"
                | "Communications"
                | "Holdings"
                | "Holding"
                | "Corporation"
                | "Company"
                | "Limited"
                | "Industries"
                | "Motor"
                | "Motors"
                | "Securities"
                | "Enterprises"
                | "SA"
                | "NV"
                | "BV"
                | "SpA"
                | "AB"
                | "ASA"
                | "Oyj"
                | "KK"
        ) && doc.toks[a].is_capitalised()
        {
            push(words_of(a, b - 1), "short");
        }
    }
}
