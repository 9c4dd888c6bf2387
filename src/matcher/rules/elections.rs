//! Parties in an election's or a vote's results table: "PSM 84 (+11)", "RLN 49 / 5 / 1". Wire
//! copy lists them by their acronyms alone, one row each, and nothing in a row says what the
//! acronym is but the story around it.

use crate::text::TokenKind;

use super::finder::Finder;

/// Words that make a story about an election or a vote.
fn is_election_word(w: &str) -> bool {
    matches!(
        w,
        "election"
            | "elections"
            | "vote"
            | "votes"
            | "voted"
            | "seats"
            | "ballot"
            | "parliament"
            | "coalition"
            | "lawmakers"
            | "deputies"
            | "constituency"
    )
}

impl<'d> Finder<'_, 'd> {
    /// In a story about an election or a vote, an acronym that opens two or more rows of
    /// figures is a party ("PSM 84 (+11)" / "FPT 71 (-19)").
    pub(super) fn party_rows(&mut self) {
        let doc = self.doc;
        let rows: Vec<usize> = doc
            .lines
            .iter()
            .filter(|&&(a, b)| {
                let t = &doc.toks[a];
                b > a + 1
                    && t.kind == TokenKind::Word
                    && t.is_all_caps()
                    && (2..=5).contains(&t.len())
                    && doc.word(a).chars().all(char::is_alphabetic)
                    && doc.toks[a + 1].kind == TokenKind::Number
                    && doc.known_cover[a].is_none()
            })
            .map(|&(a, _)| a)
            .collect();
        if rows.len() < 2 || !(0..doc.toks.len()).any(|k| doc.is_lower_word(k, is_election_word)) {
            return;
        }
        for a in rows {
            let reason = "a party: an acronym opening a row of votes or seats".to_string();
            self.add(a, a + 1, "ORG", 0.75, "party-row", reason);
        }
    }
}
