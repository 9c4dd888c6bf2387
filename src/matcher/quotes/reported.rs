//! Reported speech: what a speaker said, outside quote marks (A7 step 7 of the research notes).
//!
//! - Forward: `SPK CUE (that)? CLAUSE`, the content running from after the cue (or "that") to
//!   the sentence's end: "Obama said he was willing …", "Putin warned that …", "she told
//!   reporters that …", "the country, which he said unleashed chaos". A second cue joined by
//!   "and" ("…, and stressed that …") ends the first content and starts a quote of its own with
//!   the same speaker; so does a participle ("…, adding that …").
//! - Inverted: `CLAUSE, SPK CUE.` — the content is the sentence up to the comma — and
//!   parenthetical: `A, SPK CUE, B.` (two content ranges).
//! - `According to SPK, CLAUSE` and `CLAUSE, according to SPK.`, SPK also a document
//!   ("according to court documents").
//! - Sources the speaker rules do not read (`sources`): documents and statements as subjects
//!   ("The report, by researchers at X, concluded that …", "…, a study published on Thursday
//!   found."), groups by a plural noun ("party strategists think"); a person in a place is the
//!   person ("many voters in Welland North believe": the voters, not the place).
//!
//! A content holding a quotation in marks is Mixed; a content that is exactly one quotation is
//! the direct quote itself.

use super::cues::{
    ACCORDING, CLAUSE, CueClass, CueHit, DIRECT, DOCUMENT, INVERT, Lexicon, OBJECT, THAT,
};
use super::doc::QuoteText;
use super::sources::{self, Source};
use super::speakers::{self, Pron, Spk};

/// How a reported-speech quote was found; each has its own score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    That,
    Clause,
    Inverted,
    Parenthetical,
    According,
}

#[derive(Clone, Debug)]
pub(super) struct Reported {
    /// Content token ranges.
    pub content: Vec<(usize, usize)>,
    pub cue: usize,
    pub spk: Option<Spk>,
    pub form: Form,
    pub class: CueClass,
}

/// Speakers already parsed for cues, by token of the cue's start, so that "and added that"
/// and ", adding that" can take the subject of the clause before: `list` (sorted) from the
/// direct quotes, `added` (in order, as found) from reported speech.
pub(super) struct Subjects {
    pub list: Vec<(usize, Spk)>,
    pub added: Vec<(usize, Spk)>,
}

impl Subjects {
    /// The latest subject before token `i` in the same sentence.
    fn before(&self, doc: &QuoteText, i: usize) -> Option<Spk> {
        let sent = doc.sent_of[i];
        let latest = |v: &[(usize, Spk)]| {
            let end = v.partition_point(|(at, _)| *at < i);
            end.checked_sub(1)
                .map(|k| &v[k])
                .filter(|(at, _)| doc.sent_of[*at] == sent)
                .cloned()
        };
        match (latest(&self.list), latest(&self.added)) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }

    /// One sorted list of every subject.
    pub fn merge(&mut self) {
        self.list.append(&mut self.added);
        self.list.sort_by_key(|(at, _)| *at);
    }
}

pub(super) fn find(
    doc: &QuoteText,
    lex: &Lexicon,
    hits: &[CueHit],
    used: &mut [bool],
    subjects: &mut Subjects,
) -> Vec<Reported> {
    let mut out: Vec<Reported> = Vec::new();
    let mut covered_to = 0;
    for (h, hit) in hits.iter().enumerate() {
        if used[h] || hit.a < covered_to {
            continue;
        }
        let cue = lex.cue(hit.cue);
        let found = if cue.has(ACCORDING) {
            according(doc, hit)
        } else if cue.has(DIRECT) || !finite(doc, hit.a) {
            None
        } else {
            clause(doc, lex, hit, subjects)
        };
        if let Some((content, spk, form)) = found {
            if let Some(s) = &spk {
                subjects.added.push((hit.a, s.clone()));
            }
            used[h] = true;
            covered_to = content.iter().map(|r| r.1).max().unwrap_or(covered_to);
            out.push(Reported {
                content,
                cue: h,
                spk: spk.filter(|s| !s.is_first_person()),
                form,
                class: cue.class,
            });
        }
    }
    out
}

/// The cue at token `a` is a finite verb of its clause: not an infinitive ("to admit that"), a
/// passive ("was told"), or negated ("did not say").
fn finite(doc: &QuoteText, a: usize) -> bool {
    if a == 0 {
        return true;
    }
    !matches!(
        doc.w(a - 1),
        "to" | "be"
            | "been"
            | "being"
            | "was"
            | "were"
            | "is"
            | "are"
            | "not"
            | "n't"
            | "never"
            | "Not"
            | "the"
            | "a"
            | "an"
            | "would"
            | "could"
            | "might"
            | "may"
            | "must"
            | "should"
            | "declined"
            | "refused"
    )
}

