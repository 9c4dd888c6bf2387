//! Project files: the whole project as pretty RON, one annotation per line.
//!
//! The layout is chosen for git: schema version first, documents by id, spans by start, and
//! every span and quote on its own line, so two annotators' files diff line by line. Files are
//! replaced atomically (see `atomic`). Loading checks the schema version before anything else:
//! older versions go through `migrate`, newer ones are refused with a message, and a loaded
//! project must pass `model::validate` or nothing is opened.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::IoError;
use crate::model::{Project, SCHEMA_VERSION, validate};

/// Nesting below which RON writes values on one line: a span (project → documents → document
/// → spans → span) sits at depth 5, so everything deeper than 4 is compact.
const COMPACT_BELOW_DEPTH: usize = 4;

/// The deepest nesting a project file may have; a deeper file is malformed, not a project.
const RECURSION_LIMIT: usize = 64;

/// The parser's options for a value `nested` brackets deep in a project file (0 for the whole
/// file), so the nesting limit counts from the top of the file wherever parsing starts.
pub(super) fn options(nested: usize) -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT.saturating_sub(nested))
}

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("  ")
        .depth_limit(COMPACT_BELOW_DEPTH)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// The project as the text of a project file.
pub fn to_ron(project: &Project) -> String {
    // Serialising plain data to a String cannot fail: no maps with non-string keys, no I/O.
    let mut text = ron::ser::to_string_pretty(project, pretty())
        .unwrap_or_else(|e| format!("/* could not serialise project: {e} */"));
    text.push('\n');
    text
}

/// Write the project to `path` atomically.
pub fn save(path: &Path, project: &Project) -> Result<(), IoError> {
    super::atomic::write_project(path, to_ron(project).as_bytes())
}

/// Read, migrate and check a project file (document by document: see `project_stream`).
pub fn load(path: &Path) -> Result<Project, IoError> {
    super::project_stream::load_hashed(path).map(|(project, _)| project)
}

/// Parse the bytes of a project file; bytes that are not UTF-8 are not a project (a photo, an
/// archive), said as such. `path` is only used to name the file in errors.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Project, IoError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IoError::not_a_project(path, bytes, e))?;
    from_ron(text, path)
}

/// Parse project text; `path` is only used to name the file in errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Project, IoError> {
    // A UTF-8 byte-order mark (some Windows editors add one) is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = options(0);
    let parse_err = |e: ron::error::SpannedError| IoError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: if text.trim().is_empty() {
            "the file is empty (not a valid Gloss project file)".to_string()
        } else {
            format!("{} (not a valid Gloss project file)", describe(&e.code))
        },
    };

    #[derive(Deserialize)]
    struct Header {
        schema: u32,
    }
    // Gloss writes the schema first, so it is read off the start of the file; only a file
    // arranged otherwise pays for a second full parse to find it.
    let header = match leading_schema(text) {
        Some(schema) => Header { schema },
        None => options.from_str::<Header>(text).map_err(parse_err)?,
    };
    let project: Project = if header.schema == SCHEMA_VERSION {
        options.from_str(text).map_err(parse_err)?
    } else if header.schema > SCHEMA_VERSION {
        return Err(IoError::NewerSchema {
            path: path.to_path_buf(),
            found: header.schema,
            supported: SCHEMA_VERSION,
        });
    } else {
        let value: ron::Value = options.from_str(text).map_err(parse_err)?;
        let value = migrate(header.schema, value).map_err(|message| IoError::Other {
            path: path.to_path_buf(),
            message,
        })?;
        value.into_rust().map_err(|e| IoError::Other {
            path: path.to_path_buf(),
            message: format!(
                "after migrating from schema {}: {}",
                header.schema,
                describe(&e)
            ),
        })?
    };
    checked(project, path)
}

/// The last step of every load: put a parsed project in its kept order and refuse it if it
/// breaks an invariant (a span past the end of its text, a duplicate id…).
pub(super) fn checked(mut project: Project, path: &Path) -> Result<Project, IoError> {
    project.schema = SCHEMA_VERSION;
    project.normalise();
    let problems = validate(&project);
    if !problems.is_empty() {
        return Err(IoError::Invalid {
            path: path.to_path_buf(),
            problems: problems.into_iter().map(|p| p.0).collect(),
        });
    }
    Ok(project)
}

