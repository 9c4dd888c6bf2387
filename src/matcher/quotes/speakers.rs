//! Speakers: the noun phrase next to a cue that names who spoke, read off the tokens without a
//! parser.
//!
//! A speaker is a *name* (a known mention, else a capitalised sequence with its titles split off:
//! "Iranian President Hassan Rouhani" is the name "Hassan Rouhani" under a descriptor), a
//! *pronoun* ("she"), or a *description* ("the official", "police", "a spokeswoman for the
//! ministry", "his wife"). Before a cue the phrase is read backwards: adverbs and auxiliaries
//! ("also", "has") are skipped, an apposition ("X, a spokesman for Y, said") leads to its head
//! — or to the name, when a name stands in apposition to a description ("Her deputy, David
//! Cole, said") — and a post-modifier ("a spokeswoman for the ministry") to the phrase it
//! modifies. A verb joined by "and" takes the subject of the verb before it ("she bowed and
//! said"). After an inverted cue ("…," said the official) the phrase is read forwards, and
//! there a determiner opens a description whatever its noun ("said the turnpike-keeper"). "I",
//! "we" and "you" outside quote marks are the writer or the reader, never a source: they
//! parse, so that the quote is still attributed, but carry no speaker.
//!
//! The tables here (pronouns, titles with their gender, role nouns with their label and gender)
//! are English function words and job titles, written for Gloss.

use crate::matcher::rules::Gender;
use crate::model::Mention as MentionKind;
use crate::text::is_name_particle as is_particle;

use super::doc::{NONE, QuoteText};

/// A pronoun subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pron {
    He,
    She,
    They,
    It,
    /// I, we, you: not a source.
    First,
}

/// A speaker phrase in the text.
#[derive(Clone, Debug)]
pub(super) struct Spk {
    /// Tokens of the mention itself: the name without titles, the pronoun, the description.
    pub a: usize,
    pub b: usize,
    /// Tokens of the whole phrase, descriptors and apposition included.
    pub np_a: usize,
    pub np_b: usize,
    pub kind: MentionKind,
    pub label: &'static str,
    /// Index of the known mention it is, if any.
    pub mention: Option<usize>,
    pub pron: Option<Pron>,
    /// Gender said by a title or a gendered role word in the phrase.
    pub gender: Option<Gender>,
}

impl Spk {
    /// "I", "we", "you": the quote is attributed, but to nobody the reader can name.
    pub fn is_first_person(&self) -> bool {
        self.pron == Some(Pron::First)
    }
}

pub(super) fn pronoun(w: &str) -> Option<Pron> {
    Some(match w {
        "he" | "He" | "HE" => Pron::He,
        "she" | "She" | "SHE" => Pron::She,
        "they" | "They" | "THEY" => Pron::They,
        "it" | "It" => Pron::It,
        "I" | "we" | "We" | "you" | "You" => Pron::First,
        _ => return None,
    })
}

/// Words between a subject and its verb: "Obama also said", "Putin has warned".
#[rustfmt::skip]
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also" | "later" | "then" | "has" | "have" | "had" | "previously" | "recently" | "earlier"
            | "once" | "reportedly" | "repeatedly" | "further" | "publicly" | "privately"
            | "flatly" | "simply" | "quickly" | "separately" | "again" | "often" | "always"
            | "would" | "will" | "just" | "still" | "now" | "first" | "initially"
            | "subsequently" | "finally" | "angrily" | "softly" | "quietly" | "gently" | "sharply"
            | "himself" | "herself" | "themselves" | "itself" | "only" | "even" | "yesterday"
            | "today" | "tonight" | "shortly" | "immediately" | "personally" | "directly"
    )
}

