//! The lines of one `.ann` file: parsed (T, R, E, A/M, N and # lines), their offsets and texts
//! checked against the document, and references between them checked.

use std::collections::HashMap;
use std::path::Path;

use super::*;
use crate::io::IoError;
use crate::model::{CharRange, Document};

/// What a `T` line's type makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Entity,
    Quote,
    Cue,
    Speaker,
}

pub(super) fn role_of(label: &str) -> Role {
    let is = |name: &str| label.eq_ignore_ascii_case(name);
    if is("Quote") {
        Role::Quote
    } else if is("Cue") || is("Quotation") {
        Role::Cue
    } else if is("Speaker") {
        Role::Speaker
    } else {
        Role::Entity
    }
}

#[derive(Debug)]
pub(super) struct TextBound {
    pub(super) line: usize,
    pub(super) label: String,
    pub(super) role: Role,
    /// Sorted by start.
    pub(super) frags: Vec<CharRange>,
}

#[derive(Debug)]
pub(super) struct Relation {
    pub(super) line: usize,
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) arg1: String,
    pub(super) arg2: String,
}

#[derive(Debug)]
pub(super) struct Event {
    pub(super) line: usize,
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) trigger: String,
    pub(super) args: Vec<(String, String)>,
}

#[derive(Debug)]
pub(super) struct Attribute {
    pub(super) line: usize,
    pub(super) id: String,
    pub(super) name: String,
    pub(super) target: String,
    pub(super) value: Option<String>,
}

#[derive(Debug)]
pub(super) struct Normalisation {
    pub(super) line: usize,
    pub(super) id: String,
    pub(super) target: String,
    pub(super) key: String,
    pub(super) text: String,
}

#[derive(Debug)]
pub(super) struct Note {
    pub(super) line: usize,
    pub(super) target: String,
    pub(super) text: String,
}

/// One `.ann` file, line by line.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    /// `T` lines by id, and their ids in file order.
    pub(super) tbs: HashMap<String, TextBound>,
    pub(super) tb_order: Vec<String>,
    pub(super) events: Vec<Event>,
    pub(super) relations: Vec<Relation>,
    pub(super) attributes: Vec<Attribute>,
    pub(super) normalisations: Vec<Normalisation>,
    pub(super) notes: Vec<Note>,
}

pub(super) fn parse_error(
    path: &Path,
    line: usize,
    column: usize,
    message: impl Into<String>,
) -> IoError {
    IoError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: message.into(),
    }
}

/// `START END;START END…` as ranges.
pub(super) fn parse_offsets(s: &str) -> Option<Vec<CharRange>> {
    s.split(';')
        .map(|pair| {
            let mut it = pair.split_whitespace().map(str::parse::<usize>);
            match (it.next(), it.next(), it.next()) {
                (Some(Ok(a)), Some(Ok(b)), None) => Some(CharRange::new(a, b)),
                _ => None,
            }
        })
        .collect()
}

