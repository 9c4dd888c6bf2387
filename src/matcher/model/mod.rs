//! The statistical engine ("model"): a structured averaged perceptron over the tokens of
//! `text::tokenize` with BILOU tags, Viterbi decoding under the BILOU constraints, hashed sparse
//! features (word forms, shapes, affixes, neighbours, line and sentence position, list hits as
//! features) and scores calibrated on held-out predictions. Pure Rust, no ML runtime.
//!
//! - `tags`: BILOU encoding and constraints; `decode`: Viterbi with max-marginal margins;
//!   `edges`: what a predicted name never starts or ends with;
//! - `lexicon`: what features look up; `word_table`: word clusters and capitalisation odds
//!   learnt from unannotated text; `features`: the features, hashed and in words;
//! - `perceptron`: the weights and their training; `calibrate`: margin → probability;
//! - `store`: the compact file form.
//!
//! A prediction's score is σ(a·m + b) of its margin m (how much worse the best tagging without
//! the span is), fitted on held-out predictions when the model is trained (an inner 3-fold
//! split of the training documents).

mod calibrate;
mod decode;
mod edges;
mod features;
mod lexicon;
mod perceptron;
mod reasons;
mod store;
mod tags;
mod word_table;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use calibrate::Platt;
use decode::viterbi;
use features::FeatureText;
pub use lexicon::Lexicon;
use perceptron::{Instance, SentenceFeatures, Weights};

pub use calibrate::reliability;

/// A word (in any case; a hyphenated one by its first part) whose lower-case form running text
/// writes capitalised at most one time in ten, by the bundled word table ("net", "revenue";
/// not "rose", six in ten, or "smith", nine): at a sentence's start or in capitals, a word,
/// not a name. False for a word the table does not know.
pub fn usually_lower(w: &str) -> bool {
    capitalised_tenths(w).is_some_and(|c| c <= 1)
}

/// Start reading the bundled word table (clusters and capitalisation odds) in the background,
/// so that it is ready, or nearly, when the first document needs it.
pub fn warm_up() {
    word_table::WordTable::warm_up();
}

/// How many times in ten running text writes `w` (in any case; a hyphenated one by its first
/// part) capitalised, by the bundled word table: 2 for "gold" and "steel", 6 for "rose".
/// `None` for a word the table does not know.
pub fn capitalised_tenths(w: &str) -> Option<u8> {
    let first = w.split(['-', '–']).next().unwrap_or(w);
    word_table::WordTable::bundled().capitalised_tenths(&first.to_lowercase())
}

pub const ENGINE: &str = "model";

/// The version of what a trained model is (its features and how it is trained): a cached
/// model of another version is retrained, not reused (2: word clusters, capitalisation odds
/// and parts of longer names elsewhere; 3: blended back towards the starting weights, see
/// [`BASE_NAMES`]; 4: blended back more).
pub const MODEL_VERSION: u32 = 4;

/// Predictions scoring below this are not returned.
pub const MIN_SCORE: f32 = 0.2;
/// The score from which a prediction counts in [`cross_validate`]'s precision and recall.
pub const SUGGEST_SCORE: f32 = 0.5;

/// The starting weights count as this many annotated names: trained from them on n names, a
/// model is `base + n / (n + BASE_NAMES) · (trained − base)`, so a first document (whose
/// unannotated paragraphs teach "not a name") does not undo what they know, and a project of
/// some thousand names is mostly its own. On the GUM curve blending lifted the model alone by
/// about 0.03 F1 from 1 to 12 documents; in the window, a document with 6 accepted names left
/// the model 8 findings in two articles before, 92 after. 250 rather than 100 since the
/// starting weights also learnt wire stories (193 documents then): on blind wire stories all
/// engines after 12 of 24 documents 0.872 F1 (0.851 with 100), GUM after 6/12/18 documents
/// 0.643/0.671/0.647 (0.644/0.660/0.637); 500 and more lost on GUM.
const BASE_NAMES: f32 = 250.0;

/// Documents held out in turn to calibrate a model being trained (when there are enough).
const CALIBRATION_FOLDS: usize = 3;
const MIN_CALIBRATION_DOCS: usize = 20;

const BUNDLED_BYTES: &[u8] = include_bytes!("../../../assets/model/wikigold.bin");

/// One fully annotated document: its names and the spans the user rejected (code points,
/// end-exclusive).
#[derive(Clone, Debug)]
pub struct Example {
    pub text: Arc<str>,
    pub names: Vec<(usize, usize, String)>,
    pub rejected: Vec<(usize, usize, String)>,
}

