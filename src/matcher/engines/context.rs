//! Where the document's context outweighs what a list or the model knows of a string alone:
//! clubs named like their cities or found again, people found again by the surname, a list's
//! name inside a longer name or an "X of Y" organisation (`context_over_lists`); a rule that
//! reads the context over the model's other label (`context_over_model`); the model's names
//! that a head word makes events or places (`head_word_labels`); and where the form of wire
//! copy says a capitalised word is no name at all (a sports headline's slug, a currency code
//! before an amount, a contract month: `drop_wire_forms`), whatever the model learnt from
//! encyclopaedia text. Applied to the engines' findings before they are merged
//! (`Engines::finish`).

use std::collections::HashSet;

use crate::matcher::rules::{event_head, is_short_month, is_sport_slug};
use crate::model::{Document, Proposal, Suggestion};
use crate::text::{is_month_name, is_wire_slug};

/// Where the document's context outweighs what a list knows of the string alone, the list (and
/// the model, which reads the list as a feature) give way before findings are merged — else
/// their agreement would outscore the rule:
/// - a club the rules find by its context ("Milan beat Napoli 2-1", "Milan coach …"): a place
///   on the same span is dropped;
/// - a person the rules find again ("Fujisawa" after "Ryo Fujisawa (Japan)"), or a club
///   ("Barcelona cut the deficit" after "Kiel beat Barcelona 31-28"), but not where something
///   happens ("in Barcelona"): likewise;
/// - a list's name inside a longer name the rules or the model find ("Santiago" in "Santiago
///   Echeverría", "Rotterdam" in "Sparta Rotterdam", "Kafue" in "Kafue River" by its head
///   word), when every word of the longer one is
///   capitalised ("New Zealand government" leaves "New Zealand" alone): the list's finding is
///   dropped.
pub(super) fn context_over_lists(
    doc: &Document,
    found: &mut Vec<Suggestion>,
    from_model: &mut Vec<Suggestion>,
) {
    use crate::matcher::rules::{CLUB_RULE, PARTIAL_RULE};
    let by_rule = |s: &Suggestion, rule: &str, label: &str| {
        s.is_from("rules") && s.label() == label && s.rule.split('+').any(|r| r == rule)
    };
    let mut context: HashSet<(usize, usize)> = HashSet::new();
    let mut longer: Vec<(usize, usize)> = Vec::new();
    // The clubs this document names by a match they played or a table row: found again
    // elsewhere ("Barcelona cut the deficit"), the club still, unless it is where something
    // happens ("the first meeting in Barcelona").
    let clubs: HashSet<&str> = found
        .iter()
        .filter(|s| by_rule(s, CLUB_RULE, "ORG"))
        .map(|s| doc.slice(s.range().0, s.range().1))
        .collect();
    let club_again = |s: &Suggestion| {
        let (a, b) = s.range();
        by_rule(s, PARTIAL_RULE, "ORG")
            && clubs.contains(doc.slice(a, b))
            && !doc.text[..doc.byte_of(a)]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "in" | "from" | "near" | "outside" | "around" | "across" | "of"
                    )
                })
    };
    for s in found.iter().chain(from_model.iter()) {
        if !matches!(s.proposal, Proposal::Span { .. }) {
            continue;
        }
        if by_rule(s, CLUB_RULE, "ORG") || by_rule(s, PARTIAL_RULE, "PERSON") || club_again(s) {
            context.insert(s.range());
        }
        // "Kafue River", "Suez Canal": a place the rules find by its head word holds the city
        // a list knows by the first word.
        let place_by_head = s.is_from("rules")
            && s.label() == "LOC"
            && s.rule.split('+').any(|r| r == LOC_HEAD_RULE);
        if ((s.is_from("rules") || s.is_from(MODEL_ENGINE))
            && matches!(s.label(), "PERSON" | "ORG")
            && s.score >= CONTAINING_SCORE)
            || place_by_head
        {
            longer.push(s.range());
        }
    }
    // A country is its national team, a place (the rules' own convention): where the
    // countries list names the span ("Turkey 1 Nigeria 1", "turkey" being a common word the
    // rules' place lexicon leaves out), the context does not outweigh it.
    if !context.is_empty() {
        for s in found.iter() {
            if s.is_from(GAZETTEER_ENGINE) && s.rule.starts_with(COUNTRIES_LIST) {
                context.remove(&s.range());
            }
        }
    }
    within_of_names(doc, found, from_model);
    learned_within_longer(doc, found, from_model);
    if context.is_empty() && longer.is_empty() {
        return;
    }
    longer.retain(|&(a, b)| a <= b && all_words_capitalised(doc.slice(a, b)));
    let longer = Cover::new(longer);
    let inside = |r: (usize, usize)| longer.strictly_covers(r);
    let place = |s: &Suggestion| matches!(s.label(), "GPE" | "LOC");
    let list_only = |s: &Suggestion| s.engines().all(|e| e == GAZETTEER_ENGINE);
    let drop = |s: &Suggestion| {
        matches!(s.proposal, Proposal::Span { .. })
            && ((place(s) && context.contains(&s.range())) || (list_only(s) && inside(s.range())))
    };
    found.retain(|s| !drop(s));
    from_model.retain(|s| !(place(s) && context.contains(&s.range())));
}

