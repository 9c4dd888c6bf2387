//! Model predictions in other tools' files: Label Studio's `predictions` read as suggestions,
//! and pending suggestions written into exported tasks — as Label Studio `predictions` (one per
//! engine, each result with its score, `model_version` the engine) or as extra Prodigy `spans`
//! (each with `score` and `source`, the engines named in `meta`). Offsets in Label Studio are
//! UTF-16 code units, converted both ways; Gloss's are code points.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::IoError;
use crate::model::{Predicted, Prediction, Proposal, Suggestion, Symbol};

/// Score of a prediction that gives none (as for outside engines).
pub const DEFAULT_SCORE: f32 = 0.5;

/// One Label Studio task's text and the predictions on it.
#[derive(Debug)]
pub struct PredictedTask {
    /// `data.doc`, the name Gloss exports under, if there is one.
    pub name: Option<String>,
    pub text: String,
    pub predictions: Vec<Prediction>,
}

/// Every task of a Label Studio export (a JSON array, one task object, or JSON Lines) with its
/// predictions' labelled regions; `engine` names predictions without a `model_version`.
/// Results that are not labelled character regions (relations, choices) are counted in
/// `skipped` with their place.
pub fn read_label_studio(
    path: &Path,
    engine: &str,
    skipped: &mut Vec<String>,
) -> Result<Vec<PredictedTask>, IoError> {
    let bytes = std::fs::read(path).map_err(|source| IoError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let other = |message: String| IoError::Other {
        path: path.to_path_buf(),
        message,
    };
    let source = std::str::from_utf8(&bytes).map_err(|e| other(format!("not UTF-8: {e}")))?;
    let trimmed = source.trim_start_matches('\u{feff}').trim();
    let tasks: Vec<Value> = if trimmed.starts_with('[') {
        serde_json::from_str(trimmed).map_err(|e| other(format!("not a JSON array: {e}")))?
    } else {
        match serde_json::from_str::<Value>(trimmed) {
            Ok(v) => vec![v],
            Err(_) => trimmed
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| {
                    serde_json::from_str(l).map_err(|e| other(format!("line {}: {e}", i + 1)))
                })
                .collect::<Result<_, _>>()?,
        }
    };
    tasks
        .iter()
        .enumerate()
        .map(|(i, t)| read_task(t, engine, skipped).map_err(|m| other(format!("task {i}: {m}"))))
        .collect()
}

fn read_task(
    task: &Value,
    engine: &str,
    skipped: &mut Vec<String>,
) -> Result<PredictedTask, String> {
    let data = task.get("data").ok_or("no data object")?;
    let text = data
        .get("text")
        .and_then(Value::as_str)
        .ok_or("no data.text string")?;
    let name = data.get("doc").and_then(Value::as_str).map(str::to_string);
    let to_char = utf16_to_char(text);
    let mut out = Vec::new();
    let empty = Vec::new();
    let predictions = task
        .get("predictions")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    for (pi, p) in predictions.iter().enumerate() {
        let model = match p.get("model_version") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            _ => engine.to_string(),
        };
        let engine = Symbol::new(&model);
        let whole = p.get("score").and_then(Value::as_f64);
        let results = p.get("result").and_then(Value::as_array).unwrap_or(&empty);
        for (ri, r) in results.iter().enumerate() {
            let value = r.get("value");
            let labels = value
                .and_then(|v| v.as_object())
                .and_then(|v| v.iter().find(|(k, _)| k.to_lowercase().ends_with("labels")))
                .and_then(|(_, l)| l.as_array())
                .and_then(|l| l.first())
                .and_then(Value::as_str);
            let at = |k: &str| {
                value
                    .and_then(|v| v.get(k))
                    .and_then(Value::as_u64)
                    .and_then(|u| usize::try_from(u).ok())
            };
            let (Some(label), Some(s), Some(e)) = (labels, at("start"), at("end")) else {
                skipped.push(format!(
                    "prediction {pi} result {ri}: not a labelled text region; not read"
                ));
                continue;
            };
            let (Some(&start), Some(&end)) = (to_char.get(&s), to_char.get(&e)) else {
                return Err(format!(
                    "prediction {pi} result {ri}: {s}..{e} is not a range of UTF-16 units of the text"
                ));
            };
            if start >= end {
                return Err(format!("prediction {pi} result {ri}: empty range {s}..{e}"));
            }
            let score = r.get("score").and_then(Value::as_f64).or(whole);
            out.push(Prediction {
                what: Predicted::Span {
                    start,
                    end,
                    label: label.to_string(),
                },
                score: score.map_or(DEFAULT_SCORE, |x| x.clamp(0.0, 1.0) as f32),
                engine,
            });
        }
    }
    Ok(PredictedTask {
        name,
        text: text.to_string(),
        predictions: out,
    })
}

