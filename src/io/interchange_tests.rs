//! Tests of `io::interchange`: quotes from regions, and the import builder.

use super::*;

fn region(range: (usize, usize), part: Option<QuoteKind>, cue: bool, span: Option<u64>) -> Region {
    Region {
        range: CharRange::new(range.0, range.1),
        part,
        cue,
        span: span.map(SpanId),
        name: format!("{range:?}"),
    }
}

#[test]
fn labels_carry_quote_kinds_and_are_reserved() {
    for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed] {
        assert_eq!(quote_kind_of(quote_label(k)), Some(k));
    }
    assert_eq!(quote_kind_of("quote-mixed"), Some(QuoteKind::Mixed));
    assert!(is_reserved("Cue") && is_reserved("QUOTE") && !is_reserved("PERSON"));
}

#[test]
fn parts_speakers_and_cues_assemble_whatever_the_direction() {
    let regions = vec![
        region((0, 5), Some(QuoteKind::Mixed), false, None),
        region((20, 25), Some(QuoteKind::Mixed), false, None),
        region((10, 14), None, true, None),
        region((15, 19), None, false, Some(7)),
        region((30, 33), Some(QuoteKind::Direct), false, None),
        region((40, 43), None, true, None),
    ];
    let rel = |a, b, link| Relation {
        a,
        b,
        link,
        name: format!("{a}-{b}"),
    };
    let relations = vec![
        rel(1, 0, Some(Link::Part)),
        rel(3, 1, Some(Link::Speaker)),
        rel(0, 2, None),
        rel(4, 3, None),
        rel(2, 3, None),
    ];
    let (quotes, lost) = assemble_quotes(&regions, &relations, &Origin::Manual);
    assert_eq!(quotes.len(), 2);
    let q = &quotes[0];
    assert_eq!(q.content, [CharRange::new(0, 5), CharRange::new(20, 25)]);
    assert_eq!(
        (q.speaker, q.cue, q.kind),
        (
            Some(SpanId(7)),
            Some(CharRange::new(10, 14)),
            QuoteKind::Mixed
        )
    );
    assert_eq!(quotes[1].speaker, Some(SpanId(7)));
    assert_eq!(quotes[1].id, QuoteId(2));
    // The cue-to-mention relation means nothing; the stray cue belongs to no quote.
    assert_eq!(lost.len(), 2, "{lost:?}");
}

#[test]
fn records_come_from_arrays_lines_or_one_pretty_object() {
    let p = Path::new("x.json");
    let mut errors = Vec::new();
    let r = parse_records(p, "\u{feff}[{\"a\": 1}, {\"a\": 2}]", "task", &mut errors);
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[1].place,
        Place::Item {
            noun: "task",
            index: 1
        }
    );
    let r = parse_records(p, "{\"a\": 1}\r\n\r\n{\"a\": 2}\r\n", "record", &mut errors);
    assert_eq!(
        r.iter().map(|r| r.place).collect::<Vec<_>>(),
        [Place::Line(1), Place::Line(3)]
    );
    let r = parse_records(p, "{\n  \"a\": 1\n}\n", "record", &mut errors);
    assert_eq!(r.len(), 1);
    assert!(errors.is_empty());
    parse_records(p, "{\"a\": 1}\n{\"a\": \n", "record", &mut errors);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().starts_with("x.json:2:"),
        "{}",
        errors[0]
    );
}

#[cfg(unix)]
#[test]
fn folders_are_walked_once_through_links_and_devices_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.jsonl"), "{}\n").unwrap();
    std::os::unix::fs::symlink(".", root.join("self")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("z.jsonl")).unwrap();
    let mut errors = Vec::new();
    let files = collect_files(
        &[root.to_path_buf(), root.join("a.jsonl")],
        &["jsonl"],
        &mut errors,
    );
    assert_eq!(files, [root.join("a.jsonl")]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].to_string().contains("z.jsonl: is a device"),
        "{errors:?}"
    );
    let mut errors = Vec::new();
    let records = read_records(&root.join("z.jsonl"), "task", &mut errors);
    assert!(records.is_empty());
    assert!(errors[0].to_string().contains("is a device"), "{errors:?}");
}
