//! Tests of `io::brat`: reading standoff files, quotes, speakers, notes and errors.

use super::*;
use crate::io::test_fixtures::entity;
use crate::model::CharRange;

/// Write `NAME.txt` and `NAME.ann` into `dir`.
fn pair(dir: &Path, name: &str, text: &str, ann: &str) -> PathBuf {
    std::fs::write(dir.join(format!("{name}.txt")), text).unwrap();
    let path = dir.join(format!("{name}.ann"));
    std::fs::write(&path, ann).unwrap();
    path
}

/// The code-point range of the `nth` occurrence of `needle` in `text`, as "START END".
fn at(text: &str, needle: &str, nth: usize) -> String {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs {nth} times"));
    let start = text[..byte].chars().count();
    format!("{start} {}", start + needle.chars().count())
}

/// A `T` line for the `nth` occurrence of `needle`.
fn t(id: &str, label: &str, text: &str, needle: &str, nth: usize) -> String {
    format!("{id}\t{label} {}\t{needle}\n", at(text, needle, nth))
}

fn read(dir: &Path) -> BratImport {
    read_paths(&[dir.to_path_buf()], &Project::new("t")).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(dir: &Path) -> Vec<String> {
    match read_paths(&[dir.to_path_buf()], &Project::new("t")) {
        Ok(_) => panic!("the import should fail"),
        Err(r) => r.errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn texts(d: &Document) -> Vec<(String, String)> {
    d.spans
        .iter()
        .map(|s| (d.slice(s.start, s.end).to_string(), s.label.to_string()))
        .collect()
}

#[test]
fn entities_become_name_spans_and_new_labels_get_a_colour_and_key() {
    let dir = tempfile::tempdir().unwrap();
    // Astral characters first: offsets are code points, not bytes or UTF-16 units.
    let text = "😀🎉 Angela Merkel visited Ouagadougou.\n";
    let ann =
        t("T1", "PERSON", text, "Angela Merkel", 0) + &t("T2", "CITY", text, "Ouagadougou", 0);
    pair(dir.path(), "merkel", text, &ann);
    let import = read(dir.path());
    assert_eq!(import.documents.len(), 1);
    let d = &import.documents[0].document;
    assert_eq!((d.name.as_str(), &*d.text), ("merkel", text));
    assert_eq!(
        texts(d),
        [
            ("Angela Merkel".to_string(), "PERSON".to_string()),
            ("Ouagadougou".to_string(), "CITY".to_string())
        ]
    );
    assert_eq!(d.spans[0].start, 3);
    assert!(d.spans.iter().all(|s| s.mention == Mention::Name
        && s.origin
            == Origin::Imported {
                format: "brat".into()
            }));
    assert_eq!(import.labels.len(), 1);
    let city = &import.labels[0];
    assert_eq!((city.name.as_str(), city.key), ("CITY", Some('8')));
    let news = Project::new("t").labels;
    assert!(news.labels.iter().all(|l| l.color != city.color));
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
}

#[test]
fn fragments_across_a_line_break_join_and_split_ones_are_skipped_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The Bank of\nEngland and the Bank of Japan spoke.\n";
    // T1 crosses the line break: two fragments joined by one space in the text column.
    // T2 leaves out "of": text between its fragments, so not one span.
    let ann = format!(
        "T1\tORG 4 11;12 19\tBank of England\nT2\tORG {};{}\tBank Japan\nN1\tReference T2 wiki:Bank_of_Japan\tBank of Japan\n",
        at(text, "Bank", 1),
        at(text, "Japan", 0)
    );
    pair(dir.path(), "banks", text, &ann);
    let import = read(dir.path());
    let d = &import.documents[0].document;
    assert_eq!(texts(d), [("Bank of\nEngland".into(), "ORG".into())]);
    let skipped: Vec<String> = import.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    let file = dir.path().join("banks.ann").display().to_string();
    assert!(
        skipped[0].starts_with(&format!("{file}:2: T2 (ORG) has fragments")),
        "{skipped:?}"
    );
    assert!(
        skipped[1].starts_with(&format!("{file}:3: N1: T2 was skipped (line 2)")),
        "{skipped:?}"
    );
    assert!(import.new_entities.is_empty());
}

#[test]
fn normalisations_make_entities_shared_across_documents_with_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let a = "U.S. troops left. The United States said so.\n";
    let b = "In the United States, Reuters reported.\n";
    let ann_a = t("T1", "GPE", a, "U.S.", 0)
        + &t("T2", "GPE", a, "United States", 0)
        + "N1\tReference T1 wiki:United_States\tU.S.\n"
        + "N2\tReference T2 wiki:United_States\tUnited States\n";
    // Reuters: every N line agrees on the name, so the column is the name.
    let ann_b = t("T1", "GPE", b, "United States", 0)
        + &t("T2", "ORG", b, "Reuters", 0)
        + "N1\tReference T1 wiki:United_States\tUnited States\n"
        + "N2\tReference T2 Wikidata:Q130879\tThomson Reuters\n";
    pair(dir.path(), "a", a, &ann_a);
    pair(dir.path(), "b", b, &ann_b);
    let mut project = Project::new("t");
    project.entities.push(entity(7, "Thomson Reuters", "ORG"));
    let import = read_paths(&[dir.path().to_path_buf()], &project).unwrap();
    // The texts disagree for wiki:United_States, so the name is the Wikipedia title.
    assert_eq!(import.new_entities.len(), 1);
    let us = &import.new_entities[0];
    assert_eq!(
        (us.id, us.name.as_str(), us.label.as_str()),
        (EntityId(8), "United States", "GPE")
    );
    assert_eq!(us.aliases, ["U.S."]);
    // Reuters links to the project's entity, which gains an alias.
    assert_eq!(import.updated_entities.len(), 1);
    assert_eq!(import.updated_entities[0].aliases, ["Reuters"]);
    let links: Vec<Option<EntityId>> = import
        .documents
        .iter()
        .flat_map(|d| d.document.spans.iter().map(|s| s.entity))
        .collect();
    assert_eq!(
        links,
        [
            Some(EntityId(8)),
            Some(EntityId(8)),
            Some(EntityId(8)),
            Some(EntityId(7))
        ]
    );
    assert_eq!(import.counts().linked, 4);
}

const NEWS: &str = "Putin says \u{2018}differences can be resolved\u{2019}. \
He declared there could be no return. The official said: \u{201c}We back Ukraine.\u{201d} \
\u{201c}Russia fights terror,\u{201d} it went on.\n";

#[test]
fn quotes_take_cues_speakers_kinds_and_speaker_notes() {
    let dir = tempfile::tempdir().unwrap();
    let x = NEWS;
    let ann = [
        t("T1", "PERSON", x, "Putin", 0),
        t("T2", "Quote", x, "differences can be resolved", 0),
        "A1\tKind T2 Direct\n".into(),
        t("T3", "Cue", x, "says", 0),
        "R1\tCue Arg1:T2 Arg2:T3\n".into(),
        "R2\tSpeaker Arg1:T2 Arg2:T1\n".into(),
        "#1\tAnnotatorNotes T2\tspeaker=Vladimir Putin\n".into(),
        t("T4", "Quote", x, "there could be no return", 0),
        "A2\tKind T4 Indirect\n".into(),
        t("T5", "Speaker", x, "He", 0),
        // Arguments in the other order are read by name.
        "R3\tSpeaker Arg2:T5 Arg1:T4\n".into(),
        "#2\tAnnotatorNotes T4\tspeaker=Vladimir Putin\n".into(),
        t("T6", "Quote", x, "We back Ukraine.", 0),
        "A3\tKind T6 Mixed\n".into(),
        t("T7", "Speaker", x, "The official", 0),
        "R4\tSpeaker Arg1:T6 Arg2:T7\n".into(),
        t("T8", "Quote", x, "Russia fights terror,", 0),
        "#3\tAnnotatorNotes T8\tspeaker=Sergei Lavrov\n".into(),
    ]
    .concat();
    pair(dir.path(), "news", x, &ann);
    let import = read(dir.path());
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    let bd = &import.documents[0];
    let d = &bd.document;
    let c = import.counts();
    assert_eq!((c.quotes, c.direct, c.indirect, c.mixed), (4, 2, 1, 1));
    assert_eq!((c.cues, c.speakers, c.speaker_notes), (1, 3, 1));
    assert_eq!((c.pronouns, c.descriptions), (1, 1));
    assert_eq!(c.names.get("PERSON"), Some(&1));

    let names: Vec<&str> = import
        .new_entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Vladimir Putin", "Sergei Lavrov"]);
    assert_eq!(
        import.new_entities[0].aliases,
        ["Putin"],
        "pronouns are not aliases"
    );
    let putin = import.new_entities[0].id;

    let said = |q: &Quote| d.slice(q.extent().start, q.extent().end).to_string();
    let speaker = |q: &Quote| q.speaker.and_then(|s| d.span(s));
    let q = &d.quotes;
    assert_eq!(said(&q[0]), "differences can be resolved");
    assert_eq!(
        q[0].cue.map(|r| d.slice(r.start, r.end).to_string()),
        Some("says".into())
    );
    assert_eq!(
        speaker(&q[0]).map(|s| (s.mention, s.entity)),
        Some((Mention::Name, Some(putin)))
    );
    let he = speaker(&q[1]).expect("a speaker");
    assert_eq!(
        (he.mention, he.entity, he.label.as_str()),
        (Mention::Pronoun, Some(putin), "PERSON")
    );
    let official = speaker(&q[2]).expect("a speaker");
    assert_eq!(
        (official.mention, official.entity),
        (Mention::Nominal, None)
    );
    assert_eq!(q[2].kind, QuoteKind::Mixed);
    // No mention for the last speaker: no speaker, but the name is on the side.
    assert_eq!(said(&q[3]), "Russia fights terror,");
    assert_eq!(q[3].speaker, None);
    assert_eq!(bd.speaker_notes, [(q[3].id, "Sergei Lavrov".to_string())]);
    let ids: Vec<u64> = q.iter().map(|q| q.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4]);
}