/// Titles before a name, with the gender they say. `None` inside: a title of either sex.
#[rustfmt::skip]
pub(super) fn title(w: &str) -> Option<Option<Gender>> {
    Some(match w {
        "Mr" | "Mr." | "Sir" | "Lord" | "King" | "Prince" | "Duke" | "Earl" | "Baron" | "Count"
        | "Emperor" | "Pope" | "Father" | "Fr." | "Brother" | "Uncle" | "Master" | "Mister"
        | "Monsieur" | "Herr" | "Señor" | "Signor" | "Sheikh" | "Emir" | "Sultan"
        | "Ayatollah" | "Cardinal" | "Archbishop" | "Marquis" | "Viscount" | "Tsar" | "Czar"
        | "Congressman" | "Councilman" | "Assemblyman" | "Chairman" | "Spokesman" => {
            Some(Gender::Male)
        }
        "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Mme" | "Mme." | "Mlle" | "Madame" | "Madam"
        | "Lady" | "Dame" | "Queen" | "Princess" | "Duchess" | "Countess" | "Baroness"
        | "Empress" | "Sister" | "Aunt" | "Mother" | "Frau" | "Señora" | "Signora"
        | "Marchioness" | "Tsarina" | "Congresswoman" | "Councilwoman" | "Assemblywoman"
        | "Chairwoman" | "Spokeswoman" => Some(Gender::Female),
        "Dr" | "Dr." | "Prof" | "Prof." | "Professor" | "President" | "Premier" | "Minister"
        | "Chancellor" | "Senator" | "Sen." | "Rep." | "Representative" | "Gov." | "Governor"
        | "Mayor" | "Judge" | "Justice" | "Gen." | "General" | "Col." | "Colonel" | "Sgt."
        | "Sergeant" | "Lt." | "Lieutenant" | "Capt." | "Captain" | "Cmdr." | "Commander"
        | "Adm." | "Admiral" | "Maj." | "Major" | "Cpl." | "Corporal" | "Marshal" | "Chief"
        | "Coach" | "Rabbi" | "Imam" | "Rev." | "Reverend" | "Pastor" | "Bishop" | "Secretary"
        | "Ambassador" | "Envoy" | "Commissioner" | "Superintendent" | "Supt." | "Inspector"
        | "Detective" | "Det." | "Officer" | "Sheriff" | "Constable" | "Councillor"
        | "Councilor" | "Speaker" | "Chairperson" | "Director" | "Dean" | "Leader"
        | "Spokesperson" | "Prosecutor" | "Vice" | "Deputy" | "Prime" | "Foreign" | "Acting"
        | "Former" | "Interim" | "Attorney" | "Senior" | "Executive" | "CEO" | "Doctor"
        | "Magistrate" | "Ald." | "Hon." | "Pres." | "Atty." | "Msgr." | "Sec." => None,
        _ => return None,
    })
}

/// Capitalised words that say what an organisation is ("… Ministry", "… Party").
#[rustfmt::skip]
fn is_org_head(w: &str) -> bool {
    matches!(
        w,
        "Inc" | "Inc." | "Corp" | "Corp." | "Corporation" | "Co." | "Ltd" | "Ltd." | "LLC" | "plc"
            | "PLC" | "AG" | "GmbH" | "Bank" | "Party" | "Ministry" | "Department" | "Agency"
            | "Commission" | "Committee" | "Council" | "Court" | "University" | "College"
            | "Institute" | "Foundation" | "Association" | "Airlines" | "Federation"
            | "Organisation" | "Organization" | "Authority" | "Parliament" | "Assembly"
            | "Senate" | "Congress" | "Bureau" | "Company" | "Fund" | "Police" | "Government"
            | "Office" | "Embassy" | "Group" | "Union" | "Army" | "Navy" | "Service" | "Board"
            | "League" | "Club" | "Times" | "Post" | "News" | "Administration" | "Kremlin"
            | "Pentagon" | "House" | "Cabinet" | "Network" | "Church" | "Command" | "Forces"
            | "Team" | "Society" | "Centre" | "Center" | "Alliance" | "Coalition" | "Movement"
    )
}

/// Words that open a sentence and are never part of a name there.
#[rustfmt::skip]
pub(super) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "But" | "And" | "Or" | "So" | "Yet" | "However" | "Meanwhile"
            | "Still" | "Also" | "Then" | "Now" | "Thus" | "Indeed" | "Instead" | "Although"
            | "While" | "When" | "Where" | "Why" | "How" | "What" | "Which" | "Who" | "If"
            | "Because" | "Since" | "As" | "After" | "Before" | "In" | "On" | "At" | "By" | "For"
            | "From" | "With" | "Of" | "To" | "He" | "She" | "It" | "They" | "We" | "You" | "I"
            | "His" | "Her" | "Its" | "Their" | "Our" | "Your" | "My" | "This" | "That"
            | "These" | "Those" | "There" | "Here" | "Some" | "Many" | "Most" | "All" | "No"
            | "Not" | "Yes" | "Oh" | "Well" | "Today" | "Yesterday" | "Last" | "Next" | "One"
            | "Later" | "Earlier" | "Asked" | "According" | "Chapter" | "Mr" | "Mrs" | "Ah"
            | "O" | "Nay" | "Aye" | "Do" | "Did" | "Is" | "Was" | "Are" | "Were" | "Have" | "Has"
            | "Had" | "Will" | "Would" | "Can" | "Could" | "Should" | "Must" | "May" | "Let"
            | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday"
            | "Sunday" | "God" | "Heaven" | "Dear" | "Please" | "Thank" | "Good" | "Come" | "Go"
    )
}

/// Determiners that open a description.
#[rustfmt::skip]
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "The" | "a" | "A" | "an" | "An" | "his" | "His" | "her" | "Her" | "its" | "Its"
            | "their" | "Their" | "our" | "Our" | "my" | "My" | "your" | "this" | "This" | "that"
            | "these" | "those" | "another" | "Another" | "one" | "One" | "some" | "Some"
            | "several" | "Several" | "two" | "Two" | "three" | "Three" | "many" | "Many"
            | "other" | "both" | "Both" | "each" | "no"
    )
}

