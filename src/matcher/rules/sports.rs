//! Sport in wire copy: an athlete with a country in brackets ("1. Maria Lopez (Spain)"), and a
//! club named by its city in a table row ("Barcelona 10 7 2 1"), a fixture or a line-up, while
//! a country stays its national team, a place (clubs in running text: `clubs.rs`).

use crate::text::TokenKind;

/// The rule that finds a club by its context: where it names a span the lists or the model call
/// a place, context decides (`Engines::settle` drops the place).
pub const CLUB_RULE: &str = "club";
/// The rule of a player in a team's line-up.
pub const LINEUP_RULE: &str = "line-up";
/// The rule of a team named in a results row after a rider's country.
pub const TEAM_ROW_RULE: &str = "team-row";

use super::finder::{Finder, q};
use super::lexicons::{is_country_code, lexicons};
use super::text::{RuleText, is_list_filler};
use super::words::{is_club_opener, is_particle, is_particle_prefixed};

impl<'d> Finder<'_, 'd> {
    /// A country by the bundled lists ("France beat Italy" are national teams, places here).
    pub(super) fn is_country(&self, s: usize, e: usize) -> bool {
        let name = self.doc.text_of(s, e);
        lexicons()
            .places
            .get(&name.to_uppercase())
            .copied()
            .unwrap_or(false)
    }

    /// "Zvolen Vlci", "Banská Bystrica Baníci", "Kampala Kobs": a town a list knows (not a
    /// country, not a first name) and a nickname nobody knows, the form of a club's name.
    pub(super) fn is_town_and_nickname(&self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if !(2..=4).contains(&(e - s)) || self.rules.first_names.contains_key(doc.word(s)) {
            return false;
        }
        (s + 1..e.min(s + 3)).any(|k| {
            doc.known_label(s, k).is_some_and(|l| l == "GPE")
                && !self.is_country(s, k)
                && (k..e).all(|j| {
                    doc.toks[j].is_capitalised()
                        && !doc.toks[j].is_all_caps()
                        && doc.known_cover[j].is_none()
                })
        })
    }

    /// The club `s..e`, by the club rule, with `why` after its name in the reason.
    pub(super) fn add_club(&mut self, s: usize, e: usize, score: f32, why: &str) {
        let reason = format!("{}: {why}", q(self.doc.text_of(s, e)));
        self.add(s, e, "ORG", score, CLUB_RULE, reason);
    }

    /// Whether a first name opens the run at `s` (a person's name: "Lennox Hart"), not a
    /// club's word that is one too ("Real", "Sporting").
    fn first_name_opens(&self, s: usize) -> bool {
        let first = self.doc.word(s);
        self.rules.first_names.contains_key(first) && !is_club_opener(first)
    }

    /// The closing bracket of a country's bracket opened at token `open`: one to three words
    /// inside.
    fn bracket_close(&self, open: usize) -> Option<usize> {
        let doc = self.doc;
        (open + 2..(open + 5).min(doc.toks.len())).find(|&k| doc.word(k) == ")")
    }

    /// "1. Maria Lopez (Spain) 2:21:05", "Pete Sampras (U.S.) beat …": a name with a country
    /// in brackets after it is an athlete; "Scorers: Gianni Rotella (12th)": with a minute, a
    /// scorer. Returns whether it added one.
    pub(super) fn results_row(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = e - s;
        let line = doc.line[s] as usize;
        if e + 2 >= doc.toks.len() || doc.word(e) != "(" || doc.known_cover[s].is_some() {
            return false;
        }
        if !(doc.list_line[line] || (2..=3).contains(&n)) || !self.person_part(s, e) {
            return false;
        }
        // "Renan Oliveira (14th, 38th minutes)", "Takács (90+3)": a scorer and the minutes.
        if is_minute(doc.word(e + 1))
            || (doc.toks[e + 1].kind == TokenKind::Number && doc.word(e + 2) == "+")
        {
            self.add(
                s,
                e,
                "PERSON",
                0.75,
                "results-row",
                "a scorer, with the minute in brackets".to_string(),
            );
            return true;
        }
        // An amateur's mark before the country: "Eoin Fahy (a) (Ireland) 71 67 69".
        let open = if doc.word(e + 1) == "a"
            && doc.word(e + 2) == ")"
            && e + 4 < doc.toks.len()
            && doc.word(e + 3) == "("
        {
            e + 3
        } else {
            e
        };
        // The bracket holds one to three words that make a country: a place another engine
        // knows, a nationality, or a code in capitals ("ESP", "U.S.").
        let Some(close) = self.bracket_close(open) else {
            return false;
        };
        let inside = doc.text_of(open + 1, close);
        let country = self.country_in_brackets(open, close);
        // "Real Madrid (Spain) v Ajax (Netherlands)": clubs, not people.
        let (la, lb) = doc.lines[line];
        let versus = (la..lb).any(|k| matches!(doc.word(k), "v" | "vs" | "vs."));
        if !country || versus {
            return false;
        }
        // "Hokuriku Thunder (Japan) - signed winger Lee Do-yoon": a transfer list's club.
        let mut k = close + 1;
        if k < doc.toks.len() && matches!(doc.word(k), "-" | "–" | "—" | ":") {
            k += 1;
        }
        if doc.is_lower_word(k, is_transfer_verb) && !self.first_name_opens(s) {
            if self.is_country(s, e) {
                return false;
            }
            self.add_club(
                s,
                e,
                0.8,
                "a club and its country, then the players it signed",
            );
            return true;
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

    /// "Eintracht Kaltenbach (Germany) v Rapid Oltenia (Romania)": in a fixture, a name with
    /// its country in brackets is a club — unless a first name opens it ("Lennox Hart
    /// (Britain) v Oliver Kane (U.S.)" are boxers). Returns whether it added one.
    pub(super) fn fixture_club(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if e - s > 4 || e + 2 >= doc.toks.len() || doc.word(e) != "(" {
            return false;
        }
        let Some(close) = self.bracket_close(e) else {
            return false;
        };
        let versus = |k: usize| matches!(doc.word(k), "v" | "vs" | "vs.");
        let fixture = (close + 1 < doc.toks.len() && versus(close + 1)) || (s > 0 && versus(s - 1));
        if !fixture || !self.country_in_brackets(e, close) {
            return false;
        }
        // "Minh Khoa (Vietnam) v Rakhimov (Uzbekistan)" after "Sardor Rakhimov": a player.
        if self.first_name_opens(s)
            || doc.known_label(s, e).is_some_and(|l| l == "PERSON")
            || (e - s == 1 && self.follows_first_name_here(s))
        {
            return false;
        }
        self.add_club(
            s,
            e,
            0.8,
            "a club with its country in brackets, in a fixture",
        );
        true
    }

    /// "15-Hamish Sinclair (Glasgow), 14-Rory Baird (Edinburgh)": in a sports story's list, a
    /// town in brackets after a player is the club; a country stays the country ("Maria Lopez
    /// (Spain)"). Returns whether it added one.
    pub(super) fn club_in_brackets(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if s < 2
            || e - s > 3
            || e >= doc.toks.len()
            || doc.word(s - 1) != "("
            || doc.word(e) != ")"
            || !doc.list_line[doc.line[s] as usize]
            || !doc.toks[s - 2].is_capitalised()
            || doc.toks[s - 2].is_all_caps()
            || !doc.is_sport_story()
            || self.is_country(s, e)
        {
            return false;
        }
        // A town a list knows, or a word nobody writes in lower case ("Bath" is, but "bath"
        // would be a word).
        let place = match doc.known_label(s, e) {
            Some(l) => matches!(l, "GPE" | "LOC"),
            None => e - s == 1 && !doc.lower_seen(doc.word(s)) && !doc.toks[s].is_all_caps(),
        };
        // The name before the bracket is a player's: two or more capitalised words.
        let player = s >= 3 && doc.toks[s - 3].is_capitalised() && doc.same_sentence(s - 3, s);
        if !place || !player {
            return false;
        }
        self.add_club(s, e, 0.8, "a player's club, in brackets after the name");
        true
    }

    /// "Florian Hochleitner (AUT)": a country's code in brackets after a name. Returns whether
    /// it added one.
    pub(super) fn country_code(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let code = doc.word(s);
        if e != s + 1
            || s < 2
            || e >= doc.toks.len()
            || doc.word(s - 1) != "("
            || doc.word(e) != ")"
            || !doc.toks[s - 2].is_capitalised()
            || !is_country_code(code)
            || self.spells_out(s - 1, code)
        {
            return false;
        }
        self.add(
            s,
            e,
            "GPE",
            0.8,
            "country-code",
            format!("{} is a country's code, after a competitor", q(code)),
        );
        true
    }

    /// Whether the brackets at tokens `open` and `close` hold one to three words that make a
    /// country: a place another engine knows, a nationality, or a code in capitals ("ESP",
    /// "U.S.").
    fn country_in_brackets(&self, open: usize, close: usize) -> bool {
        let doc = self.doc;
        if close <= open + 1 || close > open + 4 {
            return false;
        }
        let t = &doc.toks[open + 1];
        doc.known_cover[open + 1]
            .is_some_and(|k| matches!(doc.known[k as usize].label.as_str(), "GPE" | "LOC" | "NORP"))
            || (close == open + 2
                && t.is_all_caps()
                && (2..=4).contains(&t.len())
                && !self.abbreviates(open, doc.word(open + 1)))
            || lexicons()
                .places
                .contains_key(&doc.text_of(open + 1, close).to_uppercase())
    }

    /// Whether `code` abbreviates two or more capitalised words just before token `open`, its
    /// letters in order from the first word's initial: "Esquerda Nova (EN)", "Nederlandse
    /// Havenarbeidersbond (NHB)" are an organisation and its acronym, not an athlete and a
    /// country.
    fn abbreviates(&self, open: usize, code: &str) -> bool {
        let doc = self.doc;
        // A country's code abbreviates only the words it spells out exactly: "Partai Amanat
        // Kepulauan (PAK)", not "Chen Hsin (CHN)".
        if is_country_code(code) {
            return self.spells_out(open, code);
        }
        // "Gary Bell (GB) 10.21": a two-letter country's code is a country whatever it spells.
        if matches!(code, "GB" | "UK" | "US" | "NZ" | "SA" | "HK" | "PR") {
            return false;
        }
        let mut start = open;
        while start > 0
            && open - start < 8
            && doc.is_word(start - 1)
            && doc.toks[start - 1].is_capitalised()
        {
            start -= 1;
        }
        // From any word of the run: "The Nederlandse Havenarbeidersbond (NHB)".
        (start..open.saturating_sub(1)).any(|s| {
            let letters: String = doc.text_of(s, open).to_uppercase();
            let mut rest = code.chars().filter(|c| c.is_alphabetic());
            let Some(first) = rest.next() else {
                return false;
            };
            let mut it = letters.chars();
            it.next() == Some(first) && rest.all(|c| it.any(|l| l == c))
        })
    }

    /// Whether the words before token `open` spell `code` out: "Mutually Assured Destruction
    /// (MAD)" is an acronym, not a country's code.
    fn spells_out(&self, open: usize, code: &str) -> bool {
        let doc = self.doc;
        let n = code.chars().count();
        if open < n {
            return false;
        }
        let initials: String = (open - n..open)
            .filter_map(|k| doc.word(k).chars().next())
            .collect();
        initials.to_uppercase() == code
    }

    /// "4. Žiga Kranjc (Slovenia) Mareno-Vitali +0:21": in a results row, the name between a
    /// rider's country and the time is the rider's team. Returns whether it added one.
    pub(super) fn rider_team(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let line = doc.line[s] as usize;
        let (la, lb) = doc.lines[line];
        if s < la + 4 || e - s > 3 || !doc.list_line[line] || doc.word(s - 1) != ")" {
            return false;
        }
        let Some(open) = (s.saturating_sub(5).max(la)..s - 1)
            .rev()
            .find(|&k| doc.word(k) == "(")
        else {
            return false;
        };
        if open == la
            || !doc.toks[open - 1].is_capitalised()
            || !self.country_in_brackets(open, s - 1)
        {
            return false;
        }
        // A time, a gap or points after it, or nothing.
        let timed = e == lb
            || doc.toks[e].kind == TokenKind::Number
            || matches!(doc.word(e), "+" | "at" | "s.t." | "same");
        if !timed || doc.known_label(s, e).is_some_and(|l| l != "ORG") || self.is_country(s, e) {
            return false;
        }
        self.add(
            s,
            e,
            "ORG",
            0.75,
            TEAM_ROW_RULE,
            format!("{}: a team after a rider's country", q(doc.text_of(s, e))),
        );
        true
    }

    /// A cricket scorecard row: "Hamid Rauf c Jones b Pellew 94", "Usman Gill run out 41",
    /// "Asad Rehman lbw b Whitcombe 3": the batter opening the row, and the fielder and the
    /// bowler after "c", "st" and "b", are people. Returns whether it added one.
    pub(super) fn scorecard_row(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let line = doc.line[s] as usize;
        let (la, lb) = doc.lines[line];
        if e - s > 3 || lb < la + 3 || doc.toks[lb - 1].kind != TokenKind::Number {
            return false;
        }
        let how = |k: usize| {
            k < lb
                && matches!(
                    doc.word(k),
                    "c" | "b" | "st" | "lbw" | "run" | "not" | "retired" | "hit" | "handled"
                )
        };
        // Nothing else in lower case: a scorecard, not a sentence.
        let scorecard_word = |w: &str| {
            matches!(
                w,
                "c" | "b"
                    | "st"
                    | "lbw"
                    | "run"
                    | "out"
                    | "not"
                    | "retired"
                    | "hurt"
                    | "hit"
                    | "wicket"
                    | "handled"
                    | "ball"
            )
        };
        if !(la..lb).any(how) || (la..lb).any(|k| doc.is_lower_word(k, |w| !scorecard_word(w))) {
            return false;
        }
        let batter = s == la && how(e);
        let fielder = s > la && matches!(doc.word(s - 1), "c" | "b" | "st" | "&");
        if !(batter || fielder) || doc.toks[s].is_all_caps() {
            return false;
        }
        let role = if batter {
            "the batter"
        } else {
            "a fielder or bowler"
        };
        self.add(
            s,
            e,
            "PERSON",
            0.8,
            "scorecard",
            format!("{}: {role} in a cricket scorecard", q(doc.text_of(s, e))),
        );
        true
    }

    /// A match row with scorers: "Daugava Riga 4 (Ozoliņš 2, Kalniņš) Narva Energia 2
    /// (Smirnov)": the sides are clubs (a country stays its national team, a place), and each
    /// name in the brackets — between "(", "," or ";" and ")", ",", ";", the goals or a note —
    /// a scorer. Returns whether it added one.
    pub(super) fn scorers_row_name(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let line = doc.line[s] as usize;
        let (la, lb) = doc.lines[line];
        if e - s > 4 || !doc.toks[la].is_capitalised() {
            return false;
        }
        let Some(row) = scorers_row(doc, la, lb) else {
            return false;
        };
        let known = doc.known_label(s, e);
        if row.teams.contains(&(s, e)) {
            if known.is_some_and(|l| !matches!(l, "GPE" | "LOC" | "ORG")) || self.is_country(s, e) {
                return false;
            }
            self.add_club(s, e, 0.8, "a team in a match result with its scorers");
            return true;
        }
        // Inside a bracket: `s - 1` and `e` are tokens of the line.
        if !row.groups.iter().any(|&(ga, gb)| ga <= s && e <= gb) {
            return false;
        }
        let opens = matches!(doc.word(s - 1), "(" | "," | ";");
        let closes = matches!(doc.word(e), ")" | "," | ";")
            || doc.toks[e].kind == TokenKind::Number
            || doc.is_lower_word(e, |_| true);
        if !opens || !closes || known.is_some_and(|l| l != "PERSON") {
            return false;
        }
        self.add(
            s,
            e,
            "PERSON",
            0.75,
            "results-row",
            "a scorer, in brackets after the team's goals".to_string(),
        );
        true
    }

    /// "Estrela do Minho: Queirós; Leal, Okonkwo, Vilaça; Ferraz (Duarte 66), Ribeiro": in a
    /// sports story, a team's line-up names a player between each comma or semicolon, and a
    /// substitute in brackets with the minute. Returns whether it added one.
    pub(super) fn lineup_player(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let line = doc.line[s] as usize;
        let (_, lb) = doc.lines[line];
        if e - s > 4 || !doc.is_sport_story() {
            return false;
        }
        let Some(colon) = lineup_colon(doc, line) else {
            return false;
        };
        // After the colon (so `s - 1` is a token of the line).
        if s <= colon || !matches!(doc.word(s - 1), ":" | "," | ";" | "(") {
            return false;
        }
        let closes = e == lb
            || matches!(doc.word(e), "," | ";" | ")" | "(" | ".")
            || doc.toks[e].kind == TokenKind::Number;
        // A place a list knows may be a player's name too, but not a club's or a country's
        // bracket after a player ("Leal (Estrela)").
        let bracketed_team = doc.word(s - 1) == "(" && e < lb && doc.word(e) == ")";
        if !closes || bracketed_team || doc.toks[s].is_all_caps() {
            return false;
        }
        if doc
            .known_label(s, e)
            .is_some_and(|l| !matches!(l, "PERSON" | "GPE" | "LOC"))
        {
            return false;
        }
        let head = doc.text_of(doc.lines[line].0, colon);
        let reason = if is_players_head(&head.to_lowercase()) {
            format!("a player listed after {}", q(&format!("{head}:")))
        } else {
            format!("a player in the line-up of {}", q(head))
        };
        self.add(s, e, "PERSON", 0.8, LINEUP_RULE, reason);
        true
    }

    /// Whether `s..e` is one of the two teams of a match row: "Chelsea 2 Arsenal 1", with or
    /// without scorers in brackets.
    pub(super) fn is_match_row_team(&self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let (la, lb) = doc.lines[doc.line[s] as usize];
        let plain = doc.list_line[doc.line[s] as usize]
            && two_teams_row(doc, la, lb).is_some_and(|(a, b)| a == (s, e) || b == (s, e));
        plain || scorers_row(doc, la, lb).is_some_and(|row| row.teams.contains(&(s, e)))
    }

    /// A table row of a team: "Barcelona 10 7 2 1 20 8 23", "Barcelona 2 Milan 1". Returns
    /// whether it added one.
    pub(super) fn table_team(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let line = doc.line[s] as usize;
        let (la, lb) = doc.lines[line];
        if !doc.list_line[line] || e - s > 4 {
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
        // No lower-case words: a table, not a sentence with figures. A note in brackets after
        // the figures does not count: "Volendam 3 Feyenoord 2 (aet)", "… (Ajax won 4-2 on
        // penalties)".
        let row_end = (la + 1..lb)
            .find(|&k| doc.word(k) == "(" && num(k - 1))
            .unwrap_or(lb);
        if (la..row_end).any(|k| doc.is_lower_word(k, |w| !is_list_filler(w))) {
            return false;
        }
        // Per cent changes make a company's or a market's table: "Europe 702 / 690 / +1.7%"
        // is a division's revenue.
        if (la..lb).any(|k| doc.word(k) == "%") {
            return false;
        }
        // "Go Ahead Eagles 1 Utrecht 1", "AZ Alkmaar 2 NAC Breda 0": two teams and their goals
        // make the row, so a team may be several words or start in capitals.
        let match_row =
            two_teams_row(doc, start, row_end).is_some_and(|(a, b)| a == (s, e) || b == (s, e));
        // Outside a sports report a table's rows are districts, parties or companies
        // ("Sunamganj 17 620,000 94,000", "Independents 5 0 5").
        if !match_row && !doc.is_sport_story() {
            return false;
        }
        // A first name alone is a club in a match row ("Chelsea 2 Arsenal 1") or when a list
        // knows it as a place ("Milan 4 3 1 0 9 2 10").
        let known = doc.known_label(s, e);
        if (known.is_none() && !match_row && self.rules.first_names.contains_key(doc.word(s)))
            || known.is_some_and(|l| !matches!(l, "GPE" | "LOC" | "ORG"))
        {
            return false;
        }
        // A team in capitals ("BOSTON 68 65 .511 7" under "EASTERN DIVISION") only for a place
        // a list knows: a headline in capitals may hold figures too.
        let caps_place = doc.toks[s].is_all_caps()
            && lexicons()
                .places
                .contains_key(&doc.text_of(s, e).to_uppercase());
        if self.is_country(s, e) || (doc.caps_line[line] && known.is_none() && !caps_place) {
            return false;
        }
        let known = known.is_some() || caps_place;
        let w = doc.word(s);
        if !known
            && !match_row
            && !self.is_town_and_nickname(s, e)
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
                        | "Others"
                        | "Other"
                        | "Turnout"
                        | "Invalid"
                        | "Blank"
                        | "Votes"
                        | "Seats"
                )
                || doc.toks[s].is_all_caps()
                || doc.lower_seen(w))
        {
            return false;
        }
        let score = if known {
            0.9
        } else if match_row {
            0.75
        } else {
            0.65
        };
        self.add_club(s, e, score, "a team in a table of results");
        true
    }
}