#[test]
fn quotes_written_as_events_are_read_in_both_forms() {
    let dir = tempfile::tempdir().unwrap();
    let x = "\u{201c}We will win,\u{201d} said Angela Merkel. \u{201c}Soon,\u{201d} she added, \u{201c}very soon.\u{201d}\n";
    let ann = [
        // Form 1: the event is triggered by the quote itself.
        t("T1", "Quote", x, "We will win,", 0),
        t("T2", "Cue", x, "said", 0),
        t("T3", "PERSON", x, "Angela Merkel", 0),
        "E1\tQuote:T1 Speaker:T3 Cue:T2\n".into(),
        "A1\tKind E1 Direct\n".into(),
        // Form 2: triggered by the speech verb, the content in two parts.
        t("T4", "Quotation", x, "added", 0),
        t("T5", "Quote", x, "Soon,", 0),
        t("T6", "Quote", x, "very soon.", 0),
        t("T7", "Speaker", x, "she", 0),
        "E2\tQuotation:T4 Speaker:T7 Content:T5 Content2:T6\n".into(),
        "#1\tAnnotatorNotes E2\tspeaker=Angela Merkel\n".into(),
    ]
    .concat();
    pair(dir.path(), "merkel", x, &ann);
    let import = read(dir.path());
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    let d = &import.documents[0].document;
    assert_eq!(d.quotes.len(), 2);
    let (q1, q2) = (&d.quotes[0], &d.quotes[1]);
    let text = |r: CharRange| d.slice(r.start, r.end).to_string();
    assert_eq!(text(q1.content[0]), "We will win,");
    assert_eq!(q1.cue.map(text), Some("said".into()));
    assert_eq!(
        q1.speaker.and_then(|s| d.span(s)).map(|s| s.label.as_str()),
        Some("PERSON")
    );
    let parts: Vec<String> = q2.content.iter().map(|r| text(*r)).collect();
    assert_eq!(
        parts,
        ["Soon,", "very soon."],
        "text between the parts keeps them apart"
    );
    assert_eq!(q2.cue.map(text), Some("added".into()));
    let she = q2.speaker.and_then(|s| d.span(s)).expect("a speaker");
    assert_eq!(she.mention, Mention::Pronoun);
    // The note names an entity the first quote's speaker does not link to (no note there),
    // so it is created for the pronoun, and "Angela Merkel" is its name, not an alias.
    assert_eq!(import.new_entities.len(), 1);
    assert_eq!(she.entity, Some(import.new_entities[0].id));
}

