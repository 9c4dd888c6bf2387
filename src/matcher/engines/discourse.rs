//! One story, one reading of a name: after the engines' findings are merged and their overlaps
//! resolved, a careful reader's second look at the whole document. A one-word name the model
//! calls a person where the story also names it as an organisation (`short_company_forms`:
//! "Saltmarsh" after "Saltmarsh Capital"; `organisation_elsewhere`: "Kotkat" after "1. Kotkat
//! 44 29 3" in the league table), and the name after a person's "of" ("Napat Thongchai of
//! Palang Samakkhi": `affiliation_after_of`), are organisations; a name in capitals (a headline,
//! a brief's head) is the name the story writes in lower-case letters, as some engine found it
//! there (`names_in_capitals`). Each change says why in the suggestion's reason.

use std::collections::{HashMap, HashSet};

use super::{project_label, relabel};
use crate::matcher::lookup::ProjectIndex;
use crate::matcher::model::usually_lower;
use crate::model::{Document, Proposal, Suggestion};

/// The second look, in order, over the document's settled findings. A finding one pass
/// relabelled is left alone by the passes after it (so reasons never contradict each other);
/// the names in capitals come last, as they add and remove findings.
pub(super) fn second_look(index: &ProjectIndex, doc: &Document, found: &mut Vec<Suggestion>) {
    let mut changed = HashSet::new();
    short_company_forms(index, doc, found, &mut changed);
    organisation_elsewhere(index, doc, found, &mut changed);
    affiliation_after_of(index, doc, found, &mut changed);
    person_elsewhere(index, doc, found, &mut changed);
    names_in_capitals(doc, found);
}

/// The project's names for PERSON and ORG, if it has both.
fn person_and_org<'a>(index: &ProjectIndex<'a>) -> Option<(&'a str, &'a str)> {
    let labels = &index.project.labels;
    Some((
        project_label(labels, "PERSON")?,
        project_label(labels, "ORG")?,
    ))
}

pub(super) fn span_text<'t>(doc: &'t Document, s: &Suggestion) -> &'t str {
    let (a, b) = s.range();
    doc.slice(a, b)
}

fn is_span(s: &Suggestion) -> bool {
    matches!(s.proposal, Proposal::Span { .. })
}

/// The one-word span findings labelled `label`: their index in `found`, the finding and its
/// text — what each pass below may relabel.
fn one_word<'a>(
    doc: &'a Document,
    found: &'a [Suggestion],
    label: &'a str,
) -> impl Iterator<Item = (usize, &'a Suggestion, &'a str)> + 'a {
    found.iter().enumerate().filter_map(move |(i, s)| {
        let t = span_text(doc, s);
        (is_span(s) && s.label() == label && !t.contains(char::is_whitespace)).then_some((i, s, t))
    })
}

/// Whether a rule that reads a person's own evidence (a first name, a title or role, a surname
/// particle, the person named in full elsewhere) is behind the finding, or the user taught it.
fn person_evidence(s: &Suggestion) -> bool {
    s.is_from("learned")
        || s.rule.split('+').map(str::trim).any(|r| {
            matches!(
                r,
                "title" | "first-name" | "particle-name" | "east-asian-name" | "partial"
            )
        })
}

/// A finding only the model makes: no engine but the model, and the rules only by a speech
/// verb's support, which any name next to "said" gets.
fn model_only(s: &Suggestion) -> bool {
    s.engines()
        .all(|e| e == super::model::ENGINE || e == "rules")
        && s.rule
            .split('+')
            .map(str::trim)
            .all(|r| r.starts_with("model") || r == "speech-cue")
}

/// "Saltmarsh Capital … Saltmarsh wrote to the board": one word found as a person that opens
/// an organisation's name found in the same story is that organisation's short form, unless
/// it is a word of a person of two words or more there ("Sigrid Halvorsen"), a title named
/// it, or the user taught it as a person. `found` is the document's settled findings.
pub(super) fn short_company_forms(
    index: &ProjectIndex,
    doc: &Document,
    found: &mut [Suggestion],
    changed: &mut HashSet<usize>,
) {
    let Some((person, org)) = person_and_org(index) else {
        return;
    };
    let mut org_first: HashMap<&str, &str> = HashMap::new();
    let mut person_words: HashSet<&str> = HashSet::new();
    for s in found.iter().filter(|s| is_span(s)) {
        let t = span_text(doc, s);
        let mut words = t.split_whitespace();
        let (Some(first), Some(_)) = (words.next(), words.next()) else {
            continue;
        };
        if s.label() == org {
            org_first.entry(first).or_insert(t);
        } else if s.label() == person {
            person_words.extend(t.split_whitespace());
        }
    }
    if org_first.is_empty() {
        return;
    }
    let mut changes = Vec::new();
    for (i, s, t) in one_word(doc, found, person) {
        if person_words.contains(t)
            || s.is_from("learned")
            || s.rule.split('+').any(|r| r.trim() == "title")
        {
            continue;
        }
        if let Some(&name) = org_first.get(t) {
            changes.push((
                i,
                format!("the short form of “{name}”, named in this story"),
            ));
        }
    }
    apply(index, found, org, changes, changed);
}

