//! The rules engine: names found from the shape of the text alone, without lists of names (but
//! a first-name list) and without a trained model, in the style of Mikheev, Moens and Grover
//! (1999, "Named Entity Recognition without Gazetteers") and GATE's ANNIE.
//!
//! A capitalised word in English news is a name, or the first word of a sentence, or a word in a
//! headline. The engine builds *capitalised sequences*, joined by connectors inside names ("Bank
//! of England", "Ludwig van Beethoven", "Food and Drug Administration") and trimmed of
//! determiners, weekdays, months and sentence-initial function words, then types each one from
//! the evidence around and inside it. Each rule has a name (the suggestion's `rule`):
//!
//! - `title`: a title before it ("President", "Gen.", "Prime Minister") → PERSON 0.9; a role
//!   word ("spokeswoman", "union president") → 0.8 (0.7 for family words like "wife").
//! - `org-head`, `org-of`: an organisation head word at the end ("… Inc.", "… Ministry", 0.85;
//!   weaker heads like "… Times", 0.75), or before "of" ("University of …", 0.85) → ORG.
//! - `org-single`: an institution named by its head word alone ("Congress") → ORG 0.6.
//! - `loc-head`, `event-head`, `misc-head`: "… River", "… War", "… Treaty" → LOC, EVENT,
//!   MISC 0.6.
//! - `acronym`: "Long Form (LF)" or "Long Form, or LF,": the long form (its own label, else ORG)
//!   0.9, and the acronym there and later 0.85, all one entity; an acronym no one defines
//!   that spells an organisation named elsewhere in the document → it, 0.75.
//! - `alias`: "X, also known as Y" → Y as X, 0.7.
//! - `first-name`: a first name from the list starts it → PERSON 0.8; 0.65 for a name that is
//!   also a word ("Mark"), and only with more evidence at a sentence start.
//! - `particle-name`, `east-asian-name`: "Bashar al-Assad", "Moon Jae-in" → PERSON 0.65, 0.7.
//! - `speech-cue`: a speech verb after it ("… said") or before it at the end of a clause ("…,
//!   said X.") → PERSON, or ORG after "the" or with a head word; 0.7, 0.55 for a single word.
//! - `gpe-cue`: "London-based", "the city of X", "capital X" → GPE 0.6; "X's government" 0.55.
//! - `partial`: Mikheev's second stage. A confident name is looked for again across the
//!   document: the surname alone, the full form repeated, "Acme" for "Acme Inc." → the source's
//!   label and entity, 0.8 (0.9 for a multi-word repeat).
//!
//! Several rules agreeing on one span add 0.05 each. Overlaps are resolved here, longest
//! confident candidate first; the output never repeats a `Known` range with the same label.
//!
//! Sentence starts get Mikheev's document-centred treatment: a capitalised word at an ambiguous
//! position (a sentence's first word, after an opening quote or a colon, anywhere in a Title-Case
//! headline) counts as a name only if the document also writes it capitalised mid-sentence, or
//! another engine found it, or it is a first name; if the document writes it in lower case
//! elsewhere, it is not a name.
//!
//! Precision matters more than recall: an annotator pays for every wrong suggestion, and the
//! lists (gazetteer, learned strings) already give confident places and repeated names. So every
//! rule asks for positive evidence, and a capitalised sequence with no evidence of its type is
//! not suggested at all.
//!
//! How the parts fit. [`Rules::suggest`] reads the text once into a `RuleText` (`text`:
//! tokens, sentences, lines, headlines, lines in capitals, and the case evidence above), then a
//! `Finder` (`finder`) gathers `Candidate` spans in passes, each an `impl Finder` in its own file:
//!
//! 1. `runs`: the capitalised sequences; `classify` types each one, asking `persons` (first
//!    names, titles, what can be a person's name), `organisations` (the press, companies),
//!    `sports` (athletes, clubs, tables) and `cues` (speech verbs, place cues).
//! 2. `capitals`: datelines; `persons` again for lists of names; `acronyms`: acronyms and
//!    aliases.
//! 3. `partial`: Mikheev's second stage, the confident names looked for again.
//! 4. `capitals` again for lines in capitals, which take their names from the rest of the text.
//!
//! `finder`'s `finish` then merges and settles the candidates. The word tables are in `words`
//! (names) and `lexicons` (the bundled places and press, and the words of sport and business);
//! the scores in `score`; the tests in `tests`.

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

use crate::model::{EntityId, Suggestion};

mod acronyms;
mod capitals;
mod classify;
mod clubs;
mod cues;
mod elections;
mod finder;
mod lexicons;
mod organisations;
mod partial;
mod persons;
mod runs;
mod score;
mod sports;
mod text;
mod words;

pub use partial::PARTIAL_RULE;
pub use sports::{CLUB_RULE, LINEUP_RULE, TEAM_ROW_RULE};
pub use words::{event_head, is_short_month, is_sport_slug};

#[cfg(test)]
mod tests;

use finder::Finder;
use text::RuleText;
use words::is_common_word_name;

/// Sets and maps keyed by the document's words, looked up millions of times for a book:
/// foldhash's fast hasher, with a fixed seed so that every run is the same.
type FastSet<'a> = HashSet<&'a str, FixedState>;
type FastMap<'a, V> = HashMap<&'a str, V, FixedState>;