impl Reader {
    /// Read every line of an `.ann` file, checking offsets and texts against `doc`.
    pub(super) fn parse(&mut self, ann: &Path, source: &str, doc: &Document) -> Parsed {
        let mut p = Parsed::default();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, raw) in source.split('\n').enumerate() {
            let line_no = i + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() {
                continue;
            }
            let column = |byte: usize| line[..byte].chars().count() + 1;
            let mut err = |col: usize, message: String| {
                self.errors.push(parse_error(ann, line_no, col, message));
            };
            let Some((id, rest)) = line.split_once('\t') else {
                err(
                    1,
                    "no tab after the id; a brat line is ID<TAB>DATA[<TAB>TEXT]".into(),
                );
                continue;
            };
            let mid_col = column(id.len() + 1);
            let (mid, text, text_col) = match rest.split_once('\t') {
                Some((m, t)) => (m, Some(t), column(id.len() + 1 + m.len() + 1)),
                None => (rest, None, 0),
            };
            let kind = id.chars().next().unwrap_or(' ');
            if kind == '*' {
                let message = format!("equivalence {mid:?}: Gloss links mentions through entities");
                self.ignore(ann, line_no, message);
                continue;
            }
            if !"TREAMN#".contains(kind) || id.len() < 2 || id.contains(char::is_whitespace) {
                err(
                    1,
                    format!(
                        "{id:?} is not a brat annotation: the id starts with T, R, E, A, M, N, # or *"
                    ),
                );
                continue;
            }
            if let Some(first) = ids.get(id) {
                err(1, format!("{id} is defined twice (first on line {first})"));
                continue;
            }
            ids.insert(id.to_string(), line_no);
            // brat's own parser ignores whatever follows the data column of R, E, A and M
            // lines (brat writes a trailing tab after relations; some tools add a comment).
            let words: Vec<&str> = mid.split_whitespace().collect();
            match kind {
                'T' => {
                    let Some((label, offsets)) = mid.split_once(char::is_whitespace) else {
                        err(
                            mid_col,
                            format!("{id}: expected TYPE START END, got {mid:?}"),
                        );
                        continue;
                    };
                    let Some(frags) = parse_offsets(offsets) else {
                        err(
                            mid_col + label.chars().count() + 1,
                            format!(
                                "{id}: offsets {:?} are not START END pairs (START END;START END for fragments)",
                                offsets.trim()
                            ),
                        );
                        continue;
                    };
                    let len = doc.char_len();
                    if let Some(r) = frags.iter().find(|r| r.start >= r.end || r.end > len) {
                        let why = if r.start >= r.end {
                            "is empty or reversed".to_string()
                        } else {
                            format!("runs past the end of the text ({len} characters)")
                        };
                        err(
                            mid_col + label.chars().count() + 1,
                            format!("{id}: range {} {} {why}", r.start, r.end),
                        );
                        continue;
                    }
                    let Some(text) = text else {
                        err(
                            mid_col,
                            format!(
                                "{id}: no text column; brat writes the covered text after a second tab"
                            ),
                        );
                        continue;
                    };
                    let covered: Vec<&str> =
                        frags.iter().map(|r| doc.slice(r.start, r.end)).collect();
                    let covered = covered.join(" ");
                    if covered != text {
                        err(
                            text_col,
                            format!(
                                "{id}: the text column {text:?} does not match the document's text {covered:?} at {}",
                                describe_ranges(&frags)
                            ),
                        );
                        continue;
                    }
                    let mut frags = frags;
                    frags.sort();
                    p.tb_order.push(id.to_string());
                    p.tbs.insert(
                        id.to_string(),
                        TextBound {
                            line: line_no,
                            label: label.to_string(),
                            role: role_of(label),
                            frags,
                        },
                    );
                }
                'R' => {
                    let args: Option<Vec<(&str, &str)>> =
                        words.iter().skip(1).map(|w| w.split_once(':')).collect();
                    match (words.first(), args.as_deref()) {
                        (Some(k), Some([a, b])) => {
                            // Arguments are named; brat writes Arg1 first, but order by name.
                            let (a, b) = if a.0 == "Arg2" && b.0 == "Arg1" {
                                (b, a)
                            } else {
                                (a, b)
                            };
                            p.relations.push(Relation {
                                line: line_no,
                                id: id.to_string(),
                                kind: k.to_string(),
                                arg1: a.1.to_string(),
                                arg2: b.1.to_string(),
                            });
                        }
                        _ => err(
                            mid_col,
                            format!("{id}: expected TYPE Arg1:ID Arg2:ID, got {mid:?}"),
                        ),
                    }
                }
                'E' => {
                    let parts: Option<Vec<(&str, &str)>> =
                        words.iter().map(|w| w.split_once(':')).collect();
                    match parts.as_deref() {
                        Some([(k, trigger), args @ ..]) => p.events.push(Event {
                            line: line_no,
                            id: id.to_string(),
                            kind: k.to_string(),
                            trigger: trigger.to_string(),
                            args: args
                                .iter()
                                .map(|(r, a)| (r.to_string(), a.to_string()))
                                .collect(),
                        }),
                        _ => err(
                            mid_col,
                            format!("{id}: expected TYPE:TRIGGER ROLE:ID…, got {mid:?}"),
                        ),
                    }
                }
                'A' | 'M' => match words.as_slice() {
                    [name, target] | [name, target, _] => p.attributes.push(Attribute {
                        line: line_no,
                        id: id.to_string(),
                        name: name.to_string(),
                        target: target.to_string(),
                        value: words.get(2).map(|v| v.to_string()),
                    }),
                    _ => err(
                        mid_col,
                        format!("{id}: expected TYPE TARGET [VALUE], got {mid:?}"),
                    ),
                },
                'N' => match words.as_slice() {
                    [_, target, key] if key.contains(':') => {
                        let text = text.map(str::trim).unwrap_or_default();
                        let text = if text.is_empty() {
                            key.split_once(':').map(|(_, i)| i).unwrap_or(key)
                        } else {
                            text
                        };
                        p.normalisations.push(Normalisation {
                            line: line_no,
                            id: id.to_string(),
                            target: target.to_string(),
                            key: key.to_string(),
                            text: text.to_string(),
                        });
                    }
                    _ => err(
                        mid_col,
                        format!("{id}: expected TYPE TARGET DB:ID, got {mid:?}"),
                    ),
                },
                '#' => match words.as_slice() {
                    [_, target] => p.notes.push(Note {
                        line: line_no,
                        target: target.to_string(),
                        text: text.unwrap_or_default().trim().to_string(),
                    }),
                    _ => err(mid_col, format!("{id}: expected TYPE TARGET, got {mid:?}")),
                },
                _ => err(1, format!("{id:?} is not a brat annotation")),
            }
        }
        self.check_references(ann, &p, &ids);
        p
    }

    /// Every id a line refers to must be defined in the same file.
    pub(super) fn check_references(
        &mut self,
        ann: &Path,
        p: &Parsed,
        ids: &HashMap<String, usize>,
    ) {
        let mut refs: Vec<(usize, &str, &str)> = Vec::new();
        for r in &p.relations {
            refs.push((r.line, &r.id, &r.arg1));
            refs.push((r.line, &r.id, &r.arg2));
        }
        for e in &p.events {
            refs.push((e.line, &e.id, &e.trigger));
            for (_, a) in &e.args {
                refs.push((e.line, &e.id, a));
            }
        }
        for a in &p.attributes {
            refs.push((a.line, &a.id, &a.target));
        }
        for n in &p.normalisations {
            refs.push((n.line, &n.id, &n.target));
        }
        for n in &p.notes {
            refs.push((n.line, "the note", &n.target));
        }
        let mut missing: Vec<(usize, String)> = refs
            .into_iter()
            .filter(|(_, _, target)| !ids.contains_key(*target))
            .map(|(line, id, target)| {
                (
                    line,
                    format!("{id} refers to {target}, which this file does not define"),
                )
            })
            .collect();
        // Events must be triggered by text.
        for e in &p.events {
            if ids.contains_key(&e.trigger) && !p.tbs.contains_key(&e.trigger) {
                missing.push((
                    e.line,
                    format!("{}: the trigger {} is not a T annotation", e.id, e.trigger),
                ));
            }
        }
        missing.sort();
        for (line, message) in missing {
            self.errors.push(parse_error(ann, line, 1, message));
        }
    }
}