/// Labels that do not contradict each other: the same, or both places ("Hong Kong Island" a
/// place by its head word, a GPE to the model).
fn same_kind(a: &str, b: &str) -> bool {
    a == b || (matches!(a, "GPE" | "LOC") && matches!(b, "GPE" | "LOC"))
}

/// "Central Bank of Egypt", "Office of Competition and Consumer Protection": an organisation
/// the rules find by its head word before "of" holds the place after it; the model's shorter
/// pieces ("Central Bank", "Egypt") and the lists' place inside it give way, else their
/// agreement on the place outscores the whole name.
fn within_of_names(doc: &Document, found: &mut Vec<Suggestion>, from_model: &mut Vec<Suggestion>) {
    let names = Cover::of_names(
        doc,
        found.iter().filter(|s| {
            matches!(s.proposal, Proposal::Span { .. })
                && s.is_from("rules")
                && s.label() == "ORG"
                && s.rule.split('+').any(|r| r == ORG_OF_RULE)
        }),
    );
    if names.is_empty() {
        return;
    }
    let inside = |s: &Suggestion| {
        matches!(s.proposal, Proposal::Span { .. }) && names.strictly_covers(s.range())
    };
    found.retain(|s| !(s.engines().all(|e| e == GAZETTEER_ENGINE) && inside(s)));
    from_model.retain(|s| !inside(s));
}

/// "Egypt" in "Central Bank of Egypt", "Skovgaard" in "Skovgaard Line", "Ireland" in
/// "Northern Ireland": a string the user annotated elsewhere, found again inside a longer name
/// another engine finds (every word capitalised), is a piece of that name and gives way —
/// else its score (the user's own annotation) outranks the whole name. Measured on learning
/// curves (wire stories after 24 documents, WikiGold after 72), such pieces were right 0 times
/// in 63.
fn learned_within_longer(doc: &Document, found: &mut Vec<Suggestion>, from_model: &[Suggestion]) {
    let learned_only = |s: &Suggestion| {
        matches!(s.proposal, Proposal::Span { .. }) && s.engines().all(|e| e == LEARNED_ENGINE)
    };
    if !found.iter().any(learned_only) {
        return;
    }
    let longer = Cover::of_names(
        doc,
        found.iter().chain(from_model).filter(|s| {
            matches!(s.proposal, Proposal::Span { .. })
                && !learned_only(s)
                && s.score >= CONTAINING_SCORE
        }),
    );
    if longer.is_empty() {
        return;
    }
    found.retain(|s| !(learned_only(s) && longer.strictly_covers(s.range())));
}

