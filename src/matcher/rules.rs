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
//!   0.9, and the acronym there and later 0.85, all one entity.
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

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::{EntityId, Proposal, Suggestion};
use crate::text::{Token, TokenKind, sentences, tokenize};

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
    first_names: HashMap<String, FirstName, BuildHasherDefault<FxHasher>>,
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
        let doc = Doc::new(text, known);
        let mut finder = Finder {
            rules: self,
            doc: &doc,
            cands: Vec::new(),
            names: Vec::new(),
            runs: Vec::new(),
        };
        finder.runs();
        finder.datelines();
        finder.lists();
        finder.acronyms();
        finder.aliases();
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

/// First names that are also everyday words; weaker evidence even when a list does not flag them.
fn is_common_word_name(name: &str) -> bool {
    matches!(
        name,
        "Mark"
            | "Will"
            | "Bill"
            | "May"
            | "June"
            | "April"
            | "August"
            | "Grace"
            | "Hope"
            | "Faith"
            | "Joy"
            | "Rose"
            | "Art"
            | "Sue"
            | "Pat"
            | "Jack"
            | "Frank"
            | "Rich"
            | "Guy"
            | "Ray"
            | "Dawn"
            | "Summer"
            | "Autumn"
            | "Sky"
            | "Star"
            | "Major"
            | "King"
            | "Prince"
            | "Duke"
            | "Earl"
            | "Chase"
            | "Hunter"
            | "Page"
            | "Drew"
            | "Gene"
            | "Lane"
            | "Dean"
            | "Long"
            | "Young"
            | "Rob"
            | "Sterling"
            | "Price"
            | "Chance"
            | "Justice"
            | "Honor"
            | "Royal"
            | "General"
            | "Sunday"
            | "Monday"
            | "China"
            | "Paris"
            | "Israel"
            | "Jordan"
            | "Georgia"
            | "Virginia"
            | "Austin"
            | "Florence"
            | "Victoria"
            | "Christian"
            | "Said"
            | "Van"
            | "Don"
            | "Le"
            | "La"
            | "An"
            | "Ali"
    )
}

// ---------------------------------------------------------------------------------------------
// Word tables. Matching on `&str` compiles to length checks and comparisons, which is as fast as
// a hash lookup for lists this size and keeps each table readable next to its purpose.

/// Function words that open sentences; never the first word of a name there.
#[rustfmt::skip]
fn is_initial_function_word(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "But" | "And" | "Or" | "Nor" | "So" | "Yet" | "However" | "Moreover"
            | "Meanwhile" | "Nevertheless" | "Nonetheless" | "Still" | "Also" | "Then" | "Now"
            | "Thus" | "Hence" | "Indeed" | "Instead" | "Although" | "Though" | "While" | "Whilst"
            | "When" | "Whenever" | "Where" | "Why" | "How" | "What" | "Which" | "Who" | "Whom"
            | "Whose" | "If" | "Unless" | "Because" | "Since" | "As" | "After" | "Before" | "Until"
            | "Once" | "In" | "On" | "At" | "By" | "For" | "From" | "With" | "Without" | "Within"
            | "Into" | "Of" | "Over" | "Under" | "About" | "Above" | "Across" | "Against" | "Along"
            | "Among" | "Around" | "Behind" | "Below" | "Between" | "Beyond" | "During" | "Despite"
            | "Except" | "Inside" | "Like" | "Near" | "Outside" | "Through" | "Throughout" | "To"
            | "Toward" | "Towards" | "Upon" | "Via" | "He" | "She" | "It" | "They" | "We" | "You"
            | "His" | "Her" | "Its" | "Their" | "Our" | "Your" | "My" | "This" | "That" | "These"
            | "Those" | "There" | "Here" | "Some" | "Many" | "Most" | "Much" | "More" | "Less"
            | "Few" | "Several" | "All" | "Any" | "Both" | "Each" | "Every" | "Either" | "Neither"
            | "No" | "None" | "Not" | "Other" | "Another" | "Such" | "Only" | "Just" | "Even"
            | "Already" | "Always" | "Never" | "Often" | "Sometimes" | "Perhaps" | "Maybe" | "Yes"
            | "Today" | "Yesterday" | "Tomorrow" | "Tonight" | "Last" | "Next" | "First" | "Second"
            | "Third" | "Finally" | "Later" | "Earlier" | "Currently" | "According" | "Asked"
            | "Following" | "Given" | "Including" | "Overall" | "Otherwise" | "Unlike" | "Please"
            | "Let" | "Well" | "Oh" | "Whether" | "Dear" | "Amid"
            | "Despite," | "Regardless" | "Do" | "Does" | "Did" | "Is" | "Are" | "Was" | "Were"
            | "Has" | "Have" | "Had" | "Can" | "Could" | "Will" | "Would" | "Should" | "Must"
            | "May" | "Might" | "Shall"
    )
}

#[rustfmt::skip]
fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Months, and whether the month name is never a person's name too.
fn month(w: &str) -> Option<bool> {
    match w {
        "January" | "February" | "March" | "July" | "September" | "October" | "November"
        | "December" | "Jan." | "Feb." | "Mar." | "Apr." | "Aug." | "Sep." | "Sept." | "Oct."
        | "Nov." | "Dec." => Some(true),
        "April" | "May" | "June" | "August" => Some(false),
        _ => None,
    }
}

/// Words capitalised for other reasons than being names.
#[rustfmt::skip]
fn is_never_name(w: &str) -> bool {
    matches!(
        w,
        "I" | "I'm" | "I’m" | "I'd" | "I’d" | "I've" | "I’ve" | "I'll" | "I’ll" | "OK" | "Ok"
            | "AM" | "PM" | "TV" | "Q" | "A" | "Mr" | "Mrs"
    )
}

/// Titles that stand before a person's name.
#[rustfmt::skip]
fn is_title_core(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Mx" | "Dr" | "Dr." | "Prof"
            | "Prof." | "Professor" | "Sir" | "Dame" | "Lord" | "Lady" | "Baron" | "Baroness"
            | "President" | "Premier" | "Minister" | "Chancellor" | "Senator" | "Sen." | "Sens."
            | "Rep." | "Reps." | "Representative" | "Congressman" | "Congresswoman" | "Assemblyman"
            | "Assemblywoman" | "Gov." | "Governor" | "Mayor" | "Judge" | "Justice" | "Gen."
            | "General" | "Col." | "Colonel" | "Sgt." | "Sergeant" | "Lt." | "Capt." | "Captain"
            | "Cmdr." | "Cdr." | "Commander" | "Adm." | "Admiral" | "Maj." | "Major" | "Brig."
            | "Brigadier" | "Cpl." | "Corporal" | "Marshal" | "Chief" | "Coach" | "Pope" | "King"
            | "Queen" | "Prince" | "Princess" | "Duke" | "Duchess" | "Earl" | "Countess"
            | "Emperor" | "Empress" | "Emir" | "Sultan" | "Sheikh" | "Shaikh" | "Ayatollah"
            | "Imam" | "Rabbi" | "Rev." | "Reverend" | "Pastor" | "Bishop" | "Archbishop"
            | "Cardinal" | "Secretary" | "Secretary-General" | "Ambassador" | "Envoy"
            | "Commissioner" | "Superintendent" | "Supt." | "Inspector" | "Insp." | "Detective"
            | "Det." | "Officer" | "Sheriff" | "Constable" | "Const." | "Councillor" | "Councilor"
            | "Councilman" | "Councilwoman" | "Alderman" | "Ald." | "Speaker" | "Chairman"
            | "Chairwoman" | "Chairperson" | "CEO" | "CFO" | "COO" | "Director" | "Dean" | "Leader"
            | "Spokesman" | "Spokeswoman" | "Spokesperson" | "Magistrate" | "Prosecutor"
            | "Vice-President" | "Vice-Chancellor" | "Pres." | "Hon." | "Atty." | "Executive"
            | "Lieutenant" | "Administrator"
    )
}

/// Words that sharpen a title ("Prime Minister", "Deputy Foreign Minister", "Chief Justice").
#[rustfmt::skip]
fn is_title_modifier(w: &str) -> bool {
    matches!(
        w,
        "Prime" | "Vice" | "Deputy" | "Acting" | "Former" | "Interim" | "Foreign" | "Defence"
            | "Defense" | "Finance" | "Interior" | "Health" | "Home" | "Trade" | "Supreme"
            | "Crown" | "Grand" | "Senior" | "Assistant" | "Associate" | "Attorney" | "Solicitor"
            | "Surgeon" | "First" | "Head" | "Managing" | "Education" | "Environment" | "Energy"
            | "Labour" | "Labor" | "Economy" | "Culture" | "Agriculture" | "Transport"
            | "Immigration" | "Treasury" | "Majority" | "Minority" | "Opposition" | "Party"
            | "Field" | "Lord" | "Chief"
    )
}

/// What follows "Secretary of …" or "Minister for …" inside a title.
#[rustfmt::skip]
fn is_department(w: &str) -> bool {
    matches!(
        w,
        "State" | "Defence" | "Defense" | "Energy" | "Education" | "Health" | "Labor" | "Labour"
            | "Agriculture" | "Commerce" | "Justice" | "Transportation" | "Transport" | "Treasury"
            | "Interior" | "Finance" | "Trade" | "Foreign" | "Home" | "Homeland" | "Affairs"
            | "Security" | "Culture" | "Environment" | "Industry" | "Economy" | "Housing"
            | "Veterans" | "War"
    )
}

/// Lower-case roles before a name: "spokeswoman Jane Doe", "union president Jane Doe".
/// Returns the score the name gets.
#[rustfmt::skip]
fn role_score(w: &str) -> Option<f32> {
    let professional = matches!(
        w,
        "spokesman" | "spokeswoman" | "spokesperson" | "president" | "vice-president" | "chairman"
            | "chairwoman" | "chair" | "director" | "founder" | "co-founder" | "leader" | "chief"
            | "executive" | "coach" | "manager" | "minister" | "secretary" | "senator" | "governor"
            | "mayor" | "ambassador" | "envoy" | "commissioner" | "prosecutor" | "attorney"
            | "lawyer" | "judge" | "professor" | "researcher" | "scientist" | "economist"
            | "analyst" | "strategist" | "author" | "writer" | "novelist" | "poet" | "journalist"
            | "reporter" | "correspondent" | "columnist" | "editor" | "photographer" | "artist"
            | "actor" | "actress" | "singer" | "rapper" | "musician" | "comedian" | "filmmaker"
            | "producer" | "designer" | "architect" | "striker" | "midfielder" | "defender"
            | "goalkeeper" | "quarterback" | "pitcher" | "captain" | "candidate" | "nominee"
            | "activist" | "campaigner" | "detective" | "inspector" | "superintendent"
            | "commander" | "colonel" | "sergeant" | "lieutenant" | "admiral" | "cleric" | "imam"
            | "rabbi" | "bishop" | "priest" | "pastor" | "billionaire" | "entrepreneur"
            | "businessman" | "businesswoman" | "surgeon" | "astronaut" | "historian" | "curator"
            | "ceo" | "boss" | "premier" | "chancellor" | "dictator" | "tycoon" | "presenter"
            | "host" | "anchor" | "prime-minister" | "teammate" | "headteacher" | "principal"
            | "sheriff"
    );
    let personal = matches!(
        w,
        "husband" | "wife" | "son" | "daughter" | "brother" | "sister" | "mother" | "father"
            | "uncle" | "aunt" | "cousin" | "nephew" | "niece" | "grandson" | "granddaughter"
            | "grandmother" | "grandfather" | "girlfriend" | "boyfriend" | "fiancé" | "fiancée"
            | "widow" | "widower" | "colleague" | "friend"
    );
    if professional {
        Some(0.8)
    } else if personal {
        Some(0.7)
    } else {
        None
    }
}

/// Organisation head words, and how sure each one is (a newspaper called "… Times" is less of a
/// sure thing than "… Ltd").
#[rustfmt::skip]
fn org_head(w: &str) -> Option<f32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let strong = matches!(
        w,
        "Inc" | "Corp" | "Corporation" | "Co" | "Ltd" | "LLC" | "LLP" | "plc" | "PLC" | "AG"
            | "GmbH" | "Holdings" | "Bank" | "Party" | "Ministry" | "Department" | "Agency"
            | "Commission" | "Committee" | "Council" | "Court" | "University" | "College"
            | "Institute" | "Foundation" | "Association" | "Airlines" | "Airways" | "Federation"
            | "Organisation" | "Organization" | "Authority" | "Parliament" | "Assembly" | "Senate"
            | "Congress" | "Tribunal" | "Bureau" | "Company" | "Fund" | "FC" | "Laboratory"
            | "Laboratories" | "Secretariat" | "Coalition" | "Alliance" | "Brigade" | "Brigades"
            | "Industries" | "Technologies" | "Pharmaceuticals" | "Motors" | "Airport" | "Police"
    );
    let weak = matches!(
        w,
        "Group" | "Union" | "Army" | "Navy" | "Forces" | "News" | "Times" | "Post" | "Office"
            | "Service" | "Board" | "League" | "Club" | "Journal" | "Herald" | "Tribune"
            | "Telegraph" | "Gazette" | "Magazine" | "Press" | "Radio" | "Television"
            | "Broadcasting" | "Media" | "Network" | "Church" | "Front"
            | "Movement" | "Guard" | "Command" | "School" | "Academy" | "Cabinet"
            | "Administration" | "Trust" | "Society" | "Records" | "Studios" | "Systems"
            | "Partners" | "Labs" | "Team" | "United" | "Commons" | "Services" | "Corps"
            | "Democrats"
    );
    if w == "Airport" {
        return None; // a place, see `loc_head`
    }
    if strong {
        Some(0.85)
    } else if weak {
        Some(0.75)
    } else {
        None
    }
}

/// Institutions named by their head word alone.
#[rustfmt::skip]
fn is_single_word_org(w: &str) -> bool {
    matches!(
        w,
        "Congress" | "Parliament" | "Senate" | "Bundestag" | "Knesset" | "Duma" | "Pentagon"
            | "Interpol" | "Europol" | "Kremlin"
    )
}

/// Names that end in a head word but are places.
fn is_place_shaped(words: &str) -> bool {
    matches!(
        words,
        "Soviet Union"
            | "Russian Federation"
            | "West Bank"
            | "Swiss Confederation"
            | "Union Territory"
            | "Capitol Hill"
            | "Holy See"
            | "Vatican City"
    )
}

#[rustfmt::skip]
fn loc_head(w: &str) -> bool {
    matches!(
        w,
        "River" | "Lake" | "Lakes" | "Mountain" | "Mountains" | "Hills" | "Valley" | "Desert"
            | "Ocean" | "Sea" | "Gulf" | "Bay" | "Strait" | "Straits" | "Canal" | "Peninsula"
            | "Island" | "Islands" | "Isles" | "Coast" | "Basin" | "Plateau" | "Glacier" | "Falls"
            | "Forest" | "Park" | "Square" | "Street" | "Avenue" | "Boulevard" | "Road" | "Bridge"
            | "Tower" | "Towers" | "Airport" | "Station" | "Stadium" | "Arena" | "Palace"
            | "Castle" | "Cathedral" | "Mosque" | "Temple" | "Hall" | "Building" | "Plaza"
            | "Highway" | "Monument" | "Gardens" | "Zoo" | "Harbor" | "Harbour" | "Reef"
            | "Volcano" | "Canyon" | "Prison" | "Base" | "Memorial" | "Planetarium"
            | "Observatory"
    )
}

/// Place-type words that open a name: "Mount Everest", "Lake Victoria".
fn is_loc_opener(w: &str) -> bool {
    matches!(w, "Mount" | "Mt." | "Lake" | "Cape" | "Isle")
}

#[rustfmt::skip]
fn event_head(w: &str) -> bool {
    matches!(
        w,
        "War" | "Olympics" | "Cup" | "Championship" | "Championships" | "Summit"
            | "Festival" | "Expo" | "Marathon" | "Tournament" | "Prix" | "Revolution" | "Uprising"
            | "Spring" | "Fair" | "Bowl" | "Massacre" | "Games"
    )
}