/// UTF-16 unit offset → code point offset, for every code point boundary.
fn utf16_to_char(text: &str) -> HashMap<usize, usize> {
    let mut out = HashMap::with_capacity(text.len() + 1);
    let mut u = 0;
    out.insert(0, 0);
    for (c, ch) in text.chars().enumerate() {
        u += ch.len_utf16();
        out.insert(u, c + 1);
    }
    out
}

/// Code point offset → UTF-16 units.
fn char_to_utf16(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut u = 0;
    out.push(0);
    for ch in text.chars() {
        u += ch.len_utf16();
        out.push(u);
    }
    out
}

/// The span suggestions among `found`, as (start, end, label, score, engine).
fn spans(found: &[Suggestion]) -> impl Iterator<Item = (usize, usize, &str, f32, &'static str)> {
    found.iter().filter_map(|s| match &s.proposal {
        Proposal::Span {
            start, end, label, ..
        } => Some((*start, *end, label.as_str(), s.score, s.engine.as_str())),
        Proposal::Quote { .. } => None,
    })
}

/// Add `found` to a Label Studio task as `predictions`, one per engine.
pub fn add_label_studio(task: &mut Value, text: &str, found: &[Suggestion], from: &str, to: &str) {
    let units = char_to_utf16(text);
    let mut by_engine: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (n, (s, e, label, score, engine)) in spans(found).enumerate() {
        let (Some(&us), Some(&ue)) = (units.get(s), units.get(e)) else {
            continue;
        };
        by_engine.entry(engine).or_default().push(json!({
            "id": format!("s{n}"),
            "from_name": from,
            "to_name": to,
            "type": "labels",
            "origin": "prediction",
            "value": {
                "start": us,
                "end": ue,
                "text": crate::text::slice_chars(text, s, e),
                "labels": [label],
            },
            "score": score,
        }));
    }
    let predictions: Vec<Value> = by_engine
        .into_iter()
        .map(|(engine, result)| {
            let scores: Vec<f64> = result
                .iter()
                .filter_map(|r| r.get("score").and_then(Value::as_f64))
                .collect();
            let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
            json!({"model_version": engine, "score": mean, "result": result})
        })
        .collect();
    if let Some(obj) = task.as_object_mut() {
        obj.insert("predictions".into(), Value::Array(predictions));
    }
}

/// Add `found` to a Prodigy task as spans (with `score` and `source`, and token indices when
/// the task has tokens), the engines listed in `meta.suggested_by`.
pub fn add_prodigy(task: &mut Value, found: &[Suggestion]) {
    let tokens: Vec<(usize, usize)> = task
        .get("tokens")
        .and_then(Value::as_array)
        .map(|t| {
            t.iter()
                .filter_map(|t| {
                    let n = |k| t.get(k).and_then(Value::as_u64).map(|u| u as usize);
                    Some((n("start")?, n("end")?))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut engines: Vec<&str> = Vec::new();
    let mut new_spans = Vec::new();
    for (s, e, label, score, engine) in spans(found) {
        let mut span = Map::new();
        span.insert("start".into(), json!(s));
        span.insert("end".into(), json!(e));
        span.insert("label".into(), json!(label));
        let first = tokens.iter().position(|t| t.0 <= s && s < t.1.max(t.0 + 1));
        let last = tokens.iter().rposition(|t| t.0 < e && e <= t.1);
        if let (Some(a), Some(b)) = (first, last) {
            span.insert("token_start".into(), json!(a));
            span.insert("token_end".into(), json!(b));
        }
        span.insert("score".into(), json!(score));
        span.insert("source".into(), json!(engine));
        new_spans.push(Value::Object(span));
        if !engines.contains(&engine) {
            engines.push(engine);
        }
    }
    let Some(obj) = task.as_object_mut() else {
        return;
    };
    match obj.get_mut("spans").and_then(Value::as_array_mut) {
        Some(list) => list.extend(new_spans),
        None => {
            obj.insert("spans".into(), Value::Array(new_spans));
        }
    }
    if !engines.is_empty() {
        let meta = obj.entry("meta").or_insert_with(|| json!({}));
        if let Some(m) = meta.as_object_mut() {
            m.insert("suggested_by".into(), json!(engines.join(", ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_read_as_code_points() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let task = r#"[{"data": {"text": "😀 Ana met Bo."}, "predictions": [{"model_version": "m1",
            "result": [{"type": "labels", "value": {"start": 3, "end": 6, "labels": ["PER"]}, "score": 0.8}]}]}]"#;
        std::fs::write(&path, task).unwrap();
        let mut skipped = Vec::new();
        let t = read_label_studio(&path, "p", &mut skipped).unwrap();
        assert_eq!(t[0].predictions[0].range(), (2, 5));
        assert_eq!(t[0].predictions[0].engine.as_str(), "m1");
        assert!(skipped.is_empty());
    }
}
