//! Evaluation: how far one set of annotations (predicted) agrees with another (gold), over the
//! documents both hold.
//!
//! Documents are paired by name, and only scored when their texts are equal, since offsets
//! mean nothing across different texts; documents on one side only are listed, not scored.
//!
//! **Entities.** Spans are compared per label (or per group of labels counted as one, e.g.
//! GPE+LOC) and micro-averaged overall, two ways: *exact* (same start, end and label) and
//! *overlap* (same label, ranges share at least one character). Matching is one to one: each
//! gold span and each predicted span is used at most once; exact pairs are taken first, then the
//! remaining pairs greedily by the number of characters shared (ties by text order). So an
//! overlap count is never below the exact count. Only names (`Mention::Name`) count unless
//! pronouns and descriptions are asked for: a speaker "he" is not a named entity.
//!
//! **Quotes.** A predicted quote matches a gold quote when their contents share at least 30% of
//! the gold content's length (summed over its ranges); pairs are taken greedily by shared length,
//! one to one. Precision, recall and F1 count matched quotes. Among matched pairs: *kind*
//! accuracy; *speaker* accuracy over gold quotes whose speaker has a canonical name (the
//! speaker mention's entity, or for brat gold a `speaker=` note without a mention), right when
//! the predicted speaker's name is the same ignoring case and spacing (the predicted name is its
//! mention's entity name, else the mention's own text, else its note); *speaker mention*
//! accuracy over gold quotes with a speaker mention, right when the predicted mention overlaps
//! it; *cue* accuracy likewise over gold quotes with a cue.
//!
//! A measure whose denominator is zero is `None` (shown as "-"), never a made-up 0 or 1.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::model::{CharRange, DocId, Document, Project, Quote, QuoteId};

/// Speakers known only by name (see `io::brat`): (document, quote) → canonical name, for quotes
/// without a speaker mention.
pub type SpeakerNotes = HashMap<(DocId, QuoteId), String>;

/// One side of a comparison: a project, plus the speaker names that only brat notes carry.
#[derive(Clone, Debug)]
pub struct Annotations<'a> {
    pub project: &'a Project,
    pub speaker_notes: SpeakerNotes,
}

impl<'a> Annotations<'a> {
    pub fn new(project: &'a Project) -> Self {
        Self {
            project,
            speaker_notes: HashMap::new(),
        }
    }
}

/// What to count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Groups of labels counted as one label, reported as their names joined by "+".
    pub merge: Vec<Vec<String>>,
    /// Only these labels (a group counts when any of its labels is listed); `None` for all.
    pub labels: Option<Vec<String>>,
    /// Count pronoun and description spans too, not only names.
    pub all_mentions: bool,
}

/// Precision, recall and F1 from a count of true positives.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Score {
    pub tp: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl Score {
    pub fn new(tp: usize, gold: usize, pred: usize) -> Self {
        let ratio = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
        Self {
            tp,
            precision: ratio(tp, pred),
            recall: ratio(tp, gold),
            // 2PR/(P+R) = 2TP/(gold+pred), defined whenever either side has something.
            f1: ratio(2 * tp, gold + pred),
        }
    }
}

/// Right answers out of the cases that count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
    pub accuracy: Option<f64>,
}

impl Accuracy {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.correct += usize::from(right);
        self.accuracy = Some(self.correct as f64 / self.total as f64);
    }
}

