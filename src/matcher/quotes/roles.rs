//! Descriptions to names: a description speaker ("the prime minister", "the company", "the
//! spokesman for the agency", "the 45-year-old") resolved to the person or organisation the
//! article introduced with that role or type.
//!
//! A news article introduces its people and organisations once with what they are and then
//! refers to them by it. Every name occurrence (`People`) outside quote marks is read for its
//! *introductions*: a head noun, the words around it, the group it names and where it stands.
//!
//! - **Titles and descriptors** before a name: "Prime Minister Justin Trudeau" (minister),
//!   "union president Jane Doe" (president), "media buying company GroupM" (company).
//! - **Appositions** after a name: "Jane Doe, a spokeswoman for the agency," (spokeswoman; the
//!   words "for the agency" kept), "Joe Kane, 45," (45-year-old).
//! - **Descriptions before a name in apposition**: "The company, Northfield Resources," and
//!   "Her deputy, David Cole,".
//! - **Organisation types**: the type word an organisation's name ends with ("the Health
//!   Ministry" is a ministry, "Northfield Resources Inc." a company, "Metro Police" police).
//! - **The user's links**: a description the user (or an accepted suggestion) linked to an
//!   entity ("the minister" → Jane Doe) resolves every identical description in the document
//!   to that entity — so a corrected speaker teaches the rest of the article.
//! - **The user's links elsewhere** (`taught`): a description linked to an entity in another
//!   document of the project ("the mayor" → Rob Keller) resolves the same description here to
//!   that entity when this article mentions it (a span or suggestion linked to it, or a name
//!   group called so). It outweighs the nearest-introduction rule and the organisation-type
//!   guess, but not an introduction of someone else with that role in this very article
//!   ("Mayor Jane Smith").
//!
//! A *definite* description speaker ("the minister", "The company", bare "police") resolves to
//! the nearest earlier introduction with the same head noun or a synonym (company = firm =
//! corporation), preferring one that shares the description's other words ("the health
//! minister" → "Health Minister Ana Ruiz" over "Finance Minister Tom Ek") and a person already
//! quoted, never one whose gender disagrees with the description ("the spokeswoman"). An
//! organisation noun with no introduction falls back to the most salient compatible entity:
//! the organisation named last within the last eight sentences whose own type does not
//! disagree. Indefinite descriptions ("a spokeswoman", "an official") are someone new, plural
//! person nouns ("officials") a group, possessed ones ("his lawyer") someone else's: none of
//! them resolves.

use std::collections::HashMap;

use crate::matcher::rules::Gender;
use crate::model::EntityId;

use super::doc::{NONE, QuoteText};
use super::resolve::People;
use super::speakers::{self, Spk};
use super::taught::{self, Lessons};

/// How an introduction was seen, for the reason a suggestion gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    /// A title or descriptor before the name.
    Title,
    /// An apposition after the name, or a description before it.
    Apposition,
    /// The type word the organisation's name ends with.
    OrgType,
    /// A description the user linked to an entity.
    Linked,
}

/// A role or type the article gave a name.
#[derive(Clone, Debug)]
struct Intro {
    /// Token where the name starts.
    at: usize,
    key: u32,
    /// The head noun, lower case ("minister", "company", "45-year-old").
    head: String,
    /// The other words, lower case ("prime"; "for", "the", "agency").
    words: Vec<String>,
    how: How,
}

/// The introductions of one document, in text order.
pub(super) struct Roles {
    intros: Vec<Intro>,
    /// Descriptions linked by the user: lower-case form → group.
    linked: HashMap<String, u32>,
    /// The groups linked to an entity, and the unlinked ones by name, for what other
    /// documents teach.
    by_entity: HashMap<EntityId, u32>,
    by_name: HashMap<String, u32>,
}

/// Organisation nouns that name the same kind of thing.
fn same_head(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let class = |w: &str| match w {
        "company" | "firm" | "corporation" | "business" | "companies" => 1,
        "ministry" | "department" | "ministries" => 2,
        "police" | "force" => 3,
        "spokesman" | "spokeswoman" | "spokesperson" => 4,
        "chair" | "chairman" | "chairwoman" | "chairperson" => 5,
        "executive" | "ceo" => 6,
        _ => 0,
    };
    let (x, y) = (class(a), class(b));
    x != 0 && x == y
}

