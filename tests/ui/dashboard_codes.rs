//! The Dashboard's counts by category and speaker attribute: documents by topic and quotes by
//! speaker gender, over the project and per document.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gloss::model::{
    AttrTarget, AttributeDef, CategoryScheme, CategoryValue, CharRange, Color, EntityId, Origin,
    Quote, QuoteId, QuoteKind, SpanId,
};
use gloss::ui::Workbench;

use crate::support::*;

/// `support::project()` with a topic scheme (the first document politics), an entity
/// attribute gender, "Ana Ruiz" linked to a female entity and speaking one quote.
fn open_coded() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let mut p = project();
    p.schemes.push(CategoryScheme {
        name: "topic".into(),
        multiple: false,
        values: ["politics", "sport"]
            .map(|n| CategoryValue {
                name: n.into(),
                key: None,
                color: Color([0x7a, 0xa6, 0xe8]),
            })
            .to_vec(),
        description: String::new(),
    });
    p.attributes.push(AttributeDef {
        name: "gender".into(),
        target: AttrTarget::Entity,
        values: vec!["female".into(), "male".into()],
        description: String::new(),
    });
    p.entities[0]
        .attributes
        .set("gender", Some("female".into()));
    let d = &mut p.documents[0];
    d.categories.insert("topic".into(), vec!["politics".into()]);
    d.span_mut(SpanId(1)).unwrap().entity = Some(EntityId(1));
    d.quotes.push(Quote {
        id: QuoteId(1),
        content: vec![CharRange::new(53, 85)],
        speaker: Some(SpanId(1)),
        cue: None,
        kind: QuoteKind::Indirect,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    let (dir, _, h) = open_saved(&p, "coded.ron");
    (dir, h)
}

#[test]
fn the_dashboard_counts_documents_by_topic_and_quotes_by_speaker_gender() {
    let (_dir, mut h) = open_coded();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dashboard").click();
    h.run();
    h.get_by_label("Documents by topic");
    h.get_by_label("Quotes by speaker gender");
    assert!(
        h.query_by_label("politics 1 · sport 0 · (not set) 1")
            .is_some(),
        "one document is politics, one uncategorised"
    );
    assert!(
        h.query_by_label("female 1 · male 0 · (not set) 0")
            .is_some(),
        "the one quote's speaker is female"
    );
    h.get_by_label_contains("Quotes by speaker gender, per document");
}

#[test]
fn who_said_what_counts_quotes_by_speaker_gender() {
    let (_dir, mut h) = open_coded();
    h.get_by_label("Quotes").click();
    h.run();
    h.get_by_label("Who said what").click();
    h.run();
    h.get_by_label("1 quotes by 1 speakers");
    h.get_by_label("Quotes by speaker gender");
    assert!(
        h.query_by_label("female 1 · male 0 · (not set) 0")
            .is_some(),
        "the one quote's speaker is female"
    );
}