#[rustfmt::skip]
fn misc_head(w: &str) -> bool {
    matches!(
        w,
        "Act" | "Treaty" | "Accord" | "Accords" | "Agreement" | "Protocol" | "Charter" | "Doctrine"
            | "Declaration" | "Amendment" | "Prize" | "Award" | "Awards"
    )
}

/// Head words before "of" that make "X of Y" one name, beyond organisation heads.
#[rustfmt::skip]
fn is_of_head(w: &str) -> bool {
    org_head(w).is_some()
        || loc_head(w)
        || event_head(w)
        || misc_head(w)
        || matches!(
            w,
            "Republic" | "Kingdom" | "States" | "Isle" | "Cape" | "Statue" | "Duke" | "Duchess"
                | "Prince" | "Princess" | "Archbishop" | "Bishop" | "Earl" | "Battle" | "Siege"
                | "Museum" | "Order" | "Knights" | "Chamber" | "House" | "Houses" | "Day"
                | "Secretary" | "Minister" | "Ministers" | "Bill" | "Gospel" | "Book" | "Mount"
                | "Lake" | "City" | "Province" | "Port" | "Emirate" | "Sultanate" | "Commonwealth"
                | "Centers" | "Department"
        )
}

/// Lower-case words that may join the parts of one name.
#[rustfmt::skip]
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del" | "della" | "der" | "den" | "van" | "von" | "bin" | "bint" | "ibn" | "al"
            | "el" | "da" | "di" | "du" | "dos" | "das" | "do" | "le" | "la" | "ter" | "ten" | "zu"
            | "y" | "ben"
    )
}

/// "al-Assad", "d'Estaing", "bin-Salman": a particle glued to a capitalised name.
fn is_particle_prefixed(w: &str) -> bool {
    // Every particle is one to three letters: look no further than that (this runs on every
    // lower-case word).
    let Some(k) = w
        .bytes()
        .take(4)
        .position(|b| matches!(b, b'-' | b'\'' | 0xe2))
        .filter(|&k| k >= 1)
    else {
        return false;
    };
    let (prefix, rest) = w.split_at(k);
    let rest = rest.trim_start_matches(['-', '\'', '’']);
    matches!(
        prefix,
        "al" | "el"
            | "ad"
            | "ash"
            | "as"
            | "an"
            | "ar"
            | "at"
            | "az"
            | "bin"
            | "ibn"
            | "abu"
            | "ul"
            | "ud"
            | "d"
            | "l"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

#[rustfmt::skip]
fn speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "tells" | "added" | "adds" | "stated" | "explained" | "explains"
            | "noted" | "notes" | "warned" | "warns" | "insisted" | "insists" | "argued" | "argues"
            | "claimed" | "claims" | "announced" | "wrote" | "writes" | "tweeted" | "recalled"
            | "recalls" | "replied" | "responded" | "confirmed" | "acknowledged" | "admitted"
            | "declared" | "stressed" | "emphasised" | "emphasized" | "urged" | "predicted"
            | "commented" | "remarked" | "asked" | "asks" | "conceded" | "concluded"
    )
}

/// Verbs that may come before their subject: "…, said Jane Doe."
#[rustfmt::skip]
fn inverted_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "added" | "adds" | "asked" | "wrote" | "explained" | "noted"
            | "continued" | "recalled" | "warned"
    )
}

/// Words between a subject and its speech verb: "Obama also said", "Putin has warned".
#[rustfmt::skip]
fn is_speech_adverb(w: &str) -> bool {
    matches!(
        w,
        "also" | "later" | "then" | "has" | "have" | "had" | "previously" | "recently" | "earlier"
            | "once" | "reportedly" | "repeatedly" | "further" | "publicly" | "privately"
            | "flatly" | "simply" | "quickly" | "separately" | "again"
    )
}

/// Nouns before "of X" that make X a place: "the city of X", "the region of X".
fn place_of_noun(w: &str) -> Option<&'static str> {
    match w {
        "city" | "town" | "village" | "state" | "province" | "capital" | "country" | "nation"
        | "port" | "county" | "municipality" | "republic" | "kingdom" | "emirate" | "suburb"
        | "district" => Some("GPE"),
        "region" | "island" | "islands" | "peninsula" | "valley" => Some("LOC"),
        _ => None,
    }
}

/// What a country has: "X's capital", "X's government" make X a country.
fn gpe_possessed(w: &str) -> Option<f32> {
    match w {
        "capital" | "government" | "parliament" | "embassy" | "ambassador" | "military"
        | "army" | "navy" | "economy" | "constitution" | "border" | "borders" | "citizens"
        | "prime" | "foreign" | "defence" | "defense" | "interior" | "armed" | "central" => {
            Some(0.55)
        }
        "president" | "President" | "Prime" | "Foreign" => Some(0.5),
        _ => None,
    }
}

/// Words that follow a title without being a name: "General Motors", "Chief Executive".
#[rustfmt::skip]
fn is_title_false_name(w: &str) -> bool {
    matches!(
        w,
        "Motors" | "Electric" | "Mills" | "Dynamics" | "Atomics" | "Foods" | "Hospital" | "Staff"
            | "Kong" | "Jr." | "Sr." | "II" | "III" | "IV" | "Justice"
    )
}

// ---------------------------------------------------------------------------------------------
// A fast hasher for the per-document word sets: keys are short strings, hashed millions of times
// for a book, and SipHash's flood resistance buys nothing here.

#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            let v = u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxSet<'a> = HashSet<&'a str, BuildHasherDefault<FxHasher>>;
type FxMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<FxHasher>>;

// ---------------------------------------------------------------------------------------------
// The document as the rules see it.

/// What the rest of the document says about a capitalised word at an ambiguous position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Evidence {
    Name,
    NotName,
    Unknown,
}

struct Doc<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Token index → sentence index.
    sentence: Vec<u32>,
    /// Sentence index → token range.
    sentences: Vec<(usize, usize)>,
    /// Sentences written in Title Case (headlines), where capitals say nothing.
    headline: Vec<bool>,
    /// Token index → line index.
    line: Vec<u32>,
    /// Line index → token range.
    lines: Vec<(usize, usize)>,
    /// Lines written in capitals ("SOCCER - BARCELONA BEAT MILAN"): only cross-case evidence.
    caps_line: Vec<bool>,
    /// Lines of a list or a table ("1. Maria Lopez (Spain) 2:21:05", "Squad: A, B, C"): capitals
    /// there are names, not a headline's.
    list_line: Vec<bool>,
    /// Positions where a capital says nothing: sentence starts, after an opening quote or colon.
    ambiguous: Vec<bool>,
    /// Words seen starting with a lower-case letter.
    lower: FxSet<'a>,
    /// Capitalised words seen at an unambiguous position.
    cap_mid: FxSet<'a>,
    /// Two capitalised words in a row seen at an unambiguous position ("New Zealand").
    cap_pairs: FxSet<'a>,
    /// Token index → index into `known` of a known span covering it.
    known_cover: Vec<Option<u32>>,
    known: &'a [Known],
    /// Token ranges of the known spans that line up with tokens.
    known_tokens: Vec<Option<(usize, usize)>>,
    known_ranges: HashSet<(usize, usize, &'a str)>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, known: &'a [Known]) -> Self {
        let toks = tokenize(text);
        let sents = sentences(text, &toks);
        let (line, lines) = split_lines(text, &toks);
        let caps_line: Vec<bool> = lines
            .iter()
            .map(|&(a, b)| is_caps_line(text, &toks[a..b]))
            .collect();
        let list_line: Vec<bool> = lines
            .iter()
            .map(|&(a, b)| is_list_line(text, &toks[a..b]))
            .collect();
        let mut sentence = vec![0u32; toks.len()];
        let mut ambiguous = vec![false; toks.len()];
        let mut headline = Vec::with_capacity(sents.len());
        for (k, &(a, b)) in sents.iter().enumerate() {
            sentence[a..b].iter_mut().for_each(|s| *s = k as u32);
            // The first word, after any opening punctuation.
            if let Some(first) = (a..b).find(|&i| toks[i].kind != TokenKind::Punct) {
                ambiguous[first] = true;
            }
            // A list or a table is not a headline, though every word in it is capitalised; a line
            // in capitals is one whatever its shape.
            let listed = a < b && list_line[line[a] as usize] && !caps_line[line[a] as usize];
            headline.push(!listed && is_headline(text, &toks[a..b]));
        }
        for i in 1..toks.len() {
            let prev = &toks[i - 1];
            if prev.kind == TokenKind::Punct {
                let p = prev.text(text);
                let opening_quote = matches!(p, "“" | "‘" | "«" | "„")
                    || (matches!(p, "\"" | "'")
                        && (i < 2 || toks[i - 2].byte_end() < prev.byte_start));
                if opening_quote || matches!(p, ":" | "•") {
                    ambiguous[i] = true;
                }
            }
        }
        let mut lower = FxSet::default();
        let mut cap_mid = FxSet::default();
        let mut cap_pairs = FxSet::default();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(text);
            if w.as_bytes()[0].is_ascii_lowercase()
                || (!w.is_ascii() && w.chars().next().is_some_and(char::is_lowercase))
            {
                lower.insert(w);
            } else if t.is_capitalised()
                && !ambiguous[i]
                && !headline[sentence[i] as usize]
                && !t.is_all_caps()
            {
                cap_mid.insert(w);
                if let Some(next) = toks.get(i + 1)
                    && next.kind == TokenKind::Word
                    && next.is_capitalised()
                    && sentence[i + 1] == sentence[i]
                {
                    cap_pairs.insert(&text[t.byte_start..next.byte_end()]);
                }
            }
        }
        let mut known_cover = vec![None; toks.len()];
        let mut known_tokens = Vec::with_capacity(known.len());
        let mut known_ranges = HashSet::new();
        for (k, kn) in known.iter().enumerate() {
            known_ranges.insert((kn.start, kn.end, kn.label.as_str()));
            let a = toks.partition_point(|t| t.end <= kn.start);
            let b = toks.partition_point(|t| t.start < kn.end);
            for c in known_cover.iter_mut().take(b).skip(a) {
                *c = Some(k as u32);
            }
            let aligned = a < b && toks[a].start == kn.start && toks[b - 1].end == kn.end;
            known_tokens.push(aligned.then_some((a, b)));
        }
        Doc {
            text,
            toks,
            sentence,
            sentences: sents,
            headline,
            line,
            lines,
            caps_line,
            list_line,
            ambiguous,
            lower,
            cap_mid,
            cap_pairs,
            known_cover,
            known,
            known_tokens,
            known_ranges,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Word
    }

    /// A lower-case word at `i` equal to one of `words`.
    fn is_lower_word(&self, i: usize, pred: impl Fn(&str) -> bool) -> bool {
        self.is_word(i) && !self.toks[i].is_capitalised() && pred(self.word(i))
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence[a] == self.sentence[b]
    }

    fn in_headline(&self, i: usize) -> bool {
        self.headline[self.sentence[i] as usize]
    }

    /// A word that can be part of a name: capitalised, or a particle glued to one ("al-Assad").
    fn is_name_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let t = &self.toks[i];
        let w = self.word(i);
        if t.is_capitalised() {
            !is_never_name(w)
        } else {
            is_particle_prefixed(w)
        }
    }

    fn text_of(&self, s: usize, e: usize) -> &'a str {
        &self.text[self.toks[s].byte_start..self.toks[e - 1].byte_end()]
    }

    fn lower_seen(&self, w: &str) -> bool {
        if w.is_ascii() {
            let mut buf = [0u8; 64];
            if w.len() <= buf.len() {
                let b = &mut buf[..w.len()];
                b.copy_from_slice(w.as_bytes());
                b[0] = b[0].to_ascii_lowercase();
                // Only the first letter: "McDonald" is not "mcdonald".
                return std::str::from_utf8(b).is_ok_and(|l| self.lower.contains(l));
            }
        }
        let mut cs = w.chars();
        let first: String = cs
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_default();
        self.lower
            .contains(format!("{first}{}", cs.as_str()).as_str())
    }

    /// Mikheev's question for a capitalised word where capitals say nothing.
    fn evidence(&self, i: usize, rules: &Rules) -> Evidence {
        let w = self.word(i);
        if self.known_cover[i].is_some() || is_title_core(w) || is_title_modifier(w) {
            return Evidence::Name;
        }
        if self.lower_seen(w) {
            return Evidence::NotName;
        }
        if self.cap_mid.contains(w) {
            return Evidence::Name;
        }
        if rules.first_names.get(w).is_some_and(|f| !f.ambiguous) {
            return Evidence::Name;
        }
        let t = &self.toks[i];
        if t.is_all_caps() && t.len() >= 2 && !self.in_headline(i) {
            return Evidence::Name;
        }
        Evidence::Unknown
    }

    fn known_label(&self, s: usize, e: usize) -> Option<&'a str> {
        let (start, end) = (self.toks[s].start, self.toks[e - 1].end);
        self.known_cover[s]
            .map(|k| &self.known[k as usize])
            .filter(|k| k.start == start && k.end == end)
            .map(|k| k.label.as_str())
    }
}

/// A sentence in Title Case: nearly every longer word capitalised.
/// A sentence in Title Case: every word capitalised but the small ones Title Case leaves alone,
/// and no full stop. "Officials met President Barack Obama." has "met", so it is a sentence.
fn is_headline(text: &str, toks: &[Token]) -> bool {
    let mut caps = 0;
    for t in toks {
        if t.kind != TokenKind::Word {
            continue;
        }
        if t.is_capitalised() {
            caps += 1;
        } else if !matches!(
            t.text(text),
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "nor"
                | "but"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "by"
                | "as"
                | "vs"
                | "vs."
                | "with"
                | "from"
                | "into"
                | "over"
        ) {
            return false;
        }
    }
    caps >= 3 && toks.last().is_none_or(|t| t.text(text) != ".")
}

// ---------------------------------------------------------------------------------------------
// Candidates and how they are resolved.

#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    /// Token range, for partial matching.
    toks: (usize, usize),
    label: String,
    score: f32,
    rule: String,
    reason: String,
    entity: Option<EntityId>,
    new_entity: Option<String>,
}

fn q(s: &str) -> String {
    format!("“{s}”")
}

struct Finder<'r, 'd> {
    rules: &'r Rules,
    doc: &'d Doc<'d>,
    cands: Vec<Cand>,
    /// Every capitalised sequence of two to four words, typed or not (token ranges).
    names: Vec<(usize, usize)>,
    /// Every trimmed capitalised sequence, in text order (for lists of names).
    runs: Vec<(usize, usize)>,
}

/// Scores, in one place so they can be read and tuned together.
mod score {
    pub const TITLE: f32 = 0.9;
    pub const FIRST_NAME: f32 = 0.8;
    /// A first name that is also a word ("Mark"), capitalised mid-sentence.
    pub const FIRST_NAME_AMBIGUOUS: f32 = 0.65;
    /// The same at a sentence start, where the capital says less.
    pub const FIRST_NAME_AMBIGUOUS_INITIAL: f32 = 0.5;
    pub const PARTICLE_NAME: f32 = 0.65;
    pub const EAST_ASIAN_NAME: f32 = 0.7;
    pub const SPEECH_MULTI: f32 = 0.7;
    pub const SPEECH_SINGLE: f32 = 0.55;
    pub const ORG_OF: f32 = 0.85;
    pub const ORG_SINGLE: f32 = 0.6;
    pub const LOC_HEAD: f32 = 0.6;
    pub const EVENT_HEAD: f32 = 0.6;
    pub const MISC_HEAD: f32 = 0.6;
    pub const GPE_CUE: f32 = 0.6;
    /// An explicit definition ("… (IMF)") is as good as a list entry.
    pub const ACRONYM_LONG_FORM: f32 = 0.9;
    pub const ACRONYM: f32 = 0.85;
    pub const ALIAS: f32 = 0.7;
    pub const SURNAME: f32 = 0.8;
    /// A multi-word name repeated verbatim keeps its source's score, up to this.
    pub const REPEAT: f32 = 0.9;
    /// Taken off when a sequence starts at an ambiguous position without evidence.
    pub const UNSURE_START: f32 = 0.1;
}

impl<'r, 'd> Finder<'r, 'd> {
    fn add(&mut self, s: usize, e: usize, label: &str, score: f32, rule: &str, reason: String) {
        let doc = self.doc;
        self.cands.push(Cand {
            start: doc.toks[s].start,
            end: doc.toks[e - 1].end,
            toks: (s, e),
            label: label.to_string(),
            score,
            rule: rule.to_string(),
            reason,
            entity: None,
            new_entity: None,
        });
    }