type Found = (Vec<(usize, usize)>, Option<Spk>, Form);

fn clause(doc: &QuoteText, lex: &Lexicon, hit: &CueHit, subjects: &Subjects) -> Option<Found> {
    let cue = lex.cue(hit.cue);
    let (sa, sb) = doc.sents[doc.sent_of[hit.a] as usize];
    let document = cue.has(DOCUMENT);
    let mut subject = if document {
        None
    } else {
        speakers::before(doc, hit.a, sa).map(|s| in_place(doc, s, sa))
    };
    let coordinated = hit.a > sa && matches!(doc.w(hit.a - 1), "and" | "but");
    if subject.is_none() && !document && (cue.participle || coordinated) {
        subject = subjects.before(doc, hit.a);
    }
    if subject.is_none() && !document && coordinated {
        subject = speakers::coordinated(doc, hit.a, sa);
    }
    if subject.is_none() && !cue.participle {
        subject = sources::before(doc, hit.a, sa).map(|(s, _)| s);
    }
    if subject.is_none() && document {
        subject = speakers::before(doc, hit.a, sa)
            .filter(|s| s.pron == Some(Pron::It))
            .map(|s| in_place(doc, s, sa));
    }
    let subject = subject?;
    // A document verb takes a document, or "it" standing for one ("The report was released on
    // Monday. It found that …").
    let document_subject = sources::classify(doc, &subject) == Source::Document
        || subject.pron == Some(Pron::It)
            && sources::pronoun_antecedent(doc, subject.a, Pron::It).is_some();
    if subject.is_first_person() || document && !document_subject {
        return None;
    }
    // Inverted and parenthetical: the subject follows a comma, and the sentence ends (or a
    // comma comes) right after the cue and a few adverbial words. "In 2005, Putin warned that …"
    // has the comma too, but a clause after the verb.
    if !cue.participle && subject.np_a > sa && doc.w(subject.np_a - 1) == "," {
        let k = after_adverbials(doc, hit.b, sb);
        if k >= sb || doc.is_stop(k) || doc.w(k) == "," {
            return inverted(doc, k, subject, sa, sb);
        }
    }
    let relative =
        subject.np_a > sa && matches!(doc.w(subject.np_a - 1), "which" | "who" | "that" | "what");
    let start = complement(doc, hit, cue.frames, relative, sb)?;
    let (start, with_that) = start;
    let end = content_end(doc, lex, start, sb);
    let content = trim(doc, start, end)?;
    if !long_enough(doc, content) {
        return None;
    }
    let form = if with_that { Form::That } else { Form::Clause };
    Some((vec![content], Some(subject), form))
}

/// "voters in Welland North": a place after "in" qualifies the people before it, who speak.
fn in_place(doc: &QuoteText, s: Spk, sa: usize) -> Spk {
    let place = s
        .mention
        .is_some_and(|m| matches!(doc.mentions[m].label.as_str(), "GPE" | "LOC"));
    if !place || s.np_a <= sa + 1 || doc.w(s.np_a - 1) != "in" {
        return s;
    }
    match speakers::before(doc, s.np_a - 1, sa) {
        Some(outer) if outer.pron.is_none() && outer.mention.is_none() => Spk {
            np_b: s.np_b,
            ..outer
        },
        _ => s,
    }
}

/// Where the reported content starts after the cue, and whether "that" introduced it.
fn complement(
    doc: &QuoteText,
    hit: &CueHit,
    frames: u8,
    relative: bool,
    sb: usize,
) -> Option<(usize, bool)> {
    // "that" within a few words, past adverbials and an addressee: "said on Monday that",
    // "told reporters in Geneva that".
    let mut k = hit.b;
    while k < sb && k < hit.b + 9 {
        let w = doc.w(k);
        if w == "that" {
            return (k + 1 < sb).then_some((k + 1, true));
        }
        // "said emergency care would continue and that …": a clause has begun.
        if doc.is_stop(k) || doc.in_quote(k) || matches!(w, ";" | ":" | "and") || is_auxiliary(w) {
            break;
        }
        if w == "," && !(k + 1 < sb && doc.w(k + 1) == "that") {
            break;
        }
        k += 1;
    }
    if frames & (CLAUSE | OBJECT) == 0 && frames & THAT != 0 && !relative {
        return None;
    }
    let mut start = hit.b;
    if frames & OBJECT != 0 {
        // "told him the talks", "told reporters he would": skip a short addressee.
        if start < sb && is_addressee(doc, start) {
            start += 1;
        } else if let Some((_, _, b)) = doc.mention_starting(start) {
            start = b;
        } else if start < sb && doc.is_cap(start) {
            while start < sb && start < hit.b + 4 && doc.is_cap(start) {
                start += 1;
            }
        } else {
            return None;
        }
    }
    if start >= sb || frames & (CLAUSE | OBJECT) == 0 && !relative {
        return None;
    }
    if relative && doc.is_lower(start) {
        return Some((start, false));
    }
    // "said in a statement on Wednesday it would": past a time or place phrase.
    let start = past_adverbial(doc, start, sb);
    clause_start(doc, start).then_some((start, false))
}

