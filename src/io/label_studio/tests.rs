//! Tests of `io::label_studio`: UTF-16 offsets, regions and relations, annotators, choices.

use super::*;
use crate::io::test_fixtures::{at, errors_of, quote};
use crate::model::*;

/// Emoji (a ZWJ family, a flag, a skin tone), a combining accent, CJK and CRLF.
const TEXT: &str = "👩‍👩‍👧🇫🇷 Zoe\u{301} Ruiz 👍🏽 said:\r\n“北京 is ready,” she added, “really.”\r\n";

fn sample() -> Project {
    let mut p = Project::new("t");
    let mut d = Document::new(DocId(2), "beijing", TEXT);
    d.insert_span(Span::new(SpanId(1), at(TEXT, "Zoe\u{301} Ruiz"), "PERSON"));
    d.insert_span(Span::new(SpanId(2), at(TEXT, "北京"), "GPE"));
    d.insert_span(Span::new(SpanId(3), at(TEXT, "she"), "PERSON"));
    d.insert_quote(quote(
        1,
        vec![at(TEXT, "北京 is ready,"), at(TEXT, "really.")],
        Some(SpanId(3)),
        Some(at(TEXT, "added")),
        QuoteKind::Indirect,
    ));
    d.status = Status::Done;
    p.insert_document(d);
    p
}

