//! Tests of `io::doccano`: both shapes out and in, metadata and categories.

use super::*;
use crate::io::test_fixtures::{at, entity, errors_of, quote};
use crate::model::*;

/// Emoji (a ZWJ family, a flag), a combining accent, CJK and CRLF line ends.
const TEXT: &str = "👩‍👩‍👧 🇫🇷 Zoe\u{301} Ruiz said: “東京 is ready,”\r\nshe added, “really.”\r\n";

fn sample() -> Project {
    let mut p = Project::new("t");
    p.insert_entity(entity(1, "Zoé Ruiz", "PERSON"));
    let mut d = Document::new(DocId(3), "tokyo 東京", TEXT);
    let mut zoe = Span::new(SpanId(1), at(TEXT, "Zoe\u{301} Ruiz"), "PERSON");
    zoe.entity = Some(EntityId(1));
    d.insert_span(zoe);
    d.insert_span(Span::new(SpanId(2), at(TEXT, "東京"), "GPE"));
    let mut she = Span::new(SpanId(3), at(TEXT, "she"), "PERSON");
    she.mention = Mention::Pronoun;
    d.insert_span(she);
    d.insert_quote(quote(
        1,
        vec![at(TEXT, "東京 is ready,"), at(TEXT, "really.")],
        Some(SpanId(1)),
        Some(at(TEXT, "said")),
        QuoteKind::Mixed,
    ));
    d.status = Status::InProgress;
    d.meta.insert("outlet".into(), "NHK".into());
    p.insert_document(d);
    p
}

fn export(p: &Project, options: &Options) -> (String, ExportReport) {
    let mut buf = Vec::new();
    let report = write(p, &p.documents, options, &mut buf).unwrap();
    (String::from_utf8(buf).unwrap(), report)
}

fn import(source: &str) -> Import {
    read_str(Path::new("in.jsonl"), source, &Project::new("t")).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(source: &str) -> Vec<String> {
    errors_of(read_str(Path::new("in.jsonl"), source, &Project::new("t")))
}

#[test]
fn label_shape_writes_outermost_spans_only_and_says_what_it_left_out() {
    let p = sample();
    let options = Options {
        shape: Shape::Spans,
        ..Options::default()
    };
    let (out, report) = export(&p, &options);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v.get("relations").is_none() && v.get("entities").is_none());
    let label: Vec<(usize, usize, String)> = serde_json::from_value(v["label"].clone()).unwrap();
    // 東京 (GPE) lies inside the first quote part: the part is written, the name is not.
    let tokyo = at(TEXT, "東京");
    assert!(!label.iter().any(|l| l.2 == "GPE"), "{label:?}");
    assert!(label.contains(&(
        tokyo.start,
        at(TEXT, "東京 is ready,").end,
        "QUOTE-MIXED".into()
    )));
    for w in label.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlap in {label:?}");
    }
    assert!(
        report.left_out.iter().any(|l| l.contains("outermost")),
        "{:?}",
        report.left_out
    );
    // Without quotes the name comes back.
    let (out, _) = export(
        &p,
        &Options {
            quotes: false,
            ..options
        },
    );
    assert!(out.contains("\"GPE\""), "{out}");
    assert!(!out.contains("QUOTE") && !out.contains("CUE"), "{out}");
}

