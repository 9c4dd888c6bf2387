//! Short names that many annotations repeat — a span's label, the engine and rule behind an
//! accepted suggestion, an import's format — kept once per process and referred to by a 4-byte
//! number, so 100,000 spans labelled "PERSON" hold one copy of the word, not 100,000.
//!
//! A `Symbol` reads, compares, hashes, orders, prints and (de)serialises as its string, so files
//! are unchanged; only memory differs. Names are never freed: they come from label sets, engine
//! and rule names and format names, a few hundred in any session.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{LazyLock, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An interned string; see the module documentation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Symbol(u32);

#[derive(Default)]
struct Table {
    ids: HashMap<&'static str, u32>,
    names: Vec<&'static str>,
}

static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(Default::default);

impl Symbol {
    /// The symbol for `name`, adding it to the table the first time it is seen.
    pub fn new(name: &str) -> Self {
        {
            let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
            if let Some(&id) = table.ids.get(name) {
                return Symbol(id);
            }
        }
        let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = table.ids.get(name) {
            return Symbol(id);
        }
        // Memory runs out long before four billion distinct names.
        let id = table.names.len() as u32;
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        table.names.push(leaked);
        table.ids.insert(leaked, id);
        Symbol(id)
    }

    pub fn as_str(&self) -> &'static str {
        let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
        table.names.get(self.0 as usize).copied().unwrap_or("")
    }
}

impl Default for Symbol {
    fn default() -> Self {
        Symbol::new("")
    }
}

impl Deref for Symbol {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Symbol {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Hashes as its string, so maps keyed by `Symbol` can be looked up with a `&str`.
impl Hash for Symbol {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Borrow<str> for Symbol {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// Ordered as its string (alphabetically), never by when it was first seen.
impl Ord for Symbol {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.0 == other.0 {
            return std::cmp::Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Symbol {
    fn from(s: &str) -> Self {
        Symbol::new(s)
    }
}

impl From<&String> for Symbol {
    fn from(s: &String) -> Self {
        Symbol::new(s)
    }
}

impl From<String> for Symbol {
    fn from(s: String) -> Self {
        Symbol::new(&s)
    }
}

impl From<Symbol> for String {
    fn from(s: Symbol) -> Self {
        s.as_str().to_owned()
    }
}

impl PartialEq<str> for Symbol {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Symbol {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Symbol {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Symbol> for str {
    fn eq(&self, other: &Symbol) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Symbol> for &str {
    fn eq(&self, other: &Symbol) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Symbol> for String {
    fn eq(&self, other: &Symbol) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Symbol;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Symbol, E> {
                Ok(Symbol::new(v))
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_name_same_symbol_and_reads_back() {
        let a = Symbol::new("PERSON");
        let b = Symbol::from(String::from("PERSON"));
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "PERSON");
        assert_eq!(a, "PERSON");
        assert_ne!(a, Symbol::new("ORG"));
        assert_eq!(format!("{a} {a:?}"), "PERSON \"PERSON\"");
    }

    #[test]
    fn orders_and_hashes_as_its_string() {
        // Interned in reverse order: the order must still be alphabetical.
        let z = Symbol::new("zz-order");
        let a = Symbol::new("aa-order");
        assert!(a < z);
        let mut m = HashMap::new();
        m.insert(z, 1);
        assert_eq!(m.get("zz-order"), Some(&1));
    }

    #[test]
    fn serialises_as_a_plain_string() {
        let s = Symbol::new("GPE");
        assert_eq!(ron::to_string(&s).unwrap(), "\"GPE\"");
        let back: Symbol = ron::from_str("\"GPE\\u{301}\"").unwrap();
        assert_eq!(back, "GPE\u{301}");
        assert!(ron::from_str::<Symbol>("3").is_err());
    }

    #[test]
    fn threads_agree_on_ids() {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    (0..200)
                        .map(|i| Symbol::new(&format!("thread-{i}")))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let all: Vec<Vec<Symbol>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        for other in &all[1..] {
            assert_eq!(&all[0], other);
        }
    }
}
