//! Categories and attributes in Label Studio tasks (`io::label_studio`), as `<Choices>` results.
//!
//! - A document's categories: one result per scheme, `{"from_name": SCHEME, "to_name": "text",
//!   "type": "choices", "value": {"choices": [values]}}` — a `<Choices name=SCHEME>` tag, with
//!   `choice="multiple"` for a multiple-choice scheme (see `io::label_studio::config`).
//! - Attributes of a span or a quote: a per-region result on the span's region, or the quote's
//!   first part's, with the region's id: `{"id": "s3", "from_name": "span.role", "type":
//!   "choices", "value": {"start", "end", "text", "choices": ["mayor"]}}`; `quote.topic` for a
//!   quote. A free-text attribute (no value list) is a per-region `textarea` instead, its value
//!   in `value.text` as a one-item list. Control names are `span.NAME` and `quote.NAME`, so
//!   they cannot clash with a scheme's (schemes' names are plain) — a scheme named like
//!   `span.x` would be read as an attribute.
//!
//! Entity attributes do not travel: Label Studio has no canonical entities (imported spans are
//! unlinked).

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::io::interchange::{ImportBuilder, Place};
use crate::model::{AttrTarget, CharRange, Document, Project, SpanId};

/// The control name of an attribute.
pub fn control(target: AttrTarget, name: &str) -> String {
    format!("{}.{name}", target.name())
}

/// The choices results of `doc`: its categories, and the attributes of the spans and quotes
/// that have regions (`spans`: span → region id; `quotes`: quote index → first part's region
/// id and range). `at` turns a code point into a UTF-16 offset.
pub fn results(
    project: &Project,
    doc: &Document,
    to_name: &str,
    spans: &HashMap<SpanId, String>,
    quotes: &HashMap<usize, (String, CharRange)>,
    at: &dyn Fn(usize) -> usize,
) -> Vec<Value> {
    let mut out = Vec::new();
    for (scheme, values) in &doc.categories {
        out.push(
            json!({"from_name": scheme, "to_name": to_name, "type": "choices",
                        "origin": "manual", "value": {"choices": values}}),
        );
    }
    let mut region = |target: AttrTarget,
                      id: &str,
                      r: CharRange,
                      attrs: &crate::model::Attributes| {
        for (name, value) in attrs.iter() {
            let free = project
                .attribute(target, name)
                .is_none_or(|a| a.is_free_text());
            let text = doc.slice(r.start, r.end);
            let (kind, value) = if free {
                (
                    "textarea",
                    json!({"start": at(r.start), "end": at(r.end), "text": [value]}),
                )
            } else {
                (
                    "choices",
                    json!({"start": at(r.start), "end": at(r.end), "text": text, "choices": [value]}),
                )
            };
            out.push(
                json!({"id": id, "from_name": control(target, name), "to_name": to_name,
                            "type": kind, "origin": "manual", "value": value}),
            );
        }
    };
    for s in &doc.spans {
        if let Some(id) = spans.get(&s.id) {
            region(AttrTarget::Span, id, s.range(), &s.attributes);
        }
    }
    for (qi, q) in doc.quotes.iter().enumerate() {
        if let Some((id, r)) = quotes.get(&qi) {
            region(AttrTarget::Quote, id, *r, &q.attributes);
        }
    }
    out
}

/// A choices or textarea result, read.
pub struct Choice {
    k: usize,
    textarea: bool,
    id: Option<String>,
    from_name: String,
    values: Vec<String>,
}

/// Read result `k` of type `choices` or `textarea`.
pub fn read(k: usize, item: &Value, id: Option<String>) -> Result<Choice, String> {
    let from_name = item
        .get("from_name")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("result {k}: a choices result without from_name"))?
        .to_string();
    let value = item.get("value");
    let list = value
        .and_then(|v| v.get("choices"))
        .or_else(|| value.and_then(|v| v.get("text")).filter(|t| t.is_array()));
    let values = match list {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(String::from)
                    .ok_or_else(|| format!("result {k}: choice {v} is not text"))
            })
            .collect::<Result<Vec<_>, _>>()?,
        _ => return Err(format!("result {k}: no value.choices list")),
    };
    Ok(Choice {
        k,
        textarea: item.get("type").and_then(Value::as_str) == Some("textarea"),
        id,
        from_name,
        values,
    })
}

/// Put the choices on `doc` once its spans and quotes are made. A result with the id of a span
/// region (`spans`: region id → span ids) or a quote part's (`parts`: region id → part ranges)
/// is that item's attribute, named after `span.` / `quote.` when the control name has the
/// prefix, else the control name itself (another project's per-region `gender`). A
/// document-level `choices` result is a category of the scheme its control names; a
/// document-level text area is not read.
pub fn apply(
    b: &mut ImportBuilder,
    path: &std::path::Path,
    place: Place,
    doc: &mut Document,
    choices: Vec<Choice>,
    spans: &HashMap<String, Vec<SpanId>>,
    parts: &HashMap<String, Vec<CharRange>>,
) -> Result<(), String> {
    for c in choices {
        let at = |m: String| format!("result {} ({}): {m}", c.k, c.from_name);
        let prefixed = c.from_name.split_once('.').and_then(|(t, n)| {
            AttrTarget::ALL
                .into_iter()
                .find(|x| x.name() == t)
                .map(|_| n)
        });
        let name = prefixed.unwrap_or(&c.from_name);
        let id = c.id.as_deref().unwrap_or_default();
        if let Some(ids) = spans.get(id) {
            for sid in ids {
                let Some(s) = doc.span_mut(*sid) else {
                    continue;
                };
                for v in &c.values {
                    b.codes
                        .attribute(&mut s.attributes, AttrTarget::Span, name, v)
                        .map_err(at)?;
                }
            }
        } else if let Some(ranges) = parts.get(id) {
            for r in ranges {
                let Some(q) = doc.quotes.iter_mut().find(|q| q.content.contains(r)) else {
                    continue;
                };
                for v in &c.values {
                    b.codes
                        .attribute(&mut q.attributes, AttrTarget::Quote, name, v)
                        .map_err(at)?;
                }
            }
        } else if prefixed.is_some() || c.textarea {
            b.skip(
                path,
                place,
                at("not on a span or quote region Gloss reads; not read".into()),
            );
        } else {
            for v in &c.values {
                b.codes.category(doc, &c.from_name, v).map_err(at)?;
            }
        }
    }
    Ok(())
}