/// Past a prepositional phrase of time or setting after a cue ("on Wednesday", "in a
/// statement on Sunday", "last week") when a clause opener (a pronoun or a determiner) follows
/// it; else `start` itself.
fn past_adverbial(doc: &QuoteText, start: usize, sb: usize) -> usize {
    if !matches!(
        doc.w(start),
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "last"
            | "this"
            | "earlier"
            | "late"
            | "yesterday"
            | "today"
            | "via"
            | "through"
            | "over"
    ) {
        return start;
    }
    let mut k = start + 1;
    let mut end = start;
    while k < sb && k < start + 8 && doc.is_word(k) && !doc.in_quote(k) {
        let w = doc.w(k);
        let opener = speakers::pronoun(w).is_some_and(|p| p != Pron::First)
            || matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her");
        if opener && k > start + 1 && ends_setting(doc, k - 1) {
            end = k;
            break;
        }
        if is_auxiliary(w) || w == "that" {
            break;
        }
        k += 1;
    }
    if end > start { end } else { start }
}

fn is_addressee(doc: &QuoteText, i: usize) -> bool {
    matches!(
        doc.w(i),
        "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "reporters"
            | "journalists"
            | "lawmakers"
            | "parliament"
            | "Parliament"
            | "Congress"
            | "supporters"
            | "colleagues"
            | "investors"
            | "analysts"
            | "students"
            | "viewers"
            | "listeners"
            | "delegates"
    )
}

/// A word that can open a reported clause without "that": a pronoun, a determiner, a name, a
/// number, or a bare noun with its verb right after it ("said prices would rise").
#[rustfmt::skip]
fn clause_start(doc: &QuoteText, i: usize) -> bool {
    let w = doc.w(i);
    if doc.in_quote(i) {
        // A quotation right after the verb is mixed or direct speech, found elsewhere.
        return matches!(w, "“" | "\"" | "‘" | "'" | "«" | "„");
    }
    let opener = matches!(
        w,
        "he" | "she" | "it" | "they" | "we" | "I" | "you" | "there" | "the" | "a" | "an"
            | "this" | "these" | "those" | "his" | "her" | "its" | "their" | "our" | "some"
            | "no" | "all" | "many" | "most" | "every" | "any" | "nothing" | "everything"
            | "everyone" | "nobody" | "both" | "neither" | "one" | "if" | "such" | "more"
            | "several" | "none" | "only" | "people"
    ) || doc.is_cap(i)
        || doc.toks[i].kind == crate::text::TokenKind::Number;
    if opener {
        return true;
    }
    // "said talks were", "said construction would begin".
    // A longer subject ("walkouts of this kind have", "turnout among younger voters could")
    // only after a word that can head it.
    let reach = if matches!(
        w,
        "not" | "to" | "because" | "if" | "so" | "as" | "only" | "never" | "just" | "also"
            | "very" | "too" | "how" | "why" | "what" | "when" | "where" | "whether" | "once"
            | "then" | "that" | "for" | "of" | "and" | "but" | "or"
    ) {
        4
    } else {
        6
    };
    doc.is_lower(i)
        && (i + 1..(i + reach).min(doc.len()))
            .take_while(|&k| doc.is_word(k))
            .any(|k| is_auxiliary(doc.w(k)))
}

#[rustfmt::skip]
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "will" | "would" | "could" | "can" | "may" | "might"
            | "must" | "should" | "had" | "has" | "have" | "did" | "does" | "do" | "remain"
            | "remained" | "remains"
    )
}