/// The colon of a line-up in the line `line`: one to six capitalised words (the team) and a
/// colon, then seven names or more between commas and semicolons, with only numbers,
/// brackets, initials' stops and hyphens besides ("15-Sione Vatu"), and a captain's mark; or
/// any number of names after a head that lists players ("Yellow cards:", "Substitutes:").
fn lineup_colon(doc: &RuleText, line: usize) -> Option<usize> {
    let (a, b) = doc.lines[line];
    let colon = (a + 1..(a + 7).min(b)).find(|&k| doc.word(k) == ":")?;
    let name_word = |k: usize| {
        doc.is_word(k)
            && (doc.toks[k].is_capitalised()
                || is_particle(doc.word(k))
                || is_particle_prefixed(doc.word(k)))
    };
    // "Yellow cards: Leal, Ribeiro (Estrela); Falcão (Coimbra)": a list of players by its
    // head, however short.
    let players_head = is_players_head(&doc.text_of(a, colon).to_lowercase());
    if !players_head && !(a..colon).all(name_word) {
        return None;
    }
    let mut seps = 0;
    let mut names = 0;
    let mut places = 0;
    for k in colon + 1..b {
        let w = doc.word(k);
        match doc.toks[k].kind {
            TokenKind::Number => {}
            TokenKind::Word if name_word(k) => {
                if !name_word(k - 1) {
                    names += 1;
                    let place = doc
                        .covered_as(k)
                        .is_some_and(|l| matches!(l, "GPE" | "LOC"));
                    places += usize::from(place);
                }
            }
            TokenKind::Word if matches!(w, "capt" | "c" | "gk" | "sub") => {}
            TokenKind::Punct if matches!(w, "," | ";") => seps += 1,
            TokenKind::Punct if matches!(w, "(" | ")" | "." | "-" | "–" | "'" | "’") => {}
            _ => return None,
        }
    }
    // "Venues: Tokyo, Osaka, Sapporo, …" is a list of places.
    let lineup = seps >= 6 && names >= 7 && places * 3 < names;
    (lineup || (players_head && names >= 1)).then_some(colon)
}

