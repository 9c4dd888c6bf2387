//! What the model's features may look up besides the text: the bundled lists (as a gazetteer
//! whose hits become features, never decisions), the project's own strings, first names, title
//! and role words, organisation head words and speech cues.

use std::collections::HashSet;

use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, OnceLock};

use crate::matcher::engines::{BUNDLED, FIRST_NAMES};
use crate::matcher::gazetteer::{Entry, Gazetteer, parse_tsv};

const CUES: &str = include_str!("../../../assets/lexicon/cues.tsv");

/// Titles written before a name (capitalised), compared without a final period.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady",
    "Baron", "Baroness", "President", "Premier", "Minister", "Chancellor", "Senator", "Sen",
    "Rep", "Representative", "Congressman", "Congresswoman", "Gov", "Governor", "Mayor", "Judge",
    "Justice", "Gen", "General", "Col", "Colonel", "Sgt", "Sergeant", "Lt", "Capt", "Captain",
    "Commander", "Adm", "Admiral", "Maj", "Major", "Marshal", "Chief", "Coach", "Pope", "King",
    "Queen", "Prince", "Princess", "Duke", "Duchess", "Earl", "Count", "Countess", "Emperor",
    "Empress", "Emir", "Sultan", "Sheikh", "Ayatollah", "Imam", "Rabbi", "Rev", "Reverend",
    "Pastor", "Bishop", "Archbishop", "Cardinal", "Secretary", "Ambassador", "Envoy",
    "Commissioner", "Inspector", "Detective", "Officer", "Sheriff", "Councillor", "Councilor",
    "Speaker", "Chairman", "Chairwoman", "CEO", "Director", "Saint", "St", "Lieutenant",
    "Vice-President", "Father", "Brother", "Sister", "Uncle", "Aunt", "Jr", "Sr", "Datuk",
    "Datin", "Dato", "Sayyid",
];

/// Lower-case roles and relations before a name ("spokeswoman Jane Doe", "wife Ann").
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "president", "chairman", "chairwoman", "director",
    "founder", "leader", "chief", "executive", "coach", "manager", "minister", "secretary",
    "senator", "governor", "mayor", "ambassador", "envoy", "commissioner", "prosecutor",
    "attorney", "lawyer", "judge", "professor", "researcher", "scientist", "economist", "analyst",
    "author", "writer", "novelist", "poet", "journalist", "reporter", "correspondent", "editor",
    "photographer", "artist", "actor", "actress", "singer", "rapper", "musician", "comedian",
    "director", "producer", "designer", "architect", "striker", "midfielder", "defender",
    "goalkeeper", "quarterback", "pitcher", "captain", "candidate", "activist", "cleric",
    "bishop", "priest", "businessman", "businesswoman", "historian", "player", "guitarist",
    "drummer", "vocalist", "bassist", "husband", "wife", "son", "daughter", "brother", "sister",
    "mother", "father", "uncle", "cousin", "widow", "colleague", "friend", "by", "starring",
    "member", "members", "composer", "painter", "king", "queen", "emperor", "pope", "saint",
];

/// Organisation head words, compared without a final period.
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "Inc", "Corp", "Corporation", "Co", "Ltd", "LLC", "plc", "PLC", "AG", "GmbH", "Holdings",
    "Bank", "Party", "Ministry", "Department", "Agency", "Commission", "Committee", "Council",
    "Court", "University", "College", "Institute", "Foundation", "Association", "Airlines",
    "Airways", "Federation", "Organisation", "Organization", "Authority", "Parliament",
    "Assembly", "Senate", "Congress", "Tribunal", "Bureau", "Company", "Fund", "FC", "Club",
    "Group", "Union", "Army", "Navy", "Forces", "News", "Times", "Post", "Office", "Service",
    "Board", "League", "Journal", "Herald", "Tribune", "Telegraph", "Gazette", "Magazine", "Press",
    "Radio", "Television", "Network", "Church", "Front", "Movement", "Guard", "School", "Academy",
    "Records", "Studios", "Systems", "Band", "Orchestra", "Society", "Trust", "Team", "United",
    "City", "Rovers", "Athletic", "Police", "Industries", "Technologies", "Motors", "Museum",
];