/// The end (exclusive) of a content starting at `start` in a sentence ending at `sb`: the
/// sentence's final mark, a second cue joined by "and" or a participle, or "according to".
fn content_end(doc: &QuoteText, lex: &Lexicon, start: usize, sb: usize) -> usize {
    let mut k = start;
    while k < sb {
        if doc.in_quote(k) {
            k += 1;
            continue;
        }
        let w = doc.w(k);
        if doc.is_stop(k) {
            return k;
        }
        if w == "," || w == ";" {
            let mut j = k + 1;
            let mut conj = false;
            if j < sb && matches!(doc.w(j), "and" | "but") {
                j += 1;
                conj = true;
            }
            while j < sb && matches!(doc.w(j), "also" | "then" | "later" | "further") {
                j += 1;
            }
            if j < sb && starts_new_predicate(doc, lex, j, conj) {
                return k;
            }
        }
        // "… and stressed that …": a second reporting clause.
        if w == "and"
            && let Some(h) = (k + 1 < sb).then(|| lex.at(doc, k + 1)).flatten()
            && lex.cue(h.cue).frames & (DIRECT | ACCORDING) == 0
            && h.b < sb
            && doc.w(h.b) == "that"
        {
            return k;
        }
        k += 1;
    }
    sb
}

/// Token `j` starts a new predicate of the reporting clause's subject: a cue ("stressed",
/// "adding") or a past-tense verb ("called for …").
fn starts_new_predicate(doc: &QuoteText, lex: &Lexicon, j: usize, conj: bool) -> bool {
    if let Some(h) = lex.at(doc, j) {
        let cue = lex.cue(h.cue);
        return cue.has(ACCORDING) || cue.participle || conj;
    }
    let w = doc.w(j);
    conj && doc.is_lower(j)
        && w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "need" | "indeed" | "speed" | "seed" | "feed" | "bleed" | "breed"
        )
}

/// Past up to six adverbial words after a cue ("on Monday", "in a statement"), to the
/// sentence's end, a comma, or anything that looks like a clause ("that", a pronoun). Returns
/// `from` itself when what follows is no adverbial at all ("said the company had offered").
fn after_adverbials(doc: &QuoteText, from: usize, sb: usize) -> usize {
    if from < sb && !doc.is_stop(from) && doc.w(from) != "," && !adverbial_start(doc, from) {
        return from;
    }
    let mut k = from;
    while k < sb
        && k < from + 6
        && !doc.is_stop(k)
        && !doc.in_quote(k)
        && !matches!(doc.w(k), "," | "that" | ";" | ":")
        && speakers::pronoun(doc.w(k)).is_none()
    {
        k += 1;
    }
    k
}

/// A word that opens an adverbial after a cue or its speaker: "on Monday", "in a statement",
/// "last week", "quietly".
#[rustfmt::skip]
fn adverbial_start(doc: &QuoteText, i: usize) -> bool {
    let w = doc.w(i);
    matches!(
        w,
        "in" | "on" | "at" | "during" | "after" | "before" | "last" | "this" | "yesterday"
            | "today" | "tonight" | "earlier" | "later" | "recently" | "to" | "via" | "through"
            | "when" | "while" | "as" | "from" | "again" | "also" | "then" | "too"
            | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday"
            | "Sunday"
    ) || (doc.is_lower(i) && w.len() > 4 && w.ends_with("ly"))
}

/// Token `i` can end a phrase of time or setting: a name ("Wednesday", "Geneva") or one of
/// the nouns news uses there ("last week", "in a statement", "at a news conference").
#[rustfmt::skip]
fn ends_setting(doc: &QuoteText, i: usize) -> bool {
    doc.is_cap(i)
        || doc.toks[i].kind == crate::text::TokenKind::Number
        || matches!(
            doc.w(i),
            "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "weekend"
                | "day" | "statement" | "interview" | "conference" | "briefing" | "call"
                | "letter" | "memo" | "post" | "speech" | "hearing" | "meeting" | "email"
                | "release" | "video" | "broadcast" | "podcast" | "court" | "filing" | "session"
                | "summit" | "rally" | "debate" | "time" | "today" | "yesterday" | "tonight"
        )
}

/// `CLAUSE, SPK CUE.` or `A, SPK CUE, B.`; `k` is where the attribution ends (the sentence's
/// end or a comma).
fn inverted(doc: &QuoteText, k: usize, subject: Spk, sa: usize, sb: usize) -> Option<Found> {
    let comma = subject.np_a - 1;
    // The first part starts at the sentence's start, past a conjunction.
    let mut a = sa;
    while a < comma && matches!(doc.w(a), "But" | "And" | "So" | "Yet" | "Still") {
        a += 1;
    }
    if a >= comma || doc.in_quote(a) && doc.in_quote(comma - 1) {
        return None;
    }
    let first = trim(doc, a, comma)?;
    if !long_enough(doc, first) {
        return None;
    }
    if k < sb && doc.w(k) == "," {
        let end = stop_before(doc, k + 1, sb);
        let second = trim(doc, k + 1, end)?;
        if !long_enough(doc, second) {
            return None;
        }
        return Some((vec![first, second], Some(subject), Form::Parenthetical));
    }
    Some((vec![first], Some(subject), Form::Inverted))
}