/// Ranges (code points) that answer "is a..b strictly inside one of them?" in log time — a
/// book has thousands: sorted by start, with the furthest end reached so far.
struct Cover {
    ranges: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Cover {
    /// The ranges of those `findings` whose every word is capitalised ("Central Bank of
    /// Egypt", not "New Zealand government").
    fn of_names<'s>(doc: &Document, findings: impl Iterator<Item = &'s Suggestion>) -> Self {
        Self::new(
            findings
                .map(Suggestion::range)
                .filter(|&(a, b)| a < b && all_words_capitalised(doc.slice(a, b)))
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    fn new(mut ranges: Vec<(usize, usize)>) -> Self {
        ranges.sort_unstable();
        let mut reach: Vec<usize> = Vec::with_capacity(ranges.len());
        for (i, r) in ranges.iter().enumerate() {
            reach.push(if i == 0 { r.1 } else { reach[i - 1].max(r.1) });
        }
        Cover { ranges, reach }
    }

    /// Whether a range starting before `a` reaches `b`, or one starting at `a` ends after `b`.
    fn strictly_covers(&self, (a, b): (usize, usize)) -> bool {
        let before = self.ranges.partition_point(|r| r.0 < a);
        let at_a_longer = self.ranges[before..]
            .iter()
            .take_while(|r| r.0 == a)
            .any(|r| r.1 > b);
        at_a_longer || (before > 0 && self.reach[before - 1] >= b)
    }
}

/// The rules' "X of Y" organisation and place by its head word (`rules::classify`).
const ORG_OF_RULE: &str = "org-of";
const LOC_HEAD_RULE: &str = "loc-head";

/// Rules that read a name's context rather than the name: a title before it, its country in
/// brackets in a results row, its place in a scorecard, a company noun, a match it played, a
/// dateline, a place's head word, the document naming it elsewhere. Measured on the wire
/// stories their labels are right 0.87 to 1.0 of the time, the model's 0.87; where one of them
/// gives a span a label, the model's different label for the same span gives way ("Chloé
/// Girard (France) 54.40" is no organisation because the model has not seen the name).
const CONTEXT_RULES: &[&str] = &[
    "title",
    "results-row",
    "scorecard",
    "company",
    "dateline",
    "loc-head",
    "org-head",
    "org-of",
    "org-opener",
    "club-opener",
    "party-row",
    crate::matcher::rules::CLUB_RULE,
    crate::matcher::rules::TEAM_ROW_RULE,
    crate::matcher::rules::LINEUP_RULE,
    crate::matcher::rules::PARTIAL_RULE,
];

/// The model's findings whose label a context rule contradicts on the same span are dropped
/// (see `CONTEXT_RULES`); the rule's label then stands alone, as the user would read it.
pub(super) fn context_over_model(found: &[Suggestion], from_model: &mut Vec<Suggestion>) {
    let said: std::collections::HashMap<(usize, usize), &str> = found
        .iter()
        .filter(|s| {
            matches!(s.proposal, Proposal::Span { .. })
                && s.is_from("rules")
                && s.rule.split('+').any(|r| CONTEXT_RULES.contains(&r))
        })
        .map(|s| (s.range(), s.label()))
        .collect();
    if said.is_empty() {
        return;
    }
    from_model.retain(|s| {
        !matches!(s.proposal, Proposal::Span { .. })
            || said
                .get(&s.range())
                .is_none_or(|&l| same_kind(l, s.label()))
    });
}

/// Every word of a name capitalised, but the small words names keep in lower case ("Bank of
/// England", "Ludwig van Beethoven"); a word starting with a digit or a sign counts ("A&M").
pub(super) fn all_words_capitalised(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(
                w,
                "of" | "for"
                    | "and"
                    | "the"
                    | "de"
                    | "del"
                    | "della"
                    | "di"
                    | "du"
                    | "da"
                    | "dos"
                    | "das"
                    | "la"
                    | "le"
                    | "les"
                    | "von"
                    | "van"
                    | "der"
                    | "den"
                    | "y"
                    | "al"
                    | "el"
                    | "bin"
                    | "ibn"
                    | "on"
                    | "upon"
                    | "in"
                    | "at"
            )
    })
}

/// How sure a longer finding must be for a list's name inside it to give way.
const CONTAINING_SCORE: f32 = 0.5;
/// The bundled list of countries (its findings' rule is "countries: …").
const COUNTRIES_LIST: &str = "countries:";
pub(super) const GAZETTEER_ENGINE: &str = "gazetteer";
const LEARNED_ENGINE: &str = "learned";
const MODEL_ENGINE: &str = crate::matcher::model::ENGINE;

