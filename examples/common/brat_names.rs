//! Shared by the model examples (`train_model`, `model_eval`): the entity names of a brat
//! folder as the model's examples. Not an example of its own.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use gloss::matcher::model::Example;

/// The documents of a brat folder, in name order: text and entity names (code points).
pub fn read_brat(dir: &Path) -> Result<Vec<Example>, String> {
    let mut anns: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut out = Vec::new();
    for ann in anns {
        let txt = ann.with_extension("txt");
        let text = std::fs::read_to_string(&txt).map_err(|e| format!("{}: {e}", txt.display()))?;
        let source =
            std::fs::read_to_string(&ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let mut names = Vec::new();
        for line in source.lines().filter(|l| l.starts_with('T')) {
            let mut cols = line.split('\t');
            let (Some(_), Some(mid)) = (cols.next(), cols.next()) else {
                continue;
            };
            let mut parts = mid.split(' ');
            let label = parts.next().unwrap_or("");
            if matches!(label, "Quote" | "Cue" | "Speaker" | "Quotation" | "") {
                continue;
            }
            let rest: Vec<usize> = mid[label.len()..]
                .split([' ', ';'])
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(&s), Some(&e)) = (rest.first(), rest.last()) {
                names.push((s, e, label.to_string()));
            }
        }
        names.sort();
        out.push(Example {
            text: Arc::from(text),
            names,
            rejected: Vec::new(),
        });
    }
    Ok(out)
}
