//! Typing one capitalised sequence: the evidence in and around it, tried from the surest kind to
//! the weakest — "-based" places, organisation and place head words, first names, East Asian
//! names, titles and roles, surname particles, then the wire-news cues (results rows, clubs,
//! tables, companies), place cues and speech verbs. A sequence with no evidence of its type
//! stays untyped.

use super::finder::{Candidate, Finder, q};
use super::lexicons::{is_company_noun, is_industry};
use super::score;
use super::words::{
    event_head, is_club_opener, is_family_name_shape, is_hyphenated_given_name, is_loc_opener,
    is_org_opener, is_particle, is_particle_prefixed, is_place_opener, is_place_shaped,
    is_romance_particle, is_single_word_org, is_state_body_modifier, loc_head, misc_head, org_head,
    role_score,
};

impl<'d> Finder<'_, 'd> {
    /// Type the run `s..e`. `titles`: whether to look for a title inside it (not again in the
    /// part before a title).
    pub(super) fn type_trimmed(&mut self, s: usize, e: usize, unsure: bool, titles: bool) {
        let doc = self.doc;
        let n = e - s;
        let words = doc.text_of(s, e);
        let last = doc.word(e - 1);
        let before = s.checked_sub(1).filter(|&p| doc.same_sentence(p, s));

        // "London-based": the place before the suffix.
        if let Some(place) = last
            .strip_suffix("-based")
            .or_else(|| last.strip_suffix("–based"))
        {
            if place.chars().next().is_some_and(char::is_uppercase) && !unsure {
                let name = &words[..words.len() - (last.len() - place.len())];
                let reason = format!("{} before “-based”", q(name));
                let c = Candidate::over(doc, (s, e), "GPE", score::GPE_CUE, "gpe-cue", reason);
                // Only the place, without its suffix.
                let end = doc.toks[e - 1].start + place.chars().count();
                self.cands.push(Candidate { end, ..c });
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

        // "Brouwerij Hopfeld (HOPF.AS)": a company before its stock ticker; "Tamarack Lake
        // shares rose 5.7 percent": a company whatever its head word says.
        if self.before_ticker(s, e) || self.shares_moved(s, e) {
            return;
        }
        // A news agency, newspaper or broadcaster known by name ("Reuters", "Le Monde").
        if self.media(s, e) {
            return;
        }

        if is_place_shaped(words) {
            // Leave it to the gazetteer: it is a country or territory.
            return;
        }
        // "Bank of England Deputy Governor Fiona MacLeod": an organisation, a title, a person.
        if titles
            && n >= 4
            && let Some((k, j)) = (s + 2..e - 1).find_map(|k| {
                self.title_end(k, e)
                    .filter(|&j| j < e && self.person_part(j, e))
                    .map(|j| (k, j))
            })
            && self
                .head_word(s, k, unsure)
                .is_some_and(|(label, ..)| label == "ORG")
        {
            self.titled_person(k, j, e);
            self.type_trimmed(s, k, unsure, false);
            return;
        }
        // "Kingsmere Forest 4 (Adeyemi 3) Hollins Park 0": a team in a match row, whatever
        // its head word says (the wire rules below make it the club).
        if let Some((label, sc, rule, reason)) = self
            .head_word(s, e, unsure)
            .filter(|h| !(h.0 == "LOC" && self.is_match_row_team(s, e)))
        {
            self.add(s, e, label, sc, rule, reason);
            self.speech_cue(s, e, unsure);
            return;
        }

        // "Van der Straaten, a Dutch dry bulk shipper, said": a company by what it is.
        if self.company_apposition(s, e) {
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
                let known_place = e - j == 1 && doc.covered_as(j).is_some_and(|l| l != "PERSON");
                if j < e && self.person_part(j, e) && !known_place {
                    self.titled_person(k, j, e);
                    if k > s && !self.company_before_title(s, k, j) {
                        self.type_trimmed(s, k, unsure, false);
                    }
                    return;
                }
                break;
            }
        }

        // A lower-case role before the run: "spokeswoman Jane Doe".
        // Not a role used as a verb: "Holders Konya will host Murcia", "Izmir host Trabzon".
        // Only roles that are verbs too: "according to spokesman Jim Smith" keeps its person.
        let verb = |p: usize| {
            let w = doc.word(p);
            let verbal = matches!(
                w,
                "host"
                    | "coach"
                    | "chair"
                    | "head"
                    | "captain"
                    | "lead"
                    | "judge"
                    | "referee"
                    | "skipper"
                    | "anchor"
            );
            verbal
                && ((w == "host" && doc.known_label(s, e) == Some("GPE"))
                    || (p >= 1
                        && doc.is_lower_word(p - 1, |w| {
                            matches!(
                                w,
                                "will"
                                    | "would"
                                    | "to"
                                    | "can"
                                    | "could"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "shall"
                                    | "should"
                            )
                        })))
        };
        if let Some(p) = before
            && doc.is_lower_word(p, |w| role_score(w).is_some())
            && !verb(p)
            && self.person_part(s, e)
            && !unsure
            && !self.industry_noun(p)
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
            // "Frutas del Pacífico", "Quinta do Falcão", "Estrela do Minho": with a Romance
            // particle, only after a first name ("Luis de Guindos"); companies, estates and
            // clubs are named so too.
            let romance = (s + 1..e).any(|k| is_romance_particle(doc.word(k)));
            let first_name = self.rules.first_names.contains_key(doc.word(s));
            // "Eid al-Adha" is a festival.
            let festival = doc.word(s) == "Eid";
            if particle && !festival && !is_place_opener(doc.word(s)) && (first_name || !romance) {
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

        // "Hüseyin Çakır, 39, who was": a name and an age; "the chairman, Sergey Volkov,",
        // "Sergey Volkov, the firm's chairman,", "Sergey Volkov, who": a name by its role.
        if ((1..=4).contains(&n) && self.age_apposition(s, e, unsure)) || self.role_apposition(s, e)
        {
            return;
        }

        // Wire news: results tables, sports clubs, companies.
        if self.results_row(s, e)
            || self.lineup_player(s, e)
            || self.scorers_row_name(s, e)
            || self.fixture_club(s, e)
            || self.club_in_brackets(s, e)
            || self.country_code(s, e)
            || self.scorecard_row(s, e)
            || self.rider_team(s, e)
            || self.club(s, e)
            || self.table_team(s, e)
        {
            return;
        }
        if self.company(s, e) {
            return;
        }

        // Place cues around the run.
        if self.place_noun_after(s, e) || (!unsure && self.gpe_cue(s, e)) {
            return;
        }

        self.speech_cue(s, e, unsure);
        // Anything else stays untyped: a guessed label costs the annotator more than it saves.
    }

    /// The person `j..e` after the title `k..j` ("Deputy Governor Fiona MacLeod"), and the
    /// speech cue around it.
    fn titled_person(&mut self, k: usize, j: usize, e: usize) {
        let title = self.doc.text_of(k, j);
        let reason = format!("title {} before a capitalised name", q(title));
        self.add(j, e, "PERSON", score::TITLE, "title", reason);
        self.speech_cue(j, e, false);
    }

    /// The type a head word gives the run `s..e`: an organisation's ("… Inc.", "University of
    /// …", "Congress" alone), a place's, an event's or a law's. Returns (label, score, rule,
    /// reason).
    fn head_word(
        &self,
        s: usize,
        e: usize,
        unsure: bool,
    ) -> Option<(&'static str, f32, &'static str, String)> {
        let doc = self.doc;
        let n = e - s;
        let last = doc.word(e - 1);
        let penalty = if unsure { score::UNSURE_START } else { 0.0 };
        if !(n >= 2 || (n == 1 && is_single_word_org(last))) {
            return None;
        }
        let org_of = (s..e.saturating_sub(1)).find(|&k| {
            org_head(doc.word(k)).is_some() && matches!(doc.word(k + 1), "of" | "for" | "on")
        });
        // "the Champions League", "the Europa League": a continental cup is an event (a
        // country's league is its organisation).
        if n >= 2
            && last == "League"
            && matches!(
                doc.word(e - 2),
                "Champions" | "Europa" | "Conference" | "Nations" | "Diamond"
            )
        {
            let reason = format!("{}: a cup competition", q(doc.text_of(s, e)));
            return Some(("EVENT", score::EVENT_HEAD - penalty, "event-head", reason));
        }
        if let Some(sc) = org_head(last).filter(|_| n >= 2) {
            let reason = format!("ends with the organisation word {}", q(last));
            Some(("ORG", sc - penalty, "org-head", reason))
        } else if let Some(k) = org_of {
            let reason = format!(
                "“{} {} …”: an organisation's name",
                doc.word(k),
                doc.word(k + 1)
            );
            Some(("ORG", score::ORG_OF - penalty, "org-of", reason))
        } else if n == 1 && !unsure && !doc.ambiguous[s] {
            let reason = format!("{} names an institution", q(last));
            Some(("ORG", score::ORG_SINGLE, "org-single", reason))
        } else if n >= 2 && (loc_head(last) || is_loc_opener(doc.word(s))) {
            let head = if loc_head(last) { last } else { doc.word(s) };
            let reason = format!("{} names a place", q(head));
            Some(("LOC", score::LOC_HEAD - penalty, "loc-head", reason))
        } else if n >= 2 && event_head(last) {
            let reason = format!("ends with the event word {}", q(last));
            Some(("EVENT", score::EVENT_HEAD - penalty, "event-head", reason))
        } else if n >= 2 && is_org_opener(doc.word(s)) {
            let reason = format!("“{} …”: an organisation's name", doc.word(s));
            Some(("ORG", score::ORG_OF - penalty, "org-opener", reason))
        } else if n >= 2 && is_club_opener(doc.word(s)) && !unsure {
            let reason = format!("“{} …”: a club's name", doc.word(s));
            Some(("ORG", score::ORG_OF - penalty, "club-opener", reason))
        } else if n >= 2 && misc_head(last) {
            let reason = format!("ends with {}: a law, treaty or award", q(last));
            Some(("MISC", score::MISC_HEAD - penalty, "misc-head", reason))
        } else {
            None
        }
    }

    /// "coal producer Śląska Spółka Węglowa", "power producer Karadeniz Enerji": a role that is
    /// also a company noun, after the word of an industry, names a company ("film producer Ana
    /// Ruiz", "writer and producer …" stay people).
    fn industry_noun(&self, p: usize) -> bool {
        let doc = self.doc;
        is_company_noun(doc.word(p))
            && p >= 1
            && doc.same_sentence(p - 1, p)
            && doc.is_word(p - 1)
            // The industry's word in any case: "Power producer Kızılırmak Enerji" opening a
            // sentence, "Coal producer" in a headline.
            && is_industry(&doc.word(p - 1).to_lowercase())
    }
}
