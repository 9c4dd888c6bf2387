//! Whole-word lookup of a list's names by hashing, for the gazetteer's common case: a big list
//! of capitalised names searched in running text.
//!
//! A name can only match where a word ends in the text (the next character is not a letter or
//! digit), so from a place where a name may start the text is read a character at a time and,
//! at each word end, the stretch read so far is looked up among the names' prefixes that end
//! at a word end of their own. A miss means no longer name can match there either; a hit that
//! is a whole name is compared byte for byte. "Kamiro Neva said" costs two lookups, where the
//! automaton takes a step — often a cache miss in a 1.5-million-state machine — per byte.
//!
//! The answer is exactly the automaton's: the longest name at that place whose end passes the
//! word-boundary test (`gazetteer::scan_tests` compares the two on random lists and texts).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// FNV-1a, extended a byte at a time as the stretch grows.
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn extend(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// Every name's prefixes that end at a word end, by hash.
#[derive(Debug)]
pub struct WordIndex {
    prefixes: Table,
    /// Each whole name once: its index (u32), its length (u32), its bytes.
    names: Vec<u8>,
    longest: usize,
}

/// An open-addressing table from a prefix's hash to `PREFIX` or `NAME + offset in names`,
/// with key and value in one 16-byte slot, so a lookup touches one cache line (a general map
/// keeps its control bytes apart: two misses a lookup, and lookups are all this index does).
#[derive(Debug)]
struct Table {
    slots: Vec<(u64, u32)>,
    shift: u32,
}

const EMPTY: u32 = 0;
const PREFIX: u32 = 1;
const NAME: u32 = 2;

impl Table {
    fn with_room_for(n: usize) -> Self {
        // At most three quarters full.
        let size = (n + n / 3 + 1).next_power_of_two().max(2);
        Self {
            slots: vec![(0, EMPTY); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, key: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            match self.slots[i] {
                (_, EMPTY) => return None,
                (k, v) if k == key => return Some(v),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The slot's value for `key`, added as `PREFIX` if missing.
    fn entry(&mut self, key: u64) -> &mut u32 {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].1 != EMPTY && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        if self.slots[i].1 == EMPTY {
            self.slots[i] = (key, PREFIX);
        }
        &mut self.slots[i].1
    }
}

/// The length of the UTF-8 character starting with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// What a word is made of, for the gazetteer's boundaries and this index alike: letters and
/// digits of any script.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the text at `i` continues a word (`is_word_char`, with ASCII decided on the byte).
fn word_at(hay: &str, i: usize) -> bool {
    match hay.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => hay[i..].chars().next().is_some_and(is_word_char),
    }
}

impl WordIndex {
    /// The index of `patterns`, or `None` when two different prefixes share a hash (the
    /// automaton then does the work, so a collision can never change an answer) or the names
    /// are too many or too long to number in 32 bits.
    pub fn new(patterns: &[String]) -> Option<Self> {
        // Every prefix with its hash first, to size the table and catch a shared hash.
        let mut seen: HashMap<u64, &[u8], foldhash::fast::FixedState> = HashMap::default();
        let mut ends: Vec<(u64, usize, usize)> = Vec::new(); // (hash, pattern, end)
        for (i, p) in patterns.iter().enumerate() {
            let mut h = OFFSET;
            let mut from = 0;
            while from < p.len() {
                let end = from + char_len(p.as_bytes()[from]);
                h = extend(h, &p.as_bytes()[from..end]);
                from = end;
                if word_at(p, end) {
                    continue;
                }
                let prefix = &p.as_bytes()[..end];
                match seen.entry(h) {
                    Entry::Occupied(o) if *o.get() != prefix => return None,
                    Entry::Occupied(_) => {}
                    Entry::Vacant(v) => {
                        v.insert(prefix);
                    }
                }
                ends.push((h, i, end));
            }
        }
        let mut prefixes = Table::with_room_for(seen.len());
        let mut names = Vec::new();
        let mut longest = 0;
        for (h, i, end) in ends {
            let p = &patterns[i];
            longest = longest.max(p.len());
            let slot = prefixes.entry(h);
            if end == p.len() && *slot == PREFIX {
                *slot = NAME.checked_add(u32::try_from(names.len()).ok()?)?;
                names.extend_from_slice(&u32::try_from(i).ok()?.to_le_bytes());
                names.extend_from_slice(&u32::try_from(p.len()).ok()?.to_le_bytes());
                names.extend_from_slice(p.as_bytes());
            }
        }
        Some(Self {
            prefixes,
            names,
            longest,
        })
    }

    /// The name recorded at `offset` in `names`: (index, bytes).
    fn name_at(&self, offset: usize) -> Option<(usize, &[u8])> {
        let head = self.names.get(offset..offset + 8)?;
        let index = u32::from_le_bytes(head[..4].try_into().ok()?) as usize;
        let len = u32::from_le_bytes(head[4..].try_into().ok()?) as usize;
        Some((index, self.names.get(offset + 8..offset + 8 + len)?))
    }

    /// The longest name starting at byte `s` of `hay` whose end `fits` (the word-boundary test
    /// on what follows), as (name index, end byte).
    pub fn longest_at(
        &self,
        hay: &str,
        s: usize,
        fits: impl Fn(&str) -> bool,
    ) -> Option<(usize, usize)> {
        let bytes = hay.as_bytes();
        let limit = bytes.len().min(s + self.longest);
        let mut best = None;
        let mut h = OFFSET;
        let mut at = s;
        while at < limit {
            let end = at + char_len(bytes[at]);
            h = extend(h, &bytes[at..end]);
            at = end;
            if word_at(hay, end) {
                continue;
            }
            let Some(value) = self.prefixes.get(h) else {
                break;
            };
            if value < NAME {
                continue;
            }
            let Some((index, name)) = self.name_at((value - NAME) as usize) else {
                continue;
            };
            if name == &bytes[s..end] && fits(&hay[end..]) {
                best = Some((index, end));
            }
        }
        best
    }
}
