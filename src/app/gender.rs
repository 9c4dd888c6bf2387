//! A speaker's gender, suggested for review: never set without the annotator's say.
//!
//! GenderGapTracker-style studies count quotes by the speaker's gender. When a project defines
//! an entity attribute called `gender` (values such as female/male/unknown) and an entity has
//! none yet, three kinds of evidence are gathered from what the project already holds:
//!
//! - the **first name** of the entity's name, from `assets/names/first_names.tsv` (US usage)
//!   and `first_names_world.tsv` (international news); unisex names count for neither;
//! - **titles** before or at the start of its mentions (Mr, Sir, Lord; Mrs, Ms, Miss, Lady, Dame…);
//! - **pronouns** linked to it: he/him/his or she/her/hers mentions (the quotes engine resolves
//!   a quote's "she said" to the person, and accepting it links the pronoun), counting the
//!   quotes they speak.
//!
//! Evidence for one gender only gives a suggestion with its reasons ("first name Maria; 'she'
//! in 3 quotes"); evidence both ways gives none. The quotes engine is read, not changed: this is
//! a pure function over the entity's mentions.

use std::sync::LazyLock;

use crate::matcher::engines::FIRST_NAMES;
use crate::matcher::rules::{Gender, Rules};
use crate::model::{AttrTarget, EntityId, Mention, Project};

use super::Command;
use crate::model::AttrItem;
use crate::text::plural;

static NAMES: LazyLock<Rules> = LazyLock::new(|| Rules::from_tsv(FIRST_NAMES));

const MALE_TITLES: [&str; 12] = [
    "mr", "mister", "sir", "lord", "king", "prince", "monsieur", "herr", "señor", "senor",
    "signor", "duke",
];
const FEMALE_TITLES: [&str; 16] = [
    "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "mme", "frau",
    "señora", "senora", "signora", "duchess", "mlle",
];
const MALE_PRONOUNS: [&str; 4] = ["he", "him", "his", "himself"];
const FEMALE_PRONOUNS: [&str; 4] = ["she", "her", "hers", "herself"];

/// A suggested value with the reasons for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenderSuggestion {
    pub entity: EntityId,
    /// The attribute's name as the project spells it ("gender", "Gender").
    pub attribute: String,
    /// One of the attribute's values.
    pub value: String,
    /// "first name Maria; title Mrs; 'she' in 3 quotes".
    pub reason: String,
}

impl GenderSuggestion {
    pub fn accept(&self) -> Command {
        Command::SetAttribute {
            item: AttrItem::Entity(self.entity),
            name: self.attribute.clone(),
            value: Some(self.value.clone()),
        }
    }
}

