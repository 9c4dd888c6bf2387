//! Who a speaker is: a name to its canonical name and entity, a pronoun to a person.
//!
//! - **Names.** Every name in the document is an occurrence: the known mentions, and
//!   capitalised sequences the mentions do not cover (with their titles split off). Names are
//!   grouped by their form; a one-word form ("Putin") joins the one longer form that begins or
//!   ends with it ("Vladimir Putin") wherever that appears — Citron's "earliest instance of the
//!   longest form". When several longer forms share the word (the Bennet family), a title keeps
//!   the short forms apart ("Mr. Bennet", "Mrs. Bennet"). A group takes the entity and canonical
//!   name of its known mentions when they have them.
//! - **Gender** of a group: its titles ("Mr.", "Queen"), gendered words before it
//!   ("spokeswoman Jane Doe"), the first-name list on its first word, and "X said he/she"
//!   (reported speech whose content opens with a pronoun).
//! - **Descriptions** ("the minister", "the company") resolve through `roles`.
//! - **Pronouns.** "he"/"she" go to a person (a PERSON mention, or a name with person evidence:
//!   a title, a listed first name, a gender, a cue it is the subject of), never to an
//!   organisation or a place, within the last six sentences: the nearer sentence first, in a
//!   sentence the earlier (subject-like) name first and a possessive ("Putin's") last, a
//!   person already quoted preferred, a known gender that disagrees excluded. Salience weighs
//!   against recency: a name standing as its sentence's subject (sentence start, or before its
//!   verb, not after a preposition) and the name the paragraph is about (mentioned more often
//!   there and in the paragraph before) can beat the last-named man. "they"/"it" go to the
//!   nearest organisation or place; with none, the caller tries a document or group subject
//!   of a recent sentence (`sources::pronoun_antecedent`), named in the reason only.

use std::collections::HashMap;

use crate::matcher::rules::{Gender, Rules};
use crate::model::EntityId;
use crate::text::is_month_name;
use crate::text::is_name_particle as is_particle;

use super::doc::{NONE, QuoteText};
use super::roles::Roles;
use super::speakers::{self, Pron, Spk};

/// A name found in the text, before grouping.
struct Raw {
    a: usize,
    b: usize,
    label: &'static str,
    /// The title token before the name.
    title: Option<usize>,
    mention: Option<usize>,
}

/// One name in the text.
#[derive(Clone, Debug)]
pub(super) struct Occurrence {
    pub a: usize,
    pub b: usize,
    pub key: u32,
    possessive: bool,
    pub in_quote: bool,
    /// From a known mention, with its label.
    pub label: &'static str,
}

/// A group of names meaning one person or organisation.
#[derive(Clone, Debug, Default)]
pub(super) struct Canon {
    pub name: String,
    pub entity: Option<EntityId>,
    /// A known mention's canonical name, which outranks the longest form.
    named: bool,
    male: u16,
    female: u16,
    person: bool,
    org: bool,
}

impl Canon {
    pub fn is_org(&self) -> bool {
        self.org
    }

    pub fn is_person(&self) -> bool {
        self.person
    }

    pub fn gender(&self) -> Option<Gender> {
        match self.male.cmp(&self.female) {
            std::cmp::Ordering::Greater => Some(Gender::Male),
            std::cmp::Ordering::Less => Some(Gender::Female),
            std::cmp::Ordering::Equal => None,
        }
    }
}

pub(super) struct People {
    occ: Vec<Occurrence>,
    pub canon: Vec<Canon>,
    /// Form ("Vladimir Putin", "Mr. Bennet") → group.
    by_form: HashMap<String, u32>,
    /// The roles and types the article gave its names, for description speakers.
    roles: Option<Roles>,
}

/// The words of tokens `a..b` joined by one space.
fn form(doc: &QuoteText, a: usize, b: usize) -> String {
    let mut s = String::new();
    for i in a..b {
        if doc.toks[i].kind == crate::text::TokenKind::Possessive {
            break;
        }
        if !s.is_empty() && doc.space_before(i) {
            s.push(' ');
        }
        s.push_str(doc.w(i));
    }
    s
}