/// "1. Kotkat 44 29 3 4 8 158 101 97 … Kotkat, who had not lost since": a one-word name the
/// model alone calls a person, where another engine names the same word an organisation in the
/// same story (a club in a league table or a match row, a company by its shares) and none
/// names it a person, is that organisation.
pub(super) fn organisation_elsewhere(
    index: &ProjectIndex,
    doc: &Document,
    found: &mut [Suggestion],
    changed: &mut HashSet<usize>,
) {
    let Some((person, org)) = person_and_org(index) else {
        return;
    };
    let mut orgs: HashMap<&str, &str> = HashMap::new();
    let mut people: HashSet<&str> = HashSet::new();
    for s in found.iter().filter(|s| is_span(s)) {
        let t = span_text(doc, s);
        if s.label() == person && !model_only(s) {
            people.extend(t.split_whitespace());
        } else if s.label() == org && !model_only(s) && !t.contains(char::is_whitespace) {
            orgs.entry(t).or_insert(s.rule.as_str());
        }
    }
    if orgs.is_empty() {
        return;
    }
    let mut changes = Vec::new();
    for (i, s, t) in one_word(doc, found, person) {
        if !model_only(s) || people.contains(t) {
            continue;
        }
        if let Some(rule) = orgs.get(t) {
            let rule = rule.split('+').next().unwrap_or(rule).trim();
            changes.push((
                i,
                format!("an organisation elsewhere in this story ({rule})"),
            ));
        }
    }
    apply(index, found, org, changes, changed);
}

/// "Coach Dawit Bekele … Dawit said": a one-word name the model alone calls an organisation,
/// that is a given name of a person of two words or more found in the same story (by a rule, or by
/// the model with a first name, title or other evidence behind it) and opens no organisation's
/// name there, is that person.
pub(super) fn person_elsewhere(
    index: &ProjectIndex,
    doc: &Document,
    found: &mut [Suggestion],
    changed: &mut HashSet<usize>,
) {
    let Some((person, org)) = person_and_org(index) else {
        return;
    };
    let mut people: HashMap<&str, &str> = HashMap::new();
    let mut org_words: HashSet<&str> = HashSet::new();
    for s in found.iter().filter(|s| is_span(s)) {
        let t = span_text(doc, s);
        if !t.contains(char::is_whitespace) {
            continue;
        }
        if s.label() == person && (person_evidence(s) || !model_only(s)) {
            // Given names only: "Bill Ford said Ford would cut jobs" names the company by the
            // surname.
            let words: Vec<&str> = t.split_whitespace().collect();
            for w in &words[..words.len() - 1] {
                people.entry(w).or_insert(t);
            }
        } else if s.label() == org {
            org_words.extend(t.split_whitespace());
        }
    }
    let mut changes = Vec::new();
    // (What an earlier pass changed, `apply` leaves alone.)
    for (i, s, t) in one_word(doc, found, org) {
        if !model_only(s) || org_words.contains(t) {
            continue;
        }
        if let Some(&name) = people.get(t) {
            changes.push((i, format!("a given name of “{name}”, named in this story")));
        }
    }
    apply(index, found, person, changes, changed);
}

