//! Where capitals say nothing in wire copy: datelines ("LONDON 1996-08-30", "PARIS, March 3
//! (Reuters) -") give a place and an agency, and a line in capitals ("SOCCER - BARCELONA BEAT
//! MILAN") takes its names from the rest of the story, else from the bundled places and press.

use std::collections::HashMap;

use crate::model::EntityId;
use crate::text::TokenKind;

use super::finder::{Candidate, Finder, q};
use super::lexicons::lexicons;
use super::text::RuleText;
use super::words::{event_head, is_short_month, is_sport_slug, is_weekday, month};

/// How much a dateline's place counts for the same word in a headline: less than any finding
/// in the body (those count from 0.6), enough when it is the only one.
const DATELINE_WEIGHT: f32 = 0.55;

/// What a dateline's place is followed by: a date ("1996-08-30"), ", March 3", "(Reuters)".
fn dateline_tail(doc: &RuleText, k: usize, end: usize) -> Option<&'static str> {
    let at = |i: usize| (i < end).then(|| doc.word(i));
    match at(k)? {
        w if doc.toks[k].kind == TokenKind::Number && w.len() >= 8 && w.contains('-') => {
            Some("a date")
        }
        "," => {
            let next = at(k + 1)?;
            // "Nov 22": wire copy abbreviates months without a full stop.
            let short = is_short_month(next)
                && at(k + 2).is_some()
                && doc.toks[k + 2].kind == TokenKind::Number;
            // A month with its day, agency or dash: "Inflation, January: 4.6 pct" is a
            // figure's heading.
            let dated = month(next).is_some()
                && at(k + 2).is_some_and(|w| {
                    doc.toks[k + 2].kind == TokenKind::Number
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(w, "(" | "-" | "--" | "–" | "—")
                });
            if dated || is_weekday(next) || short {
                Some("a date")
            } else {
                None
            }
        }
        "(" => {
            // "(Reuters) -" or the line's end; not a month in a table row ("JKM (Feb), $/mmBtu:
            // 16.85").
            let agency = at(k + 1)?;
            let after = at(k + 3);
            let ends = after.is_none_or(|w| matches!(w, "-" | "--" | "–" | "—"));
            let when = month(agency).is_some() || is_short_month(agency) || is_weekday(agency);
            (doc.toks[k + 1].is_capitalised() && at(k + 2) == Some(")") && ends && !when)
                .then_some("an agency")
        }
        "-" | "--" | "–" | "—" => {
            // "PARIS - French police …": the rest of the line is a story, not a headline.
            let rest = (k + 1..end).any(|i| doc.is_lower_word(i, |w| w.len() >= 3));
            rest.then_some("a story")
        }
        _ => None,
    }
}