/// The head of a list of players in a match report ("Yellow cards:", "Substitutes:").
fn is_players_head(head: &str) -> bool {
    matches!(
        head,
        "yellow card"
            | "yellow cards"
            | "red card"
            | "red cards"
            | "sent off"
            | "booked"
            | "bookings"
            | "cautioned"
            | "substitutes"
            | "subs"
            | "replacements"
            | "squad"
            | "sin bin"
            | "sin-binned"
    )
}

/// What a club does in a list of transfers ("Hokuriku Thunder (Japan) - signed …").
fn is_transfer_verb(w: &str) -> bool {
    matches!(
        w,
        "signed"
            | "re-signed"
            | "sold"
            | "loaned"
            | "released"
            | "appointed"
            | "sacked"
            | "bought"
            | "acquired"
            | "recalled"
            | "hired"
            | "fired"
            | "transferred"
    )
}

/// A minute of a match as scorers' lists write it: "12th", "90th", "45+2" is written with
/// its parts.
fn is_minute(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    (1..=3).contains(&digits.len())
        && digits.bytes().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th" | "min")
}

/// A row "TEAM GOALS TEAM GOALS" in `a..b` (tokens): each team one to four capitalised words.
/// Returns the two teams' token ranges.
fn two_teams_row(doc: &RuleText, a: usize, b: usize) -> Option<((usize, usize), (usize, usize))> {
    let numbers: Vec<usize> = (a..b)
        .filter(|&k| doc.toks[k].kind == TokenKind::Number)
        .collect();
    let [n1, n2] = numbers[..] else {
        return None;
    };
    let team = |s: usize, e: usize| {
        (1..=4).contains(&(e.saturating_sub(s)))
            && (s..e).all(|k| doc.is_word(k) && doc.toks[k].is_capitalised())
    };
    (n2 + 1 == b && team(a, n1) && team(n1 + 1, n2)).then_some(((a, n1), (n1 + 1, n2)))
}