/// A RON parse error in a researcher's terms: what is wrong in the file, never the parser's
/// advice to its programmer (`ron::Options`, `serde_stacker`) or the names of Gloss's types.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    let one_of = |names: &[&str]| {
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        match names.len() {
            0 => String::new(),
            1 => format!("; expected {}", names[0]),
            _ => format!("; expected one of {}", names.join(", ")),
        }
    };
    match code {
        E::ExceededRecursionLimit => format!(
            "brackets nested too deeply (more than {RECURSION_LIMIT} levels; a project needs fewer than 10)"
        ),
        E::Eof => "the file ends too early (cut short?)".into(),
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => "expected `(` here".into(),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => "expected `)` here".into(),
        E::ExpectedDifferentStructName { found, .. } => format!("unexpected name `{found}`"),
        E::ExpectedStructName(_) => "expected a name before `(`".into(),
        E::MissingStructField { field, .. } => format!("the field `{field}` is missing"),
        E::DuplicateStructField { field, .. } => format!("the field `{field}` is given twice"),
        E::NoSuchStructField {
            found, expected, ..
        } => format!("unknown field `{found}`{}", one_of(expected)),
        E::NoSuchEnumVariant {
            found, expected, ..
        } => format!("unknown value `{found}`{}", one_of(expected)),
        E::InvalidValueForType { expected, found } => {
            format!("expected {} but found {found}", plain_expected(expected))
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("expected {expected} but found {found} values")
        }
        E::IntegerOutOfBounds => "a number too large (or negative) for this place".into(),
        E::TrailingCharacters => "unexpected text after the end of the project".into(),
        E::UnexpectedChar(c) => format!("unexpected character {c:?}"),
        E::Utf8Error(_) => "not UTF-8 text".into(),
        E::Message(m) | E::Io(m) => m.clone(),
        // The rest ("Expected comma", "Expected closing `]`", "Unclosed block comment", …)
        // already speak of the file's text; only the capital goes.
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// What serde says a value should have been, in words rather than Rust types.
fn plain_expected(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" | "bool" => "`true` or `false`".into(),
        "char" | "a character" => "a character in single quotes".into(),
        _ if expected.starts_with("struct ") || expected.starts_with("tuple struct ") => {
            "a value in `(…)`".into()
        }
        _ if expected.starts_with("enum ") => "one of the allowed values".into(),
        _ => expected.to_string(),
    }
}

/// The schema number when the file starts `(schema: N,` (after white space and comments).
pub(super) fn leading_schema(text: &str) -> Option<u32> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("schema")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    if !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    digits.parse().ok()
}

/// The migration steps: `STEPS[i]` turns a schema `i + 1` project into schema `i + 2`.
///
/// Each future schema change appends one step (renaming a field, splitting a value) working on
/// the untyped RON value, so old files keep opening. Version 1 is the first schema: no steps yet.
type Step = fn(ron::Value) -> Result<ron::Value, String>;
const STEPS: &[Step] = &[];

