//! Organisations without a head word: the press by name ("Reuters", "the Guardian reported")
//! and companies by the words around them ("truck maker Volvo", "Volvo shares", "Kaneda Steel
//! rose 3.2 percent", "Van der Straaten, a Dutch shipper,").

use crate::text::TokenKind;

use super::finder::{Finder, q};
use super::lexicons::{
    is_appositive_company_noun, is_company_attribute, is_company_noun, is_company_of,
    is_company_role, is_press_verb, lexicons,
};
use super::words::{is_commodity, is_figure_modifier, is_weekday, month, org_head};

impl<'d> Finder<'_, 'd> {
    /// A news agency, newspaper or broadcaster by name. Returns whether it added one.
    pub(super) fn media(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let name = doc.text_of(s, e);
        let Some(&ambiguous) = lexicons().media.get(name) else {
            return false;
        };
        if doc.known_label(s, e).is_some_and(|l| l != "ORG") {
            return false;
        }
        // "the Nikkei average rose", "Nikkei 41,236.58": where the document uses the name for
        // the index the paper gives it to, the name is the index throughout.
        if is_market_index(name) && doc.is_index_here(name) {
            return false;
        }
        if ambiguous {
            // "the Guardian reported", "told the Independent": "the" and a cue of the press.
            let the = s >= 1 && doc.word(s - 1) == "the";
            let verb_after = doc.is_lower_word(e, is_press_verb);
            let cue_before = s >= 2
                && doc.is_lower_word(s - 2, |w| {
                    matches!(w, "told" | "by" | "with" | "in" | "to" | "interview")
                });
            if !(the && (verb_after || cue_before)) {
                return false;
            }
        }
        self.add(
            s,
            e,
            "ORG",
            0.85,
            "media",
            format!("{} is a news agency, newspaper or broadcaster", q(name)),
        );
        true
    }

    /// "Brouwerij Hopfeld (HOPF.AS) raised", "Kilimo Bora Holdings KLB.NR FY 2.3 bln": the
    /// name right before a stock ticker, bare or in brackets, is the company's. Returns
    /// whether it added one.
    pub(super) fn before_ticker(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut j = e;
        if j < n && matches!(doc.word(j), "(" | "[") {
            j += 1;
        }
        if j >= n || !doc.ticker[j] || doc.ticker[j - 1] || e - s > 6 {
            return false;
        }
        // "Brewer Brouwerij Hopfeld (HOPF.AS)" opening a sentence: the brewer is not named so;
        // but "Bank of Montreal (BMO.TO)" and "Bank Mandiri (BMRI.JK)" are banks' names.
        let mut s = s;
        while s + 1 < e
            && (doc.ambiguous[s] || (s > 0 && matches!(doc.word(s - 1), "-" | "–" | "—")))
            && org_head(doc.word(s)).is_none()
            && doc.toks[s + 1].is_capitalised()
            && is_company_noun(&doc.word(s).to_lowercase())
        {
            s += 1;
        }
        if doc.known_label(s, e).is_some_and(|l| l != "ORG") {
            return false;
        }
        let code_end = (j..n).take_while(|&k| doc.ticker[k]).last().unwrap_or(j) + 1;
        let code = doc.text_of(j, code_end);
        self.add(
            s,
            e,
            "ORG",
            0.85,
            "ticker",
            format!("a company: its stock ticker {} after it", q(code)),
        );
        true
    }

    /// "Tamarack Lake shares rose 5.7 percent", "Sahl al-Yamama's shares fell": the name whose
    /// shares move is a company's — not a place's market ("Tokyo shares rose"). Returns
    /// whether it added one.
    pub(super) fn shares_moved(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut k = e;
        if k < n && doc.toks[k].kind == TokenKind::Possessive {
            k += 1;
        }
        if k + 1 >= n
            || doc.word(k) != "shares"
            || !doc.same_sentence(s, k + 1)
            || !doc.is_lower_word(k + 1, |w| {
                is_market_verb(w) || matches!(w, "were" | "closed" | "ended")
            })
            || doc.in_headline(s)
        {
            return false;
        }
        if doc.known_label(s, e).is_some_and(|l| l != "ORG")
            || lexicons()
                .places
                .contains_key(&doc.text_of(s, e).to_uppercase())
        {
            return false;
        }
        let name = doc.text_of(s, e);
        let reason = format!("a company: “{name} shares {}”", doc.word(k + 1));
        self.add(s, e, "ORG", 0.8, "company", reason);
        true
    }

    /// "truck maker Volvo", "shares of Nestle", "Volvo shares", "Nestle's profit", "Salzgitter
    /// added 1.9 percent": a company.
    /// Returns whether it added one.
    pub(super) fn company(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        if e - s > 3 || doc.in_headline(s) || !doc.same_sentence(s, e.saturating_sub(1)) {
            return false;
        }
        if doc.known_label(s, e).is_some_and(|l| l != "ORG") || doc.known_cover[s].is_some() {
            return false;
        }
        // "the contract for April rose 1.4 percent", "Nickel jumped 4 percent", "Operating
        // profit fell".
        if e - s == 1 && {
            let w = doc.word(s);
            month(w).is_some() || is_weekday(w) || is_commodity(w) || is_figure_modifier(w)
        } {
            return false;
        }
        let before = s.checked_sub(1).filter(|&p| doc.same_sentence(p, s));
        // "Ethiopian rival Tigist Girma": in sport a rival is a player or a club.
        let noun_before = before.is_some_and(|p| {
            (doc.is_lower_word(p, is_company_noun)
                || (doc.word(p) == "surveyor" && p >= 1 && doc.word(p - 1) == "cargo"))
                && !(matches!(doc.word(p), "rival" | "rivals" | "competitor")
                    && doc.is_sport_story())
        });
        let of_before = before.is_some_and(|p| {
            matches!(doc.word(p), "of" | "in" | "for")
                && p >= 1
                && (doc.is_lower_word(p - 1, is_company_of)
                    // "Shares in Cantábrico had risen", capitalised (opening a sentence or a
                    // line); not a place's market ("Shares in Europe fell").
                    || (doc.word(p - 1) == "Shares"
                        && doc.word(p) != "for"
                        && !lexicons()
                            .places
                            .contains_key(&doc.text_of(s, e).to_uppercase())))
        });
        // "chief executive of Itaberaba", "a partner at Pennington Rhodes", "head of marketing
        // at Jubail Nitrogen": a company role right before "of" or "at" names the employer.
        let employer = !of_before
            && before.is_some_and(|p| {
                let at = doc.word(p) == "at";
                // The role right before "of" or "at" ("The chairman spoke at Davos" is no
                // employer; nor is "a police officer at Heathrow").
                let role = p >= 1
                    && doc.is_lower_word(p - 1, |w| {
                        is_company_role(w) && !(at && matches!(w, "officer" | "owner" | "manager"))
                    });
                // "head of marketing at …" (not "the customary head of Sungai Lendu").
                let head = at
                    && p >= 3
                    && doc.word(p - 3) == "head"
                    && doc.word(p - 2) == "of"
                    && doc.same_sentence(p - 3, p);
                (at || doc.word(p) == "of") && (role || head)
            });
        let possessive = e < doc.toks.len() && doc.toks[e].kind == TokenKind::Possessive;
        let attr_at = if possessive { e + 1 } else { e };
        let attr_after = attr_at < doc.toks.len()
            && doc.same_sentence(s, attr_at)
            && doc.is_lower_word(attr_at, is_company_attribute)
            // "Volvo chairman" is the company's; "the chairman" is not a cue by itself.
            && (possessive || doc.word(attr_at) != "chairman" || e - s == 1)
            // "Mirela Kovac shares her view": a verb.
            && !(attr_at + 1 < doc.toks.len()
                && matches!(doc.word(attr_at), "shares" | "share")
                && matches!(
                    doc.word(attr_at + 1),
                    "her" | "his" | "their" | "its" | "the" | "a" | "an" | "my" | "our" | "your"
                        | "this" | "that" | "these" | "those" | "some" | "many" | "much"
                ));
        // "Kaneda Steel rose 3.2 percent to 412 yen": a market report's mover.
        let mover = !attr_after && self.market_mover(s, e);
        let why = if noun_before {
            let noun = before.map(|p| doc.word(p)).unwrap_or_default();
            format!("{} before it", q(noun))
        } else if of_before || employer {
            let p = before.unwrap_or(s);
            format!(
                "“{} {}” before it",
                doc.word(p.saturating_sub(1)),
                doc.word(p)
            )
        } else if attr_after {
            format!("{} after it", q(doc.word(attr_at)))
        } else if mover {
            format!("{} by a figure after it", q(doc.word(e)))
        } else {
            return false;
        };
        self.add(s, e, "ORG", 0.75, "company", format!("a company: {why}"));
        true
    }

    /// "Orzeł Chief Executive Tomasz Zieliński", "Harrowgate Managing Partner Caroline
    /// Whitfield": before a company's title and its holder, a name nothing else knows is the
    /// company (a place or a nationality stays what it is: "Kenya Vice President …").
    /// `k..j` is the title. Returns whether it added one.
    pub(super) fn company_before_title(&mut self, s: usize, k: usize, j: usize) -> bool {
        let doc = self.doc;
        let corporate = (k..j).any(|i| {
            matches!(
                doc.word(i),
                "Executive"
                    | "Managing"
                    | "CEO"
                    | "CFO"
                    | "COO"
                    | "Chairman"
                    | "Chairwoman"
                    | "Partner"
                    | "Officer"
            )
        }) || doc.text_of(k, j) == "Vice President";
        // "Outgoing Chief Executive …", "Democratic Vice President …": an adjective, no company.
        let adjective = matches!(
            doc.word(s),
            "Outgoing"
                | "Incoming"
                | "New"
                | "Joint"
                | "Independent"
                | "Non-Executive"
                | "Global"
                | "Group"
                | "Former"
                | "Acting"
                | "Interim"
                | "Deputy"
                | "Senior"
                | "Executive"
                | "Democratic"
                | "Republican"
                | "Co"
                | "Regional"
                | "Retired"
        );
        if !corporate
            || adjective
            || (s..k).any(|i| doc.lower_seen(doc.word(i)))
            || (doc.ambiguous[s] && crate::matcher::model::usually_lower(doc.word(s)))
            || k - s > 4
            || doc.known_label(s, k).is_some_and(|l| l != "ORG")
            || (s..k).any(|i| doc.covered_as(i).is_some_and(|l| l != "ORG"))
            || self.is_demonym(s)
        {
            return false;
        }
        let reason = format!("a company: its title {} after it", q(doc.text_of(k, j)));
        self.add(s, k, "ORG", 0.75, "company", reason);
        true
    }

    /// "Van der Straaten, a Dutch dry bulk shipper, said", "Sato, the Osaka-based carmaker,":
    /// a name followed by what it is, a company noun ending a short description. Returns
    /// whether it added one.
    pub(super) fn company_apposition(&mut self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        if e + 3 >= n
            || doc.in_headline(s)
            || doc.word(e) != ","
            || !matches!(doc.word(e + 1), "a" | "an" | "the")
            || !doc.same_sentence(s, e + 2)
        {
            return false;
        }
        // Not the end of a longer name cut at a sentence start ("Bank of Malabar, the lender").
        if s >= 1
            && doc.same_sentence(s - 1, s)
            && (matches!(doc.word(s - 1), "of" | "and" | "&") || doc.toks[s - 1].is_capitalised())
        {
            return false;
        }
        // Up to five describing words, then the noun, then the end of the description.
        let mut k = e + 2;
        while k < n && k < e + 8 && doc.same_sentence(s, k) {
            let w = doc.word(k);
            if doc.is_lower_word(k, is_appositive_company_noun) {
                let end_ok = k + 1 >= n
                    || matches!(
                        doc.word(k + 1),
                        "," | "."
                            | ";"
                            | "that"
                            | "which"
                            | "whose"
                            | "with"
                            | "based"
                            | "listed"
                            | "owned"
                            | "controlled"
                            | "and"
                            | "of"
                            | "in"
                    );
                if !end_ok {
                    return false;
                }
                let reason = format!(
                    "a company: “{}, {} … {w}”",
                    doc.text_of(s, e),
                    doc.word(e + 1)
                );
                self.add(s, e, "ORG", 0.8, "company", reason);
                return true;
            }
            let describing = doc.is_word(k)
                && (w.chars().next().is_some_and(char::is_lowercase)
                    || doc.toks[k].is_capitalised()
                    || w.chars().next().is_some_and(|c| c.is_ascii_digit()));
            if !describing || matches!(w, "who" | "whose" | "which" | "of" | "for" | "at") {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether `s..e` is followed by a market verb and a move ("rose 3.2 percent", "fell 12
    /// yen to 830", "added 1.9 pct"), and is no market index ("Nikkei", "Hang Seng", "… Index").
    fn market_mover(&self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let n = doc.toks.len();
        if e >= n || !doc.same_sentence(s, e) || !doc.is_lower_word(e, is_market_verb) {
            return false;
        }
        let name = doc.text_of(s, e);
        let last = doc.word(e - 1);
        // "Inflation rose 2.1 percent": a sentence's first word is a name only if the story
        // capitalises it elsewhere too, or is a market report ("shares", an index) that never
        // writes it in lower case.
        if e - s == 1
            && doc.ambiguous[s]
            && !doc.cap_mid.contains(name)
            && (doc.lower_seen(name) || !doc.is_market_report())
        {
            return false;
        }
        if is_market_index(name) || matches!(last, "Index" | "Average" | "Composite" | "index") {
            return false;
        }
        // A figure within three words, then its unit.
        let Some(k) = (e + 1..(e + 4).min(n)).find(|&k| doc.toks[k].kind == TokenKind::Number)
        else {
            return false;
        };
        k + 1 < n && doc.same_sentence(e, k + 1) && is_move_unit(doc.word(k + 1))
    }
}

/// Verbs of a price's move.
#[rustfmt::skip]
pub(super) fn is_market_verb(w: &str) -> bool {
    matches!(
        w,
        "rose" | "fell" | "gained" | "lost" | "added" | "slipped" | "climbed" | "jumped"
            | "dropped" | "eased" | "shed" | "advanced" | "declined" | "firmed" | "tumbled"
            | "slumped" | "surged" | "plunged" | "soared" | "rallied" | "edged" | "dipped"
            | "sank" | "retreated" | "slid" | "rebounded"
    )
}

/// What a move is counted in: "percent", "%", "cents", "yen", "points" is left out: indices
/// move by points, companies seldom.
#[rustfmt::skip]
fn is_move_unit(w: &str) -> bool {
    matches!(
        w,
        "percent" | "per" | "%" | "pct" | "cents" | "cent" | "pence" | "yen" | "won" | "euros"
            | "euro" | "rupees" | "ringgit" | "baht" | "pesos" | "kronor" | "crowns" | "francs"
            | "zlotys" | "rand" | "dollars" | "lira" | "yuan" | "rupiah"
    )
}

/// Share indices, named in market reports as if they were companies.
#[rustfmt::skip]
pub(super) fn is_market_index(name: &str) -> bool {
    matches!(
        name,
        "Nikkei" | "Topix" | "TOPIX" | "KOSPI" | "Kospi" | "Hang Seng" | "DAX" | "FTSE" | "CAC"
            | "Dow" | "Dow Jones" | "Nasdaq" | "S&P" | "Sensex" | "Nifty" | "IBEX" | "SMI" | "AEX"
            | "BEL" | "OMX" | "WIG" | "BUX" | "PX" | "ATX" | "ASX" | "TAIEX" | "Straits Times"
            | "Shanghai Composite" | "Jakarta Composite" | "MIB" | "PSI" | "ISE" | "BIST" | "Merval"
            | "Bovespa" | "IPC" | "Tadawul" | "C25" | "OBX" | "KLCI" | "SET" | "PSEi"
    )
}