    // -- Stage 1: capitalised sequences ------------------------------------------------------

    /// Find capitalised sequences sentence by sentence and type each one.
    fn runs(&mut self) {
        let doc = self.doc;
        for k in 0..doc.sentences.len() {
            let (a, b) = doc.sentences[k];
            let headline = doc.headline[k];
            let mut i = a;
            while i < b {
                if !self.run_word(i, headline) {
                    i += 1;
                    continue;
                }
                let s = i;
                let mut e = i + 1;
                loop {
                    if e < b && self.run_word(e, headline) {
                        e += 1;
                    } else if let Some(next) = self.connector_end(s, e, b, headline) {
                        e = next;
                    } else {
                        break;
                    }
                }
                self.type_run(s, e);
                i = e;
            }
        }
    }

    /// A word that may be in a run here. In a headline, only words with evidence elsewhere.
    fn run_word(&self, i: usize, headline: bool) -> bool {
        let doc = self.doc;
        let pair =
            |a: usize| a + 1 < doc.toks.len() && doc.cap_pairs.contains(doc.text_of(a, a + 2));
        doc.is_name_word(i)
            && (!headline
                || doc.evidence(i, self.rules) == Evidence::Name
                || pair(i)
                || (i > 0 && pair(i - 1)))
    }

    /// When connectors at `e` join the run `s..e` to a following name word, the new end.
    fn connector_end(&self, s: usize, e: usize, b: usize, headline: bool) -> Option<usize> {
        let doc = self.doc;
        if e >= b || e == s {
            return None;
        }
        let last = doc.word(e - 1);
        let t = &doc.toks[e];
        if t.kind == TokenKind::Punct {
            // "Johnson & Johnson", "Marks & Spencer".
            return (doc.word(e) == "&" && e + 1 < b && self.run_word(e + 1, headline))
                .then_some(e + 2);
        }
        if !doc.is_word(e) || t.is_capitalised() {
            return None;
        }
        let w = doc.word(e);
        if is_particle(w) {
            let mut k = e + 1;
            if k < b && doc.is_lower_word(k, is_particle) {
                k += 1; // "van der", "de la"
            }
            let ok = org_head(last).is_none() && k < b && self.run_word(k, headline);
            return ok.then_some(k + 1);
        }
        match w {
            "of" => {
                let mut k = e + 1;
                if k < b && doc.word(k) == "the" {
                    k += 1;
                }
                // "Society of Canada" after a name ("Doctor Who Society") is the society's place,
                // not its name; "Bank of England" with the head first is one name.
                let place_after_name = e - 1 > s
                    && doc.known_cover[k.min(b - 1)].is_some_and(|x| {
                        matches!(doc.known[x as usize].label.as_str(), "GPE" | "LOC")
                    });
                (is_of_head(last) && k < b && self.run_word(k, headline) && !place_after_name)
                    .then_some(k + 1)
            }
            "at" => {
                // "University of North Carolina at Chapel Hill".
                let university = (s..e).any(|x| matches!(doc.word(x), "University" | "College"))
                    && (s..e).any(|x| doc.word(x) == "of");
                (university && e + 1 < b && self.run_word(e + 1, headline)).then_some(e + 2)
            }
            "for" | "on" => {
                let ok = (org_head(last).is_some() || is_title_core(last))
                    && e + 1 < b
                    && self.run_word(e + 1, headline);
                ok.then_some(e + 2)
            }
            "and" => {
                // Only inside an organisation's name: the part after "and" ends in a head word.
                let mut k = e + 1;
                while k < b && self.run_word(k, headline) {
                    k += 1;
                }
                // "Food and Drug Administration", "Department of Health and Human Services", but
                // not "the United States and Russian Federation".
                let of_phrase = (s..e).any(|x| doc.word(x) == "of");
                let ok = (2..=3).contains(&(k - e))
                    && org_head(last).is_none()
                    && org_head(doc.word(k - 1)).is_some()
                    && (e - s == 1 || of_phrase)
                    && !is_place_shaped(doc.text_of(e + 1, k));
                ok.then_some(k)
            }
            _ => None,
        }
    }

