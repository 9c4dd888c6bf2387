//! Tests of `io::brat::export`: the seed conventions, reading back, renaming and fragments.

use super::*;
use crate::io::brat;
use crate::io::test_fixtures::{at, entity, quote};
use crate::model::{DocId, EntityId, Origin, QuoteId};

fn seed() -> Project {
    let text = "“We will win,” said Angela Merkel in Berlin.\nShe added that the\nchancellor never gives up, her aide said.";
    let mut p = Project::new("t");
    p.insert_entity(entity(7, "Angela Merkel", "PERSON"));
    let mut d = Document::new(DocId(1), "merkel/berlin", text);
    let mut merkel = Span::new(SpanId(1), at(text, "Angela Merkel"), "PERSON");
    merkel.entity = Some(EntityId(7));
    d.insert_span(merkel);
    d.insert_span(Span::new(SpanId(2), at(text, "Berlin"), "GPE"));
    let mut she = Span::new(SpanId(3), at(text, "She"), "PERSON");
    she.mention = Mention::Pronoun;
    she.entity = Some(EntityId(7));
    d.insert_span(she);
    let mut aide = Span::new(SpanId(4), at(text, "her aide"), "PERSON");
    aide.mention = Mention::Nominal;
    d.insert_span(aide);
    d.quotes.push(quote(
        1,
        vec![at(text, "We will win,")],
        Some(SpanId(1)),
        Some(at(text, "said")),
        QuoteKind::Direct,
    ));
    d.quotes.push(quote(
        2,
        vec![at(text, "the\nchancellor never gives up")],
        Some(SpanId(3)),
        Some(at(text, "added")),
        QuoteKind::Indirect,
    ));
    d.quotes.push(Quote {
        id: QuoteId(3),
        content: vec![at(text, "chancellor never gives up")],
        speaker: Some(SpanId(4)),
        cue: Some(CharRange::new(
            at(text, "aide said").end - 4,
            at(text, "aide said").end,
        )),
        kind: QuoteKind::Mixed,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    p.insert_document(d);
    p
}

#[test]
fn writes_the_seed_conventions() {
    let p = seed();
    let docs: Vec<&Document> = p.documents.iter().collect();
    let e = export(&p, &docs, &Options::default());
    assert_eq!(e.files[0].stem, "merkel_berlin");
    assert_eq!(
        e.files[0].ann,
        "T1\tPERSON 20 33\tAngela Merkel\n\
         T2\tGPE 37 43\tBerlin\n\
         T3\tSpeaker 45 48\tShe\n\
         T4\tSpeaker 91 99\ther aide\n\
         T5\tQuote 1 13\tWe will win,\n\
         T6\tCue 15 19\tsaid\n\
         T7\tQuote 60 63;64 89\tthe chancellor never gives up\n\
         T8\tCue 49 54\tadded\n\
         T9\tQuote 64 89\tchancellor never gives up\n\
         T10\tCue 100 104\tsaid\n\
         R1\tCue Arg1:T5 Arg2:T6\n\
         R2\tSpeaker Arg1:T5 Arg2:T1\n\
         R3\tCue Arg1:T7 Arg2:T8\n\
         R4\tSpeaker Arg1:T7 Arg2:T3\n\
         R5\tCue Arg1:T9 Arg2:T10\n\
         R6\tSpeaker Arg1:T9 Arg2:T4\n\
         A1\tKind T5 Direct\n\
         A2\tKind T7 Indirect\n\
         A3\tKind T9 Mixed\n\
         N1\tReference T1 gloss:7\tAngela Merkel\n\
         #1\tAnnotatorNotes T7\tspeaker=Angela Merkel\n"
    );
    // A renamed file is a rename, not something left out.
    assert!(e.report.left_out.is_empty(), "{:?}", e.report.left_out);
    assert_eq!(
        e.renamed,
        [Renamed {
            document: "merkel/berlin".into(),
            file: "merkel_berlin.txt and merkel_berlin.ann".into()
        }]
    );
    assert!(
        e.conf.contains(
            "[entities]\nPERSON\nORG\nGPE\nLOC\nNORP\nEVENT\nMISC\nQuote\nCue\nSpeaker\n"
        )
    );
}

#[test]
fn reads_back_through_io_brat() {
    let mut p = seed();
    p.documents[0].meta.insert("outlet".into(), "taz".into());
    let docs: Vec<&Document> = p.documents.iter().collect();
    let dir = tempfile::tempdir().unwrap();
    write(&p, &docs, &Options::default(), dir.path()).unwrap();
    let back = brat::read_paths(&[dir.path().to_path_buf()], &Project::new("b")).unwrap();
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    let d = &back.documents[0].document;
    let orig = &p.documents[0];
    assert_eq!(d.text, orig.text);
    assert_eq!(d.meta, orig.meta, "through NAME.meta.json");
    assert!(
        back.documents
            .iter()
            .skip(1)
            .all(|d| d.document.meta.is_empty())
    );
    let spans = |d: &Document, names: &dyn Fn(EntityId) -> String| {
        d.spans
            .iter()
            .map(|s| (s.range(), s.label, s.mention, s.entity.map(names)))
            .collect::<Vec<_>>()
    };
    let old_names = |e: EntityId| p.entity(e).unwrap().name.clone();
    let new_names = |e: EntityId| {
        back.new_entities
            .iter()
            .find(|x| x.id == e)
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(spans(d, &new_names), spans(orig, &old_names));
    assert_eq!(d.quotes.len(), 3);
    for (a, b) in d.quotes.iter().zip(&orig.quotes) {
        assert_eq!(a.content, b.content);
        assert_eq!(a.cue, b.cue);
        assert_eq!(a.kind, b.kind);
        let sp = |d: &Document, q: &Quote| q.speaker.and_then(|s| d.span(s)).map(|s| s.range());
        assert_eq!(sp(d, a), sp(orig, b));
    }
}

#[test]
fn mentions_that_would_not_read_back_as_speakers_are_labelled_names_and_reported() {
    let mut p = seed();
    let d = &mut p.documents[0];
    // An ORG description that speaks for nobody cannot be a `Speaker` T.
    let r = at(&d.text, "the\nchancellor");
    let mut s = Span::new(SpanId(9), r, "ORG");
    s.mention = Mention::Nominal;
    d.insert_span(s);
    let docs: Vec<&Document> = p.documents.iter().collect();
    let e = export(&p, &docs, &Options::default());
    assert!(
        e.files[0]
            .ann
            .contains("\tORG 60 63;64 74\tthe chancellor\n")
    );
    assert!(
        e.report.left_out.iter().any(|l| l.contains(
            "60..74 ORG \"the\\nchancellor\": this description is written as a name labelled ORG"
        )),
        "{:?}",
        e.report.left_out
    );
}

#[test]
fn labels_selected_and_renamed_and_duplicates_written_once() {
    let mut p = seed();
    let d = &mut p.documents[0];
    d.insert_span(Span::new(SpanId(10), at(&d.text, "Berlin"), "GPE"));
    d.insert_span(Span::new(SpanId(11), at(&d.text, "win"), "quote"));
    d.insert_span(Span::new(SpanId(12), at(&d.text, "will"), "TIME WORD"));
    let docs: Vec<&Document> = p.documents.iter().collect();
    let e = export(&p, &docs, &Options::default());
    let ann = &e.files[0].ann;
    assert_eq!(ann.matches("\tGPE 37 43\tBerlin").count(), 1);
    assert!(ann.contains("\tquote_ 9 12\twin\n") && ann.contains("\tTIME_WORD 4 8\twill\n"));
    assert!(
        e.report
            .left_out
            .iter()
            .any(|l| l.contains("37..43 GPE \"Berlin\" is there twice"))
    );
    assert!(
        e.report
            .left_out
            .iter()
            .any(|l| l.starts_with("label \"TIME WORD\" is written as \"TIME_WORD\""))
    );

    let only = Options {
        labels: Some(vec!["GPE".into()]),
        quotes: true,
    };
    let e = export(&p, &docs, &only);
    let ann = &e.files[0].ann;
    // Merkel speaks a quote, so she is written although PERSON is not selected.
    assert!(ann.contains("\tPERSON 20 33\tAngela Merkel\n"));
    assert!(!ann.contains("TIME_WORD") && !ann.contains("quote_"));
    let no_quotes = Options {
        labels: Some(vec!["GPE".into()]),
        quotes: false,
    };
    let e = export(&p, &docs, &no_quotes);
    assert_eq!(e.files[0].ann, "T1\tGPE 37 43\tBerlin\n");
}

#[test]
fn file_stems_are_safe_and_unique() {
    let names = [
        "a/b",
        "A_b",
        "  .hidden. ",
        "",
        "CON",
        "com1.txt",
        "x\ny",
        "ok",
    ];
    let docs: Vec<Document> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Document::new(DocId(i as u64), *n, ""))
        .collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let (stems, renamed) = file_stems(&refs);
    assert_eq!(
        stems,
        [
            "a_b",
            "A_b-2",
            "hidden",
            "untitled",
            "CON_",
            "com1.txt_",
            "x_y",
            "ok"
        ]
    );
    assert_eq!(renamed.len(), 7);
}

#[test]
fn long_names_are_written_cut_to_fit_and_unique() {
    let mut p = Project::new("t");
    let long = "東".repeat(100);
    for (i, name) in [long.clone(), long.clone(), "😀".repeat(120)]
        .into_iter()
        .enumerate()
    {
        p.insert_document(Document::new(DocId(i as u64 + 1), name, "text"));
    }
    let docs: Vec<&Document> = p.documents.iter().collect();
    let dir = tempfile::tempdir().unwrap();
    let e = export(&p, &docs, &Options::default());
    write_export(&e, dir.path()).unwrap();
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files, 7, "two files per document and annotation.conf");
    assert_eq!(e.renamed.len(), 3);
    for f in &e.files {
        assert!(f.stem.len() + 4 <= 255);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(format!("{}.ann", f.stem))).unwrap(),
            f.ann
        );
    }
    assert!(e.files[1].stem.ends_with("-2"));
}

#[test]
fn every_t_line_text_is_the_slice_and_line_breaks_split_fragments() {
    let text = "a\r\nb\u{2028}c 👩‍👩‍👧\n\nd";
    let mut p = Project::new("t");
    let mut d = Document::new(DocId(1), "d", text);
    d.insert_span(Span::new(
        SpanId(1),
        CharRange::new(0, text.chars().count()),
        "MISC",
    ));
    d.insert_span(Span::new(SpanId(2), CharRange::new(1, 3), "MISC"));
    p.insert_document(d);
    let docs: Vec<&Document> = p.documents.iter().collect();
    let e = export(&p, &docs, &Options::default());
    assert_eq!(e.files[0].ann, "T1\tMISC 0 1;3 4;5 12;14 15\ta b c 👩‍👩‍👧 d\n");
    assert!(e.report.left_out[0].contains("d: 1..3 MISC \"\\r\\n\" is only line breaks"));
}