/// The type an organisation's last name word says, as a description's head noun.
#[rustfmt::skip]
fn org_type(w: &str) -> Option<&'static str> {
    Some(match w {
        "Inc" | "Inc." | "Corp" | "Corp." | "Corporation" | "Co." | "Ltd" | "Ltd." | "LLC"
        | "plc" | "PLC" | "AG" | "GmbH" | "Company" | "Holdings" | "Industries" => "company",
        "Ministry" => "ministry",
        "Department" => "department",
        "Agency" => "agency",
        "Bureau" => "bureau",
        "Tribunal" => "tribunal",
        "Secretariat" => "secretariat",
        "Union" => "union",
        "Police" => "police",
        "Commission" => "commission",
        "Committee" => "committee",
        "Council" => "council",
        "Court" => "court",
        "Party" => "party",
        "Bank" => "bank",
        "University" => "university",
        "Hospital" => "hospital",
        "Board" => "board",
        "Authority" => "authority",
        "Institute" => "institute",
        "Foundation" => "foundation",
        "Association" => "association",
        "Federation" => "federation",
        "Coalition" => "coalition",
        "Alliance" => "alliance",
        "Airlines" | "Airways" => "airline",
        "Group" => "group",
        "Office" => "office",
        "Government" => "government",
        "Army" => "army",
        "Regulator" => "regulator",
        "School" => "school",
        "Network" => "network",
        "Campaign" => "campaign",
        "Service" => "service",
        _ => return None,
    })
}

fn lower(doc: &QuoteText, i: usize) -> String {
    doc.w(i).to_lowercase()
}

/// "45-year-old", the head of an age description.
pub(super) fn is_age(w: &str) -> bool {
    w.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// A person or organisation noun that can head a resolvable description.
fn head_noun(w: &str) -> Option<(&'static str, Option<Gender>, bool)> {
    if is_age(w) {
        return Some(("PERSON", None, false));
    }
    speakers::role(w).filter(|_| w != "old")
}

fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "The" | "a" | "A" | "an" | "An")
}

impl Roles {
    pub fn build(doc: &QuoteText, people: &People) -> Self {
        let mut intros: Vec<Intro> = Vec::new();
        let mut linked: HashMap<String, u32> = HashMap::new();
        for o in people.occurrences() {
            if o.in_quote {
                continue;
            }
            // A linked description ("the minister" → an entity) is the user's word.
            if doc.is_lower(o.b - 1) {
                if let Some(m) = doc.mention_starting(o.a).map(|(m, ..)| m)
                    && doc.mentions[m].entity.is_some()
                {
                    let form = (o.a..o.b).map(|i| lower(doc, i)).collect::<Vec<_>>();
                    linked.insert(form.join(" "), o.key);
                    intros.push(Intro {
                        at: o.a,
                        key: o.key,
                        head: form.last().cloned().unwrap_or_default(),
                        words: form,
                        how: How::Linked,
                    });
                }
                continue;
            }
            before_name(doc, o.a, o.key, &mut intros);
            after_name(doc, o.b, o.a, o.key, &mut intros);
            let c = &people.canon[o.key as usize];
            if (c.is_org() || o.label == "ORG")
                && let Some(t) = org_type(doc.w(o.b - 1))
            {
                intros.push(Intro {
                    at: o.a,
                    key: o.key,
                    head: t.to_string(),
                    words: (o.a..o.b - 1).map(|i| lower(doc, i)).collect(),
                    how: How::OrgType,
                });
            }
        }
        intros.sort_by_key(|i| i.at);
        let mut by_entity = HashMap::new();
        let mut by_name = HashMap::new();
        for (k, c) in people.canon.iter().enumerate() {
            match c.entity {
                Some(e) => {
                    by_entity.entry(e).or_insert(k as u32);
                }
                None => {
                    by_name.entry(c.name.clone()).or_insert(k as u32);
                }
            }
        }
        Roles {
            intros,
            linked,
            by_entity,
            by_name,
        }
    }

    /// The group the user's links in other documents say the description `form` (its words,
    /// lower case) is, when this document mentions it: the entity linked so in the most
    /// documents, the first on a tie. With the reason's words.
    fn taught(&self, form: &[String], lessons: Lessons) -> Option<(u32, String)> {
        lessons.taught?;
        let p = taught::phrase(form.iter().map(String::as_str))?;
        let mut best: Option<(usize, u32, String)> = None;
        for (l, n, first) in lessons.other_docs(&p) {
            let Some(&k) = self
                .by_entity
                .get(&l.entity)
                .or_else(|| self.by_name.get(&l.name))
            else {
                continue;
            };
            if best.as_ref().is_none_or(|(b, ..)| n > *b) {
                let why = match n {
                    1 => format!("you linked it so in “{first}”"),
                    n => format!("you linked it so in “{first}” and {} more", n - 1),
                };
                best = Some((n, k, why));
            }
        }
        best.map(|(_, k, why)| (k, why))
    }

