//! Time the steps of a big text import: reading the files, and applying them to a session as
//! one command (the journal write included) — the part that runs on the window's thread.
//!
//!     cargo run --release --example measure_import -- FOLDER [PROJECT.ron]

use std::time::Instant;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let folder = args
        .next()
        .ok_or("usage: measure_import FOLDER [PROJECT.ron]")?;
    let project = args
        .next()
        .unwrap_or_else(|| "/tmp/measure_import.ron".into());
    let t = Instant::now();
    let batch = gloss::io::text_import::read_paths(&[folder.into()]);
    println!(
        "read {} files in {:.0} ms",
        batch.files.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let path = std::path::PathBuf::from(project);
    gloss::io::project_file::save(&path, &gloss::model::Project::new("m"))
        .map_err(|e| e.to_string())?;
    let mut s = gloss::app::Session::open(&path).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let c = gloss::app::gestures::add_documents(&s.project, &batch.files).ok_or("nothing read")?;
    s.execute(c).map_err(|e| e.to_string())?;
    println!(
        "applied and journaled as one step in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    s.save().map_err(|e| e.to_string())?;
    println!("saved in {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    s.discard();
    Ok(())
}