/// Place head words, compared without a final period.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "River", "Lake", "Mountain", "Mountains", "Mount", "Mt", "Island", "Islands", "Sea", "Ocean",
    "Bay", "Valley", "County", "Province", "State", "District", "Street", "Road", "Avenue",
    "Square", "Park", "Bridge", "Gulf", "Peninsula", "Desert", "Strait", "Coast", "Hills",
    "Airport", "Station", "Beach", "Forest", "Canal", "Township", "Village", "Region",
];

/// What a word is in the small lists (bits).
pub mod kind {
    pub const FIRST_NAME: u8 = 1;
    pub const FIRST_NAME_AMBIGUOUS: u8 = 2;
    pub const TITLE: u8 = 4;
    pub const ROLE: u8 = 8;
    pub const CUE: u8 = 16;
    pub const ORG_HEAD: u8 = 32;
    pub const PLACE_HEAD: u8 = 64;
}

/// The lists that ship with Gloss, compiled once.
struct Shared {
    gazetteer: Gazetteer,
    /// Word → bits of `kind`.
    words: HashMap<String, u8>,
}

/// The project's own strings.
struct Project {
    gazetteer: Gazetteer,
    /// Distinct (text, label) pairs.
    names: HashSet<(String, String)>,
}

/// What features may look up besides the text. Cheap to clone.
#[derive(Clone)]
pub struct Lexicon {
    shared: Arc<Shared>,
    project: Option<Arc<Project>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("bundled", &self.shared.gazetteer.len())
            .field("project", &self.project.as_ref().map(|p| p.names.len()))
            .finish()
    }
}

/// A list hit: which list (for bundled lists their name, for the project's strings
/// "project " + label) and the token range it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    pub start: usize,
    pub end: usize,
    pub list: &'a str,
    /// The entry's label, e.g. "GPE".
    pub label: &'a str,
    pub text: &'a str,
    /// From the project's strings rather than a bundled list.
    pub project: bool,
}

fn shared() -> Arc<Shared> {
    static SHARED: OnceLock<Arc<Shared>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let mut entries = Vec::new();
            for b in BUNDLED {
                // Folded so datelines and headlines in capitals still hit ("LONDON").
                if let Ok(e) = parse_tsv(b.contents, b.name, true) {
                    entries.extend(e);
                }
            }
            let mut words: HashMap<String, u8> = HashMap::new();
            for line in FIRST_NAMES.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(name), _, flags) = (cols.next(), cols.next(), cols.next()) else {
                    continue;
                };
                let bit = if flags.is_some_and(|f| f.contains("ambiguous")) {
                    kind::FIRST_NAME_AMBIGUOUS
                } else {
                    kind::FIRST_NAME
                };
                *words.entry(name.trim().to_string()).or_default() |= bit;
            }
            for (list, bit) in [
                (TITLES, kind::TITLE),
                (ROLES, kind::ROLE),
                (ORG_HEADS, kind::ORG_HEAD),
                (PLACE_HEADS, kind::PLACE_HEAD),
            ] {
                for w in list {
                    *words.entry((*w).to_string()).or_default() |= bit;
                }
            }
            for line in CUES.lines().filter(|l| !l.starts_with('#')) {
                if let Some(forms) = line.split('\t').nth(2) {
                    for form in forms.split(',') {
                        let form = form.trim();
                        if !form.is_empty() && !form.contains(' ') {
                            *words.entry(form.to_lowercase()).or_default() |= kind::CUE;
                        }
                    }
                }
            }
            Arc::new(Shared {
                gazetteer: Gazetteer::new(entries),
                words,
            })
        })
        .clone()
}

impl Lexicon {
    /// The bundled lists (matcher::engines::BUNDLED), first names, titles, cue words.
    pub fn bundled() -> Lexicon {
        Lexicon {
            shared: shared(),
            project: None,
        }
    }

    /// This lexicon plus the project's own strings (name text, label), e.g. learned strings and
    /// user lists. Replaces any project strings this lexicon had.
    pub fn with_names(&self, names: impl IntoIterator<Item = (String, String)>) -> Lexicon {
        let mut set = HashSet::new();
        for (text, label) in names {
            let text = text.trim().to_string();
            if !text.is_empty() && !label.is_empty() && text.chars().any(char::is_alphanumeric) {
                set.insert((text, label));
            }
        }
        let mut sorted: Vec<&(String, String)> = set.iter().collect();
        sorted.sort();
        let entries = sorted
            .iter()
            .map(|(text, label)| Entry {
                text: text.clone(),
                label: label.clone(),
                canonical: None,
                list: format!("project {label}"),
                fold_case: false,
                exact_case: false,
            })
            .collect();
        Lexicon {
            shared: self.shared.clone(),
            project: (!set.is_empty()).then(|| {
                Arc::new(Project {
                    gazetteer: Gazetteer::new(entries),
                    names: set,
                })
            }),
        }
    }