#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 8, seed: 1 }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quality {
    pub precision: f32,
    pub recall: f32,
    pub f1: f32,
    pub folds: usize,
    pub names: usize,
}

impl Quality {
    /// Precision, recall and F1 from `tp` right and `fp` wrong predictions against `gold`
    /// names (0 where there is nothing to divide by).
    pub fn from_counts(tp: usize, fp: usize, gold: usize, folds: usize) -> Self {
        let ratio = |a: usize, b: usize| if b > 0 { a as f32 / b as f32 } else { 0.0 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Quality {
            precision,
            recall,
            f1,
            folds,
            names: gold,
        }
    }
}

#[derive(Clone, Debug)]
pub struct ModelInfo {
    pub documents: usize,
    pub names: usize,
    pub labels: Vec<String>,
    pub base: Option<String>,
    pub quality: Option<Quality>,
}

#[derive(Clone, Debug)]
pub struct Prediction {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub score: f32,
    pub why: Vec<String>,
}

/// A trained model. Cloning shares the weights.
#[derive(Clone, Debug)]
pub struct Model {
    info: ModelInfo,
    platt: Platt,
    weights: Arc<Weights>,
}

/// A span found in a sentence: token range, label index, margin.
struct Found {
    start: usize,
    end: usize,
    label: usize,
    margin: f32,
}

/// Decode one sentence: its spans and margins.
fn decode_sentence(
    w: &Weights,
    tr: &decode::Transitions,
    feats: &SentenceFeatures,
    em: &mut Vec<f32>,
) -> (Vec<usize>, Vec<Found>) {
    let len = feats.len();
    w.emissions(feats.tokens(), em);
    let (path, margins) = viterbi(em, len, tr, true);
    if margins.is_empty() {
        return (path, Vec::new());
    }
    let found = tags::decode(&path)
        .into_iter()
        .map(|(s, e, l)| Found {
            start: s,
            end: e,
            label: l,
            margin: margins[s..e].iter().copied().fold(f32::INFINITY, f32::min),
        })
        .collect();
    (path, found)
}

/// Token range of a code-point range: the tokens it overlaps.
fn token_range(doc: &FeatureText, start: usize, end: usize) -> (usize, usize) {
    let a = doc.tokens.partition_point(|t| t.end <= start);
    let b = doc.tokens.partition_point(|t| t.start < end);
    (a, b.max(a))
}

/// A training document turned into sentences.
struct Prepared {
    instances: Vec<Instance>,
    /// Gold names as (token start, token end, label index) per sentence, sentence-relative.
    gold: Vec<Vec<(usize, usize, usize)>>,
}

fn prepare(
    ex: &Example,
    lexicon: &Lexicon,
    labels: &[String],
    bits: u32,
    doc_count: &HashMap<(String, String), usize>,
) -> Prepared {
    let text: &str = &ex.text;
    let own: Vec<(String, String)> = ex
        .names
        .iter()
        .map(|(s, e, l)| {
            (
                crate::text::slice_chars(text, *s, *e).to_string(),
                l.clone(),
            )
        })
        .collect();
    // A project string annotated only in this document is not evidence about this document
    // (it would always be right in training and teach the model to trust nothing else).
    let doc = FeatureText::with_filter(text, lexicon, |h| {
        !h.project || {
            let key = (h.text.to_string(), h.label.to_string());
            !(own.contains(&key) && doc_count.get(&key).copied().unwrap_or(0) <= 1)
        }
    });
    let label_of = |l: &str| labels.iter().position(|x| x == l);
    let names: Vec<(usize, usize, usize)> = ex
        .names
        .iter()
        .filter_map(|(s, e, l)| {
            let (a, b) = token_range(&doc, *s, *e);
            Some((a, b, label_of(l)?)).filter(|_| a < b)
        })
        .collect();
    let rejected: Vec<(usize, usize, usize)> = ex
        .rejected
        .iter()
        .filter_map(|(s, e, l)| {
            let (a, b) = token_range(&doc, *s, *e);
            Some((a, b, label_of(l)?)).filter(|_| a < b)
        })
        .collect();
    let mut out = Prepared {
        instances: Vec::new(),
        gold: Vec::new(),
    };
    for &(s, e) in &doc.sentences {
        let clip = |v: &[(usize, usize, usize)]| -> Vec<(usize, usize, usize)> {
            v.iter()
                .filter(|&&(a, b, _)| a < e && b > s)
                .map(|&(a, b, l)| (a.max(s) - s, b.min(e) - s, l))
                .collect()
        };
        let gold_names = clip(&names);
        let feats = SentenceFeatures::of(&doc, s, e, bits);
        out.instances.push(Instance {
            feats,
            gold: tags::encode(e - s, &gold_names),
            rejected: clip(&rejected),
        });
        out.gold.push(gold_names);
    }
    out
}

/// Labels of a model trained on `examples` from `base`: the base's first, then new ones sorted.
fn labels_for(examples: &[Example], base: Option<&Model>) -> Vec<String> {
    let mut labels: Vec<String> = base.map(|b| b.info.labels.clone()).unwrap_or_default();
    let mut new: Vec<String> = examples
        .iter()
        .flat_map(|e| e.names.iter().map(|n| n.2.clone()))
        .filter(|l| !labels.contains(l))
        .collect();
    new.sort();
    new.dedup();
    labels.extend(new);
    labels.truncate(63);
    labels
}

/// Starting weights: the base's, renumbered to `labels`, or zeros.
fn start_weights(labels: &[String], base: Option<&Model>) -> Weights {
    let n = tags::n_tags(labels.len());
    let mut bits = perceptron::bits_for(n);
    match base {
        Some(b) => {
            bits = bits.min(b.weights.bits);
            let map: Vec<usize> = (0..b.weights.n)
                .map(|t| match tags::split(t) {
                    None => tags::O,
                    Some((l, p)) => {
                        let new = labels
                            .iter()
                            .position(|x| *x == b.info.labels[l])
                            .unwrap_or(0);
                        tags::tag(new, p)
                    }
                })
                .collect();
            b.weights.remap(&map, n, bits)
        }
        None => Weights::zeros(n, bits),
    }
}

/// (margin, right) for every span the weights find in the held-out prepared documents, and
/// the gold count.
fn held_out_margins(w: &Weights, docs: &[&Prepared]) -> Vec<(f32, bool)> {
    let tr = w.transitions();
    let mut em = Vec::new();
    let mut out = Vec::new();
    for d in docs {
        for (inst, gold) in d.instances.iter().zip(&d.gold) {
            let (_, found) = decode_sentence(w, &tr, &inst.feats, &mut em);
            for f in found {
                out.push((f.margin, gold.contains(&(f.start, f.end, f.label))));
            }
        }
    }
    out
}

/// Examples made ready to train on: labels, the starting weights, and the documents turned into
/// sentences of features — once, for the model and for its calibration's trainings alike.
pub struct Training<'a> {
    examples: &'a [Example],
    base: Option<&'a Model>,
    labels: Vec<String>,
    start: Weights,
    prepared: Vec<Prepared>,
}