/// Lower-case words a description's modifiers never are: function words and verbs that would
/// carry the phrase into the clause before it.
#[rustfmt::skip]
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "but" | "that" | "which" | "who" | "whom" | "whose" | "what" | "when"
            | "where" | "while" | "if" | "as" | "than" | "then" | "to" | "in" | "on" | "at" | "by"
            | "for" | "from" | "with" | "of" | "into" | "about" | "after" | "before" | "is" | "was"
            | "are" | "were" | "be" | "been" | "has" | "have" | "had" | "said" | "says" | "not"
            | "so" | "because" | "since" | "there" | "here" | "it" | "he" | "she" | "they" | "we"
            | "i" | "you" | "him" | "them" | "us" | "me" | "do" | "did" | "does" | "will" | "would"
            | "can" | "could" | "should" | "may" | "might" | "must" | "shall" | "very" | "too"
            | "also" | "just" | "only" | "all" | "any" | "such" | "no" | "nor" | "yet" | "told"
            | "added" | "asked" | "replied" | "cried" | "though" | "although" | "whether"
    )
}

/// Nouns that name a speaker by role: the label it gets, its gender, and whether it is plural.
#[rustfmt::skip]
pub(super) fn role(w: &str) -> Option<(&'static str, Option<Gender>, bool)> {
    let lower;
    let w = if w.chars().next().is_some_and(char::is_uppercase) {
        lower = w.to_lowercase();
        lower.as_str()
    } else {
        w
    };
    use Gender::{Female as F, Male as M};
    if super::roles::is_age(w) {
        // "the 45-year-old said".
        return Some(("PERSON", None, false));
    }
    let (label, gender, plural) = match w {
        "spokesman" | "chairman" | "congressman" | "councilman" | "businessman" | "man"
        | "boy" | "father" | "husband" | "son" | "brother" | "uncle" | "king" | "prince"
        | "actor" | "widower" | "gentleman" | "grandfather" | "nephew" | "boyfriend" | "monk"
        | "waiter" | "priest" | "assemblyman" | "lord" | "duke" | "sir" | "fellow" | "lad"
        | "policeman" | "fireman" | "sportsman" | "statesman" | "cameraman" | "landlord"
        | "stepfather" | "master" | "squire" => ("PERSON", Some(M), false),
        "spokeswoman" | "chairwoman" | "congresswoman" | "councilwoman" | "businesswoman"
        | "woman" | "girl" | "mother" | "wife" | "daughter" | "sister" | "aunt" | "queen"
        | "princess" | "actress" | "widow" | "lady" | "grandmother" | "niece" | "girlfriend"
        | "nun" | "waitress" | "assemblywoman" | "duchess" | "madam" | "mistress" | "maid"
        | "policewoman" | "landlady" | "stepmother" | "housekeeper" | "governess" => {
            ("PERSON", Some(F), false)
        }
        "official" | "spokesperson" | "minister" | "president" | "leader" | "chief" | "director"
        | "secretary" | "ambassador" | "diplomat" | "source" | "analyst" | "expert"
        | "economist" | "witness" | "resident" | "officer" | "lawyer" | "attorney"
        | "prosecutor" | "judge" | "senator" | "lawmaker" | "legislator" | "governor" | "mayor"
        | "chair" | "executive" | "manager" | "coach" | "player" | "captain" | "commander"
        | "general" | "colonel" | "doctor" | "nurse" | "teacher" | "student" | "researcher"
        | "scientist" | "professor" | "author" | "activist" | "protester" | "protestor"
        | "organiser" | "organizer" | "campaigner" | "voter" | "worker" | "employee"
        | "member" | "supporter" | "critic" | "observer" | "investigator" | "agent"
        | "detective" | "negotiator" | "envoy" | "aide" | "adviser" | "advisor"
        | "representative" | "delegate" | "candidate" | "survivor" | "victim" | "child"
        | "friend" | "neighbour" | "neighbor" | "owner" | "farmer" | "driver" | "stranger"
        | "bishop" | "soldier" | "sergeant" | "guard" | "servant" | "clerk" | "host" | "guest"
        | "visitor" | "journalist" | "reporter" | "editor" | "founder" | "chancellor"
        | "premier" | "commissioner" | "inspector" | "superintendent" | "sheriff" | "pilot"
        | "passenger" | "parent" | "mom" | "dad" | "physician" | "surgeon" | "strategist"
        | "consultant" | "historian" | "lecturer" | "academic" | "engineer"
        | "partner" | "colleague" | "relative" | "cousin" | "youth" | "traveller" | "traveler"
        | "speaker" | "boss" | "voice" | "person" | "individual"
        | "insider" | "militant" | "rebel" | "commentator" | "pollster" | "chemist"
        | "biologist" | "physicist" | "psychologist" | "spokespeople" | "convict" | "prisoner"
        | "old" => ("PERSON", None, false),
        "officials" | "analysts" | "experts" | "economists" | "witnesses" | "residents"
        | "officers" | "lawyers" | "prosecutors" | "lawmakers" | "legislators" | "doctors"
        | "researchers" | "scientists" | "activists" | "protesters" | "organisers"
        | "organizers" | "campaigners" | "critics" | "observers" | "investigators" | "sources"
        | "diplomats" | "leaders" | "ministers" | "workers" | "employees" | "members"
        | "supporters" | "people" | "men" | "women" | "children" | "parents" | "teachers"
        | "students" | "voters" | "soldiers" | "rebels" | "militants" | "aides" | "advisers"
        | "advisors" | "executives" | "managers" | "players" | "villagers" | "others"
        | "farmers" | "families" | "survivors" | "victims" => ("PERSON", None, true),
        "police" | "authorities" => ("ORG", None, true),
        "government" | "ministry" | "department" | "agency" | "company" | "firm" | "bank"
        | "army" | "military" | "court" | "council" | "committee" | "commission" | "party"
        | "group" | "union" | "embassy" | "administration" | "office" | "organisation"
        | "organization" | "campaign" | "team" | "club" | "board" | "regulator" | "watchdog"
        | "airline" | "hospital" | "school" | "university" | "charity" | "coalition"
        | "alliance" | "federation" | "association" | "institute" | "foundation" | "authority"
        | "secretariat" | "tribunal" | "parliament" | "senate" | "congress" | "bureau"
        | "cabinet" | "regime" | "opposition" | "network" | "newspaper"
        | "broadcaster" | "league" | "ministries" | "companies" | "groups" => {
            ("ORG", None, false)
        }
        _ => return None,
    };
    Some((label, gender, plural))
}

