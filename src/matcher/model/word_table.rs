//! Word classes learnt from unannotated text, for the model's features: the Brown cluster of a
//! word form (words used alike fall in one cluster: "Kenya" with "Nigeria", "Tuesday" with
//! "Wednesday") and how often a word is written capitalised rather than in lower case ("smith"
//! almost always "Smith", "house" almost never "House"). They let the model carry what it
//! learnt about one name to names it has never seen.
//!
//! The table is `assets/lexicon/word_clusters.tsv.gz`, built by
//! `scripts/build_word_clusters.py` from spacy-lookups-data (MIT; see assets/README.md). Lines:
//! form, cluster (0: none), case (tenths capitalised, for lower-case forms; empty otherwise).

use std::io::Read;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use foldhash::{HashMap, HashMapExt};

use super::features::{Hasher, hash_str};

const TABLE_GZ: &[u8] = include_bytes!("../../../assets/lexicon/word_clusters.tsv.gz");

/// "No case figure" in [`Entry::case`].
pub const NO_CASE: u8 = 15;

/// What the table says of one form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// The Brown cluster's bit path, first branch in the lowest bit; 0 for none.
    pub cluster: u32,
    /// Tenths of the time the word is written capitalised (0..=10), [`NO_CASE`] if unknown.
    pub case: u8,
}

/// Form hash → cluster | case << 24, and each cluster's best-known member.
pub struct WordTable {
    map: HashMap<u64, u32>,
    exemplars: HashMap<u32, String>,
}

/// The bundled table once read ([`WordTable::bundled`]).
static BUNDLED: OnceLock<WordTable> = OnceLock::new();