impl<'a> Training<'a> {
    pub fn new(examples: &'a [Example], lexicon: &Lexicon, base: Option<&'a Model>) -> Self {
        let labels = labels_for(examples, base);
        let start = start_weights(&labels, base);
        let mut doc_count: HashMap<(String, String), usize> = HashMap::new();
        for ex in examples {
            let mut seen: Vec<(String, String)> = ex
                .names
                .iter()
                .map(|(s, e, l)| {
                    (
                        crate::text::slice_chars(&ex.text, *s, *e).to_string(),
                        l.clone(),
                    )
                })
                .collect();
            seen.sort();
            seen.dedup();
            for k in seen {
                *doc_count.entry(k).or_default() += 1;
            }
        }
        let prepared = examples
            .iter()
            .map(|ex| prepare(ex, lexicon, &labels, start.bits, &doc_count))
            .collect();
        Training {
            examples,
            base,
            labels,
            start,
            prepared,
        }
    }

    /// Weights trained on the documents `keep` admits (by index): from the start weights, and
    /// from a base blended back towards it by the names they hold (see [`BASE_NAMES`]).
    fn weights(&self, options: &TrainOptions, seed: u64, keep: impl Fn(usize) -> bool) -> Weights {
        let data: Vec<&Instance> = self
            .prepared
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .flat_map(|(_, p)| &p.instances)
            .collect();
        let mut weights = perceptron::train(&data, self.start.clone(), options.epochs, seed);
        if self.base.is_some() {
            let names = self
                .examples
                .iter()
                .enumerate()
                .filter(|(i, _)| keep(*i))
                .map(|(_, e)| e.names.len())
                .sum::<usize>() as f32;
            weights.blend_from(&self.start, names / (names + BASE_NAMES));
        }
        weights
    }