/// The adjective "old" is in the role table only so that "the old man" parses; alone it is
/// never a speaker.
fn is_role_head(w: &str) -> bool {
    w != "old" && role(w).is_some()
}

/// A capitalised token that can be part of a name.
fn is_name_part(doc: &QuoteText, i: usize) -> bool {
    if doc.in_quote(i) {
        return false;
    }
    let t = &doc.toks[i];
    t.is_word() && (t.is_capitalised() || t.is_initial())
}

/// Token `i` is the first word of its sentence or line, or follows an opening quote mark.
fn sentence_initial(doc: &QuoteText, i: usize) -> bool {
    let s = doc.sent_of[i] as usize;
    let first = doc.sents[s].0;
    i == first
        || (i > 0 && doc.line_break_before(i))
        || (i > first && matches!(doc.w(i - 1), "“" | "\"" | "‘" | "'" | "(" | "—" | "--"))
}

/// Parse the speaker phrase that ends right before token `end`, using no token before `limit`.
pub(super) fn before(doc: &QuoteText, end: usize, limit: usize) -> Option<Spk> {
    let mut j = end;
    let mut skipped = 0;
    while j > limit && skipped < 3 && is_adverb(doc.w(j - 1)) {
        j -= 1;
        skipped += 1;
    }
    if j <= limit || doc.in_quote(j - 1) {
        return None;
    }
    let k = j - 1;
    if let Some(p) = pronoun(doc.w(k)) {
        // "which he said", "Smith said he": a pronoun is a subject only where a subject goes.
        let gender = match p {
            Pron::He => Some(Gender::Male),
            Pron::She => Some(Gender::Female),
            _ => None,
        };
        return Some(Spk {
            a: k,
            b: j,
            np_a: k,
            np_b: j,
            kind: MentionKind::Pronoun,
            label: if matches!(p, Pron::It | Pron::They) {
                "ORG"
            } else {
                "PERSON"
            },
            mention: None,
            pron: Some(p),
            gender,
        });
    }
    if doc.w(k) == "," {
        return apposition(doc, k, limit);
    }
    if doc.w(k) == "who" && k > limit + 1 && doc.w(k - 1) == "," {
        // "Smith, who ..., said" reads as "Smith said" only with the relative clause between;
        // "Smith, who said" has the relative right before the verb.
        return phrase(doc, k - 1, limit).filter(|s| s.pron.is_none());
    }
    let head = phrase(doc, j, limit)?;
    // "a spokeswoman for the ministry said": the ministry qualifies the spokeswoman.
    if head.np_a > limit + 1
        && matches!(doc.w(head.np_a - 1), "for" | "of" | "at" | "from" | "with")
        && let Some(outer) = phrase(doc, head.np_a - 1, limit)
        && outer.pron.is_none()
        && (outer.kind != MentionKind::Name || outer.label == "PERSON")
    {
        return Some(Spk {
            np_b: head.np_b,
            ..outer
        });
    }
    Some(head)
}