/// A match row with its scorers in brackets after each side's goals: "Daugava Riga 4 (Ozoliņš
/// 2, Kalniņš) Narva Energia 2 (Smirnov)", optionally followed by a note ("- after
/// overtime", "(aet)", ". Halftime 1-1"). Returns the two teams' token ranges and the brackets' insides.
fn scorers_row(doc: &RuleText, a: usize, b: usize) -> Option<ScorersRow> {
    let team_end = |s: usize| {
        let mut k = s;
        while k < b && k < s + 4 && doc.is_word(k) && doc.toks[k].is_capitalised() {
            k += 1;
        }
        (k > s && k < b && doc.toks[k].kind == TokenKind::Number).then_some(k)
    };
    // The brackets after a side's goals, from `open` (a "("): their inside and what follows.
    let group = |open: usize| {
        if open >= b || doc.word(open) != "(" {
            return None;
        }
        let close = (open + 1..b).find(|&k| matches!(doc.word(k), ")" | "("))?;
        (doc.word(close) == ")" && close > open + 1).then_some((open + 1, close))
    };
    let n1 = team_end(a)?;
    let g1 = group(n1 + 1);
    let second = g1.map_or(n1 + 1, |g| g.1 + 1);
    let n2 = team_end(second)?;
    let g2 = group(n2 + 1);
    let rest = g2.map_or(n2 + 1, |g| g.1 + 1);
    // The row ends, or a note follows: "- after overtime", "(aet)", ". Halftime 1-1.
    // Attendance 5,950" (after a full stop, even without scorers: "Breda 0 Haarlem 0.").
    let stop = rest < b && doc.word(rest) == ".";
    let ends = rest == b || stop || matches!(doc.word(rest), "-" | "–" | "(");
    if !ends || (g1.is_none() && g2.is_none() && !stop) {
        return None;
    }
    Some(ScorersRow {
        teams: [(a, n1), (second, n2)],
        groups: [g1, g2].into_iter().flatten().collect(),
    })
}

/// What [`scorers_row`] finds in a line.
struct ScorersRow {
    teams: [(usize, usize); 2],
    groups: Vec<(usize, usize)>,
}