/// One label's (or group's) counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelScore {
    pub label: String,
    pub gold: usize,
    pub pred: usize,
    pub exact: Score,
    pub overlap: Score,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Documents {
    pub scored: usize,
    pub only_in_gold: Vec<String>,
    pub only_in_pred: Vec<String>,
    /// Names on both sides whose texts differ: not scored.
    pub different_text: Vec<String>,
    /// Names used by more than one document on a side: only the first is scored.
    pub repeated_names: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entities {
    /// "names" or "all mentions".
    pub mentions: &'static str,
    pub labels: Vec<LabelScore>,
    /// Micro-averaged over every label counted.
    pub overall: LabelScore,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Quotes {
    pub gold: usize,
    pub pred: usize,
    pub matched: Score,
    pub kind: Accuracy,
    pub speaker: Accuracy,
    pub speaker_mention: Accuracy,
    pub cue: Accuracy,
}

impl Default for Score {
    fn default() -> Self {
        Score::new(0, 0, 0)
    }
}

/// Everything `gloss eval` prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub documents: Documents,
    pub entities: Entities,
    /// Present when either side has quotes in the scored documents.
    pub quotes: Option<Quotes>,
}

/// Score `pred` against `gold`.
pub fn evaluate(gold: &Annotations, pred: &Annotations, options: &Options) -> Report {
    let pairs = pair_documents(gold.project, pred.project);
    let groups = Groups::new(options);

    // label → (gold, pred, exact tp, overlap tp)
    let mut counts: HashMap<String, [usize; 4]> = HashMap::new();
    let mut quotes = Quotes::default();
    let mut any_quotes = false;
    for (g, p) in &pairs.scored {
        let gs = groups.spans(g);
        let ps = groups.spans(p);
        let labels: BTreeSet<&String> = gs.keys().chain(ps.keys()).collect();
        for label in labels {
            let empty = Vec::new();
            let gr = gs.get(label).unwrap_or(&empty);
            let pr = ps.get(label).unwrap_or(&empty);
            let (exact, overlap) = match_spans(gr, pr);
            let c = counts.entry(label.clone()).or_default();
            c[0] += gr.len();
            c[1] += pr.len();
            c[2] += exact;
            c[3] += overlap;
        }
        any_quotes |= !g.quotes.is_empty() || !p.quotes.is_empty();
        score_quotes(gold, pred, g, p, &mut quotes);
    }
    quotes.matched = Score::new(quotes.matched.tp, quotes.gold, quotes.pred);

    let score = |label: String, c: [usize; 4]| LabelScore {
        label,
        gold: c[0],
        pred: c[1],
        exact: Score::new(c[2], c[0], c[1]),
        overlap: Score::new(c[3], c[0], c[1]),
    };
    let mut total = [0; 4];
    let mut labels = Vec::new();
    for label in groups.order(gold.project, pred.project, &counts) {
        if let Some(c) = counts.get(&label) {
            for (t, n) in total.iter_mut().zip(c) {
                *t += n;
            }
            labels.push(score(label, *c));
        }
    }
    Report {
        documents: pairs.documents,
        entities: Entities {
            mentions: if options.all_mentions {
                "all mentions"
            } else {
                "names"
            },
            labels,
            overall: score("overall".into(), total),
        },
        quotes: any_quotes.then_some(quotes),
    }
}

// ---------------------------------------------------------------------------- documents

struct Pairs<'a> {
    scored: Vec<(&'a Document, &'a Document)>,
    documents: Documents,
}

fn pair_documents<'a>(gold: &'a Project, pred: &'a Project) -> Pairs<'a> {
    let mut documents = Documents::default();
    let mut repeated = BTreeSet::new();
    let first_by_name = |p: &'a Project, repeated: &mut BTreeSet<String>| {
        let mut by_name: HashMap<&str, &'a Document> = HashMap::new();
        for d in &p.documents {
            if by_name.insert(&d.name, d).is_some() {
                repeated.insert(d.name.clone());
            }
        }
        // Keep the first of each name.
        let mut first: HashMap<&str, &'a Document> = HashMap::new();
        for d in &p.documents {
            first.entry(&d.name).or_insert(d);
        }
        first
    };
    let gold_by = first_by_name(gold, &mut repeated);
    let pred_by = first_by_name(pred, &mut repeated);
    let mut scored = Vec::new();
    let mut seen = BTreeSet::new();
    for g in &gold.documents {
        if !seen.insert(g.name.as_str()) {
            continue;
        }
        match pred_by.get(g.name.as_str()) {
            None => documents.only_in_gold.push(g.name.clone()),
            Some(p) if p.text != g.text => documents.different_text.push(g.name.clone()),
            Some(p) => scored.push((g, *p)),
        }
    }
    let mut seen = BTreeSet::new();
    for p in &pred.documents {
        if seen.insert(p.name.as_str()) && !gold_by.contains_key(p.name.as_str()) {
            documents.only_in_pred.push(p.name.clone());
        }
    }
    documents.scored = scored.len();
    documents.repeated_names = repeated.into_iter().collect();
    Pairs { scored, documents }
}

// ---------------------------------------------------------------------------- entities