/// The model's findings that the form of wire copy says are no names: the sport that opens a
/// headline ("ATHLETICS - KENYANS SWEEP ISTANBUL MARATHON"), a currency code beside an amount
/// ("EUR 3 million", "USD 1.2 billion"), a contract month ("Dalian (Jan) 8,894 yuan") and a
/// span of months ("the April-June quarter"). The shipped weights learnt from Wikipedia, which
/// has none of them.
pub(super) fn drop_wire_forms(doc: &Document, from_model: &mut Vec<Suggestion>) {
    if from_model.is_empty() {
        return;
    }
    let text = &doc.text;
    from_model.retain(|s| {
        let (a, b) = s.range();
        if a > b {
            return true;
        }
        let (x, y) = (doc.byte_of(a), doc.byte_of(b));
        let name = &text[x..y];
        let before = text[..x].trim_end_matches([' ', '\t']);
        let after = text[y..].trim_start_matches([' ', '\t']);
        let slug = (before.is_empty() || before.ends_with('\n'))
            && after.starts_with(['-', '–', '—'])
            && is_sport_slug(name);
        // "EUR 3 million": the code alone, or with the figure the model took along ("EUR 3").
        let mut words = name.split_whitespace();
        let code = words.next().is_some_and(is_currency_code);
        let rest_figures = words.all(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        let amount = code
            && rest_figures
            && (name.contains(|c: char| c.is_ascii_digit())
                || after.starts_with(|c: char| c.is_ascii_digit())
                || before.ends_with(|c: char| c.is_ascii_digit()));
        // "Palm olein, Dalian (Jan) 8,894 yuan": a contract month, not a name.
        let month = is_short_month(name)
            && (before.ends_with('(')
                || after.starts_with(|c: char| c == ')' || c.is_ascii_digit()));
        // "the April-June quarter", "Jan-March": a span of months.
        let months = name.contains(['-', '–'])
            && name
                .split(['-', '–'])
                .all(|m| is_month_name(m) || is_short_month(m.trim_end_matches('.')));
        // "Q3 2026", "rates Kenya Caa1": a code with figures in it is no one's name.
        let code = s.label() == "PERSON"
            && name
                .split_whitespace()
                .any(|w| w.contains(|c: char| c.is_ascii_digit()));
        // "500 zlotys per MWh", "zlotys/MWh": a unit of measure.
        // "Operating profit (EBIT)", "GDP", "the IPO": a measure or a deal, no organisation.
        let unit = matches!(
            name,
            "MWh"
                | "kWh"
                | "GWh"
                | "TWh"
                | "MW"
                | "GW"
                | "kW"
                | "bpd"
                | "mmBtu"
                | "MMBtu"
                | "dwt"
                | "EBIT"
                | "EBITDA"
                | "EPS"
                | "GDP"
                | "GNP"
                | "CPI"
                | "PPI"
                | "PMI"
                | "IPO"
                | "ETF"
                | "NAV"
                | "CAGR"
                | "YoY"
                | "QoQ"
                | "CEO"
                | "CFO"
                | "COO"
        );
        // "spoke in Amharic", "before Tet", "during Ramadan": a language or a festival is
        // no person, organisation or place.
        let word =
            is_language_or_festival(name) && matches!(s.label(), "PERSON" | "ORG" | "GPE" | "LOC");
        !(slug || amount || month || months || code || unit || word)
    });
}

/// Languages that name no people (those that do, "French", "Somali", are the demonyms list's)
/// and festivals, which the shipped weights take for names by their form.
#[rustfmt::skip]
fn is_language_or_festival(w: &str) -> bool {
    matches!(
        w,
        "Amharic" | "Swahili" | "Kiswahili" | "Tigrinya" | "Afrikaans" | "Arabic" | "Farsi"
            | "Pashto" | "Dari" | "Urdu" | "Hindi" | "Bengali" | "Mandarin" | "Cantonese"
            | "Tagalog" | "Bahasa" | "Hebrew" | "Yiddish" | "Esperanto" | "Latin" | "Sanskrit"
            | "Ramadan" | "Ramazan" | "Tet" | "Diwali" | "Deepavali" | "Christmas" | "Easter"
            | "Passover" | "Hanukkah" | "Lent" | "Nowruz" | "Thanksgiving" | "Kwanzaa"
            | "Vesak" | "Songkran" | "Holi" | "Navratri" | "Ashura" | "Mawlid" | "Pentecost"
    )
}

/// "ICE HOCKEY-HUDAK DOUBLE…", "HORSE RACING - …", "TABLE TENNIS-…": the first word of a
/// two-word sport opening a headline is no name, whatever a list says of it ("ICE").
pub(super) fn drop_sport_words(doc: &Document, found: &mut Vec<Suggestion>) {
    let text = &doc.text;
    found.retain(|s| {
        let (a, b) = s.range();
        if a >= b {
            return true;
        }
        let (x, y) = (doc.byte_of(a), doc.byte_of(b));
        let before = text[..x].trim_end_matches([' ', '\t']);
        if !(before.is_empty() || before.ends_with('\n')) {
            return true;
        }
        let rest = &text[y..];
        let Some(next) = rest.strip_prefix(' ') else {
            return true;
        };
        let word_len = next
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(next.len());
        let after = next[word_len..].trim_start_matches(' ');
        let two = format!("{} {}", &text[x..y], &next[..word_len]);
        !(after.starts_with(['-', '–', '—']) && is_sport_slug(&two))
    });
}

/// A wire desk's slug glued to a name by its hyphen ("SKIING-NORWAY", "DARTS-VAN DER SLUIS") is cut
/// off, and names a hyphen makes adjectives of are handled, in one pass over the findings. Glued to
/// a prefix ("pro-Beijing councillors", "anti-Western", "sub-Saharan Africa") or taking it along
/// ("pro-Beijing" as one finding), the word is an adjective made from the name, not the place or
/// the body itself: dropped. Taking a participle's tail along ("Jakarta-based", "Oslo-listed"), the
/// finding ends before the hyphen: the name is the place or company alone, and the entity it would
/// create is named without the tail; opening a longer finding ("Russian-led Eurasian Economic
/// Union"), the finding starts after it.
pub(super) fn hyphenated_adjectives(doc: &Document, found: &mut Vec<Suggestion>) {
    let text = &doc.text;
    cut_findings(doc, found, |_, x, y| {
        // A wire desk's slug taken along: "CROSS-COUNTRY SKIING-NORWAY PIP SWEDEN", "DARTS-VAN
        // DER SLUIS THROUGH": the name starts after the slug's hyphen.
        if let Some((head, rest)) = text[x..y].split_once('-')
            && is_wire_slug(head)
            && rest.starts_with(char::is_uppercase)
        {
            return Cut::To(x + head.len() + 1, y, None);
        }
        // The prefix taken along: "pro-Beijing" as one finding (in lower case as written: the
        // Anti-Defamation League and the Trans-Siberian Railway are names).
        if let Some((head, _)) = text[x..y].split_once('-')
            && is_name_prefix(head)
        {
            return Cut::Drop;
        }
        if let Some(before) = text[..x].strip_suffix('-') {
            let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
                k + before[k..].chars().next().map_or(1, char::len_utf8)
            });
            if is_name_prefix(&before[word_start..]) {
                return Cut::Drop;
            }
        }
        // The adjective opening the finding: "Russian-led Eurasian Economic Union" is the union.
        if let Some((first, rest)) = text[x..y].split_once(' ')
            && let Some((head, tail)) = first.rsplit_once('-')
            && !head.is_empty()
            && is_adjective_tail(tail)
            && rest.starts_with(char::is_uppercase)
        {
            return Cut::To(x + first.len() + 1, y, None);
        }
        if let Some((head, tail)) = text[x..y].rsplit_once('-')
            && !head.is_empty()
            && is_adjective_tail(tail)
        {
            return Cut::To(x, x + head.len(), None);
        }
        Cut::Keep
    });
}

