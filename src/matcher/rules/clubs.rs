//! Clubs named like their towns, by what the story says of them: "Barcelona beat Milan 2-1",
//! "Ajax drew with PSV", "Barcelona coach Bobby Robson", "signed from Valladolid", "a deal with
//! Cluj", "from Braga to Sevilla, two years". A country stays its national team, a place; a
//! word that is part of a person's name here stays the person's.

use crate::text::TokenKind;

use super::finder::Finder;
use super::lexicons::{
    is_after_joined_club, is_club_member, is_club_suffix, is_plays_for, is_score, is_sports_verb,
    is_sports_word, is_transfer_word,
};
use super::words::{
    is_club_opener, is_family_name_shape, is_initial_function_word, is_speech_adverb,
    is_title_core, is_title_modifier, org_head,
};

impl<'d> Finder<'_, 'd> {
    /// Whether the word at `s` ends a longer capitalised name somewhere in the document.
    pub(super) fn is_surname_here(&self, s: usize) -> bool {
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

    /// Whether the one word at `s` is part of a person's longer name here: it ends one that
    /// opens with a first name ("John Albuquerque"), or opens one written family name first
    /// ("Zhou Haoran", "Lin Shuyao").
    pub(super) fn is_person_name_part_here(&self, s: usize) -> bool {
        let doc = self.doc;
        let w = doc.word(s);
        let n = doc.toks.len();
        let family = is_family_name_shape(w);
        (0..n).any(|k| {
            k != s
                && doc.toks[k].kind == TokenKind::Word
                && doc.word(k) == w
                && (self.after_first_name(k)
                    // Not "Lazio President Claudio Lotito", nor a headline in title case.
                    || (family
                        && k + 1 < n
                        && !doc.in_headline(k)
                        && doc.known_cover[k].is_none()
                        && doc.same_sentence(k, k + 1)
                        && doc.is_name_word(k + 1)
                        && !is_title_core(doc.word(k + 1))
                        && !is_title_modifier(doc.word(k + 1))
                        && !doc.toks[k + 1].is_all_caps()
                        && doc.known_cover[k + 1].is_none()
                        && org_head(doc.word(k + 1)).is_none()
                        && !is_club_suffix(doc.word(k + 1))))
        })
    }

    /// Whether the one word at `s` follows a first name somewhere else in the story, as a
    /// surname does ("Minh Khoa (Vietnam) v Rakhimov" after "Sardor Rakhimov"; "Celtic" after
    /// "Celtic Park" does not).
    pub(super) fn follows_first_name_here(&self, s: usize) -> bool {
        let doc = self.doc;
        let w = doc.word(s);
        (0..doc.toks.len()).any(|k| {
            k != s
                && doc.toks[k].kind == TokenKind::Word
                && doc.word(k) == w
                && self.after_first_name(k)
        })
    }

    /// Whether a first name stands right before token `k`, in its sentence (not a function
    /// word opening the sentence, "May", "Will").
    fn after_first_name(&self, k: usize) -> bool {
        let doc = self.doc;
        k >= 1
            && doc.same_sentence(k - 1, k)
            && doc.toks[k - 1].is_capitalised()
            && !(doc.ambiguous[k - 1] && is_initial_function_word(doc.word(k - 1)))
            && self.rules.first_names.contains_key(doc.word(k - 1))
    }

    /// "Barcelona beat Milan 2-1", "Ajax drew with PSV", "Barcelona coach Bobby Robson": a
    /// club, even when its name is a city's. Countries stay places (national teams). Returns
    /// whether it added one.
    pub(super) fn club(&mut self, s: usize, e: usize) -> bool {
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
        // "Kielce v Białystok; Szczecin v Płock": both sides of a fixture.
        let versus = |k: usize| matches!(doc.word(k), "v" | "vs" | "vs.");
        let fixture = (k + 1 < b && versus(k) && doc.toks[k + 1].is_capitalised())
            || (s >= a + 2 && versus(s - 1) && doc.toks[s - 2].is_capitalised());
        // "Szczecin were missing their captain", "Cusco have won five": a town's name with a
        // plural verb, in a sports report, is its team (British usage).
        let plural = k < b
            && e - s == 1
            && doc.is_lower_word(k, |w| matches!(w, "were" | "are" | "have"))
            && doc.known_label(s, e).is_some_and(|l| l == "GPE")
            && doc.is_sport_story();
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
                // "a 3-1 win over Mielec", "their defeat by Opole", "the loss to Kalisz".
                || (s >= a + 2
                    && matches!(
                        (doc.word(s - 2), p),
                        ("win" | "victory", "over") | ("defeat", "by") | ("loss" | "defeat", "to")
                    ))
        };
        // "In Bydgoszcz's 3-1 win": a side's score after its name.
        // (In a sports report by its words: "Ohio's 5-4 vote" is a court's.)
        let scored = e + 1 < b
            && doc.toks[e].kind == TokenKind::Possessive
            && doc.toks[e + 1].kind == TokenKind::Number
            && is_score(doc.word(e + 1))
            && doc.is_sport_story_by_words();
        // "sporting" only as in "Zaragoza sporting director" ("the Paris sporting calendar").
        let member = e < b
            && doc.is_lower_word(e, is_club_member)
            && (doc.word(e) != "sporting" || doc.word(e + 1) == "director");
        // "German club Eintracht Kaltenbach", "Romanian side Rapid Oltenia".
        let kind_before = s >= a + 2
            && doc.is_lower_word(s - 1, |w| matches!(w, "club" | "side" | "outfit"))
            && self.is_demonym(s - 2);
        // "plays for Porto", "scored for Milan": sport by itself.
        let plays_for =
            s >= a + 2 && doc.word(s - 1) == "for" && doc.is_lower_word(s - 2, is_plays_for);
        // "signed from Nakuru City", "on loan at Aalborg", "will join Magdeburg" in a sports
        // report: a transfer's club. "at" and "to" only after a loan or a transfer ("signed at
        // Lisbon" is a treaty's place); after "join", only a name the sentence leaves there
        // ("will join Aalborg officials" is a description of people).
        // "signed guard Tomas Ferreira from Valladolid": "from" after the transfer's verb.
        let signed_before = |k: usize| {
            (a..k)
                .rev()
                .take(6)
                .any(|j| doc.is_lower_word(j, is_transfer_word))
        };
        let transfer_from = s >= a + 2
            && (doc.is_lower_word(s - 2, is_transfer_word)
                || (doc.word(s - 1) == "from" && signed_before(s - 1)))
            && match doc.word(s - 1) {
                "from" => true,
                "to" | "at" => matches!(doc.word(s - 2), "loan" | "loaned" | "transferred"),
                "with" => matches!(doc.word(s - 2), "signed" | "signs" | "signing"),
                _ => false,
            };
        // "agreed a two-year deal with Vilnius", "re-signed with Bursa", "a development
        // contract at Derbyshire", "averaged 17.8 points for Zaragoza".
        let terms = s >= a + 2
            && doc.is_lower_word(s - 2, |w| match doc.word(s - 1) {
                "with" => matches!(
                    w,
                    "deal" | "contract" | "terms" | "re-signed" | "agreement" | "extension"
                ),
                "at" => matches!(w, "contract" | "spell" | "stint"),
                "for" => matches!(
                    w,
                    "points"
                        | "assists"
                        | "rebounds"
                        | "goals"
                        | "tries"
                        | "wickets"
                        | "appearances"
                ),
                _ => false,
            });
        // "Andrés Villalobos (Argentina) from Zaragoza to Bologna, two years": a move between
        // two clubs, after a player's country or in a sentence about a transfer.
        let from_to = s > a && {
            let from_at = if doc.word(s - 1) == "from"
                && e + 1 < b
                && doc.word(e) == "to"
                && doc.toks[e + 1].is_capitalised()
            {
                Some(s - 1)
            } else if doc.word(s - 1) == "to" {
                (a..s - 1).rev().take(4).find(|&k| {
                    doc.word(k) == "from" && k + 1 < s - 1 && doc.toks[k + 1].is_capitalised()
                })
            } else {
                None
            };
            from_at.is_some_and(|f| {
                (f > a && doc.word(f - 1) == ")")
                    || (a..b).any(|k| {
                        doc.is_lower_word(k, |w| {
                            is_transfer_word(w) || matches!(w, "deal" | "contract" | "fee")
                        })
                    })
            })
        };
        let joins = s > a
            && doc.is_lower_word(s - 1, |w| {
                matches!(
                    w,
                    "join" | "joins" | "joined" | "joining" | "rejoin" | "rejoined"
                )
            })
            && (e >= b || !doc.is_word(e) || doc.is_lower_word(e, is_after_joined_club));
        // (The new contexts in a sports report by its words: a vote's "51-49" makes none.)
        let transfer = ((transfer_from || joins) && doc.is_sport_story())
            || ((terms || from_to) && doc.is_sport_story_by_words());
        if !(subject
            || object
            || scored
            || fixture
            || member
            || plays_for
            || transfer
            || kind_before
            || plural)
        {
            return false;
        }
        let known = doc.known_label(s, e);
        // Either side of a "v" is a team only in a sports report by its words, its slug or its
        // other fixtures: a score alone makes none ("the court's 6-3 ruling in Roe v Wade").
        let fixture_sport = fixture
            && (doc.is_sport_story_by_words()
                || (0..doc.toks.len()).any(|j| doc.word(j) == "v" && j != k && j + 1 != s));
        // "Holders Konya will host Murcia": a town a list knows as a match's other side, in a
        // sports report by its words (a city hosts an event as its subject, not as an object;
        // "against Priyanka" is a player).
        let sporty = plural
            || scored
            || (object && known == Some("GPE") && doc.is_sport_story_by_words())
            || fixture_sport
            || (!fixture
                && (subject || object)
                && (a..b).any(|k| {
                    let w = doc.word(k);
                    (doc.toks[k].kind == TokenKind::Number && is_score(w))
                        || doc.is_lower_word(k, is_sports_word)
                }));
        // A first name alone is a person's, unless it played a match: "Chelsea beat Arsenal
        // 2-1", "Kiel beat Barcelona 31-28" (a player is written by the surname).
        if known.is_some_and(|l| !matches!(l, "GPE" | "LOC" | "ORG"))
            || (known.is_none()
                && self.rules.first_names.contains_key(doc.word(s))
                && !(sporty && e - s == 1))
        {
            return false;
        }
        let why = if sporty {
            "a team in a match result"
        } else if plays_for {
            "a club someone plays for"
        } else if transfer {
            "a club a player joins or leaves"
        } else if kind_before {
            "a club, after a nationality and “club” or “side”"
        } else if member && (known.is_some() || !doc.ambiguous[s]) {
            "a club's coach or player after it"
        } else {
            return false;
        };
        // A person's name: several words nobody knows, or the surname of a longer name here
        // ("Lukaku" after "Romelu Lukaku"); a country is its national team, a place. But "the
        // Shannon Raiders" and "Real Sabinas" are teams by their form.
        let team_form = self.is_team_nickname(s, e)
            || is_club_opener(doc.word(s))
            || (e - s > 1 && is_club_suffix(doc.word(e - 1)))
            || self.is_town_and_nickname(s, e);
        if (known.is_none() && !team_form && (e - s > 1 || self.is_surname_here(s)))
            || self.is_country(s, e)
            || (e - s == 1 && !team_form && self.is_person_name_part_here(s))
        {
            return false;
        }
        let score = if known.is_some() { 0.9 } else { 0.8 };
        self.add_club(s, e, score, why);
        true
    }
}
