//! Document metadata in interchange formats: reading a JSON object's fields as the string
//! key–value pairs a [`crate::model::Document`]'s `meta` holds, and writing them back.
//!
//! Values are strings in Gloss. On import, numbers and booleans become their JSON text
//! (`2025`, `true`), `null` is dropped (no value), and arrays or objects are kept as compact
//! JSON text so nothing is lost. On export every value is a JSON string.
//!
//! Formats with no place for metadata in their own files (brat) get a side file beside each
//! document's: `NAME.meta.json`, one JSON object of strings ([`side_path`], [`side_json`],
//! [`read_side`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::IoError;
use super::files::{self, Links};
use crate::model::Document;

/// What a side file's name ends with after the document's file stem.
pub const SIDE_SUFFIX: &str = ".meta.json";

/// The most bytes a file name may take on common file systems.
const NAME_MAX: usize = 255;

/// Metadata as Gloss keeps it: sorted keys, string values.
pub type Meta = BTreeMap<String, String>;

/// One JSON value as a metadata value; `None` for `null`.
pub fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(_) | Value::Number(_) => Some(value.to_string()),
        Value::Array(_) | Value::Object(_) => Some(value.to_string()),
    }
}

/// Metadata from the fields of a JSON object (`null` fields left out).
pub fn from_fields<'a>(fields: impl IntoIterator<Item = (&'a String, &'a Value)>) -> Meta {
    fields
        .into_iter()
        .filter_map(|(k, v)| value_text(v).map(|t| (k.clone(), t)))
        .collect()
}

/// Metadata from a value that should be a JSON object (`what` names it in the error);
/// `null` is no metadata.
pub fn from_object(value: &Value, what: &str) -> Result<Meta, String> {
    match value {
        Value::Null => Ok(Meta::new()),
        Value::Object(map) => Ok(from_fields(map)),
        other => Err(format!(
            "{what} is {}, not an object of key–value pairs",
            kind(other)
        )),
    }
}

/// Metadata from a JSON object's fields, less the format's own `reserved` keys.
pub fn from_fields_except(fields: &Map<String, Value>, reserved: &[&str]) -> Meta {
    from_fields(
        fields
            .iter()
            .filter(|(k, _)| !reserved.contains(&k.as_str())),
    )
}

