//! Train the model's starting weights and write them to a file:
//! `cargo run --release --example train_model -- assets/model/wikigold.bin
//! ../shared/train/wikigold projects/wire.ron` (scripts/train_model.sh). Each source is a brat
//! folder (only entity `T` lines are read; quotes, cues and speakers are not names) or a Gloss
//! project, whose name mentions (not pronouns or descriptions) are read as the app's learner
//! reads them, with the news labels put in WikiGold's CoNLL-style scheme (`to_conll`).
//! The stored quality is 5-fold cross-validation on all the sources (held-out folds).

use std::path::Path;
use std::time::Instant;

use gloss::app::learning;
use gloss::io::project_file::load;
use gloss::matcher::model::{Example, Lexicon, Model, TrainOptions, cross_validate};

#[path = "common/brat_names.rs"]
mod brat_names;
use brat_names::read_brat;

/// The news labels of a project in WikiGold's scheme: places are GPE, nationalities, groups,
/// events and everything else MISC.
fn to_conll(label: &str) -> &'static str {
    match label {
        "PERSON" => "PERSON",
        "ORG" => "ORG",
        "GPE" | "LOC" | "FAC" => "GPE",
        _ => "MISC",
    }
}

/// The examples of one source: a brat folder, or a project file (`.ron`).
fn read_source(path: &Path) -> Result<Vec<Example>, String> {
    if path.extension().is_some_and(|x| x == "ron") {
        let project = load(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut examples = learning::examples(&project);
        for ex in &mut examples {
            for name in &mut ex.names {
                name.2 = to_conll(&name.2).to_string();
            }
            for r in &mut ex.rejected {
                r.2 = to_conll(&r.2).to_string();
            }
        }
        Ok(examples)
    } else {
        read_brat(path)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, sources)) = args.split_first().filter(|(_, s)| !s.is_empty()) else {
        eprintln!("usage: train_model OUT.bin SOURCE...  (a brat folder or a .ron project each)");
        std::process::exit(2);
    };
    let mut examples = Vec::new();
    for source in sources {
        match read_source(Path::new(source)) {
            Ok(e) => {
                eprintln!("{source}: {} documents", e.len());
                examples.extend(e);
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    let lexicon = Lexicon::bundled();
    let options = TrainOptions::default();
    let t = Instant::now();
    let quality = cross_validate(&examples, &lexicon, None, 5, &options);
    eprintln!(
        "5-fold cross-validation: P {:.3} R {:.3} F1 {:.3} ({} names) in {:.1} s",
        quality.precision,
        quality.recall,
        quality.f1,
        quality.names,
        t.elapsed().as_secs_f32()
    );
    let t = Instant::now();
    let mut model = Model::train(&examples, &lexicon, None, &options);
    model.set_quality(quality);
    let bytes = model.to_bytes();
    eprintln!(
        "trained on {} documents, {} names, labels {:?} in {:.2} s; {} bytes",
        model.info().documents,
        model.info().names,
        model.info().labels,
        t.elapsed().as_secs_f32(),
        bytes.len()
    );
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
}
