//! Sources that are not a named person: documents, statements and data ("the report found
//! that …", "according to court documents, …", "The study, by researchers at X, concluded
//! that …"), and groups named by a plural noun the speaker tables do not list ("party
//! strategists think", "health policy experts say").
//!
//! The speaker rules (`speakers`) read names, pronouns and role nouns; these are the phrases
//! they leave: a noun phrase whose head is a document noun, with the post-modifier news puts
//! after it ("a study published on Thursday found", "an engineering report released last
//! spring"), read backwards from a cue or forwards after "according to". A document source is
//! a description (`Nominal`) labelled ORG: the organisation that issued it stands behind it.
//! Verbs with the `document` frame ("found", "show") attribute only with such a subject.

use crate::model::Mention as MentionKind;

use super::doc::QuoteText;
use super::speakers::{self, Spk};

/// What kind of source a speaker phrase is, for the score and the reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Source {
    /// A name, a pronoun or a role description: someone who speaks.
    Speaker,
    /// A document, statement or data.
    Document,
    /// A group named by a plural noun and no name ("officials", "experts", "critics").
    Group,
}

/// What kind of source a parsed speaker phrase is.
pub(super) fn classify(doc: &QuoteText, s: &Spk) -> Source {
    if s.kind != MentionKind::Nominal || s.b == 0 {
        return Source::Speaker;
    }
    let head = doc.w(s.b - 1).to_lowercase();
    if is_document_noun(&head) {
        Source::Document
    } else if speakers::role(&head).is_some_and(|(_, _, plural)| plural) || plural_person(&head) {
        Source::Group
    } else {
        Source::Speaker
    }
}

/// Head nouns of documents, statements and data.
#[rustfmt::skip]
pub(super) fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "report" | "reports" | "study" | "studies" | "survey" | "surveys" | "statement"
            | "statements" | "analysis" | "review" | "audit" | "poll" | "polls" | "data"
            | "figures" | "documents" | "document" | "filing" | "filings" | "complaint"
            | "lawsuit" | "suit" | "indictment" | "ruling" | "judgment" | "judgement" | "memo"
            | "letter" | "records" | "research" | "paper" | "assessment" | "inquiry"
            | "findings" | "estimates" | "forecast" | "projections" | "affidavit" | "transcript"
            | "release" | "bulletin" | "notice" | "decision" | "verdict" | "petition"
            | "motion" | "summary" | "evaluation" | "investigation" | "probe" | "census"
            | "statistics" | "numbers" | "results" | "evidence" | "guidance" | "guidelines"
            | "charges" | "warrant" | "order" | "communique" | "communiqué" | "declaration"
            | "dossier" | "log" | "logs" | "emails" | "email" | "minutes" | "budget"
    )
}

/// Words that open a post-modifier after a document noun: "published on Thursday", "by
/// researchers at X", "released last spring".
#[rustfmt::skip]
fn opens_post_modifier(w: &str) -> bool {
    matches!(
        w,
        "published" | "released" | "issued" | "filed" | "obtained" | "seen" | "posted"
            | "prepared" | "commissioned" | "presented" | "submitted" | "unveiled" | "made"
            | "sent" | "shared" | "leaked" | "compiled" | "produced" | "carried" | "conducted"
            | "by" | "from" | "of" | "on" | "in" | "at" | "for" | "into" | "last" | "this"
            | "earlier" | "today" | "yesterday"
    )
}

/// Words that end a phrase read backwards: a verb, a conjunction, a relative.
#[rustfmt::skip]
fn blocks(w: &str) -> bool {
    matches!(
        w,
        "that" | "which" | "who" | "and" | "or" | "but" | "is" | "was" | "are" | "were" | "be"
            | "been" | "has" | "have" | "had" | "said" | "says" | "if" | "when" | "while"
            | "because" | "as" | "than" | "not" | "will" | "would" | "can" | "could"
    )
}

/// Determiners that may open a source phrase.
#[rustfmt::skip]
fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the" | "The" | "a" | "A" | "an" | "An" | "its" | "Its" | "their" | "Their" | "his"
            | "His" | "her" | "Her" | "this" | "This" | "that" | "these" | "These" | "those"
            | "another" | "Another" | "one" | "One" | "new" | "New" | "many" | "Many" | "some"
            | "Some" | "most" | "Most" | "several" | "Several" | "other" | "Other" | "both"
            | "Both" | "two" | "Two"
    )
}

