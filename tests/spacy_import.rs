//! spaCy DocBin import (issue 14, item 10): Gloss's own export read back unchanged (emoji, CJK,
//! nested and overlapping spans, quotes with speakers and cues, mention kinds, metadata and
//! status), a DocBin made byte by byte as spaCy lays one out (span groups in both of spaCy's
//! layouts, symbols missing from `strings`, cats), and files that are cut short, garbage or
//! inconsistent refused with a message naming the file, never a panic. The check against
//! spaCy itself is in `formats_tokens.rs` (`GLOSS_SPACY_CHECK=1`).

use std::io::Write;
use std::path::Path;

use gloss::io::spacy::string_id;
use gloss::io::{interchange::Import, project_file, spacy};
use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, LabelDef, Mention, Origin, Project, Quote,
    QuoteId, QuoteKind, Span, SpanId, Status,
};

mod common;
use common::{gloss, scratch};

// ---------------------------------------------------------------------- Gloss → spaCy → Gloss

/// The code points of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> CharRange {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {text:?}"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn sample() -> Project {
    let mut p = Project::new("sample");
    p.labels.labels.push(LabelDef {
        name: "TOPIC".into(),
        color: p.labels.next_color(),
        key: None,
        description: String::new(),
    });
    for (id, name) in [(1, "Angela Merkel"), (2, "Xi Jinping")] {
        p.insert_entity(Entity {
            id: EntityId(id),
            name: name.into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
    }
    let text = "“We  will win,” said Angela Merkel 👋🏽, “and soon.”\n\
                She met 習近平 in 東京. The spokesman agreed that talks go on.";
    let mut d = Document::new(DocId(1), "merkel 😀", text);
    d.status = Status::Done;
    d.meta.insert("outlet".into(), "FAZ".into());
    d.meta.insert("cat:POLITICS".into(), "0.9".into());
    let spans = [
        ("Angela Merkel", "PERSON", Mention::Name, Some(1)),
        ("Merkel", "PERSON", Mention::Name, Some(1)),
        ("She", "PERSON", Mention::Pronoun, Some(1)),
        ("習近平", "PERSON", Mention::Name, Some(2)),
        ("met 習近平", "EVENT", Mention::Name, None),
        ("習近平 in 東京", "TOPIC", Mention::Name, None),
        ("東京", "GPE", Mention::Name, None),
        ("The spokesman", "PERSON", Mention::Nominal, None),
    ];
    for (i, (needle, label, mention, entity)) in spans.into_iter().enumerate() {
        let mut s = Span::new(SpanId(i as u64 + 1), at(text, needle), label);
        s.mention = mention;
        s.entity = entity.map(EntityId);
        d.insert_span(s);
    }
    d.insert_quote(Quote {
        id: QuoteId(1),
        content: vec![at(text, "We  will win,"), at(text, "and soon.")],
        speaker: Some(SpanId(1)),
        cue: Some(at(text, "said")),
        kind: QuoteKind::Direct,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    d.insert_quote(Quote {
        id: QuoteId(2),
        content: vec![at(text, "talks go on")],
        speaker: Some(SpanId(8)),
        cue: Some(at(text, "agreed")),
        kind: QuoteKind::Indirect,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    p.insert_document(d);
    let text = "Zoë 👍🏽 e\u{301}té\tà 東京\n\n";
    let mut d = Document::new(DocId(2), "zoë", text);
    d.status = Status::InProgress;
    d.insert_span(Span::new(SpanId(1), at(text, "Zoë"), "PERSON"));
    d.insert_span(Span::new(SpanId(2), at(text, "東京"), "GPE"));
    p.insert_document(d);
    p.insert_document(Document::new(DocId(3), "empty", ""));
    p
}

/// A quote by its ranges: content, speaker, cue, kind.
type QuoteView = (
    Vec<CharRange>,
    Option<CharRange>,
    Option<CharRange>,
    QuoteKind,
);

/// What a project holds, by names rather than ids, to compare two projects.
#[derive(Debug, PartialEq)]
struct View {
    name: String,
    text: String,
    status: Status,
    meta: Vec<(String, String)>,
    spans: Vec<(CharRange, String, Mention, Option<String>)>,
    quotes: Vec<QuoteView>,
}

fn view<'a>(entities: &[Entity], docs: impl IntoIterator<Item = &'a Document>) -> Vec<View> {
    let entity = |id: Option<EntityId>| {
        id.map(|id| {
            entities
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.name.clone())
                .unwrap_or_else(|| format!("missing entity {id}"))
        })
    };
    docs.into_iter()
        .map(|d| View {
            name: d.name.clone(),
            text: d.text.to_string(),
            status: d.status,
            meta: d.meta.clone().into_iter().collect(),
            spans: d
                .spans
                .iter()
                .map(|s| (s.range(), s.label.to_string(), s.mention, entity(s.entity)))
                .collect(),
            quotes: d
                .quotes
                .iter()
                .map(|q| {
                    let speaker = q.speaker.and_then(|s| d.span(s)).map(Span::range);
                    (q.content.clone(), speaker, q.cue, q.kind)
                })
                .collect(),
        })
        .collect()
}

fn import(bytes: &[u8], into: &Project) -> Import {
    spacy::import::read_bytes(Path::new("in.spacy"), bytes, into).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn gloss_export_comes_back_unchanged() {
    let p = sample();
    let (bytes, report) = spacy::to_bytes(&p, &p.documents, &spacy::Options::default());
    assert!(
        report.left_out.iter().all(|l| !l.contains("left out")),
        "{report:?}"
    );
    let i = import(&bytes, &Project::new("fresh"));
    assert!(i.skipped.is_empty(), "{:?}", i.skipped);
    let labels: Vec<&str> = i.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(labels, ["TOPIC"], "labels the project lacks are added");
    let mut entities: Vec<&str> = i.new_entities.iter().map(|e| e.name.as_str()).collect();
    entities.sort();
    assert_eq!(entities, ["Angela Merkel", "Xi Jinping"]);
    assert_eq!(
        view(&i.new_entities, &i.documents),
        view(&p.entities, &p.documents)
    );
    for s in i.documents.iter().flat_map(|d| &d.spans) {
        assert_eq!(
            s.origin,
            Origin::Imported {
                format: "spacy".into()
            }
        );
    }
    // The second time, every document is already there.
    let i = import(&bytes, &p);
    assert!(i.documents.is_empty());
    assert_eq!(i.notices.len(), 3, "{:?}", i.notices);
}

#[test]
fn only_some_labels_and_no_quotes_still_read() {
    let p = sample();
    let options = spacy::Options {
        labels: Some(vec!["GPE".into()]),
        quotes: false,
    };
    let (bytes, _) = spacy::to_bytes(&p, &p.documents, &options);
    let i = import(&bytes, &Project::new("fresh"));
    let spans: Vec<(String, CharRange)> = i
        .documents
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| (s.label.to_string(), s.range())))
        .collect();
    let text = &p.documents[0].text;
    assert_eq!(
        spans,
        [
            ("GPE".to_string(), at(text, "東京")),
            ("GPE".to_string(), at(&p.documents[1].text, "東京"))
        ]
    );
    assert!(i.documents.iter().all(|d| d.quotes.is_empty()));
}

/// A speaker whose mention is not among the exported spans is made again from the `speakers`
/// group: a description (or a pronoun) linked to the speaker's entity.
#[test]
fn a_speaker_outside_the_exported_labels_becomes_a_mention() {
    let p = sample();
    let options = spacy::Options {
        labels: Some(vec!["GPE".into()]),
        quotes: true,
    };
    let (bytes, _) = spacy::to_bytes(&p, &p.documents, &options);
    let i = import(&bytes, &Project::new("fresh"));
    let d = &i.documents[0];
    let q = &d.quotes[0];
    let speaker = d.span(q.speaker.expect("a speaker")).unwrap();
    assert_eq!(speaker.range(), at(&d.text, "Angela Merkel"));
    assert_eq!(
        (speaker.label.as_str(), speaker.mention),
        ("PERSON", Mention::Nominal)
    );
    let linked = speaker
        .entity
        .and_then(|e| i.new_entities.iter().find(|x| x.id == e));
    assert_eq!(linked.map(|e| e.name.as_str()), Some("Angela Merkel"));
}

#[test]
fn the_cli_round_trips_through_spacy_and_picks_the_format_by_extension() {
    let dir = scratch();
    let d = dir.path();
    project_file::save(&d.join("p.ron"), &sample()).unwrap();
    let ok = |args: &[&str]| {
        let run = gloss(d, args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        run
    };
    ok(&["export", "p.ron", "--format", "spacy", "-o", "p.spacy"]);
    let run = ok(&["import", "back.ron", "p.spacy"]);
    assert!(run.stdout.contains("added 3 documents"), "{run:?}");
    ok(&["import", "explicit.ron", "p.spacy", "--format", "spacy"]);
    for project in ["p", "back", "explicit"] {
        let out = format!("{project}.jsonl");
        ok(&[
            "export",
            &format!("{project}.ron"),
            "--format",
            "jsonl",
            "-o",
            &out,
        ]);
    }
    let read = |f: &str| std::fs::read_to_string(d.join(f)).unwrap();
    assert_eq!(read("back.jsonl"), read("p.jsonl"));
    assert_eq!(read("explicit.jsonl"), read("p.jsonl"));
}

// ---------------------------------------------------------------------- a DocBin made by hand

/// Just enough MessagePack to lay out a DocBin as srsly does (`use_bin_type=True`).
#[derive(Clone, Debug)]
enum M {
    Nil,
    Int(u64),
    F64(f64),
    Str(String),
    Bin(Vec<u8>),
    Arr(Vec<M>),
    Map(Vec<(M, M)>),
}

fn s(x: &str) -> M {
    M::Str(x.into())
}

impl M {
    fn pack(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            M::Nil => out.push(0xc0),
            M::Int(v) => {
                out.push(0xcf);
                out.extend_from_slice(&v.to_be_bytes());
            }
            M::F64(x) => {
                out.push(0xcb);
                out.extend_from_slice(&x.to_be_bytes());
            }
            M::Str(t) => {
                out.push(0xdb);
                out.extend_from_slice(&(t.len() as u32).to_be_bytes());
                out.extend_from_slice(t.as_bytes());
            }
            M::Bin(b) => {
                out.push(0xc6);
                out.extend_from_slice(&(b.len() as u32).to_be_bytes());
                out.extend_from_slice(b);
            }
            M::Arr(items) => {
                out.push(0xdd);
                out.extend_from_slice(&(items.len() as u32).to_be_bytes());
                items.iter().for_each(|i| i.write(out));
            }
            M::Map(items) => {
                out.push(0xdf);
                out.extend_from_slice(&(items.len() as u32).to_be_bytes());
                for (k, v) in items {
                    k.write(out);
                    v.write(out);
                }
            }
        }
    }
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

/// A span as `SpanGroup.to_bytes` packs it: `>QQQllll`.
fn span(label: &str, kb: &str, tokens: (i32, i32)) -> M {
    let mut b = Vec::new();
    for v in [0, string_id(kb), string_id(label)] {
        b.extend_from_slice(&v.to_be_bytes());
    }
    for v in [tokens.0, tokens.1, 0, 0] {
        b.extend_from_slice(&v.to_be_bytes());
    }
    M::Bin(b)
}

fn group(name: &str, spans: Vec<M>) -> Vec<u8> {
    M::Map(vec![
        (s("name"), s(name)),
        (s("attrs"), M::Map(vec![])),
        (s("spans"), M::Arr(spans)),
    ])
    .pack()
}

const NORM: u64 = 67;
const ORTH: u64 = 65;
const ENT_IOB: u64 = 77;
const ENT_TYPE: u64 = 78;

/// Documents as (tokens with a space after each or not, IOB, entity type) rows.
type Doc<'a> = Vec<(&'a str, bool, u64, &'a str)>;

/// A DocBin of `docs` with columns ORTH, NORM, ENT_IOB, ENT_TYPE; `strings` leaves out the
/// symbols (PERSON, GPE, EVENT…), which spaCy knows without them.
fn docbin(docs: &[Doc], span_groups: Vec<M>, cats: Vec<M>) -> M {
    let mut tokens = Vec::new();
    let mut spaces = Vec::new();
    let mut lengths = Vec::new();
    let mut strings = std::collections::BTreeSet::new();
    for doc in docs {
        lengths.extend_from_slice(&(doc.len() as i32).to_le_bytes());
        for (orth, space, iob, ty) in doc {
            for v in [
                string_id(orth),
                string_id(&orth.to_lowercase()),
                *iob,
                string_id(ty),
            ] {
                tokens.extend_from_slice(&v.to_le_bytes());
            }
            spaces.push(u8::from(*space));
            strings.insert(orth.to_string());
            strings.insert(orth.to_lowercase());
            if string_id(ty) > 1000 {
                strings.insert(ty.to_string());
            }
        }
    }
    for extra in ["TOPIC", "custom", "Zoë Q1", "CITY"] {
        strings.insert(extra.to_string());
    }
    M::Map(vec![
        (s("version"), s("0.1")),
        (
            s("attrs"),
            M::Arr([ORTH, NORM, ENT_IOB, ENT_TYPE].map(M::Int).to_vec()),
        ),
        (s("tokens"), M::Bin(tokens)),
        (s("spaces"), M::Bin(spaces)),
        (s("lengths"), M::Bin(lengths)),
        (s("strings"), M::Arr(strings.iter().map(|x| s(x)).collect())),
        (s("cats"), M::Arr(cats)),
        (
            s("flags"),
            M::Arr(docs.iter().map(|_| M::Map(vec![])).collect()),
        ),
        (s("span_groups"), M::Arr(span_groups)),
    ])
}

fn hand_made() -> M {
    let first: Doc = vec![
        ("Zoë", true, 3, "PERSON"),
        ("👋", true, 2, ""),
        ("met", true, 2, ""),
        ("習近平", true, 3, "PERSON"),
        ("in", true, 2, ""),
        ("東京", false, 3, "GPE"),
        (".", false, 2, ""),
    ];
    let second: Doc = vec![
        ("New", true, 3, "GPE"),
        ("York", true, 1, "GPE"),
        ("rocks", true, 0, ""),
        ("Big", true, 1, "LOC"),
        ("Apple", false, 1, "LOC"),
    ];
    // spaCy 3.1 on: a map from each group's bytes to its keys.
    let groups_now = M::Map(vec![
        (
            M::Bin(group(
                "sc",
                vec![span("EVENT", "", (2, 4)), span("TOPIC", "", (3, 6))],
            )),
            M::Arr(vec![s("sc")]),
        ),
        (
            M::Bin(group("custom", vec![span("", "Zoë Q1", (0, 1))])),
            M::Arr(vec![s("custom")]),
        ),
    ]);
    // spaCy 3.0: a list of groups; a span covering no token is reported.
    let groups_then = M::Arr(vec![M::Bin(group(
        "sc",
        vec![span("CITY", "", (0, 2)), span("CITY", "", (2, 2))],
    ))]);
    docbin(
        &[first, second],
        vec![M::Bin(groups_now.pack()), M::Bin(groups_then.pack())],
        vec![
            M::Map(vec![
                (s("POLITICS"), M::F64(0.75)),
                (s("SPORT"), M::F64(0.0)),
            ]),
            M::Map(vec![]),
        ],
    )
}

#[test]
fn a_docbin_laid_out_as_spacy_does_is_read() {
    let bytes = zlib(&hand_made().pack());
    let i = import(&bytes, &Project::new("fresh"));
    let docs = view(&i.new_entities, &i.documents);
    assert_eq!(docs[0].name, "in-0");
    assert_eq!(docs[0].text, "Zoë 👋 met 習近平 in 東京.");
    assert_eq!(docs[0].status, Status::Todo);
    assert_eq!(
        docs[0].meta,
        [
            ("cat:POLITICS".to_string(), "0.75".to_string()),
            ("cat:SPORT".to_string(), "0".to_string())
        ]
    );
    let r = CharRange::new;
    let sp = |range, label: &str, entity: Option<&str>| {
        (
            range,
            label.to_string(),
            Mention::Name,
            entity.map(String::from),
        )
    };
    assert_eq!(
        docs[0].spans,
        [
            sp(r(0, 3), "PERSON", None),
            sp(r(0, 3), "custom", Some("Zoë Q1")),
            sp(r(6, 13), "EVENT", None),
            sp(r(10, 19), "TOPIC", None),
            sp(r(10, 13), "PERSON", None),
            sp(r(17, 19), "GPE", None),
        ]
    );
    assert_eq!(docs[1].text, "New York rocks Big Apple");
    assert_eq!(
        docs[1].spans,
        [
            sp(r(0, 8), "CITY", None),
            sp(r(0, 8), "GPE", None),
            sp(r(15, 24), "LOC", None),
        ]
    );
    let labels: Vec<&str> = i.labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(labels, ["custom", "TOPIC", "CITY"]);
    assert_eq!(i.skipped.len(), 1, "{:?}", i.skipped);
    assert!(
        i.skipped[0]
            .to_string()
            .contains("doc index 1: doc.spans[\"sc\"] span 1 covers no token"),
        "{}",
        i.skipped[0]
    );
}

/// user_data from a spaCy pipeline: plain entries become metadata, the rest (an extension
/// attribute's tuple key, a list) is reported; cats win over an entry of the same key.
#[test]
fn plain_user_data_becomes_metadata() {
    let user = M::Map(vec![
        (s("url"), s("https://example.org/1")),
        (s("words"), M::Int(7)),
        (s("cat:POLITICS"), s("stale")),
        (s("gone"), M::Nil),
        (M::Arr(vec![s("._."), s("x"), M::Nil, M::Nil]), M::Int(1)),
        (s("tags"), M::Arr(vec![s("a")])),
    ]);
    let M::Map(mut fields) = hand_made() else {
        unreachable!()
    };
    fields.push((s("user_data"), M::Arr(vec![M::Bin(user.pack()), M::Nil])));
    let i = import(&zlib(&M::Map(fields).pack()), &Project::new("fresh"));
    let meta: Vec<(&str, &str)> = i.documents[0]
        .meta
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        meta,
        [
            ("cat:POLITICS", "0.75"),
            ("cat:SPORT", "0"),
            ("url", "https://example.org/1"),
            ("words", "7")
        ]
    );
    assert!(i.documents[1].meta.is_empty());
    let skipped: Vec<String> = i.skipped.iter().map(ToString::to_string).collect();
    assert!(
        skipped
            .iter()
            .any(|l| l.contains("doc index 0: 2 user_data entries are not plain")),
        "{skipped:?}"
    );
}

// ------------------------------------------------------------------------------ bad files

fn refused(bytes: &[u8]) -> String {
    match spacy::import::read_bytes(Path::new("bad.spacy"), bytes, &Project::new("p")) {
        Ok(i) => panic!("read {} documents from a bad file", i.documents.len()),
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("bad.spacy: "), "{message}");
            message
        }
    }
}