impl People {
    pub fn build(doc: &QuoteText, names: &Rules) -> Self {
        // Capitalised words seen away from a sentence's start: evidence that a word at a start
        // is a name too.
        let mut mid_caps: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for i in 1..doc.len() {
            if doc.is_cap(i) && doc.sent_of[i] == doc.sent_of[i - 1] && !doc.line_break_before(i) {
                mid_caps.insert(doc.w(i));
            }
        }
        let mut raw: Vec<Raw> = Vec::new();
        let mut i = 0;
        while i < doc.len() {
            if let Some((m, a, b)) = doc.mention_starting(i) {
                let title = (a > 0 && speakers::title(doc.w(a - 1)).is_some()).then(|| a - 1);
                raw.push(Raw {
                    a,
                    b,
                    label: label_of(&doc.mentions[m].label),
                    title,
                    mention: Some(m),
                });
                i = b;
                continue;
            }
            if doc.mention_of[i] != NONE || !(doc.is_cap(i) || doc.toks[i].is_initial()) {
                i += 1;
                continue;
            }
            let mut b = i + 1;
            while b < doc.len()
                && doc.mention_of[b] == NONE
                && !doc.line_break_before(b)
                && (doc.is_cap(b)
                    || doc.toks[b].is_initial()
                    || (is_particle(doc.w(b)) && b + 1 < doc.len() && doc.is_cap(b + 1)))
            {
                b += 1;
            }
            let (a0, b0) = (i, b);
            i = b;
            let mut a = a0;
            while a < b0 && initial(doc, a) && speakers_function_word(doc.w(a)) {
                a += 1;
            }
            let mut title = None;
            while a < b0 && speakers::title(doc.w(a)).is_some() {
                title = Some(a);
                a += 1;
            }
            // A title after descriptor words ("Trade Minister Peter Grant", "Iranian President
            // Hassan Rouhani"): the name proper starts after it, when what follows is a
            // person's name (two words or more, or a listed first name), not an organisation.
            if let Some(t) = (a..b0.saturating_sub(1))
                .rev()
                .find(|&i| speakers::title(doc.w(i)).is_some())
                && (b0 - t > 2 || names.gender(doc.w(t + 1)).is_some())
                && !is_org_word(doc.w(b0 - 1))
            {
                title = Some(t);
                a = t + 1;
            }
            if a >= b0 || is_month_name(doc.w(a)) || speakers_function_word(doc.w(a)) {
                continue;
            }
            if b0 - a == 1 && initial(doc, a) && title.is_none() {
                let w = doc.w(a);
                if !mid_caps.contains(w) && names.gender(w).is_none() {
                    continue;
                }
            }
            let last = doc.w(b0 - 1);
            // "Helen Park" is a person: a listed first name before the place word.
            let first_named = b0 - a == 2 && names.gender(doc.w(a)).is_some();
            let org = (is_org_word(last) && !first_named)
                || (doc.toks[b0 - 1].is_all_caps() && last.len() > 1);
            raw.push(Raw {
                a,
                b: b0,
                label: if org { "ORG" } else { "" },
                title,
                mention: None,
            });
        }

        // Group by form: long forms first, so that short forms can join them.
        let mut people = People {
            occ: Vec::with_capacity(raw.len()),
            canon: Vec::new(),
            by_form: HashMap::new(),
            roles: None,
        };
        let forms: Vec<String> = raw.iter().map(|r| form(doc, r.a, r.b)).collect();
        let mut by_word: HashMap<&str, Vec<u32>> = HashMap::new();
        // (word, group) pairs already listed: a common first name shared by thousands of
        // people would make a scan of its list per occurrence quadratic.
        let mut listed: std::collections::HashSet<(&str, u32)> = std::collections::HashSet::new();
        for f in forms.iter().filter(|f| f.contains(' ')) {
            let key = people.key_for(f);
            let c = &mut people.canon[key as usize];
            if f.len() > c.name.len() {
                c.name = f.clone();
            }
            let first = f.split(' ').next();
            let last = f.rsplit(' ').next();
            for w in [first, last].into_iter().flatten() {
                if listed.insert((w, key)) {
                    by_word.entry(w).or_default().push(key);
                }
            }
        }
        let mut keys = Vec::with_capacity(raw.len());
        for (r, f) in raw.iter().zip(&forms) {
            let key = if f.contains(' ') {
                people.key_for(f)
            } else if let Some([one]) = by_word.get(f.as_str()).map(Vec::as_slice)
                && !title_disagrees(doc, names, r.title, &people.canon[*one as usize].name)
            {
                *one
            } else if let Some(t) = r.title {
                // Ambiguous or alone: apart by title ("Mr. Bennet", "Mrs. Bennet").
                people.key_for(&format!("{} {f}", doc.w(t)))
            } else {
                people.key_for(f)
            };
            keys.push(key);
        }
        for ((r, f), key) in raw.iter().zip(&forms).zip(keys) {
            let c = &mut people.canon[key as usize];
            if let Some(m) = r.mention {
                let km = &doc.mentions[m];
                if c.entity.is_none() {
                    c.entity = km.entity;
                }
                if let Some(n) = &km.name
                    && !c.named
                {
                    c.name = n.clone();
                    c.named = true;
                }
            }
            match r.label {
                "PERSON" => c.person = true,
                "" => {}
                _ => c.org = true,
            }
            let vote = |c: &mut Canon, g: Gender, w: u16| match g {
                Gender::Male => {
                    c.male += w;
                    c.person = true;
                }
                Gender::Female => {
                    c.female += w;
                    c.person = true;
                }
                Gender::Unisex => c.person = true,
            };
            if let Some(t) = r.title {
                match speakers::title(doc.w(t)).flatten() {
                    Some(g) => vote(c, g, 2),
                    None => c.person = true,
                }
            }
            if r.a > 0
                && doc.is_lower(r.a - 1)
                && let Some((_, Some(g), false)) = speakers::role(doc.w(r.a - 1))
            {
                vote(c, g, 1);
            }
            let first = f.split(' ').next().unwrap_or("");
            if let Some(g) = names.gender(first) {
                vote(c, g, 1);
            }
            let possessive =
                r.b < doc.len() && doc.toks[r.b].kind == crate::text::TokenKind::Possessive;
            people.occ.push(Occurrence {
                a: r.a,
                b: r.b,
                key,
                possessive,
                in_quote: doc.in_quote(r.a),
                label: r.label,
            });
        }
        people
    }

