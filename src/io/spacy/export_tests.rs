//! Tests of the spaCy export: tokens and white space, groups, user_data and the DocBin bytes.

use super::*;
use crate::io::test_fixtures::{entity, quote};
use crate::model::{DocId, EntityId, QuoteKind, SpanId, Status};
use std::io::Read;

fn toks(text: &str) -> Vec<(&str, bool)> {
    let cuts = BTreeSet::new();
    spacy_tokens(text, &pieces(text, &cuts))
        .iter()
        .map(|t| (&text[t.byte_start..t.byte_end], t.space_after))
        .collect()
}

#[test]
fn white_space_follows_spacys_tokenizer() {
    // What `spacy.blank("en").make_doc(text)` gives as (text, has trailing space).
    assert_eq!(toks("a  b"), [("a", true), (" ", false), ("b", false)]);
    assert_eq!(toks("  a  "), [("  ", false), ("a", true), (" ", false)]);
    assert_eq!(
        toks("a\r\nb"),
        [("a", false), ("\r\n", false), ("b", false)]
    );
    assert_eq!(toks("a \t b"), [("a", true), ("\t ", false), ("b", false)]);
    assert_eq!(toks("\n\na"), [("\n\n", false), ("a", false)]);
    assert_eq!(toks(" a"), [(" ", false), ("a", false)]);
    assert_eq!(toks(""), []);
    let text = "Zoë 👍🏽  said\u{3000}“东京”.";
    let rebuilt: String = toks(text)
        .iter()
        .map(|(t, s)| format!("{t}{}", if *s { " " } else { "" }))
        .collect();
    assert_eq!(rebuilt, text);
}

/// Just enough MessagePack reading to check what `docbin` writes.
#[derive(Clone, Debug, PartialEq)]
enum V {
    Bool(bool),
    Int(u64),
    Str(String),
    Bin(Vec<u8>),
    Arr(Vec<V>),
    Map(Vec<(V, V)>),
}

impl V {
    fn get(&self, key: &str) -> &V {
        match self {
            V::Map(m) => {
                &m.iter()
                    .find(|(k, _)| *k == V::Str(key.into()))
                    .expect(key)
                    .1
            }
            _ => panic!("not a map"),
        }
    }
    fn arr(&self) -> &[V] {
        match self {
            V::Arr(a) => a,
            _ => panic!("not an array: {self:?}"),
        }
    }
    fn bin(&self) -> &[u8] {
        match self {
            V::Bin(b) => b,
            _ => panic!("not bin"),
        }
    }
}

fn unpack(b: &[u8]) -> V {
    let mut i = 0;
    let v = read(b, &mut i);
    assert_eq!(i, b.len(), "trailing bytes");
    v
}

fn read(b: &[u8], i: &mut usize) -> V {
    let take = |i: &mut usize, n: usize| {
        let s = &b[*i..*i + n];
        *i += n;
        s
    };
    let be = |s: &[u8]| s.iter().fold(0u64, |a, x| a << 8 | u64::from(*x));
    let t = take(i, 1)[0];
    let n_of = |i: &mut usize, w: usize| be(take(i, w)) as usize;
    match t {
        0x00..=0x7f => V::Int(u64::from(t)),
        0x80..=0x8f => map(b, i, usize::from(t & 0x0f)),
        0x90..=0x9f => arr(b, i, usize::from(t & 0x0f)),
        0xa0..=0xbf => V::Str(String::from_utf8(take(i, usize::from(t & 0x1f)).to_vec()).unwrap()),
        0xc2 => V::Bool(false),
        0xc3 => V::Bool(true),
        0xc4..=0xc6 => {
            let n = n_of(i, 1 << (t - 0xc4));
            V::Bin(take(i, n).to_vec())
        }
        0xcc..=0xcf => V::Int(be(take(i, 1 << (t - 0xcc)))),
        0xd9..=0xdb => {
            let n = n_of(i, 1 << (t - 0xd9));
            V::Str(String::from_utf8(take(i, n).to_vec()).unwrap())
        }
        0xdc | 0xdd => {
            let n = n_of(i, 2 << (t - 0xdc));
            arr(b, i, n)
        }
        0xde | 0xdf => {
            let n = n_of(i, 2 << (t - 0xde));
            map(b, i, n)
        }
        _ => panic!("unexpected byte {t:#x}"),
    }
}