/// `hand_made` with one top-level field replaced.
fn with_field(key: &str, value: M) -> Vec<u8> {
    let M::Map(mut fields) = hand_made() else {
        unreachable!()
    };
    for (k, v) in &mut fields {
        if matches!(k, M::Str(x) if x == key) {
            *v = value.clone();
        }
    }
    zlib(&M::Map(fields).pack())
}

#[test]
fn garbage_truncated_and_inconsistent_files_are_refused_by_name() {
    let good = zlib(&hand_made().pack());
    assert!(refused(b"not a docbin at all").contains("not zlib-compressed data"));
    assert!(refused(&good[..good.len() / 2]).contains("cut short"));
    assert!(refused(&[]).contains("cut short"));
    let raw = hand_made().pack();
    assert!(
        refused(&zlib(&raw[..raw.len() - 7])).contains("not valid MessagePack or is cut short")
    );
    assert!(refused(&zlib(&M::Arr(vec![]).pack())).contains("no map of DocBin fields"));
    assert!(
        refused(&with_field("lengths", M::Bin(vec![8, 0, 0, 0, 3, 0, 0, 0])))
            .contains("lengths add up to 11 tokens but tokens holds 12")
    );
    assert!(
        refused(&with_field("lengths", M::Bin(vec![0xff, 0xff, 0xff, 0xff])))
            .contains("negative count")
    );
    assert!(
        refused(&with_field("spaces", M::Bin(vec![1])))
            .contains("spaces holds 1 bytes for 12 tokens")
    );
    assert!(
        refused(&with_field("tokens", M::Bin(vec![0; 12])))
            .contains("not whole rows of 4 attributes")
    );
    assert!(refused(&with_field("attrs", M::Arr(vec![M::Int(NORM)]))).contains("no ORTH column"));
    assert!(
        refused(&with_field("cats", M::Arr(vec![])))
            .contains("\"cats\" has 0 entries for 2 documents")
    );
    let message = refused(&with_field("strings", M::Arr(vec![])));
    assert!(
        message.contains("doc index 0: token 0: its ORTH") && message.contains("cannot be rebuilt"),
        "{message}"
    );
    let outside = M::Arr(vec![M::Bin(group("sc", vec![span("CITY", "", (3, 99))]))]);
    let message = refused(&with_field(
        "span_groups",
        M::Arr(vec![M::Bin(outside.pack()), M::Bin(vec![])]),
    ));
    assert!(
        message.contains("doc.spans[\"sc\"] span 0 covers tokens 3..99, outside the document's 7"),
        "{message}"
    );
    let short = M::Arr(vec![M::Bin(group("sc", vec![M::Bin(vec![0; 39])]))]);
    let message = refused(&with_field(
        "span_groups",
        M::Arr(vec![M::Bin(short.pack()), M::Bin(vec![])]),
    ));
    assert!(message.contains("span 0 is not the 40 bytes"), "{message}");
}

/// Every prefix of a file, and every byte of its MessagePack changed, gives an import or an
/// error, never a panic.
#[test]
fn no_damage_makes_the_reader_panic() {
    let raw = hand_made().pack();
    let good = zlib(&raw);
    for n in 0..good.len() {
        refused(&good[..n]);
    }
    let p = Project::new("p");
    for i in 0..raw.len() {
        for flip in [0xff, 0x01, 0x80] {
            let mut bad = raw.clone();
            bad[i] ^= flip;
            let _ = spacy::import::read_bytes(Path::new("bad.spacy"), &zlib(&bad), &p);
        }
    }
}

#[test]
fn a_file_that_is_no_docbin_fails_the_cli_import_and_changes_nothing() {
    let dir = scratch();
    let d = dir.path();
    std::fs::write(d.join("junk.spacy"), b"\x78\x9c garbage").unwrap();
    let run = gloss(d, &["import", "p.ron", "junk.spacy"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .contains("junk.spacy: not a readable spaCy DocBin (.spacy)"),
        "{run:?}"
    );
    assert!(!d.join("p.ron").exists());
}