impl<'d> Finder<'_, 'd> {
    /// Datelines: "LONDON 1996-08-30", "PARIS, March 3 -", "LONDON (Reuters) -", "AL-AIN,
    /// United Arab Emirates 1996-12-06": the place at the start of a line, and the agency.
    pub(super) fn datelines(&mut self) {
        let doc = self.doc;
        for li in 0..doc.lines.len() {
            let (a, b) = doc.lines[li];
            let mut k = a;
            // One to four words of the place, in capitals (or Title Case before a date).
            while k < b && k < a + 4 && doc.is_word(k) && doc.toks[k].is_capitalised() {
                k += 1;
            }
            if k == a || k >= b {
                continue;
            }
            let caps = (a..k).all(|i| doc.toks[i].is_all_caps());
            if !caps && k - a > 3 {
                continue;
            }
            let Some(why) = dateline_tail(doc, k, b) else {
                // "AL-AIN, United Arab Emirates 1996-12-06": a region or country between.
                if caps && doc.word(k) == "," {
                    let mut j = k + 1;
                    while j < b && j < k + 5 && doc.is_word(j) && doc.toks[j].is_capitalised() {
                        j += 1;
                    }
                    if j > k + 1 && dateline_tail(doc, j, b).is_some_and(|w| w != "a story") {
                        self.dateline_place(a, k);
                        if doc.known_cover[k + 1].is_none() {
                            self.dateline_place(k + 1, j);
                        }
                    }
                }
                continue;
            };
            // Title Case only before a date, where nothing else stands ("Paris, March 3 -").
            if !caps && why != "a date" {
                continue;
            }
            if why == "a story" && !caps {
                continue;
            }
            if (a..k).any(|i| is_weekday(doc.word(i)) || month(doc.word(i)).is_some()) {
                continue;
            }
            // "BASKETBALL - DELA CRUZ LEADS BAYANIHAN": a sports headline's slug; "CAF
            // CONFEDERATION CUP - second round": a competition's heading.
            if is_sport_slug(doc.text_of(a, k)) || (k > a && is_event_word(doc.word(k - 1))) {
                continue;
            }
            // "DAESAN MOTOR (SEOUL) - The carmaker …": a list of company briefs gives the
            // company, then its city in brackets, where a dateline gives the place, then its
            // agency.
            if why == "an agency" && caps {
                let lex = lexicons();
                let bracket = doc.word(k + 1).to_uppercase();
                if doc.toks[k + 1].is_all_caps()
                    && lex.places.contains_key(&bracket)
                    && !lex.media_caps.contains(&bracket)
                    && !lex.places.contains_key(&doc.text_of(a, k).to_uppercase())
                {
                    self.dateline_place(k + 1, k + 2);
                    if doc.known_cover[a].is_none() {
                        let name = doc.text_of(a, k);
                        let reason = format!("{}: a company brief, its city in brackets", q(name));
                        self.add(a, k, "ORG", 0.8, "dateline", reason);
                    }
                    continue;
                }
            }
            self.dateline_place(a, k);
            if why == "an agency" {
                let ag = k + 1;
                if doc.known_cover[ag].is_none() {
                    self.add(
                        ag,
                        ag + 1,
                        "ORG",
                        0.85,
                        "dateline",
                        format!("{}: the agency of a dateline", q(doc.word(ag))),
                    );
                }
            }
        }
    }

    fn dateline_place(&mut self, s: usize, e: usize) {
        let doc = self.doc;
        if doc
            .known_label(s, e)
            .is_some_and(|l| matches!(l, "GPE" | "LOC"))
        {
            return;
        }
        self.add(
            s,
            e,
            "GPE",
            0.9,
            "dateline",
            format!("{} opens a dateline", q(doc.text_of(s, e))),
        );
    }

    /// Lines in capitals ("SOCCER - BARCELONA BEAT MILAN", "LONDON 1996-08-30" aside): a name
    /// the document writes elsewhere in lower case letters is the same name here; else a place
    /// or the press from the bundled lists.
    pub(super) fn capital_lines(&mut self) {
        let doc = self.doc;
        if !doc.caps_line.iter().any(|&c| c) {
            return;
        }
        // Names found outside capital lines, by their form in capitals: the surest label wins.
        // (label, score, entity, canonical name, weight): the heaviest finding wins.
        type Seen = (String, f32, Option<EntityId>, Option<String>, f32);
        let mut by_caps: HashMap<String, Seen> = HashMap::new();
        let mut note = |text: &str, label: &str, score: f32, weight: f32, entity, new_entity| {
            let key = text.to_uppercase();
            let e = by_caps
                .entry(key)
                .or_insert((label.to_string(), -1.0, None, None, -1.0));
            if weight > e.4 {
                *e = (label.to_string(), score, entity, new_entity, weight);
            }
        };
        for (k, range) in doc.known.iter().zip(&doc.known_tokens) {
            if let Some((a, b)) = *range
                && !doc.caps_line[doc.line[a] as usize]
                && matches!(k.label.as_str(), "PERSON" | "ORG" | "GPE" | "LOC")
            {
                let text = doc.text_of(a, b);
                note(text, &k.label, 0.85, 0.85, k.entity, Some(text.to_string()));
            }
        }
        for c in &self.cands {
            let (a, b) = c.toks;
            let aligned = doc.toks[a].start == c.start && doc.toks[b - 1].end == c.end;
            if aligned && c.score >= 0.6 && !doc.caps_line[doc.line[a] as usize] {
                let text = doc.text_of(a, b);
                let canon = c.new_entity.clone().or_else(|| Some(text.to_string()));
                // A person's surname alone: "OKAFOR QUITS" after "Ada Okafor".
                if c.label == "PERSON" && b - a >= 2 && !doc.toks[b - 1].is_initial() {
                    let surname = doc.word(b - 1);
                    let sc = c.score - 0.1;
                    note(surname, "PERSON", sc, sc, c.entity, canon.clone());
                }
                // Where a story is filed says less about its headline than its body does:
                // "KIEL HOLD OFF BARCELONA" above "KIEL 2027-02-18" and "Kiel beat Barcelona".
                let weight = if c.rule == "dateline" {
                    DATELINE_WEIGHT
                } else {
                    c.score
                };
                note(text, &c.label, c.score, weight, c.entity, canon);
            }
        }
        let lex = lexicons();
        let mut found = Vec::new();
        for li in 0..doc.lines.len() {
            if !doc.caps_line[li] {
                continue;
            }
            let (a, b) = doc.lines[li];
            // The sport that opens a headline ("CRICKET - IRELAND WIN") is no name, whatever
            // the story calls a body of that sport ("Zimbabwe Cricket said").
            let mut i = (a + 1..(a + 4).min(b))
                .find(|&k| {
                    matches!(doc.word(k), "-" | "–" | "—") && is_sport_slug(doc.text_of(a, k))
                })
                .map_or(a, |k| k + 1);
            while i < b {
                if !(doc.is_word(i) && doc.toks[i].is_all_caps()) || doc.known_cover[i].is_some() {
                    i += 1;
                    continue;
                }
                let mut hit = None;
                for len in (1..=4).rev() {
                    let e = i + len;
                    if e > b || !(i..e).all(|k| doc.is_word(k) && doc.known_cover[k].is_none()) {
                        continue;
                    }
                    let text = doc.text_of(i, e);
                    if let Some((label, sc, entity, canon, _)) = by_caps.get(text) {
                        hit = Some((
                            e,
                            label.clone(),
                            (sc - 0.05).min(0.85),
                            *entity,
                            canon.clone(),
                            format!(
                                "written {} elsewhere in this document",
                                q(canon.as_deref().unwrap_or(text))
                            ),
                        ));
                        break;
                    }
                    if text.chars().count() >= 4 || text.contains('.') {
                        // "RESULTS AT HAMBURG OPEN", "WIN AT MONZA GRAND PRIX": the place
                        // names the event after it.
                        // A sporting head that ends the run ("CHINA OPEN TO TALKS" is no
                        // tournament, "BRUSSELS SUMMIT" stays the city).
                        let head = |k: usize| {
                            k < b
                                && doc.toks[k].is_all_caps()
                                && is_sport_event_head(&title_case(doc.word(k)))
                                && !(k + 1 < b
                                    && doc.is_word(k + 1)
                                    && doc.toks[k + 1].is_all_caps())
                        };
                        let event_end = if head(e) {
                            Some(e + 1)
                        } else if e + 1 < b && doc.word(e) == "GRAND" && head(e + 1) {
                            Some(e + 2)
                        } else {
                            None
                        };
                        if let Some(end) = event_end
                            && lex.places.contains_key(text)
                        {
                            let name = doc.text_of(i, end);
                            hit = Some((
                                end,
                                "EVENT".into(),
                                0.7,
                                None,
                                None,
                                format!("{} names an event by its head word", q(name)),
                            ));
                            break;
                        }
                        if let Some(&country) = lex.places.get(text) {
                            let sc = if country { 0.8 } else { 0.75 };
                            hit = Some((
                                e,
                                "GPE".into(),
                                sc,
                                None,
                                None,
                                format!("{} is a place in the bundled lists", q(text)),
                            ));
                            break;
                        }
                        if lex.media_caps.contains(text) {
                            hit = Some((
                                e,
                                "ORG".into(),
                                0.8,
                                None,
                                None,
                                format!("{} is a news agency, newspaper or broadcaster", q(text)),
                            ));
                            break;
                        }
                    }
                }
                match hit {
                    Some((e, label, sc, entity, canon, reason)) => {
                        let c = Candidate::over(doc, (i, e), label, sc, "capitals", reason);
                        found.push(c.linked(entity, canon));
                        i = e;
                    }
                    None => i += 1,
                }
            }
        }
        self.cands.extend(found);
    }
}

/// "OPEN" → "Open": a word in capitals as the word lists write it.
fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(first) => first
            .to_uppercase()
            .chain(cs.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Heads of sporting events a city names in a headline ("HAMBURG OPEN", "MONZA GRAND PRIX").
fn is_sport_event_head(w: &str) -> bool {
    matches!(
        w,
        "Open"
            | "Cup"
            | "Marathon"
            | "Prix"
            | "Games"
            | "Trophy"
            | "Classic"
            | "Rally"
            | "Championship"
            | "Championships"
            | "Invitational"
            | "Regatta"
            | "Masters"
    )
}

/// A competition's head word in any case ("CUP", "Cup", "LEAGUE").
fn is_event_word(w: &str) -> bool {
    let mut title = String::with_capacity(w.len());
    let mut chars = w.chars();
    if let Some(c) = chars.next() {
        title.extend(c.to_uppercase());
        title.extend(chars.flat_map(char::to_lowercase));
    }
    event_head(&title) || matches!(title.as_str(), "League" | "Liga" | "Round")
}
