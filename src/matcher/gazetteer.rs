//! Gazetteer matching: find every entry of a list of names in a text, whole words only,
//! longest match first, offsets in code points.
//!
//! aho-corasick does the multi-pattern search — or, for a list of capitalised names (every
//! bundled list), `word_index` looks names up word by word from each place one can start, which
//! is twice as fast on a 100,000-name list and gives the same matches; this module adds what
//! aho-corasick does not do:
//! - **Word boundaries.** A match must not continue a word on either side. A hyphen counts as
//!   part of a word when the other side is capitalised ("Rhine-Westphalia" is one name, so
//!   "Westphalia" is not matched inside it) but not before a lowercase affix ("Kenya-based",
//!   "pro-Russian" still give Kenya and Russian). A possessive "'s" after a match is fine.
//! - **Longest valid match.** The search runs overlapping, then keeps, left to right, the
//!   longest match that passes the boundary test, so a match rejected at a boundary never hides
//!   a shorter valid one starting at the same place.
//! - **Unicode case folding, per list.** Names stay case-sensitive unless a list asks for
//!   folding (e.g. for headlines in capitals). Folding maps each character to one character, so
//!   offsets in the folded text are offsets in the original. A folded match whose text is all
//!   lowercase never matches a capitalised entry ("turkey" is not Turkey), and entries flagged
//!   as acronyms always match with exact case ("WHO", not "who").

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::word_index::{WordIndex, is_word_char};
use crate::model::CharMap;

/// One name in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    pub label: String,
    /// The canonical entity the name stands for (`None`: the text itself).
    pub canonical: Option<String>,
    /// Which list it came from ("countries", a user file's name, …).
    pub list: String,
    /// Match regardless of case (still never an all-lowercase word for a capitalised name).
    pub fold_case: bool,
    /// An acronym or other entry that must match with exactly this case.
    pub exact_case: bool,
}

/// A match of an entry in a text, in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    /// Index into the gazetteer's entries.
    pub entry: usize,
}

/// A compiled set of entries.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    exact: Option<Automaton>,
    folded: Option<Automaton>,
}

/// Fold one character to one character: its lowercase form when that is a single character.
pub fn fold_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn fold(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().map(fold_char).collect()
    }
}

/// A leftmost-longest automaton over one set of patterns (searched unanchored through the text;
/// anchored only to look for a shorter match when the longest fails a boundary).
#[derive(Debug)]
struct Automaton {
    ac: AhoCorasick,
    ids: Vec<usize>,
    /// The bytes some pattern starts with.
    starts: [bool; 256],
    /// Whether those are rare in running text (no lowercase ASCII letter among them), so that
    /// trying each word that starts with one beats walking the automaton over every byte.
    sparse: bool,
    /// Whether every start byte is a capital A–Z or a non-ASCII lead byte, so candidates can be
    /// looked for eight bytes at a time.
    capitals: bool,
    /// For a sparse list: the names by hash, tried before the automaton at each candidate.
    words: Option<WordIndex>,
}

fn build(patterns: &[String], ids: Vec<usize>) -> Option<Automaton> {
    if patterns.is_empty() {
        return None;
    }
    // The contiguous NFA rather than a DFA: for a big list the DFA's table is far larger than
    // the caches and every step inside a name costs a cache miss (measured 2–3× slower at
    // 100,000 entries); the NFA keeps the hot states near the root compact.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()?;
    let mut starts = [false; 256];
    for p in patterns {
        if let Some(b) = p.as_bytes().first() {
            starts[usize::from(*b)] = true;
        }
    }
    let sparse = !(b'a'..=b'z').any(|b| starts[usize::from(b)]);
    let capitals = (0u8..0x80).all(|b| !starts[usize::from(b)] || b.is_ascii_uppercase());
    let words = if sparse {
        WordIndex::new(patterns)
    } else {
        None
    };
    Some(Automaton {
        ac,
        ids,
        starts,
        sparse,
        capitals,
        words,
    })
}