/// "Bangladesh's Election Commission" as one finding of the model: a place another engine
/// found, its possessive, and a name after it are two names. The finding starts after the
/// possessive (without one after it, it is dropped), and the place stands.
pub(super) fn possessive_places(
    doc: &Document,
    found: &[Suggestion],
    from_model: &mut Vec<Suggestion>,
) {
    let text = &doc.text;
    cut_findings(doc, from_model, |s, x, y| {
        let name = &text[x..y];
        let Some((k, mark)) = ["'s ", "’s "]
            .iter()
            .find_map(|m| name.find(m).map(|k| (k, m.len())))
        else {
            return Cut::Keep;
        };
        let start = s.range().0;
        let place_end = start + name[..k].chars().count();
        let place = found
            .iter()
            .any(|f| matches!(f.label(), "GPE" | "LOC") && f.range() == (start, place_end));
        if !place {
            return Cut::Keep;
        }
        let rest = name[k + mark..].trim_start();
        if !rest.starts_with(char::is_uppercase) {
            return Cut::Drop;
        }
        Cut::To(y - rest.len(), y, None)
    });
}

/// What a pass over the findings makes of one: keep it, drop it, or cut it to the byte range
/// `a..b` of the text (inside its own), with a note for its reason.
pub(super) enum Cut {
    Keep,
    Drop,
    To(usize, usize, Option<String>),
}