/// A first name's usual gender, for the speaker rules (he/she) that build on this engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
    Unisex,
}

/// A name already found in the document by another engine or by the user: evidence for the
/// rules (it is a name, of this label) and a source for partial matching.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub entity: Option<EntityId>,
}

#[derive(Clone, Copy, Debug)]
struct FirstName {
    gender: Gender,
    /// Also a common word ("Mark", "Will", "Hope"): weaker evidence.
    ambiguous: bool,
}

/// The compiled rules: the first-name list and nothing else document-specific.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    first_names: FirstNames,
}

/// The first-name list, looked up as written and else without accents: the bundled US list
/// spells "Maria", "Jose", "Andres" as birth records do, news "María", "José", "Andrés".
#[derive(Clone, Debug, Default)]
struct FirstNames(HashMap<String, FirstName, FixedState>);

impl FirstNames {
    /// `w` as a first name: as written, without accents, or (hyphenated) when both its parts
    /// are first names ("Marc-André", "Hans-Jürgen", "Anne-Marie": the first part's entry).
    fn get(&self, w: &str) -> Option<&FirstName> {
        self.get_one(w).or_else(|| {
            let (a, b) = w.split_once('-')?;
            // "Franco-German", "Al-Hilal", "San-…": prefixes, not given names; nor a part that
            // is also a word.
            if matches!(
                a,
                "Franco"
                    | "Anglo"
                    | "Austro"
                    | "Sino"
                    | "Indo"
                    | "Afro"
                    | "Euro"
                    | "Al"
                    | "El"
                    | "San"
                    | "Santa"
                    | "Saint"
                    | "St"
            ) || self.get_one(b)?.ambiguous
            {
                return None;
            }
            self.get_one(a).filter(|f| !f.ambiguous)
        })
    }

    fn get_one(&self, w: &str) -> Option<&FirstName> {
        self.0.get(w).or_else(|| {
            if w.is_ascii() {
                return None;
            }
            let folded: String = w.chars().map(fold_accent).collect();
            self.0.get(&folded)
        })
    }

    fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    fn insert(&mut self, name: String, f: FirstName) {
        self.0.insert(name, f);
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

impl FromIterator<(String, FirstName)> for FirstNames {
    fn from_iter<I: IntoIterator<Item = (String, FirstName)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

/// A Latin letter without its accent ("í" → "i", "Ó" → "O"); any other character as it is.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ç' => 'c',
        'Ç' => 'C',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

const ENGINE: &str = "rules";

impl Rules {
    /// Rules with this first-name list. Names that are also common English words ("Mark",
    /// "Will", "May") are marked ambiguous from a built-in table.
    pub fn new(first_names: impl IntoIterator<Item = (String, Gender)>) -> Self {
        let first_names = first_names
            .into_iter()
            .map(|(name, gender)| {
                let ambiguous = is_common_word_name(&name);
                (name, FirstName { gender, ambiguous })
            })
            .collect();
        Self { first_names }
    }

    /// Rules with the first names of a TSV list: `name<TAB>gender<TAB>flags`, gender `f`, `m` or
    /// `u`, flags a comma-separated list in which `ambiguous` marks a name that is also a common
    /// word. Lines starting with `#` and blank lines are skipped, and so is a line without a
    /// known gender: the list is bundled and checked by its build script, and one bad line
    /// should not switch the rules off.
    pub fn from_tsv(tsv: &str) -> Self {
        let mut rules = Self::default();
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(name), Some(gender)) = (cols.next(), cols.next()) else {
                continue;
            };
            let gender = match gender.trim() {
                "f" | "F" => Gender::Female,
                "m" | "M" => Gender::Male,
                "u" | "U" => Gender::Unisex,
                _ => continue,
            };
            let name = name.trim();
            let flagged = cols
                .next()
                .is_some_and(|f| f.split(',').any(|x| x.trim() == "ambiguous"));
            let ambiguous = flagged || is_common_word_name(name);
            rules
                .first_names
                .insert(name.to_string(), FirstName { gender, ambiguous });
        }
        rules
    }

    /// How many first names the rules know.
    pub fn first_name_count(&self) -> usize {
        self.first_names.len()
    }

    /// The usual gender of a first name, if it is in the list.
    pub fn gender(&self, first_name: &str) -> Option<Gender> {
        self.first_names.get(first_name).map(|f| f.gender)
    }

    /// Suggestions for `text`: non-overlapping, sorted by start, none repeating a `known`
    /// range with the same label.
    pub fn suggest(&self, text: &str, known: &[Known]) -> Vec<Suggestion> {
        let doc = RuleText::new(text, known);
        let mut finder = Finder {
            rules: self,
            doc: &doc,
            cands: Vec::new(),
            names: Vec::new(),
            runs: Vec::new(),
        };
        finder.runs();
        finder.datelines();
        finder.party_rows();
        finder.lists();
        finder.acronyms();
        finder.aliases();
        finder.acronyms_spelled_elsewhere();
        finder.partial_matches();
        finder.capital_lines();
        let mut out = finder.finish();
        // A reason is one line even when the text it quotes crosses a line break.
        for s in &mut out {
            if s.reason.contains(['\n', '\r']) {
                s.reason = s.reason.replace("\r\n", " ").replace(['\n', '\r'], " ");
            }
        }
        out
    }
}
