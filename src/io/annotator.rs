//! Whose annotations an import reads when a file holds several annotators' work on the same
//! task (Label Studio's `annotations`, each with `completed_by`): the first, or one named
//! annotator's, so each annotator's work can become a project of its own for `gloss agree`
//! ([`annotators_in`] lists them all for `gloss import --split-annotators`).

use std::path::PathBuf;

use serde_json::Value;

use super::IoError;
use super::interchange;

/// Whose annotation of each task an import reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Annotator {
    /// The first that is not cancelled; further ones are reported as skipped.
    #[default]
    First,
    /// The one by this annotator: a `completed_by` user id or e-mail. Tasks this annotator
    /// did not annotate come in without annotations, and are reported.
    Named(String),
    /// As `Named`, but tasks this annotator did not annotate are left out (with a notice):
    /// one project per annotator for `gloss agree`, which compares only the documents every
    /// annotator has, instead of counting a task never seen as one found empty.
    Only(String),
}

impl Annotator {
    /// The annotator asked for, if one is.
    pub fn who(&self) -> Option<&str> {
        match self {
            Annotator::First => None,
            Annotator::Named(who) | Annotator::Only(who) => Some(who),
        }
    }
}

/// Every annotator named by a `completed_by` of an annotation that is not cancelled, in the
/// files `paths` name (folders walked for `.json` and `.jsonl`), in order of first appearance:
/// the user id where there is one, else the e-mail. Annotations that name nobody are counted.
pub fn annotators_in(paths: &[PathBuf]) -> Result<(Vec<String>, usize), Vec<IoError>> {
    let mut errors = Vec::new();
    let found = interchange::collect_files(paths, &["json", "jsonl"], &mut errors);
    let (mut names, mut nameless) = (Vec::<String>::new(), 0);
    for path in found {
        let records = interchange::read_records(&path, "task", &mut errors);
        for rec in records {
            // As the import reads them: `annotations`, or in old exports `completions`.
            let annotations = ["annotations", "completions"]
                .iter()
                .find_map(|k| rec.value.get(k).and_then(Value::as_array))
                .into_iter()
                .flatten();
            for a in annotations {
                if a.get("was_cancelled").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
                match annotator_name(a.get("completed_by").unwrap_or(&Value::Null)) {
                    Some(who) if !names.contains(&who) => names.push(who),
                    Some(_) => {}
                    None => nameless += 1,
                }
            }
        }
    }
    if errors.is_empty() {
        Ok((names, nameless))
    } else {
        Err(errors)
    }
}

/// Who made an annotation, as its `completed_by` says: the user id, and the e-mail if given.
pub(crate) fn annotator_of(completed_by: &Value) -> (Option<String>, Option<String>) {
    let id = |v: &Value| match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    };
    match completed_by {
        Value::Object(m) => (
            m.get("id").and_then(id),
            m.get("email").and_then(Value::as_str).map(str::to_string),
        ),
        v => (id(v), None),
    }
}

/// The name an annotation's `completed_by` goes by: the user id, else the e-mail.
pub(crate) fn annotator_name(completed_by: &Value) -> Option<String> {
    let (id, email) = annotator_of(completed_by);
    id.or(email)
}

/// Whether `completed_by` names `who` (by id, or by e-mail in any case).
pub(crate) fn made_by(completed_by: &Value, who: &str) -> bool {
    let (id, email) = annotator_of(completed_by);
    id.as_deref() == Some(who) || email.is_some_and(|e| e.eq_ignore_ascii_case(who))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::io::label_studio::{read_str, read_str_by};
    use crate::model::Project;

    /// Two tasks, annotated by users 1 and 2 (user 2 written with details, as some exports do).
    const TASKS: &str = r#"[
      {"id": 1, "data": {"text": "Ana met Bo"}, "annotations": [
        {"id": 11, "completed_by": 1, "result": [{"id": "a", "from_name": "label", "to_name": "text",
          "type": "labels", "value": {"start": 0, "end": 3, "text": "Ana", "labels": ["PERSON"]}}]},
        {"id": 12, "completed_by": {"id": 2, "email": "bo@news.example"}, "result": [
          {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 8, "end": 10, "text": "Bo", "labels": ["PERSON"]}}]}]},
      {"id": 2, "data": {"text": "Cy"}, "annotations": [
        {"id": 21, "completed_by": 1, "result": []}]}
    ]"#;

    fn spans(annotator: &Annotator) -> (Vec<Vec<(usize, usize)>>, Vec<String>) {
        let i = read_str_by(Path::new("ls.json"), TASKS, &Project::new("p"), annotator)
            .unwrap_or_else(|e| panic!("{e}"));
        let spans = i
            .documents
            .iter()
            .map(|d| d.spans.iter().map(|s| (s.start, s.end)).collect())
            .collect();
        (spans, i.skipped.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn every_annotator_is_listed_once_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ls.json");
        let extra = r#"[{"data": {"text": "x"}, "annotations": [
            {"completed_by": {"email": "cy@news.example"}, "result": []},
            {"completed_by": 3, "was_cancelled": true, "result": []},
            {"result": []}]}]"#;
        std::fs::write(&path, TASKS).unwrap();
        std::fs::write(dir.path().join("more.json"), extra).unwrap();
        let (names, nameless) = annotators_in(&[path, dir.path().join("more.json")]).unwrap();
        assert_eq!(names, ["1", "2", "cy@news.example"]);
        assert_eq!(nameless, 1);
        let missing = annotators_in(&[dir.path().join("gone.json")]).unwrap_err();
        assert!(
            missing[0].to_string().contains("no such file"),
            "{missing:?}"
        );
    }

    #[test]
    fn each_annotator_is_read_by_id_or_email() {
        let (first, skipped) = spans(&Annotator::First);
        assert_eq!(first, [vec![(0, 3)], vec![]]);
        assert!(
            skipped.iter().any(|s| s.contains("by annotator 2")),
            "the skip names the annotator: {skipped:?}"
        );
        let (two, skipped) = spans(&Annotator::Named("2".into()));
        assert_eq!(two, [vec![(8, 10)], vec![]]);
        assert!(
            skipped.len() == 1 && skipped[0].contains("no annotation by annotator 2"),
            "{skipped:?}"
        );
        let (by_mail, _) = spans(&Annotator::Named("Bo@news.example".into()));
        assert_eq!(by_mail, two);
        let (one, skipped) = spans(&Annotator::Named("1".into()));
        assert_eq!(one, first);
        assert!(skipped.is_empty(), "{skipped:?}");
        // The default read is the first annotator's.
        let i = read_str(Path::new("ls.json"), TASKS, &Project::new("p")).unwrap();
        assert_eq!(i.documents[0].spans.len(), 1);
    }
}
