//! Tests of `app::formats`: every format behind one face, imports as one command, exports.

use std::path::Path;

use super::*;
use crate::app::Command;
use crate::model::{CharRange, DocId, Document, Project, Quote, QuoteId, QuoteKind, Span, SpanId};

fn project(names: &[&str]) -> Project {
    let mut p = Project::new("p");
    for (i, name) in names.iter().enumerate() {
        let text = format!("Ana Ruiz said “we go” on day {i}.");
        let mut d = Document::new(DocId(i as u64 + 1), *name, text);
        d.insert_span(Span::new(SpanId(1), CharRange::new(0, 8), "PERSON"));
        d.insert_quote(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(15, 20)],
            speaker: Some(SpanId(1)),
            cue: Some(CharRange::new(9, 13)),
            kind: QuoteKind::Direct,
            origin: Default::default(),
            attributes: Default::default(),
        });
        p.insert_document(d);
    }
    p
}

fn per_document() -> ExportOptions {
    ExportOptions {
        per_document: true,
        ..ExportOptions::default()
    }
}

#[test]
fn every_format_splits_per_document_jsonl_and_quotes_csv_too() {
    let p = project(&["north", "south"]);
    for format in [ExportFormat::Jsonl, ExportFormat::QuotesCsv] {
        assert!(format.can_split());
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let e = export(format, &p, &per_document(), &out, None).unwrap();
        assert_eq!(e.documents, 2);
        assert!(out.is_dir(), "{}", format.name());
        let ext = format.extension();
        for name in ["north", "south"] {
            let text = std::fs::read_to_string(out.join(format!("{name}.{ext}"))).unwrap();
            assert!(text.contains(name), "{text}");
            let other = if name == "north" { "south" } else { "north" };
            assert!(!text.contains(other), "one document per file: {text}");
        }
    }
}

#[test]
fn renamed_files_are_renamed_not_left_out() {
    let p = project(&["a/b", "A_b", "東".repeat(100).as_str()]);
    for format in ExportFormat::ALL {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let e = export(format, &p, &per_document(), &out, None).unwrap();
        assert_eq!(e.renamed.len(), 3, "{}: {:?}", format.name(), e.renamed);
        assert!(
            e.left_out
                .iter()
                .all(|l| !l.contains("written as") && !l.contains("file name")),
            "{}: {:?}",
            format.name(),
            e.left_out
        );
        assert_eq!(e.renamed[0].document, "a/b");
        let summary = e.summary(format, &out);
        assert!(
            summary.contains("3 files renamed: \"a/b\" → a_b"),
            "{summary}"
        );
        for f in std::fs::read_dir(&out).unwrap() {
            assert!(f.unwrap().file_name().len() <= 255);
        }
    }
}

#[test]
fn labels_without_quote_labels_leave_quotes_out_unless_asked() {
    let labels = |l: &[&str]| ExportOptions {
        labels: Some(l.iter().map(|s| s.to_string()).collect()),
        ..ExportOptions::default()
    };
    let all = ExportOptions::default();
    assert!(all.writes_quotes(ExportFormat::Doccano) && all.keeps_cues());
    assert!(!all.writes_quotes(ExportFormat::Prodigy));
    let person = labels(&["PERSON"]);
    assert!(!person.writes_quotes(ExportFormat::Doccano));
    let quote = labels(&["PERSON", "quote"]);
    assert!(quote.writes_quotes(ExportFormat::Prodigy) && !quote.keeps_cues());
    assert!(labels(&["QUOTE", "CUE"]).keeps_cues());
    let asked = ExportOptions {
        quotes: Some(true),
        ..person
    };
    assert!(asked.writes_quotes(ExportFormat::Doccano) && asked.keeps_cues());
    // The cue is dropped from the doccano relations too.
    let p = project(&["a"]);
    let mut out = Vec::new();
    export_to(ExportFormat::Doccano, &p, &quote, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("\"QUOTE\"") && !out.contains("CUE") && !out.contains("\"cue\""),
        "{out}"
    );
}

#[test]
fn the_labelling_config_goes_beside_the_export_and_is_written_with_it() {
    assert_eq!(
        config_path_beside(Path::new("/w/news.json"), false),
        Path::new("/w/news.config.xml")
    );
    assert_eq!(
        config_path_beside(Path::new("/w/news-label-studio"), true),
        Path::new("/w/news-label-studio.config.xml")
    );
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("c.xml");
    let options = ExportOptions {
        ls_config: Some(config.clone()),
        ..ExportOptions::default()
    };
    let out = dir.path().join("news.json");
    let e = export(
        ExportFormat::LabelStudio,
        &project(&["a"]),
        &options,
        &out,
        None,
    )
    .unwrap();
    assert_eq!(e.config.as_deref(), Some(config.as_path()));
    let xml = std::fs::read_to_string(&config).unwrap();
    assert!(xml.contains("<Label value=\"PERSON\""), "{xml}");
    assert!(e.notes.is_empty());
    // A name Label Studio refuses is said so.
    let out = dir.path().join("news.jsonl");
    let e = export(
        ExportFormat::LabelStudio,
        &project(&["a"]),
        &ExportOptions::default(),
        &out,
        None,
    )
    .unwrap();
    let summary = e.summary(ExportFormat::LabelStudio, &out);
    assert!(summary.contains("only files named .json"), "{summary}");
}

#[test]
fn a_label_studio_import_reads_the_chosen_annotator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ls.json");
    let region = |s: usize, e: usize, t: &str| {
        serde_json::json!({"id": t, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": s, "end": e, "text": t, "labels": ["PERSON"]}})
    };
    let tasks = serde_json::json!([{"data": {"text": "Ana met Bo"}, "annotations": [
        {"completed_by": 7, "result": [region(0, 3, "Ana")]},
        {"completed_by": 9, "result": [region(8, 10, "Bo")]}]}]);
    std::fs::write(&path, tasks.to_string()).unwrap();
    let p = Project::new("p");
    let first = import(ImportFormat::LabelStudio, std::slice::from_ref(&path), &p).unwrap();
    assert_eq!((first.spans, first.skipped.len()), (1, 1));
    let options = ImportOptions {
        annotator: crate::io::annotator::Annotator::Named("9".into()),
        ..ImportOptions::default()
    };
    let nine = import_with(ImportFormat::LabelStudio, &[path], &p, &options).unwrap();
    assert_eq!((nine.spans, nine.skipped.len()), (1, 0));
    let Some(Command::Batch { commands, .. }) = nine.command else {
        panic!("a batch");
    };
    let bo = commands.iter().any(|c| {
        matches!(c, Command::AddDocument { document } if document.spans.iter().any(|s| s.start == 8))
    });
    assert!(bo, "annotator 9's span");
}

#[test]
fn folder_extensions_are_the_files_extensions() {
    for format in ExportFormat::ALL {
        if !format.always_per_document() {
            assert_eq!(format.folder_extensions(), [format.extension()]);
        }
    }
}