    /// Read the roles and types the article gives its names (after the speakers are marked).
    pub fn attach_roles(&mut self, doc: &QuoteText) {
        self.roles = Some(Roles::build(doc, self));
    }

    /// The group a description speaker ("the minister", "the company") stands for, with how
    /// it was resolved.
    pub fn describe(
        &self,
        doc: &QuoteText,
        s: &Spk,
        quoted: &HashMap<u32, u32>,
        lessons: super::Lessons,
    ) -> Option<(u32, String)> {
        self.roles.as_ref()?.resolve(doc, self, s, quoted, lessons)
    }

    /// Every name in the text, in order.
    pub fn occurrences(&self) -> &[Occurrence] {
        &self.occ
    }

    fn key_for(&mut self, f: &str) -> u32 {
        if let Some(&k) = self.by_form.get(f) {
            return k;
        }
        let k = self.canon.len() as u32;
        self.canon.push(Canon {
            name: f.to_string(),
            ..Canon::default()
        });
        self.by_form.insert(f.to_string(), k);
        k
    }

    fn lookup(&self, f: &str) -> Option<u32> {
        self.by_form.get(f).copied()
    }

    /// The group of the name at tokens `a..b` (a speaker parsed next to a cue).
    pub fn key_of(&self, doc: &QuoteText, a: usize, b: usize) -> Option<u32> {
        let i = self.occ.partition_point(|o| o.b <= a);
        if let Some(o) = self.occ.get(i)
            && o.a <= a
            && b <= o.b
        {
            return Some(o.key);
        }
        self.lookup(&form(doc, a, b))
    }

    /// Someone who speaks is a person, unless known to be an organisation.
    pub fn mark_speaker(&mut self, key: u32) {
        let c = &mut self.canon[key as usize];
        if !c.org {
            c.person = true;
        }
    }

    pub fn vote(&mut self, key: u32, gender: Gender) {
        let c = &mut self.canon[key as usize];
        match gender {
            Gender::Male => c.male += 1,
            Gender::Female => c.female += 1,
            Gender::Unisex => {}
        }
    }