    /// Cut function words, dates and unsupported sentence-initial words off a run's edges.
    /// Returns the trimmed run and whether its first word is still unsure.
    fn trim(&self, mut s: usize, mut e: usize) -> Option<(usize, usize, bool)> {
        let doc = self.doc;
        let skip_connectors = |mut s: usize, e: usize| {
            while s < e && !doc.toks[s].is_capitalised() && !is_particle_prefixed(doc.word(s)) {
                s += 1;
            }
            s
        };
        let month_trims = |i: usize| match month(doc.word(i)) {
            Some(true) => true,
            Some(false) => doc
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number),
            None => false,
        };
        loop {
            if s >= e {
                return None;
            }
            let w = doc.word(s);
            let drop = matches!(w, "The" | "A" | "An")
                || (doc.ambiguous[s] && is_initial_function_word(w))
                || is_weekday(w)
                || month_trims(s);
            if !drop {
                break;
            }
            s = skip_connectors(s + 1, e);
        }
        while e > s {
            let w = doc.word(e - 1);
            let t = &doc.toks[e - 1];
            if is_weekday(w)
                || month_trims(e - 1)
                || !(t.is_capitalised() || is_particle_prefixed(w))
            {
                e -= 1;
            } else {
                break;
            }
        }
        if s >= e {
            return None;
        }
        let mut unsure = false;
        if doc.ambiguous[s] {
            match doc.evidence(s, self.rules) {
                Evidence::Name => {}
                // "New Zealand" at a sentence start: "new" is a word, "New Zealand" a name.
                Evidence::NotName
                    if e - s >= 2 && doc.cap_pairs.contains(doc.text_of(s, s + 2)) => {}
                Evidence::NotName => {
                    s = skip_connectors(s + 1, e);
                    if s >= e {
                        return None;
                    }
                }
                Evidence::Unknown => unsure = true,
            }
        }
        Some((s, e, unsure))
    }

    fn type_run(&mut self, s0: usize, e0: usize) {
        let Some((s, e, unsure)) = self.trim(s0, e0) else {
            return;
        };
        if (2..=4).contains(&(e - s)) {
            self.names.push((s, e));
        }
        self.runs.push((s, e));
        self.type_trimmed(s, e, unsure, true);
    }

    /// Type the run `s..e`. `titles`: whether to look for a title inside it (not again in the
    /// part before a title).
    fn type_trimmed(&mut self, s: usize, e: usize, unsure: bool, titles: bool) {
        let doc = self.doc;
        let n = e - s;
        let words = doc.text_of(s, e);
        let last = doc.word(e - 1);
        let penalty = if unsure { score::UNSURE_START } else { 0.0 };
        let before = s.checked_sub(1).filter(|&p| doc.same_sentence(p, s));
        let mut typed = false;

        // "London-based": the place before the suffix.
        if let Some(place) = last
            .strip_suffix("-based")
            .or_else(|| last.strip_suffix("–based"))
        {
            if place.chars().next().is_some_and(char::is_uppercase) && !unsure {
                let start = doc.toks[s].start;
                let end = doc.toks[e - 1].start + place.chars().count();
                let name = &words[..words.len() - (last.len() - place.len())];
                self.cands.push(Cand {
                    start,
                    end,
                    toks: (s, e),
                    label: "GPE".into(),
                    score: score::GPE_CUE,
                    rule: "gpe-cue".into(),
                    reason: format!("{} before “-based”", q(name)),
                    entity: None,
                    new_entity: None,
                });
            }
            return;
        }

        // "Greek Ministry of Culture": the nationality is not part of the ministry's name.
        if n >= 3
            && self.is_demonym(s)
            && (org_head(doc.word(s + 1)).is_some() || is_state_body_modifier(doc.word(s + 1)))
            && (s + 1..e).any(|k| doc.word(k) == "of")
        {
            self.type_trimmed(s + 1, e, false, titles);
            return;
        }

        // A news agency, newspaper or broadcaster known by name ("Reuters", "Le Monde").
        if self.media(s, e) {
            return;
        }

        // Head words.
        let org_of = (s..e.saturating_sub(1)).find(|&k| {
            org_head(doc.word(k)).is_some() && matches!(doc.word(k + 1), "of" | "for" | "on")
        });
        if is_place_shaped(words) {
            // Leave it to the gazetteer: it is a country or territory.
            return;
        }
        if n >= 2 || (n == 1 && is_single_word_org(last)) {
            if let Some(sc) = org_head(last).filter(|_| n >= 2) {
                self.add(
                    s,
                    e,
                    "ORG",
                    sc - penalty,
                    "org-head",
                    format!("ends with the organisation word {}", q(last)),
                );
                typed = true;
            } else if let Some(k) = org_of {
                self.add(
                    s,
                    e,
                    "ORG",
                    score::ORG_OF - penalty,
                    "org-of",
                    format!(
                        "“{} {} …”: an organisation's name",
                        doc.word(k),
                        doc.word(k + 1)
                    ),
                );
                typed = true;
            } else if n == 1 && !unsure && !doc.ambiguous[s] {
                self.add(
                    s,
                    e,
                    "ORG",
                    score::ORG_SINGLE,
                    "org-single",
                    format!("{} names an institution", q(last)),
                );
                typed = true;
            } else if n >= 2 && (loc_head(last) || is_loc_opener(doc.word(s))) {
                let head = if loc_head(last) { last } else { doc.word(s) };
                self.add(
                    s,
                    e,
                    "LOC",
                    score::LOC_HEAD - penalty,
                    "loc-head",
                    format!("{} names a place", q(head)),
                );
                typed = true;
            } else if n >= 2 && event_head(last) {
                self.add(
                    s,
                    e,
                    "EVENT",
                    score::EVENT_HEAD - penalty,
                    "event-head",
                    format!("ends with the event word {}", q(last)),
                );
                typed = true;
            } else if n >= 2 && misc_head(last) {
                self.add(
                    s,
                    e,
                    "MISC",
                    score::MISC_HEAD - penalty,
                    "misc-head",
                    format!("ends with {}: a law, treaty or award", q(last)),
                );
                typed = true;
            }
        }
        if typed {
            self.speech_cue(s, e, unsure);
            return;
        }

        // A first name at the start of the whole run ("Martin Luther King Jr.").
        if (2..=4).contains(&n) && self.first_name_person(s, e) {
            return;
        }

        // "Moon Jae-in", "Lee Cheuk-yan": a family name and a hyphenated given name.
        if n == 2 && !unsure && is_family_name_shape(doc.word(s)) && is_hyphenated_given_name(last)
        {
            self.add(
                s,
                e,
                "PERSON",
                score::EAST_ASIAN_NAME,
                "east-asian-name",
                "a family name and a hyphenated given name".into(),
            );
            self.speech_cue(s, e, false);
            return;
        }

        // A first name inside a longer run: "Governor of Washington Chris Gregoire" leaves
        // "Washington Chris Gregoire"; the person starts at the first name.
        if n >= 3 {
            // Only after a word that is surely not a first name itself ("Farouk Ben Mustapha").
            let inner = (s + 1..e - 1).find(|&k| {
                let prev = &doc.toks[k - 1];
                let apart = doc.known_cover[k - 1].is_some()
                    || (prev.is_all_caps() && !prev.is_initial())
                    || org_head(doc.word(k - 1)).is_some();
                apart
                    && (2..=3).contains(&(e - k))
                    && self
                        .rules
                        .first_names
                        .get(doc.word(k))
                        .is_some_and(|f| !f.ambiguous)
            });
            if let Some(k) = inner
                && self.first_name_person(k, e)
            {
                self.type_trimmed(s, k, unsure, titles);
                return;
            }
        }

        // A title inside the run: the rest is the person.
        if titles {
            for k in s..e {
                let Some(j) = self.title_end(k, e) else {
                    continue;
                };
                // "Captain America" when another engine knows America as a place.
                let known_place = e - j == 1
                    && doc.known_cover[j].is_some_and(|x| doc.known[x as usize].label != "PERSON");
                if j < e && self.person_part(j, e) && !known_place {
                    let title = doc.text_of(k, j);
                    self.add(
                        j,
                        e,
                        "PERSON",
                        score::TITLE,
                        "title",
                        format!("title {} before a capitalised name", q(title)),
                    );
                    self.speech_cue(j, e, false);
                    if k > s {
                        self.type_trimmed(s, k, unsure, false);
                    }
                    return;
                }
                break;
            }
        }

        // A lower-case role before the run: "spokeswoman Jane Doe".
        if let Some(p) = before
            && doc.is_lower_word(p, |w| role_score(w).is_some())
            && self.person_part(s, e)
            && !unsure
        {
            let role = doc.word(p);
            let sc = role_score(role).unwrap_or(0.7);
            self.add(
                s,
                e,
                "PERSON",
                sc,
                "title",
                format!("role {} before a capitalised name", q(role)),
            );
            self.speech_cue(s, e, false);
            return;
        }

        // "Bashar al-Assad", "Ludwig van Beethoven".
        if (2..=4).contains(&n) && !unsure && self.person_part(s, e) {
            let particle = (s + 1..e).any(|k| {
                let w = doc.word(k);
                is_particle(w) || is_particle_prefixed(w)
            });
            if particle && !is_place_opener(doc.word(s)) {
                self.add(
                    s,
                    e,
                    "PERSON",
                    score::PARTICLE_NAME,
                    "particle-name",
                    "a name with a surname particle (al-, van, de, bin, …)".into(),
                );
                self.speech_cue(s, e, false);
                return;
            }
        }

        // Wire news: results tables, sports clubs, companies.
        if self.results_row(s, e) || self.club(s, e) || self.table_team(s, e) {
            return;
        }
        if self.company(s, e) {
            return;
        }

        // Place cues around the run.
        if !unsure && self.gpe_cue(s, e) {
            return;
        }

        self.speech_cue(s, e, unsure);
        // Anything else stays untyped: a guessed label costs the annotator more than it saves.
    }

    /// A first name at `s` and a name after it: suggest `s..e` as a PERSON. Returns whether it
    /// did.
    fn first_name_person(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let first = doc.word(s);
        let Some(f) = self.rules.first_names.get(first) else {
            return false;
        };
        if !self.person_part(s + 1, e) || is_place_opener(first) || is_title_core(first) {
            return false;
        }
        // "Jordan" or "Georgia" that another engine knows as a place.
        if doc.known_cover[s].is_some_and(|k| doc.known[k as usize].label != "PERSON") {
            return false;
        }
        let sc = match (f.ambiguous, doc.ambiguous[s] || doc.in_headline(s)) {
            (false, _) => score::FIRST_NAME,
            (true, false) => score::FIRST_NAME_AMBIGUOUS,
            (true, true) if doc.cap_mid.contains(first) => score::FIRST_NAME_AMBIGUOUS_INITIAL,
            (true, true) => return false,
        };
        let why = if f.ambiguous {
            format!("{} is a first name (and a common word)", q(first))
        } else {
            format!("{} is a first name", q(first))
        };
        self.add(s, e, "PERSON", sc, "first-name", why);
        self.speech_cue(s, e, false);
        true
    }

    /// A nationality adjective ("Greek", "Italian"), by another engine's word or by its shape.
    fn is_demonym(&self, i: usize) -> bool {
        let doc = self.doc;
        if let Some(k) = doc.known_cover[i] {
            return doc.known[k as usize].label == "NORP";
        }
        let w = doc.word(i);
        w.chars().count() >= 4
            && (["ian", "ean", "ese", "ish", "an", "i"]
                .iter()
                .any(|x| w.ends_with(x))
                || matches!(
                    w,
                    "Greek" | "French" | "Dutch" | "Swiss" | "Thai" | "Czech" | "Welsh"
                ))
    }

    /// The end of a title phrase starting at `k` ("Prime Minister", "Secretary of State"), if
    /// one does.
    fn title_end(&self, k: usize, e: usize) -> Option<usize> {
        let doc = self.doc;
        let mut j = k;
        let mut core = false;
        while j < e {
            let w = doc.word(j);
            if is_title_core(w) {
                core = true;
                j += 1;
            } else if is_title_modifier(w) {
                j += 1;
            } else if core
                && matches!(w, "of" | "for")
                && j + 1 < e
                && is_department(doc.word(j + 1))
            {
                j += 2;
                while j < e && is_department(doc.word(j)) {
                    j += 1;
                }
            } else {
                break;
            }
        }
        (core && j > k).then_some(j)
    }

    /// Whether `s..e` can be a person's name after a title or a first name: one to four name
    /// words, no head words or titles, not an acronym, not a date.
    fn person_part(&self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if s >= e || e - s > 4 {
            return false;
        }
        let last = doc.word(e - 1);
        if org_head(last).is_some()
            || loc_head(last)
            || event_head(last)
            || misc_head(last)
            || is_non_person_word(last)
            || doc.toks[e - 1].is_initial()
        {
            return false;
        }
        if is_title_false_name(doc.word(s))
            || (s..e).any(|k| org_head(doc.word(k)).is_some() || loc_head(doc.word(k)))
        {
            return false;
        }
        (s..e).all(|k| {
            let w = doc.word(k);
            let t = &doc.toks[k];
            let acronym = t.is_all_caps() && t.len() >= 2 && !t.is_initial();
            (doc.is_name_word(k) || is_particle(w))
                && !acronym
                && !is_title_core(w)
                && !is_weekday(w)
                && month(w) != Some(true)
                && !matches!(w, "of" | "and" | "for" | "on" | "the")
        }) && doc.is_name_word(s)
    }

    /// A speech verb right after the run ("Smith said") or just before it ("…, said Smith.")
    /// makes it a speaker: a PERSON, or an ORG after "the" or with a head word. Returns whether
    /// it added a suggestion.
    fn speech_cue(&mut self, s: usize, e: usize, unsure: bool) -> bool {
        let doc = self.doc;
        let n = e - s;
        if n > 3 || doc.in_headline(s) {
            return false;
        }
        let mut k = e;
        while k < e + 2 && doc.is_lower_word(k, is_speech_adverb) {
            k += 1;
        }
        let after = doc.is_lower_word(k, speech_verb) && doc.same_sentence(s, k);
        let verb_before =
            s >= 1 && doc.is_lower_word(s - 1, inverted_speech_verb) && doc.same_sentence(s - 1, s);
        let closes = e >= doc.toks.len()
            || !doc.same_sentence(s, e)
            || matches!(doc.word(e), "," | "." | ";" | "!" | "?" | "”");
        let before = verb_before && closes;
        if !(after || before) {
            return false;
        }
        // One unknown word at a sentence start ("Officials said") is too often a common noun,
        // and "North Korea said" is a country.
        if (n == 1 && unsure) || is_place_opener(doc.word(s)) || is_compass(doc.word(s)) {
            return false;
        }
        let verb = if after { doc.word(k) } else { doc.word(s - 1) };
        let last = doc.word(e - 1);
        let t = &doc.toks[s];
        let the_before = s >= 1 && doc.word(s - 1) == "the";
        let org =
            org_head(last).is_some() || (n == 1 && t.is_all_caps() && t.len() >= 2) || the_before;
        let label = if org { "ORG" } else { "PERSON" };
        if let Some(known) = doc.known_label(s, e)
            && known != label
        {
            return false; // another engine knows better ("Moscow said" is a city)
        }
        let sc = if n == 1 {
            score::SPEECH_SINGLE
        } else {
            score::SPEECH_MULTI
        };
        let reason = if after {
            format!("capitalised name before {}", q(verb))
        } else {
            format!("capitalised name after {}", q(verb))
        };
        self.add(s, e, label, sc, "speech-cue", reason);
        true
    }

    /// "the city of X", "the capital X", "X's government". Returns whether it added one.
    fn gpe_cue(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = e - s;
        if n > 3 {
            return false;
        }
        let name = doc.text_of(s, e);
        if s >= 2
            && doc.word(s - 1) == "of"
            && doc.same_sentence(s - 2, s)
            && let Some(label) =
                place_of_noun(doc.word(s - 2)).filter(|_| !doc.toks[s - 2].is_capitalised())
        {
            let noun = doc.word(s - 2);
            self.add(
                s,
                e,
                label,
                score::GPE_CUE,
                "gpe-cue",
                format!("“the {noun} of {name}”"),
            );
            return true;
        }
        let capital_before = (s >= 1 && doc.word(s - 1) == "capital")
            || (s >= 2 && doc.word(s - 1) == "," && doc.word(s - 2) == "capital");
        if capital_before && doc.same_sentence(s.saturating_sub(2), s) {
            self.add(
                s,
                e,
                "GPE",
                score::GPE_CUE,
                "gpe-cue",
                format!("“capital {name}”"),
            );
            return true;
        }
        if e + 1 < doc.toks.len()
            && doc.toks[e].kind == TokenKind::Possessive
            && doc.same_sentence(s, e + 1)
            && let Some(sc) = gpe_possessed(doc.word(e + 1))
        {
            let what = doc.word(e + 1).to_lowercase();
            self.add(
                s,
                e,
                "GPE",
                sc,
                "gpe-cue",
                format!("{name}’s {what}: a country's"),
            );
            return true;
        }
        false
    }

    // -- Acronyms -----------------------------------------------------------------------------

    /// "International Monetary Fund (IMF)", "the Islamic State, or IS,": the long form, the
    /// acronym, and every later use of the acronym are one entity.
    fn acronyms(&mut self) {
        let doc = self.doc;
        let nt = doc.toks.len();
        // Normalised acronym → (long form, label, entity).
        let mut defined: HashMap<String, Definition> = HashMap::new();
        for i in 0..nt {
            let t = &doc.toks[i];
            if !(t.kind == TokenKind::Word && t.is_all_caps() && (2..=10).contains(&t.len())) {
                continue;
            }
            let acr = normalise_acronym(doc.word(i));
            if let Some(def) = defined.get(&acr) {
                let def = def.clone();
                self.acronym_use(i, &def);
                continue;
            }
            // "Long Form (ACR)" or "Long Form, or ACR,".
            let paren = i >= 1 && doc.word(i - 1) == "(" && i + 1 < nt && doc.word(i + 1) == ")";
            let or = i >= 2
                && doc.word(i - 1) == "or"
                && doc.word(i - 2) == ","
                && (i + 1 >= nt || matches!(doc.word(i + 1), "," | ")" | "." | ";"));
            let end_long = match (paren, or) {
                (true, _) => i - 1,
                (_, true) => i - 2,
                _ => continue,
            };
            let Some((ls, le)) = self.long_form(end_long, &acr, i) else {
                continue;
            };
            let long = doc.text_of(ls, le).to_string();
            let (label, entity) = self.long_form_label(ls, le);
            if doc.known_label(ls, le) != Some(label.as_str()) {
                self.cands.push(Cand {
                    start: doc.toks[ls].start,
                    end: doc.toks[le - 1].end,
                    toks: (ls, le),
                    label: label.clone(),
                    score: score::ACRONYM_LONG_FORM,
                    rule: "acronym".into(),
                    reason: format!("long form of {} defined here", q(doc.word(i))),
                    entity,
                    new_entity: entity.is_none().then(|| long.clone()),
                });
            }
            let def = Definition {
                long,
                label,
                entity,
            };
            self.acronym_use(i, &def);
            defined.insert(acr, def);
        }
    }

    fn acronym_use(&mut self, i: usize, def: &Definition) {
        let doc = self.doc;
        self.cands.push(Cand {
            start: doc.toks[i].start,
            end: doc.toks[i].end,
            toks: (i, i + 1),
            label: def.label.clone(),
            score: score::ACRONYM,
            rule: "acronym".into(),
            reason: format!(
                "{} stands for {} in this document",
                q(doc.word(i)),
                q(&def.long)
            ),
            entity: def.entity,
            new_entity: def.entity.is_none().then(|| def.long.clone()),
        });
    }

    /// The long form ending at token `end` (exclusive) whose initials spell `acr`.
    fn long_form(&self, end: usize, acr: &str, at: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let letters: Vec<char> = acr.chars().collect();
        let mut s = end;
        let lo = end.saturating_sub(letters.len() * 2 + 4);
        while s > lo && s > 0 && doc.same_sentence(s - 1, at) {
            let p = s - 1;
            let w = doc.word(p);
            if doc.is_name_word(p) || matches!(w, "of" | "the" | "and" | "for" | "on" | "&" | "de")
            {
                s = p;
            } else {
                break;
            }
        }
        // The shortest start at a name word that spells the acronym.
        let letters = &letters;
        (s..end)
            .rev()
            .find(|&k| {
                doc.is_name_word(k)
                    && !matches!(doc.word(k), "The" | "A" | "An")
                    && spells(letters, &(k..end).map(|x| doc.word(x)).collect::<Vec<_>>())
            })
            .map(|k| (k, end))
    }

    /// The label of a long form: what another engine or a rule says, else ORG.
    fn long_form_label(&self, s: usize, e: usize) -> (String, Option<EntityId>) {
        let doc = self.doc;
        let (start, end) = (doc.toks[s].start, doc.toks[e - 1].end);
        if let Some(k) = doc.known.iter().find(|k| k.start == start && k.end == end) {
            return (k.label.clone(), k.entity);
        }
        if let Some(c) = self
            .cands
            .iter()
            .filter(|c| c.start == start && c.end == end && c.label != "MISC")
            .max_by(|a, b| a.score.total_cmp(&b.score))
        {
            return (c.label.clone(), None);
        }
        ("ORG".into(), None)
    }

    // -- Aliases ------------------------------------------------------------------------------

    /// "X, also known as Y": Y is X under another name.
    fn aliases(&mut self) {
        let doc = self.doc;
        let nt = doc.toks.len();
        let mut found = Vec::new();
        // The strongest candidate ending at each character, built once and only when needed.
        let mut by_end: Option<HashMap<usize, usize>> = None;
        for i in 0..nt.saturating_sub(2) {
            let aka = (doc.word(i) == "known" && doc.word(i + 1) == "as")
                && i >= 1
                && matches!(doc.word(i - 1), "also" | "better" | "otherwise");
            let (cue_start, after) = if aka {
                (i - 1, i + 2)
            } else if matches!(doc.word(i), "a.k.a." | "aka") {
                (i, i + 1)
            } else {
                continue;
            };
            let mut x_end = cue_start;
            if x_end >= 1 && doc.word(x_end - 1) == "," {
                x_end -= 1;
            }
            if x_end == 0 || !doc.same_sentence(x_end - 1, after.min(nt - 1)) {
                continue;
            }
            let x_end_char = doc.toks[x_end - 1].end;
            // The name before the cue: a candidate or a known span ending there.
            let by_end = by_end.get_or_insert_with(|| {
                let mut m: HashMap<usize, usize> = HashMap::new();
                for (k, c) in self.cands.iter().enumerate() {
                    if c.label != "MISC" && c.score >= 0.5 {
                        let best = m.entry(c.end).or_insert(k);
                        if self.cands[*best].score < c.score {
                            *best = k;
                        }
                    }
                }
                m
            });
            let source = by_end
                .get(&x_end_char)
                .map(|&k| &self.cands[k])
                .map(|c| {
                    let canon = c
                        .new_entity
                        .clone()
                        .unwrap_or_else(|| doc.text[byte_range(doc, c)].to_string());
                    (c.label.clone(), c.entity, canon)
                })
                .or_else(|| {
                    doc.known
                        .iter()
                        .zip(&doc.known_tokens)
                        .find(|(k, _)| k.end == x_end_char)
                        .and_then(|(k, t)| {
                            t.map(|(a, b)| {
                                (k.label.clone(), k.entity, doc.text_of(a, b).to_string())
                            })
                        })
                });
            let Some((label, entity, canon)) = source else {
                continue;
            };
            let mut e = after;
            while e < nt && e < after + 4 && doc.is_name_word(e) && doc.same_sentence(after, e) {
                e += 1;
            }
            if e == after {
                continue;
            }
            found.push((after, e, label, entity, canon));
        }
        let mut later: FxMap<'d, (usize, Cand)> = FxMap::default();
        for (s, e, label, entity, canon) in found {
            let alias = doc.text_of(s, e).to_string();
            let mut c = Cand {
                start: doc.toks[s].start,
                end: doc.toks[e - 1].end,
                toks: (s, e),
                label: label.clone(),
                score: score::ALIAS,
                rule: "alias".into(),
                reason: format!("“also known as”: another name for {}", q(&canon)),
                entity,
                new_entity: entity.is_none().then(|| canon.clone()),
            };
            self.cands.push(c.clone());
            // Later uses of the alias, when it is an acronym-like single word.
            if e - s == 1 && doc.toks[s].is_all_caps() {
                c.reason = format!("{} is another name for {} here", q(&alias), q(&canon));
                later.entry(doc.word(s)).or_insert((e, c));
            }
        }
        for k in 0..doc.toks.len() {
            if doc.toks[k].kind == TokenKind::Word
                && let Some((from, c)) = later.get(doc.word(k))
                && k >= *from
            {
                let mut c = c.clone();
                c.start = doc.toks[k].start;
                c.end = doc.toks[k].end;
                c.toks = (k, k + 1);
                self.cands.push(c);
            }
        }
    }

    // -- Stage 2: partial matching --------------------------------------------------------------

    /// Look again for every confident name: a person's surname alone, any full name repeated,
    /// a company without its "Inc.".
    #[rustfmt::skip]
    fn partial_matches(&mut self) {
        let doc = self.doc;
        struct Source<'s> {
            words: Vec<&'s str>,
            label: &'static str,
            score: f32,
            entity: Option<EntityId>,
            canonical: &'s str,
            first: &'s str,
            kind: &'static str,
        }
        let mut sources: Vec<Source<'d>> = Vec::new();
        let mut own: HashSet<(usize, usize)> = HashSet::new();
        let words_of = |a: usize, b: usize| -> Vec<&'d str> { (a..b).map(|k| doc.word(k)).collect() };
        let add_sources = |a: usize,
                           b: usize,
                           label: &'static str,
                           score: f32,
                           entity: Option<EntityId>,
                           surname_first: bool,
                           sources: &mut Vec<Source<'d>>| {
            let canonical = doc.text_of(a, b);
            // The given name, which tells apart people who share a surname.
            let first = doc.word(if surname_first { b - 1 } else { a });
            sources.push(Source {
                words: words_of(a, b),
                label,
                score,
                entity,
                canonical,
                first,
                kind: "full",
            });
            if label == "PERSON" && b - a >= 2 {
                // The surname: from the first particle on ("van Gogh", "bin Laden"), else the last
                // word; "al-Assad" also as "Assad".
                let p = (a + 1..b)
                    .find(|&k| is_particle(doc.word(k)))
                    .unwrap_or(b - 1);
                let (p, q) = if surname_first { (a, a + 1) } else { (p, b) };
                sources.push(Source {
                    words: words_of(p, q),
                    label,
                    score,
                    entity,
                    canonical,
                    first,
                    kind: "surname",
                });
                let last = doc.word(b - 1);
                if is_particle_prefixed(last) {
                    let bare = last
                        .split_once(['-', '\'', '’'])
                        .map(|x| x.1)
                        .unwrap_or(last);
                    sources.push(Source {
                        words: vec![bare],
                        label,
                        score,
                        entity,
                        canonical,
                        first,
                        kind: "surname",
                    });
                }
            }
            if label == "ORG" && b - a >= 2 {
                let w = doc.word(b - 1).trim_end_matches('.');
                if matches!(
                    w,
                    "Inc" | "Corp" | "Co" | "Ltd" | "LLC" | "plc" | "PLC" | "AG" | "GmbH" | "Group"
                        | "Holdings"
                ) && doc.toks[a].is_capitalised()
                {
                    sources.push(Source {
                        words: words_of(a, b - 1),
                        label,
                        score,
                        entity,
                        canonical,
                        first,
                        kind: "short",
                    });
                }
            }
        };
        // Only people and organisations are looked for again.
        let static_label = |l: &str| match l {
            "PERSON" => Some("PERSON"),
            "ORG" => Some("ORG"),
            _ => None,
        };
        for c in &self.cands {
            let (a, b) = c.toks;
            let tokens_match = doc.toks[a].start == c.start && doc.toks[b - 1].end == c.end;
            let Some(label) = static_label(&c.label) else {
                continue;
            };
            if !tokens_match || c.score < 0.6 {
                continue;
            }
            // A speech verb alone is not enough to go looking for the name everywhere, and single
            // words only when the evidence was strong (a title).
            if c.rule == "speech-cue" || (b - a == 1 && c.score < 0.7) {
                continue;
            }
            own.insert((c.start, c.end));
            let surname_first = c.rule.contains("east-asian-name");
            add_sources(a, b, label, c.score, c.entity, surname_first, &mut sources);
        }
        for (k, range) in doc.known.iter().zip(&doc.known_tokens) {
            if let Some((a, b)) = *range
                && b - a >= 2
                && let Some(label) = static_label(&k.label)
            {
                own.insert((k.start, k.end));
                add_sources(a, b, label, 0.85, k.entity, false, &mut sources);
            }
        }
        // A surname shared by people with different first names ("Bill" and "Hillary Clinton")
        // points to nobody in particular; the same first name with a longer form is one person.
        let mut by_key: HashMap<(&[&str], &str), Vec<usize>> = HashMap::new();
        for (k, src) in sources.iter().enumerate() {
            by_key.entry((&src.words, src.label)).or_default().push(k);
        }
        let mut index: FxMap<'_, Vec<usize>> = FxMap::default();
        let mut chosen: Vec<usize> = Vec::new();
        let mut names_by_last: FxMap<'_, Vec<(usize, usize)>> = FxMap::default();
        for &(a, b) in &self.names {
            names_by_last.entry(doc.word(b - 1)).or_default().push((a, b));
        }
        for ((words, _), ks) in &by_key {
            let firsts: HashSet<&str> = ks.iter().map(|&k| sources[k].first).collect();
            // Other capitalised sequences ending in the surname count too ("Bill Clinton" even
            // when nothing typed it).
            let surname = sources[ks[0]].kind == "surname";
            let others = surname
                && words.len() == 1
                && names_by_last.get(words[0]).is_some_and(|v| v.iter().any(|&(a, b)| {
                    // A plain "Given Surname", not "U.S. President Barack Obama".
                    doc.word(b - 1) == words[0]
                        && b - a <= 3
                        && !firsts.contains(doc.word(a))
                        && (a..b - 1).all(|k| {
                            let (w, t) = (doc.word(k), &doc.toks[k]);
                            !is_title_core(w)
                                && !is_title_modifier(w)
                                && !is_compass(w)
                                && (!t.is_all_caps() || t.is_initial())
                                && !self.is_demonym(k)
                        })
                }));
            if surname && (firsts.len() > 1 || others) {
                continue;
            }
            let best = *ks
                .iter()
                .max_by_key(|&&k| (sources[k].canonical.len(), sources[k].entity.is_some()))
                .expect("non-empty");
            chosen.push(best);
        }
        for &k in &chosen {
            index
                .entry(sources[k].words[0])
                .or_default()
                .push(k);
        }
        let mut found = Vec::new();
        for i in 0..doc.toks.len() {
            if !doc.is_name_word(i) {
                continue;
            }
            let Some(ks) = index.get(doc.word(i)) else {
                continue;
            };
            for &k in ks {
                let src = &sources[k];
                let e = i + src.words.len();
                if e > doc.toks.len() || !(i..e).zip(&src.words).all(|(x, w)| doc.word(x) == *w) {
                    continue;
                }
                let (start, end) = (doc.toks[i].start, doc.toks[e - 1].end);
                if own.contains(&(start, end)) {
                    continue;
                }
                // Not part of a longer name: "Michelle Obama" is not Barack's surname.
                let prev_name = i >= 1
                    && doc.same_sentence(i - 1, i)
                    && doc.is_name_word(i - 1)
                    && !is_title_core(doc.word(i - 1))
                    && !is_title_modifier(doc.word(i - 1))
                    && !(doc.ambiguous[i - 1]
                        && (is_initial_function_word(doc.word(i - 1))
                            || doc.evidence(i - 1, self.rules) == Evidence::NotName));
                let next_name = e < doc.toks.len()
                    && doc.same_sentence(i, e)
                    && doc.is_name_word(e)
                    && !is_weekday(doc.word(e))
                    && month(doc.word(e)).is_none();
                if prev_name || next_name {
                    continue;
                }
                if (doc.ambiguous[i] || doc.in_headline(i)) && doc.lower_seen(doc.word(i)) {
                    continue;
                }
                let (rule, reason, sc) = match src.kind {
                    "surname" => (
                        "partial",
                        format!(
                            "surname of {}, named in full in this document",
                            q(src.canonical)
                        ),
                        score::SURNAME,
                    ),
                    "short" => (
                        "partial",
                        format!("short form of {}", q(src.canonical)),
                        score::SURNAME,
                    ),
                    _ => (
                        "partial",
                        format!("{} is a name elsewhere in this document", q(src.canonical)),
                        if src.words.len() > 1 {
                            score::REPEAT
                        } else {
                            score::SURNAME
                        },
                    ),
                };
                found.push(Cand {
                    start,
                    end,
                    toks: (i, e),
                    label: src.label.to_string(),
                    score: sc.min(src.score),
                    rule: rule.into(),
                    reason,
                    entity: src.entity,
                    new_entity: src.entity.is_none().then(|| src.canonical.to_string()),
                });
            }
        }
        // The full forms that sources came from link to the same entity as their partial matches.
        let linked: HashSet<&str> = found
            .iter()
            .filter(|c| c.entity.is_none())
            .filter_map(|c| c.new_entity.as_deref())
            .collect();
        for c in &mut self.cands {
            if c.entity.is_none() && c.new_entity.is_none() {
                let name = &doc.text[byte_range(doc, c)];
                if linked.contains(name) {
                    c.new_entity = Some(name.to_string());
                }
            }
        }
        self.cands.extend(found);
    }

    // -- Resolution -------------------------------------------------------------------------------

    /// Merge agreeing candidates, keep the longest confident ones, drop what `known` already has.
    fn finish(self) -> Vec<Suggestion> {
        let doc = self.doc;
        let mut cands = self.cands;
        cands.retain(|c| c.start < c.end);
        // Same range and label: one candidate, a little surer for each further rule.
        cands.sort_by(|a, b| {
            (a.start, a.end, &a.label)
                .cmp(&(b.start, b.end, &b.label))
                .then(b.score.total_cmp(&a.score))
        });
        let mut merged: Vec<Cand> = Vec::with_capacity(cands.len());
        for c in cands {
            if let Some(m) = merged.last_mut()
                && (m.start, m.end, &m.label) == (c.start, c.end, &c.label)
            {
                if !m.rule.split('+').any(|r| r == c.rule) {
                    m.rule = format!("{}+{}", m.rule, c.rule);
                    m.reason = format!("{}; {}", m.reason, c.reason);
                    m.score = (m.score + 0.05).min(0.95);
                }
                if m.entity.is_none() && m.new_entity.is_none() {
                    m.entity = c.entity;
                    m.new_entity = c.new_entity;
                }
                continue;
            }
            merged.push(c);
        }
        // Confident before unsure, then longer, then surer.
        merged.sort_by(|a, b| {
            let tier = |c: &Cand| c.score >= 0.5;
            tier(b)
                .cmp(&tier(a))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(b.score.total_cmp(&a.score))
                .then(a.start.cmp(&b.start))
        });
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut out = Vec::new();
        for c in merged {
            let clash = taken
                .range(..c.end)
                .next_back()
                .is_some_and(|(_, &end)| end > c.start);
            if clash {
                continue;
            }
            taken.insert(c.start, c.end);
            if doc
                .known_ranges
                .contains(&(c.start, c.end, c.label.as_str()))
            {
                continue;
            }
            out.push(Suggestion {
                proposal: Proposal::Span {
                    start: c.start,
                    end: c.end,
                    label: c.label,
                    entity: c.entity,
                    new_entity: c.new_entity,
                },
                score: c.score.clamp(0.0, 1.0),
                engine: ENGINE.into(),
                rule: c.rule,
                reason: c.reason,
            });
        }
        out.sort_by_key(|s| s.range());
        out
    }
}

