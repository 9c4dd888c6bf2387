//! Train the model's starting weights on a brat folder and write them to a file:
//! `cargo run --release --example train_model -- ../shared/train/wikigold assets/model/wikigold.bin`
//! (scripts/train_model.sh). Only entity `T` lines are read; quotes, cues and speakers are not
//! names. The stored quality is 5-fold cross-validation on the same folder (held-out folds).

use std::path::Path;
use std::time::Instant;

use gloss::matcher::model::{Lexicon, Model, TrainOptions, cross_validate};

#[path = "common/brat_names.rs"]
mod brat_names;
use brat_names::read_brat;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: train_model BRAT_FOLDER OUT.bin");
        std::process::exit(2);
    };
    let examples = match read_brat(Path::new(dir)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
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