fn arr(b: &[u8], i: &mut usize, n: usize) -> V {
    V::Arr((0..n).map(|_| read(b, i)).collect())
}

fn map(b: &[u8], i: &mut usize, n: usize) -> V {
    V::Map((0..n).map(|_| (read(b, i), read(b, i))).collect())
}

fn sample() -> Project {
    let text = "“We  will win,” said Angela Merkel.\nShe left 東京.";
    let mut p = Project::new("t");
    p.insert_entity(entity(1, "Angela Merkel", "PERSON"));
    let mut d = Document::new(DocId(1), "merkel", text);
    d.status = Status::Done;
    d.meta.insert("outlet".into(), "FAZ".into());
    let at = |needle: &str| {
        let (b, _) = text.match_indices(needle).next().unwrap();
        let s = text[..b].chars().count();
        CharRange::new(s, s + needle.chars().count())
    };
    let mut m = Span::new(SpanId(1), at("Angela Merkel"), "PERSON");
    m.entity = Some(EntityId(1));
    d.insert_span(m);
    d.insert_span(Span::new(SpanId(2), at("Merkel"), "PERSON"));
    let mut she = Span::new(SpanId(3), at("She"), "PERSON");
    she.mention = Mention::Pronoun;
    d.insert_span(she);
    d.insert_span(Span::new(SpanId(4), at(" 東京"), "GPE"));
    d.quotes.push(quote(
        1,
        vec![at("We  will win,")],
        Some(SpanId(1)),
        Some(at("said")),
        QuoteKind::Direct,
    ));
    p.insert_document(d);
    p
}

