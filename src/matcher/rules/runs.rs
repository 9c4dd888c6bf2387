//! Stage 1: capitalised sequences. Sentence by sentence, capitalised words joined by connectors
//! inside names ("Bank of England", "Ludwig van Beethoven", "Food and Drug Administration",
//! "Marks & Spencer"), then trimmed of determiners, weekdays, months and sentence-initial words
//! without evidence; each trimmed run goes to `classify`.

use crate::matcher::model::usually_lower;
use crate::text::TokenKind;

use super::finder::Finder;
use super::text::Evidence;
use super::words::{
    is_initial_function_word, is_of_head, is_particle, is_particle_prefixed, is_place_shaped,
    is_swahili_org_opener, is_title_core, is_weekday, month, org_head,
};

impl<'d> Finder<'_, 'd> {
    // -- Stage 1: capitalised sequences ------------------------------------------------------

    /// Find capitalised sequences sentence by sentence and type each one.
    pub(super) fn runs(&mut self) {
        let doc = self.doc;
        for k in 0..doc.sentences.len() {
            let (a, b) = doc.sentences[k];
            let headline = doc.headline[k];
            let mut i = a;
            while i < b {
                if !self.run_word(i, headline) {
                    i += 1;
                    continue;
                }
                let s = i;
                let mut e = i + 1;
                loop {
                    if e < b && self.run_word(e, headline) {
                        e += 1;
                    } else if let Some(next) = self.connector_end(s, e, b, headline) {
                        e = next;
                    } else {
                        break;
                    }
                }
                self.type_run(s, e);
                i = e;
            }
        }
    }

    /// A word that may be in a run here. In a headline, only words with evidence elsewhere.
    fn run_word(&self, i: usize, headline: bool) -> bool {
        let doc = self.doc;
        let pair =
            |a: usize| a + 1 < doc.toks.len() && doc.cap_pairs.contains(doc.text_of(a, a + 2));
        doc.is_name_word(i)
            && !doc.ticker[i]
            && (!headline
                || doc.evidence(i, self.rules) == Evidence::Name
                || pair(i)
                || (i > 0 && pair(i - 1)))
    }

    /// When connectors at `e` join the run `s..e` to a following name word, the new end.
    fn connector_end(&self, s: usize, e: usize, b: usize, headline: bool) -> Option<usize> {
        let doc = self.doc;
        if e >= b || e == s {
            return None;
        }
        let last = doc.word(e - 1);
        let t = &doc.toks[e];
        if t.kind == TokenKind::Punct {
            // "Johnson & Johnson", "Marks & Spencer".
            return (doc.word(e) == "&" && e + 1 < b && self.run_word(e + 1, headline))
                .then_some(e + 2);
        }
        if !doc.is_word(e) || t.is_capitalised() {
            return None;
        }
        // A lower-case word inside a list's entry ("Dar es Salaam Stock Exchange"): the run
        // goes on through the entry.
        if let Some(x) = doc.known_cover[e - 1]
            && e + 1 < b
            && doc.known_cover[e] == Some(x)
            && doc.known_cover[e + 1] == Some(x)
            && self.run_word(e + 1, headline)
        {
            return Some(e + 2);
        }
        let w = doc.word(e);
        if is_particle(w) {
            let mut k = e + 1;
            if k < b && doc.is_lower_word(k, is_particle) {
                k += 1; // "van der", "de la"
            }
            let ok = org_head(last).is_none() && k < b && self.run_word(k, headline);
            return ok.then_some(k + 1);
        }
        match w {
            "of" => {
                let mut k = e + 1;
                if k < b && doc.word(k) == "the" {
                    k += 1;
                }
                // "Society of Canada" after a name ("Doctor Who Society") is the society's place,
                // not its name; "Bank of England" with the head first is one name, and so is
                // "Central Bank of Egypt": a bank, ministry or court takes its country along.
                let place_after_name = e - 1 > s
                    && !matches!(last, "Bank" | "Court" | "Ministry")
                    && doc.known_cover[k.min(b - 1)].is_some_and(|x| {
                        matches!(doc.known[x as usize].label.as_str(), "GPE" | "LOC")
                    });
                (is_of_head(last) && k < b && self.run_word(k, headline) && !place_after_name)
                    .then_some(k + 1)
            }
            "at" => {
                // "University of North Carolina at Chapel Hill".
                let university = (s..e).any(|x| matches!(doc.word(x), "University" | "College"))
                    && (s..e).any(|x| doc.word(x) == "of");
                (university && e + 1 < b && self.run_word(e + 1, headline)).then_some(e + 2)
            }
            "for" | "on" => {
                let ok = (org_head(last).is_some() || is_title_core(last))
                    && e + 1 < b
                    && self.run_word(e + 1, headline);
                ok.then_some(e + 2)
            }
            "and" => {
                // Only inside an organisation's name: the part after "and" ends in a head word.
                let mut k = e + 1;
                while k < b && self.run_word(k, headline) {
                    k += 1;
                }
                // "Food and Drug Administration", "Department of Health and Human Services", but
                // not "the United States and Russian Federation".
                let of_phrase = (s..e).any(|x| doc.word(x) == "of");
                // Three words after "and" only after a word written in lower case as a rule
                // ("Economic and Financial Crimes Court", not "Walmart and Dollar General Corp").
                let ok = ((2..=3).contains(&(k - e))
                    || (k - e == 4 && e - s == 1 && usually_lower(doc.word(s))))
                    && org_head(last).is_none()
                    && org_head(doc.word(k - 1)).is_some()
                    && (e - s == 1 || of_phrase)
                    && !is_place_shaped(doc.text_of(e + 1, k));
                // "Ministry of Disaster Management and Relief", "Ministry of Finance and
                // Economy": a body of something takes a second field along, a common noun
                // written in capitals, not a name ("Bank of England and France" stays two).
                let field = !ok
                    && (2..=3).contains(&(k - e))
                    && (s + 1..e)
                        .any(|x| doc.word(x) == "of" && org_head(doc.word(x - 1)).is_some())
                    && (e + 1..k).all(|x| usually_lower(doc.word(x)));
                (ok || field).then_some(k)
            }
            // "Chama cha Haki na Usawa", "Muungano wa Wafanyabiashara Wadogo": Swahili names
            // of parties and associations join their words with "cha", "wa", "ya", "za", "na".
            "cha" | "wa" | "ya" | "za" | "na" if is_swahili_org_opener(doc.word(s)) => {
                (e + 1 < b && self.run_word(e + 1, headline)).then_some(e + 2)
            }
            _ => None,
        }
    }

    /// Cut function words, dates and unsupported sentence-initial words off a run's edges.
    /// Returns the trimmed run and whether its first word is still unsure.
    pub(super) fn trim(&self, mut s: usize, mut e: usize) -> Option<(usize, usize, bool)> {
        let doc = self.doc;
        let skip_connectors = |mut s: usize, e: usize| {
            while s < e && !doc.toks[s].is_capitalised() && !is_particle_prefixed(doc.word(s)) {
                s += 1;
            }
            s
        };
        let month_trims = |i: usize| match month(doc.word(i)) {
            Some(true) => true,
            Some(false) => doc
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number),
            None => false,
        };
        loop {
            if s >= e {
                return None;
            }
            let w = doc.word(s);
            let drop = matches!(w, "The" | "A" | "An")
                || (doc.ambiguous[s] && is_initial_function_word(w))
                || is_weekday(w)
                || month_trims(s);
            if !drop {
                break;
            }
            s = skip_connectors(s + 1, e);
        }
        while e > s {
            let w = doc.word(e - 1);
            let t = &doc.toks[e - 1];
            if is_weekday(w)
                || month_trims(e - 1)
                || !(t.is_capitalised() || is_particle_prefixed(w))
            {
                e -= 1;
            } else {
                break;
            }
        }
        if s >= e {
            return None;
        }
        let mut unsure = false;
        if doc.ambiguous[s] {
            match doc.evidence(s, self.rules) {
                Evidence::Name => {}
                // "New Zealand" at a sentence start: "new" is a word, "New Zealand" a name.
                Evidence::NotName
                    if e - s >= 2 && doc.cap_pairs.contains(doc.text_of(s, s + 2)) => {}
                // "Van der Straaten" at a sentence start: "van" in "Piet van Dam" is the same
                // particle, and a surname that opens with it keeps it capitalised.
                Evidence::NotName if e - s >= 2 && is_particle(&doc.word(s).to_lowercase()) => {
                    unsure = true
                }
                Evidence::NotName => {
                    s = skip_connectors(s + 1, e);
                    if s >= e {
                        return None;
                    }
                }
                Evidence::Unknown => unsure = true,
            }
        }
        Some((s, e, unsure))
    }

    fn type_run(&mut self, s0: usize, e0: usize) {
        let Some((s, e, unsure)) = self.trim(s0, e0) else {
            return;
        };
        if (2..=4).contains(&(e - s)) {
            self.names.push((s, e));
        }
        self.runs.push((s, e));
        self.type_trimmed(s, e, unsure, true);
    }
}
