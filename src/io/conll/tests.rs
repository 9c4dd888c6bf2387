//! Tests of `io::conll`: export, import of each scheme, text rebuilding and reading back.

use super::detokenize::*;
use super::export::*;
use super::import::*;
use super::scheme::*;
use crate::io::test_fixtures::{entity, quote};
use crate::io::tokens::*;
use std::collections::BTreeSet;
use std::path::Path;

use crate::model::{
    CharRange, DocId, Document, EntityId, Mention, Origin, Project, QuoteKind, Span, SpanId,
};

fn doc(text: &str, spans: &[(&str, usize, &str)]) -> Document {
    let mut d = Document::new(DocId(1), "d", text);
    for (i, (needle, nth, label)) in spans.iter().enumerate() {
        let (b, _) = text.match_indices(needle).nth(*nth).expect("needle");
        let start = text[..b].chars().count();
        let r = CharRange::new(start, start + needle.chars().count());
        d.insert_span(Span::new(SpanId(i as u64 + 1), r, *label));
    }
    d
}

fn export(docs: &[&Document], options: &Options) -> (String, Vec<String>) {
    let p = Project::new("t");
    let mut buf = Vec::new();
    let report = write(&p, docs.iter().copied(), options, &mut buf).unwrap();
    (String::from_utf8(buf).unwrap(), report.left_out)
}

#[test]
fn writes_iob2_with_sentences_and_docstart() {
    let d = doc(
        "\"We will win,\" said Angela Merkel in Berlin. She left.",
        &[("Angela Merkel", 0, "PERSON"), ("Berlin", 0, "GPE")],
    );
    let (out, lost) = export(&[&d], &Options::default());
    assert!(lost.is_empty(), "{lost:?}");
    assert_eq!(
        out,
        "-DOCSTART- -X- O O\n\n\"\tO\nWe\tO\nwill\tO\nwin\tO\n,\tO\n\"\tO\nsaid\tO\nAngela\tB-PERSON\nMerkel\tI-PERSON\nin\tO\nBerlin\tB-GPE\n.\tO\n\nShe\tO\nleft\tO\n.\tO\n\n"
    );
    let four = Options {
        columns: Columns::Four,
        docstart: false,
        ..Options::default()
    };
    let (out, _) = export(&[&d], &four);
    assert!(out.starts_with("\" -X- _ O\nWe -X- _ O\n"));
    assert!(out.contains("Angela -X- _ B-PERSON\n"));
}

#[test]
fn tokens_are_cut_at_span_boundaries_and_overlaps_are_reported() {
    let d = doc(
        "The Obama-era Bank of England rules.",
        &[
            ("Obama", 0, "PERSON"),
            ("Bank of England", 0, "ORG"),
            ("England", 0, "GPE"),
        ],
    );
    let (out, lost) = export(&[&d], &Options::default());
    assert!(out.contains("Obama\tB-PERSON\n-era\tO\nBank\tB-ORG\nof\tI-ORG\nEngland\tI-ORG\n"));
    assert_eq!(lost.len(), 1, "{lost:?}");
    assert!(
        lost[0].contains("d: 22..29 GPE \"England\" overlaps 14..29 ORG"),
        "{}",
        lost[0]
    );
}

#[test]
fn a_name_across_a_line_break_keeps_its_sentence_whole() {
    let d = doc(
        "Bank of\nEngland said so.\nNext line.",
        &[("Bank of\nEngland", 0, "ORG")],
    );
    let (out, _) = export(
        &[&d],
        &Options {
            docstart: false,
            ..Options::default()
        },
    );
    assert_eq!(
        out,
        "Bank\tB-ORG\nof\tI-ORG\nEngland\tI-ORG\nsaid\tO\nso\tO\n.\tO\n\nNext\tO\nline\tO\n.\tO\n\n"
    );
}

#[test]
fn only_selected_names_and_a_summary_of_what_conll_cannot_hold() {
    let mut d = doc(
        "Putin met Merkel. He said it.",
        &[
            ("Putin", 0, "PERSON"),
            ("Merkel", 0, "PERSON"),
            ("He", 0, "PERSON"),
        ],
    );
    d.spans[2].mention = Mention::Pronoun;
    d.spans[0].entity = Some(EntityId(1));
    d.quotes.push(quote(
        1,
        vec![CharRange::new(26, 28)],
        Some(SpanId(3)),
        None,
        QuoteKind::Indirect,
    ));
    let mut p = Project::new("t");
    p.insert_entity(entity(1, "Vladimir Putin", "PERSON"));
    let mut buf = Vec::new();
    let report = write(&p, [&d], &Options::default(), &mut buf).unwrap();
    assert_eq!((report.documents, report.spans, report.quotes), (1, 2, 0));
    let lost = report.left_out;
    let out = String::from_utf8(buf).unwrap();
    assert!(out.contains("He\tO\n"));
    assert_eq!(lost.len(), 1);
    assert!(
        lost[0].starts_with(
            "1 quote in 1 document, 1 pronoun or description mention, 1 entity link not exported"
        ),
        "{}",
        lost[0]
    );

    let only_gpe = Options {
        labels: Some(vec!["GPE".into()]),
        ..Options::default()
    };
    let (out, _) = export(&[&d], &only_gpe);
    assert!(!out.contains("B-"));
}