    /// The group a description speaker stands for, with a note saying how it was resolved.
    pub fn resolve(
        &self,
        doc: &QuoteText,
        people: &People,
        s: &Spk,
        quoted: &HashMap<u32, u32>,
        lessons: Lessons,
    ) -> Option<(u32, String)> {
        if s.b <= s.a {
            return None;
        }
        let text = one_line(doc.slice(s.a, s.b));
        let form: Vec<String> = (s.a..s.b).map(|i| lower(doc, i)).collect();
        let joined = form.join(" ");
        if let Some(&k) = self.linked.get(&joined) {
            let name = &people.canon[k as usize].name;
            return Some((k, format!("{text} = {name} (linked so in this document)")));
        }
        // What the user's links in other documents say, when this article mentions the entity.
        let taught = self.taught(&form, lessons);
        let said = |k: u32, why: String| {
            let name = &people.canon[k as usize].name;
            Some((k, format!("{text} = {name} ({why})")))
        };
        let h = s.b - 1;
        let hw = lower(doc, h);
        let Some((label, gender, plural)) = head_noun(&hw) else {
            return taught.and_then(|(k, why)| said(k, why));
        };
        let first = doc.w(s.a);
        let definite = matches!(first, "the" | "The" | "this" | "This");
        let bare_org = s.a == h && label == "ORG";
        if !(definite || bare_org) || (plural && label == "PERSON") {
            return taught.and_then(|(k, why)| said(k, why));
        }
        let taught_key = taught.as_ref().map(|(k, _)| *k);
        let gender = s.gender.or(gender);
        // The description's other words, with its post-modifier ("for the agency").
        let words: Vec<String> = (s.np_a..s.np_b.max(s.b))
            .filter(|&i| i != h && doc.is_word(i) && !is_determiner(doc.w(i)))
            .map(|i| lower(doc, i))
            .filter(|w| !matches!(w.as_str(), "for" | "of" | "at" | "the" | "a" | "an"))
            .collect();
        let sent = doc.sent_of[s.a];
        let end = self.intros.partition_point(|i| i.at < s.a);
        let mut best: Option<(f32, &Intro)> = None;
        for intro in self.intros[..end].iter().rev().take(400) {
            if !same_head(&hw, &intro.head) {
                continue;
            }
            let c = &people.canon[intro.key as usize];
            if label == "PERSON" && c.is_org() {
                continue;
            }
            if label == "ORG" && c.is_person() && !c.is_org() && intro.how != How::OrgType {
                continue;
            }
            if let (Some(g), Some(h)) = (gender, c.gender())
                && g != h
                && g != Gender::Unisex
            {
                continue;
            }
            let shared = words.iter().filter(|w| intro.words.contains(w)).count();
            let distance = (sent - doc.sent_of[intro.at]) as f32;
            let score = 2.0 * shared as f32 - 0.05 * distance.min(40.0)
                + if quoted.contains_key(&intro.key) {
                    0.5
                } else {
                    0.0
                }
                + if taught_key == Some(intro.key) {
                    3.0
                } else {
                    0.0
                };
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, intro));
            }
        }
        // An organisation's type is a weaker word than the user's link elsewhere.
        let best =
            best.filter(|(_, i)| i.how != How::OrgType || taught_key.is_none_or(|k| k == i.key));
        if let Some((_, intro)) = best {
            let why = match intro.how {
                How::Title => "titled so earlier",
                How::Apposition => "described so earlier",
                How::OrgType => "its name says what it is",
                How::Linked => "linked so in this document",
            };
            let why = match &taught {
                Some((k, also)) if *k == intro.key => format!("{why}; {also}"),
                _ => why.to_string(),
            };
            return said(intro.key, why);
        }
        if let Some((k, why)) = taught {
            return said(k, why);
        }
        if label != "ORG" {
            return None;
        }
        // The most salient compatible organisation: the last one named nearby whose own type
        // does not say otherwise.
        let occ = people.occurrences();
        let end = occ.partition_point(|o| o.a < s.a);
        for o in occ[..end].iter().rev().take(60) {
            if sent - doc.sent_of[o.a] > 8 {
                break;
            }
            if o.in_quote || doc.sent_of[o.a] == sent && o.b > s.a {
                continue;
            }
            let c = &people.canon[o.key as usize];
            let org = o.label == "ORG" || (o.label.is_empty() && c.is_org());
            if !org {
                continue;
            }
            if org_type(doc.w(o.b - 1)).is_some_and(|t| !same_head(t, &hw)) {
                continue;
            }
            let name = &c.name;
            return Some((
                o.key,
                format!("{text} = {name} (the organisation named last)"),
            ));
        }
        None
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Titles and descriptors right before a name at token `a`: "Prime Minister", "union
/// president", "media buying company", and "The company, " / "Her deputy, " in apposition.
fn before_name(doc: &QuoteText, a: usize, key: u32, out: &mut Vec<Intro>) {
    let mut p = a;
    let mut toks: Vec<usize> = Vec::new();
    while p > 0 && toks.len() < 5 {
        let t = p - 1;
        let w = doc.w(t);
        if doc.in_quote(t) || doc.line_break_before(p) || doc.mention_of[t] != NONE {
            break;
        }
        let ok = speakers::title(w).is_some()
            || (doc.is_lower(t) && doc.is_word(t) && !stop_word(w))
            || (doc.is_cap(t) && !is_determiner(w) && !speakers::is_function_word(w));
        if !ok {
            break;
        }
        toks.push(t);
        p = t;
    }
    toks.reverse();
    // The head is the last role noun, with only title words after it ("Prime Minister",
    // "Chief Executive Officer"): "the minister visited Jane Doe" introduces no one.
    let head = toks.iter().rposition(|&t| {
        let w = lower(doc, t);
        head_noun(&w).is_some_and(|(_, _, plural)| !plural)
    });
    let head = head.filter(|&pos| toks[pos + 1..].iter().all(|&t| doc.is_cap(t)));
    if let Some(pos) = head {
        let head = lower(doc, toks[pos]);
        let words = toks
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != pos)
            .map(|(_, &t)| lower(doc, t))
            .collect();
        out.push(Intro {
            at: a,
            key,
            head,
            words,
            how: How::Title,
        });
        return;
    }
    // "The company, Northfield Resources, said": a description, a comma, the name.
    if toks.is_empty() && a >= 2 && doc.w(a - 1) == "," {
        let h = a - 2;
        let hw = lower(doc, h);
        if doc.is_word(h)
            && head_noun(&hw).is_some_and(|(_, _, plural)| !plural)
            && (h == 0 || !doc.is_stop(h - 1))
        {
            let mut words = Vec::new();
            let mut q = h;
            while q > 0 && words.len() < 4 {
                let w = doc.w(q - 1);
                if doc.in_quote(q - 1) || !doc.is_word(q - 1) || stop_word(w) {
                    break;
                }
                words.push(w.to_lowercase());
                q -= 1;
                if is_determiner(w) || matches!(w, "His" | "Her" | "his" | "her" | "Its" | "its") {
                    break;
                }
            }
            out.push(Intro {
                at: a,
                key,
                head: hw,
                words,
                how: How::Apposition,
            });
        }
    }
}