fn scan(a: &Automaton, hay: &str, out: &mut Vec<(usize, usize, usize)>) {
    if a.sparse {
        scan_starts(a, hay, out);
    } else {
        scan_through(a, hay, out);
    }
}

/// Every valid match, leftmost and then longest. The automaton finds the leftmost-longest
/// match; if it starts inside a word the search moves on by one character, and if it ends
/// inside a word, anchored searches on ever shorter stretches look for the longest match at the
/// same start that ends on a boundary — so a rejected long match never hides a valid short one.
fn scan_through(a: &Automaton, hay: &str, out: &mut Vec<(usize, usize, usize)>) {
    let mut at = 0;
    while at < hay.len() {
        let Some(m) = a.ac.find(Input::new(hay).range(at..)) else {
            break;
        };
        let s = m.start();
        let next = s + hay[s..].chars().next().map_or(1, char::len_utf8);
        if !side_ok(hay[..s].chars().rev(), true) {
            at = next;
            continue;
        }
        match longest_valid(a, hay, s, m) {
            Some((p, e)) => {
                out.push((s, e, a.ids[p.as_usize()]));
                at = e;
            }
            None => at = next,
        }
    }
}

/// The same matches as `scan_through`, found by trying only the places a match can start: a
/// byte some pattern starts with, not inside a word. There, an anchored search gives the
/// longest match starting at that place, which is what the leftmost-longest search would have
/// stopped at (nothing can start between two such places). For capitalised names that is one
/// word in a few instead of every byte of the text.
fn scan_starts(a: &Automaton, hay: &str, out: &mut Vec<(usize, usize, usize)>) {
    let bytes = hay.as_bytes();
    let mut at = 0;
    while let Some(s) = next_start(a, bytes, at) {
        // A pattern's first byte is never a UTF-8 continuation byte: `s` is a char boundary.
        let next = s + hay[s..].chars().next().map_or(1, char::len_utf8);
        let left_ok = match s.checked_sub(1).map(|i| bytes[i]) {
            None | Some(b' ' | b'\n') => true,
            Some(b) if b.is_ascii_alphanumeric() => false,
            Some(_) => side_ok(hay[..s].chars().rev(), true),
        };
        let found = match (&a.words, left_ok) {
            (_, false) => None,
            (Some(words), true) => words.longest_at(hay, s, |after| side_ok(after.chars(), false)),
            (None, true) => {
                let input = Input::new(hay).range(s..).anchored(Anchored::Yes);
                a.ac.find(input)
                    .and_then(|m| longest_valid(a, hay, s, m))
                    .map(|(p, e)| (p.as_usize(), e))
            }
        };
        match found {
            Some((p, e)) => {
                out.push((s, e, a.ids[p]));
                at = e;
            }
            None => at = next,
        }
    }
}

/// The first byte at or after `at` that some pattern starts with.
fn next_start(a: &Automaton, bytes: &[u8], mut at: usize) -> Option<usize> {
    if a.capitals {
        // Skip eight bytes at a time while none is a capital or a non-ASCII byte. For each
        // byte, (b | 0x80) - 0x41 keeps the high bit when b >= 0x41 and (b | 0x80) - 0x5B
        // clears it when b <= 0x5A; no borrow crosses bytes since every byte starts >= 0x80.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        while let Some(chunk) = bytes.get(at..at + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let set = x | HIGH;
            let at_least_a = set.wrapping_sub(ONES * 0x41) & HIGH;
            let above_z = set.wrapping_sub(ONES * 0x5B) & HIGH;
            let capital = at_least_a & !above_z;
            if (capital | (x & HIGH)) != 0 {
                break;
            }
            at += 8;
        }
    }
    bytes[at..]
        .iter()
        .position(|b| a.starts[usize::from(*b)])
        .map(|k| at + k)
}

