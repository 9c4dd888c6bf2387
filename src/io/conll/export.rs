//! CoNLL export: IOB2 lines per token, sentences and documents (rules in the `io::conll` doc).

use std::collections::BTreeSet;
use std::io::Write;

use super::DOCSTART;
use crate::io::interchange::ExportReport;
use crate::io::tokens::{column_safe, flatten, pieces_of, quoted, trim};
use crate::model::{Document, Mention, Project};
use crate::text::{plural, sentences, tokenize};

/// How many columns an exported line has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Columns {
    /// `TOKEN<TAB>TAG`.
    #[default]
    Two,
    /// `TOKEN -X- _ TAG`, space-separated, CoNLL-2003's shape without its POS and chunk tags.
    Four,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Only names with these labels (all labels when `None`).
    pub labels: Option<Vec<String>>,
    /// Write `-DOCSTART- -X- O O` and a blank line before each document.
    pub docstart: bool,
    pub columns: Columns,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            labels: None,
            docstart: true,
            columns: Columns::Two,
        }
    }
}

impl Options {
    fn selects(&self, label: &str) -> bool {
        crate::io::interchange::selected(&self.labels, label)
    }
}

/// What CoNLL leaves out by design, counted over an export for one summary line.
#[derive(Default)]
pub(super) struct Unsaid {
    quotes: usize,
    quote_docs: usize,
    mentions: usize,
    links: usize,
    renamed: BTreeSet<String>,
}

impl Unsaid {
    fn summary(&self, lost: &mut Vec<String>) {
        for label in &self.renamed {
            lost.push(format!(
                "label {label:?} is written as {:?}: a CoNLL column cannot hold white space",
                column_safe(label)
            ));
        }
        let mut parts = Vec::new();
        if self.quotes > 0 {
            parts.push(format!(
                "{} quote{} in {} document{}",
                self.quotes,
                plural(self.quotes),
                self.quote_docs,
                plural(self.quote_docs)
            ));
        }
        if self.mentions > 0 {
            parts.push(format!(
                "{} pronoun or description mention{}",
                self.mentions,
                plural(self.mentions)
            ));
        }
        if self.links > 0 {
            parts.push(format!("{} entity link{}", self.links, plural(self.links)));
        }
        if !parts.is_empty() {
            lost.push(format!(
                "{} not exported: CoNLL holds entity names and their labels only",
                parts.join(", ")
            ));
        }
    }
}

/// Write `docs` as one CoNLL stream. The report counts documents and names written and has a
/// line for everything left out or changed (overlapping names, white-space-only spans, renamed
/// labels, and a summary of what CoNLL cannot hold).
pub fn write<'a, W: Write>(
    _project: &Project,
    docs: impl IntoIterator<Item = &'a Document>,
    options: &Options,
    mut out: W,
) -> std::io::Result<ExportReport> {
    let mut report = ExportReport::default();
    let mut unsaid = Unsaid::default();
    let mut buf = String::new();
    for doc in docs {
        buf.clear();
        render(doc, options, &mut buf, &mut report, &mut unsaid);
        out.write_all(buf.as_bytes())?;
    }
    out.flush()?;
    unsaid.summary(&mut report.left_out);
    Ok(report)
}

/// One document's lines, appended to `out`.
pub(super) fn render(
    doc: &Document,
    options: &Options,
    out: &mut String,
    report: &mut ExportReport,
    unsaid: &mut Unsaid,
) {
    let name = &doc.name;
    report.documents += 1;
    let mut names = Vec::new();
    let n_quotes = doc.quotes.len();
    unsaid.quotes += n_quotes;
    unsaid.quote_docs += usize::from(n_quotes > 0);
    for s in &doc.spans {
        if !options.selects(&s.label) {
            continue;
        }
        if s.mention != Mention::Name {
            unsaid.mentions += 1;
            continue;
        }
        unsaid.links += usize::from(s.entity.is_some());
        match trim(doc, s.range()) {
            Some(r) => names.push((r, s)),
            None => report.left_out.push(format!(
                "{name}: {} {} {} is only white space; not exported",
                s.range(),
                s.label,
                quoted(doc, s.range())
            )),
        }
    }
    let (kept, dropped) = flatten(names);
    for (r, s, by) in dropped {
        let by_label = kept
            .iter()
            .find(|(k, _)| *k == by)
            .map(|(_, k)| k.label.as_str())
            .unwrap_or_default();
        report.left_out.push(format!(
            "{name}: {r} {} {} overlaps {by} {by_label} {} (kept); CoNLL is flat, so it is not exported",
            s.label,
            quoted(doc, r),
            quoted(doc, by)
        ));
    }
    report.spans += kept.len();
    for (_, s) in &kept {
        if column_safe(&s.label) != s.label {
            unsaid.renamed.insert(s.label.to_string());
        }
    }

    let text = &*doc.text;
    let tokens = tokenize(text);
    let cuts: BTreeSet<usize> = kept.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    let pieces = pieces_of(text, &tokens, &cuts);
    let sents = sentences(text, &tokens);
    let mut sentence_of = vec![0; tokens.len()];
    for (k, &(a, b)) in sents.iter().enumerate() {
        for s in &mut sentence_of[a..b] {
            *s = k;
        }
    }
    // A sentence may not end inside a name: join the sentences a name crosses.
    let mut joined = vec![false; sents.len()];
    {
        let mut at = 0;
        for (r, _) in &kept {
            while at < pieces.len() && pieces[at].end <= r.start {
                at += 1;
            }
            let first = at;
            let mut last = at;
            while last + 1 < pieces.len() && pieces[last + 1].start < r.end {
                last += 1;
            }
            if first < pieces.len() {
                let (a, b) = (
                    sentence_of[pieces[first].token],
                    sentence_of[pieces[last].token],
                );
                for j in &mut joined[a..b] {
                    *j = true;
                }
            }
        }
    }

    if options.docstart {
        out.push_str(DOCSTART);
        out.push_str("\n\n");
    }
    if pieces.is_empty() {
        if !text.is_empty() {
            report
                .left_out
                .push(format!("{name}: only white space; no tokens to write"));
        }
        return;
    }
    let mut ent = kept.iter().peekable();
    for (i, p) in pieces.iter().enumerate() {
        while ent.peek().is_some_and(|(r, _)| r.end <= p.start) {
            ent.next();
        }
        let tag = match ent.peek() {
            Some((r, s)) if r.start <= p.start => {
                let prefix = if r.start == p.start { "B" } else { "I" };
                format!("{prefix}-{}", column_safe(&s.label))
            }
            _ => "O".to_string(),
        };
        out.push_str(p.text(text));
        out.push_str(match options.columns {
            Columns::Two => "\t",
            Columns::Four => " -X- _ ",
        });
        out.push_str(&tag);
        out.push('\n');
        let sentence = sentence_of[p.token];
        let ends = match pieces.get(i + 1) {
            None => true,
            Some(next) => sentence_of[next.token] != sentence && !joined[sentence],
        };
        if ends {
            out.push('\n');
        }
    }
}
