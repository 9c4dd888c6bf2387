//! Direct quotations: a quote in marks and the cue and speaker that attribute it, from the
//! patterns right around the marks (CoreNLP's trigram sieve with a cue lexicon for the verb
//! test, plus the news variants of the research notes, A7 step 4):
//!
//! - after the quote: `"…," SPK CUE` (he said; the official said; Carolina coach Rod Smith
//!   said; Michael Every, a strategist at X, said) or `"…," CUE SPK` (said Smith);
//! - before it: `SPK CUE (PP)? [,:]? "…"` (Putin said in his speech: "…"; Putin says ‘…’),
//!   `CUE SPK [,:] "…"`, and `According to SPK, "…"`;
//! - a split quote, `"A," SPK CUE, "B."`, is one quote with two content ranges;
//! - SPK may be a document or statement (`"…," the report said`, `The statement said: "…"`);
//!   a cue that only documents use ("found") attributes nothing else.

use super::cues::{ACCORDING, CueHit, DOCUMENT, INVERT, Lexicon};
use super::doc::{NONE, QuoteText};
use super::marks::Marked;
use super::sources::{self, Source};
use super::speakers::{self, Spk};

/// How a direct quote got its attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Attr {
    After,
    Before,
    None,
}

/// One marked quote with what attributes it.
#[derive(Clone, Debug)]
pub(super) struct Direct {
    pub quote: usize,
    pub attr: Attr,
    /// Index into the document's cue hits.
    pub cue: Option<usize>,
    pub spk: Option<Spk>,
    /// Quotes merged into this one (split quotes), by index; their content follows this one's.
    pub merged: Vec<usize>,
    /// Merged into another quote.
    pub absorbed: bool,
}

/// How far after a closing mark the cue of an attribution may be.
const AFTER_WINDOW: usize = 16;
/// How far before an opening mark the cue may be.
const BEFORE_WINDOW: usize = 12;

pub(super) fn attribute(
    doc: &QuoteText,
    lex: &Lexicon,
    marked: &[Marked],
    hits: &[CueHit],
    hit_at: &[u32],
) -> Vec<Direct> {
    let mut out: Vec<Direct> = marked
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let (attr, cue, spk) = if let Some((c, s)) = after(doc, lex, q, hits, hit_at) {
                (Attr::After, Some(c), s)
            } else if let Some((c, s)) = before(doc, lex, q, hits, hit_at) {
                (Attr::Before, Some(c), s)
            } else {
                (Attr::None, None, None)
            };
            Direct {
                quote: qi,
                attr,
                cue,
                spk,
                merged: Vec::new(),
                absorbed: false,
            }
        })
        .collect();
    merge_split(doc, marked, hits, &mut out);
    out
}

/// `"…," SPK CUE` or `"…," CUE SPK`, the cue within a few tokens of the closing mark.
fn after(
    doc: &QuoteText,
    lex: &Lexicon,
    q: &Marked,
    hits: &[CueHit],
    hit_at: &[u32],
) -> Option<(usize, Option<Spk>)> {
    if !q.closed {
        return None;
    }
    let close = q.after() - 1;
    let mut t = q.after();
    while t < doc.len() && matches!(doc.w(t), "," | "—" | "–" | "--" | "-") {
        t += 1;
    }
    if t >= doc.len() || doc.in_quote(t) {
        return None;
    }
    // The attribution goes on in the same paragraph; a line starting with a lower-case word
    // continues it (see `doc`).
    if !doc.same_para(close, t) {
        return None;
    }
    let end = (t + AFTER_WINDOW).min(doc.len());
    for (k, &h) in hit_at.iter().enumerate().take(end).skip(t) {
        if doc.in_quote(k) || !doc.same_para(t, k) || (k > t && doc.is_stop(k - 1)) {
            break;
        }
        if h == NONE {
            continue;
        }
        let hit = hits[h as usize];
        let cue = lex.cue(hit.cue);
        if cue.has(ACCORDING) {
            continue;
        }
        let keep = |s: Spk| {
            (!cue.has(DOCUMENT) || sources::classify(doc, &s) == Source::Document).then_some(s)
        };
        if k == t {
            if cue.has(INVERT)
                && let Some(s) = speakers::after(doc, hit.b).and_then(keep)
            {
                return Some((h as usize, Some(s)));
            }
            continue;
        }
        if let Some(s) = speakers::before(doc, hit.a, t).and_then(keep)
            && s.np_a == t
        {
            return Some((h as usize, Some(s)));
        }
        if let Some(s) = speakers::description_between(doc, t, hit.a).and_then(keep) {
            return Some((h as usize, Some(s)));
        }
    }
    None
}

/// A parsed speaker; "I" and "we" are kept here (the quote is attributed, to nobody the
/// reader can name) and dropped by the caller.
fn keep(s: Spk) -> Option<Spk> {
    Some(s)
}

