//! Inter-annotator agreement: how far two or more annotators' projects over the same documents
//! agree, per label and overall, over all documents and per document.
//!
//! **Documents** are paired by name. A document is compared when every annotator has it and all
//! the texts are equal (offsets mean nothing across different texts); the others are listed
//! (missing from whom, texts differ, name used twice — then the first is compared).
//!
//! **Spans** are an annotator's names (`Mention::Name`); pronoun and description mentions count
//! only with `Options::all_mentions`. Everything below is per label, and "overall" over all
//! labels together.
//!
//! - *Precision, recall, F1* for each pair of annotators (a, b), taking a as the reference:
//!   P = matched / b's spans, R = matched / a's spans, F1 = 2·matched / (a's + b's), which is
//!   the same whichever is the reference. *Exact*: same start, end and label. *Overlap*: same
//!   label, sharing at least one character. Matching is one to one: exact pairs first, then the
//!   rest greedily by characters shared, so overlap ≥ exact. Overall is micro-averaged (counts
//!   summed over labels). With more than two annotators the tables show the mean F1 over pairs.
//! - *Cohen's kappa* (two annotators) and *Fleiss' kappa* (more) on **token labels**: each
//!   document is cut into tokens by `text::tokenize` (words, numbers, possessives,
//!   punctuation), and each token gets, per annotator, the label of the span covering it, or
//!   "O" outside every span. A span covers a token when they share a character. Where spans
//!   nest or overlap, the **longest span wins** (then the one starting first, then the label
//!   set's order): the outermost annotation, as flat NER tags see it. Overall kappa uses every
//!   label and O as categories; a label's kappa is the two-category kappa of "this label" vs
//!   "anything else". Pairs of annotators also get Cohen's kappa when there are more than two.
//!   Tokens of all compared documents are pooled.
//! - *Krippendorff's α_U* for unitizing, per label on the code points of the documents, and
//!   overall as 1 − ΣD_o / ΣD_e over labels: see `unitizing` for the definition (Krippendorff
//!   1995, as computed in Krippendorff 2004).
//! - *Quotes*, per pair: two quotes match when their contents share at least 30% of each
//!   one's length (summed over its parts); pairs are taken one to one, most shared first.
//!   P, R, F1 count matched quotes. Of matched pairs: *same content* (identical ranges), *same
//!   speaker* (over pairs where either names one; the speaker mention's canonical entity name,
//!   else the mention's text, compared ignoring case and spacing), *same cue* (identical range,
//!   over pairs where either has a cue), *same kind*.
//!
//! - *Document categories* per scheme (Cohen's or Fleiss' kappa, Krippendorff's alpha nominal,
//!   percent agreement) and *attributes* on matched spans, quotes and entities: see `codes`.
//!
//! **Undefined values.** A measure whose denominator is zero is `None` — shown as "-" in tables
//! and `null` in JSON, never NaN or a made-up 0 or 1: F1 when neither annotator has a span,
//! kappa when every token has the same label for everyone (chance agreement 1, e.g. no spans at
//! all), α_U when nobody marked a unit. Identical projects with spans give F1 = κ = α_U = 1.
//! Fewer than two annotators, or no document that all of them share, is an error.

mod codes;
mod kappa;
mod measure;
mod quotes;
mod spans;
mod table;
pub use table::Cells;
mod unitizing;

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

pub use super::eval::Score;
pub use codes::{CodeAgreement, nominal};
pub use kappa::{Kappa, KappaMethod, cohen_kappa, fleiss_kappa, token_labels};
pub use unitizing::{AlphaU, Stretch, alpha_u, merge_overlaps};

use crate::model::{Document, Project};
use measure::{Prepared, measure};

/// One annotator's project and the name to show for it (e.g. its file name).
#[derive(Clone, Copy, Debug)]
pub struct Annotator<'a> {
    pub name: &'a str,
    pub project: &'a Project,
}

/// What to count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Count pronoun and description spans too, not only names.
    pub all_mentions: bool,
}

/// Why agreement cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    #[error("agreement needs the projects of at least two annotators, got {0}")]
    TooFewAnnotators(usize),
    #[error("{0} share no document (same name and same text in every project); nothing to compare")]
    NothingShared(String),
}

/// Agreed cases out of those counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Share {
    pub agreed: usize,
    pub total: usize,
    /// agreed / total; `None` when nothing was counted.
    pub rate: Option<f64>,
}

impl Share {
    fn new((agreed, total): (usize, usize)) -> Self {
        Self {
            agreed,
            total,
            rate: (total > 0).then(|| agreed as f64 / total as f64),
        }
    }
}

/// Everything `gloss agree` prints and the Agreement view shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The annotators' names, in the order given; `a` and `b` in pairs index this.
    pub annotators: Vec<String>,
    /// "names" or "all mentions".
    pub mentions: &'static str,
    pub documents: Documents,
    /// Over every compared document.
    pub overall: Agreement,
    /// One per compared document, in the first annotator's order.
    pub by_document: Vec<DocumentAgreement>,
    /// Document categories, per scheme used (see `codes`).
    pub categories: Vec<CodeAgreement>,
    /// Attributes of matched spans, quotes and entities, per attribute.
    pub attributes: Vec<CodeAgreement>,
}

/// Which documents were compared, and why the others were not.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Documents {
    pub compared: Vec<String>,
    pub missing: Vec<Missing>,
    /// Names every annotator has, with different texts.
    pub different_text: Vec<String>,
    /// Names used by more than one document in a project: the first is compared.
    pub repeated_names: Vec<String>,
}