/// The source phrase ending right before the cue at token `cue`, using no token before
/// `limit`: a document ("The report, by researchers at X,", "a study published on Thursday")
/// or a group ("party strategists").
pub(super) fn before(doc: &QuoteText, cue: usize, limit: usize) -> Option<(Spk, Source)> {
    let mut end = cue;
    while end > limit && matches!(doc.w(end - 1), "also" | "now" | "has" | "have" | "had") {
        end -= 1;
    }
    if end <= limit || doc.in_quote(end - 1) {
        return None;
    }
    // "The report, by researchers at X, concluded": a parenthetical between two commas.
    if doc.w(end - 1) == "," {
        let floor = limit.max((end - 1).saturating_sub(16));
        let open = (floor..end - 1)
            .rev()
            .find(|&i| doc.w(i) == "," || doc.is_stop(i) || doc.in_quote(i))?;
        if doc.w(open) != "," {
            return None;
        }
        let s = document_ending(doc, open, limit)?;
        return Some((Spk { np_b: end - 1, ..s }, Source::Document));
    }
    // The head noun within a few words, followed by a post-modifier up to the cue.
    let floor = limit.max(end.saturating_sub(9));
    for h in (floor..end).rev() {
        let w = doc.w(h);
        if doc.in_quote(h) || doc.is_stop(h) || matches!(w, "," | ";" | ":") {
            break;
        }
        if h + 1 < end && blocks(w) {
            break;
        }
        if !is_document_noun(w) || !doc.is_lower(h) {
            continue;
        }
        if h + 1 < end && !opens_post_modifier(doc.w(h + 1)) {
            continue;
        }
        if (h + 1..end).any(|i| blocks(doc.w(i)) || speakers::pronoun(doc.w(i)).is_some()) {
            continue;
        }
        let s = document_ending(doc, h + 1, limit)?;
        return Some((Spk { np_b: end, ..s }, Source::Document));
    }
    group_ending(doc, end, limit).map(|s| (s, Source::Group))
}

/// A document phrase whose head noun is the token right before `end`, opening the clause
/// (at the sentence's start, after a conjunction or a comma): "The complaint", "a study",
/// "the institute's own figures", "court documents".
fn document_ending(doc: &QuoteText, end: usize, limit: usize) -> Option<Spk> {
    if end <= limit {
        return None;
    }
    let head = end - 1;
    if !is_document_noun(&doc.w(head).to_lowercase()) {
        return None;
    }
    let a = phrase_start(doc, head, limit)?;
    Some(nominal(a, end, "ORG"))
}

/// Where the phrase whose head is `head` starts, if it opens its clause: determiners,
/// possessives and modifiers before the head, up to five tokens.
fn phrase_start(doc: &QuoteText, head: usize, limit: usize) -> Option<usize> {
    let mut a = head;
    let mut steps = 0;
    while a > limit && steps < 5 {
        let p = a - 1;
        let w = doc.w(p);
        if doc.in_quote(p) || doc.line_break_before(a) {
            break;
        }
        let possessive = doc.toks[p].kind == crate::text::TokenKind::Possessive;
        let modifier = possessive
            || is_det(w)
            || (doc.is_word(p)
                && !blocks(w)
                && !matches!(
                    w.to_lowercase().as_str(),
                    "according" | "to" | "in" | "on" | "at" | "by" | "for" | "with" | "after"
                )
                && speakers::pronoun(w).is_none());
        if !modifier {
            break;
        }
        a = p;
        steps += 1;
        if is_det(w) && !matches!(w, "new" | "New") {
            break;
        }
    }
    // The phrase opens its clause.
    let sa = doc.sents[doc.sent_of[head] as usize].0;
    let mut first = sa.max(limit);
    while first < head && matches!(doc.w(first), "But" | "And" | "However" | "Yet" | "So") {
        first += 1;
    }
    let opens = a == first
        || (a > limit && matches!(doc.w(a - 1), "," | "that" | "—" | "--" | "and" | "but"));
    opens.then_some(a)
}

/// A group named by a plural noun right before `end` and opening its clause: "Party
/// strategists", "Many economists", "health policy experts".
fn group_ending(doc: &QuoteText, end: usize, limit: usize) -> Option<Spk> {
    let head = end - 1;
    let w = doc.w(head);
    if !doc.is_lower(head) || !plural_person(w) {
        return None;
    }
    let a = phrase_start(doc, head, limit)?;
    let owned = matches!(doc.w(a), "his" | "His" | "her" | "Her" | "their" | "Their");
    if head - a > 3 || owned {
        return None;
    }
    Some(nominal(a, end, "PERSON"))
}

/// A plural noun for people news quotes as a group, beyond the speaker tables' role nouns:
/// "strategists", "pundits", "epidemiologists".
#[rustfmt::skip]
fn plural_person(w: &str) -> bool {
    (w.len() > 8 && w.ends_with("ologists"))
        || matches!(
            w,
            "strategists" | "pundits" | "commentators" | "insiders" | "scholars" | "academics"
                | "historians" | "specialists" | "consultants" | "regulators" | "auditors"
                | "inspectors" | "forecasters" | "pollsters" | "bankers" | "traders"
                | "investors" | "shareholders" | "economists" | "physicians" | "clinicians"
                | "epidemiologists" | "advocates" | "opponents" | "proponents" | "skeptics"
                | "sceptics" | "detractors" | "defenders" | "backers" | "donors" | "planners"
                | "engineers" | "developers" | "executives" | "unions" | "residents"
        )
}