/// Label groups and the label filter.
struct Groups<'o> {
    options: &'o Options,
    /// label → its group's name.
    group: HashMap<&'o str, String>,
}

impl<'o> Groups<'o> {
    fn new(options: &'o Options) -> Self {
        let mut group = HashMap::new();
        for members in &options.merge {
            let name = members.join("+");
            for m in members {
                group.insert(m.as_str(), name.clone());
            }
        }
        Self { options, group }
    }

    fn name(&self, label: &str) -> String {
        self.group
            .get(label)
            .cloned()
            .unwrap_or_else(|| label.to_string())
    }

    fn counts(&self, label: &str) -> bool {
        let Some(wanted) = &self.options.labels else {
            return true;
        };
        let name = self.name(label);
        wanted.iter().any(|w| {
            w == label || *w == name || self.group.get(w.as_str()).is_some_and(|g| *g == name)
        })
    }

    /// The spans of `doc` that count, by group name.
    fn spans(&self, doc: &Document) -> HashMap<String, Vec<CharRange>> {
        let mut out: HashMap<String, Vec<CharRange>> = HashMap::new();
        for s in &doc.spans {
            if (self.options.all_mentions || s.mention.is_name()) && self.counts(&s.label) {
                out.entry(self.name(&s.label)).or_default().push(s.range());
            }
        }
        out
    }

    /// Report order: the gold label set's order, then the predicted one's, then any others.
    fn order(
        &self,
        gold: &Project,
        pred: &Project,
        counts: &HashMap<String, [usize; 4]>,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let set_order = gold.labels.names().chain(pred.labels.names());
        for name in set_order.map(|l| self.name(l)) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        let mut rest: Vec<&String> = counts.keys().filter(|k| !out.contains(k)).collect();
        rest.sort();
        out.extend(rest.into_iter().cloned());
        out
    }
}