/// Applies `decide`, given each span finding of `found` with its byte range, to the findings.
/// A cut finding keeps its code-point offsets right and names the entity it would create after
/// its new text (see `rename_new_entity`). Quotes and inverted spans are left as they are.
pub(super) fn cut_findings(
    doc: &Document,
    found: &mut Vec<Suggestion>,
    mut decide: impl FnMut(&Suggestion, usize, usize) -> Cut,
) {
    let text = &doc.text;
    found.retain_mut(|s| {
        let (a, b) = s.range();
        if !matches!(s.proposal, Proposal::Span { .. }) || a > b {
            return true;
        }
        let (x, y) = (doc.byte_of(a), doc.byte_of(b));
        let (nx, ny, note) = match decide(s, x, y) {
            Cut::Keep => return true,
            Cut::Drop => return false,
            Cut::To(nx, ny, note) => (nx, ny, note),
        };
        if let Proposal::Span {
            start,
            end,
            new_entity,
            ..
        } = &mut s.proposal
        {
            rename_new_entity(new_entity, &text[x..y], &text[nx..ny]);
            *start += text[x..nx].chars().count();
            *end = *start + text[nx..ny].chars().count();
        }
        if let Some(note) = note {
            s.reason.push_str(&note);
        }
        true
    });
}

/// A finding cut to `new` names the entity it would create `new`, when it named it after the
/// whole finding `old` (not when it links to one, or was named otherwise).
fn rename_new_entity(new_entity: &mut Option<String>, old: &str, new: &str) {
    if new_entity.as_deref() == Some(old) {
        *new_entity = Some(new.to_string());
    }
}

/// A participle that makes an adjective of a name hyphenated before it ("-based", "-listed").
fn is_adjective_tail(w: &str) -> bool {
    matches!(
        w,
        "based"
            | "listed"
            | "born"
            | "led"
            | "backed"
            | "owned"
            | "registered"
            | "headquartered"
            | "controlled"
            | "run"
            | "made"
            | "built"
            | "bound"
            | "funded"
            | "linked"
            | "allied"
            | "affiliated"
            | "focused"
            | "educated"
            | "trained"
            | "style"
            | "era"
    )
}

/// A prefix that makes an adjective of a name when hyphenated to it ("pro-", "anti-", "pan-").
fn is_name_prefix(w: &str) -> bool {
    matches!(
        w,
        "pro" | "anti" | "non" | "pan" | "trans" | "sub" | "mid" | "post" | "pre" | "neo" | "ultra"
    )
}