    /// The model trained on every document, scored with the calibration of `like` (the model
    /// it replaces, trained on almost the same documents), else the base's; [`Training::calibrate`]
    /// fits its own, which costs three more trainings.
    pub fn model(&self, options: &TrainOptions, like: Option<&Model>) -> Model {
        let weights = self.weights(options, options.seed, |_| true);
        let base = self.base;
        Model {
            info: ModelInfo {
                documents: self.examples.len(),
                names: self.examples.iter().map(|e| e.names.len()).sum(),
                labels: self.labels.clone(),
                base: base.map(|b| {
                    format!(
                        "starting weights ({} documents, {} names)",
                        b.info.documents, b.info.names
                    )
                }),
                quality: None,
            },
            platt: like.or(base).map_or(Platt::default(), |m| m.platt),
            weights: Arc::new(weights),
        }
    }

    /// Fit `model`'s calibration (the model trained on these documents) on held-out
    /// predictions: the documents in [`CALIBRATION_FOLDS`] folds, each predicted by weights
    /// trained — and blended towards the base — as the model was, on the others. With fewer
    /// than [`MIN_CALIBRATION_DOCS`] documents the base's calibration is taken. Nothing changes
    /// when `stop` says so between folds; returns whether it finished.
    pub fn calibrate(
        &self,
        model: &mut Model,
        options: &TrainOptions,
        stop: &dyn Fn() -> bool,
    ) -> bool {
        if self.examples.len() < MIN_CALIBRATION_DOCS {
            model.platt = self.base.map_or(Platt::default(), |b| b.platt);
            return true;
        }
        let mut points = Vec::new();
        for fold in 0..CALIBRATION_FOLDS {
            if stop() {
                return false;
            }
            let w = self.weights(options, options.seed ^ fold as u64, |i| {
                i % CALIBRATION_FOLDS != fold
            });
            let held: Vec<&Prepared> = self
                .prepared
                .iter()
                .enumerate()
                .filter(|(i, _)| i % CALIBRATION_FOLDS == fold)
                .map(|(_, p)| p)
                .collect();
            points.extend(held_out_margins(&w, &held));
        }
        model.platt = Platt::fit(&points);
        true
    }
}