fn nominal(a: usize, b: usize, label: &'static str) -> Spk {
    Spk {
        a,
        b,
        np_a: a,
        np_b: b,
        kind: MentionKind::Nominal,
        label,
        mention: None,
        pron: None,
        gender: None,
    }
}

/// A document after "according to" at token `start`: "court documents", "an engineering
/// report released last spring", "the institute's own figures"; `np_b` is the head's end.
pub(super) fn after(doc: &QuoteText, start: usize) -> Option<Spk> {
    let n = doc.len();
    let mut k = start;
    while k < n && k < start + 6 {
        let w = doc.w(k);
        if doc.in_quote(k)
            || (!doc.is_word(k) && doc.toks[k].kind != crate::text::TokenKind::Possessive)
        {
            return None;
        }
        if is_document_noun(w) && doc.is_lower(k) {
            // "a statement from the ministry": the ministry speaks through it.
            if k + 2 < n
                && matches!(doc.w(k + 1), "from" | "by")
                && let Some(s) = speakers::after_head(doc, k + 2)
                && s.kind == MentionKind::Name
            {
                return Some(Spk { np_a: start, ..s });
            }
            let mut b = k + 1;
            // "court documents", "police records": a run of document nouns.
            while b < n && b < start + 6 && is_document_noun(doc.w(b)) && doc.is_lower(b) {
                b += 1;
            }
            return Some(nominal(start, b, "ORG"));
        }
        if blocks(w) || speakers::pronoun(w).is_some() {
            return None;
        }
        k += 1;
    }
    None
}

/// A description a pronoun speaker at token `at` may stand for when no organisation does:
/// for "it", a document or statement ("the report"); for "they", a group of people
/// ("officials", "the researchers"). The phrase must be the subject of a sentence (its clause's
/// opening phrase) at most three sentences back, in the pronoun's paragraph or the one before,
/// outside quotation marks. Returns the phrase's tokens, its kind, and how many sentences back
/// it stands; the nearest wins.
pub(super) fn pronoun_antecedent(
    doc: &QuoteText,
    at: usize,
    pron: speakers::Pron,
) -> Option<(usize, usize, Source, u32)> {
    let want = match pron {
        speakers::Pron::It => Source::Document,
        speakers::Pron::They => Source::Group,
        _ => return None,
    };
    let sent = doc.sent_of[at];
    let para = doc.para_of[at];
    for back in 0..=3u32 {
        let Some(si) = sent.checked_sub(back) else {
            break;
        };
        let (sa, sb) = doc.sents[si as usize];
        if sa >= doc.len() || para - doc.para_of[sa].min(para) > 1 {
            break;
        }
        let sb = if back == 0 { sb.min(at) } else { sb };
        if let Some((a, b)) = subject_phrase(doc, sa, sb, want) {
            return Some((a, b, want, back));
        }
    }
    None
}

/// The opening phrase of the sentence `sa..sb` when its head is of kind `want`: "The report",
/// "Officials", "the researchers", "Many residents".
fn subject_phrase(doc: &QuoteText, sa: usize, sb: usize, want: Source) -> Option<(usize, usize)> {
    let mut first = sa;
    while first < sb && matches!(doc.w(first), "But" | "And" | "However" | "Yet" | "So") {
        first += 1;
    }
    for h in first..sb.min(first + 3) {
        if doc.in_quote(h) || !doc.is_word(h) {
            return None;
        }
        let w = doc.w(h);
        // Capitalised only as the sentence's first word ("Officials"), not inside a name.
        if !doc.is_lower(h) && h != first {
            return None;
        }
        let lower = w.to_lowercase();
        let fits = match want {
            Source::Document => {
                is_document_noun(&lower)
                    && (!lower.ends_with('s') || matches!(lower.as_str(), "analysis" | "census"))
            }
            Source::Group => {
                speakers::role(&lower).is_some_and(|(_, _, plural)| plural) || plural_person(&lower)
            }
            Source::Speaker => false,
        };
        if !fits {
            if blocks(&lower) || speakers::pronoun(w).is_some() {
                return None;
            }
            continue;
        }
        // The head ends the phrase: a compound ("the report card") or a name after it is not
        // this phrase.
        if h + 1 < sb && (doc.is_cap(h + 1) || is_document_noun(doc.w(h + 1))) {
            return None;
        }
        let a = phrase_start(doc, h, first)?;
        if a != first {
            return None;
        }
        if want == Source::Group
            && matches!(doc.w(a), "his" | "His" | "her" | "Her" | "their" | "Their")
        {
            return None;
        }
        return Some((a, h + 1));
    }
    None
}

#[cfg(test)]
#[path = "sources_tests.rs"]
mod tests;
