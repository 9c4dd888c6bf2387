//! The label set: the kinds of entity a project annotates, each with a colour and a key.

use serde::{Deserialize, Serialize};

/// An sRGB colour, written to files as `"#rrggbb"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Color(pub [u8; 3]);

impl Color {
    pub fn parse(s: &str) -> Result<Self, String> {
        let hex = s.strip_prefix('#').unwrap_or(s);
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(format!("colour {s:?} is not of the form #rrggbb"));
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Color([byte(0)?, byte(2)?, byte(4)?]))
    }

    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }
}

impl TryFrom<String> for Color {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Color::parse(&s)
    }
}

impl From<Color> for String {
    fn from(c: Color) -> String {
        c.hex()
    }
}

/// One label: its name as exported ("PERSON"), display colour, the key that applies it, and a
/// line of guidance for annotators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDef {
    pub name: String,
    pub color: Color,
    /// A digit '0'..='9' that applies this label, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<char>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelSet {
    pub labels: Vec<LabelDef>,
}

/// Colours chosen to stay readable as a background behind dark and light text alike.
pub const PALETTE: [[u8; 3]; 10] = [
    [0x7a, 0xa6, 0xe8], // blue
    [0xe8, 0xa3, 0x5a], // orange
    [0x6c, 0xc4, 0x7e], // green
    [0xb9, 0x93, 0xe0], // violet
    [0xe0, 0x8a, 0x9e], // rose
    [0xd9, 0xc7, 0x4a], // mustard
    [0x9a, 0xa8, 0xb5], // slate
    [0x5c, 0xc8, 0xc8], // teal
    [0xd0, 0x7c, 0x5c], // brick
    [0xa8, 0xc2, 0x5c], // olive
];

impl LabelSet {
    /// The news set: PERSON, ORG, GPE, LOC, NORP, EVENT, MISC on keys 1..7.
    pub fn news() -> Self {
        let defs = [
            ("PERSON", "People, real or fictional, by name."),
            ("ORG", "Companies, agencies, institutions, parties, teams."),
            (
                "GPE",
                "Countries, cities, states: places with a government.",
            ),
            ("LOC", "Other places: regions, mountains, seas, buildings."),
            ("NORP", "Nationalities, religious or political groups."),
            ("EVENT", "Named events: wars, summits, storms, elections."),
            ("MISC", "Other names: laws, works, products, languages."),
        ];
        Self::from_names_with(defs.iter().map(|(n, d)| (n.to_string(), d.to_string())))
    }

    /// A set from bare names, with palette colours and keys 1, 2, … 9, 0 in order.
    pub fn from_names(names: impl IntoIterator<Item = String>) -> Self {
        Self::from_names_with(names.into_iter().map(|n| (n, String::new())))
    }

    fn from_names_with(names: impl IntoIterator<Item = (String, String)>) -> Self {
        let labels = names
            .into_iter()
            .enumerate()
            .map(|(i, (name, description))| LabelDef {
                name,
                color: Color(PALETTE[i % PALETTE.len()]),
                key: Self::default_key(i),
                description,
            })
            .collect();
        Self { labels }
    }

    /// Keys 1..9 then 0 for the first ten labels, none after.
    pub fn default_key(index: usize) -> Option<char> {
        match index {
            0..=8 => char::from_digit(index as u32 + 1, 10),
            9 => Some('0'),
            _ => None,
        }
    }

    pub fn get(&self, name: &str) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.name == name)
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.name == name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn by_key(&self, key: char) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.key == Some(key))
    }

    /// A colour not yet used by any label, or the palette's next one in turn.
    pub fn next_color(&self) -> Color {
        PALETTE
            .iter()
            .find(|c| !self.labels.iter().any(|l| l.color.0 == **c))
            .map(|c| Color(*c))
            .unwrap_or(Color(PALETTE[self.labels.len() % PALETTE.len()]))
    }

    /// The first digit key no label uses yet.
    pub fn free_key(&self) -> Option<char> {
        (0..10)
            .filter_map(Self::default_key)
            .find(|k| self.by_key(*k).is_none())
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().map(|l| l.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_round_trips_through_hex() {
        let c = Color::parse("#7aa6e8").unwrap();
        assert_eq!(c, Color([0x7a, 0xa6, 0xe8]));
        assert_eq!(c.hex(), "#7aa6e8");
        assert!(Color::parse("#7aa6e").is_err());
        assert!(Color::parse("#zzzzzz").is_err());
    }

    #[test]
    fn news_set_has_seven_labels_on_keys_one_to_seven() {
        let set = LabelSet::news();
        let names: Vec<_> = set.names().collect();
        assert_eq!(
            names,
            ["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"]
        );
        assert_eq!(set.by_key('1').unwrap().name, "PERSON");
        assert_eq!(set.by_key('7').unwrap().name, "MISC");
        assert_eq!(set.free_key(), Some('8'));
    }
}