    /// This lexicon without some of its project strings (text, label).
    pub fn without(&self, drop: &HashSet<(String, String)>) -> Lexicon {
        match &self.project {
            Some(p) if p.names.iter().any(|k| drop.contains(k)) => {
                self.with_names(p.names.iter().filter(|k| !drop.contains(*k)).cloned())
            }
            _ => self.clone(),
        }
    }

    /// Whether the project strings hold `text` with `label`.
    pub fn has_name(&self, text: &str, label: &str) -> bool {
        self.project
            .as_ref()
            .is_some_and(|p| p.names.contains(&(text.to_string(), label.to_string())))
    }

    /// Bits of [`kind`] for a word (first names and titles as written, cues in lower case).
    pub fn word_kind(&self, word: &str) -> u8 {
        let w = word.strip_suffix('.').unwrap_or(word);
        let words = &self.shared.words;
        let mut bits = words.get(w).copied().unwrap_or(0);
        if !w.bytes().all(|b| b.is_ascii_lowercase()) && w.chars().any(char::is_uppercase) {
            let lower = w.to_lowercase();
            bits |= words.get(&lower).copied().unwrap_or(0) & (kind::CUE | kind::ROLE);
            // A word in capitals ("JOHN") is looked up as "John".
            if bits & (kind::FIRST_NAME | kind::FIRST_NAME_AMBIGUOUS | kind::TITLE) == 0
                && w.chars().all(|c| !c.is_lowercase())
            {
                let mut title = String::with_capacity(w.len());
                let mut first = true;
                for c in lower.chars() {
                    if first {
                        title.extend(c.to_uppercase());
                        first = false;
                    } else {
                        title.push(c);
                    }
                }
                bits |= words.get(&title).copied().unwrap_or(0)
                    & (kind::FIRST_NAME | kind::FIRST_NAME_AMBIGUOUS | kind::TITLE);
            }
        }
        bits
    }

    /// Every list hit in `text` (code points), bundled lists and project strings.
    pub fn hits<'a>(&'a self, text: &str) -> Vec<Hit<'a>> {
        let mut out = Vec::new();
        let g = &self.shared.gazetteer;
        for m in g.find(text) {
            let e = g.entry(m.entry);
            out.push(Hit {
                start: m.start,
                end: m.end,
                list: &e.list,
                label: &e.label,
                text: &e.text,
                project: false,
            });
        }
        if let Some(p) = &self.project {
            for m in p.gazetteer.find(text) {
                let e = p.gazetteer.entry(m.entry);
                out.push(Hit {
                    start: m.start,
                    end: m.end,
                    list: &e.list,
                    label: &e.label,
                    text: &e.text,
                    project: true,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_words_up() {
        let lx = Lexicon::bundled();
        assert!(lx.word_kind("President") & kind::TITLE != 0);
        assert!(lx.word_kind("said") & kind::CUE != 0);
        assert!(lx.word_kind("Mary") & kind::FIRST_NAME != 0);
        assert!(lx.word_kind("MARY") & kind::FIRST_NAME != 0);
        assert!(lx.word_kind("Ltd.") & kind::ORG_HEAD != 0);
        assert_eq!(lx.word_kind("table"), 0);
    }

    #[test]
    fn finds_bundled_and_project_strings() {
        let lx =
            Lexicon::bundled().with_names([("Zorblat Quinn".to_string(), "PERSON".to_string())]);
        let hits = lx.hits("Zorblat Quinn flew to France and LONDON.");
        assert!(
            hits.iter()
                .any(|h| h.project && h.label == "PERSON" && h.start == 0 && h.end == 13)
        );
        assert!(hits.iter().any(|h| !h.project && h.text == "France"));
        assert!(
            hits.iter()
                .any(|h| !h.project && h.start == 33 && h.end == 39)
        );
        assert!(lx.has_name("Zorblat Quinn", "PERSON"));
    }
}