#[test]
fn writes_a_docbin_as_spacy_does() {
    let p = sample();
    let (bytes, report) = to_bytes(&p, &p.documents, &Options::default());
    assert_eq!((report.documents, report.spans, report.quotes), (1, 4, 1));
    assert_eq!(report.left_out.len(), 2, "{:?}", report.left_out);
    assert!(
        report.left_out[0]
            .contains("44..47 GPE \" 東京\" has white space at an end; exported as 45..47")
    );
    assert!(report.left_out[1].contains("28..34 PERSON \"Merkel\" overlaps 21..34"));
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&bytes[..])
        .read_to_end(&mut raw)
        .unwrap();
    let v = unpack(&raw);
    assert_eq!(v.get("version"), &V::Str("0.1".into()));
    assert_eq!(
        v.get("attrs"),
        &V::Arr(ATTRS.iter().map(|a| V::Int(*a)).collect())
    );
    let n: Vec<i32> = v
        .get("lengths")
        .bin()
        .chunks(4)
        .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let tokens: Vec<u64> = v
        .get("tokens")
        .bin()
        .chunks(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let rows: Vec<&[u64]> = tokens.chunks(4).collect();
    assert_eq!(n, [rows.len() as i32]);
    let strings: Vec<String> = v
        .get("strings")
        .arr()
        .iter()
        .map(|s| match s {
            V::Str(s) => s.clone(),
            _ => panic!(),
        })
        .collect();
    let mut sorted = strings.clone();
    sorted.sort();
    assert_eq!(strings, sorted);
    let text_of = |id: u64| {
        strings
            .iter()
            .find(|s| string_id(s) == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} not in strings"))
    };
    let spaces = v.get("spaces").bin();
    let mut rebuilt = String::new();
    for (r, s) in rows.iter().zip(spaces) {
        rebuilt.push_str(&text_of(r[0]));
        if *s == 1 {
            rebuilt.push(' ');
        }
    }
    assert_eq!(rebuilt, *p.documents[0].text);
    // "Angela Merkel" is B, I; its type PERSON (380) and kb id the entity's name.
    let words: Vec<String> = rows.iter().map(|r| text_of(r[0])).collect();
    let k = words.iter().position(|w| w == "Angela").unwrap();
    assert_eq!(rows[k][1..], [IOB_B, 380, string_id("Angela Merkel")]);
    assert_eq!(rows[k + 1][1..], [IOB_I, 380, string_id("Angela Merkel")]);
    assert_eq!(rows[k + 2][1..], [IOB_O, 0, 0]);
    assert_eq!(words[1], "We");
    assert_eq!(words[2], " ", "the second space of \"We  will\" is a token");
    assert_eq!(
        v.get("flags").arr()[0],
        V::Map(vec![(V::Str("has_unknown_spaces".into()), V::Bool(false))])
    );
    let user = unpack(v.get("user_data").arr()[0].bin());
    assert_eq!(user.get("gloss_doc"), &V::Str("merkel".into()));
    assert_eq!(user.get("gloss_status"), &V::Str("done".into()));
    assert_eq!(
        user.get("gloss_meta"),
        &V::Map(vec![(V::Str("outlet".into()), V::Str("FAZ".into()))])
    );
    let mentions = user.get("gloss_mentions").arr();
    assert_eq!(mentions.len(), 1, "only \"She\" is not a name");
    assert_eq!(
        mentions[0].arr()[2..],
        [V::Str("pronoun".into()), V::Str("PERSON".into())]
    );

    let groups = unpack(v.get("span_groups").arr()[0].bin());
    let V::Map(groups) = groups else { panic!() };
    let keys: Vec<V> = groups.iter().map(|(_, k)| k.clone()).collect();
    assert_eq!(
        keys,
        GROUPS.map(|g| V::Arr(vec![V::Str(g.into())])).to_vec()
    );
    let spans_of = |i: usize| -> Vec<(u64, u64, u64, i32, i32, i32, i32)> {
        let g = unpack(groups[i].0.bin());
        assert_eq!(g.get("name"), &V::Str(GROUPS[i].into()));
        g.get("spans")
            .arr()
            .iter()
            .map(|s| {
                let b = s.bin();
                assert_eq!(b.len(), 40);
                let q = |k: usize| u64::from_be_bytes(b[k..k + 8].try_into().unwrap());
                let l = |k: usize| i32::from_be_bytes(b[k..k + 4].try_into().unwrap());
                (q(0), q(8), q(16), l(24), l(28), l(32), l(36))
            })
            .collect()
    };
    let sc = spans_of(0);
    assert_eq!(sc.len(), 4);
    assert_eq!(
        sc[0],
        (
            0,
            string_id("Angela Merkel"),
            380,
            k as i32,
            k as i32 + 2,
            21,
            34
        )
    );
    let quotes = spans_of(1);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        (
            quotes[0].0,
            quotes[0].1,
            quotes[0].2,
            quotes[0].5,
            quotes[0].6
        ),
        (
            string_id("quote-1"),
            string_id("Angela Merkel"),
            string_id("direct"),
            1,
            14
        )
    );
    assert_eq!(spans_of(2)[0].2, string_id(SPEAKER));
    assert_eq!(spans_of(3)[0].2, string_id(CUE));
    for s in [SPEAKER, CUE, "direct", "quote-1", "Angela Merkel", "GPE"] {
        assert!(strings.iter().any(|x| x == s), "{s} missing from strings");
    }
}

#[test]
fn selected_labels_and_no_quotes() {
    let p = sample();
    let options = Options {
        labels: Some(vec!["GPE".into()]),
        quotes: false,
    };
    let (_, report) = to_bytes(&p, &p.documents, &options);
    assert_eq!((report.spans, report.quotes), (1, 0));
    let empty = Project::new("e");
    let (bytes, report) = to_bytes(&empty, &empty.documents, &Options::default());
    assert_eq!(report.documents, 0);
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&bytes[..])
        .read_to_end(&mut raw)
        .unwrap();
    assert_eq!(unpack(&raw).get("lengths"), &V::Bin(vec![]));
}