/// "Deputy Prime Minister Napat Thongchai of Palang Samakkhi", "Maria Lopez of Kessel Bank": the
/// name right after a person's "of" is where the person belongs, not another person; found as
/// one by the model alone (no first name, title or list behind it), it is an organisation.
pub(super) fn affiliation_after_of(
    index: &ProjectIndex,
    doc: &Document,
    found: &mut [Suggestion],
    changed: &mut HashSet<usize>,
) {
    let Some((person, org)) = person_and_org(index) else {
        return;
    };
    let mut person_ends: HashSet<usize> = HashSet::new();
    for s in found.iter().filter(|s| is_span(s) && s.label() == person) {
        let t = span_text(doc, s);
        if t.contains(char::is_whitespace) {
            person_ends.insert(s.range().1);
        }
    }
    let mut changes = Vec::new();
    for (i, s) in found.iter().enumerate() {
        if !is_span(s) || s.label() != person || person_evidence(s) || !model_only(s) {
            continue;
        }
        let (a, _) = s.range();
        // Exactly " of " between the person and this name.
        if a < 4 || !person_ends.contains(&(a - 4)) {
            continue;
        }
        let between = &doc.text[doc.byte_of(a - 4)..doc.byte_of(a)];
        if between == " of " {
            let before = &doc.text[..doc.byte_of(a - 4)];
            let who = found
                .iter()
                .find(|p| p.range().1 == a - 4 && p.label() == person)
                .map(|p| span_text(doc, p))
                .unwrap_or_else(|| before.rsplit(' ').next().unwrap_or(""));
            changes.push((i, format!("after “{who} of”: where a person belongs")));
        }
    }
    // The same name elsewhere in the story, found as a person the same way, is the same
    // organisation ("speculation that Palang Samakkhi might abstain").
    let named: HashMap<&str, usize> = changes
        .iter()
        .map(|(i, _)| (span_text(doc, &found[*i]), *i))
        .collect();
    let mut again = Vec::new();
    for (i, s) in found.iter().enumerate() {
        if !is_span(s) || s.label() != person || person_evidence(s) || !model_only(s) {
            continue;
        }
        let t = span_text(doc, s);
        if let Some(&first) = named.get(t)
            && first != i
        {
            again.push((
                i,
                format!("“{t}” belongs to a person elsewhere in this story"),
            ));
        }
    }
    changes.extend(again);
    apply(index, found, org, changes, changed);
}

/// Relabel each finding `i` as `label`, its reason saying why, once: a finding an earlier pass
/// changed, or named twice, is left as it is.
fn apply(
    index: &ProjectIndex,
    found: &mut [Suggestion],
    label: &str,
    changes: Vec<(usize, String)>,
    changed: &mut HashSet<usize>,
) {
    for (i, why) in changes {
        if !changed.insert(i) {
            continue;
        }
        let s = &mut found[i];
        relabel(index, s, label);
        s.reason.push_str(&format!("; {label}: {why}"));
    }
}

/// A word of the text, by code points and bytes.
struct Word {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    line: usize,
    /// No letter in lower case, one at least.
    caps: bool,
    letters: usize,
}

/// The words of `text` (letters, digits and the marks inside names: "O'NEILL", "AL-AIN",
/// "U.S."), each with its line and whether it is written in capitals (no letter in lower
/// case).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut line = 0;
    let mut cur: Option<(usize, usize)> = None;
    let mut cp = 0;
    let push = |out: &mut Vec<Word>, (start, byte_start): (usize, usize), cp, byte, line| {
        let w: &str = &text[byte_start..byte];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        // A full stop stays on dotted letters ("U.S.", "J.P."), not on a word ending a sentence.
        let w = w.trim_end_matches(['\'', '’', '-', '&']);
        let dotted = w.trim_end_matches('.').contains('.');
        let w = if dotted { w } else { w.trim_end_matches('.') };
        let cut = text[byte_start..byte].chars().count() - w.chars().count();
        if !w.is_empty() {
            out.push(Word {
                start,
                end: cp - cut,
                byte_start,
                byte_end: byte_start + w.len(),
                line,
                caps: letters >= 1 && !w.chars().any(char::is_lowercase),
                letters,
            });
        }
    };
    for (byte, c) in text.char_indices() {
        let inside =
            c.is_alphanumeric() || (cur.is_some() && matches!(c, '\'' | '’' | '-' | '.' | '&'));
        match (inside, cur) {
            (true, None) => cur = Some((cp, byte)),
            (false, Some(at)) => {
                push(&mut out, at, cp, byte, line);
                cur = None;
            }
            _ => {}
        }
        if c == '\n' {
            line += 1;
        }
        cp += 1;
    }
    if let Some(at) = cur {
        push(&mut out, at, cp, text.len(), line);
    }
    out
}