impl WordTable {
    /// The bundled table, read once (an empty table if the bundled file cannot be read, which
    /// a test guards against).
    pub fn bundled() -> &'static WordTable {
        BUNDLED.get_or_init(|| {
            let mut text = String::new();
            let read = flate2::read::GzDecoder::new(TABLE_GZ).read_to_string(&mut text);
            if read.is_err() {
                text.clear();
            }
            WordTable::parse(&text)
        })
    }

    /// Start reading the bundled table on a thread of its own, unless it is read already:
    /// unpacking it is a fifth of a second of work that the first document would otherwise
    /// wait for, and meanwhile the lists compile and the project loads on the other cores.
    /// Whoever needs the table first waits for that thread, never reads it twice.
    pub fn warm_up() {
        // One thread at most, however often it is asked while the table is still unpacking.
        static STARTED: AtomicBool = AtomicBool::new(false);
        if BUNDLED.get().is_none() && !STARTED.swap(true, Ordering::Relaxed) {
            // Best effort: if no thread can be had, the first document reads the table itself.
            let _ = std::thread::Builder::new()
                .name("word table".into())
                .spawn(|| {
                    WordTable::bundled();
                });
        }
    }

    /// A table from its text form (lines `form\tcluster\tcase`, most probable forms first,
    /// `#` comments).
    pub fn parse(text: &str) -> WordTable {
        let mut map = HashMap::with_capacity(text.len() / 16);
        let mut exemplars = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(form), Some(cluster)) = (cols.next(), cols.next()) else {
                continue;
            };
            let cluster: u32 = cluster.parse().unwrap_or(0) & 0x00ff_ffff;
            let case: u8 = cols
                .next()
                .and_then(|c| c.parse().ok())
                .filter(|c| *c <= 10)
                .unwrap_or(NO_CASE);
            map.insert(hash_str(form), cluster | (case as u32) << 24);
            // A cluster is named by its most frequent plain word ("London", not "OK" or "X").
            let plain = form.chars().count() >= 3
                && form.chars().all(char::is_alphabetic)
                && form.chars().any(char::is_lowercase);
            if cluster != 0 && plain {
                exemplars.entry(cluster).or_insert_with(|| form.to_string());
            }
        }
        WordTable { map, exemplars }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.map.len()
    }

    /// The entry of a form as written, if the table has it.
    #[cfg(test)]
    fn get(&self, form: &str) -> Option<Entry> {
        self.get_hash(hash_str(form))
    }

    /// [`WordTable::get`] by the form's [`hash_str`].
    pub fn get_hash(&self, hash: u64) -> Option<Entry> {
        self.map.get(&hash).map(|&v| Entry {
            cluster: v & 0x00ff_ffff,
            case: (v >> 24) as u8,
        })
    }

    /// A word's cluster and how often its lower-case form is capitalised, from the hashes the
    /// caller already has ([`hash_str`] of the form and of its lower-case form, whose
    /// characters are `lower`). The cluster is the form's as written, else (for a word in
    /// capitals, as in datelines and headlines) its capitalised form's, else its lower-case
    /// form's; 0 if none. The case is [`NO_CASE`] for a word the table does not know.
    pub fn lookup(&self, form: &str, form_hash: u64, lower: &[char], lower_hash: u64) -> (u32, u8) {
        let lower_entry = self.get_hash(lower_hash);
        let case = lower_entry.map_or(NO_CASE, |e| e.case);
        let mut c = self.get_hash(form_hash).map_or(0, |e| e.cluster);
        if c == 0 && form.chars().count() > 1 && !form.chars().any(char::is_lowercase) {
            let mut title = Hasher::new();
            let mut chars = lower.iter();
            if let Some(first) = chars.next() {
                for u in first.to_uppercase() {
                    title = title.char(u);
                }
            }
            for &ch in chars {
                title = title.char(ch);
            }
            c = self.get_hash(title.finish()).map_or(0, |e| e.cluster);
        }
        if c == 0 && form_hash != lower_hash {
            c = lower_entry.map_or(0, |e| e.cluster);
        }
        (c, case)
    }

    /// Tenths of the time a lower-case word is written capitalised in running text (0..=10),
    /// if the table knows it: "net" 1, "revenue" 0, "smith" 9.
    pub fn capitalised_tenths(&self, lower: &str) -> Option<u8> {
        self.get_hash(hash_str(lower))
            .map(|e| e.case)
            .filter(|&c| c != NO_CASE)
    }

    /// [`WordTable::lookup`]'s cluster, from the strings.
    #[cfg(test)]
    fn cluster(&self, form: &str, lower: &str) -> u32 {
        let chars: Vec<char> = lower.chars().collect();
        self.lookup(form, hash_str(form), &chars, hash_str(lower)).0
    }

    /// The best-known word of a cluster (the most frequent word of three letters or more, not
    /// in capitals, in the text it was learnt from).
    pub fn exemplar(&self, cluster: u32) -> Option<&str> {
        self.exemplars.get(&cluster).map(String::as_str)
    }

    /// [`WordTable::lookup`]'s case, from the string.
    #[cfg(test)]
    fn case(&self, lower: &str) -> u8 {
        self.get(lower).map_or(NO_CASE, |e| e.case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_reads() {
        let t = WordTable::bundled();
        assert!(t.len() > 100_000, "{}", t.len());
        // Days of the week share a cluster; names are mostly capitalised, common nouns not.
        assert_ne!(t.cluster("Tuesday", "tuesday"), 0);
        assert_eq!(
            t.cluster("Tuesday", "tuesday"),
            t.cluster("Wednesday", "wednesday")
        );
        assert!(t.case("smith") >= 7, "{}", t.case("smith"));
        assert!(t.exemplar(t.cluster("Tuesday", "tuesday")).is_some());
        assert!(t.case("house") <= 2, "{}", t.case("house"));
        assert_eq!(t.case("zzqxv"), NO_CASE);
    }

    #[test]
    fn parses_and_falls_back() {
        let t = WordTable::parse(
            "# c\nUK\t678\t\nLondon\t678\t\nParis\t678\t\nparis\t0\t9\nbad line\nrun\t5\t0\n",
        );
        assert_eq!(t.len(), 5);
        assert_eq!(t.exemplar(678), Some("London"));
        assert_eq!(t.exemplar(0), None);
        assert_eq!(t.cluster("Paris", "paris"), 678);
        // In capitals: looked up as "Paris".
        assert_eq!(t.cluster("PARIS", "paris"), 678);
        assert_eq!(t.cluster("Run", "run"), 5);
        assert_eq!(t.case("paris"), 9);
        assert_eq!(t.case("Paris"), NO_CASE);
        assert_eq!(t.get("nothing"), None);
    }
}
