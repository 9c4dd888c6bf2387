//! Acronyms and aliases: "International Monetary Fund (IMF)" or "the Islamic State, or IS,"
//! makes the long form, the acronym and its later uses one entity; "X, also known as Y" makes Y
//! another name for X.

use std::collections::HashMap;

use crate::model::EntityId;
use crate::text::TokenKind;

use super::FastMap;
use super::finder::{Candidate, Finder, byte_range, q};
use super::score;

impl<'d> Finder<'_, 'd> {
    // -- Acronyms -----------------------------------------------------------------------------

    /// "International Monetary Fund (IMF)", "the Islamic State, or IS,": the long form, the
    /// acronym, and every later use of the acronym are one entity.
    pub(super) fn acronyms(&mut self) {
        let doc = self.doc;
        let nt = doc.toks.len();
        // Normalised acronym → (long form, label, entity).
        let mut defined: HashMap<String, Definition> = HashMap::new();
        for i in 0..nt {
            let t = &doc.toks[i];
            if !(t.kind == TokenKind::Word && t.is_all_caps() && (2..=10).contains(&t.len())) {
                continue;
            }
            let acr = normalise_acronym(doc.word(i));
            if let Some(def) = defined.get(&acr) {
                let def = def.clone();
                self.acronym_use(i, &def);
                continue;
            }
            // "Long Form (ACR)" or "Long Form, or ACR,".
            let paren = i >= 1 && doc.word(i - 1) == "(" && i + 1 < nt && doc.word(i + 1) == ")";
            let or = i >= 2
                && doc.word(i - 1) == "or"
                && doc.word(i - 2) == ","
                && (i + 1 >= nt || matches!(doc.word(i + 1), "," | ")" | "." | ";"));
            let end_long = match (paren, or) {
                (true, _) => i - 1,
                (_, true) => i - 2,
                _ => continue,
            };
            let Some((ls, le)) = self.long_form(end_long, &acr, i) else {
                continue;
            };
            let long = doc.text_of(ls, le).to_string();
            let (label, entity) = self.long_form_label(ls, le);
            if doc.known_label(ls, le) != Some(label.as_str()) {
                let reason = format!("long form of {} defined here", q(doc.word(i)));
                let c = Candidate::over(
                    doc,
                    (ls, le),
                    &label,
                    score::ACRONYM_LONG_FORM,
                    "acronym",
                    reason,
                );
                self.cands.push(c.linked(entity, Some(long.clone())));
            }
            let def = Definition {
                long,
                label,
                entity,
            };
            self.acronym_use(i, &def);
            defined.insert(acr, def);
        }
    }

    /// An acronym nobody defines ("the Warhol prints donated to USI" where the story names the
    /// University of Southern Indiana elsewhere): its letters spell an organisation's name found
    /// in this document, before or after it → that organisation. Only acronyms of three letters
    /// or more, outside headlines and lines in capitals, that nothing else has taken.
    pub(super) fn acronyms_spelled_elsewhere(&mut self) {
        let doc = self.doc;
        // Organisations of two words or more, from the rules and the other engines.
        let mut orgs: Vec<(usize, usize, Option<EntityId>)> = self
            .cands
            .iter()
            .filter(|c| c.label == "ORG" && c.score >= 0.6 && c.toks.1 - c.toks.0 >= 2)
            .map(|c| (c.toks.0, c.toks.1, c.entity))
            .collect();
        orgs.extend(
            doc.known
                .iter()
                .zip(&doc.known_tokens)
                .filter(|(k, _)| k.label == "ORG")
                .filter_map(|(k, t)| t.filter(|(a, b)| b - a >= 2).map(|(a, b)| (a, b, k.entity))),
        );
        if orgs.is_empty() {
            return;
        }
        // Each organisation's words once, by the first letter an acronym of it starts with.
        let mut by_initial: HashMap<char, Vec<LongForm>> = HashMap::new();
        for (s, e, entity) in orgs {
            let Some(initial) = doc.word(s).chars().next().map(|c| c.to_ascii_uppercase()) else {
                continue;
            };
            if matches!(doc.word(s), "The" | "A" | "An") {
                continue;
            }
            let words = (s..e).map(|x| doc.word(x)).collect();
            by_initial
                .entry(initial)
                .or_default()
                .push((s, e, entity, words));
        }
        let taken: std::collections::HashSet<usize> =
            self.cands.iter().flat_map(|c| c.toks.0..c.toks.1).collect();
        let mut found = Vec::new();
        for i in 0..doc.toks.len() {
            let t = &doc.toks[i];
            if !(t.kind == TokenKind::Word && t.is_all_caps() && (3..=8).contains(&t.len()))
                || doc.caps_line[doc.line[i] as usize]
                || doc.in_headline(i)
                || doc.known_cover[i].is_some()
                || taken.contains(&i)
            {
                continue;
            }
            let acr = normalise_acronym(doc.word(i));
            if acr.len() < 3 || !acr.chars().all(|c| c.is_alphabetic()) {
                continue;
            }
            let letters: Vec<char> = acr.chars().collect();
            let Some(&(s, e, entity, _)) = by_initial
                .get(&letters[0].to_ascii_uppercase())
                .and_then(|v| v.iter().find(|o| spells(&letters, &o.3)))
            else {
                continue;
            };
            let long = doc.text_of(s, e).to_string();
            let reason = format!("{} spells {} in this document", q(doc.word(i)), q(&long));
            let c = Candidate::over(
                doc,
                (i, i + 1),
                "ORG",
                score::ACRONYM_ELSEWHERE,
                "acronym",
                reason,
            );
            found.push(c.linked(entity, Some(long)));
        }
        self.cands.extend(found);
    }

    fn acronym_use(&mut self, i: usize, def: &Definition) {
        let doc = self.doc;
        let reason = format!(
            "{} stands for {} in this document",
            q(doc.word(i)),
            q(&def.long)
        );
        let c = Candidate::over(
            doc,
            (i, i + 1),
            &def.label,
            score::ACRONYM,
            "acronym",
            reason,
        );
        self.cands
            .push(c.linked(def.entity, Some(def.long.clone())));
    }

    /// The long form ending at token `end` (exclusive) whose initials spell `acr`.
    fn long_form(&self, end: usize, acr: &str, at: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let letters: Vec<char> = acr.chars().collect();
        let mut s = end;
        let lo = end.saturating_sub(letters.len() * 2 + 4);
        while s > lo && s > 0 && doc.same_sentence(s - 1, at) {
            let p = s - 1;
            let w = doc.word(p);
            if doc.is_name_word(p) || matches!(w, "of" | "the" | "and" | "for" | "on" | "&" | "de")
            {
                s = p;
            } else {
                break;
            }
        }
        // The shortest start at a name word that spells the acronym.
        let letters = &letters;
        (s..end)
            .rev()
            .find(|&k| {
                doc.is_name_word(k)
                    && !matches!(doc.word(k), "The" | "A" | "An")
                    && spells(letters, &(k..end).map(|x| doc.word(x)).collect::<Vec<_>>())
            })
            .map(|k| (k, end))
    }

    /// The label of a long form: what another engine or a rule says, else ORG.
    fn long_form_label(&self, s: usize, e: usize) -> (String, Option<EntityId>) {
        let doc = self.doc;
        let (start, end) = (doc.toks[s].start, doc.toks[e - 1].end);
        if let Some(k) = doc.known.iter().find(|k| k.start == start && k.end == end) {
            return (k.label.clone(), k.entity);
        }
        if let Some(c) = self
            .cands
            .iter()
            .filter(|c| c.start == start && c.end == end && c.label != "MISC")
            .max_by(|a, b| a.score.total_cmp(&b.score))
        {
            return (c.label.clone(), None);
        }
        ("ORG".into(), None)
    }

    // -- Aliases ------------------------------------------------------------------------------

    /// "X, also known as Y": Y is X under another name.
    pub(super) fn aliases(&mut self) {
        let doc = self.doc;
        let nt = doc.toks.len();
        let mut found = Vec::new();
        // The strongest candidate ending at each character, built once and only when needed.
        let mut by_end: Option<HashMap<usize, usize>> = None;
        for i in 0..nt.saturating_sub(2) {
            let aka = (doc.word(i) == "known" && doc.word(i + 1) == "as")
                && i >= 1
                && matches!(doc.word(i - 1), "also" | "better" | "otherwise");
            let (cue_start, after) = if aka {
                (i - 1, i + 2)
            } else if matches!(doc.word(i), "a.k.a." | "aka") {
                (i, i + 1)
            } else {
                continue;
            };
            let mut x_end = cue_start;
            if x_end >= 1 && doc.word(x_end - 1) == "," {
                x_end -= 1;
            }
            if x_end == 0 || !doc.same_sentence(x_end - 1, after.min(nt - 1)) {
                continue;
            }
            let x_end_char = doc.toks[x_end - 1].end;
            // The name before the cue: a candidate or a known span ending there.
            let by_end = by_end.get_or_insert_with(|| {
                let mut m: HashMap<usize, usize> = HashMap::new();
                for (k, c) in self.cands.iter().enumerate() {
                    if c.label != "MISC" && c.score >= 0.5 {
                        let best = m.entry(c.end).or_insert(k);
                        if self.cands[*best].score < c.score {
                            *best = k;
                        }
                    }
                }
                m
            });
            let source = by_end
                .get(&x_end_char)
                .map(|&k| &self.cands[k])
                .map(|c| {
                    let canon = c
                        .new_entity
                        .clone()
                        .unwrap_or_else(|| doc.text[byte_range(doc, c)].to_string());
                    (c.label.clone(), c.entity, canon)
                })
                .or_else(|| {
                    doc.known
                        .iter()
                        .zip(&doc.known_tokens)
                        .find(|(k, _)| k.end == x_end_char)
                        .and_then(|(k, t)| {
                            t.map(|(a, b)| {
                                (k.label.clone(), k.entity, doc.text_of(a, b).to_string())
                            })
                        })
                });
            let Some((label, entity, canon)) = source else {
                continue;
            };
            let mut e = after;
            while e < nt && e < after + 4 && doc.is_name_word(e) && doc.same_sentence(after, e) {
                e += 1;
            }
            if e == after {
                continue;
            }
            found.push((after, e, label, entity, canon));
        }
        let mut later: FastMap<'d, (usize, Candidate)> = FastMap::default();
        for (s, e, label, entity, canon) in found {
            let alias = doc.text_of(s, e).to_string();
            let reason = format!("“also known as”: another name for {}", q(&canon));
            let mut c = Candidate::over(doc, (s, e), &label, score::ALIAS, "alias", reason)
                .linked(entity, Some(canon.clone()));
            self.cands.push(c.clone());
            // Later uses of the alias, when it is an acronym-like single word.
            if e - s == 1 && doc.toks[s].is_all_caps() {
                c.reason = format!("{} is another name for {} here", q(&alias), q(&canon));
                later.entry(doc.word(s)).or_insert((e, c));
            }
        }
        for k in 0..doc.toks.len() {
            if doc.toks[k].kind == TokenKind::Word
                && let Some((from, c)) = later.get(doc.word(k))
                && k >= *from
            {
                let mut c = c.clone();
                c.start = doc.toks[k].start;
                c.end = doc.toks[k].end;
                c.toks = (k, k + 1);
                self.cands.push(c);
            }
        }
    }
}

