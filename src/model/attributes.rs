//! The attributes of one entity, span or quote (`gender: female`, `stance: against`), as an
//! interned 3-byte number.
//!
//! A span is the annotation there are most of, and issue 6 holds it to 64 bytes; its fields
//! left three bytes of padding, which is where its attributes go. Like `Symbol` for labels, each
//! distinct attribute map is kept once per process and never freed, and an annotation holds its
//! number (0 for none). Projects repeat a few combinations (`gender: female`) many times, so
//! the table stays small; sixteen million distinct maps is far beyond what an annotator types.
//!
//! `Attributes` reads like a `BTreeMap<String, String>` (it derefs to one), compares and hashes
//! by content, and is written to files and the journal as a plain map, so the number never
//! leaves the process.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Deref;
use std::sync::{LazyLock, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

type Map = BTreeMap<String, String>;

/// An item's attributes: attribute name → value, sorted by name. See the module documentation.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Attributes([u8; 3]);

struct Table {
    ids: HashMap<&'static Map, u32>,
    maps: Vec<&'static Map>,
}

static EMPTY: Map = BTreeMap::new();

static TABLE: LazyLock<RwLock<Table>> = LazyLock::new(|| {
    RwLock::new(Table {
        ids: HashMap::from([(&EMPTY, 0)]),
        maps: vec![&EMPTY],
    })
});

/// Ids fit in three bytes.
const LIMIT: u32 = 1 << 24;

impl Attributes {
    fn id(self) -> u32 {
        u32::from_le_bytes([self.0[0], self.0[1], self.0[2], 0])
    }

    fn from_id(id: u32) -> Self {
        let b = id.to_le_bytes();
        Attributes([b[0], b[1], b[2]])
    }

    fn intern(map: Map) -> Self {
        if map.is_empty() {
            return Self::default();
        }
        {
            let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
            if let Some(&id) = table.ids.get(&map) {
                return Self::from_id(id);
            }
        }
        let mut table = TABLE.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = table.ids.get(&map) {
            return Self::from_id(id);
        }
        let id = table.maps.len() as u32;
        // Memory runs out long before this: each map is a heap allocation of its own.
        assert!(id < LIMIT, "more than 16 million distinct attribute sets");
        let leaked: &'static Map = Box::leak(Box::new(map));
        table.maps.push(leaked);
        table.ids.insert(leaked, id);
        Self::from_id(id)
    }

    /// The map itself, kept for the life of the process.
    pub fn map(&self) -> &'static Map {
        if self.0 == [0; 3] {
            return &EMPTY;
        }
        let table = TABLE.read().unwrap_or_else(|e| e.into_inner());
        table
            .maps
            .get(self.id() as usize)
            .copied()
            .unwrap_or(&EMPTY)
    }

    /// Set `name` to `value` (`Some`), or remove it (`None`); returns the value it had.
    pub fn set(&mut self, name: &str, value: Option<String>) -> Option<String> {
        let mut map = self.map().clone();
        let old = match value {
            Some(v) => map.insert(name.to_string(), v),
            None => map.remove(name),
        };
        *self = Self::intern(map);
        old
    }

    pub fn value(&self, name: &str) -> Option<&'static str> {
        self.map().get(name).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0 == [0; 3]
    }
}

impl Deref for Attributes {
    type Target = Map;
    fn deref(&self) -> &Map {
        self.map()
    }
}

impl fmt::Debug for Attributes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.map().fmt(f)
    }
}

impl From<Map> for Attributes {
    fn from(m: Map) -> Self {
        Self::intern(m)
    }
}

impl FromIterator<(String, String)> for Attributes {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        Self::intern(BTreeMap::from_iter(iter))
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.map().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::deserialize(d).map(Attributes::intern)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_set_and_clear_back_to_nothing() {
        let mut a = Attributes::default();
        assert_eq!(a.set("gender", Some("female".into())), None);
        assert_eq!(a.value("gender"), Some("female"));
        let female = a;
        assert_eq!(
            a.set("gender", Some("male".into())).as_deref(),
            Some("female")
        );
        assert_ne!(a, female);
        assert_eq!(a.set("gender", None).as_deref(), Some("male"));
        assert!(a.is_empty());
        assert_eq!(a, Attributes::default());
        let mut b = Attributes::default();
        b.set("gender", Some("female".into()));
        assert_eq!(b, female, "equal maps are one number");
    }

    #[test]
    fn attributes_serialise_as_a_plain_map() {
        let a: Attributes = [("stance".to_string(), "against".to_string())]
            .into_iter()
            .collect();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"stance":"against"}"#);
        let back: Attributes = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        let empty: Attributes = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn three_bytes() {
        assert_eq!(std::mem::size_of::<Attributes>(), 3);
    }
}