#[test]
fn a_quote_across_a_line_break_is_one_range() {
    let dir = tempfile::tempdir().unwrap();
    let x = "He said: \u{201c}First line\nsecond line.\u{201d}\n";
    let ann = format!(
        "T1\tQuote {};{}\tFirst line second line.\n",
        at(x, "First line", 0),
        at(x, "second line.", 0)
    );
    pair(dir.path(), "q", x, &ann);
    let d = &read(dir.path()).documents[0].document;
    assert_eq!(d.quotes[0].content.len(), 1);
    let r = d.quotes[0].content[0];
    assert_eq!(d.slice(r.start, r.end), "First line\nsecond line.");
}

#[test]
fn a_text_column_that_does_not_match_fails_the_import_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Angela Merkel visited Paris.\n";
    pair(dir.path(), "a", text, "T1\tPERSON 0 13\tAngela Merkel\n");
    pair(
        dir.path(),
        "b",
        text,
        "T1\tPERSON 0 13\tAngela Merkel\nT2\tGPE 22 27\tParis.\n",
    );
    let errs = errors(dir.path());
    let file = dir.path().join("b.ann").display().to_string();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with(&format!(
            "{file}:2:14: T2: the text column \"Paris.\" does not match the document's text \"Paris\" at 22 27"
        )),
        "{errs:?}"
    );
}