/// An organisation an undefined acronym may spell: its tokens, entity and words.
type LongForm<'d> = (usize, usize, Option<EntityId>, Vec<&'d str>);

/// An acronym's definition in this document.
#[derive(Clone, Debug)]
struct Definition {
    long: String,
    label: String,
    entity: Option<EntityId>,
}

/// "U.S." → "US", "I-S" → "IS".
fn normalise_acronym(w: &str) -> String {
    w.chars()
        .filter(|c| !matches!(c, '.' | '-' | '&'))
        .collect()
}

/// Whether the initials of `words` spell `letters`. Connectors may be skipped or used; a word in
/// capitals may give all its letters ("UN General Assembly" → UNGA).
fn spells(letters: &[char], words: &[&str]) -> bool {
    fn go(l: &[char], w: &[&str]) -> bool {
        let Some((word, rest)) = w.split_first() else {
            return l.is_empty();
        };
        let connector = matches!(*word, "of" | "the" | "and" | "for" | "on" | "&" | "de");
        if connector && go(l, rest) {
            return true;
        }
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            return go(l, rest);
        };
        let Some((&c, l_rest)) = l.split_first() else {
            return false;
        };
        if !first
            .to_uppercase()
            .eq(std::iter::once(c.to_ascii_uppercase()))
        {
            return false;
        }
        if go(l_rest, rest) {
            return true;
        }
        // All the letters of a word in capitals, or of each part of a hyphenated word.
        let caps: Vec<char> = word.chars().filter(|c| c.is_alphanumeric()).collect();
        if caps.len() > 1 && caps.iter().all(|c| c.is_uppercase()) && l.starts_with(&caps) {
            return go(&l[caps.len()..], rest);
        }
        let parts: Vec<char> = word.split('-').filter_map(|p| p.chars().next()).collect();
        parts.len() > 1 && l.starts_with(&parts) && go(&l[parts.len()..], rest)
    }
    letters.len() >= 2 && go(letters, words)
}