#[test]
fn relation_shape_has_code_point_offsets_and_relations_from_the_first_part() {
    let p = sample();
    let (out, report) = export(&p, &Options::default());
    assert_eq!(out.lines().count(), 1);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["doc"], "tokyo 東京");
    assert_eq!(v["status"], "in_progress");
    let chars: Vec<char> = TEXT.chars().collect();
    let mut labels = Vec::new();
    for e in v["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start_offset"].as_u64().unwrap() as usize,
            e["end_offset"].as_u64().unwrap() as usize,
        );
        labels.push((
            chars[s..t].iter().collect::<String>(),
            e["label"].as_str().unwrap().to_string(),
        ));
    }
    assert_eq!(
        labels,
        [
            ("Zoe\u{301} Ruiz".to_string(), "PERSON".to_string()),
            ("東京".into(), "GPE".into()),
            ("she".into(), "PERSON".into()),
            ("東京 is ready,".into(), "QUOTE-MIXED".into()),
            ("really.".into(), "QUOTE-MIXED".into()),
            ("said".into(), "CUE".into()),
        ]
    );
    // Code points: the family emoji is 5, the flag 2, two spaces.
    assert_eq!(v["entities"][0]["start_offset"], 9);
    let rel: Vec<(u64, u64, &str)> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["from_id"].as_u64().unwrap(),
                r["to_id"].as_u64().unwrap(),
                r["type"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rel, [(4, 5, "part"), (4, 1, "speaker"), (4, 6, "cue")]);
    assert_eq!((report.spans, report.quotes), (3, 1));
    assert!(report.left_out.is_empty(), "{:?}", report.left_out);
}

#[test]
fn metadata_travels_as_top_level_keys_in_both_shapes() {
    let mut p = sample();
    for shape in [Shape::Relations, Shape::Spans] {
        let options = Options {
            shape,
            ..Options::default()
        };
        let (out, _) = export(&p, &options);
        let v: Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["outlet"], "NHK", "{out}");
        assert_eq!(import(&out).documents[0].meta, p.documents[0].meta);
    }
    p.documents[0].meta.insert("label".into(), "x".into());
    let (out, report) = export(&p, &Options::default());
    assert!(!out.contains("\"label\":\"x\""), "{out}");
    assert!(
        report
            .left_out
            .iter()
            .any(|l| l.contains("metadata \"label\"")),
        "{report:?}"
    );
    // doccano's own keys are not metadata; unknown ones are.
    let i =
        import(r#"{"id": 7, "text": "ab", "label": [], "Comments": [], "source": "AP", "n": 2}"#);
    let m = &i.documents[0].meta;
    assert_eq!(
        m.iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
        [("n", "2"), ("source", "AP")]
    );
}

#[test]
fn relation_shape_round_trips_spans_and_quotes() {
    let p = sample();
    let (out, _) = export(&p, &Options::default());
    let import = import(&out);
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    assert_eq!(import.labels.len(), 0);
    let [d] = import.documents.as_slice() else {
        panic!()
    };
    let orig = &p.documents[0];
    assert_eq!(
        (d.name.as_str(), d.status, d.id),
        ("tokyo 東京", Status::InProgress, DocId(1))
    );
    assert_eq!(d.meta, orig.meta);
    let key = |doc: &Document| -> Vec<(usize, usize, String, Mention)> {
        doc.spans
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string(), s.mention))
            .collect()
    };
    assert_eq!(key(d), key(orig));
    let q = &d.quotes[0];
    assert_eq!(q.content, orig.quotes[0].content);
    assert_eq!((q.cue, q.kind), (orig.quotes[0].cue, QuoteKind::Mixed));
    assert_eq!(
        d.span(q.speaker.unwrap()).unwrap().range(),
        at(TEXT, "Zoe\u{301} Ruiz")
    );
    // No entity links: doccano cannot carry them.
    assert!(d.spans.iter().all(|s| s.entity.is_none()));
    assert!(d.spans.iter().all(|s| s.origin
        == Origin::Imported {
            format: "doccano".into()
        }));
}