#[test]
fn unknown_line_types_and_malformed_lines_fail_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Angela Merkel visited Paris.\n";
    let ann = "T1\tPERSON 0 13\tAngela Merkel\n\
               X1\tSomething T1\n\
               T2\tGPE 22\tParis\n\
               T3\tGPE 22 99\tParis\n\
               R1\tSpeaker Arg1:T1\n\
               A1\tKind T9 Direct\n\
               T1\tGPE 22 27\tParis\n\
               no tab here\n";
    pair(dir.path(), "a", text, ann);
    let errs = errors(dir.path());
    let lines: Vec<String> = errs
        .iter()
        .map(|e| {
            e.split(": ")
                .next()
                .unwrap_or_default()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(
        lines,
        [
            "a.ann:2:1",
            "a.ann:3:8",
            "a.ann:4:8",
            "a.ann:5:4",
            "a.ann:7:1",
            "a.ann:8:1",
            "a.ann:6:1"
        ],
        "{errs:#?}"
    );
    assert!(
        errs[0].contains("\"X1\" is not a brat annotation"),
        "{}",
        errs[0]
    );
    assert!(
        errs[2].contains("runs past the end of the text (29 characters)"),
        "{}",
        errs[2]
    );
    assert!(
        errs[4].contains("T1 is defined twice (first on line 1)"),
        "{}",
        errs[4]
    );
    assert!(
        errs[6].contains("A1 refers to T9, which this file does not define"),
        "{}",
        errs[6]
    );
}

#[test]
fn what_the_model_cannot_hold_is_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    // The cue is on another line than the quote, so it is not taken as its cue.
    let x = "\u{201c}Yes,\u{201d} said Ann Lee.\nThey said so.\n";
    let ann = [
        t("T1", "Quote", x, "Yes,", 0),
        t("T2", "PERSON", x, "Ann Lee", 0),
        t("T3", "Cue", x, "said", 1),
        "R1\tCoref Arg1:T2 Arg2:T2\n".into(),
        "A1\tNegated T2\n".into(),
        "#1\tAnnotatorNotes T2\tcheck this\n".into(),
        "*\tEquiv T2 T2\n".into(),
        "A2\tKind T2 Direct\n".into(),
    ]
    .concat();
    pair(dir.path(), "a", x, &ann);
    let import = read(dir.path());
    let lines: Vec<usize> = import.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [4, 8, 3], "{:#?}", import.skipped);
    assert!(
        import.skipped[2]
            .message
            .contains("the cue T3 belongs to no quote")
    );
    assert!(
        import.skipped[1]
            .message
            .contains("T2 is a PERSON, not a quote")
    );
    // Valid lines of kinds Gloss does not model are told, not skipped: nothing is lost.
    let told: Vec<&str> = import.notices.iter().map(String::as_str).collect();
    assert_eq!(told.len(), 3, "{told:#?}");
    assert!(told[0].contains("a.ann:7: equivalence") && told[0].ends_with("; ignored"));
    assert!(told[1].contains("a.ann:5: A1: attribute Negated is not read"));
    assert!(told[2].contains("a.ann:6: note \"check this\""));
    // The rest still comes in.
    assert_eq!(import.counts().quotes, 1);
}

#[test]
fn a_bad_quote_kind_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let x = "\u{201c}Yes\u{201d}\n";
    pair(
        dir.path(),
        "a",
        x,
        &(t("T1", "Quote", x, "Yes", 0) + "A1\tKind T1 Reported\n"),
    );
    let errs = errors(dir.path());
    assert!(
        errs[0].contains("\"Reported\" is not a quote kind"),
        "{errs:?}"
    );
}