impl Model {
    /// The starting weights shipped in assets/model/ (trained on WikiGold and this repository's
    /// wire stories), or None if they
    /// fail to load.
    pub fn bundled() -> Option<Model> {
        static BUNDLED: OnceLock<Option<Model>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| Model::from_bytes(BUNDLED_BYTES).ok())
            .clone()
    }

    /// Train on examples (names only: the caller leaves out pronoun/description mentions).
    /// `base`: starting weights to continue from; its labels are kept. Calibrated on an inner
    /// split when there are enough documents (see [`Training::calibrate`]).
    pub fn train(
        examples: &[Example],
        lexicon: &Lexicon,
        base: Option<&Model>,
        options: &TrainOptions,
    ) -> Model {
        let training = Training::new(examples, lexicon, base);
        let mut model = training.model(options, None);
        training.calibrate(&mut model, options, &|| false);
        model
    }

    /// Names found in `text`, code-point offsets end-exclusive, score = calibrated probability
    /// (at least [`MIN_SCORE`]), `why` = the features that weighed most, in words.
    pub fn predict(&self, text: &str, lexicon: &Lexicon) -> Vec<Prediction> {
        self.predict_on(text, lexicon, 1)
    }

    /// [`Model::predict`] with the sentences decoded by `threads` threads (a long document:
    /// the features of the whole text are computed once, then sentences are handed out in
    /// blocks). Sentences are decoded independently, so the result is the same whatever the
    /// number of threads.
    pub fn predict_on(&self, text: &str, lexicon: &Lexicon, threads: usize) -> Vec<Prediction> {
        self.predict_map(text, lexicon, threads, Some)
    }

    /// [`Model::predict_on`], each prediction turned into what the caller needs (or dropped)
    /// by `map` on the decoding threads, in text order.
    pub fn predict_map<T: Send>(
        &self,
        text: &str,
        lexicon: &Lexicon,
        threads: usize,
        map: impl Fn(Prediction) -> Option<T> + Sync,
    ) -> Vec<T> {
        let doc = FeatureText::new(text, lexicon);
        let tr = self.weights.transitions();
        const BLOCK: usize = 256;
        let blocks = doc.sentences.len().div_ceil(BLOCK);
        let threads = threads.clamp(1, blocks.max(1));
        let block = |sents: &[(usize, usize)]| -> Vec<T> {
            self.predict_sentences(&doc, &tr, sents)
                .into_iter()
                .filter_map(&map)
                .collect()
        };
        if threads == 1 {
            return block(&doc.sentences);
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut parts: Vec<(usize, Vec<T>)> = std::thread::scope(|scope| {
            let work = || {
                let mut mine = Vec::new();
                loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(sents) = doc.sentences.chunks(BLOCK).nth(k) else {
                        break;
                    };
                    mine.push((k, block(sents)));
                }
                mine
            };
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut all = work();
            for h in helpers {
                // A helper that panicked has the same bug this thread would hit: re-raise it.
                match h.join() {
                    Ok(v) => all.extend(v),
                    Err(e) => std::panic::resume_unwind(e),
                }
            }
            all
        });
        parts.sort_by_key(|(k, _)| *k);
        parts.into_iter().flat_map(|(_, v)| v).collect()
    }

    /// The predictions in these sentences of `doc`, in text order.
    fn predict_sentences(
        &self,
        doc: &FeatureText,
        tr: &decode::Transitions,
        sentences: &[(usize, usize)],
    ) -> Vec<Prediction> {
        let w = &*self.weights;
        let mut em = Vec::new();
        let mut out = Vec::new();
        let mut reasons = reasons::Reasons::default();
        for &(s, e) in sentences {
            let feats = SentenceFeatures::of(doc, s, e, w.bits);
            let (path, found) = decode_sentence(w, tr, &feats, &mut em);
            for f in found {
                let score = self.platt.prob(f.margin);
                if score < MIN_SCORE {
                    continue;
                }
                let Some((a, b)) =
                    edges::name_edges(doc.text, &doc.tokens, s, s + f.start, s + f.end)
                else {
                    continue;
                };
                // No person's name holds a number: "Roma 0 Lazio" in a results table is two
                // clubs and a score.
                if self.info.labels.get(f.label).is_some_and(|l| l == "PERSON")
                    && doc.tokens[a..b]
                        .iter()
                        .any(|t| t.kind == crate::text::TokenKind::Number)
                {
                    continue;
                }
                out.push(Prediction {
                    start: doc.tokens[a].start,
                    end: doc.tokens[b - 1].end,
                    label: self.info.labels.get(f.label).cloned().unwrap_or_default(),
                    score,
                    why: self.explain(doc, (s, e), (a, b), &path[a - s..b - s], &mut reasons),
                });
            }
        }
        out
    }

    /// The two or three features that pushed tokens `a..b` hardest towards their tags rather
    /// than O.
    fn explain(
        &self,
        doc: &FeatureText,
        (s, e): (usize, usize),
        (a, b): (usize, usize),
        path: &[usize],
        reasons: &mut reasons::Reasons,
    ) -> Vec<String> {
        let w = &*self.weights;
        let n = w.n;
        reasons.clear();
        // One buffer for every description.
        let mut d = String::new();
        for (i, &y) in (a..b).zip(path) {
            doc.features(i, s, e, &mut |t, k, aux| {
                let slot = perceptron::slot(w.bits, t, k) as usize;
                let c = w.emit[slot * n + y] - w.emit[slot * n + tags::O];
                if c > 0.0 && doc.describe_into(t, aux, i, s, e, &mut d).is_some() {
                    reasons.add(&d, c);
                }
            });
        }
        reasons.top(3)
    }

    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Whether `other` makes the same predictions: the same weights (shared, not equal by
    /// value), labels and calibration — a model that only gained its measured quality.
    pub fn predicts_as(&self, other: &Model) -> bool {
        Arc::ptr_eq(&self.weights, &other.weights)
            && self.platt == other.platt
            && self.info.labels == other.info.labels
    }

    pub fn set_quality(&mut self, q: Quality) {
        self.info.quality = Some(q);
    }

    /// The calibration σ(a·m + b) as (a, b), for diagnostics.
    pub fn calibration(&self) -> (f32, f32) {
        (self.platt.a, self.platt.b)
    }

    /// Bytes the weights take in memory.
    pub fn memory(&self) -> usize {
        let w = &*self.weights;
        (w.emit.len() + w.trans.len() + w.start.len() + w.end.len()) * 4
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        store::to_bytes(&self.info, self.platt, &self.weights)
    }

    /// A model from [`Model::to_bytes`]; an error (never a panic) on anything else.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let (info, platt, weights) = store::from_bytes(bytes)?;
        Ok(Model {
            info,
            platt,
            weights: Arc::new(weights),
        })
    }
}