#[rustfmt::skip]
fn is_place_opener(w: &str) -> bool {
    matches!(
        w,
        "Rio" | "San" | "Santa" | "Santo" | "São" | "Sao" | "Los" | "Las" | "Costa" | "Puerto"
            | "Port" | "Porto" | "Cabo" | "Villa" | "Ciudad" | "Isla" | "Mont" | "Notre" | "Saint"
            | "St." | "Cape" | "Mount" | "Lake" | "Fort" | "Bois" | "Champs"
    )
}

/// A short capitalised word that can be an East Asian family name ("Moon", "Lee", "Xi").
fn is_family_name_shape(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n)
        && w.chars().all(char::is_alphabetic)
        && w.chars().skip(1).all(char::is_lowercase)
        && !is_title_core(w)
        && !is_initial_function_word(w)
        && !is_place_opener(w)
}

/// "Jae-in", "Cheuk-yan", "Hee-Chan": two syllables joined by a hyphen, the first capitalised.
fn is_hyphenated_given_name(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syllable =
        |x: &str| (1..=6).contains(&x.chars().count()) && x.chars().all(char::is_alphabetic);
    syllable(a)
        && syllable(b)
        && a.chars().next().is_some_and(char::is_uppercase)
        && a.chars().skip(1).all(char::is_lowercase)
        && b.chars().skip(1).all(char::is_lowercase)
        && !is_compound_suffix(&b.to_lowercase())
}

/// Nouns that end names of things, not of people ("Kennedy Space Center", "Star Wars").
fn is_non_person_word(w: &str) -> bool {
    matches!(
        w,
        "Center"
            | "Centre"
            | "Conference"
            | "Series"
            | "Wars"
            | "Show"
            | "Project"
            | "Program"
            | "Programme"
            | "Tourism"
            | "Initiative"
            | "Campaign"
            | "Report"
            | "Index"
            | "Fund"
            | "Awards"
            | "Day"
            | "Week"
            | "Street"
            | "Tech"
    )
}

/// Words after a nationality that start the name of a state body ("Supreme Court").
fn is_state_body_modifier(w: &str) -> bool {
    matches!(
        w,
        "Supreme"
            | "Federal"
            | "Foreign"
            | "Defence"
            | "Defense"
            | "Interior"
            | "Justice"
            | "Health"
            | "Education"
            | "Finance"
            | "Constitutional"
            | "High"
    )
}

fn is_compass(w: &str) -> bool {
    matches!(
        w,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "New"
            | "Upper"
            | "Lower"
            | "Greater"
            | "United"
            | "Saudi"
            | "Hong"
            | "Sri"
            | "El"
    )
}

/// Second halves of hyphenated words that are not given names ("Tokyo-based", "Kyoto-born").
#[rustfmt::skip]
fn is_compound_suffix(w: &str) -> bool {
    matches!(
        w,
        "based" | "born" | "led" | "backed" | "owned" | "run" | "made" | "style" | "like" | "era"
            | "free" | "wide" | "old" | "year" | "day" | "time" | "type" | "size" | "class"
            | "level" | "area" | "zone" | "bound" | "speaking"
    )
}

fn byte_range(doc: &Doc, c: &Cand) -> std::ops::Range<usize> {
    let (a, b) = c.toks;
    let start = doc.toks[a].byte_start;
    let end = if doc.toks[b - 1].end == c.end {
        doc.toks[b - 1].byte_end()
    } else {
        // A candidate inside its last token ("London" of "London-based").
        let t = &doc.toks[b - 1];
        let keep = c.end - t.start;
        t.byte_start
            + doc.text[t.byte_start..t.byte_end()]
                .char_indices()
                .nth(keep)
                .map(|(k, _)| k)
                .unwrap_or(t.byte_end() - t.byte_start)
    };
    start..end
}

/// An acronym's definition in this document.
#[derive(Clone, Debug)]
struct Definition {
    long: String,
    label: String,
    entity: Option<EntityId>,
}

/// "U.S." → "US", "I-S" → "IS".
fn normalise_acronym(w: &str) -> String {
    w.chars()
        .filter(|c| !matches!(c, '.' | '-' | '&'))
        .collect()
}

/// Whether the initials of `words` spell `letters`. Connectors may be skipped or used; a word in
/// capitals may give all its letters ("UN General Assembly" → UNGA).
fn spells(letters: &[char], words: &[&str]) -> bool {
    fn go(l: &[char], w: &[&str]) -> bool {
        let Some((word, rest)) = w.split_first() else {
            return l.is_empty();
        };
        let connector = matches!(*word, "of" | "the" | "and" | "for" | "on" | "&" | "de");
        if connector && go(l, rest) {
            return true;
        }
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            return go(l, rest);
        };
        let Some((&c, l_rest)) = l.split_first() else {
            return false;
        };
        if !first
            .to_uppercase()
            .eq(std::iter::once(c.to_ascii_uppercase()))
        {
            return false;
        }
        if go(l_rest, rest) {
            return true;
        }
        // All the letters of a word in capitals, or of each part of a hyphenated word.
        let caps: Vec<char> = word.chars().filter(|c| c.is_alphanumeric()).collect();
        if caps.len() > 1 && caps.iter().all(|c| c.is_uppercase()) && l.starts_with(&caps) {
            return go(&l[caps.len()..], rest);
        }
        let parts: Vec<char> = word.split('-').filter_map(|p| p.chars().next()).collect();
        parts.len() > 1 && l.starts_with(&parts) && go(&l[parts.len()..], rest)
    }
    letters.len() >= 2 && go(letters, words)
}

// ---------------------------------------------------------------------------------------------
// Wire news: datelines, lines in capitals, results tables, lists of names, sports clubs,
// companies and the press. Agency copy writes names where capitals say nothing (a headline in
// capitals, a dateline, a table), and names organisations without a head word ("Volvo said",
// "told Le Monde", "Barcelona beat Milan 2-1"); here context decides.

/// Places (bundled countries, cities and regions) by their form in capitals, for lines written
/// in capitals where the case-sensitive lists find nothing; and the press by name.
struct Lexicons {
    /// "LONDON" → whether it is a country ("FRANCE"); ambiguous entries ("JORDAN") left out.
    places: HashMap<String, bool>,
    /// "Le Monde" → whether it is ambiguous ("Guardian").
    media: HashMap<&'static str, bool, BuildHasherDefault<FxHasher>>,
    /// "LE MONDE": the press in capitals, unambiguous names only.
    media_caps: HashSet<String>,
}

const COUNTRIES_TSV: &str = include_str!("../../assets/gazetteer/countries.tsv");
const CITIES_TSV: &str = include_str!("../../assets/gazetteer/cities.tsv");
const REGIONS_TSV: &str = include_str!("../../assets/gazetteer/regions.tsv");
const MEDIA_TSV: &str = include_str!("../../assets/lexicon/media.tsv");

fn lexicons() -> &'static Lexicons {
    static LEX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let mut places = HashMap::new();
        for (tsv, country) in [
            (COUNTRIES_TSV, true),
            (CITIES_TSV, false),
            (REGIONS_TSV, false),
        ] {
            for line in tsv.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(name), Some(label)) = (cols.next(), cols.next()) else {
                    continue;
                };
                let flags = cols.nth(1).unwrap_or("");
                if name.is_empty()
                    || flags.split(',').any(|f| f.trim() == "ambiguous")
                    || !matches!(label, "GPE" | "LOC")
                {
                    continue;
                }
                let upper = name.to_uppercase();
                let entry = places.entry(upper).or_insert(country);
                *entry |= country;
            }
        }
        let mut media: HashMap<&'static str, bool, BuildHasherDefault<FxHasher>> =
            HashMap::default();
        let mut media_caps = HashSet::new();
        for line in MEDIA_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().filter(|n| !n.is_empty()) else {
                continue;
            };
            let flags = cols.nth(1).unwrap_or("");
            let ambiguous = flags.split(',').any(|f| f.trim() == "ambiguous");
            media.insert(name, ambiguous);
            if !ambiguous {
                media_caps.insert(name.to_uppercase());
            }
        }
        Lexicons {
            places,
            media,
            media_caps,
        }
    })
}