#[test]
fn labels_with_white_space_are_written_with_underscores() {
    let d = doc("Le Monde wrote.", &[("Le Monde", 0, "NEWS PAPER")]);
    let (out, lost) = export(&[&d], &Options::default());
    assert!(out.contains("Le\tB-NEWS_PAPER\nMonde\tI-NEWS_PAPER\n"));
    assert!(lost[0].contains("\"NEWS PAPER\" is written as \"NEWS_PAPER\""));
}

fn parse_ok(src: &str, scheme: Scheme) -> ParsedFile {
    parse(src, Path::new("x.conll"), scheme).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

fn ents(d: &ParsedDoc) -> Vec<(String, String)> {
    let chars: Vec<char> = d.text.chars().collect();
    d.entities
        .iter()
        .map(|(r, l)| (chars[r.start..r.end].iter().collect(), l.clone()))
        .collect()
}

#[test]
fn reads_conll_2003_iob1_with_four_columns_and_documents() {
    let src = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBRUSSELS NNP B-NP I-LOC\n";
    let p = parse_ok(src, Scheme::Auto);
    assert_eq!(p.scheme, Scheme::Iob1);
    assert_eq!(p.documents.len(), 2);
    assert_eq!(
        p.documents[0].text,
        "EU rejects German call.\nPeter Blackburn"
    );
    assert_eq!(
        ents(&p.documents[0]),
        [
            ("EU".into(), "ORG".into()),
            ("German".into(), "MISC".into()),
            ("Peter Blackburn".into(), "PER".into())
        ]
    );
    assert_eq!(ents(&p.documents[1]), [("BRUSSELS".into(), "LOC".into())]);
}

#[test]
fn iob1_b_separates_adjacent_entities_of_one_type() {
    let src = "Paris\tI-LOC\nLondon\tB-LOC\nand\tO\nRome\tI-LOC\n";
    let p = parse_ok(src, Scheme::Iob1);
    assert_eq!(
        ents(&p.documents[0]),
        [
            ("Paris".into(), "LOC".into()),
            ("London".into(), "LOC".into()),
            ("Rome".into(), "LOC".into())
        ]
    );
    let e = parse(src, Path::new("x.conll"), Scheme::Iob2).unwrap_err();
    assert_eq!(e.len(), 2);
    assert!(
        e[0].to_string()
            .starts_with("x.conll:1:7: I-LOC does not continue"),
        "{}",
        e[0]
    );
}

#[test]
fn reads_bioes_and_bilou_and_refuses_broken_sequences() {
    let src =
        "Angela B-PER\nMerkel E-PER\nin O\nBerlin S-LOC\nNew B-LOC\nYork L-LOC\nand O\nX U-ORG\n";
    let p = parse_ok(src, Scheme::Auto);
    assert_eq!(p.scheme, Scheme::Bioes);
    assert_eq!(
        ents(&p.documents[0]),
        [
            ("Angela Merkel".into(), "PER".into()),
            ("Berlin".into(), "LOC".into()),
            ("New York".into(), "LOC".into()),
            ("X".into(), "ORG".into())
        ]
    );
    let broken = "Angela B-PER\nMerkel O\nBerlin E-LOC\n";
    let e = parse(broken, Path::new("b.bioes"), Scheme::Bioes).unwrap_err();
    let msgs: Vec<String> = e.iter().map(|e| e.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].starts_with("b.bioes:2:8: O inside a PER entity"));
    assert!(msgs[1].starts_with("b.bioes:3:8: E-LOC does not continue"));
    let e = parse("a E-PER\n", Path::new("c"), Scheme::Iob2).unwrap_err();
    assert!(
        e[0].to_string()
            .contains("E-/L- tag in a file read as IOB2")
    );
}