#[test]
fn span_shape_writes_sorted_triples_and_reports_lost_links() {
    let p = sample();
    let options = Options {
        shape: Shape::Spans,
        labels: Some(vec!["PERSON".into()]),
        names_only: true,
        quotes: true,
    };
    let (out, report) = export(&p, &options);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    let label = v["label"].as_array().unwrap();
    let chars: Vec<char> = TEXT.chars().collect();
    let got: Vec<String> = label
        .iter()
        .map(|t| {
            let (s, e) = (
                t[0].as_u64().unwrap() as usize,
                t[1].as_u64().unwrap() as usize,
            );
            format!(
                "{}={}",
                t[2].as_str().unwrap(),
                chars[s..e].iter().collect::<String>()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "PERSON=Zoe\u{301} Ruiz",
            "CUE=said",
            "QUOTE-MIXED=東京 is ready,",
            "QUOTE-MIXED=really."
        ]
    );
    assert_eq!(report.left_out.len(), 1, "{:?}", report.left_out);
    // Back in: two quotes (one per part), the cue has nothing to belong to.
    let import = import(&out);
    let d = &import.documents[0];
    assert_eq!(d.quotes.len(), 2);
    assert!(
        d.quotes
            .iter()
            .all(|q| q.speaker.is_none() && q.kind == QuoteKind::Mixed)
    );
    assert_eq!(import.skipped.len(), 1);
    assert!(
        import.skipped[0]
            .to_string()
            .starts_with("in.jsonl:1: span ["),
        "{}",
        import.skipped[0]
    );
}

#[test]
fn a_span_with_a_quote_label_is_left_out_and_reported() {
    let mut p = sample();
    p.documents[0].insert_span(Span::new(SpanId(9), CharRange::new(0, 5), "Cue"));
    let (out, report) = export(&p, &Options::default());
    assert!(
        report.left_out[0].contains("label Cue"),
        "{:?}",
        report.left_out
    );
    assert_eq!(import(&out).documents[0].spans.len(), 3);
}

#[test]
fn the_speaker_of_a_filtered_span_is_reported() {
    let p = sample();
    let options = Options {
        labels: Some(vec!["GPE".into()]),
        ..Options::default()
    };
    let (out, report) = export(&p, &options);
    assert_eq!(report.left_out.len(), 1);
    assert!(report.left_out[0].contains("keeps no speaker"));
    assert_eq!(import(&out).documents[0].quotes[0].speaker, None);
}

#[test]
fn the_doccano_research_examples_import() {
    let text = "\"We will win,\" said Angela Merkel in Berlin.";
    let plain = format!(
        "{}\n",
        serde_json::json!({"id": 1, "text": text, "label": [[0, 14, "QUOTE"], [15, 19, "CUE"], [20, 33, "PERSON"], [37, 43, "GPE"]], "Comments": []})
    );
    let relation = format!(
        "{}\n",
        serde_json::json!({"id": 1, "text": text, "entities": [{"id": 11, "label": "QUOTE", "start_offset": 0, "end_offset": 14}, {"id": 13, "label": "PERSON", "start_offset": 20, "end_offset": 33}], "relations": [{"id": 5, "from_id": 11, "to_id": 13, "type": "speaker"}], "Comments": []})
    );
    let a = import(&plain);
    assert_eq!(a.documents[0].name, "in");
    assert_eq!(a.documents[0].spans.len(), 2);
    assert_eq!(a.documents[0].quotes.len(), 1);
    assert_eq!(a.labels.len(), 0, "PERSON and GPE are news labels");
    let b = import(&relation);
    let d = &b.documents[0];
    let q = &d.quotes[0];
    assert_eq!(
        d.slice(q.content[0].start, q.content[0].end),
        "\"We will win,\""
    );
    assert_eq!(
        d.span(q.speaker.unwrap()).map(|s| d.slice(s.start, s.end)),
        Some("Angela Merkel")
    );
}

#[test]
fn malformed_records_fail_the_whole_import_naming_file_and_line() {
    let good = r#"{"text": "fine", "label": [[0, 4, "ORG"]]}"#;
    let errs = errors(&format!(
        "{good}\n{{\"text\": \"ab\", \"label\": [[0, 3, \"ORG\"]]}}\n"
    ));
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("in.jsonl:2:1: span [0, 3, \"ORG\"]: range 0..3 runs past"),
        "{errs:?}"
    );
    let errs = errors(&format!(
        "{good}\n\n{{\"text\": \"x\", \"label\": [\"positive\"]}}\n{{not json\n"
    ));
    // A text-classification line is categories now; only the broken line fails.
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("in.jsonl:4:2: not valid JSON"),
        "{errs:?}"
    );
    let errs = errors(
        r#"{"text": "ab", "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 2}], "relations": [{"id": 1, "from_id": 1, "to_id": 7, "type": "speaker"}]}"#,
    );
    assert!(
        errs[0].contains("relation 1 refers to entity 7"),
        "{errs:?}"
    );
    let errs = errors(r#"{"label": []}"#);
    assert!(errs[0].contains("missing field `text`"), "{errs:?}");
    let errs = errors(r#"{"text": "ab", "label": [[0, 1, " "]]}"#);
    assert!(errs[0].contains("blank"), "{errs:?}");
}

#[test]
fn unknown_relations_and_labels_are_reported_or_added() {
    let src = r#"{"text": "Ana met Bo", "entities": [{"id": 1, "label": "Person", "start_offset": 0, "end_offset": 3}, {"id": 2, "label": "Person", "start_offset": 8, "end_offset": 10}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "met"}]}"#;
    let i = import(src);
    assert_eq!(
        i.labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
        ["Person"]
    );
    assert_eq!(i.labels[0].key, Some('8'));
    assert_eq!(i.skipped.len(), 1);
    assert!(i.skipped[0].message.contains("\"met\""));
}

#[test]
fn documents_already_in_the_project_are_left_out() {
    let p = sample();
    let (out, _) = export(&p, &Options::default());
    let again = read_str(Path::new("x.jsonl"), &out, &p).unwrap();
    assert!(again.documents.is_empty());
    assert_eq!(again.notices.len(), 1);
}

#[test]
fn one_file_per_document() {
    let mut p = sample();
    let mut other = Document::new(DocId(4), "tokyo 東京", "second");
    other.insert_span(Span::new(SpanId(1), CharRange::new(0, 6), "MISC"));
    p.insert_document(other);
    let dir = tempfile::tempdir().unwrap();
    let w = crate::io::file_names::write_each(&p.documents, dir.path(), "jsonl", |d, buf| {
        write_doc(&p, d, &Options::default(), buf)
    })
    .unwrap();
    let (paths, report) = (w.files, w.report);
    let names: Vec<_> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The second of two equal names gets "-2" (`file_names::file_stems`).
    assert_eq!(names, ["tokyo 東京.jsonl", "tokyo 東京-2.jsonl"]);
    assert_eq!(report.documents, 2);
    let back = read_paths(&[dir.path().to_path_buf()], &Project::new("t")).unwrap();
    assert_eq!(back.documents.len(), 2);
    assert_eq!(back.documents[1].id, DocId(2));
}

#[test]
fn categories_travel_as_cats_and_text_classification_labels_come_in() {
    let mut p = sample();
    p.documents[0]
        .categories
        .insert("topic".into(), vec!["politics".into()]);
    for shape in [Shape::Spans, Shape::Relations] {
        let (out, _) = export(
            &p,
            &Options {
                shape,
                ..Options::default()
            },
        );
        let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(
            v["cats"],
            serde_json::json!(["topic:politics"]),
            "{shape:?}"
        );
        let back = import(&out);
        assert_eq!(back.documents[0].categories["topic"], ["politics"]);
        assert_eq!(back.schemes[0].name, "topic");
    }
    let i = import("{\"text\": \"Rain again.\", \"label\": [\"weather\", \"tone:grim\"]}\n");
    let d = &i.documents[0];
    assert_eq!(d.categories["category"], ["weather"]);
    assert_eq!(d.categories["tone"], ["grim"]);
}