/// A document some annotators lack.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Missing {
    pub document: String,
    /// The annotators (names) without it.
    pub missing_from: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentAgreement {
    pub document: String,
    pub agreement: Agreement,
}

/// Agreement over some documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// Tokens the kappas count.
    pub tokens: usize,
    /// Labels someone used here, in label-set order.
    pub labels: Vec<LabelAgreement>,
    /// All labels together (label "overall").
    pub overall: LabelAgreement,
    pub quotes: QuoteAgreement,
}

/// One label's agreement (or all labels', for "overall").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LabelAgreement {
    pub label: String,
    /// Spans per annotator.
    pub spans: Vec<usize>,
    /// Every pair of annotators (a < b).
    pub pairs: Vec<SpanPair>,
    /// Mean F1 over the pairs where it is defined.
    pub mean_f1_exact: Option<f64>,
    pub mean_f1_overlap: Option<f64>,
    /// Cohen's for two annotators, Fleiss' for more.
    pub kappa: Kappa,
    pub alpha_u: AlphaU,
}

/// Two annotators' span agreement; precision and recall take `a` as the reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanPair {
    pub a: usize,
    pub b: usize,
    pub exact: Score,
    pub overlap: Score,
    pub cohen: Kappa,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteAgreement {
    /// Quotes per annotator.
    pub quotes: Vec<usize>,
    pub pairs: Vec<QuotePair>,
}

/// Two annotators' quote agreement; precision and recall take `a` as the reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuotePair {
    pub a: usize,
    pub b: usize,
    pub matched: Score,
    pub same_content: Share,
    pub same_speaker: Share,
    pub same_cue: Share,
    pub same_kind: Share,
}

/// Compute the agreement of `annotators` (two or more).
pub fn agree(annotators: &[Annotator], options: &Options) -> Result<Report, AgreementError> {
    let m = annotators.len();
    if m < 2 {
        return Err(AgreementError::TooFewAnnotators(m));
    }
    let (documents, compared) = pair_documents(annotators);
    if compared.is_empty() {
        let names: Vec<&str> = annotators.iter().map(|a| a.name).collect();
        return Err(AgreementError::NothingShared(names.join(", ")));
    }
    let labels = label_order(annotators, &compared, options);
    let index: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let prepared: Vec<Prepared> = compared
        .iter()
        .map(|docs| Prepared::new(annotators, docs, &index, options))
        .collect();
    let overall = measure(&prepared, &labels, m);
    let by_document = prepared
        .iter()
        .map(|p| DocumentAgreement {
            document: p.name.to_string(),
            agreement: measure(std::slice::from_ref(p), &labels, m),
        })
        .collect();
    Ok(Report {
        annotators: annotators.iter().map(|a| a.name.to_string()).collect(),
        mentions: if options.all_mentions {
            "all mentions"
        } else {
            "names"
        },
        documents,
        overall,
        by_document,
        categories: codes::categories(annotators, &compared),
        attributes: codes::attributes(annotators, &compared),
    })
}

/// Pair documents by name across all annotators: the list for the report, and for each
/// compared document, every annotator's copy.
pub(in crate::app) fn pair_documents<'a>(
    annotators: &[Annotator<'a>],
) -> (Documents, Vec<Vec<&'a Document>>) {
    let mut documents = Documents::default();
    let mut repeated = BTreeSet::new();
    let mut order: Vec<&str> = Vec::new();
    let mut by_name: Vec<HashMap<&str, &Document>> = Vec::new();
    for a in annotators {
        let mut first = HashMap::new();
        for d in &a.project.documents {
            if first.contains_key(d.name.as_str()) {
                repeated.insert(d.name.clone());
                continue;
            }
            first.insert(d.name.as_str(), d);
            if !order.contains(&d.name.as_str()) {
                order.push(&d.name);
            }
        }
        by_name.push(first);
    }
    let mut compared = Vec::new();
    for name in order {
        let copies: Vec<Option<&Document>> = by_name.iter().map(|m| m.get(name).copied()).collect();
        if copies.iter().any(Option::is_none) {
            documents.missing.push(Missing {
                document: name.to_string(),
                missing_from: annotators
                    .iter()
                    .zip(&copies)
                    .filter(|(_, c)| c.is_none())
                    .map(|(a, _)| a.name.to_string())
                    .collect(),
            });
            continue;
        }
        let copies: Vec<&Document> = copies.into_iter().flatten().collect();
        if copies.iter().any(|d| d.text != copies[0].text) {
            documents.different_text.push(name.to_string());
            continue;
        }
        documents.compared.push(name.to_string());
        compared.push(copies);
    }
    documents.repeated_names = repeated.into_iter().collect();
    (documents, compared)
}

fn counts(options: &Options, s: &crate::model::Span) -> bool {
    options.all_mentions || s.mention.is_name()
}

/// Labels someone used in the compared documents: the label sets' order (first annotator's,
/// then the others'), then any label no set defines, alphabetically.
fn label_order(
    annotators: &[Annotator],
    compared: &[Vec<&Document>],
    options: &Options,
) -> Vec<String> {
    let used: BTreeSet<&str> = compared
        .iter()
        .flatten()
        .flat_map(|d| &d.spans)
        .filter(|s| counts(options, s))
        .map(|s| s.label.as_str())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let defined = annotators.iter().flat_map(|a| a.project.labels.names());
    for name in defined.chain(used.iter().copied()) {
        if used.contains(name) && !out.iter().any(|l| l == name) {
            out.push(name.to_string());
        }
    }
    out
}