/// `CLAUSE, CUE SPK.` ("…, said the minister."): the cue right after a comma, its speaker after
/// it, and nothing but the sentence's end after that.
pub(super) fn inverted_verb_first(
    doc: &QuoteText,
    lex: &Lexicon,
    hits: &[CueHit],
    used: &mut [bool],
) -> Vec<Reported> {
    let mut out = Vec::new();
    for (h, hit) in hits.iter().enumerate() {
        let cue = lex.cue(hit.cue);
        if used[h] || !cue.has(INVERT) || cue.has(DIRECT) || cue.has(DOCUMENT) || hit.a == 0 {
            continue;
        }
        if doc.w(hit.a - 1) != "," || doc.in_quote(hit.a - 1) {
            continue;
        }
        let Some(spk) = speakers::after(doc, hit.b) else {
            continue;
        };
        if spk.pron.is_some_and(|p| p != Pron::He && p != Pron::She) {
            continue;
        }
        let (sa, sb) = doc.sents[doc.sent_of[hit.a] as usize];
        let k = after_adverbials(doc, spk.np_b, sb);
        if !(k >= sb || doc.is_stop(k)) {
            continue;
        }
        let mut a = sa;
        while a < hit.a - 1 && matches!(doc.w(a), "But" | "And" | "So") {
            a += 1;
        }
        let Some(first) = trim(doc, a, hit.a - 1) else {
            continue;
        };
        if !long_enough(doc, first) {
            continue;
        }
        used[h] = true;
        out.push(Reported {
            content: vec![first],
            cue: h,
            spk: Some(spk),
            form: Form::Inverted,
            class: cue.class,
        });
    }
    out
}

/// `According to SPK, CLAUSE` and `CLAUSE, according to SPK.` (and the phrase mid-sentence).
fn according(doc: &QuoteText, hit: &CueHit) -> Option<Found> {
    let spk = sources::after(doc, hit.b).or_else(|| speakers::after_head(doc, hit.b))?;
    if spk.pron.is_some() {
        return None;
    }
    let (sa, sb) = doc.sents[doc.sent_of[hit.a] as usize];
    let mut a = sa;
    while a < hit.a && matches!(doc.w(a), "But" | "And" | "So" | "Yet") {
        a += 1;
    }
    if a == hit.a {
        // Sentence-initial: the content follows the comma after the speaker.
        let mut k = spk.np_b;
        while k < sb && k < spk.np_b + 8 && doc.w(k) != "," && !doc.is_stop(k) {
            k += 1;
        }
        if k >= sb || doc.w(k) != "," {
            return None;
        }
        let end = stop_before(doc, k + 1, sb);
        let content = trim(doc, k + 1, end)?;
        return long_enough(doc, content).then(|| (vec![content], Some(spk), Form::According));
    }
    if doc.w(hit.a - 1) != "," {
        return None;
    }
    let first = trim(doc, a, hit.a - 1)?;
    let mut ranges = vec![first];
    if spk.np_b < sb && doc.w(spk.np_b) == "," {
        let end = stop_before(doc, spk.np_b + 1, sb);
        if let Some(second) = trim(doc, spk.np_b + 1, end) {
            ranges.push(second);
        }
    }
    long_enough(doc, first).then_some((ranges, Some(spk), Form::According))
}

/// The first sentence-final mark outside quotes in `a..sb`, or `sb`.
fn stop_before(doc: &QuoteText, a: usize, sb: usize) -> usize {
    (a..sb)
        .find(|&k| doc.is_stop(k) && !doc.in_quote(k))
        .unwrap_or(sb)
}

/// `a..b` without leading and trailing punctuation that belongs to no content (commas, colons,
/// dashes); `None` when nothing is left.
fn trim(doc: &QuoteText, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let loose = |w: &str| matches!(w, "," | ";" | ":" | "—" | "–" | "--" | "-");
    while a < b && loose(doc.w(a)) {
        a += 1;
    }
    while b > a && (loose(doc.w(b - 1)) || doc.is_stop(b - 1) && !doc.in_quote(b - 1)) {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

/// Reported speech worth suggesting has at least three words.
fn long_enough(doc: &QuoteText, (a, b): (usize, usize)) -> bool {
    (a..b).filter(|&i| doc.is_word(i)).count() >= 3
}