/// Token index → line index, and each line's token range.
fn split_lines(text: &str, toks: &[Token]) -> (Vec<u32>, Vec<(usize, usize)>) {
    let mut line = vec![0u32; toks.len()];
    let mut lines = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        if i > 0 && text[toks[i - 1].byte_end()..toks[i].byte_start].contains(['\n', '\r']) {
            lines.push((start, i));
            start = i;
        }
        line[i] = lines.len() as u32;
    }
    if start < toks.len() {
        lines.push((start, toks.len()));
    }
    (line, lines)
}

/// A word of two letters or more.
fn is_long_word(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.len() >= 2
}

/// A line in capitals: at least two words, and every word of two letters or more in capitals.
fn is_caps_line(text: &str, toks: &[Token]) -> bool {
    let mut words = 0;
    for t in toks.iter().filter(|t| is_long_word(t)) {
        if !t.is_all_caps() {
            return false;
        }
        if t.text(text).chars().any(char::is_alphabetic) {
            words += 1;
        }
    }
    words >= 2
}

/// Lower-case words that may stand in a table or a list of names.
fn is_list_filler(w: &str) -> bool {
    is_particle(w)
        || matches!(
            w,
            "and" | "v" | "vs" | "vs." | "c" | "b" | "st" | "nd" | "rd" | "th"
        )
}

/// A line of a list or a table: a rank or a bullet first ("1. Maria Lopez …", "- Ann Wu"), or
/// no ordinary lower-case word and either two numbers ("Barcelona 10 7 2 1") or two commas
/// ("Squad: A, B, C").
fn is_list_line(text: &str, toks: &[Token]) -> bool {
    let Some(first) = toks.first() else {
        return false;
    };
    let ranked = (first.kind == TokenKind::Number
        && toks
            .get(1)
            .is_some_and(|t| matches!(t.text(text), "." | ")")))
        || (matches!(first.text(text), "-" | "*" | "•" | "–")
            && toks.get(1).is_some_and(|t| t.is_capitalised()));
    if ranked {
        return true;
    }
    let mut numbers = 0;
    let mut commas = 0;
    for t in toks {
        match t.kind {
            TokenKind::Number => numbers += 1,
            TokenKind::Punct if t.text(text) == "," => commas += 1,
            TokenKind::Word if !t.is_capitalised() && !is_list_filler(t.text(text)) => {
                return false;
            }
            _ => {}
        }
    }
    numbers >= 2 || commas >= 2
}

/// Verbs of a sports result: "Barcelona beat Milan", "Ajax drew with PSV".
#[rustfmt::skip]
fn is_sports_verb(w: &str) -> bool {
    matches!(
        w,
        "beat" | "beats" | "defeated" | "defeats" | "drew" | "draw" | "draws" | "lost" | "lose"
            | "loses" | "edged" | "thrashed" | "routed" | "crushed" | "overcame" | "downed"
            | "hammered" | "trounced" | "outclassed" | "eliminated" | "hosted" | "host" | "hosts"
            | "v" | "vs" | "vs." | "against"
    )
}

/// Words that only sport uses, which make a sentence a sports report.
#[rustfmt::skip]
fn is_sports_word(w: &str) -> bool {
    matches!(
        w,
        "friendly" | "league" | "goal" | "goals" | "striker" | "midfielder" | "goalkeeper"
            | "penalty" | "halftime" | "half-time" | "equaliser" | "equalizer" | "stoppage"
            | "derby" | "fixture" | "innings" | "wickets" | "touchdown" | "inning" | "relegation"
            | "promoted" | "semi-final" | "quarter-final" | "semifinal" | "quarterfinal"
            | "kickoff" | "kick-off" | "replay" | "standings" | "scoreless" | "goalless"
    )
}

/// Words after a club's name that make it the club ("Barcelona coach Bobby Robson").
#[rustfmt::skip]
fn is_club_member(w: &str) -> bool {
    matches!(
        w,
        "coach" | "striker" | "midfielder" | "goalkeeper" | "defender" | "winger" | "fullback"
            | "full-back" | "manager" | "fans" | "supporters" | "forward" | "playmaker"
            | "keeper" | "captain" | "squad" | "teammate" | "teammates"
    )
}

/// A result score: "2-1", "1–0".
fn is_score(w: &str) -> bool {
    let mut parts = w.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let small = |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    small(a) && small(b)
}

/// Nouns that stand before a company's name: "truck maker Volvo", "oil company Shell".
#[rustfmt::skip]
fn is_company_noun(w: &str) -> bool {
    matches!(
        w,
        "company" | "firm" | "maker" | "carmaker" | "automaker" | "giant" | "retailer"
            | "insurer" | "lender" | "airline" | "carrier" | "brewer" | "chipmaker"
            | "conglomerate" | "subsidiary" | "manufacturer" | "supplier" | "distributor"
            | "exporter" | "importer" | "refiner" | "miner" | "utility" | "broker" | "brokerage"
            | "bank" | "group" | "operator" | "unit" | "rival" | "rivals" | "competitor"
            | "corporation" | "multinational" | "startup" | "start-up" | "steelmaker"
            | "drugmaker" | "telecoms" | "shipbuilder" | "shipper" | "publisher" | "newspaper"
            | "daily" | "weekly" | "magazine" | "agency" | "broadcaster" | "network"
    )
}

/// Words after a company's name: "Volvo shares", "Nestle's profit".
#[rustfmt::skip]
fn is_company_attribute(w: &str) -> bool {
    matches!(
        w,
        "shares" | "stock" | "stocks" | "shareholders" | "stockholders" | "profit" | "profits"
            | "earnings" | "revenue" | "revenues" | "sales" | "turnover" | "dividend"
            | "subsidiary" | "chairman" | "executives" | "bonds" | "takeover" | "share"
    )
}

/// Words before "of"/"in"/"for" and a company: "shares of Nestle", "a stake in Volvo".
fn is_company_of(w: &str) -> bool {
    matches!(
        w,
        "shares" | "stake" | "takeover" | "bid" | "acquisition" | "shareholders" | "subsidiary"
    )
}

/// Verbs of the press: "the Guardian reported".
fn is_press_verb(w: &str) -> bool {
    speech_verb(w)
        || matches!(
            w,
            "reported"
                | "reports"
                | "quoted"
                | "quotes"
                | "newspaper"
                | "daily"
                | "cited"
                | "published"
                | "wrote"
                | "editorial"
        )
}

/// What a dateline's place is followed by: a date ("1996-08-30"), ", March 3", "(Reuters)".
fn dateline_tail(doc: &Doc, k: usize, end: usize) -> Option<&'static str> {
    let at = |i: usize| (i < end).then(|| doc.word(i));
    match at(k)? {
        w if doc.toks[k].kind == TokenKind::Number && w.len() >= 8 && w.contains('-') => {
            Some("a date")
        }
        "," => {
            let next = at(k + 1)?;
            if month(next).is_some() || is_weekday(next) {
                Some("a date")
            } else {
                None
            }
        }
        "(" => {
            let agency = at(k + 1)?;
            (doc.toks[k + 1].is_capitalised() && !agency.is_empty() && at(k + 2) == Some(")"))
                .then_some("an agency")
        }
        "-" | "–" | "—" => {
            // "PARIS - French police …": the rest of the line is a story, not a headline.
            let rest = (k + 1..end).any(|i| doc.is_lower_word(i, |w| w.len() >= 3));
            rest.then_some("a story")
        }
        _ => None,
    }
}

impl Finder<'_, '_> {
    /// The run's label from a confident candidate over exactly its tokens, or another engine.
    fn typed(&self, s: usize, e: usize) -> Option<&str> {
        let doc = self.doc;
        self.cands
            .iter()
            .filter(|c| c.toks == (s, e) && c.score >= 0.6)
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map(|c| c.label.as_str())
            .or_else(|| doc.known_label(s, e))
    }

    /// Whether the word at `s` ends a longer capitalised name somewhere in the document.
    fn is_surname_here(&self, s: usize) -> bool {
        let doc = self.doc;
        let w = doc.word(s);
        (1..doc.toks.len()).any(|k| {
            k != s
                && doc.toks[k].kind == TokenKind::Word
                && doc.word(k) == w
                && doc.same_sentence(k - 1, k)
                && doc.is_name_word(k - 1)
                && !(doc.ambiguous[k - 1] && is_initial_function_word(doc.word(k - 1)))
        })
    }

    /// A country by the bundled lists ("France beat Italy" are national teams, places here).
    fn is_country(&self, s: usize, e: usize) -> bool {
        let name = self.doc.text_of(s, e);
        lexicons()
            .places
            .get(&name.to_uppercase())
            .copied()
            .unwrap_or(false)
    }

    /// A news agency, newspaper or broadcaster by name. Returns whether it added one.
    fn media(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let name = doc.text_of(s, e);
        let Some(&ambiguous) = lexicons().media.get(name) else {
            return false;
        };
        if doc.known_label(s, e).is_some_and(|l| l != "ORG") {
            return false;
        }
        if ambiguous {
            // "the Guardian reported", "told the Independent": "the" and a cue of the press.
            let the = s >= 1 && doc.word(s - 1) == "the";
            let verb_after = doc.is_lower_word(e, is_press_verb);
            let cue_before = s >= 2
                && doc.is_lower_word(s - 2, |w| {
                    matches!(w, "told" | "by" | "with" | "in" | "to" | "interview")
                });
            if !(the && (verb_after || cue_before)) {
                return false;
            }
        }
        self.add(
            s,
            e,
            "ORG",
            0.85,
            "media",
            format!("{} is a news agency, newspaper or broadcaster", q(name)),
        );
        true
    }

    /// "1. Maria Lopez (Spain) 2:21:05", "Pete Sampras (U.S.) beat …": a name with a country
    /// in brackets after it is an athlete. Returns whether it added one.
    fn results_row(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = e - s;
        let line = doc.line[s] as usize;
        if e + 2 >= doc.toks.len() || doc.word(e) != "(" || doc.known_cover[s].is_some() {
            return false;
        }
        if !(doc.list_line[line] || (2..=3).contains(&n)) || !self.person_part(s, e) {
            return false;
        }
        // The bracket holds one to three words that make a country: a place another engine
        // knows, a nationality, or a code in capitals ("ESP", "U.S.").
        let close = (e + 2..(e + 5).min(doc.toks.len())).find(|&k| doc.word(k) == ")");
        let Some(close) = close else {
            return false;
        };
        let inside = doc.text_of(e + 1, close);
        let t = &doc.toks[e + 1];
        let country = doc.known_cover[e + 1].is_some_and(|k| {
            matches!(doc.known[k as usize].label.as_str(), "GPE" | "LOC" | "NORP")
        }) || (close == e + 2 && t.is_all_caps() && (2..=4).contains(&t.len()))
            || lexicons().places.contains_key(&inside.to_uppercase());
        // "Real Madrid (Spain) v Ajax (Netherlands)": clubs, not people.
        let (la, lb) = doc.lines[line];
        let versus = (la..lb).any(|k| matches!(doc.word(k), "v" | "vs" | "vs."));
        if !country || versus {
            return false;
        }
        self.add(
            s,
            e,
            "PERSON",
            0.75,
            "results-row",
            format!("a name with its country {} in brackets", q(inside)),
        );
        true
    }

    /// "Barcelona beat Milan 2-1", "Ajax drew with PSV", "Barcelona coach Bobby Robson": a
    /// club, even when its name is a city's. Countries stay places (national teams). Returns
    /// whether it added one.
    fn club(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if e - s > 3 || doc.in_headline(s) {
            return false;
        }
        // The context first, which is cheap and rare.
        let (a, b) = doc.sentences[doc.sentence[s] as usize];
        // Subject: the verb right after (an adverb or "have" between).
        let mut k = e;
        while k < e + 2 && k < b && doc.is_lower_word(k, is_speech_adverb) {
            k += 1;
        }
        let subject = k < b
            && doc.is_lower_word(k, is_sports_verb)
            && !matches!(doc.word(k), "against" | "v" | "vs" | "vs.");
        // Object: after the verb, "drew with", "lost to", "against", "v".
        let object = s > a && {
            let p = doc.word(s - 1);
            doc.is_lower_word(s - 1, is_sports_verb)
                || (matches!(p, "with" | "to" | "at")
                    && s >= 2
                    && doc.is_lower_word(s - 2, |w| {
                        is_sports_verb(w) || matches!(w, "home" | "away")
                    }))
                || (matches!(p, "with" | "to") && s >= 3 && is_score(doc.word(s - 2)))
        };
        let member = e < b && doc.is_lower_word(e, is_club_member);
        if !(subject || object || member) {
            return false;
        }
        let known = doc.known_label(s, e);
        if known.is_some_and(|l| !matches!(l, "GPE" | "LOC" | "ORG"))
            || (known.is_none() && self.rules.first_names.contains_key(doc.word(s)))
        {
            return false;
        }
        let sporty = (subject || object)
            && (a..b).any(|k| {
                let w = doc.word(k);
                (doc.toks[k].kind == TokenKind::Number && is_score(w))
                    || doc.is_lower_word(k, is_sports_word)
            });
        let why = if sporty {
            "a team in a match result"
        } else if member && (known.is_some() || !doc.ambiguous[s]) {
            "a club's coach or player after it"
        } else {
            return false;
        };
        // A person's name: several words nobody knows, or the surname of a longer name here
        // ("Lukaku" after "Romelu Lukaku"); a country is its national team, a place.
        if (known.is_none() && (e - s > 1 || self.is_surname_here(s))) || self.is_country(s, e) {
            return false;
        }
        let score = if known.is_some() { 0.9 } else { 0.8 };
        self.add(
            s,
            e,
            "ORG",
            score,
            "club",
            format!("{}: {why}", q(doc.text_of(s, e))),
        );
        true
    }

    /// A table row of a team: "Barcelona 10 7 2 1 20 8 23", "Barcelona 2 Milan 1". Returns
    /// whether it added one.
    fn table_team(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let line = doc.line[s] as usize;
        let (la, lb) = doc.lines[line];
        if !doc.list_line[line] || doc.caps_line[line] || e - s > 3 {
            return false;
        }
        let num = |k: usize| k < lb && doc.toks[k].kind == TokenKind::Number;
        // At the line's start (after a rank), or after a number: "Barcelona 2 Milan 1".
        let mut start = la;
        if num(start) && start + 1 < lb && matches!(doc.word(start + 1), "." | ")") {
            start += 2;
        }
        if !(s == start || (s > la && num(s - 1))) || !num(e) {
            return false;
        }
        // No lower-case words: a table, not a sentence with figures.
        if (la..lb).any(|k| doc.is_lower_word(k, |w| !is_list_filler(w))) {
            return false;
        }
        if self.rules.first_names.contains_key(doc.word(s))
            || doc
                .known_label(s, e)
                .is_some_and(|l| !matches!(l, "GPE" | "LOC" | "ORG"))
        {
            return false;
        }
        if self.is_country(s, e) {
            return false;
        }
        let known = doc.known_label(s, e).is_some();
        let w = doc.word(s);
        if !known
            && (e - s > 1
                || matches!(
                    w,
                    "Total"
                        | "Totals"
                        | "Overall"
                        | "Points"
                        | "Round"
                        | "Group"
                        | "Division"
                        | "Standings"
                        | "Result"
                        | "Results"
                        | "Week"
                        | "Day"
                        | "Team"
                        | "Played"
                        | "Won"
                        | "Lost"
                        | "Drawn"
                        | "Home"
                        | "Away"
                        | "Net"
                        | "Average"
                        | "Top"
                        | "Leading"
                        | "Pts"
                        | "Rank"
                        | "Time"
                        | "Score"
                        | "Scores"
                        | "Attendance"
                        | "Extras"
                        | "Fall"
                        | "Bowling"
                        | "Batting"
                )
                || doc.toks[s].is_all_caps()
                || doc.lower_seen(w))
        {
            return false;
        }
        let score = if known { 0.9 } else { 0.65 };
        self.add(
            s,
            e,
            "ORG",
            score,
            "club",
            format!("{}: a team in a table of results", q(doc.text_of(s, e))),
        );
        true
    }