fn export(p: &Project) -> String {
    let mut buf = Vec::new();
    write(p, &p.documents, &Options::default(), &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

fn import(source: &str) -> Import {
    read_str(Path::new("tasks.json"), source, &Project::new("t")).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(source: &str) -> Vec<String> {
    errors_of(read_str(
        Path::new("tasks.json"),
        source,
        &Project::new("t"),
    ))
}

fn utf16_slice(text: &str, s: usize, e: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[s..e]).unwrap()
}

#[test]
fn offsets_are_utf16_units_and_value_text_is_their_slice() {
    let out = export(&sample());
    let v: Value = serde_json::from_str(&out).unwrap();
    let task = &v[0];
    assert_eq!(task["data"]["doc"], "beijing");
    assert_eq!(task["data"]["status"], "done");
    let result = task["annotations"][0]["result"].as_array().unwrap();
    let zoe = &result[0]["value"];
    // Family emoji: 5 code points, 8 units; flag: 2 code points, 4 units.
    assert_eq!(
        (zoe["start"].as_u64(), at(TEXT, "Zoe").start),
        (Some(13), 8)
    );
    for r in result.iter().filter(|r| r["type"] == "labels") {
        let (s, e) = (
            r["value"]["start"].as_u64().unwrap() as usize,
            r["value"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            r["value"]["text"].as_str().unwrap(),
            utf16_slice(TEXT, s, e)
        );
        assert_eq!(
            (r["from_name"].as_str(), r["to_name"].as_str()),
            (Some("label"), Some("text"))
        );
    }
    let relations: Vec<(String, String, String)> = result
        .iter()
        .filter(|r| r["type"] == "relation")
        .map(|r| {
            (
                r["from_id"].as_str().unwrap().into(),
                r["to_id"].as_str().unwrap().into(),
                r["labels"][0].as_str().unwrap().into(),
            )
        })
        .collect();
    let expect = [
        ("q1.1", "q1.2", "part"),
        ("q1.1", "s3", "speaker"),
        ("q1.1", "c1", "cue"),
    ];
    assert_eq!(
        relations,
        expect.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
}

#[test]
fn export_then_import_gives_back_spans_and_quotes() {
    let p = sample();
    let import = import(&export(&p));
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    let d = &import.documents[0];
    let o = &p.documents[0];
    assert_eq!((d.name.as_str(), d.status), ("beijing", Status::Done));
    let key = |doc: &Document| -> Vec<(usize, usize, String)> {
        doc.spans
            .iter()
            .map(|s| (s.start, s.end, s.label.to_string()))
            .collect()
    };
    assert_eq!(key(d), key(o));
    let q = &d.quotes[0];
    assert_eq!(
        (&q.content, q.cue, q.kind),
        (&o.quotes[0].content, o.quotes[0].cue, QuoteKind::Indirect)
    );
    let speaker = d.span(q.speaker.unwrap()).unwrap();
    assert_eq!(
        (speaker.range(), speaker.mention),
        (at(TEXT, "she"), Mention::Pronoun)
    );
}

#[test]
fn the_research_example_imports_with_an_emoji_offset() {
    // Issue #1347's text: the annotation starts at 2 UTF-16 units after the emoji.
    let src = serde_json::json!([{
        "id": 1,
        "data": {"text": "💩This is an annotation."},
        "annotations": [{"id": 10, "result": [
            {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 2, "end": 6, "text": "This", "labels": ["MISC"]}},
            {"id": "r2", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 10, "end": 23, "text": "an annotation", "labels": ["QUOTE"]}},
            {"from_id": "r2", "to_id": "r1", "type": "relation", "direction": "right", "labels": []},
            {"id": "r1", "from_name": "note", "to_name": "text", "type": "textarea", "value": {"text": ["x"]}}
        ]}, {"id": 11, "result": []}],
        "predictions": [{"result": []}]
    }])
    .to_string();
    let i = import(&src);
    let d = &i.documents[0];
    assert_eq!(d.name, "tasks");
    assert_eq!(d.spans[0].range(), CharRange::new(1, 5));
    assert_eq!(d.quotes[0].content, [CharRange::new(9, 22)]);
    assert_eq!(
        d.quotes[0].speaker,
        Some(d.spans[0].id),
        "an unlabelled relation to a mention is the speaker"
    );
    // The per-region text area is the span's attribute; the second annotation and the
    // predictions are reported.
    assert_eq!(d.spans[0].attributes.value("note"), Some("x"));
    assert_eq!(i.skipped.len(), 2, "{:?}", i.skipped);
    assert!(
        i.skipped
            .iter()
            .all(|s| s.to_string().starts_with("tasks.json: task index 0: "))
    );
}

#[test]
fn an_offset_inside_a_surrogate_pair_is_refused_with_file_and_task_index() {
    let task = |start: u64, text: &str| {
        serde_json::json!({"data": {"text": "ok"}, "annotations": []}).to_string()
            + ",\n"
            + &serde_json::json!({"id": 7, "data": {"text": "😀 Merkel"}, "annotations": [{"result": [
                {"id": "a", "type": "labels", "value": {"start": start, "end": 9, "text": text, "labels": ["PERSON"]}}]}]})
            .to_string()
    };
    let errs = errors(&format!("[{}]", task(1, "\u{fffd} Merkel")));
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("tasks.json: task index 1: region a: start 1 falls inside the surrogate pair of '😀' (UTF-16 units 0..2)"),
        "{errs:?}"
    );
    // Python offsets (code points) are recognised by their text.
    let errs = errors(&format!(
        "[{}]",
        serde_json::json!({"data": {"text": "😀 Merkel"}, "annotations": [{"result": [
            {"id": "a", "type": "labels", "value": {"start": 2, "end": 8, "text": "Merkel", "labels": ["PERSON"]}}]}]})
    ));
    assert!(errs[0].contains("Python-style offsets"), "{errs:?}");
    let errs = errors(
        r#"[{"data": {"text": "ab"}, "annotations": [{"result": [{"from_id": "x", "to_id": "y", "type": "relation"}]}]}]"#,
    );
    assert!(
        errs[0].contains("relation 0 refers to region \"x\""),
        "{errs:?}"
    );
    let errs = errors(r#"[{"data": {"body": "ab"}}, {"no": "data"}]"#);
    assert_eq!(errs.len(), 2);
    assert!(
        errs[0].starts_with("tasks.json: task index 0: task has no data.text"),
        "{errs:?}"
    );
    let errs = errors("[{\"data\": {\"text\": \"ab\"}},\n{oops}]");
    assert!(errs[0].starts_with("tasks.json:2:"), "{errs:?}");
}

#[test]
fn options_name_the_config_tags_and_filter_labels() {
    let p = sample();
    let options = Options {
        labels: Some(vec!["GPE".into()]),
        from_name: "ner".into(),
        to_name: "article".into(),
        ..Options::default()
    };
    let mut buf = Vec::new();
    let report = write(&p, &p.documents, &options, &mut buf).unwrap();
    let v: Value = serde_json::from_slice(&buf).unwrap();
    let result = v[0]["annotations"][0]["result"].as_array().unwrap();
    assert_eq!(result[0]["from_name"], "ner");
    assert_eq!(result[0]["to_name"], "article");
    assert_eq!(report.spans, 1);
    assert!(
        report.left_out[0].contains("keeps no speaker"),
        "{:?}",
        report.left_out
    );
}

#[test]
fn one_file_per_document_is_an_array_of_one_task() {
    let p = sample();
    let dir = tempfile::tempdir().unwrap();
    let paths = crate::io::file_names::write_each(&p.documents, dir.path(), "json", |d, buf| {
        write(&p, [d], &Options::default(), buf)
    })
    .unwrap()
    .files;
    assert_eq!(paths, [dir.path().join("beijing.json")]);
    let i = read_paths(&[dir.path().to_path_buf()], &Project::new("t")).unwrap();
    assert_eq!(i.documents[0].quotes.len(), 1);
}

#[test]
fn categories_and_attributes_travel_as_choices() {
    let mut p = Project::new("t");
    let mut d = Document::new(DocId(1), "a", "😀 Ana said she would win.");
    let mut s = Span::new(SpanId(1), CharRange::new(2, 5), "PERSON");
    s.attributes.set("role", Some("candidate".into()));
    d.insert_span(s);
    let mut q = quote(
        1,
        vec![CharRange::new(11, 25)],
        Some(SpanId(1)),
        None,
        QuoteKind::Indirect,
    );
    q.attributes.set("stance", Some("for".into()));
    d.quotes.push(q);
    d.categories.insert("topic".into(), vec!["politics".into()]);
    p.insert_document(d);
    let mut buf = Vec::new();
    write(&p, &p.documents, &Options::default(), &mut buf).unwrap();
    let out = String::from_utf8(buf).unwrap();
    assert!(out.contains(r#""from_name":"topic""#), "{out}");
    assert!(out.contains(r#""from_name":"span.role""#), "{out}");
    let i = import(&out);
    let back = &i.documents[0];
    assert_eq!(back.categories["topic"], ["politics"]);
    assert_eq!(back.spans[0].attributes.value("role"), Some("candidate"));
    assert_eq!(back.quotes[0].attributes.value("stance"), Some("for"));
    assert!(i.skipped.is_empty(), "{:?}", i.skipped);
}