/// Tokens `a..b` exactly, between a closing quote mark and its cue, as a description whatever
/// its noun: "“…,” the saloon-keeper demanded", "“…,” a tall stranger said".
pub(super) fn description_between(doc: &QuoteText, a: usize, b: usize) -> Option<Spk> {
    if b <= a + 1 || b - a > 5 || !is_determiner(doc.w(a)) {
        return None;
    }
    let words_ok = (a + 1..b).all(|i| {
        let w = doc.w(i);
        doc.is_lower(i)
            && !is_stop(w)
            && !w.ends_with("ly")
            && pronoun(w).is_none()
            && !doc.in_quote(i)
    });
    if !words_ok {
        return None;
    }
    let (label, gender, _) = role(doc.w(b - 1)).unwrap_or(("PERSON", None, false));
    Some(Spk {
        a,
        b,
        np_a: a,
        np_b: b,
        kind: MentionKind::Nominal,
        label,
        mention: None,
        pron: None,
        gender,
    })
}

/// The subject at the start of the clause `start..end` ("Her neighbour, retired fisherman Joe
/// Kane, was less hopeful:"): a name, pronoun or description followed by its verb; a name in
/// an apposition right after a description is the better speaker.
pub(super) fn clause_subject(doc: &QuoteText, start: usize, end: usize) -> Option<Spk> {
    let mut a = start;
    while a < end && matches!(doc.w(a), "But" | "And" | "Yet" | "So" | "Still" | "Then") {
        a += 1;
    }
    if a >= end {
        return None;
    }
    let s = after_head(doc, a)?;
    let k = s.np_b;
    if k >= end {
        return None;
    }
    if doc.w(k) == "," {
        let close = (k + 1..end.min(k + 12)).find(|&i| doc.w(i) == ",")?;
        let last = (k + 1..close).rev().find(|&i| is_name_part(doc, i))?;
        let name = doc
            .mention_ending(last + 1)
            .filter(|&(_, a, _)| a > k)
            .map(|_| phrase(doc, last + 1, k + 1))
            .unwrap_or_else(|| name_back(doc, last, k + 1))?;
        return (close + 1 < end && doc.is_lower(close + 1)).then_some(name);
    }
    doc.is_lower(k).then_some(s)
}

/// The subject of a verb joined by "and" to the one before it: "she bowed and said", "Obama
/// met Putin and warned that". The nearest pronoun or name before the first verb, which must
/// come right after it.
pub(super) fn coordinated(doc: &QuoteText, cue: usize, limit: usize) -> Option<Spk> {
    if cue < limit + 2 || !matches!(doc.w(cue - 1), "and" | "but") {
        return None;
    }
    let floor = limit.max(cue.saturating_sub(24));
    let mut k = cue - 1;
    while k > floor {
        k -= 1;
        if doc.in_quote(k) {
            // "called the vote “a turning point” and said": words in marks are no subject.
            continue;
        }
        if doc.is_stop(k) {
            return None;
        }
        let subject_like = pronoun(doc.w(k)).is_some()
            || doc.mention_ending(k + 1).is_some()
            || (is_name_part(doc, k) && !sentence_initial(doc, k));
        if subject_like && k + 1 < cue - 1 && doc.is_lower(k + 1) && !is_stop(doc.w(k + 1)) {
            return before(doc, k + 1, limit);
        }
    }
    None
}

/// "X, a spokesman for Y, said": the comma before the cue closes an apposition; its head is
/// the speaker.
fn apposition(doc: &QuoteText, comma: usize, limit: usize) -> Option<Spk> {
    let floor = limit.max(comma.saturating_sub(25));
    let mut p = comma;
    while p > floor {
        p -= 1;
        let w = doc.w(p);
        if doc.is_stop(p) || doc.in_quote(p) {
            return None;
        }
        if w == "," {
            break;
        }
    }
    if p <= floor || doc.w(p) != "," || p + 1 >= comma {
        return None;
    }
    let first = doc.w(p + 1);
    // "Smith, a spokesman, said"; "Smith, 45, said"; "Smith, who …, said"; "Smith, asked
    // about it, said"; "Smith, speaking in Geneva, said".
    let participle = doc.is_lower(p + 1) && (first.ends_with("ed") || first.ends_with("ing"));
    let appositive = is_determiner(first)
        || doc.toks[p + 1].kind == crate::text::TokenKind::Number
        || matches!(
            first,
            "who" | "whose" | "which" | "now" | "himself" | "herself"
        )
        || participle
        || (doc.is_lower(p + 1) && (is_role_head(first) || role_modifier(first)));
    // "The company, Northfield Resources, said"; "Her deputy, David Cole, said": a name in
    // apposition to a description is the better speaker.
    let named = (p + 1..comma).all(|i| is_name_part(doc, i) || doc.mention_of[i] != NONE);
    if named {
        let head = phrase(doc, p, limit)?;
        if head.kind != MentionKind::Nominal {
            return None;
        }
        let name = phrase(doc, comma, p + 1)?;
        let label = if head.label == "ORG" {
            "ORG"
        } else {
            name.label
        };
        return Some(Spk {
            np_a: head.np_a,
            np_b: comma,
            label,
            ..name
        });
    }
    if !appositive {
        return None;
    }
    let head = phrase(doc, p, limit)?;
    if head.pron.is_some() {
        return None;
    }
    Some(Spk {
        np_b: comma,
        ..head
    })
}