/// Characters `a` and `b` share.
fn shared(a: CharRange, b: CharRange) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// One-to-one matches, greedily by `weight` (largest first, ties in index order); `weight`
/// returns `None` for pairs that may not match.
fn greedy(
    gold: usize,
    pred: usize,
    used_g: &mut [bool],
    used_p: &mut [bool],
    weight: impl Fn(usize, usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for i in (0..gold).filter(|&i| !used_g[i]) {
        for j in (0..pred).filter(|&j| !used_p[j]) {
            if let Some(w) = weight(i, j) {
                candidates.push((std::cmp::Reverse(w), i, j));
            }
        }
    }
    candidates.sort();
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// (exact matches, overlap matches) between two lists of one label's ranges.
fn match_spans(gold: &[CharRange], pred: &[CharRange]) -> (usize, usize) {
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut by_range: HashMap<CharRange, Vec<usize>> = HashMap::new();
    for (j, r) in pred.iter().enumerate().rev() {
        by_range.entry(*r).or_default().push(j);
    }
    let mut exact = 0;
    for (i, r) in gold.iter().enumerate() {
        if let Some(j) = by_range.get_mut(r).and_then(Vec::pop) {
            used_g[i] = true;
            used_p[j] = true;
            exact += 1;
        }
    }
    let more = greedy(gold.len(), pred.len(), &mut used_g, &mut used_p, |i, j| {
        let w = shared(gold[i], pred[j]);
        (w > 0).then_some(w)
    });
    (exact, exact + more.len())
}

// ------------------------------------------------------------------------------ quotes

/// Disjoint sorted ranges covering what `q` says.
fn content(q: &Quote) -> Vec<CharRange> {
    let mut rs = q.content.clone();
    rs.sort();
    let mut out: Vec<CharRange> = Vec::new();
    for r in rs {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

fn content_shared(a: &[CharRange], b: &[CharRange]) -> usize {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| shared(*x, *y)))
        .sum()
}

/// The canonical name of a quote's speaker: its mention's entity; with `mention_text`, else the
/// mention's own text; else the side's note.
fn speaker_name(
    side: &Annotations,
    doc: &Document,
    q: &Quote,
    mention_text: bool,
) -> Option<String> {
    if let Some(s) = q.speaker.and_then(|id| doc.span(id)) {
        if let Some(e) = s.entity.and_then(|e| side.project.entity(e)) {
            return Some(e.name.clone());
        }
        if mention_text {
            return Some(doc.slice(s.start, s.end).to_string());
        }
    }
    side.speaker_notes.get(&(doc.id, q.id)).cloned()
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

fn score_quotes(
    gold: &Annotations,
    pred: &Annotations,
    g: &Document,
    p: &Document,
    out: &mut Quotes,
) {
    let gc: Vec<Vec<CharRange>> = g.quotes.iter().map(content).collect();
    let pc: Vec<Vec<CharRange>> = p.quotes.iter().map(content).collect();
    out.gold += gc.len();
    out.pred += pc.len();
    let mut used_g = vec![false; gc.len()];
    let mut used_p = vec![false; pc.len()];
    let matches = greedy(gc.len(), pc.len(), &mut used_g, &mut used_p, |i, j| {
        let len: usize = gc[i].iter().map(CharRange::len).sum();
        let w = content_shared(&gc[i], &pc[j]);
        // At least 30% of the gold content, in integers.
        (w > 0 && w * 10 >= len * 3).then_some(w)
    });
    out.matched.tp += matches.len();
    let speaker_range =
        |d: &Document, q: &Quote| q.speaker.and_then(|id| d.span(id)).map(|s| s.range());
    for (i, j) in matches {
        let (gq, pq) = (&g.quotes[i], &p.quotes[j]);
        out.kind.add(gq.kind == pq.kind);
        if let Some(name) = speaker_name(gold, g, gq, false) {
            let guess = speaker_name(pred, p, pq, true);
            out.speaker.add(guess.is_some_and(|n| same_name(&n, &name)));
        }
        if let Some(gs) = speaker_range(g, gq) {
            let ps = speaker_range(p, pq);
            out.speaker_mention
                .add(ps.is_some_and(|ps| ps.overlaps(&gs)));
        }
        if let Some(gcue) = gq.cue {
            out.cue.add(pq.cue.is_some_and(|c| c.overlaps(&gcue)));
        }
    }
}

// ------------------------------------------------------------------------------ printing

fn num(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.3}")).unwrap_or_else(|| "-".into())
}

/// Cells padded to their column's width, two spaces apart; the first column left-aligned, the
/// others right-aligned.
fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i == 0 {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            } else {
                line.push_str("  ");
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl Report {
    /// The report as aligned plain-text tables.
    pub fn table(&self) -> String {
        let d = &self.documents;
        let mut out = format!("Documents scored: {}\n", d.scored);
        let list = |what: &str, names: &[String], out: &mut String| {
            if !names.is_empty() {
                out.push_str(&format!("{what} ({}): {}\n", names.len(), names.join(", ")));
            }
        };
        list("only in gold, not scored", &d.only_in_gold, &mut out);
        list("only in pred, not scored", &d.only_in_pred, &mut out);
        list("texts differ, not scored", &d.different_text, &mut out);
        list(
            "names used twice, first scored",
            &d.repeated_names,
            &mut out,
        );

        let e = &self.entities;
        out.push_str(&format!(
            "\nEntities ({}; exact: same start, end and label; overlap: same label, ranges overlap)\n",
            e.mentions
        ));
        let mut rows = vec![
            [
                "label",
                "gold",
                "pred",
                "exact P",
                "exact R",
                "exact F1",
                "overlap P",
                "overlap R",
                "overlap F1",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
        ];
        for l in e.labels.iter().chain(std::iter::once(&e.overall)) {
            rows.push(vec![
                l.label.clone(),
                l.gold.to_string(),
                l.pred.to_string(),
                num(l.exact.precision),
                num(l.exact.recall),
                num(l.exact.f1),
                num(l.overlap.precision),
                num(l.overlap.recall),
                num(l.overlap.f1),
            ]);
        }
        out.push_str(&table(&rows));

        if let Some(q) = &self.quotes {
            out.push_str("\nQuotes (a match shares at least 30% of the gold quote's content)\n");
            let mut rows = vec![
                ["", "gold", "pred", "matched", "P", "R", "F1"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
                vec![
                    "quotes".into(),
                    q.gold.to_string(),
                    q.pred.to_string(),
                    q.matched.tp.to_string(),
                    num(q.matched.precision),
                    num(q.matched.recall),
                    num(q.matched.f1),
                ],
            ];
            out.push_str(&table(&rows));
            rows.clear();
            rows.push(vec![
                "among matched".into(),
                "right".into(),
                "accuracy".into(),
            ]);
            for (what, a) in [
                ("kind", q.kind),
                ("speaker (by name)", q.speaker),
                ("speaker mention", q.speaker_mention),
                ("cue", q.cue),
            ] {
                rows.push(vec![
                    what.into(),
                    format!("{}/{}", a.correct, a.total),
                    num(a.accuracy),
                ]);
            }
            out.push('\n');
            out.push_str(&table(&rows));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityId, Mention, Origin, QuoteKind, Span, SpanId};

    const TEXT: &str = "Anna Bell met Carl Dunn and Eva Fox in Rome on Monday morning.";

    fn doc(name: &str, text: &str, spans: &[(usize, usize, &str)]) -> Document {
        let mut d = Document::new(DocId(1), name, text);
        for (i, (s, e, l)) in spans.iter().enumerate() {
            d.insert_span(Span::new(SpanId(i as u64 + 1), CharRange::new(*s, *e), *l));
        }
        d
    }

    fn project(docs: Vec<Document>) -> Project {
        let mut p = Project::new("t");
        for (i, mut d) in docs.into_iter().enumerate() {
            d.id = DocId(i as u64 + 1);
            p.insert_document(d);
        }
        p
    }

    fn run(gold: &Project, pred: &Project, options: &Options) -> Report {
        evaluate(&Annotations::new(gold), &Annotations::new(pred), options)
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn three_gold_four_predicted_two_exact_three_overlapping() {
        // Gold PERSON: 0..9, 14..23, 28..35. Predicted: 0..9 and 14..23 exactly, 29..35
        // overlapping the third, and 39..43 ("Rome") matching nothing.
        // Exact: tp 2, P = 2/4 = 0.5, R = 2/3 = 0.667, F1 = 2·2/(3+4) = 4/7 = 0.571.
        // Overlap: tp 3, P = 3/4 = 0.75, R = 3/3 = 1, F1 = 2·3/(3+4) = 6/7 = 0.857.
        let gold = project(vec![doc(
            "a",
            TEXT,
            &[(0, 9, "PERSON"), (14, 23, "PERSON"), (28, 35, "PERSON")],
        )]);
        let pred = project(vec![doc(
            "a",
            TEXT,
            &[
                (0, 9, "PERSON"),
                (14, 23, "PERSON"),
                (29, 35, "PERSON"),
                (39, 43, "PERSON"),
            ],
        )]);
        let r = run(&gold, &pred, &Options::default());
        assert_eq!(r.entities.labels.len(), 1);
        let l = &r.entities.labels[0];
        assert_eq!((l.label.as_str(), l.gold, l.pred), ("PERSON", 3, 4));
        assert_eq!((l.exact.tp, l.overlap.tp), (2, 3));
        assert!(close(l.exact.precision, 0.5));
        assert!(close(l.exact.recall, 2.0 / 3.0));
        assert!(close(l.exact.f1, 4.0 / 7.0));
        assert!(close(l.overlap.precision, 0.75));
        assert!(close(l.overlap.recall, 1.0));
        assert!(close(l.overlap.f1, 6.0 / 7.0));
        assert_eq!(r.entities.overall.exact, l.exact);
        assert_eq!(r.quotes, None);
    }

    #[test]
    fn overlap_matching_is_one_to_one_and_prefers_the_larger_overlap() {
        // One predicted span over two gold spans matches only one of them: the one it shares
        // more with (gold 14..23 shares 9, gold 0..9 shares 4). P = 1/1, R = 1/2, F1 = 2/3.
        let gold = project(vec![doc(
            "a",
            TEXT,
            &[(0, 9, "PERSON"), (14, 23, "PERSON")],
        )]);
        let pred = project(vec![doc("a", TEXT, &[(5, 23, "PERSON")])]);
        let r = run(&gold, &pred, &Options::default());
        let l = &r.entities.overall;
        assert_eq!((l.exact.tp, l.overlap.tp), (0, 1));
        assert!(close(l.overlap.precision, 1.0));
        assert!(close(l.overlap.recall, 0.5));
        assert!(close(l.overlap.f1, 2.0 / 3.0));
        assert!(close(l.exact.f1, 0.0));
    }

    #[test]
    fn labels_must_agree_unless_merged() {
        // Rome as GPE in gold and LOC predicted, Monday the other way round.
        let gold = project(vec![doc("a", TEXT, &[(39, 43, "GPE"), (47, 53, "LOC")])]);
        let pred = project(vec![doc("a", TEXT, &[(39, 43, "LOC"), (47, 53, "GPE")])]);
        let r = run(&gold, &pred, &Options::default());
        assert_eq!(r.entities.overall.overlap.tp, 0);
        let labels: Vec<&str> = r.entities.labels.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["GPE", "LOC"]);

        let merged = Options {
            merge: vec![vec!["GPE".into(), "LOC".into()]],
            ..Options::default()
        };
        let r = run(&gold, &pred, &merged);
        assert_eq!(r.entities.labels.len(), 1);
        let l = &r.entities.labels[0];
        assert_eq!((l.label.as_str(), l.gold, l.pred), ("GPE+LOC", 2, 2));
        assert!(close(l.exact.f1, 1.0));

        // --labels GPE keeps the whole GPE+LOC group; --labels PERSON keeps nothing.
        let only = Options {
            labels: Some(vec!["GPE".into()]),
            ..merged.clone()
        };
        assert_eq!(run(&gold, &pred, &only).entities.overall.gold, 2);
        let none = Options {
            labels: Some(vec!["PERSON".into()]),
            ..merged
        };
        let r = run(&gold, &pred, &none);
        assert_eq!(r.entities.overall.gold, 0);
        assert_eq!(r.entities.overall.exact.f1, None);
    }

    #[test]
    fn only_names_count_unless_all_mentions_are_asked_for() {
        let mut g = doc("a", TEXT, &[(0, 9, "PERSON")]);
        let mut he = Span::new(SpanId(9), CharRange::new(14, 18), "PERSON");
        he.mention = Mention::Pronoun;
        g.insert_span(he);
        let gold = project(vec![g]);
        let pred = project(vec![doc("a", TEXT, &[(0, 9, "PERSON")])]);
        let r = run(&gold, &pred, &Options::default());
        assert_eq!(
            (r.entities.overall.gold, r.entities.overall.exact.tp),
            (1, 1)
        );
        let all = Options {
            all_mentions: true,
            ..Options::default()
        };
        let r = run(&gold, &pred, &all);
        assert_eq!(r.entities.overall.gold, 2);
        assert!(close(r.entities.overall.exact.recall, 0.5));
    }

    #[test]
    fn documents_pair_by_name_and_need_the_same_text() {
        let gold = project(vec![
            doc("a", TEXT, &[]),
            doc("b", "Bee.", &[]),
            doc("c", "Sea.", &[]),
        ]);
        let pred = project(vec![
            doc("a", TEXT, &[]),
            doc("c", "Sea!", &[]),
            doc("d", "Dee.", &[]),
        ]);
        let d = run(&gold, &pred, &Options::default()).documents;
        assert_eq!(d.scored, 1);
        assert_eq!(d.only_in_gold, ["b"]);
        assert_eq!(d.only_in_pred, ["d"]);
        assert_eq!(d.different_text, ["c"]);
    }

    fn quote(id: u64, content: &[(usize, usize)], kind: QuoteKind) -> Quote {
        Quote {
            id: QuoteId(id),
            content: content.iter().map(|&r| r.into()).collect(),
            speaker: None,
            cue: None,
            kind,
            origin: Origin::Manual,
            attributes: Default::default(),
        }
    }

    #[test]
    fn quotes_match_on_thirty_percent_of_the_gold_and_score_kind_speaker_and_cue() {
        let mut text = "x".repeat(300);
        text.replace_range(250..262, "bARACK obama");
        // Gold: quote 1 = 0..100, said by span 1 (entity "Vladimir Putin"), cue 100..104;
        // quote 2 = 200..220, speaker only in a note ("Barack Obama").
        let mut g = doc("a", &text, &[(110, 115, "PERSON")]);
        g.spans[0].entity = Some(EntityId(1));
        let mut q1 = quote(1, &[(0, 100)], QuoteKind::Direct);
        q1.speaker = Some(SpanId(1));
        q1.cue = Some(CharRange::new(100, 104));
        g.quotes = vec![q1, quote(2, &[(200, 220)], QuoteKind::Indirect)];
        let mut gold = project(vec![g]);
        gold.entities.push(Entity {
            id: EntityId(1),
            name: "Vladimir Putin".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        // Predicted: 50..90 shares 40 of gold 1's 100 (at least 30%: a match), with the same
        // speaker span, unlinked, so its name is its text "xxxxx", and an overlapping cue;
        // 95..125 shares 5 with gold 1 (under 30%) and nothing else: spurious;
        // 205..212 shares 7 of gold 2's 20 (35%: a match) with the speaker span
        // "bARACK obama" (the note's name in another case) and the wrong kind.
        let mut p = doc("a", &text, &[(110, 115, "PERSON"), (250, 262, "PERSON")]);
        let mut p1 = quote(1, &[(50, 90)], QuoteKind::Direct);
        p1.speaker = Some(SpanId(1));
        p1.cue = Some(CharRange::new(101, 103));
        let mut p3 = quote(3, &[(205, 212)], QuoteKind::Direct);
        p3.speaker = Some(SpanId(2));
        p.quotes = vec![p1, quote(2, &[(95, 125)], QuoteKind::Direct), p3];
        let pred = project(vec![p]);

        let mut g_side = Annotations::new(&gold);
        g_side
            .speaker_notes
            .insert((DocId(1), QuoteId(2)), "Barack Obama".into());
        let r = evaluate(&g_side, &Annotations::new(&pred), &Options::default());
        let q = r.quotes.expect("quotes are scored");
        // gold 2, pred 3, matched 2: P = 2/3, R = 1, F1 = 4/5.
        assert_eq!((q.gold, q.pred, q.matched.tp), (2, 3, 2));
        assert!(close(q.matched.precision, 2.0 / 3.0));
        assert!(close(q.matched.recall, 1.0));
        assert!(close(q.matched.f1, 0.8));
        // Kind: right for the first, wrong for the second.
        assert_eq!((q.kind.correct, q.kind.total), (1, 2));
        // Speaker by name: gold 1 wants "Vladimir Putin", pred offers "xxxxx" (its text);
        // gold 2 wants "Barack Obama", pred offers "bARACK obama": 1 of 2.
        assert_eq!((q.speaker.correct, q.speaker.total), (1, 2));
        // Speaker mention: only gold 1 has one, and the predicted one is the same span.
        assert_eq!((q.speaker_mention.correct, q.speaker_mention.total), (1, 1));
        assert_eq!((q.cue.correct, q.cue.total), (1, 1));
    }

    #[test]
    fn a_project_against_itself_scores_one_everywhere() {
        let mut d = doc("a", TEXT, &[(0, 9, "PERSON"), (39, 43, "GPE")]);
        d.quotes = vec![quote(1, &[(10, 20)], QuoteKind::Mixed)];
        let p = project(vec![d]);
        let r = run(&p, &p, &Options::default());
        for l in r.entities.labels.iter().chain([&r.entities.overall]) {
            for s in [l.exact, l.overlap] {
                assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && close(s.f1, 1.0));
            }
        }
        let q = r.quotes.clone().expect("quotes");
        assert!(close(q.matched.f1, 1.0) && close(q.kind.accuracy, 1.0));
        assert_eq!(q.speaker.accuracy, None);
        let table = r.table();
        assert!(table.contains("overall"), "{table}");
        assert!(table.contains("1.000"), "{table}");
    }

    #[test]
    fn the_table_aligns_and_shows_missing_measures_as_a_dash() {
        let gold = project(vec![doc("a", TEXT, &[(0, 9, "PERSON")])]);
        let pred = project(vec![doc("a", TEXT, &[])]);
        let t = run(&gold, &pred, &Options::default()).table();
        let person = t
            .lines()
            .find(|l| l.starts_with("PERSON"))
            .expect("a PERSON row");
        let cells: Vec<&str> = person.split_whitespace().collect();
        assert_eq!(
            cells,
            [
                "PERSON", "1", "0", "-", "0.000", "0.000", "-", "0.000", "0.000"
            ]
        );
        let header = t.lines().find(|l| l.starts_with("label")).expect("header");
        assert_eq!(header.len(), person.len(), "{t}");
    }
}
