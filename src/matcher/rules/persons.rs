//! People: a first name that opens a name, a name set off by commas with an age or a role
//! ("Hüseyin Çakır, 39,", "the chairman, Sergey Volkov,"), the title phrases before a name,
//! whether a sequence can be a person's name at all, nationality adjectives, and lists of names
//! in which most are people (or places).

use super::finder::{Finder, q};
use super::lexicons::is_score;
use super::score;
use super::words::{
    event_head, is_department, is_non_person_word, is_particle, is_place_opener,
    is_place_preposition, is_title_core, is_title_false_name, is_title_modifier, is_weekday,
    loc_head, misc_head, month, org_head, role_score, speech_verb,
};
use crate::matcher::model::usually_lower;
use crate::text::TokenKind;

impl<'d> Finder<'_, 'd> {
    /// A first name at `s` and a name after it: suggest `s..e` as a PERSON. Returns whether it
    /// did.
    pub(super) fn first_name_person(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let first = doc.word(s);
        let Some(f) = self.rules.first_names.get(first) else {
            return false;
        };
        if !self.person_part(s + 1, e) || is_place_opener(first) || is_title_core(first) {
            return false;
        }
        // "Jordan" or "Georgia" that another engine knows as a place.
        if doc.covered_as(s).is_some_and(|l| l != "PERSON") {
            return false;
        }
        // "beat Estrella Sevilla 88-81": a first name and a place the lists know, with a score
        // after them, are a club.
        if e - s == 2
            && e < doc.toks.len()
            && is_score(doc.word(e))
            && doc.known_cover[e - 1]
                .is_some_and(|k| matches!(doc.known[k as usize].label.as_str(), "GPE" | "LOC"))
        {
            return false;
        }
        // "La Pampeana", "El Comercio": an article and one word name a company or a paper.
        if e - s == 2
            && matches!(
                first,
                "La" | "Le" | "Las" | "Los" | "Les" | "El" | "Il" | "Lo"
            )
        {
            return false;
        }
        // "the Shannon Raiders": a team by its nickname, not a person.
        if self.is_team_nickname(s, e) {
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

    /// "Hüseyin Çakır, 39, who was", "Thomas Sam, 42, and his wife": a name with an age set
    /// off by commas and running text after it is a person. Not a name another engine knows as
    /// something else, not in a headline, and not a row of figures ("Kalisz, 45, Radom, 44":
    /// a capitalised word after the age). Returns whether it added a suggestion.
    pub(super) fn age_apposition(&mut self, s: usize, e: usize, unsure: bool) -> bool {
        let doc = self.doc;
        if (e - s == 1 && unsure) || doc.in_headline(s) {
            return false;
        }
        let age = |i: usize| {
            let w = doc.word(i);
            w.len() <= 3
                && w.bytes().all(|b| b.is_ascii_digit())
                && w.parse::<u32>().is_ok_and(|n| (1..=110).contains(&n))
        };
        let next_lower =
            |i: usize| doc.is_lower_word(i, |w| w.chars().next().is_some_and(char::is_lowercase));
        // "Villager Mariana Sinta, 34": a common noun (or a word before a first name) opening
        // the sentence is no part of it.
        let opens = s == 0 || !doc.same_sentence(s - 1, s);
        let first = |i: usize| self.rules.first_names.get(doc.word(i));
        let s = if e - s >= 2
            && opens
            && first(s).is_none()
            && (usually_lower(doc.word(s))
                || (e - s >= 3 && first(s + 1).is_some_and(|f| !f.ambiguous)))
        {
            s + 1
        } else {
            s
        };
        // "said Lambung anak Jimbun, 67": the name goes on to the left of a particle.
        let continues_left = s >= 2
            && doc.is_lower_word(s - 1, is_particle)
            && doc.is_name_word(s - 2)
            && doc.same_sentence(s - 2, s);
        // "Leyton Orient, 45, and Barnet, 44": a row of names and figures.
        let row = (e + 4 < doc.toks.len()
            && doc.is_lower_word(e + 3, |w| matches!(w, "and" | "or"))
            && doc.is_name_word(e + 4))
            || (s >= 3
                && doc.is_lower_word(s - 1, |w| matches!(w, "and" | "or"))
                && doc.word(s - 2) == ","
                && age(s - 3))
            || (s >= 2 && doc.word(s - 1) == "," && age(s - 2));
        if continues_left
            || row
            || e + 3 >= doc.toks.len()
            || doc.word(e) != ","
            || !age(e + 1)
            || doc.word(e + 2) != ","
            || !next_lower(e + 3)
            || !doc.same_sentence(s, e + 3)
            || !self.person_part(s, e)
            || doc.known_label(s, e).is_some_and(|l| l != "PERSON")
            || is_place_opener(doc.word(s))
        {
            return false;
        }
        let reason = format!("an age after the name ({})", doc.word(e + 1));
        self.add(s, e, "PERSON", score::AGE, "age", reason);
        self.speech_cue(s, e, false);
        true
    }

    /// A name set off by commas next to a role: "the chairman, Sergey Brin, said", "his wife,
    /// Manju Sam, 36", "Sergey Brin, the firm's chairman, said", "Jeff Rathke, a spokesman for
    /// the ministry". A role before the name needs a determiner or a possessive one or two
    /// words before it ("the", "its", "the firm's") and no preposition before that; a role
    /// after the name ends its description and does not say something about it ("Kalisz, the
    /// coach said, …"), and the name follows no preposition ("in Wrocław, the mayor …"). Or
    /// ", who" after the name outside sport, after no "the", with no nationality or storm in
    /// it. Returns whether it added a suggestion.
    pub(super) fn role_apposition(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = e - s;
        if !(2..=4).contains(&n) || doc.in_headline(s) || !self.person_part(s, e) {
            return false;
        }
        let determiner = |i: usize| {
            doc.toks[i].kind == TokenKind::Possessive
                || matches!(
                    doc.word(i),
                    "the"
                        | "The"
                        | "its"
                        | "Its"
                        | "his"
                        | "His"
                        | "her"
                        | "Her"
                        | "their"
                        | "Their"
                        | "our"
                        | "a"
                        | "an"
                        | "A"
                        | "An"
                )
        };
        // Roles that name a person, not a market's leader, a team's player or a host city.
        let person_role = |w: &str| {
            role_score(w).is_some()
                && !matches!(
                    w,
                    "leader"
                        | "host"
                        | "anchor"
                        | "principal"
                        | "player"
                        | "driver"
                        | "centre"
                        | "center"
                        | "guard"
                        | "lock"
                        | "prop"
                        | "wing"
                        | "forward"
                        | "veteran"
                        | "teenager"
                        | "substitute"
                        | "debutant"
                        | "keeper"
                        | "rider"
                        | "opener"
                        | "chief"
                        | "chair"
                        | "head"
                        // "a coil producer": an industry's maker, no person
                        | "producer"
                        | "designer"
                        | "architect"
                )
        };
        let role = |i: usize| doc.is_word(i) && person_role(&doc.word(i).to_lowercase());
        // The role right after its determiner, or one word later ("the new chairman", "the
        // firm's chairman"), a comma, the name, a comma; no preposition before the determiner
        // ("a letter to the chairman, Pennington Rhodes, …").
        let det_at = (3..=4)
            .filter(|&d| s >= d)
            .map(|d| s - d)
            .find(|&i| determiner(i) && doc.same_sentence(i, s));
        let before = s >= 3
            && doc.word(s - 1) == ","
            && e < doc.toks.len()
            && doc.word(e) == ","
            && doc.is_lower_word(s - 2, person_role)
            && det_at.is_some_and(|i| {
                !(i >= 1
                    && doc.is_lower_word(i - 1, |w| {
                        is_place_preposition(w)
                            || matches!(w, "of" | "for" | "with" | "by" | "on" | "about")
                    }))
            });
        // The name, a comma, a determiner and up to four words ending in the role.
        let after = !before
            && e + 2 < doc.toks.len()
            && doc.word(e) == ","
            && determiner(e + 1)
            && !(s >= 1 && doc.is_lower_word(s - 1, is_place_preposition))
            && (e + 2..(e + 6).min(doc.toks.len())).any(|k| {
                // The role ends the description: "the chief's village" is no chief.
                let ends = k + 1 >= doc.toks.len()
                    || matches!(
                        doc.word(k + 1),
                        "," | "." | ";" | "of" | "for" | "at" | "with" | "and" | "in"
                    );
                role(k)
                    && ends
                    && doc.same_sentence(s, k)
                    && !doc.is_lower_word(k + 1, speech_verb)
                    && (e + 2..k)
                        .all(|j| doc.is_word(j) || doc.toks[j].kind == TokenKind::Possessive)
            });
        // "opposed by Sergey Volkov, who chairs the committee": "who" is for people (and, in
        // sport, for teams: not there); "whose" for companies too ("Nordlyn Air Cargo, whose
        // earnings have fallen").
        let who = !before
            && !after
            && e + 1 < doc.toks.len()
            && doc.word(e) == ","
            && doc.is_lower_word(e + 1, |w| w == "who")
            && !doc.is_sport_story()
            // "The Rolling Stones, who", "Rohingya Muslims, who", "Hurricane Gloria, who".
            && !(s >= 1 && matches!(doc.word(s - 1), "the" | "The"))
            && !(s..e).any(|k| {
                doc.covered_as(k).is_some_and(|l| l != "PERSON")
                    || self.is_demonym(k)
            })
            && !matches!(
                doc.word(s),
                "Hurricane" | "Typhoon" | "Storm" | "Cyclone" | "Tropical"
            )
            // "managing partner at Lion Rock Ventures, who joins the board": "who" is the
            // partner.
            && !(s >= 1
                && doc.is_lower_word(s - 1, |w| {
                    is_place_preposition(w) || matches!(w, "of" | "for" | "with" | "on")
                }));
        if !(before || after || who) || doc.known_label(s, e).is_some_and(|l| l != "PERSON") {
            return false;
        }
        let reason = if before {
            format!("set off by commas after the role {}", q(doc.word(s - 2)))
        } else if who {
            format!("{} after it", q(doc.word(e + 1)))
        } else {
            "set off by commas before a role".to_string()
        };
        self.add(s, e, "PERSON", score::APPOSITION, "title", reason);
        self.speech_cue(s, e, false);
        true
    }

    /// "the Shannon Raiders", "the Atlanta Peregrines": in a story about sport (a score or a
    /// sports word in it), after "the", a name ending in a capitalised plural is a team's
    /// nickname ("the Bernie Sanders campaign" in politics stays a person).
    pub(super) fn is_team_nickname(&self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let last = doc.word(e - 1);
        s > 0
            && matches!(doc.word(s - 1), "the" | "The")
            && e - s >= 2
            && doc.toks[e - 1].is_capitalised()
            && !doc.toks[e - 1].is_all_caps()
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is")
            && doc.is_sport_story()
    }

    /// A nationality adjective ("Greek", "Italian"), by another engine's word or by its shape.
    pub(super) fn is_demonym(&self, i: usize) -> bool {
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
    pub(super) fn title_end(&self, k: usize, e: usize) -> Option<usize> {
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
    pub(super) fn person_part(&self, s: usize, e: usize) -> bool {
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

    /// Lists of names ("Squad: Peter Schmeichel, Gary Neville, Jaap Stam"): when most names of
    /// a list are people and none is anything else, the rest are people too; the same for
    /// places outside sport.
    pub(super) fn lists(&mut self) {
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
                // "Breda (2), Heerlen": a count in brackets after an entry.
                let between = match between.as_slice() {
                    ["(", n, ")", rest @ ..] if n.bytes().all(|b| b.is_ascii_digit()) => rest,
                    all => all,
                };
                let joined = matches!(between, [","] | ["and"] | [",", "and"] | [";"]);
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
                // "stores in Zwolle, Apeldoorn, Leeuwarden, Den Bosch, Heerlen": most entries
                // places the lists know and nothing else, outside sport (where towns are
                // clubs): the rest are places too.
                let places = labels
                    .iter()
                    .filter(|l| l.as_deref() == Some("GPE"))
                    .count();
                let unknown = labels.iter().filter(|l| l.is_none()).count();
                if places >= 3
                    && places >= unknown + 2
                    && places + unknown == labels.len()
                    && !doc.is_sport_story()
                {
                    for (&(s, e), label) in runs[g..h].iter().zip(&labels) {
                        if label.is_none() && e - s <= 3 && !doc.toks[s].is_all_caps() {
                            self.add(s, e, "GPE", 0.7, "list", "in a list of places".into());
                        }
                    }
                }
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
}