/// Lower-case words that go before a role noun in a description: "senior", "former", "chief".
#[rustfmt::skip]
fn role_modifier(w: &str) -> bool {
    matches!(
        w,
        "former" | "senior" | "junior" | "deputy" | "acting" | "chief" | "vice" | "assistant"
            | "associate" | "head" | "lead" | "top" | "local" | "state" | "federal" | "national"
            | "regional" | "foreign" | "prime" | "general" | "interim" | "longtime" | "veteran"
            | "union" | "party" | "team" | "club" | "company" | "government" | "military"
            | "defence" | "defense" | "health" | "finance" | "trade" | "education" | "justice"
            | "interior" | "press" | "campaign" | "police" | "fire" | "city" | "county"
            | "district" | "opposition" | "white" | "young" | "old" | "elderly" | "little"
            | "retired" | "independent" | "anonymous" | "unnamed" | "second" | "first" | "other"
            | "league" | "industry" | "hospital" | "school" | "court" | "prison" | "border"
            | "security" | "intelligence" | "energy" | "election" | "airport" | "water"
    )
}

/// The phrase ending right before token `end`: a known mention, a capitalised name, or a
/// description.
fn phrase(doc: &QuoteText, end: usize, limit: usize) -> Option<Spk> {
    if end <= limit {
        return None;
    }
    let k = end - 1;
    if doc.in_quote(k) {
        return None;
    }
    if let Some((m, a, b)) = doc.mention_ending(end)
        && a >= limit
    {
        let label = label_of(&doc.mentions[m].label);
        let gender = title_gender_before(doc, a, limit);
        return Some(Spk {
            a,
            b,
            np_a: descriptor_start(doc, a, limit),
            np_b: b,
            kind: MentionKind::Name,
            label,
            mention: Some(m),
            pron: None,
            gender,
        });
    }
    let w = doc.w(k);
    if is_role_head(w) && (doc.is_lower(k) || super::roles::is_age(w) || sentence_initial(doc, k)) {
        return description(doc, k, limit);
    }
    if is_name_part(doc, k) {
        return name_back(doc, k, limit);
    }
    None
}

/// A description whose head noun is token `head`: "the Russian leader", "police", "his wife".
fn description(doc: &QuoteText, head: usize, limit: usize) -> Option<Spk> {
    let (label, gender, plural) = role(doc.w(head))?;
    let mut a = head;
    let mut det = false;
    let mut steps = 0;
    while a > limit && steps < 5 {
        let p = a - 1;
        let w = doc.w(p);
        if doc.in_quote(p) {
            break;
        }
        if is_determiner(w) {
            a = p;
            det = true;
            break;
        }
        // "Putin’s", and the plural "the workers’".
        let possessive = doc.toks[p].kind == crate::text::TokenKind::Possessive
            || (matches!(w, "'" | "’")
                && p > limit
                && !doc.space_before(p)
                && doc.w(p - 1).ends_with('s'));
        let modifier = possessive
            || (doc.is_word(p)
                && (doc.toks[p].is_capitalised() || doc.is_lower(p))
                && !is_stop(w)
                && !is_function_word(w)
                && pronoun(w).is_none())
            || w == "-";
        if !modifier {
            break;
        }
        a = p;
        steps += 1;
        if possessive {
            // "Putin’s spokesman": the owner is part of the phrase, and settles it; "the
            // workers’ lawyer" goes on to its determiner.
            if p > limit && (is_name_part(doc, p - 1) || doc.mention_ending(p).is_some()) {
                a = p - 1;
                while a > limit && is_name_part(doc, a - 1) {
                    a -= 1;
                }
                det = true;
                break;
            }
            if !(p > limit && doc.is_lower(p - 1)) {
                break;
            }
            a = p - 1;
        }
    }
    // A singular role noun needs a determiner ("the official"); a bare one is a title
    // ("spokesman Dmitry Peskov") or a verb's object.
    if !det {
        if plural {
            // "city officials", "Russian officials": only role words and capitalised
            // modifiers stay, not whatever came before ("after the vote officials said").
            while a < head && !(role_modifier(doc.w(a)) || doc.is_cap(a)) {
                a += 1;
            }
        } else if sentence_initial(doc, head) {
            a = head;
        } else {
            return None;
        }
    }
    Some(Spk {
        a,
        b: head + 1,
        np_a: a,
        np_b: head + 1,
        kind: MentionKind::Nominal,
        label,
        mention: None,
        pron: None,
        gender,
    })
}