    /// The person or organisation a pronoun speaker at token `at` stands for. `quoted` maps a
    /// group to the paragraph it was last quoted in.
    pub fn antecedent(
        &self,
        doc: &QuoteText,
        spk: &Spk,
        quoted: &HashMap<u32, u32>,
        content: &[(usize, usize)],
    ) -> Option<(u32, &'static str)> {
        let pron = spk.pron?;
        // People rarely name themselves: a name inside the quote (often the person spoken
        // to) is not its speaker.
        let mut named_inside: Vec<u32> = Vec::new();
        for &(a, b) in content {
            let from = self.occ.partition_point(|o| o.a < a);
            for o in self.occ[from..].iter().take_while(|o| o.a < b) {
                named_inside.push(o.key);
            }
        }
        let at = spk.a;
        let sent = doc.sent_of[at];
        let para = doc.para_of[at];
        let end = self.occ.partition_point(|o| o.a < at);
        let mut best: Option<(f32, u32, &'static str)> = None;
        let mut by_sentence: HashMap<u32, u32> = HashMap::new();
        // Walk back, then rank within each sentence by position: collect first.
        // Walk back over at most a few hundred names and forty sentences: a pronoun in
        // dialogue may point past many lines of talk.
        let mut window: Vec<&Occurrence> = Vec::new();
        for o in self.occ[..end].iter().rev().take(300) {
            let s = doc.sent_of[o.a];
            if sent - s > 40 || window.len() > 60 {
                break;
            }
            if o.in_quote {
                continue;
            }
            window.push(o);
        }
        window.reverse();
        // Paragraph topic: how often each name stands in the pronoun's paragraph (and, half
        // as much, the one before) — "he" goes to the man the paragraph is about.
        let mut topic: HashMap<u32, f32> = HashMap::new();
        for o in &window {
            let p = doc.para_of[o.a];
            let w = if p == para {
                1.0
            } else if p + 1 == para {
                0.5
            } else {
                continue;
            };
            *topic.entry(o.key).or_insert(0.0) += w;
        }
        for o in window {
            let s = doc.sent_of[o.a];
            if named_inside.contains(&o.key) {
                continue;
            }
            let c = &self.canon[o.key as usize];
            let sentences = sent - s;
            // Near sentences weigh fully, far ones a little: beyond six the nearest still wins.
            let distance = if sentences == 0 {
                // The pronoun's own sentence counts as a little farther than the one before:
                // "After meeting Obama, he said" is rarely about Obama.
                1.25
            } else if sentences <= 6 {
                sentences as f32
            } else {
                6.0 + 0.25 * (sentences - 6) as f32
            };
            let score = match pron {
                Pron::He | Pron::She => {
                    if !c.person || c.org || (o.label != "PERSON" && !o.label.is_empty()) {
                        continue;
                    }
                    let want = if pron == Pron::He {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    // A name of unknown gender is a candidate only nearby, or when it has
                    // been quoted.
                    let gender_bonus = match c.gender() {
                        Some(g) if g == want => 0.5,
                        Some(_) => continue,
                        None if sentences <= 2 || quoted.contains_key(&o.key) => -0.5,
                        None => continue,
                    };
                    let rank = by_sentence.entry(s).or_insert(0);
                    let position = *rank as f32;
                    if !o.possessive {
                        *rank += 1;
                    }
                    let quoted_bonus = match quoted.get(&o.key) {
                        Some(&p) if para - p <= 3 => 1.5,
                        Some(_) => 0.75,
                        None => 0.0,
                    };
                    // Salience: the subject of its sentence and the paragraph's topic
                    // outweigh a little recency.
                    let subject = if subject_like(doc, o) { 0.75 } else { 0.0 };
                    let about =
                        0.5 * (topic.get(&o.key).copied().unwrap_or(0.0) - 1.0).clamp(0.0, 3.0);
                    -1.5 * distance - 0.5 * position - if o.possessive { 1.0 } else { 0.0 }
                        + quoted_bonus
                        + gender_bonus
                        + subject
                        + about
                }
                Pron::They | Pron::It => {
                    let org = c.org || matches!(o.label, "ORG" | "GPE" | "NORP");
                    if !org || sentences > 3 {
                        continue;
                    }
                    -distance
                }
                Pron::First => return None,
            };
            let label = if o.label.is_empty() {
                if c.org { "ORG" } else { "PERSON" }
            } else {
                o.label
            };
            // Later candidates win ties: the nearer mention.
            if best.is_none_or(|(b, ..)| score > b || (score == b && pron_is_org(pron))) {
                best = Some((score, o.key, label));
            }
        }
        best.map(|(_, k, l)| (k, l))
    }
}

/// A name standing where a subject stands: at its sentence's start, or before a lower-case
/// word that is not a preposition (a verb: "Obama met"; "Obama and Putin met"; "Putin, who
/// …"), and not after a preposition ("with Obama").
fn subject_like(doc: &QuoteText, o: &Occurrence) -> bool {
    let after_prep = o.a > 0
        && matches!(
            doc.w(o.a - 1),
            "with"
                | "to"
                | "by"
                | "for"
                | "from"
                | "of"
                | "at"
                | "on"
                | "in"
                | "about"
                | "and"
                | "than"
                | "against"
                | "between"
                | "like"
                | "as"
        );
    if after_prep {
        return false;
    }
    if initial(doc, o.a) {
        return true;
    }
    o.b < doc.len()
        && !o.possessive
        && (doc.w(o.b) == ","
            || (doc.is_lower(o.b)
                && !matches!(
                    doc.w(o.b),
                    "or" | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "from"
                        | "by"
                        | "as"
                        | "than"
                        | "but"
                )))
}

/// "Mr. Bennet" must not join "Elizabeth Bennet": the title's gender and the full form's first
/// name disagree.
fn title_disagrees(doc: &QuoteText, names: &Rules, title: Option<usize>, full: &str) -> bool {
    let Some(g) = title.and_then(|t| speakers::title(doc.w(t)).flatten()) else {
        return false;
    };
    let first = full.split(' ').next().unwrap_or("");
    matches!(names.gender(first), Some(h) if h != g && h != Gender::Unisex)
}

fn pron_is_org(p: Pron) -> bool {
    matches!(p, Pron::They | Pron::It)
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

fn initial(doc: &QuoteText, i: usize) -> bool {
    let s = doc.sents[doc.sent_of[i] as usize].0;
    i == s
        || doc.line_break_before(i)
        || (i > 0
            && matches!(
                doc.w(i - 1),
                "“" | "\"" | "‘" | "'" | "(" | "—" | "--" | ":"
            ))
}

fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "Inc"
            | "Inc."
            | "Corp"
            | "Corp."
            | "Ltd"
            | "Ltd."
            | "Bank"
            | "Party"
            | "Ministry"
            | "Department"
            | "Agency"
            | "Commission"
            | "Committee"
            | "Council"
            | "Court"
            | "University"
            | "College"
            | "Institute"
            | "Foundation"
            | "Association"
            | "Organisation"
            | "Organization"
            | "Authority"
            | "Parliament"
            | "Assembly"
            | "Senate"
            | "Congress"
            | "Company"
            | "Police"
            | "Government"
            | "Office"
            | "Union"
            | "Army"
            | "Navy"
            | "Group"
            | "Kremlin"
            | "Pentagon"
            | "Alliance"
            | "Coalition"
            | "Bureau"
            | "Airlines"
            | "Service"
            | "Board"
            | "Church"
            | "Times"
            | "News"
            | "State"
            | "States"
            | "Nations"
            | "Republic"
            | "Kingdom"
            | "Federation"
            | "House"
            | "City"
            | "Street"
            | "Hall"
            | "Park"
            | "River"
            | "Island"
    )
}

/// Words at a sentence's start that are never names (shared with the speaker grammar's list,
/// plus a few that only matter here).
fn speakers_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Also"
            | "Then"
            | "Now"
            | "Thus"
            | "Indeed"
            | "Instead"
            | "Although"
            | "While"
            | "When"
            | "Where"
            | "Why"
            | "How"
            | "What"
            | "Which"
            | "Who"
            | "If"
            | "Because"
            | "Since"
            | "As"
            | "After"
            | "Before"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Of"
            | "To"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "You"
            | "I"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "Your"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "Not"
            | "Yes"
            | "Oh"
            | "Well"
            | "Today"
            | "Yesterday"
            | "Last"
            | "Next"
            | "One"
            | "Later"
            | "Earlier"
            | "Asked"
            | "According"
            | "Chapter"
            | "Ah"
            | "O"
            | "Do"
            | "Did"
            | "Is"
            | "Was"
            | "Are"
            | "Were"
            | "Have"
            | "Has"
            | "Had"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "Must"
            | "Let"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "God"
            | "Dear"
            | "Please"
            | "Thank"
            | "Good"
            | "Come"
            | "Go"
            | "Nothing"
            | "Everything"
            | "Every"
            | "Each"
            | "Such"
            | "Only"
            | "Even"
            | "Just"
            | "Never"
            | "Perhaps"
            | "Maybe"
            | "Whatever"
            | "Whoever"
            | "Both"
            | "Either"
            | "Neither"
            | "Any"
            | "Much"
            | "More"
            | "Less"
            | "Few"
            | "Several"
            | "Other"
            | "Another"
            | "Like"
            | "Unlike"
            | "Despite"
            | "During"
            | "Until"
            | "Unless"
            | "Whether"
            | "Once"
            | "Twice"
            | "First"
            | "Second"
            | "Third"
            | "Finally"
            | "Hello"
            | "Goodbye"
            | "Alas"
            | "Hush"
            | "Look"
            | "See"
            | "Listen"
            | "Wait"
    )
}