/// `SPK CUE (PP)? [,:] "…"`, `CUE SPK [,:] "…"` or `According to SPK, "…"`.
fn before(
    doc: &QuoteText,
    lex: &Lexicon,
    q: &Marked,
    hits: &[CueHit],
    hit_at: &[u32],
) -> Option<(usize, Option<Spk>)> {
    let s = q.open();
    if s == 0 {
        return None;
    }
    let para_start = doc.paras[doc.para_of[s] as usize].0;
    let floor = s.saturating_sub(BEFORE_WINDOW).max(para_start);
    let mut k = s;
    while k > floor {
        k -= 1;
        if doc.in_quote(k) || doc.is_stop(k) {
            return None;
        }
        let h = hit_at[k];
        if h == NONE {
            continue;
        }
        let hit = hits[h as usize];
        let cue = lex.cue(hit.cue);
        if cue.has(ACCORDING) {
            // "According to SPK, “…”"
            let spk = speakers::after_head(doc, hit.b)?;
            if gap_ok(doc, spk.np_b, s, false) {
                return Some((h as usize, keep(spk)));
            }
            return None;
        }
        if gap_ok(doc, hit.b, s, cue.has(super::cues::OBJECT)) {
            if cue.participle {
                // ", adding: “…”": the subject is the clause's before; found later.
                return Some((h as usize, None));
            }
            let limit = doc.sents[doc.sent_of[hit.a] as usize].0.max(para_start);
            let spk = if cue.has(DOCUMENT) {
                None
            } else {
                speakers::before(doc, hit.a, limit)
                    .or_else(|| speakers::coordinated(doc, hit.a, limit))
            };
            // "The statement said: “…”", "The report found: “…”".
            let spk = spk.or_else(|| {
                sources::before(doc, hit.a, limit)
                    .filter(|(_, src)| *src == Source::Document)
                    .map(|(s, _)| s)
            })?;
            return Some((h as usize, keep(spk)));
        }
        // "said Holmes: “…”" — with a colon or comma: "called the scheme “a folly”" names.
        if cue.has(INVERT)
            && !cue.has(DOCUMENT)
            && let Some(spk) = speakers::after(doc, hit.b)
            && gap_ok(doc, spk.np_b, s, false)
            && (spk.np_b..s).any(|i| matches!(doc.w(i), "," | ":" | "—" | "--"))
        {
            return Some((h as usize, keep(spk)));
        }
        return None;
    }
    None
}

/// What may stand between a cue (or its speaker) at `from` and an opening mark at `to`:
/// nothing, a colon or comma, "that", a short prepositional phrase ("in his speech:"), or for
/// verbs with an addressee a short object ("told reporters:").
fn gap_ok(doc: &QuoteText, from: usize, to: usize, object: bool) -> bool {
    if from > to {
        return false;
    }
    let gap = from..to;
    if gap
        .clone()
        .all(|i| matches!(doc.w(i), "," | ":" | "that" | "—" | "–" | "--" | "-"))
    {
        return true;
    }
    let len = to - from;
    if len > 8 || gap.clone().any(|i| doc.is_stop(i) || doc.in_quote(i)) {
        return false;
    }
    let last = doc.w(to - 1);
    let punct_end = matches!(last, "," | ":" | "—" | "--");
    let first = doc.w(from);
    let adverbial = matches!(
        first,
        "in" | "on"
            | "at"
            | "to"
            | "during"
            | "after"
            | "before"
            | "from"
            | "via"
            | "through"
            | "while"
            | "when"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "again"
            | "then"
            | "simply"
            | "quietly"
            | "firmly"
            | "angrily"
            | "softly"
            | "loudly"
            | "slowly"
            | "once"
            | "afterwards"
            | "monday"
            | "tuesday"
    ) || matches!(
        first,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    ) || (doc.is_lower(from) && first.ends_with("ly"));
    let addressee = object;
    (adverbial || addressee) && (punct_end || matches!(last, "that"))
}

/// `"A," SPK CUE, "B."`: the quote right after an attribution, in the same paragraph and with
/// no attribution of its own, continues the one before.
fn merge_split(doc: &QuoteText, marked: &[Marked], hits: &[CueHit], out: &mut [Direct]) {
    for i in 0..out.len().saturating_sub(1) {
        if out[i].attr != Attr::After || out[i].absorbed {
            continue;
        }
        let Some(c) = out[i].cue else { continue };
        let mut e = hits[c].b;
        if let Some(s) = &out[i].spk {
            e = e.max(s.np_b);
        }
        let j = i + 1;
        let next = &marked[out[j].quote];
        if out[j].attr == Attr::After {
            continue;
        }
        // Up to a comma, semicolon or colon, with a few adverbial words before it.
        let open = next.open();
        if open < e || open - e > 6 || !doc.same_para(e.min(doc.len() - 1), open) {
            continue;
        }
        let gap_ok = (e..open).all(|k| !doc.is_stop(k) && !doc.in_quote(k))
            && (e..open).any(|k| matches!(doc.w(k), "," | ";" | ":" | "—" | "--"));
        let touching = e == open;
        if !(gap_ok || touching) {
            continue;
        }
        out[j].absorbed = true;
        out[i].merged.push(j);
    }
}