/// From the longest match `m` at `s`, the longest that ends on a word boundary: anchored
/// searches on ever shorter stretches, so a rejected long match never hides a valid short one.
fn longest_valid(
    a: &Automaton,
    hay: &str,
    s: usize,
    m: aho_corasick::Match,
) -> Option<(aho_corasick::PatternID, usize)> {
    let (mut pat, mut e) = (m.pattern(), m.end());
    loop {
        if side_ok(hay[e..].chars(), false) {
            return Some((pat, e));
        }
        let shorter = Input::new(hay).range(s..e - 1).anchored(Anchored::Yes);
        match a.ac.find(shorter) {
            Some(m2) if m2.end() > s => {
                pat = m2.pattern();
                e = m2.end();
            }
            _ => return None,
        }
    }
}

impl Gazetteer {
    pub fn new(entries: Vec<Entry>) -> Self {
        let (mut exact_pats, mut exact_ids) = (Vec::new(), Vec::new());
        let (mut folded_pats, mut folded_ids) = (Vec::new(), Vec::new());
        for (i, e) in entries.iter().enumerate() {
            if e.text.trim().is_empty() {
                continue;
            }
            if e.fold_case && !e.exact_case {
                folded_pats.push(fold(&e.text));
                folded_ids.push(i);
            } else {
                exact_pats.push(e.text.clone());
                exact_ids.push(i);
            }
        }
        Self {
            exact: build(&exact_pats, exact_ids),
            folded: build(&folded_pats, folded_ids),
            entries,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every non-overlapping longest whole-word match in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Match> {
        // Candidates as (byte start, byte end, entry), from both automata.
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        if let Some(a) = &self.exact {
            scan(a, text, &mut cands);
        }
        let mut folded_text = None;
        if let Some(a) = &self.folded {
            let hay = fold(text);
            let mut folded = Vec::new();
            scan(a, &hay, &mut folded);
            cands.extend(folded.into_iter().map(|(s, e, id)| (s, e, id | FOLDED)));
            folded_text = Some(hay);
        }
        if cands.is_empty() {
            return Vec::new();
        }
        // Folded byte offsets differ from the original's when folding changes a character's
        // length, so every candidate is turned into code points first.
        let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(cands.len());
        let exact_cands: Vec<_> = cands
            .iter()
            .filter(|c| c.2 & FOLDED == 0)
            .copied()
            .collect();
        let folded_cands: Vec<_> = cands
            .iter()
            .filter(|c| c.2 & FOLDED != 0)
            .copied()
            .collect();
        to_chars(text, exact_cands, &mut spans);
        if let Some(hay) = &folded_text {
            let before = spans.len();
            to_chars(hay, folded_cands, &mut spans);
            // A folded match must not turn a lowercase word into a capitalised name.
            let map = (!text.is_ascii()).then(|| CharMap::new(text));
            let original = |c: usize| match &map {
                Some(m) => m.to_byte(text, c),
                None => c,
            };
            let mut keep = Vec::with_capacity(spans.len());
            let folded_range = before..spans.len();
            for (k, s) in spans.iter().enumerate() {
                if folded_range.contains(&k) {
                    let entry = &self.entries[s.2 & !FOLDED];
                    let matched = &text[original(s.0)..original(s.1)];
                    if entry.text.chars().any(char::is_uppercase)
                        && !matched.chars().any(char::is_uppercase)
                    {
                        continue;
                    }
                }
                keep.push((s.0, s.1, s.2 & !FOLDED));
            }
            spans = keep;
        }
        // Leftmost, then longest; then drop anything overlapping what was kept.
        let order = |a: &(usize, usize, usize), b: &(usize, usize, usize)| {
            a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
        };
        if !spans.is_sorted_by(|a, b| order(a, b).is_le()) {
            spans.sort_by(order);
        }
        let mut out: Vec<Match> = Vec::new();
        for (s, e, entry) in spans {
            if out.last().is_some_and(|m| s < m.end) {
                continue;
            }
            out.push(Match {
                start: s,
                end: e,
                entry,
            });
        }
        out
    }
}

/// Marks a candidate from the folded automaton (entry indices stay far below this bit).
const FOLDED: usize = 1 << (usize::BITS - 1);

/// Turn byte-offset candidates of `text` into code-point offsets, in one pass.
fn to_chars(
    text: &str,
    mut cands: Vec<(usize, usize, usize)>,
    out: &mut Vec<(usize, usize, usize)>,
) {
    if cands.is_empty() {
        return;
    }
    // Visit every start and end byte in ascending order, counting characters between them.
    let mut points: Vec<(usize, usize, bool)> = Vec::with_capacity(cands.len() * 2);
    // One automaton's matches come in order and do not overlap: usually nothing to sort.
    if !cands.is_sorted() {
        cands.sort_unstable();
    }
    for (k, c) in cands.iter().enumerate() {
        points.push((c.0, k, false));
        points.push((c.1, k, true));
    }
    if !points.is_sorted() {
        points.sort_unstable();
    }
    let mut chars_at = vec![(0usize, 0usize); cands.len()];
    let (mut byte, mut chars) = (0usize, 0usize);
    let bytes = text.as_bytes();
    for (b, k, is_end) in points {
        // Count characters (non-continuation bytes) from `byte` up to `b`.
        chars += bytes[byte..b]
            .iter()
            .filter(|x| (**x & 0xC0) != 0x80)
            .count();
        byte = b;
        if is_end {
            chars_at[k].1 = chars;
        } else {
            chars_at[k].0 = chars;
        }
    }
    for (k, c) in cands.iter().enumerate() {
        out.push((chars_at[k].0, chars_at[k].1, c.2));
    }
}

fn side_ok(mut it: impl Iterator<Item = char>, before: bool) -> bool {
    match it.next() {
        None => true,
        Some(c) if is_word_char(c) => false,
        Some('-' | '‐') => {
            // Joined by a hyphen: fine only to a lowercase affix ("Kenya-based", "pro-Russian"),
            // not to another name ("Rhine-Westphalia", "Franco-German").
            let word: Vec<char> = it.take_while(|c| is_word_char(*c)).collect();
            let first = if before { word.last() } else { word.first() };
            !first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        }
        Some('\'' | '’') if before => {
            // "O'Brien": an apostrophe after a letter is inside a word.
            !it.next().is_some_and(is_word_char)
        }
        Some(_) => true,
    }
}

/// Parse a list in Gloss's TSV form: `text<TAB>label[<TAB>canonical[<TAB>flags]]`, `#` lines
/// are comments. `flags` may hold `acronym` (match exact case) and `fold` (fold case).
/// Errors name the line.
pub fn parse_tsv(source: &str, list: &str, fold_case: bool) -> Result<Vec<Entry>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols[0].trim().is_empty() || cols[1].trim().is_empty() {
            return Err((i + 1, "expected text<TAB>label[<TAB>canonical]".into()));
        }
        let canonical = cols.get(2).map(|c| c.trim()).filter(|c| !c.is_empty());
        let flags = cols.get(3).copied().unwrap_or("");
        out.push(Entry {
            text: cols[0].trim().to_string(),
            label: cols[1].trim().to_string(),
            canonical: canonical.map(str::to_string),
            list: list.to_string(),
            fold_case: fold_case || flags.split(',').any(|f| f.trim() == "fold"),
            exact_case: flags.split(',').any(|f| f.trim() == "acronym"),
        });
    }
    Ok(out)
}