/// A capitalised name ending at token `k`, read backwards; titles and descriptors before the
/// name proper ("Iranian President", "Mr.") are split off.
fn name_back(doc: &QuoteText, k: usize, limit: usize) -> Option<Spk> {
    let mut a = k;
    while a > limit {
        let p = a - 1;
        let part = is_name_part(doc, p) && !doc.line_break_before(a);
        let particle = is_particle(doc.w(p)) && p > limit && is_name_part(doc, p - 1);
        if !(part || particle) {
            break;
        }
        a = p;
        if k - a > 6 {
            return None;
        }
    }
    // Leading words that open sentences ("But Putin said") are not the name.
    while a < k && sentence_initial(doc, a) && is_function_word(doc.w(a)) {
        a += 1;
    }
    if sentence_initial(doc, a) && is_function_word(doc.w(a)) {
        return None;
    }
    // The name proper starts after the last title or descriptor word.
    let mut name = a;
    let mut gender = None;
    for i in a..=k {
        if let Some(g) = title(doc.w(i)) {
            if i == k {
                // "the Prime Minister said": a title alone is a description.
                break;
            }
            name = i + 1;
            gender = g.or(gender);
        }
    }
    // Descriptors like "Russian" or "Carolina" before a title are skipped with it; a
    // nationality right before a name without a title ("Iranian Hassan Rouhani") is rare.
    if name > k {
        return None;
    }
    if title(doc.w(k)).is_some() && name == a {
        // A bare title as subject: "the President said".
        let np_a = if a > limit && is_determiner(doc.w(a - 1)) {
            a - 1
        } else {
            a
        };
        return Some(Spk {
            a: np_a,
            b: k + 1,
            np_a,
            np_b: k + 1,
            kind: MentionKind::Nominal,
            label: "PERSON",
            mention: None,
            pron: None,
            gender: title(doc.w(k)).flatten(),
        });
    }
    if gender.is_none() {
        gender = title_gender_before(doc, a, limit);
    }
    let label = if is_org_head(doc.w(k))
        || (doc.toks[k].is_all_caps() && doc.w(k).chars().count() > 1)
        || (a > limit && doc.is(a - 1, "the"))
    {
        "ORG"
    } else {
        "PERSON"
    };
    Some(Spk {
        a: name,
        b: k + 1,
        np_a: descriptor_start(doc, a, limit),
        np_b: k + 1,
        kind: MentionKind::Name,
        label,
        mention: None,
        pron: None,
        gender,
    })
}

/// The gender of a title right before token `a` ("Mr." in "Mr. Smith").
fn title_gender_before(doc: &QuoteText, a: usize, limit: usize) -> Option<Gender> {
    if a > limit {
        title(doc.w(a - 1)).flatten()
    } else {
        None
    }
}

/// Where the descriptor before a name starts: "union president Jane Doe", "Carolina coach
/// Rod Brind'Amour", "the bank's chief economist Jane Doe", "U.S. President Barack Obama".
fn descriptor_start(doc: &QuoteText, a: usize, limit: usize) -> usize {
    let mut s = a;
    let mut steps = 0;
    while s > limit && steps < 6 {
        let p = s - 1;
        let w = doc.w(p);
        if doc.in_quote(p) || doc.line_break_before(s) {
            break;
        }
        let ok = doc.toks[p].kind == crate::text::TokenKind::Possessive
            || is_determiner(w)
            || (doc.is_word(p)
                && (doc.toks[p].is_capitalised() || is_role_head(w) || role_modifier(w))
                && !is_stop(w)
                && pronoun(w).is_none()
                && !(sentence_initial(doc, p) && is_function_word(w) && !is_determiner(w)));
        if !ok {
            break;
        }
        s = p;
        steps += 1;
        if is_determiner(w) {
            break;
        }
    }
    s
}

fn label_of(label: &str) -> &'static str {
    match label {
        "PERSON" => "PERSON",
        "ORG" => "ORG",
        "GPE" => "GPE",
        "NORP" => "NORP",
        "LOC" => "LOC",
        _ => "MISC",
    }
}

/// Parse the speaker phrase that starts at token `start` (after an inverted cue: "said the
/// official", "replied he", "said Jane Doe, a spokeswoman for X"), within the paragraph; an
/// apposition after a name or description is part of the phrase (`np_b`).
pub(super) fn after(doc: &QuoteText, start: usize) -> Option<Spk> {
    let mut s = after_head(doc, start)?;
    if s.pron.is_none() {
        s.np_b = appositive_end(doc, s.np_b).unwrap_or(s.np_b);
    }
    Some(s)
}