/// "CANADA COMPANY BRIEFS - MAPLEWOOD RAIL, SAGUENAY ALUMINIUM" above "Saguenay Aluminium,
/// the Quebec smelter operator": a name in capitals (a headline, a brief's head) that the story
/// writes in lower-case letters elsewhere, and some engine found there, is that name here, with
/// its label and entity; what the engines found inside it in capitals gives way. Two words or
/// more anywhere; one word only on a line all in capitals, and not a word running text writes
/// in lower case.
pub(super) fn names_in_capitals(doc: &Document, found: &mut Vec<Suggestion>) {
    // Most stories of running text have no word in capitals to look at (a run of one-letter
    // words, "A I", matches no name of three letters or more): nothing to index then.
    let words = words(&doc.text);
    if !words.iter().any(|w| w.caps && w.letters >= 2) {
        return;
    }
    let mut by_caps: HashMap<String, usize> = HashMap::new();
    for (i, s) in found.iter().enumerate() {
        if !is_span(s) {
            continue;
        }
        let t = span_text(doc, s);
        if !t.chars().any(char::is_lowercase) || t.chars().filter(|c| c.is_alphabetic()).count() < 3
        {
            continue;
        }
        let best = by_caps.entry(t.to_uppercase()).or_insert(i);
        if found[*best].score < s.score {
            *best = i;
        }
    }
    if by_caps.is_empty() {
        return;
    }
    let mut caps_line: HashMap<usize, bool> = HashMap::new();
    // A line in capitals: its words of two letters or more all are ("TENNIS - A NEW ERA FOR
    // KIEL", "KIEL v BARCELONA").
    for w in words.iter().filter(|w| w.letters >= 2) {
        *caps_line.entry(w.line).or_insert(true) &= w.caps;
    }
    let mut added: Vec<Suggestion> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].caps {
            i += 1;
            continue;
        }
        // The run of words in capitals from i, one space apart, on one line.
        let mut j = i + 1;
        while j < words.len()
            && words[j].caps
            && words[j].line == words[i].line
            && &doc.text[words[j - 1].byte_end..words[j].byte_start] == " "
        {
            j += 1;
        }
        let whole_line = caps_line.get(&words[i].line).copied().unwrap_or(false);
        let mut k = i;
        while k < j {
            let hit = (1..=(j - k).min(4)).rev().find_map(|len| {
                let (a, b) = (&words[k], &words[k + len - 1]);
                let text = &doc.text[a.byte_start..b.byte_end];
                if len == 1 && (!whole_line || a.letters < 2 || usually_lower(text)) {
                    return None;
                }
                by_caps.get(text).map(|&src| (len, a.start, b.end, src))
            });
            match hit {
                Some((len, a, b, src)) => {
                    if let Some(s) = in_capitals(doc, &found[src], a, b) {
                        added.push(s);
                    }
                    k += len;
                }
                None => k += 1,
            }
        }
        i = j;
    }
    if added.is_empty() {
        return;
    }
    let mut keep = vec![true; found.len()];
    let mut fresh = Vec::new();
    for s in added {
        let (a, b) = s.range();
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&x| is_span(&found[x]) && found[x].range().0 < b && a < found[x].range().1)
            .collect();
        // Found already as it stands (by a rule or a list, whatever the label: a dateline's
        // "KAUNAS" is the place, not the club of the story), or crossing the name's edges:
        // left as it is. The model alone, which reads capitals poorly, gives way.
        let same = overlapping.iter().any(|&x| {
            found[x].range() == (a, b) && (found[x].label() == s.label() || !model_only(&found[x]))
        });
        let crossing = overlapping.iter().any(|&x| {
            let (c, d) = found[x].range();
            c < a || d > b
        });
        if same || crossing {
            continue;
        }
        for x in overlapping {
            keep[x] = false;
        }
        fresh.push(s);
    }
    let mut x = 0;
    found.retain(|_| {
        x += 1;
        keep[x - 1]
    });
    found.extend(fresh);
    found.sort_by_key(Suggestion::range);
}

/// The finding `src` (written in lower-case letters elsewhere) as the name in capitals at
/// `a..b`.
fn in_capitals(doc: &Document, src: &Suggestion, a: usize, b: usize) -> Option<Suggestion> {
    let Proposal::Span {
        label,
        entity,
        new_entity,
        ..
    } = &src.proposal
    else {
        return None;
    };
    let written = span_text(doc, src);
    Some(Suggestion {
        proposal: Proposal::Span {
            start: a,
            end: b,
            label: label.clone(),
            entity: *entity,
            new_entity: match entity {
                Some(_) => None,
                None => new_entity.clone().or_else(|| Some(written.to_string())),
            },
        },
        score: (src.score - 0.05).clamp(0.0, 0.85),
        engine: "rules".into(),
        rule: "capitals".into(),
        reason: format!("written “{written}” elsewhere in this story, found as {label} there"),
    })
}