/// An apposition after a name ending before token `b`: ", a spokeswoman for the agency,",
/// ", the company's chief executive,", ", 45,".
fn after_name(doc: &QuoteText, b: usize, at: usize, key: u32, out: &mut Vec<Intro>) {
    let n = doc.len();
    let mut k = b;
    for _ in 0..2 {
        if k + 1 >= n || doc.w(k) != "," || doc.in_quote(k + 1) || doc.line_break_before(k + 1) {
            return;
        }
        let first = k + 1;
        if doc.toks[first].kind == crate::text::TokenKind::Number {
            let num = doc.w(first);
            if first + 1 < n
                && matches!(doc.w(first + 1), "," | "." | ";")
                && num.chars().all(|c| c.is_ascii_digit())
                && num.len() <= 3
            {
                out.push(Intro {
                    at,
                    key,
                    head: format!("{num}-year-old"),
                    words: Vec::new(),
                    how: How::Apposition,
                });
                k = first + 1;
                continue;
            }
            return;
        }
        let fw = doc.w(first);
        if !(is_determiner(fw) || (doc.is_lower(first) && head_noun(&fw.to_lowercase()).is_some()))
        {
            return;
        }
        let mut e = first;
        while e < n
            && e < first + 14
            && !matches!(doc.w(e), "," | "." | ";" | ":" | "—" | "(")
            && !doc.in_quote(e)
            && !doc.line_break_before(e)
            && !matches!(doc.w(e), "who" | "which" | "said" | "says" | "and")
        {
            e += 1;
        }
        let head = (first..e).find(|&i| {
            doc.is_word(i)
                && (doc.is_lower(i) || speakers::title(doc.w(i)).is_some())
                && head_noun(&lower(doc, i)).is_some_and(|(_, _, plural)| !plural)
                && !(i + 1 < n && doc.toks[i + 1].kind == crate::text::TokenKind::Possessive)
        });
        if let Some(h) = head {
            out.push(Intro {
                at,
                key,
                head: lower(doc, h),
                words: (first..e)
                    .filter(|&i| i != h && doc.is_word(i))
                    .map(|i| lower(doc, i))
                    .collect(),
                how: How::Apposition,
            });
        }
        return;
    }
}

/// Lower-case words that end a descriptor run read backwards.
fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "of"
            | "said"
            | "says"
            | "told"
            | "is"
            | "was"
            | "as"
            | "than"
            | "when"
            | "while"
            | "after"
            | "before"
            | "about"
            | "like"
            | "met"
            | "the"
            | "a"
            | "an"
    )
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