#[test]
fn malformed_lines_name_file_line_and_column() {
    let e = parse(
        "ok O\nlonely\nbad\tX-PER\nworse\tB-\n",
        Path::new("m.conll"),
        Scheme::Auto,
    )
    .unwrap_err();
    let msgs: Vec<String> = e.iter().map(|e| e.to_string()).collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(msgs[0].starts_with("m.conll:2:1: \"lonely\" has no tag"));
    assert!(msgs[1].starts_with("m.conll:3:5: \"X-PER\" is not a tag"));
    assert!(msgs[2].starts_with("m.conll:4:7: \"B-\" is not a tag"));
}

#[test]
fn detokenising_follows_the_documented_spacing() {
    let toks = [
        "\"", "We", "'re", "here", ",", "\"", "he", "said", "(", "quietly", ")", ":", "“", "Do",
        "n't", "pay", "$", "5", "!", "”", "``", "Yes", "''",
    ];
    let (text, ranges) = detokenize(&[toks.to_vec(), vec!["Next", "."]]);
    assert_eq!(
        text,
        "\"We're here,\" he said (quietly): “Don't pay $5!” ``Yes''\nNext."
    );
    let chars: Vec<char> = text.chars().collect();
    for (tok, r) in toks.iter().zip(&ranges[0]) {
        assert_eq!(chars[r.start..r.end].iter().collect::<String>(), *tok);
    }
}

#[test]
fn export_then_import_gives_the_same_names() {
    let d = doc(
        "“Zoë’s café,” said São Paulo’s mayor 👍🏽 in 東京.\r\nJörg Müller left.",
        &[
            ("São Paulo", 0, "GPE"),
            ("東京", 0, "GPE"),
            ("Jörg Müller", 0, "PERSON"),
        ],
    );
    let (out, _) = export(&[&d, &d], &Options::default());
    let p = parse_ok(&out, Scheme::Auto);
    assert_eq!(p.scheme, Scheme::Iob2);
    assert_eq!(p.documents.len(), 2);
    assert_eq!(
        ents(&p.documents[1]),
        [
            ("São Paulo".into(), "GPE".into()),
            ("東京".into(), "GPE".into()),
            ("Jörg Müller".into(), "PERSON".into())
        ]
    );
    assert_eq!(
        p.documents[0].text,
        "“Zoë’s café,” said São Paulo’s mayor 👍🏽 in 東京.\nJörg Müller left."
    );
}

#[test]
fn read_paths_is_all_or_nothing_and_names_documents_after_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.conll"), "Merkel B-PER\n").unwrap();
    std::fs::write(
        dir.path().join("b.iob"),
        "-DOCSTART- -X- O O\n\nX B-ORG\n\n-DOCSTART- -X- O O\n\nY B-ORG\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not conll at all\n").unwrap();
    let project = Project::new("p");
    let import = read_paths(&[dir.path().to_path_buf()], &project, Scheme::Auto).unwrap();
    let names: Vec<&str> = import.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["a", "b-1", "b-2"]);
    assert_eq!(
        import
            .labels
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>(),
        ["PER"]
    );
    assert_eq!(
        import.documents[0].spans[0].origin,
        Origin::Imported {
            format: "conll".into()
        }
    );
    assert_eq!(import.documents[2].id, DocId(3));

    std::fs::write(dir.path().join("c.conll"), "Bad\n").unwrap();
    let e = read_paths(&[dir.path().to_path_buf()], &project, Scheme::Auto).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert!(e.to_string().ends_with("c.conll:1:1: \"Bad\" has no tag; a CoNLL line is TOKEN TAG or TOKEN POS CHUNK TAG (tab or space separated)"), "{e}");
}

#[test]
fn pieces_cover_tokens_and_cut_inside_them() {
    let text = "Obama-era 👩‍👩‍👧 e\u{301}x";
    let cuts: BTreeSet<usize> = [5, 18].into_iter().collect();
    let got: Vec<&str> = pieces(text, &cuts).iter().map(|p| p.text(text)).collect();
    assert_eq!(got, ["Obama", "-era", "👩‍👩‍👧", "e\u{301}", "x"]);
}

#[cfg(unix)]
#[test]
fn a_self_link_is_read_once_and_a_fifo_named_directly_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.conll"), "Merkel B-PER\n").unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    let project = Project::new("p");
    let import = read_paths(&[dir.path().to_path_buf()], &project, Scheme::Auto).unwrap();
    assert_eq!(import.documents.len(), 1);

    let fifo = dir.path().join("f.conll");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    let e = read_paths(&[fifo], &project, Scheme::Auto).unwrap_err();
    assert!(e.to_string().contains("f.conll: is a named pipe"), "{e}");
}