#[test]
fn files_are_paired_and_documents_already_in_the_project_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    pair(dir.path(), "b", "Bee.\n", "");
    pair(dir.path(), "a", "Ay.\n", "");
    std::fs::write(dir.path().join("notes.txt"), "no annotations").unwrap();
    std::fs::write(dir.path().join("README.md"), "ignored").unwrap();
    let mut project = Project::new("t");
    project.insert_document(Document::new(DocId(4), "b", "Bee.\n"));
    let import = read_paths(&[dir.path().to_path_buf()], &project).unwrap();
    let names: Vec<(&str, DocId)> = import
        .documents
        .iter()
        .map(|d| (d.document.name.as_str(), d.document.id))
        .collect();
    assert_eq!(names, [("a", DocId(5))]);
    assert_eq!(import.notices.len(), 2, "{:?}", import.notices);
    assert!(
        import
            .notices
            .iter()
            .any(|n| n.contains("notes.txt: no notes.ann"))
    );
    assert!(
        import
            .notices
            .iter()
            .any(|n| n.contains("already in the project"))
    );

    // A file named directly needs its partner.
    std::fs::write(dir.path().join("c.ann"), "").unwrap();
    let err = read_paths(&[dir.path().join("c.ann")], &project).unwrap_err();
    assert!(err.to_string().contains("c.txt: not found"), "{err}");
    let err = read_paths(&[dir.path().to_path_buf()], &project).unwrap_err();
    assert!(
        err.to_string().contains("c.ann: no c.txt beside it"),
        "{err}"
    );
}

#[test]
fn a_speaker_takes_the_label_of_the_entity_its_note_names() {
    let dir = tempfile::tempdir().unwrap();
    let x = "The Kremlin issued a statement. \u{201c}No comment,\u{201d} the ministry said.\n";
    let ann = [
        t("T1", "ORG", x, "Kremlin", 0),
        "N1\tReference T1 wiki:Moscow_Kremlin\tKremlin\n".into(),
        t("T2", "Quote", x, "No comment,", 0),
        t("T3", "Speaker", x, "the ministry", 0),
        "R1\tSpeaker Arg1:T2 Arg2:T3\n".into(),
        "#1\tAnnotatorNotes T2\tspeaker=Kremlin\n".into(),
    ]
    .concat();
    pair(dir.path(), "a", x, &ann);
    let import = read(dir.path());
    let d = &import.documents[0].document;
    let speaker = d.quotes[0]
        .speaker
        .and_then(|s| d.span(s))
        .expect("a speaker");
    assert_eq!(
        (speaker.label.as_str(), speaker.mention),
        ("ORG", Mention::Nominal)
    );
    assert_eq!(import.new_entities.len(), 1);
    assert_eq!(speaker.entity, Some(import.new_entities[0].id));
    assert!(
        import.new_entities[0].aliases.is_empty(),
        "descriptions are not aliases"
    );
}

#[test]
fn a_speaker_mention_that_cannot_be_a_span_leaves_the_name_on_the_side() {
    let dir = tempfile::tempdir().unwrap();
    let x = "\u{201c}Fine,\u{201d} Mr Ed Stone said.\n";
    // The speaker mention skips "Ed": not one stretch of text.
    let ann = [
        t("T1", "Quote", x, "Fine,", 0),
        format!(
            "T2\tSpeaker {};{}\tMr Stone\n",
            at(x, "Mr", 0),
            at(x, "Stone", 0)
        ),
        "R1\tSpeaker Arg1:T1 Arg2:T2\n".into(),
        "#1\tAnnotatorNotes T1\tspeaker=Ed Stone\n".into(),
    ]
    .concat();
    pair(dir.path(), "a", x, &ann);
    let import = read(dir.path());
    let bd = &import.documents[0];
    assert_eq!(bd.document.quotes[0].speaker, None);
    assert_eq!(bd.speaker_notes, [(QuoteId(1), "Ed Stone".to_string())]);
    assert_eq!(import.skipped.len(), 1, "{:?}", import.skipped);
    assert!(
        import.skipped[0]
            .message
            .contains("T2 (Speaker) has fragments")
    );
    assert_eq!(import.new_entities[0].name, "Ed Stone");
}

#[cfg(unix)]
#[test]
fn a_self_link_reads_each_pair_once_and_a_device_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ana Ruiz spoke.";
    pair(
        dir.path(),
        "a",
        text,
        &t("T1", "PERSON", text, "Ana Ruiz", 0),
    );
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    assert_eq!(read(dir.path()).documents.len(), 1);

    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.ann")).unwrap();
    std::fs::write(dir.path().join("z.txt"), "text").unwrap();
    let errors = errors(dir.path());
    assert!(
        errors.iter().any(|e| e.contains("z.ann: is a device")),
        "{errors:?}"
    );
}
