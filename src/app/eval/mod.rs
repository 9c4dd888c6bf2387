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

/// A side of a comparison read from brat files in memory (see [`read_brat`]).
#[derive(Debug)]
pub struct BratSide {
    /// The documents, labels and entities, as an import into an empty project would add them.
    pub project: Project,
    /// Speakers that only `speaker=` notes name.
    pub speaker_notes: SpeakerNotes,
    /// Annotations Gloss cannot hold, one line each (file and line named).
    pub skipped: Vec<String>,
}

/// Whether `path` names brat files (a folder, or an `.ann` file) rather than a project.
pub fn is_brat(path: &std::path::Path) -> bool {
    path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ann"))
}

/// Read the brat files at `path` into a new project called `name`, keeping the speakers that
/// only their notes name, which a project file cannot record. All or nothing: `Err` lists
/// every error.
pub fn read_brat(
    path: &std::path::Path,
    name: String,
) -> Result<BratSide, Vec<crate::io::IoError>> {
    let mut project = Project::new(name);
    let import =
        crate::io::brat::read_paths(&[path.to_path_buf()], &project).map_err(|r| r.errors)?;
    let speaker_notes = import
        .documents
        .iter()
        .flat_map(|d| {
            d.speaker_notes
                .iter()
                .map(|(q, name)| ((d.document.id, *q), name.clone()))
        })
        .collect();
    if let Some(command) = super::formats::brat_command(&project, &import) {
        command.apply(&mut project).map_err(|e| {
            vec![crate::io::IoError::Other {
                path: path.to_path_buf(),
                message: e.to_string(),
            }]
        })?;
    }
    Ok(BratSide {
        project,
        speaker_notes,
        skipped: import.skipped.iter().map(ToString::to_string).collect(),
    })
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
/// Characters `a` and `b` share.
pub(super) fn shared(a: CharRange, b: CharRange) -> usize {
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
                candidates.push((w, i, j));
            }
        }
    }
    heaviest_first(candidates, used_g, used_p)
}

/// Take candidate pairs `(weight, i, j)` heaviest first (ties by `i`, then `j`), each `i` and
/// each `j` at most once; returns the pairs taken.
pub(super) fn heaviest_first(
    mut candidates: Vec<(usize, usize, usize)>,
    used_a: &mut [bool],
    used_b: &mut [bool],
) -> Vec<(usize, usize)> {
    candidates.sort_by_key(|&(w, i, j)| (std::cmp::Reverse(w), i, j));
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
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
pub(super) fn content(q: &Quote) -> Vec<CharRange> {
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

/// Characters two quotes' contents share.
pub(super) fn content_shared(a: &[CharRange], b: &[CharRange]) -> usize {
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

pub(super) fn num(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.3}")).unwrap_or_else(|| "-".into())
}

/// Cells padded to their column's width, two spaces apart; the first column left-aligned, the
/// others right-aligned.
pub(super) fn table(rows: &[Vec<String>]) -> String {
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
mod tests;
