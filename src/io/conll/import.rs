//! CoNLL import: files and folders read into documents with their entities (rules in the
//! `io::conll` doc).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::FORMAT;
use super::detokenize::detokenize;
use super::scheme::{Prefix, Scheme, decode, parse_tag};
use crate::io::IoError;
use crate::io::interchange::{Import, Rejected, collect_files};
use crate::model::{CharRange, DocId, Document, LabelDef, LabelSet, Origin, Project, Span, SpanId};
use crate::text::plural;

/// One document read from a file: rebuilt text and its entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedDoc {
    pub text: String,
    pub entities: Vec<(CharRange, String)>,
}

/// A file read: its documents and the scheme it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFile {
    pub scheme: Scheme,
    pub documents: Vec<ParsedDoc>,
}

/// Extensions read when a folder is walked; a file named explicitly may have any.
pub const EXTENSIONS: &[&str] = &["conll", "iob", "iob1", "iob2", "bio", "bioes", "bilou"];

/// Errors reported per file at most; a file this broken is not CoNLL anyway.
pub(super) const MAX_ERRORS_PER_FILE: usize = 50;

/// Read the CoNLL files `paths` name (files, or folders walked in name order for the
/// [`EXTENSIONS`]) for adding to `project`: labels to add, documents with ids after the
/// project's (no entities: CoNLL has none), and notices (the scheme each file was read as;
/// documents whose name and text the project already has, which are left out). All or
/// nothing: any error anywhere rejects the whole import, with every error.
pub fn read_paths(
    paths: &[PathBuf],
    project: &Project,
    scheme: Scheme,
) -> Result<Import, Rejected> {
    let mut errors = Vec::new();
    let files = collect_files(paths, EXTENSIONS, &mut errors);
    let mut parsed = Vec::new();
    for file in files {
        use crate::io::files::{Links, TEXT_CAP, read_regular};
        let bytes = match read_regular(&file, Links::Follow, TEXT_CAP) {
            Ok(b) => b,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let source = match std::str::from_utf8(&bytes) {
            Ok(s) => s,
            Err(e) => {
                errors.push(IoError::not_utf8(&file, &bytes, e));
                continue;
            }
        };
        match parse(source, &file, scheme) {
            Ok(p) => parsed.push((file, p)),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if !errors.is_empty() {
        return Err(Rejected { errors });
    }

    let mut out = Import {
        format: FORMAT,
        ..Import::default()
    };
    let mut labels: LabelSet = project.labels.clone();
    let mut seen: HashSet<(String, String)> = project
        .documents
        .iter()
        .map(|d| (d.name.clone(), d.text.to_string()))
        .collect();
    let mut next = project.next_doc_id().0;
    for (file, p) in parsed {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "untitled".into());
        let detected = if scheme == Scheme::Auto {
            " (detected)"
        } else {
            ""
        };
        out.notices.push(format!(
            "{}: read as {}{detected}: {} document{}",
            file.display(),
            p.scheme.name(),
            p.documents.len(),
            plural(p.documents.len())
        ));
        let many = p.documents.len() > 1;
        for (k, d) in p.documents.into_iter().enumerate() {
            let name = if many {
                format!("{stem}-{}", k + 1)
            } else {
                stem.clone()
            };
            if !seen.insert((name.clone(), d.text.clone())) {
                out.notices.push(format!(
                    "{}: {name:?} is already in the project; not added again",
                    file.display()
                ));
                continue;
            }
            let mut doc = Document::new(DocId(next), name, d.text);
            next += 1;
            doc.source = Some(file.display().to_string());
            for (i, (range, label)) in d.entities.into_iter().enumerate() {
                if !labels.contains(&label) {
                    let def = LabelDef {
                        name: label.clone(),
                        color: labels.next_color(),
                        key: labels.free_key(),
                        description: String::new(),
                    };
                    labels.labels.push(def.clone());
                    out.labels.push(def);
                }
                let mut span = Span::new(SpanId(i as u64 + 1), range, label);
                span.origin = Origin::Imported {
                    format: FORMAT.into(),
                };
                doc.spans.push(span);
            }
            doc.resort_spans();
            out.documents.push(doc);
        }
    }
    Ok(out)
}

#[derive(Clone, Debug)]
pub(super) struct Row<'s> {
    pub(super) token: &'s str,
    /// `None` for O.
    pub(super) tag: Option<(Prefix, &'s str)>,
    pub(super) line: usize,
    /// Column (1-based, in characters) of the tag, for messages.
    pub(super) column: usize,
}

/// The text's fields with their byte offsets, split at white space.
pub(super) fn fields(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (b, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &line[s..b]));
                start = None;
            }
            (false, None) => start = Some(b),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// Parse one file's text (`path` names it in errors). Either every document, or every error.
pub fn parse(source: &str, path: &Path, scheme: Scheme) -> Result<ParsedFile, Vec<IoError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut errors = Vec::new();
    let err = |line: usize, column: usize, message: String| IoError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
    };
    // documents → sentences → rows
    let mut docs: Vec<Vec<Vec<Row>>> = vec![Vec::new()];
    let mut sentence: Vec<Row> = Vec::new();
    for (i, raw) in source.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line_no = i + 1;
        let cols = fields(line);
        let Some(&(_, first)) = cols.first() else {
            if !sentence.is_empty()
                && let Some(doc) = docs.last_mut()
            {
                doc.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if first.starts_with("-DOCSTART-") {
            if let Some(doc) = docs.last_mut()
                && !sentence.is_empty()
            {
                doc.push(std::mem::take(&mut sentence));
            }
            docs.push(Vec::new());
            continue;
        }
        let Some(&(tag_at, tag)) = cols.last().filter(|_| cols.len() >= 2) else {
            errors.push(err(
                line_no,
                1,
                format!(
                    "{first:?} has no tag; a CoNLL line is TOKEN TAG or TOKEN POS CHUNK TAG (tab or space separated)"
                ),
            ));
            continue;
        };
        let column = line[..tag_at].chars().count() + 1;
        match parse_tag(tag) {
            Some(tag) => sentence.push(Row {
                token: first,
                tag,
                line: line_no,
                column,
            }),
            None => errors.push(err(
                line_no,
                column,
                format!("{tag:?} is not a tag; tags are O or B-, I-, E-, S- (L-, U-) and a label"),
            )),
        }
    }
    if !sentence.is_empty()
        && let Some(doc) = docs.last_mut()
    {
        doc.push(sentence);
    }
    docs.retain(|d| !d.is_empty());

    let rows = || docs.iter().flatten().flatten();
    let chosen = match scheme {
        Scheme::Auto if rows().any(|r| matches!(r.tag, Some((Prefix::E | Prefix::S, _)))) => {
            Scheme::Bioes
        }
        Scheme::Auto => {
            let iob1 = docs.iter().flatten().any(|s| {
                s.iter().enumerate().any(|(k, r)| {
                    matches!(r.tag, Some((Prefix::I, l))
                        if k == 0 || !matches!(s[k - 1].tag, Some((_, m)) if m == l))
                })
            });
            if iob1 { Scheme::Iob1 } else { Scheme::Iob2 }
        }
        other => other,
    };

    let mut out = Vec::with_capacity(docs.len());
    for doc in &docs {
        let mut spans_tok: Vec<(usize, usize, usize, &str)> = Vec::new(); // (sentence, first, last, label)
        for (si, s) in doc.iter().enumerate() {
            decode(
                s,
                si,
                scheme,
                chosen,
                &mut spans_tok,
                &mut |line, col, m| errors.push(err(line, col, m)),
            );
        }
        let tokens: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|r| r.token).collect())
            .collect();
        let (text, ranges) = detokenize(&tokens);
        let entities = spans_tok
            .into_iter()
            .map(|(si, a, b, label)| {
                (
                    CharRange::new(ranges[si][a].start, ranges[si][b].end),
                    label.to_string(),
                )
            })
            .collect();
        out.push(ParsedDoc { text, entities });
    }
    if errors.is_empty() {
        Ok(ParsedFile {
            scheme: chosen,
            documents: out,
        })
    } else {
        if errors.len() > MAX_ERRORS_PER_FILE {
            let more = errors.len() - MAX_ERRORS_PER_FILE;
            errors.truncate(MAX_ERRORS_PER_FILE);
            errors.push(IoError::Other {
                path: path.to_path_buf(),
                message: format!("{more} more errors not listed"),
            });
        }
        Err(errors)
    }
}