/// The metadata to write beside a format's own `reserved` fields: every other key.
pub fn fields_except<'a>(meta: &'a Meta, reserved: &[&str]) -> BTreeMap<&'a str, &'a str> {
    meta.iter()
        .filter(|(k, _)| !reserved.contains(&k.as_str()))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// An export report line for each key of `doc`'s metadata that is one of the format's own
/// `reserved` fields in `place` (so it is not written).
pub fn clashes(doc: &Document, reserved: &[&str], place: &str) -> Vec<String> {
    doc.meta
        .keys()
        .filter(|k| reserved.contains(&k.as_str()))
        .map(|k| {
            format!(
                "document {:?}: metadata {k:?} not written ({place}.{k} is the format's own field)",
                doc.name
            )
        })
        .collect()
}

/// The metadata as a JSON object of strings.
pub fn to_object(meta: &Meta) -> Map<String, Value> {
    meta.iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect()
}

/// The side file of the document whose files are `dir/STEM.*`, or `None` when its name would
/// be longer than a file system allows.
pub fn side_path(dir: &Path, stem: &str) -> Option<PathBuf> {
    (stem.len() + SIDE_SUFFIX.len() <= NAME_MAX).then(|| dir.join(format!("{stem}{SIDE_SUFFIX}")))
}

/// The side file's content for `doc`, whose files are `STEM.*`: `None` when it has no metadata,
/// or when the side file's name would be too long (then a line in `lost` says so).
pub fn side_file(doc: &Document, stem: &str, lost: &mut Vec<String>) -> Option<String> {
    if doc.meta.is_empty() {
        return None;
    }
    if side_path(Path::new(""), stem).is_none() {
        lost.push(format!(
            "{}: metadata not written (the file name is too long for a {SIDE_SUFFIX} beside it)",
            doc.name
        ));
        return None;
    }
    Some(side_json(&doc.meta))
}

/// The side file's content: the metadata as one pretty-printed JSON object of strings.
pub fn side_json(meta: &Meta) -> String {
    let mut text = serde_json::to_string_pretty(&to_object(meta)).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// The metadata in the side file `path`, or `None` when there is no such file. A side file that
/// is not a JSON object is an error naming it.
pub fn read_side(path: &Path) -> Result<Option<Meta>, IoError> {
    if !path.is_file() {
        return Ok(None);
    }
    let bytes = files::read_regular(path, Links::Follow, files::LIST_CAP)?;
    let source = std::str::from_utf8(&bytes).map_err(|e| IoError::not_utf8(path, &bytes, e))?;
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let value: Value = serde_json::from_str(source).map_err(|e| IoError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: format!("not a JSON object of document metadata: {e}"),
    })?;
    from_object(&value, "the metadata file")
        .map(Some)
        .map_err(|message| IoError::Other {
            path: path.to_path_buf(),
            message,
        })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_values_become_strings_and_nulls_are_dropped() {
        let v = json!({"outlet": "Daily Planet", "year": 2025, "paywall": false,
                       "tags": ["a", "b"], "author": null});
        let m = from_object(&v, "meta").unwrap();
        assert_eq!(m.len(), 4);
        assert_eq!(m["outlet"], "Daily Planet");
        assert_eq!(m["year"], "2025");
        assert_eq!(m["paywall"], "false");
        assert_eq!(m["tags"], r#"["a","b"]"#);
        assert!(from_object(&Value::Null, "meta").unwrap().is_empty());
        let err = from_object(&json!("x"), "meta").unwrap_err();
        assert!(err.contains("meta is a string"), "{err}");
        assert_eq!(Value::Object(to_object(&m))["year"], json!("2025"));
    }

    /// Label Studio's `data` (its own tests are in a file at its size limit).
    #[test]
    fn label_studio_data_fields_carry_metadata() {
        use crate::io::label_studio::{Options, read_str, write};
        use crate::model::{DocId, Project};
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "d", "Xi spoke.");
        d.meta.insert("outlet".into(), "Xinhua".into());
        d.meta.insert("status".into(), "draft".into());
        p.insert_document(d);
        let mut buf = Vec::new();
        let report = write(&p, &p.documents, &Options::default(), &mut buf).unwrap();
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v[0]["data"]["outlet"], "Xinhua");
        // A key Label Studio's data uses for Gloss's own field is left out, and said so.
        assert_eq!(v[0]["data"]["status"], "todo");
        assert_eq!(report.left_out.len(), 1, "{report:?}");
        assert!(report.left_out[0].contains("metadata \"status\" not written (data.status"));
        let path = Path::new("t.json");
        let i = read_str(path, std::str::from_utf8(&buf).unwrap(), &Project::new("t")).unwrap();
        assert_eq!(i.documents[0].meta.len(), 1);
        assert_eq!(i.documents[0].meta["outlet"], "Xinhua");
        // Every data field but text, doc and status is metadata; numbers become their text.
        let src = r#"[{"data": {"text": "ab", "doc": "d", "outlet": "AP", "page": 3, "x": null}}]"#;
        let m = read_str(path, src, &Project::new("t")).unwrap().documents[0]
            .meta
            .clone();
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!((m["outlet"].as_str(), m["page"].as_str()), ("AP", "3"));
    }

    #[test]
    fn side_files_round_trip_and_bad_ones_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut m = Meta::new();
        m.insert("outlet".into(), "Die Zeit".into());
        m.insert("url".into(), "https://example.org/a?b=\"c\"".into());
        let path = side_path(dir.path(), "a").unwrap();
        assert!(path.ends_with("a.meta.json"));
        assert_eq!(read_side(&path).unwrap(), None);
        std::fs::write(&path, side_json(&m)).unwrap();
        assert_eq!(read_side(&path).unwrap(), Some(m.clone()));
        std::fs::write(&path, "[1]").unwrap();
        let err = read_side(&path).unwrap_err().to_string();
        assert!(
            err.contains("a.meta.json") && err.contains("an array"),
            "{err}"
        );
        std::fs::write(&path, "{oops").unwrap();
        let err = read_side(&path).unwrap_err().to_string();
        assert!(err.contains("a.meta.json:1:"), "{err}");
        assert!(side_path(dir.path(), &"x".repeat(250)).is_none());
        let mut d = Document::new(crate::model::DocId(1), "long", "x");
        let mut lost = Vec::new();
        assert_eq!(side_file(&d, "long", &mut lost), None);
        d.meta = m.clone();
        assert_eq!(side_file(&d, "long", &mut lost), Some(side_json(&m)));
        assert_eq!(side_file(&d, &"x".repeat(250), &mut lost), None);
        assert!(lost[0].contains("long: metadata not written"), "{lost:?}");
    }
}