/// An ISO 4217 code of a currency news quotes amounts in.
fn is_currency_code(w: &str) -> bool {
    matches!(
        w,
        "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CHF"
            | "CNY"
            | "RMB"
            | "INR"
            | "IDR"
            | "RUB"
            | "BRL"
            | "MXN"
            | "CAD"
            | "AUD"
            | "NZD"
            | "SEK"
            | "NOK"
            | "DKK"
            | "PLN"
            | "CZK"
            | "HUF"
            | "TRY"
            | "ZAR"
            | "KRW"
            | "HKD"
            | "SGD"
            | "SAR"
            | "AED"
            | "EGP"
            | "NGN"
            | "KES"
            | "ARS"
            | "CLP"
            | "COP"
            | "PHP"
            | "THB"
            | "MYR"
            | "ILS"
            | "UAH"
            | "PKR"
            | "VND"
    )
}

/// The model's organisations and MISC names (the starting weights' scheme has no events) that
/// their head word says are an event or a place (people keep theirs: "Ricki Lake"):
/// "Olympic Games", "Stockholm Open", "Tour of Cappadocia" are events, "Strait of Malacca",
/// "Atacama Desert" places (encyclopaedia text taught the model "Games" and "Strait" as parts
/// of organisations' names too rarely to outweigh capitalised words). Returns the finding's
/// index in `from_model`, its new label and the head word that decided it.
pub(super) fn head_word_labels(
    doc: &Document,
    from_model: &[Suggestion],
) -> Vec<(usize, &'static str, String)> {
    let mut out = Vec::new();
    for (i, s) in from_model.iter().enumerate() {
        if !matches!(s.proposal, Proposal::Span { .. }) || !matches!(s.label(), "ORG" | "MISC") {
            continue;
        }
        let (a, b) = s.range();
        if a >= b {
            continue;
        }
        let words: Vec<&str> = doc.slice(a, b).split_whitespace().collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            continue;
        };
        if words.len() < 2 {
            continue;
        }
        let of_after_first = matches!(words.get(1), Some(&("of" | "de" | "du")));
        let games_of_a_company =
            last == "Games" && !words.iter().rev().nth(1).is_some_and(|w| is_games_word(w));
        let (label, head) = if event_head(last) && !games_of_a_company && !is_org_event_word(last) {
            ("EVENT", last)
        } else if first == "Tour" && of_after_first {
            ("EVENT", first)
        } else if is_place_head(last) {
            ("LOC", last)
        } else if is_place_opener(first) && of_after_first {
            ("LOC", first)
        } else {
            continue;
        };
        out.push((i, label, head.to_string()));
    }
    out
}

/// What "Games" follows in a sporting event's name ("Olympic Games", "Commonwealth Games"),
/// not a company's ("Epic Games").
fn is_games_word(w: &str) -> bool {
    matches!(
        w,
        "Olympic"
            | "Paralympic"
            | "Commonwealth"
            | "Asian"
            | "African"
            | "Pan"
            | "American"
            | "Mediterranean"
            | "Winter"
            | "Summer"
            | "Youth"
            | "Island"
            | "Arab"
            | "World"
            | "European"
            | "Goodwill"
            | "Invictus"
            | "Highland"
    )
}

/// Last words of places' names that are no organisation's.
fn is_place_head(w: &str) -> bool {
    matches!(
        w,
        "Desert"
            | "River"
            | "Sea"
            | "Ocean"
            | "Mountains"
            | "Strait"
            | "Straits"
            | "Peninsula"
            | "Island"
            | "Islands"
            | "Valley"
            | "Canal"
            | "Gulf"
            | "Lake"
            | "Plateau"
            | "Basin"
            | "Coast"
    )
}

/// First words of places' names before "of": "Strait of Malacca", "Cape of Good Hope".
fn is_place_opener(w: &str) -> bool {
    matches!(
        w,
        "Strait" | "Straits" | "Cape" | "Gulf" | "Bay" | "Sea" | "Isle" | "Lake" | "Mount"
    )
}

/// Event heads that also end organisations' names the model finds: "New England Revolution",
/// "Department of War", "Arab Spring Foundation". The rules' head word reads them in context;
/// the model's organisation keeps its label.
fn is_org_event_word(w: &str) -> bool {
    matches!(
        w,
        "War" | "Revolution" | "Summit" | "Spring" | "Uprising" | "Bowl" | "Massacre"
    )
}