/// ", a pollster at X" after a phrase ending before `at`: where the apposition ends (before the
/// next comma or the sentence's end), if one is there.
fn appositive_end(doc: &QuoteText, at: usize) -> Option<usize> {
    let n = doc.len();
    if at + 1 >= n || doc.w(at) != "," || doc.in_quote(at + 1) {
        return None;
    }
    let first = doc.w(at + 1);
    let appositive = is_determiner(first)
        || doc.toks[at + 1].kind == crate::text::TokenKind::Number
        || (doc.is_lower(at + 1) && (is_role_head(first) || role_modifier(first)));
    if !appositive {
        return None;
    }
    let mut k = at + 1;
    while k < n && k < at + 16 && !doc.is_stop(k) && !doc.in_quote(k) && doc.w(k) != "," {
        k += 1;
    }
    Some(k)
}

pub(super) fn after_head(doc: &QuoteText, start: usize) -> Option<Spk> {
    let n = doc.len();
    if start >= n || doc.in_quote(start) {
        return None;
    }
    let para = doc.para_of[start];
    let within = |i: usize| i < n && doc.para_of[i] == para && !doc.in_quote(i);
    let w = doc.w(start);
    if let Some(p) = pronoun(w) {
        if p == Pron::It {
            return None;
        }
        return before(doc, start + 1, start);
    }
    // A known mention at the start, or after a few descriptor words.
    let mut i = start;
    while within(i) && i < start + 6 {
        if let Some((m, a, b)) = doc.mention_starting(i) {
            let gender = title_gender_before(doc, a, start);
            return Some(Spk {
                a,
                b,
                np_a: start,
                np_b: b,
                kind: MentionKind::Name,
                label: label_of(&doc.mentions[m].label),
                mention: Some(m),
                pron: None,
                gender,
            });
        }
        let wi = doc.w(i);
        let descriptor = is_determiner(wi)
            || title(wi).is_some()
            || (doc.is_lower(i) && (role_modifier(wi) || is_role_head(wi)) && !is_stop(wi))
            || doc.toks[i].kind == crate::text::TokenKind::Possessive
            || (doc.is_cap(i) && i + 1 < n && doc.is_cap(i + 1));
        if !descriptor {
            break;
        }
        i += 1;
    }
    // A capitalised name: "said Lord Henry", "replied Elizabeth".
    if is_name_part(doc, start) || title(w).is_some() {
        let mut e = start;
        while within(e + 1)
            && (is_name_part(doc, e + 1)
                || (is_particle(doc.w(e + 1)) && within(e + 2) && is_name_part(doc, e + 2)))
            && e + 1 < start + 7
        {
            e += 1;
        }
        if is_name_part(doc, e)
            && let Some(mut s) = name_back(doc, e, start)
        {
            s.np_a = start;
            return Some(s);
        }
    }
    // A description: determiner, modifiers, role noun ("the union president").
    let mut k = start;
    while within(k) && k < start + 6 {
        let wk = doc.w(k);
        if is_role_head(wk) && (doc.is_lower(k) || super::roles::is_age(wk)) {
            let mut h = k;
            while within(h + 1) && doc.is_lower(h + 1) && is_role_head(doc.w(h + 1)) {
                h += 1;
            }
            if let Some(mut s) = description(doc, h, start) {
                s.np_a = start;
                return Some(s);
            }
            break;
        }
        let modifier = is_determiner(wk)
            || doc.toks[k].kind == crate::text::TokenKind::Possessive
            || (doc.is_word(k) && !is_stop(wk) && pronoun(wk).is_none());
        if !modifier {
            break;
        }
        k += 1;
    }
    // Right after an inverted cue, a determiner opens the speaker whatever its noun: "said the
    // turnpike-keeper", "answered a hard-featured dame of fifty", "said another".
    if is_determiner(w) {
        let mut h = start;
        while within(h + 1)
            && h < start + 4
            && doc.is_lower(h + 1)
            && !is_stop(doc.w(h + 1))
            && !doc.w(h + 1).ends_with("ly")
            && pronoun(doc.w(h + 1)).is_none()
        {
            h += 1;
        }
        let boundary = h + 1 >= n
            || !doc.is_word(h + 1)
            || matches!(
                doc.w(h + 1),
                "of" | "in" | "with" | "at" | "from" | "who" | "to"
            );
        let ok = boundary && (h > start || matches!(w, "another" | "Another" | "one" | "One"));
        if ok {
            let (label, gender, _) = role(doc.w(h)).unwrap_or(("PERSON", None, false));
            return Some(Spk {
                a: start,
                b: h + 1,
                np_a: start,
                np_b: h + 1,
                kind: MentionKind::Nominal,
                label,
                mention: None,
                pron: None,
                gender,
            });
        }
    }
    None
}
