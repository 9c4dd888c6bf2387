use super::*;
use crate::model::*;
use std::collections::HashSet;

const STRIKE: &str = "Dock workers in Karsk ended a strike. \"We won,\" said Mira Holt.";
const FLOOD: &str = "Rain flooded Ambry; the fire service said no one was hurt.";

fn at(text: &str, needle: &str) -> CharRange {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

fn span(id: u64, text: &str, needle: &str, label: &str) -> Span {
    Span::new(SpanId(id), at(text, needle), label)
}

fn entity(id: u64, name: &str, label: &str) -> Entity {
    Entity {
        id: EntityId(id),
        name: name.into(),
        label: label.into(),
        aliases: vec![],
        attributes: Default::default(),
    }
}

/// Two documents: the strike (Karsk tagged, span 1) and the flood (Ambry tagged and linked).
fn base() -> Project {
    let mut p = Project::new("news");
    p.insert_entity(entity(1, "Ambry", "GPE"));
    let mut strike = Document::new(DocId(1), "strike", STRIKE);
    strike.insert_span(span(1, STRIKE, "Karsk", "GPE"));
    let mut flood = Document::new(DocId(2), "flood", FLOOD);
    let mut ambry = span(1, FLOOD, "Ambry", "GPE");
    ambry.entity = Some(EntityId(1));
    flood.insert_span(ambry);
    p.insert_document(strike);
    p.insert_document(flood);
    p
}

fn doc(p: &mut Project, id: u64) -> &mut Document {
    p.document_mut(DocId(id)).unwrap()
}

fn add_span(p: &mut Project, doc_id: u64, s: Span) {
    doc(p, doc_id).insert_span(s);
}

fn sound(r: &MergeResult) {
    let problems = validate(&r.project);
    assert!(problems.is_empty(), "{problems:?}");
}

fn texts(d: &Document) -> Vec<(String, String)> {
    d.spans
        .iter()
        .map(|s| (d.slice(s.start, s.end).to_string(), s.label.to_string()))
        .collect()
}

#[test]
fn a_side_that_changed_nothing_gives_the_other_side() {
    let b = base();
    let mut o = base();
    add_span(&mut o, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    doc(&mut o, 2).status = Status::Done;
    o.insert_entity(entity(2, "Mira Holt", "PERSON"));
    o.verdicts.never.push(("Dock".into(), "ORG".into()));

    let r = merge(&b, &o, &b);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    assert_eq!(r.project, o);
    let r = merge(&b, &b, &o);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    assert_eq!(r.project, o);
    let r = merge(&b, &o, &o);
    assert_eq!(r.project, o);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
}

#[test]
fn entities_added_on_both_sides_get_their_own_ids_and_links_follow() {
    let b = base();
    let mut o = base();
    o.insert_entity(entity(2, "Mira Holt", "PERSON"));
    let mut holt = span(2, STRIKE, "Mira Holt", "PERSON");
    holt.entity = Some(EntityId(2));
    add_span(&mut o, 1, holt);

    let mut t = base();
    t.insert_entity(entity(2, "the fire service", "ORG"));
    let mut service = span(2, FLOOD, "the fire service", "ORG");
    service.entity = Some(EntityId(2));
    add_span(&mut t, 2, service);

    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let p = &r.project;
    let names: Vec<(u64, &str)> = p
        .entities
        .iter()
        .map(|e| (e.id.0, e.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [(1, "Ambry"), (2, "Mira Holt"), (3, "the fire service")]
    );
    let flood = p.document(DocId(2)).unwrap();
    let service = flood.spans.iter().find(|s| s.label == "ORG").unwrap();
    assert_eq!(service.entity, Some(EntityId(3)), "the link follows");
    let strike = p.document(DocId(1)).unwrap();
    assert_eq!(strike.spans[1].entity, Some(EntityId(2)));
    assert!(r.notes.iter().any(|n| n.contains("now 3")), "{:?}", r.notes);
}

#[test]
fn the_same_new_entity_on_both_sides_is_one_entity() {
    let b = base();
    let mut o = base();
    o.insert_entity(Entity {
        aliases: vec!["Holt".into()],
        ..entity(2, "Mira Holt", "PERSON")
    });
    let mut holt = span(2, STRIKE, "Mira Holt", "PERSON");
    holt.entity = Some(EntityId(2));
    add_span(&mut o, 1, holt);

    // Theirs made the same person first under id 2, and something else too.
    let mut t = base();
    t.insert_entity(entity(2, "Karsk port authority", "ORG"));
    t.insert_entity(Entity {
        aliases: vec!["Ms Holt".into()],
        ..entity(3, "Mira Holt", "PERSON")
    });
    let mut holt = span(7, FLOOD, "fire service", "PERSON");
    holt.entity = Some(EntityId(3));
    add_span(&mut t, 2, holt);

    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let p = &r.project;
    assert_eq!(p.entities.len(), 3);
    let holt = p.entities.iter().find(|e| e.name == "Mira Holt").unwrap();
    assert_eq!(holt.id, EntityId(2));
    assert_eq!(holt.aliases, ["Holt", "Ms Holt"]);
    let flood = p.document(DocId(2)).unwrap();
    let linked = flood.spans.iter().find(|s| s.label == "PERSON").unwrap();
    assert_eq!(
        linked.entity,
        Some(EntityId(2)),
        "theirs' link goes to ours' entity"
    );
    // Past every id either side used.
    let authority = p.entities.iter().find(|e| e.label == "ORG").unwrap();
    assert_eq!(authority.id, EntityId(4));
}

#[test]
fn spans_added_by_both_to_the_same_document_are_all_kept_under_distinct_ids() {
    let b = base();
    let mut o = base();
    add_span(&mut o, 1, span(2, STRIKE, "Dock workers", "NORP"));
    let mut t = base();
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    add_span(&mut t, 1, span(3, STRIKE, "Karsk", "LOC"));
    // Both tagged "strike" alike: one span.
    add_span(&mut o, 1, span(3, STRIKE, "strike", "EVENT"));
    add_span(&mut t, 1, span(4, STRIKE, "strike", "EVENT"));

    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let strike = r.project.document(DocId(1)).unwrap();
    let got: Vec<(u64, String, String)> = strike
        .spans
        .iter()
        .map(|s| {
            (
                s.id.0,
                strike.slice(s.start, s.end).to_string(),
                s.label.to_string(),
            )
        })
        .collect();
    let want = [
        (2, "Dock workers", "NORP"),
        (1, "Karsk", "GPE"),
        (5, "Karsk", "LOC"),
        (3, "strike", "EVENT"),
        (6, "Mira Holt", "PERSON"),
    ];
    let want: Vec<(u64, String, String)> = want
        .iter()
        .map(|(i, t, l)| (*i, t.to_string(), l.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_span_removed_on_one_side_is_removed_and_the_other_sides_additions_stay() {
    let b = base();
    let mut o = base();
    doc(&mut o, 1).spans.clear();
    let mut t = base();
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));

    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(
        texts(strike),
        [("Mira Holt".to_string(), "PERSON".to_string())]
    );
    // The removal wins over an unchanged span, whichever side removed it.
    let r = merge(&b, &t, &o);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(strike.spans.len(), 1);
    assert_eq!(strike.spans[0].label, "PERSON");
}

#[test]
fn a_relabel_on_one_side_is_taken() {
    let b = base();
    let mut o = base();
    add_span(&mut o, 1, span(2, STRIKE, "Dock workers", "NORP"));
    let mut t = base();
    doc(&mut t, 1).spans[0].label = "LOC".into();
    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(strike.span(SpanId(1)).unwrap().label, "LOC");
    assert_eq!(strike.span(SpanId(2)).unwrap().label, "NORP");
}

#[test]
fn a_conflicting_relabel_keeps_ours_and_names_the_document_and_span() {
    let b = base();
    let mut o = base();
    doc(&mut o, 1).spans[0].label = "LOC".into();
    add_span(&mut o, 1, span(2, STRIKE, "Dock workers", "NORP"));
    let mut t = base();
    doc(&mut t, 1).spans[0].label = "ORG".into();
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));

    let r = merge(&b, &o, &t);
    sound(&r);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    let line = r.conflicts[0].to_string();
    assert!(line.starts_with("document \"strike\": "), "{line}");
    assert!(
        line.contains("\"Karsk\"") && line.contains("LOC in ours and ORG in theirs"),
        "{line}"
    );
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(strike.span(SpanId(1)).unwrap().label, "LOC", "ours kept");
    // Everything else merged.
    assert_eq!(strike.spans.len(), 3);
}

#[test]
fn a_quote_speaker_follows_its_renumbered_span() {
    let b = base();
    let mut o = base();
    add_span(&mut o, 1, span(2, STRIKE, "Dock workers", "NORP"));
    let mut t = base();
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    doc(&mut t, 1).insert_quote(Quote {
        id: QuoteId(1),
        content: vec![at(STRIKE, "We won,")],
        speaker: Some(SpanId(2)),
        cue: Some(at(STRIKE, "said")),
        kind: QuoteKind::Direct,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    // Ours quoted something else under the same quote id.
    doc(&mut o, 1).insert_quote(Quote {
        id: QuoteId(1),
        content: vec![at(STRIKE, "ended a strike")],
        speaker: Some(SpanId(2)),
        cue: None,
        kind: QuoteKind::Indirect,
        origin: Origin::Manual,
        attributes: Default::default(),
    });

    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(strike.quotes.len(), 2);
    let won = strike
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    assert_eq!(won.id, QuoteId(2), "renumbered: ours has quote 1");
    let speaker = strike.span(won.speaker.unwrap()).unwrap();
    assert_eq!(strike.slice(speaker.start, speaker.end), "Mira Holt");
    let ended = strike.quote(QuoteId(1)).unwrap();
    let speaker = strike.span(ended.speaker.unwrap()).unwrap();
    assert_eq!(strike.slice(speaker.start, speaker.end), "Dock workers");
}

#[test]
fn a_speaker_removed_on_one_side_but_quoted_on_the_other_is_kept_and_reported() {
    let mut b = base();
    add_span(&mut b, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    let mut o = b.clone();
    doc(&mut o, 1).spans.retain(|s| s.id != SpanId(2));
    add_span(&mut o, 1, span(3, STRIKE, "Dock workers", "NORP"));
    let mut t = b.clone();
    doc(&mut t, 1).insert_quote(Quote {
        id: QuoteId(1),
        content: vec![at(STRIKE, "We won,")],
        speaker: Some(SpanId(2)),
        cue: None,
        kind: QuoteKind::Direct,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    let r = merge(&b, &o, &t);
    sound(&r);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert!(r.conflicts[0].what.contains("names it as speaker"));
    let strike = r.project.document(DocId(1)).unwrap();
    let q = &strike.quotes[0];
    let speaker = strike.span(q.speaker.unwrap()).unwrap();
    assert_eq!(strike.slice(speaker.start, speaker.end), "Mira Holt");
}

#[test]
fn status_changed_differently_on_both_sides_takes_the_less_finished_with_a_note() {
    let b = base();
    let mut o = base();
    doc(&mut o, 1).status = Status::Done;
    add_span(&mut o, 1, span(2, STRIKE, "Dock workers", "NORP"));
    let mut t = base();
    doc(&mut t, 1).status = Status::InProgress;
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    let r = merge(&b, &o, &t);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("status done in ours, in progress in theirs")),
        "{:?}",
        r.notes
    );
    assert_eq!(
        r.project.document(DocId(1)).unwrap().status,
        Status::InProgress
    );
    assert_eq!(r.project.document(DocId(1)).unwrap().spans.len(), 3);
}

#[test]
fn documents_added_on_both_sides_are_both_added_and_rejections_follow() {
    let b = base();
    let mut o = base();
    o.insert_document(Document::new(DocId(3), "mayor", "Mayor Lena Ortiz spoke."));
    let mut t = base();
    let mut tram = Document::new(DocId(3), "tram", "The tram line opened.");
    tram.insert_span(Span::new(SpanId(1), CharRange::new(4, 8), "MISC"));
    t.insert_document(tram);
    t.verdicts.rejected.push(Rejection {
        doc: DocId(3),
        start: 0,
        end: 3,
        label: "ORG".into(),
        engine: None,
    });
    // The same article imported on both sides is one document.
    let twin = |p: &mut Project, id: u64, label: &str| {
        let mut d = Document::new(DocId(id), "same", "Karsk and Ambry.");
        d.insert_span(Span::new(SpanId(1), CharRange::new(0, 5), label));
        p.insert_document(d);
    };
    twin(&mut o, 4, "GPE");
    twin(&mut t, 5, "GPE");

    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let names: Vec<(u64, &str)> = r
        .project
        .documents
        .iter()
        .map(|d| (d.id.0, d.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (1, "strike"),
            (2, "flood"),
            (3, "mayor"),
            (4, "same"),
            (6, "tram")
        ]
    );
    assert_eq!(r.project.document(DocId(4)).unwrap().spans.len(), 1);
    assert_eq!(r.project.verdicts.rejected[0].doc, DocId(6));
}

#[test]
fn a_document_removed_on_one_side_and_annotated_on_the_other_is_a_conflict() {
    let b = base();
    let mut o = base();
    o.documents.retain(|d| d.id != DocId(1));
    let mut t = base();
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    let r = merge(&b, &o, &t);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].document.as_deref(), Some("strike"));
    assert!(r.project.document(DocId(1)).is_none(), "as in ours");

    // Removed on one side and untouched on the other: removed, cleanly.
    let r = merge(&b, &o, &b);
    assert!(r.is_clean());
    assert!(r.project.document(DocId(1)).is_none());
}

#[test]
fn a_label_removed_on_one_side_but_used_on_the_other_is_kept_and_reported() {
    let b = base();
    let mut o = base();
    add_span(&mut o, 1, span(2, STRIKE, "Dock workers", "NORP"));
    let mut t = base();
    t.labels.labels.retain(|l| l.name != "NORP");
    t.labels.labels.push(LabelDef {
        name: "GROUP".into(),
        color: Color([1, 2, 3]),
        key: Some('5'),
        description: String::new(),
    });
    let r = merge(&b, &o, &t);
    sound(&r);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert!(r.conflicts[0].what.starts_with("label NORP"));
    let labels = &r.project.labels;
    assert!(labels.contains("NORP") && labels.contains("GROUP"));
    assert_eq!(labels.get("NORP").unwrap().key, Some('5'), "ours' key kept");
    assert_ne!(
        labels.get("GROUP").unwrap().key,
        Some('5'),
        "keys stay unique"
    );
}

#[test]
fn labels_merge_field_by_field_and_clash_keeping_ours() {
    let b = base();
    let mut o = base();
    o.labels.labels[0].description = "People.".into();
    o.labels.labels[1].color = Color([9, 9, 9]);
    let mut t = base();
    t.labels.labels[0].color = Color([1, 1, 1]);
    t.labels.labels[1].color = Color([2, 2, 2]);
    let r = merge(&b, &o, &t);
    let person = r.project.labels.get("PERSON").unwrap();
    assert_eq!(
        (person.description.as_str(), person.color),
        ("People.", Color([1, 1, 1]))
    );
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert!(r.conflicts[0].what.contains("label ORG: colour"));
    assert_eq!(r.project.labels.get("ORG").unwrap().color, Color([9, 9, 9]));
}

#[test]
fn links_to_an_entity_merged_away_on_the_other_side_follow_the_merge() {
    let mut b = base();
    b.insert_entity(entity(2, "Ambry town", "GPE"));
    let mut o = b.clone();
    let mut town = span(2, FLOOD, "Ambry", "GPE");
    town.entity = Some(EntityId(2));
    town.start = 0; // a different span, "Rain", linked to the entity theirs merges away
    town.end = 4;
    add_span(&mut o, 2, town);
    let mut t = b.clone();
    t.entities.retain(|e| e.id != EntityId(2));
    t.entity_mut(EntityId(1))
        .unwrap()
        .aliases
        .push("Ambry town".into());
    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    let flood = r.project.document(DocId(2)).unwrap();
    assert!(flood.spans.iter().all(|s| s.entity == Some(EntityId(1))));
    assert_eq!(r.project.entities.len(), 1);

    // Deleted outright instead: kept, and reported.
    let mut t = b.clone();
    t.entities.retain(|e| e.id != EntityId(2));
    let r = merge(&b, &o, &t);
    sound(&r);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert!(r.conflicts[0].what.contains("\"Ambry town\""));
}

#[test]
fn settings_and_verdicts() {
    let b = base();
    let mut o = base();
    o.verdicts.never.push(("Dock".into(), "ORG".into()));
    o.verdicts.rejected.push(Rejection {
        doc: DocId(1),
        start: 0,
        end: 4,
        label: "ORG".into(),
        engine: None,
    });
    let mut t = base();
    t.matcher.rules = false;
    t.verdicts.never.push(("Dock".into(), "ORG".into()));
    t.verdicts.never.push(("Rain".into(), "PERSON".into()));
    t.verdicts.rejected.push(Rejection {
        doc: DocId(2),
        start: 0,
        end: 4,
        label: "PERSON".into(),
        engine: None,
    });
    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    assert!(!r.project.matcher.rules, "theirs' change wins");
    assert_eq!(r.project.verdicts.never.len(), 2);
    assert_eq!(r.project.verdicts.rejected.len(), 2);

    o.matcher.min_learned_len = 5;
    let r = merge(&b, &o, &t);
    assert_eq!(r.conflicts.len(), 1);
    assert!(r.conflicts[0].what.starts_with("matcher settings"));
    assert_eq!(r.project.matcher, o.matcher);
}

#[test]
fn an_empty_base_merges_two_projects_made_apart() {
    let o = base();
    let mut t = base();
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    let b = empty_base(&o, &t);
    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    sound(&r);
    assert_eq!(r.project.documents.len(), 2);
    assert_eq!(r.project.entities.len(), 1);
    assert_eq!(r.project.document(DocId(1)).unwrap().spans.len(), 2);
}

mod random_edits {
    //! Both sides edit the same project at random, as annotators do; whatever they did, the
    //! merge opens (validates) and keeps every annotation either side added.

    use super::*;
    use proptest::prelude::*;

    const LABELS: [&str; 4] = ["PERSON", "ORG", "GPE", "LOC"];

    /// One edit: what, where (two numbers folded into the document's length), which label.
    type Edit = (u8, u8, u16, u16, u8);

    fn apply(p: &mut Project, (what, d, a, b, l): Edit) {
        let doc_id = DocId(1 + u64::from(d % 2));
        let label = LABELS[usize::from(l) % LABELS.len()].to_string();
        let next_entity = p.next_entity_id();
        let entities: Vec<EntityId> = p.entities.iter().map(|e| e.id).collect();
        let d = p.document_mut(doc_id).unwrap();
        let len = d.char_len();
        let start = usize::from(a) % (len - 1);
        let end = start + 1 + usize::from(b) % (len - start).min(12);
        let pick = |n: usize| usize::from(a) % n.max(1);
        match what % 7 {
            0 | 1 => {
                let id = d.next_span_id();
                d.insert_span(Span::new(id, CharRange::new(start, end), label));
            }
            2 if !d.spans.is_empty() => {
                let id = d.spans[pick(d.spans.len())].id;
                d.spans.retain(|s| s.id != id);
                for q in &mut d.quotes {
                    if q.speaker == Some(id) {
                        q.speaker = None;
                    }
                }
            }
            3 if !d.spans.is_empty() => {
                let i = pick(d.spans.len());
                d.spans[i].label = label.into();
            }
            4 if !d.spans.is_empty() => {
                let i = pick(d.spans.len());
                let s = d.spans[i].clone();
                let name = d.slice(s.start, s.end).to_string();
                d.spans[i].entity = Some(next_entity);
                p.insert_entity(Entity {
                    id: next_entity,
                    name,
                    label: s.label.to_string(),
                    aliases: vec![],
                    attributes: Default::default(),
                });
            }
            5 if !d.spans.is_empty() => {
                let speaker = d.spans[pick(d.spans.len())].id;
                let id = d.next_quote_id();
                d.insert_quote(Quote {
                    id,
                    content: vec![CharRange::new(start, end)],
                    speaker: Some(speaker),
                    cue: None,
                    kind: QuoteKind::Direct,
                    origin: Origin::Manual,
                    attributes: Default::default(),
                });
            }
            6 if !entities.is_empty() => {
                let gone = entities[pick(entities.len())];
                for d in &mut p.documents {
                    for s in &mut d.spans {
                        if s.entity == Some(gone) {
                            s.entity = None;
                        }
                    }
                }
                p.entities.retain(|e| e.id != gone);
            }
            _ => d.status = Status::ALL[usize::from(l) % 3],
        }
        p.normalise();
    }

    type Key = (DocId, usize, usize, String);

    fn keys(p: &Project) -> HashSet<Key> {
        p.documents
            .iter()
            .flat_map(|d| {
                d.spans
                    .iter()
                    .map(move |s| (d.id, s.start, s.end, s.label.to_string()))
            })
            .collect()
    }

    /// The spans a side added: not in the base under their id and range.
    fn added(base: &Project, side: &Project) -> Vec<Key> {
        let mut out = Vec::new();
        for d in &side.documents {
            let b = base.document(d.id).unwrap();
            for s in &d.spans {
                if b.span(s.id).is_none_or(|o| !o.range().overlaps(&s.range())) {
                    out.push((d.id, s.start, s.end, s.label.to_string()));
                }
            }
        }
        out
    }

    fn edit() -> impl Strategy<Value = Edit> {
        (
            any::<u8>(),
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            any::<u8>(),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn the_merge_always_opens_and_keeps_both_sides_additions(
            shared in prop::collection::vec(edit(), 0..6),
            mine in prop::collection::vec(edit(), 0..12),
            yours in prop::collection::vec(edit(), 0..12),
        ) {
            let mut b = base();
            shared.into_iter().for_each(|e| apply(&mut b, e));
            let (mut o, mut t) = (b.clone(), b.clone());
            mine.into_iter().for_each(|e| apply(&mut o, e));
            yours.into_iter().for_each(|e| apply(&mut t, e));
            prop_assert!(validate(&o).is_empty() && validate(&t).is_empty());

            let r = merge(&b, &o, &t);
            let problems = validate(&r.project);
            prop_assert!(problems.is_empty(), "{:?}\n{:?}", problems, r.conflicts);
            let merged = keys(&r.project);
            for side in [&o, &t] {
                for k in added(&b, side) {
                    prop_assert!(merged.contains(&k), "{:?} lost; {:?}", k, r.conflicts);
                }
            }
            let alone = merge(&b, &o, &b);
            prop_assert!(alone.is_clean(), "{:?}", alone.conflicts);
            prop_assert_eq!(alone.project, o);
        }

        #[test]
        fn annotators_on_different_documents_never_conflict(
            shared in prop::collection::vec(edit(), 0..6),
            mine in prop::collection::vec(edit(), 0..12),
            yours in prop::collection::vec(edit(), 0..12),
        ) {
            let mut b = base();
            shared.into_iter().for_each(|e| apply(&mut b, e));
            // Mine in the strike, yours in the flood; no entity deleted (that touches both).
            let only = |doc: u8| move |(what, _, a, b, l): Edit| (what % 6, doc, a, b, l);
            let (mut o, mut t) = (b.clone(), b.clone());
            mine.into_iter().map(only(0)).for_each(|e| apply(&mut o, e));
            yours.into_iter().map(only(1)).for_each(|e| apply(&mut t, e));
            let r = merge(&b, &o, &t);
            prop_assert!(r.is_clean(), "{:?}", r.conflicts);
            prop_assert!(validate(&r.project).is_empty());
            let strike = |p: &Project| keys(p).into_iter().filter(|k| k.0 == DocId(1)).collect::<HashSet<_>>();
            let flood = |p: &Project| keys(p).into_iter().filter(|k| k.0 == DocId(2)).collect::<HashSet<_>>();
            prop_assert_eq!(strike(&r.project), strike(&o));
            prop_assert_eq!(flood(&r.project), flood(&t));
            let alone = merge(&b, &o, &b);
            prop_assert!(alone.is_clean(), "{:?}", alone.conflicts);
            prop_assert_eq!(alone.project, o);
        }
    }
}

#[test]
fn the_same_quote_marked_by_both_is_one_quote_with_both_sides_details() {
    let mut b = base();
    add_span(&mut b, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    let quote = |speaker: Option<u64>, cue: Option<&str>, kind| Quote {
        id: QuoteId(1),
        content: vec![at(STRIKE, "We won,")],
        speaker: speaker.map(SpanId),
        cue: cue.map(|c| at(STRIKE, c)),
        kind,
        origin: Origin::Manual,
        attributes: Default::default(),
    };
    let mut o = b.clone();
    doc(&mut o, 1).insert_quote(quote(Some(2), None, QuoteKind::Direct));
    let mut t = b.clone();
    doc(&mut t, 1).insert_quote(quote(None, Some("said"), QuoteKind::Direct));
    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(
        strike.quotes,
        [quote(Some(2), Some("said"), QuoteKind::Direct)]
    );

    // Marked as different kinds: ours, and a conflict.
    let mut t = b.clone();
    doc(&mut t, 1).insert_quote(quote(None, None, QuoteKind::Mixed));
    let r = merge(&b, &o, &t);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert!(
        r.conflicts[0]
            .what
            .contains("direct in ours, mixed in theirs")
    );
    let strike = r.project.document(DocId(1)).unwrap();
    assert_eq!(strike.quotes[0].kind, QuoteKind::Direct);
}

#[test]
fn metadata_merges_key_by_key_and_a_clash_keeps_ours() {
    let mut b = base();
    doc(&mut b, 1)
        .meta
        .insert("outlet".into(), "Karsk Post".into());
    doc(&mut b, 1)
        .meta
        .insert("date".into(), "2025-03-01".into());
    let mut o = b.clone();
    let mut t = b.clone();
    // Ours fixes the date and adds a URL; theirs removes the outlet and adds a span.
    doc(&mut o, 1)
        .meta
        .insert("date".into(), "2025-03-02".into());
    doc(&mut o, 1)
        .meta
        .insert("url".into(), "https://example.org/1".into());
    doc(&mut t, 1).meta.remove("outlet");
    add_span(&mut t, 1, span(2, STRIKE, "Mira Holt", "PERSON"));
    let r = merge(&b, &o, &t);
    assert!(r.is_clean(), "{:?}", r.conflicts);
    let m = &r.project.document(DocId(1)).unwrap().meta;
    assert_eq!(
        m.iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
        [("date", "2025-03-02"), ("url", "https://example.org/1")]
    );
    assert_eq!(r.project.document(DocId(1)).unwrap().spans.len(), 2);
    // Both change the same key differently: ours is kept, and it is a conflict.
    doc(&mut t, 1)
        .meta
        .insert("date".into(), "2025-03-03".into());
    let r = merge(&b, &o, &t);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert!(
        r.conflicts[0]
            .what
            .contains("metadata \"date\": \"2025-03-02\" in ours, \"2025-03-03\" in theirs"),
        "{:?}",
        r.conflicts
    );
    assert_eq!(
        r.project.document(DocId(1)).unwrap().meta["date"],
        "2025-03-02"
    );
    sound(&r);
}