/// Parse Prodigy-style patterns: one JSON object per line, `{"label": …, "pattern": "…",
/// "id": …}`. Token-list patterns (`"pattern": [{"lower": …}]`) are joined into a phrase when
/// every token names a literal (`orth`/`text`/`lower`); `lower` makes the entry fold case.
pub fn parse_patterns_jsonl(source: &str, list: &str) -> Result<Vec<Entry>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| (i + 1, format!("not JSON: {e}")))?;
        let label = v["label"]
            .as_str()
            .ok_or((i + 1, "a pattern needs a \"label\"".to_string()))?;
        let canonical = match &v["id"] {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let (text, fold_case) = match &v["pattern"] {
            serde_json::Value::String(s) => (s.clone(), false),
            serde_json::Value::Array(tokens) => {
                let mut words = Vec::new();
                let mut lower = false;
                for t in tokens {
                    let w = ["orth", "ORTH", "text", "TEXT"]
                        .iter()
                        .find_map(|k| t[*k].as_str())
                        .or_else(|| {
                            let l = t["lower"].as_str().or(t["LOWER"].as_str());
                            lower |= l.is_some();
                            l
                        })
                        .ok_or((
                            i + 1,
                            "token patterns must give each token's text (orth, text or lower)"
                                .to_string(),
                        ))?;
                    words.push(w.to_string());
                }
                (words.join(" "), lower)
            }
            _ => return Err((i + 1, "a pattern needs a \"pattern\"".to_string())),
        };
        if text.trim().is_empty() {
            continue;
        }
        out.push(Entry {
            text,
            label: label.to_string(),
            canonical,
            list: list.to_string(),
            fold_case,
            exact_case: false,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str, label: &str) -> Entry {
        Entry {
            text: text.into(),
            label: label.into(),
            canonical: None,
            list: "test".into(),
            fold_case: false,
            exact_case: false,
        }
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text)
            .into_iter()
            .map(|m| {
                let s: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                format!("{s}/{}", g.entry(m.entry).label)
            })
            .collect()
    }

    #[test]
    fn longest_whole_word_matches_in_code_points() {
        let g = Gazetteer::new(vec![
            e("Korea", "GPE"),
            e("South Korea", "GPE"),
            e("Seoul", "GPE"),
            e("Oman", "GPE"),
        ]);
        let text = "Zoë 👋 flew from Seoul to South Korea's coast, not to Romania or Omani ports.";
        assert_eq!(found(&g, text), ["Seoul/GPE", "South Korea/GPE"]);
        let m = g.find(text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[m[0].start..m[0].end].iter().collect::<String>(),
            "Seoul"
        );
    }

    #[test]
    fn a_match_rejected_at_a_boundary_does_not_hide_a_shorter_one() {
        let g = Gazetteer::new(vec![e("New York", "GPE"), e("New", "MISC")]);
        assert_eq!(found(&g, "New Yorkers cheered."), ["New/MISC"]);
    }

    #[test]
    fn hyphens_join_names_but_not_lowercase_affixes() {
        let g = Gazetteer::new(vec![
            e("Westphalia", "GPE"),
            e("Kenya", "GPE"),
            e("Russian", "NORP"),
        ]);
        assert_eq!(
            found(&g, "North Rhine-Westphalia voted."),
            Vec::<String>::new()
        );
        assert_eq!(
            found(&g, "A Kenya-based group and pro-Russian forces."),
            ["Kenya/GPE", "Russian/NORP"]
        );
    }

    #[test]
    fn folding_is_per_list_and_never_turns_a_word_into_a_name() {
        let mut turkey = e("Turkey", "GPE");
        turkey.fold_case = true;
        let mut who = e("WHO", "ORG");
        who.fold_case = true;
        who.exact_case = true;
        let mut zurich = e("Zürich", "GPE");
        zurich.fold_case = true;
        let g = Gazetteer::new(vec![turkey, who, zurich]);
        assert_eq!(
            found(&g, "TURKEY and ZÜRICH talks; who ate turkey? The WHO did."),
            ["TURKEY/GPE", "ZÜRICH/GPE", "WHO/ORG"]
        );
        // Case-sensitive by default.
        let g = Gazetteer::new(vec![e("Turkey", "GPE")]);
        assert!(found(&g, "TURKEY").is_empty());
    }

    #[test]
    fn folding_that_changes_byte_lengths_keeps_offsets_right() {
        // KELVIN SIGN (3 bytes) folds to 'k' (1 byte).
        let mut kiev = e("Kyiv", "GPE");
        kiev.fold_case = true;
        let g = Gazetteer::new(vec![kiev]);
        let text = "\u{212A}\u{212A} then KYIV.";
        let m = g.find(text);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].start, m[0].end), (8, 12));
    }

    #[test]
    fn tsv_and_patterns_parse_with_line_numbers() {
        let tsv = "# comment\nGermany\tGPE\nFederal Republic of Germany\tGPE\tGermany\nWHO\tORG\tWorld Health Organization\tacronym\n";
        let entries = parse_tsv(tsv, "countries", false).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[1].canonical.as_deref(), Some("Germany"));
        assert!(entries[2].exact_case);
        assert_eq!(
            parse_tsv("ok\tGPE\nbad line\n", "x", false).unwrap_err().0,
            2
        );

        let jsonl = r#"{"label": "ORG", "pattern": "Apple", "id": "apple"}
{"label": "GPE", "pattern": [{"lower": "san"}, {"lower": "francisco"}]}
"#;
        let p = parse_patterns_jsonl(jsonl, "patterns").unwrap();
        assert_eq!(p[0].canonical.as_deref(), Some("apple"));
        assert_eq!(p[1].text, "san francisco");
        assert!(p[1].fold_case);
        assert_eq!(
            parse_patterns_jsonl("{\"pattern\": \"x\"}", "p")
                .unwrap_err()
                .0,
            1
        );
    }
}