/// How many folds `folds` asks for over `n` examples: at least two, at most one per example.
fn fold_count(folds: usize, n: usize) -> usize {
    folds.clamp(2, n.max(2))
}

/// Each example's predictions by a model trained (from `base`) on the other folds: example i is
/// in fold i % folds. Project strings annotated only in held-out documents are taken out of the
/// lexicon for that fold.
pub fn held_out_predictions(
    examples: &[Example],
    lexicon: &Lexicon,
    base: Option<&Model>,
    folds: usize,
    options: &TrainOptions,
) -> Vec<Vec<Prediction>> {
    held_out_predictions_until(examples, lexicon, base, folds, options, &|| false)
        .unwrap_or_default()
}

/// [`held_out_predictions`], given up (None) when `stop` says so between folds.
fn held_out_predictions_until(
    examples: &[Example],
    lexicon: &Lexicon,
    base: Option<&Model>,
    folds: usize,
    options: &TrainOptions,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<Vec<Prediction>>> {
    let folds = fold_count(folds, examples.len());
    let mut out = vec![Vec::new(); examples.len()];
    for fold in 0..folds {
        if stop() {
            return None;
        }
        let train: Vec<Example> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, e)| e.clone())
            .collect();
        if train.is_empty() {
            continue;
        }
        let known: std::collections::HashSet<(String, String)> = train
            .iter()
            .flat_map(|ex| {
                ex.names.iter().map(|(s, e, l)| {
                    (
                        crate::text::slice_chars(&ex.text, *s, *e).to_string(),
                        l.clone(),
                    )
                })
            })
            .collect();
        let held_names: std::collections::HashSet<(String, String)> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
            .flat_map(|(_, ex)| {
                ex.names.iter().map(|(s, e, l)| {
                    (
                        crate::text::slice_chars(&ex.text, *s, *e).to_string(),
                        l.clone(),
                    )
                })
            })
            .filter(|k| !known.contains(k))
            .collect();
        let lx = lexicon.without(&held_names);
        // `Model::train`, with `stop` asked between its calibration's trainings too.
        let training = Training::new(&train, &lx, base);
        let mut model = training.model(options, None);
        if !training.calibrate(&mut model, options, stop) {
            return None;
        }
        for (i, ex) in examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
        {
            out[i] = model.predict(&ex.text, &lx);
        }
    }
    Some(out)
}

/// Precision, recall and F1 of predictions scoring at least [`SUGGEST_SCORE`], exact match on
/// (start, end, label).
pub fn score(examples: &[Example], predictions: &[Vec<Prediction>], folds: usize) -> Quality {
    let (mut tp, mut fp, mut gold) = (0usize, 0usize, 0usize);
    for (ex, preds) in examples.iter().zip(predictions) {
        gold += ex.names.len();
        for p in preds.iter().filter(|p| p.score >= SUGGEST_SCORE) {
            if ex
                .names
                .iter()
                .any(|(s, e, l)| *s == p.start && *e == p.end && *l == p.label)
            {
                tp += 1;
            } else {
                fp += 1;
            }
        }
    }
    Quality::from_counts(tp, fp, gold, folds)
}

/// k-fold cross-validation on the examples (each fold trained with `base`), predictions scored
/// exact-match on (start, end, label).
pub fn cross_validate(
    examples: &[Example],
    lexicon: &Lexicon,
    base: Option<&Model>,
    folds: usize,
    options: &TrainOptions,
) -> Quality {
    let preds = held_out_predictions(examples, lexicon, base, folds, options);
    score(examples, &preds, fold_count(folds, examples.len()))
}

/// [`cross_validate`], given up (None) when `stop` says so between trainings.
pub fn cross_validate_until(
    examples: &[Example],
    lexicon: &Lexicon,
    base: Option<&Model>,
    folds: usize,
    options: &TrainOptions,
    stop: &dyn Fn() -> bool,
) -> Option<Quality> {
    let preds = held_out_predictions_until(examples, lexicon, base, folds, options, stop)?;
    Some(score(examples, &preds, fold_count(folds, examples.len())))
}

#[cfg(test)]
mod tests;