    /// "truck maker Volvo", "shares of Nestle", "Volvo shares", "Nestle's profit": a company.
    /// Returns whether it added one.
    fn company(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if e - s > 3 || doc.in_headline(s) || !doc.same_sentence(s, e.saturating_sub(1)) {
            return false;
        }
        if doc.known_label(s, e).is_some_and(|l| l != "ORG") || doc.known_cover[s].is_some() {
            return false;
        }
        let before = s.checked_sub(1).filter(|&p| doc.same_sentence(p, s));
        let noun_before = before.is_some_and(|p| doc.is_lower_word(p, is_company_noun));
        let of_before = before.is_some_and(|p| {
            matches!(doc.word(p), "of" | "in" | "for")
                && p >= 1
                && doc.is_lower_word(p - 1, is_company_of)
        });
        let possessive = e < doc.toks.len() && doc.toks[e].kind == TokenKind::Possessive;
        let attr_at = if possessive { e + 1 } else { e };
        let attr_after = attr_at < doc.toks.len()
            && doc.same_sentence(s, attr_at)
            && doc.is_lower_word(attr_at, is_company_attribute)
            // "Volvo chairman" is the company's; "the chairman" is not a cue by itself.
            && (possessive || doc.word(attr_at) != "chairman" || e - s == 1);
        let why = if noun_before {
            let noun = before.map(|p| doc.word(p)).unwrap_or_default();
            format!("{} before it", q(noun))
        } else if of_before {
            let p = before.unwrap_or(s);
            format!(
                "“{} {}” before it",
                doc.word(p.saturating_sub(1)),
                doc.word(p)
            )
        } else if attr_after {
            format!("{} after it", q(doc.word(attr_at)))
        } else {
            return false;
        };
        self.add(s, e, "ORG", 0.75, "company", format!("a company: {why}"));
        true
    }

    /// Datelines: "LONDON 1996-08-30", "PARIS, March 3 -", "LONDON (Reuters) -", "AL-AIN,
    /// United Arab Emirates 1996-12-06": the place at the start of a line, and the agency.
    fn datelines(&mut self) {
        let doc = self.doc;
        for li in 0..doc.lines.len() {
            let (a, b) = doc.lines[li];
            let mut k = a;
            // One to four words of the place, in capitals (or Title Case before a date).
            while k < b && k < a + 4 && doc.is_word(k) && doc.toks[k].is_capitalised() {
                k += 1;
            }
            if k == a || k >= b {
                continue;
            }
            let caps = (a..k).all(|i| doc.toks[i].is_all_caps());
            if !caps && k - a > 3 {
                continue;
            }
            let Some(why) = dateline_tail(doc, k, b) else {
                // "AL-AIN, United Arab Emirates 1996-12-06": a region or country between.
                if caps && doc.word(k) == "," {
                    let mut j = k + 1;
                    while j < b && j < k + 5 && doc.is_word(j) && doc.toks[j].is_capitalised() {
                        j += 1;
                    }
                    if j > k + 1 && dateline_tail(doc, j, b).is_some_and(|w| w != "a story") {
                        self.dateline_place(a, k);
                        if doc.known_cover[k + 1].is_none() {
                            self.dateline_place(k + 1, j);
                        }
                    }
                }
                continue;
            };
            // Title Case only before a date, where nothing else stands ("Paris, March 3 -").
            if !caps && why != "a date" {
                continue;
            }
            if why == "a story" && !caps {
                continue;
            }
            if (a..k).any(|i| is_weekday(doc.word(i)) || month(doc.word(i)).is_some()) {
                continue;
            }
            self.dateline_place(a, k);
            if why == "an agency" {
                let ag = k + 1;
                if doc.known_cover[ag].is_none() {
                    self.add(
                        ag,
                        ag + 1,
                        "ORG",
                        0.85,
                        "dateline",
                        format!("{}: the agency of a dateline", q(doc.word(ag))),
                    );
                }
            }
        }
    }

    fn dateline_place(&mut self, s: usize, e: usize) {
        let doc = self.doc;
        if doc
            .known_label(s, e)
            .is_some_and(|l| matches!(l, "GPE" | "LOC"))
        {
            return;
        }
        self.add(
            s,
            e,
            "GPE",
            0.9,
            "dateline",
            format!("{} opens a dateline", q(doc.text_of(s, e))),
        );
    }

    /// Lists of names ("Squad: Peter Schmeichel, Gary Neville, Jaap Stam"): when most names of
    /// a list are people and none is anything else, the rest are people too.
    fn lists(&mut self) {
        let doc = self.doc;
        let runs = std::mem::take(&mut self.runs);
        let mut g = 0;
        while g < runs.len() {
            // A group: runs separated by "," / "and" / ", and" / ";".
            let mut h = g + 1;
            while h < runs.len() {
                let (_, pe) = runs[h - 1];
                let (ns, _) = runs[h];
                let between: Vec<&str> = (pe..ns).map(|k| doc.word(k)).collect();
                let joined = matches!(between.as_slice(), [","] | ["and"] | [",", "and"] | [";"]);
                if !joined || doc.line[pe - 1] != doc.line[ns] {
                    break;
                }
                h += 1;
            }
            if h - g >= 3 {
                let labels: Vec<Option<String>> = runs[g..h]
                    .iter()
                    .map(|&(s, e)| self.typed(s, e).map(str::to_string))
                    .collect();
                let people = labels
                    .iter()
                    .filter(|l| l.as_deref() == Some("PERSON"))
                    .count();
                let others = labels
                    .iter()
                    .filter(|l| l.as_ref().is_some_and(|l| l != "PERSON"))
                    .count();
                if people >= 2 && others == 0 {
                    for (&(s, e), label) in runs[g..h].iter().zip(&labels) {
                        if label.is_none() && e - s <= 3 && self.person_part(s, e) {
                            self.add(
                                s,
                                e,
                                "PERSON",
                                0.7,
                                "list",
                                "in a list of people's names".into(),
                            );
                        }
                    }
                }
            }
            g = h;
        }
        self.runs = runs;
    }

    /// Lines in capitals ("SOCCER - BARCELONA BEAT MILAN", "LONDON 1996-08-30" aside): a name
    /// the document writes elsewhere in lower case letters is the same name here; else a place
    /// or the press from the bundled lists.
    fn capital_lines(&mut self) {
        let doc = self.doc;
        if !doc.caps_line.iter().any(|&c| c) {
            return;
        }
        // Names found outside capital lines, by their form in capitals: the surest label wins.
        let mut by_caps: HashMap<String, (String, f32, Option<EntityId>, Option<String>)> =
            HashMap::new();
        let mut note = |text: &str, label: &str, score: f32, entity, new_entity| {
            let key = text.to_uppercase();
            let e = by_caps
                .entry(key)
                .or_insert((label.to_string(), -1.0, None, None));
            if score > e.1 {
                *e = (label.to_string(), score, entity, new_entity);
            }
        };
        for (k, range) in doc.known.iter().zip(&doc.known_tokens) {
            if let Some((a, b)) = *range
                && !doc.caps_line[doc.line[a] as usize]
                && matches!(k.label.as_str(), "PERSON" | "ORG" | "GPE" | "LOC")
            {
                let text = doc.text_of(a, b);
                note(text, &k.label, 0.85, k.entity, Some(text.to_string()));
            }
        }
        for c in &self.cands {
            let (a, b) = c.toks;
            let aligned = doc.toks[a].start == c.start && doc.toks[b - 1].end == c.end;
            if aligned && c.score >= 0.6 && !doc.caps_line[doc.line[a] as usize] {
                let text = doc.text_of(a, b);
                let canon = c.new_entity.clone().or_else(|| Some(text.to_string()));
                // A person's surname alone: "OKAFOR QUITS" after "Ada Okafor".
                if c.label == "PERSON" && b - a >= 2 && !doc.toks[b - 1].is_initial() {
                    let surname = doc.word(b - 1);
                    note(surname, "PERSON", c.score - 0.1, c.entity, canon.clone());
                }
                note(text, &c.label, c.score, c.entity, canon);
            }
        }
        let lex = lexicons();
        let mut found = Vec::new();
        for li in 0..doc.lines.len() {
            if !doc.caps_line[li] {
                continue;
            }
            let (a, b) = doc.lines[li];
            let mut i = a;
            while i < b {
                if !(doc.is_word(i) && doc.toks[i].is_all_caps()) || doc.known_cover[i].is_some() {
                    i += 1;
                    continue;
                }
                let mut hit = None;
                for len in (1..=4).rev() {
                    let e = i + len;
                    if e > b || !(i..e).all(|k| doc.is_word(k) && doc.known_cover[k].is_none()) {
                        continue;
                    }
                    let text = doc.text_of(i, e);
                    if let Some((label, sc, entity, canon)) = by_caps.get(text) {
                        hit = Some((
                            e,
                            label.clone(),
                            (sc - 0.05).min(0.85),
                            *entity,
                            canon.clone(),
                            format!(
                                "written {} elsewhere in this document",
                                q(canon.as_deref().unwrap_or(text))
                            ),
                        ));
                        break;
                    }
                    if text.chars().count() >= 4 || text.contains('.') {
                        if let Some(&country) = lex.places.get(text) {
                            let sc = if country { 0.8 } else { 0.75 };
                            hit = Some((
                                e,
                                "GPE".into(),
                                sc,
                                None,
                                None,
                                format!("{} is a place in the bundled lists", q(text)),
                            ));
                            break;
                        }
                        if lex.media_caps.contains(text) {
                            hit = Some((
                                e,
                                "ORG".into(),
                                0.8,
                                None,
                                None,
                                format!("{} is a news agency, newspaper or broadcaster", q(text)),
                            ));
                            break;
                        }
                    }
                }
                match hit {
                    Some((e, label, sc, entity, canon, reason)) => {
                        found.push(Cand {
                            start: doc.toks[i].start,
                            end: doc.toks[e - 1].end,
                            toks: (i, e),
                            label,
                            score: sc,
                            rule: "capitals".into(),
                            reason,
                            entity,
                            new_entity: if entity.is_none() { canon } else { None },
                        });
                        i = e;
                    }
                    None => i += 1,
                }
            }
        }
        self.cands.extend(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rules() -> Rules {
        Rules::from_tsv(
            "# test list\nBarack\tm\t\nJane\tf\t\nMaria\tf\t\nTom\tm\t\nAngela\tf\t\n\
             Ludwig\tm\t\nMark\tm\tambiguous\nWill\tm\tambiguous\nMichelle\tf\t\n\
             Bill\tm\tambiguous\nHillary\tf\t\nJohn\tm\t\nChris\tm\t\nJörg\tm\t\nbad line\n",
        )
    }

    /// (text, label, rule) of each suggestion.
    fn found(text: &str) -> Vec<(String, String, String)> {
        found_with(text, &[])
    }

    fn found_with(text: &str, known: &[Known]) -> Vec<(String, String, String)> {
        let out = rules().suggest(text, known);
        check_output(text, &out);
        out.iter()
            .map(|s| {
                let (a, b) = s.range();
                let t: String = text.chars().skip(a).take(b - a).collect();
                (t, s.label().to_string(), s.rule.clone())
            })
            .collect()
    }

    fn has(found: &[(String, String, String)], text: &str, label: &str) -> bool {
        found.iter().any(|(t, l, _)| t == text && l == label)
    }

    fn texts(found: &[(String, String, String)]) -> Vec<&str> {
        found.iter().map(|f| f.0.as_str()).collect()
    }

    fn suggestion<'s>(out: &'s [Suggestion], text: &str, what: &str) -> &'s Suggestion {
        out.iter()
            .find(|s| {
                let (a, b) = s.range();
                text.chars().skip(a).take(b - a).collect::<String>() == what
            })
            .unwrap_or_else(|| panic!("no suggestion for {what:?} in {out:#?}"))
    }

    /// What every output must be: sorted, non-overlapping, inside the text, scored in 0..1.
    fn check_output(text: &str, out: &[Suggestion]) {
        let n = text.chars().count();
        let mut last_end = 0;
        for s in out {
            let (a, b) = s.range();
            assert!(a < b && b <= n, "{s:?} outside the text");
            assert!(a >= last_end, "overlap or disorder at {s:?}");
            last_end = b;
            assert!((0.0..=1.0).contains(&s.score));
            assert_eq!(s.engine, "rules");
            assert!(!s.reason.is_empty() && !s.reason.contains('\n'));
        }
    }

    #[test]
    fn first_names_load_from_tsv() {
        let r = rules();
        assert_eq!(r.first_name_count(), 14, "the bad line is skipped");
        assert_eq!(r.gender("Jane"), Some(Gender::Female));
        assert!(r.first_names["Mark"].ambiguous);
        assert!(!r.first_names["Jane"].ambiguous);
        // Common-word names are ambiguous even when the list does not say so.
        let r = Rules::new([("Hope".to_string(), Gender::Female)]);
        assert!(r.first_names["Hope"].ambiguous);
    }

    #[test]
    fn connectors_join_names_and_edges_are_trimmed() {
        let f = found("On Monday the Bank of England raised rates, the Ministry of Defence said.");
        assert!(has(&f, "Bank of England", "ORG"), "{f:?}");
        assert!(has(&f, "Ministry of Defence", "ORG"), "{f:?}");
        assert!(
            !texts(&f)
                .iter()
                .any(|t| t.contains("Monday") || t.contains("On"))
        );
        let f = found("A concert of works by Ludwig van Beethoven was held in a barn.");
        assert!(has(&f, "Ludwig van Beethoven", "PERSON"), "{f:?}");
        let f = found("Doctors treated patients from the Food and Drug Administration yesterday.");
        assert!(has(&f, "Food and Drug Administration", "ORG"), "{f:?}");
        // "and" between two names is not one name.
        let f = found("Talks between Ruritania and the Grand Duchy Federation stalled.");
        assert!(!texts(&f).iter().any(|t| t.contains(" and ")), "{f:?}");
    }

    #[test]
    fn titles_mark_the_person_after_them() {
        let text = "Officials met President Barack Obama and Prime Minister Jane Smith. \
                    Later, Gen. Nkosi Dlamini arrived with union president Maria Ortiz, \
                    and spokeswoman Priya Raman said the talks were useful.";
        let f = found(text);
        for name in [
            "Barack Obama",
            "Jane Smith",
            "Nkosi Dlamini",
            "Maria Ortiz",
            "Priya Raman",
        ] {
            assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
        }
        assert!(
            !texts(&f)
                .iter()
                .any(|t| t.contains("President") || t.contains("Gen."))
        );
        let out = rules().suggest(text, &[]);
        let s = suggestion(&out, text, "Nkosi Dlamini");
        assert_eq!(s.rule, "title");
        assert!(s.reason.contains("“Gen.”"), "{}", s.reason);
        // A title in front of an organisation is not a person's.
        let f = found("Shares of General Motors rose as the Justice Department watched.");
        assert!(!f.iter().any(|(_, l, _)| l == "PERSON"), "{f:?}");
        assert!(has(&f, "Justice Department", "ORG"), "{f:?}");
    }