/// The two ways through the text find exactly the same matches.
#[cfg(test)]
mod scan_tests {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "Ana",
        "Ana Ruiz",
        "Ruiz",
        "Rhine",
        "Westphalia",
        "Rhine-Westphalia",
        "Kenya",
        "-based",
        "pro-",
        "O'",
        "Brien",
        "Zoë",
        "É",
        "Élodie",
        "the",
        "de Gaulle",
        " ",
        " ",
        " ",
        "\n",
        "'s",
        "’",
        "-",
        "x",
        "7",
        "👋",
        "UN",
        "UNESCO",
        "Café",
        "e\u{301}",
        ".",
    ];

    type Found = Vec<(usize, usize, usize)>;

    /// The matches walking the automaton through the text, and trying each place a name may
    /// start both with the automaton and with the word index, whatever the list looks like.
    fn both(patterns: &[String], text: &str) -> (Found, Found) {
        let ids = (0..patterns.len()).collect();
        let mut a = build(patterns, ids).expect("patterns");
        let mut through = Vec::new();
        scan_through(&a, text, &mut through);
        a.words = None;
        let mut anchored = Vec::new();
        scan_starts(&a, text, &mut anchored);
        assert_eq!(
            through, anchored,
            "anchored automaton: {patterns:?} in {text:?}"
        );
        a.words = WordIndex::new(patterns);
        assert!(a.words.is_some());
        let mut words = Vec::new();
        scan_starts(&a, text, &mut words);
        (through, words)
    }

    proptest! {
        #[test]
        fn starts_and_through_agree(
            pats in proptest::collection::vec(proptest::collection::vec(0..PIECES.len(), 1..4), 1..12),
            words in proptest::collection::vec(0..PIECES.len(), 0..60),
        ) {
            let patterns: Vec<String> = pats
                .iter()
                .map(|p| p.iter().map(|i| PIECES[*i]).collect::<String>())
                .filter(|p| !p.trim().is_empty())
                .collect();
            prop_assume!(!patterns.is_empty());
            let text: String = words.iter().map(|i| PIECES[*i]).collect();
            let (through, starts) = both(&patterns, &text);
            prop_assert_eq!(through, starts, "{:?} in {:?}", patterns, text);
        }
    }

    #[test]
    fn capitalised_lists_take_the_sparse_way() {
        let a = build(&["Ana".into(), "Élodie".into(), "UN".into()], vec![0, 1, 2]).unwrap();
        assert!(a.sparse);
        let b = build(&["Ana".into(), "de Gaulle".into()], vec![0, 1]).unwrap();
        assert!(!b.sparse);
        let (through, starts) = both(
            &["Ana".into(), "Ana Ruiz".into(), "Rhine".into()],
            "Ana Ruiz met xAna and Rhine-Westphalia's Ana.",
        );
        assert_eq!(through, starts);
        assert_eq!(through.len(), 2, "{through:?}");
    }
}