fn title_gender(word: &str) -> Option<Gender> {
    let w = word.trim_end_matches('.').to_lowercase();
    if MALE_TITLES.contains(&w.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&w.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    let w = word.trim().to_lowercase();
    if MALE_PRONOUNS.contains(&w.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_PRONOUNS.contains(&w.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The usual gender of the first name in `name`, after any titles ("Dr Maria Lopez": Maria).
fn first_name(name: &str) -> Option<(String, Gender)> {
    let first = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .find(|w| {
            !w.is_empty()
                && title_gender(w).is_none()
                && !["dr", "prof", "professor", "the"].contains(&w.to_lowercase().as_str())
        })?;
    match NAMES.gender(first)? {
        Gender::Unisex => None,
        g => Some((first.to_string(), g)),
    }
}

/// The attribute value the project uses for `g`, if its gender attribute has one.
fn value_for(values: &[String], g: Gender) -> Option<&String> {
    let words: &[&str] = match g {
        Gender::Female => &["female", "woman", "women", "f", "w", "feminine"],
        Gender::Male => &["male", "man", "men", "m", "masculine"],
        Gender::Unisex => return None,
    };
    values
        .iter()
        .find(|v| words.contains(&v.trim().to_lowercase().as_str()))
}

/// Evidence for each gender, as reasons.
#[derive(Default)]
struct Evidence {
    female: Vec<String>,
    male: Vec<String>,
}

impl Evidence {
    fn add(&mut self, g: Gender, why: String) {
        let list = match g {
            Gender::Female => &mut self.female,
            Gender::Male => &mut self.male,
            Gender::Unisex => return,
        };
        if !list.contains(&why) {
            list.push(why);
        }
    }
}

/// The suggestion for `entity`, if the project has a gender attribute for entities, the entity
/// has no value yet, and the evidence points one way.
pub fn suggest(p: &Project, entity: EntityId) -> Option<GenderSuggestion> {
    let def = p
        .attributes_of(AttrTarget::Entity)
        .find(|a| a.name.trim().eq_ignore_ascii_case("gender"))?;
    let e = p.entity(entity)?;
    if e.attributes.contains_key(&def.name) {
        return None;
    }
    let mut ev = Evidence::default();
    if let Some((name, g)) = first_name(&e.name) {
        ev.add(g, format!("first name {name}"));
    }
    // Pronoun mentions: (pronoun, quotes it speaks) per gender.
    let mut pronouns: Vec<(String, Gender, usize, usize)> = Vec::new();
    for d in &p.documents {
        for s in d.spans.iter().filter(|s| s.entity == Some(entity)) {
            let text = d.slice(s.start, s.end);
            if let Some(g) = pronoun_gender(text)
                && (s.mention == Mention::Pronoun || text.split_whitespace().count() == 1)
            {
                let quotes = d.quotes.iter().filter(|q| q.speaker == Some(s.id)).count();
                let word = text.trim().to_lowercase();
                match pronouns.iter_mut().find(|x| x.0 == word) {
                    Some(x) => {
                        x.2 += 1;
                        x.3 += quotes;
                    }
                    None => pronouns.push((word, g, 1, quotes)),
                }
                continue;
            }
            // A title at the mention's start, or just before it.
            let first = text.split_whitespace().next().unwrap_or("");
            let before = d
                .slice(s.start.saturating_sub(12), s.start)
                .split_whitespace()
                .last()
                .unwrap_or("");
            for w in [first, before] {
                if let Some(g) = title_gender(w) {
                    ev.add(g, format!("title {}", w.trim_end_matches('.')));
                }
            }
        }
    }
    for (word, g, mentions, quotes) in pronouns {
        let why = if quotes > 0 {
            format!("'{word}' in {quotes} quote{}", plural(quotes))
        } else {
            format!("'{word}' {mentions} time{}", plural(mentions))
        };
        ev.add(g, why);
    }
    let (g, reasons) = match (ev.female.is_empty(), ev.male.is_empty()) {
        (false, true) => (Gender::Female, ev.female),
        (true, false) => (Gender::Male, ev.male),
        _ => return None,
    };
    Some(GenderSuggestion {
        entity,
        attribute: def.name.clone(),
        value: value_for(&def.values, g)?.clone(),
        reason: reasons.join("; "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    const TEXT: &str = "Mrs. Maria Lopez said no. \"Never,\" she said. Mr Tom Hale agreed. \"Yes,\" he said. Robin Kim spoke.";

    fn at(needle: &str) -> CharRange {
        let b = TEXT.find(needle).unwrap();
        let s = TEXT[..b].chars().count();
        CharRange::new(s, s + needle.chars().count())
    }

    fn project() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "a", TEXT);
        for (i, (needle, e, pronoun)) in [
            ("Maria Lopez", 1, false),
            ("she", 1, true),
            ("Tom Hale", 2, false),
            ("he", 2, true),
            ("Robin Kim", 3, false),
        ]
        .into_iter()
        .enumerate()
        {
            let mut s = Span::new(SpanId(i as u64 + 1), at(needle), "PERSON");
            s.entity = Some(EntityId(e));
            if pronoun {
                s.mention = Mention::Pronoun;
            }
            d.insert_span(s);
        }
        d.insert_quote(Quote {
            id: QuoteId(1),
            content: vec![at("Never,")],
            speaker: Some(SpanId(2)),
            cue: None,
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        p.insert_document(d);
        for (id, name) in [(1, "Maria Lopez"), (2, "Tom Hale"), (3, "Robin Kim")] {
            p.insert_entity(Entity {
                id: EntityId(id),
                name: name.into(),
                label: "PERSON".into(),
                aliases: vec![],
                attributes: Default::default(),
            });
        }
        p.attributes.push(AttributeDef {
            name: "gender".into(),
            target: AttrTarget::Entity,
            values: vec!["female".into(), "male".into(), "unknown".into()],
            description: String::new(),
        });
        p
    }

    #[test]
    fn first_names_titles_and_pronouns_give_a_reasoned_suggestion() {
        let p = project();
        let maria = suggest(&p, EntityId(1)).unwrap();
        assert_eq!(maria.value, "female");
        assert_eq!(
            maria.reason,
            "first name Maria; title Mrs; 'she' in 1 quote"
        );
        let tom = suggest(&p, EntityId(2)).unwrap();
        assert_eq!(tom.value, "male");
        assert_eq!(tom.reason, "first name Tom; title Mr; 'he' 1 time");
        // A unisex first name and nothing else: no suggestion.
        assert_eq!(suggest(&p, EntityId(3)), None);
    }

    #[test]
    fn nothing_is_suggested_once_set_without_the_attribute_or_against_the_evidence() {
        let mut p = project();
        let s = suggest(&p, EntityId(1)).unwrap();
        s.accept().apply(&mut p).unwrap();
        assert_eq!(
            p.entity(EntityId(1)).unwrap().attributes.value("gender"),
            Some("female")
        );
        assert_eq!(suggest(&p, EntityId(1)), None);
        // Conflicting evidence: Tom with "she".
        let mut q = project();
        q.documents[0].spans[1].entity = Some(EntityId(2));
        assert_eq!(suggest(&q, EntityId(2)), None);
        q.attributes.clear();
        assert_eq!(suggest(&q, EntityId(1)), None);
    }
}