/// Bring a project of an older schema up to `SCHEMA_VERSION`.
fn migrate(from: u32, mut value: ron::Value) -> Result<ron::Value, String> {
    if from == 0 {
        return Err("schema 0 is not a Gloss schema version".to_string());
    }
    let first = from as usize - 1;
    if first + STEPS.len() + 1 != SCHEMA_VERSION as usize {
        return Err(format!("no migration from schema {from}"));
    }
    for step in &STEPS[first..] {
        value = step(value)?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    pub(crate) fn sample() -> Project {
        let mut p = Project::new("sample");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Ana Ruiz".into(),
            label: "PERSON".into(),
            aliases: vec!["Ruiz".into()],
            attributes: Default::default(),
        });
        let mut d = Document::new(
            DocId(1),
            "first",
            "“We stay,” Ana Ruiz said in Léon 👋.\nRuiz left.",
        );
        let mut s = Span::new(SpanId(1), CharRange::new(11, 19), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        d.insert_span(Span::new(SpanId(2), CharRange::new(28, 32), "GPE"));
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(1, 8)],
            speaker: Some(SpanId(1)),
            cue: Some(CharRange::new(20, 24)),
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        d.status = Status::InProgress;
        p.insert_document(d);
        p.insert_document(Document::new(DocId(2), "second", ""));
        p
    }

    #[test]
    fn layout_is_one_span_per_line_with_schema_first() {
        let text = to_ron(&sample());
        assert!(text.starts_with("(\n  schema: 1,"), "{text}");
        assert!(!text.contains('\r'));
        let span_lines: Vec<_> = text
            .lines()
            .filter(|l| l.contains("label: \"GPE\""))
            .collect();
        assert_eq!(span_lines.len(), 1, "{text}");
        assert!(
            span_lines[0]
                .trim_start()
                .starts_with("(id: 2, start: 28, end: 32"),
            "{text}"
        );
    }

    #[test]
    fn round_trips_exactly() {
        let p = sample();
        let back = from_ron(&to_ron(&p), Path::new("x.ron")).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn newer_schema_is_refused_with_its_number() {
        let text = to_ron(&sample()).replacen("schema: 1", "schema: 7", 1);
        let err = from_ron(&text, Path::new("p.ron")).unwrap_err().to_string();
        assert!(err.contains("p.ron") && err.contains("schema 7"), "{err}");
    }

    #[test]
    fn the_schema_is_read_off_the_start() {
        assert_eq!(leading_schema("(\n  schema: 1,\n  name: \"x\""), Some(1));
        assert_eq!(
            leading_schema("// a comment\n/* more */ (schema:12)"),
            Some(12)
        );
        assert_eq!(
            leading_schema("(name: \"x\", schema: 1)"),
            None,
            "falls back"
        );
        assert_eq!(leading_schema("(schema: 1x,"), None);
        // A file with the schema elsewhere still loads.
        let text = to_ron(&sample())
            .replacen("  schema: 1,\n", "", 1)
            .replacen(
                "  name: \"sample\",",
                "  name: \"sample\",\n  schema: 1,",
                1,
            );
        assert_eq!(from_ron(&text, Path::new("x.ron")).unwrap(), sample());
    }

    #[test]
    fn unknown_old_schema_is_refused() {
        let text = to_ron(&sample()).replacen("schema: 1", "schema: 0", 1);
        let err = from_ron(&text, Path::new("p.ron")).unwrap_err().to_string();
        assert!(err.contains("schema 0"), "{err}");
    }

    #[test]
    fn truncated_file_names_file_and_line() {
        let text = to_ron(&sample());
        let cut = &text[..text.len() / 2];
        let err = from_ron(cut, Path::new("half.ron")).unwrap_err();
        match err {
            IoError::Parse { line, .. } => assert!(line > 1),
            other => panic!("expected a parse error, got {other}"),
        }
    }

    #[test]
    fn broken_invariants_are_refused() {
        let text = to_ron(&sample()).replace("end: 32", "end: 3200");
        let err = from_ron(&text, Path::new("p.ron")).unwrap_err().to_string();
        assert!(err.contains("past the end"), "{err}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(from_ron(&text, Path::new("deep.ron")).is_err());
    }

    #[test]
    fn a_file_from_before_metadata_loads_and_metadata_round_trips() {
        // Schema 1 as written before documents had `meta`: no such field anywhere.
        let old = to_ron(&sample());
        assert!(!old.contains("meta"), "{old}");
        let p = from_ron(&old, Path::new("old.ron")).unwrap();
        assert!(p.documents.iter().all(|d| d.meta.is_empty()));
        assert_eq!(p, sample());
        // With metadata: written after `source`, only where there is some, and read back.
        let mut p = sample();
        let d = &mut p.documents[0];
        d.meta.insert("outlet".into(), "Daily Planet".into());
        d.meta
            .insert("url".into(), "https://example.org/a?q=\"x\"\n👋".into());
        let text = to_ron(&p);
        assert_eq!(text.matches("meta:").count(), 1, "{text}");
        let back = from_ron(&text, Path::new("x.ron")).unwrap();
        assert_eq!(back, p);
        assert_eq!(back.documents[0].meta["outlet"], "Daily Planet");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save(&path, &p).unwrap();
        assert_eq!(load(&path).unwrap(), p);
        // Metadata is content: a project differing only in it is not equal.
        assert_ne!(back, sample());
    }

    #[test]
    fn save_and_load_through_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save(&path, &sample()).unwrap();
        assert_eq!(load(&path).unwrap(), sample());
    }
}