    #[test]
    fn organisation_head_words() {
        let f = found(
            "He sold the shop to Acme Widgets Inc. and studied at the University of Toronto \
             before joining the Green Valley Party.",
        );
        assert!(has(&f, "Acme Widgets Inc.", "ORG"), "{f:?}");
        assert!(has(&f, "University of Toronto", "ORG"), "{f:?}");
        assert!(has(&f, "Green Valley Party", "ORG"), "{f:?}");
        // A place that ends like an organisation is left to the gazetteer.
        let f = found("Trade with the Russian Federation grew.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn acronyms_link_to_their_long_form() {
        let text = "Loans from the International Monetary Fund (IMF) grew. Critics say the \
                    IMF moved slowly, and IMF staff agreed.";
        let out = rules().suggest(text, &[]);
        check_output(text, &out);
        let long = suggestion(&out, text, "International Monetary Fund");
        assert_eq!(long.label(), "ORG");
        let imfs: Vec<_> = out.iter().filter(|s| s.rule.contains("acronym")).collect();
        assert_eq!(imfs.len(), 4, "{out:#?}");
        for s in imfs {
            let Proposal::Span { new_entity, .. } = &s.proposal else {
                panic!()
            };
            assert_eq!(new_entity.as_deref(), Some("International Monetary Fund"));
        }
        // "…, or ACR," and an alias after "also known as".
        let text = "Fighters of the Northern Liberation Front, or NLF, also known as Tarsha, \
                    attacked. The NLF denied it.";
        let f = found(text);
        assert!(has(&f, "Northern Liberation Front", "ORG"), "{f:?}");
        assert_eq!(f.iter().filter(|x| x.0 == "NLF").count(), 2, "{f:?}");
        assert!(has(&f, "Tarsha", "ORG"), "{f:?}");
        // Initials that do not spell the acronym are no definition.
        let f = found("He joined the Royal Navy (IMF) briefly.");
        assert!(!f.iter().any(|x| x.2 == "acronym"), "{f:?}");
    }

    #[test]
    fn first_names_make_persons_but_common_words_need_more() {
        let f = found("The award went to Jane Okafor and Tom Brandt last year.");
        assert!(has(&f, "Jane Okafor", "PERSON"), "{f:?}");
        assert!(has(&f, "Tom Brandt", "PERSON"), "{f:?}");
        let f = found("Mark my words, it will rain.");
        assert!(f.is_empty(), "{f:?}");
        let f = found("Will Power won. The race will go on.");
        assert!(f.is_empty(), "{f:?}");
        // Mid-sentence, a capitalised "Will" is a name, with a lower score.
        let text = "The film starred Will Fontaine in the lead.";
        let out = rules().suggest(text, &[]);
        let s = suggestion(&out, text, "Will Fontaine");
        assert!(s.score < score::FIRST_NAME, "{s:?}");
    }

    #[test]
    fn speech_verbs_type_their_subjects() {
        let f = found("The vote was close, Okonkwo said on Tuesday.");
        assert!(has(&f, "Okonkwo", "PERSON"), "{f:?}");
        let f = found("Funding will rise, the Pentagon said.");
        assert!(has(&f, "Pentagon", "ORG"), "{f:?}");
        let f = found("\"We are ready,\" said Ines Vaccaro.");
        assert!(has(&f, "Ines Vaccaro", "PERSON"), "{f:?}");
        // An unknown word at a sentence start is no evidence, and a country is not a speaker.
        let f = found("Officials said the bridge was safe.");
        assert!(f.is_empty(), "{f:?}");
        let f = found("Talks failed, and North Ruritania said it would leave.");
        assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
    }

    #[test]
    fn surnames_and_repeats_follow_the_full_name() {
        let text = "Chancellor Angela Merkel spoke first. Merkel said little. Later, \
                    Angela Merkel left, and Merkel's aide stayed.";
        let out = rules().suggest(text, &[]);
        check_output(text, &out);
        let merkels: Vec<_> = out
            .iter()
            .filter(|s| {
                let (a, b) = s.range();
                text.chars()
                    .skip(a)
                    .take(b - a)
                    .collect::<String>()
                    .contains("Merkel")
            })
            .collect();
        assert_eq!(merkels.len(), 4, "{merkels:#?}");
        for s in &merkels {
            assert_eq!(s.label(), "PERSON");
        }
        let surname = out.iter().find(|s| s.rule.contains("partial")).unwrap();
        let Proposal::Span { new_entity, .. } = &surname.proposal else {
            panic!()
        };
        assert_eq!(new_entity.as_deref(), Some("Angela Merkel"));
    }

    #[test]
    fn partial_matching_uses_known_names_and_their_entities() {
        let text = "Vladimir Putin arrived. Putin spoke first.";
        let known = [Known {
            start: 0,
            end: 14,
            label: "PERSON".into(),
            entity: Some(EntityId(7)),
        }];
        let out = rules().suggest(text, &known);
        check_output(text, &out);
        let putin = suggestion(&out, text, "Putin");
        let Proposal::Span { entity, .. } = &putin.proposal else {
            panic!()
        };
        assert_eq!(*entity, Some(EntityId(7)));
        // Nothing repeats the known span itself.
        assert!(out.iter().all(|s| s.range() != (0, 14)), "{out:#?}");
    }

    #[test]
    fn a_surname_shared_by_two_people_is_left_alone() {
        let f = found(
            "Bill Clinton and Hillary Clinton arrived together. Later Clinton spoke to reporters.",
        );
        assert!(has(&f, "Bill Clinton", "PERSON") || has(&f, "Hillary Clinton", "PERSON"));
        assert!(!f.iter().any(|x| x.0 == "Clinton"), "{f:?}");
    }

    #[test]
    fn sentence_initial_words_need_evidence() {
        // "However", "The", weekdays and months are never names.
        let f = found(
            "However, the plan failed. The Plan was new. On Tuesday it rained. In March it snowed.",
        );
        assert!(f.is_empty(), "{f:?}");
        // "Growth" is written in lower case elsewhere, so it is not a name at a sentence start.
        let f = found("Growth Partners said it would wait. Economic growth slowed.");
        assert!(!f.iter().any(|x| x.0.starts_with("Growth")), "{f:?}");
        // "Okafor" is capitalised mid-sentence elsewhere, so the sentence start is a name too.
        let f = found("Coach Ada Okafor smiled. Okafor said the team was ready.");
        assert!(has(&f, "Okafor", "PERSON"), "{f:?}");
    }

    #[test]
    fn title_case_headlines_are_not_evidence() {
        let f = found("Minister Resigns Over Budget Row\nThe minister resigned on Friday.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn place_cues_give_gpe() {
        let text =
            "A London-based charity sent aid to the city of Aleppo, near Ruritania's capital.";
        let f = found(text);
        assert!(has(&f, "London", "GPE"), "{f:?}");
        assert!(has(&f, "Aleppo", "GPE"), "{f:?}");
        assert!(has(&f, "Ruritania", "GPE"), "{f:?}");
    }

    #[test]
    fn east_asian_names_and_their_family_name() {
        let f = found("Voters backed Moon Jae-in over rivals. Moon thanked them.");
        assert!(has(&f, "Moon Jae-in", "PERSON"), "{f:?}");
        assert!(has(&f, "Moon", "PERSON"), "{f:?}");
        let f = found("A Tokyo-based firm hired staff.");
        assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
    }

    #[test]
    fn known_ranges_are_not_repeated_but_other_labels_are_evidence() {
        let text = "Talks at the Bank of Ruritania resumed.";
        let known = [Known {
            start: 13,
            end: 30,
            label: "ORG".into(),
            entity: None,
        }];
        let out = rules().suggest(text, &known);
        assert!(out.is_empty(), "{out:#?}");
        // "Georgia" is a first name, but another engine says it is a place here.
        let text = "Troops left Georgia Tbilisova yesterday.";
        let known = [Known {
            start: 12,
            end: 19,
            label: "GPE".into(),
            entity: None,
        }];
        let out = rules().suggest(text, &known);
        assert!(out.iter().all(|s| s.label() != "PERSON"), "{out:#?}");
    }

    #[test]
    fn accented_names_curly_apostrophes_and_crlf() {
        let text =
            "Ségolène Royal’s adviser, Jörg Müller, said so.\r\nPresident José Ramos-Horta agreed.";
        let out = rules().suggest(text, &[]);
        check_output(text, &out);
        let f = found(text);
        assert!(has(&f, "Jörg Müller", "PERSON"), "{f:?}");
        assert!(has(&f, "José Ramos-Horta", "PERSON"), "{f:?}");
    }

    #[test]
    fn empty_and_odd_texts() {
        assert!(rules().suggest("", &[]).is_empty());
        assert!(rules().suggest("   \n\n", &[]).is_empty());
        // Cues with nothing around them.
        assert!(found("( IMF ) , or IS , also known as").is_empty());
        assert!(found("President").is_empty());
    }

    // -- Wire news ----------------------------------------------------------------------------

    fn gpe(text: &str, what: &str) -> Known {
        let start = text
            .find(what)
            .map(|b| text[..b].chars().count())
            .unwrap_or(0);
        Known {
            start,
            end: start + what.chars().count(),
            label: "GPE".into(),
            entity: None,
        }
    }

    #[test]
    fn datelines_in_capitals_are_places() {
        let f = found("RUDOVIA 1996-08-30\nThe talks ended without a deal.");
        assert!(has(&f, "RUDOVIA", "GPE"), "{f:?}");
        let f = found("PARIS, March 3 (Reuters) - French police arrested three men on Monday.");
        assert!(has(&f, "PARIS", "GPE"), "{f:?}");
        assert!(has(&f, "Reuters", "ORG"), "{f:?}");
        let f = found("AL-AIN, Ruritanian Emirates 1996-12-06\nThe final was played here.");
        assert!(has(&f, "AL-AIN", "GPE"), "{f:?}");
        assert!(has(&f, "Ruritanian Emirates", "GPE"), "{f:?}");
        let f = found("NEW KARVIA - Rescue teams searched the rubble on Monday.");
        assert!(has(&f, "NEW KARVIA", "GPE"), "{f:?}");
        // A sports headline is not a dateline: "SOCCER" is no place.
        let f = found("SOCCER - LEADERS HELD IN LATE DRAMA\nThe leaders were held.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn headlines_in_capitals_take_names_from_the_story() {
        let text = "OKAFOR QUITS AS MINISTER OVER BUDGET ROW\n\
                    Finance Minister Ada Okafor resigned on Friday after the vote.";
        let out = rules().suggest(text, &[]);
        let f = found(text);
        assert!(has(&f, "OKAFOR", "PERSON"), "{f:?}");
        let s = suggestion(&out, text, "OKAFOR");
        let Proposal::Span { new_entity, .. } = &s.proposal else {
            panic!()
        };
        assert_eq!(new_entity.as_deref(), Some("Ada Okafor"));
        // Places from the bundled lists, in capitals; ordinary words stay out.
        let f = found("FRANCE AND GERMANY AGREE ON BUDGET\nThe deal was signed.");
        assert!(has(&f, "FRANCE", "GPE"), "{f:?}");
        assert!(has(&f, "GERMANY", "GPE"), "{f:?}");
        assert_eq!(f.len(), 2, "{f:?}");
        let f = found("MINISTER RESIGNS OVER BUDGET ROW\nThe minister resigned on Friday.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn results_tables_and_lists_of_players_are_people() {
        let text = "ATHLETICS - WOMEN'S MARATHON RESULTS\n\
                    1. Maria Lopez (Spain) 2:21:05\n\
                    2. Fatuma Roba (Ethiopia) 2:22:41\n\
                    3. Kiri Tanaka (JPN) 2:23:10\n";
        let f = found(text);
        for name in ["Maria Lopez", "Fatuma Roba", "Kiri Tanaka"] {
            assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
        }
        assert!(
            !f.iter()
                .any(|x| x.1 == "PERSON" && x.0.contains("MARATHON")),
            "{f:?}"
        );
        let f = found("Squad: John Okafor, Tom Brandt, Jaap Stam, Denis Irwin, Ryan Giggs.");
        for name in [
            "John Okafor",
            "Tom Brandt",
            "Jaap Stam",
            "Denis Irwin",
            "Ryan Giggs",
        ] {
            assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
        }
        // A list of other things is not made people.
        let text = "Delegates came from Spain, Portugal, Ruritania and Tom Brandt's office.";
        let known = [gpe(text, "Spain"), gpe(text, "Portugal")];
        let f = found_with(text, &known);
        assert!(
            !f.iter().any(|x| x.0 == "Ruritania" && x.1 == "PERSON"),
            "{f:?}"
        );
        // Clubs in brackets against each other are not people.
        let f = found("Real Oviedo (Spain) v Sporting Braga (Portugal)");
        assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
    }

    #[test]
    fn companies_without_a_head_word() {
        let text = "Swedish truck maker Volvo said on Tuesday its profit rose. Volvo said \
                    demand was strong, and shares of Nestle rose in early trading.";
        let f = found(text);
        assert_eq!(
            f.iter().filter(|x| x.0 == "Volvo" && x.1 == "ORG").count(),
            2,
            "{f:?}"
        );
        assert!(has(&f, "Nestle", "ORG"), "{f:?}");
        assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
        let f = found("Traders sold Kessler shares after Kessler's profit fell.");
        assert!(has(&f, "Kessler", "ORG"), "{f:?}");
    }

    #[test]
    fn newspapers_and_agencies() {
        let f = found("The plan leaked, the Guardian reported on Sunday.");
        assert!(has(&f, "Guardian", "ORG"), "{f:?}");
        let f = found("\"We will not give in,\" the minister told Le Monde in an interview.");
        assert!(has(&f, "Le Monde", "ORG"), "{f:?}");
        let f = found("Earlier, officials spoke to Xinhua and Interfax about the deal.");
        assert!(has(&f, "Xinhua", "ORG"), "{f:?}");
        assert!(has(&f, "Interfax", "ORG"), "{f:?}");
        // An ambiguous name without the press around it is left alone.
        let f = found("She was made the Guardian of the Keys last year.");
        assert!(!f.iter().any(|x| x.0 == "Guardian"), "{f:?}");
    }

    #[test]
    fn a_city_in_a_match_result_is_a_club() {
        let text = "Barcelona beat Milan 2-1 on Sunday.";
        let known = [gpe(text, "Barcelona"), gpe(text, "Milan")];
        let out = rules().suggest(text, &known);
        let f = found_with(text, &known);
        assert!(has(&f, "Barcelona", "ORG"), "{f:?}");
        assert!(has(&f, "Milan", "ORG"), "{f:?}");
        // Surer than the city list (0.85), so the club wins the merge.
        assert!(suggestion(&out, text, "Milan").score > 0.85);
        let f = found("Ajax drew with PSV 1-1, and Feyenoord lost 2-0 to Vitesse.");
        for club in ["Ajax", "PSV", "Feyenoord", "Vitesse"] {
            assert!(has(&f, club, "ORG"), "{club}: {f:?}");
        }
        let text = "Barcelona coach Bobby Robson was pleased.";
        let f = found_with(text, &[gpe(text, "Barcelona")]);
        assert!(has(&f, "Barcelona", "ORG"), "{f:?}");
        // A table of results.
        let text = "Barcelona 2 Milan 1\nValencia 10 7 2 1 20 8 23";
        let known = [
            gpe(text, "Barcelona"),
            gpe(text, "Milan"),
            gpe(text, "Valencia"),
        ];
        let f = found_with(text, &known);
        for club in ["Barcelona", "Milan", "Valencia"] {
            assert!(has(&f, club, "ORG"), "{club}: {f:?}");
        }
        // And the negative cases: a city as a place stays a place.
        // No sport around it: the city list decides.
        let text = "Troops entered Barcelona on Sunday, and the mayor of Milan said 2-1 was a \
                    fair vote.";
        let known = [gpe(text, "Barcelona"), gpe(text, "Milan")];
        let f = found_with(text, &known);
        assert!(!f.iter().any(|x| x.1 == "ORG"), "{f:?}");
        // National teams are their countries.
        let text = "France beat Italy 2-1 in the final.";
        let f = found_with(text, &[gpe(text, "France"), gpe(text, "Italy")]);
        assert!(!f.iter().any(|x| x.1 == "ORG"), "{f:?}");
        // A player who scores is not a club.
        let f = found("Romelu Lukaku scored twice. Lukaku beat two defenders in the 2-1 win.");
        assert!(!f.iter().any(|x| x.1 == "ORG"), "{f:?}");
    }

    proptest! {
        #[test]
        fn any_text_gives_sorted_non_overlapping_suggestions(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("President"), Just("Jane"), Just("Smith"), Just("of"), Just("the"),
                    Just("Bank"), Just("said"), Just("("), Just("IMF"), Just(")"), Just("’s"),
                    Just("."), Just(","), Just("and"), Just("Ministry"), Just("known"),
                    Just("as"), Just("also"), Just("or"), Just("al-Assad"), Just("\n"),
                    Just("Moon"), Just("Jae-in"), Just("London-based"), Just("capital"),
                    Just("city"), Just("The"), Just("Mr."), Just("U.S."), Just("van"),
                    Just("“"), Just("”"), Just("Zoë"), Just("😀"), Just("at"), Just("University"),
                ],
                0..60,
            ),
            known_at in proptest::collection::vec((0usize..400, 1usize..20), 0..4),
        ) {
            let text = words.join(" ");
            let n = text.chars().count();
            let known: Vec<Known> = known_at
                .into_iter()
                .filter(|(s, l)| s + l <= n)
                .map(|(s, l)| Known { start: s, end: s + l, label: "PERSON".into(), entity: None })
                .collect();
            let out = rules().suggest(&text, &known);
            check_output(&text, &out);
        }
    }
}
