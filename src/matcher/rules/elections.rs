//! Parties in an election's or a vote's results table: "PSM 84 (+11)", "RLN 49 / 5 / 1". Wire
//! copy lists them by their acronyms alone, one row each, and nothing in a row says what the
//! acronym is but the story around it.

use crate::text::TokenKind;

use super::finder::Finder;
use super::words::{is_short_month, is_weekday};

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

/// Capitals that open rows of figures and are no party: a month or a day in a diary ("JAN 14"),
/// an index, a measure, a currency.
fn is_not_party(w: &str) -> bool {
    let title: String = w
        .chars()
        .enumerate()
        .map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() })
        .collect();
    is_short_month(&title)
        || is_weekday(&title)
        || matches!(
            w,
            "JUNE"
                | "JULY"
                | "SEPT"
                | "MON"
                | "TUE"
                | "WED"
                | "THU"
                | "FRI"
                | "SAT"
                | "SUN"
                | "GDP"
                | "CPI"
                | "PPI"
                | "PMI"
                | "DAX"
                | "CAC"
                | "FTSE"
                | "IBEX"
                | "MIB"
                | "AEX"
                | "SMI"
                | "ATX"
                | "WIG"
                | "BUX"
                | "PX"
                | "OMX"
                | "TSX"
                | "ASX"
                | "USD"
                | "EUR"
                | "GBP"
                | "JPY"
                | "CHF"
                | "CNY"
                | "RUB"
                | "TRY"
                | "PLN"
                | "ZAR"
                | "INR"
                | "BRL"
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
                    && !is_not_party(doc.word(a))
                    // A row of a table: a second figure or a change in brackets ("PSM 84 (+11)"),
                    // not "DAX 15,432".
                    && (a + 2..b).any(|k| {
                        doc.toks[k].kind == TokenKind::Number || doc.word(k) == "("
                    })
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
