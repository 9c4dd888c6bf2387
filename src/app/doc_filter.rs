//! The documents list's filter: which documents a typed filter keeps.
//!
//! A filter is words separated by spaces, and a document is kept when every word matches
//! (case is ignored):
//! - `word`: the name or any metadata value holds it (an outlet, an author, a URL…);
//! - `key:word`: that metadata entry holds it (`outlet:planet`, `byline:lopez`), or the
//!   document's values in the category scheme of that name (`topic:politics`);
//! - `key>=v`, `key<=v`, `key>v`, `key<v`: that metadata entry compares so with `v`, as text —
//!   which orders ISO dates and times rightly, so `date>=2025-03-01 date<2025-04` is March.
//!
//! A document without the key never matches a `key:` or comparison word.

use std::cmp::Ordering;

use crate::model::Document;

/// Whether a word's head can be a metadata key (letters, digits, `_`, `-`, `.`).
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
}

/// One word of a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    Anywhere(String),
    Field(String, String),
    Compare(String, [bool; 3], String),
}

/// A parsed filter; empty keeps everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    terms: Vec<Term>,
}

impl Filter {
    pub fn parse(text: &str) -> Filter {
        let terms = text
            .split_whitespace()
            .map(|word| {
                let word = word.to_lowercase();
                // Longest operators first: `>=` before `>`.
                for (op, allowed) in [
                    (">=", [false, true, true]),
                    ("<=", [true, true, false]),
                    (">", [false, false, true]),
                    ("<", [true, false, false]),
                ] {
                    if let Some((key, value)) = word.split_once(op)
                        && is_key(key)
                        && !value.is_empty()
                    {
                        return Term::Compare(key.to_string(), allowed, value.to_string());
                    }
                }
                match word.split_once(':') {
                    Some((key, value))
                        if is_key(key) && !value.starts_with('/') && !value.is_empty() =>
                    {
                        Term::Field(key.to_string(), value.to_string())
                    }
                    _ => Term::Anywhere(word),
                }
            })
            .collect();
        Filter { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the filter keeps `doc`.
    pub fn keeps(&self, doc: &Document) -> bool {
        let value = |key: &str| {
            doc.meta
                .iter()
                .find(|(k, _)| k.to_lowercase() == key)
                .map(|(_, v)| v.to_lowercase())
        };
        self.terms.iter().all(|t| match t {
            Term::Anywhere(w) => {
                doc.name.to_lowercase().contains(w)
                    || doc.meta.values().any(|v| v.to_lowercase().contains(w))
            }
            Term::Field(key, w) => {
                value(key).is_some_and(|v| v.contains(w))
                    || doc.categories.iter().any(|(scheme, values)| {
                        scheme.to_lowercase() == *key
                            && values.iter().any(|v| v.to_lowercase().contains(w))
                    })
            }
            Term::Compare(key, allowed, bound) => value(key).is_some_and(|v| {
                let i = match v.as_str().cmp(bound.as_str()) {
                    Ordering::Less => 0,
                    Ordering::Equal => 1,
                    Ordering::Greater => 2,
                };
                allowed[i]
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocId;

    fn doc(name: &str, meta: &[(&str, &str)]) -> Document {
        let mut d = Document::new(DocId(1), name, "Text.");
        for (k, v) in meta {
            d.meta.insert(k.to_string(), v.to_string());
        }
        d
    }

    #[test]
    fn words_keys_and_date_ranges() {
        let a = doc(
            "art-1",
            &[("outlet", "Daily Planet"), ("date", "2025-03-01")],
        );
        let b = doc(
            "art-2",
            &[
                ("outlet", "The Sun, Inc."),
                ("Date", "2025-04-02"),
                ("url", "https://example.org/2"),
            ],
        );
        let c = doc("notes", &[]);
        let kept = |f: &str| -> Vec<String> {
            let f = Filter::parse(f);
            [&a, &b, &c]
                .iter()
                .filter(|d| f.keeps(d))
                .map(|d| d.name.clone())
                .collect()
        };
        assert_eq!(kept(""), ["art-1", "art-2", "notes"]);
        assert_eq!(kept("ART"), ["art-1", "art-2"]);
        assert_eq!(kept("planet"), ["art-1"]);
        assert_eq!(kept("daily planet"), ["art-1"]);
        assert_eq!(kept("outlet:sun"), ["art-2"]);
        let mut categorised = doc("art-3", &[]);
        categorised
            .categories
            .insert("Topic".into(), vec!["politics".into()]);
        let f = Filter::parse("topic:polit");
        assert!(f.keeps(&categorised) && !f.keeps(&a));
        // A URL is a word, not `https:` and a value.
        assert_eq!(kept("https://example.org/2"), ["art-2"]);
        assert_eq!(kept("url:example.org"), ["art-2"]);
        assert_eq!(kept("name:art"), Vec::<String>::new());
        assert_eq!(kept("date>=2025-03-01"), ["art-1", "art-2"]);
        assert_eq!(kept("date>2025-03-01"), ["art-2"]);
        assert_eq!(kept("date>=2025-03 date<2025-04"), ["art-1"]);
        assert_eq!(kept("date<=2025-03-01"), ["art-1"]);
        assert_eq!(kept("date<2025"), Vec::<String>::new());
        // Half-typed words match as plain words rather than fail.
        assert_eq!(kept("outlet:"), Vec::<String>::new());
        assert_eq!(kept(">="), Vec::<String>::new());
    }
}
