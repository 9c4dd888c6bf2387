//! Write a big synthetic project for measuring: N news-sized articles with M spans each, some
//! linked to entities, some quotes. Used for the project I/O and suggestion figures in the
//! README (`/usr/bin/time -v gloss stats big.ron` gives load time and peak memory).
//!
//!     cargo run --release --example big_project -- OUT.ron [ARTICLES=1000] [SPANS_PER_ARTICLE=100]

use gloss::model::{
    CharRange, DocId, Document, Entity, EntityId, Origin, Project, Quote, QuoteId, QuoteKind, Span,
    SpanId, Status,
};

/// A deterministic news-like article of about 3,500 characters with names where the spans go.
pub fn article(i: usize, spans: usize) -> Document {
    let names = [
        "Amara Okafor",
        "the Valdora Council",
        "Lisbon",
        "Kenji Mori",
        "Ruritania",
    ];
    let labels = ["PERSON", "ORG", "GPE", "PERSON", "GPE"];
    let filler = "officials said on Tuesday that talks would resume after a pause of several weeks while members agreed a budget, ";
    let mut text = String::new();
    let mut placed = Vec::new();
    for k in 0..spans {
        if k % 10 == 0 && k > 0 {
            text.push('\n');
        }
        let n = (i + k) % names.len();
        let start = text.chars().count();
        text.push_str(names[n]);
        placed.push((start, text.chars().count(), labels[n], n));
        text.push(' ');
        text.push_str(&filler[..(k * 7) % 60 + 20]);
    }
    let mut d = Document::new(DocId(i as u64 + 1), format!("article-{i:05}"), text);
    for (k, (s, e, label, n)) in placed.into_iter().enumerate() {
        let mut span = Span::new(SpanId(k as u64 + 1), CharRange::new(s, e), label);
        if k % 3 == 0 {
            span.entity = Some(EntityId(n as u64 + 1));
        }
        if k % 5 == 0 {
            span.origin = Origin::Suggested {
                engine: "gazetteer".into(),
                rule: "countries".into(),
                score: 0.95,
            };
        }
        d.spans.push(span);
    }
    d.resort_spans();
    let first = d.spans[0].clone();
    d.quotes.push(Quote {
        id: QuoteId(1),
        content: vec![CharRange::new(first.end + 1, first.end + 20)],
        speaker: Some(first.id),
        cue: None,
        kind: QuoteKind::Indirect,
        origin: Origin::Manual,
        attributes: Default::default(),
    });
    d.status = [Status::Todo, Status::InProgress, Status::Done][i % 3];
    d
}

pub fn project(articles: usize, spans: usize) -> Project {
    let mut p = Project::new("big");
    for (i, (name, label)) in [
        ("Amara Okafor", "PERSON"),
        ("Valdora Council", "ORG"),
        ("Lisbon", "GPE"),
        ("Kenji Mori", "PERSON"),
        ("Ruritania", "GPE"),
    ]
    .iter()
    .enumerate()
    {
        p.insert_entity(Entity {
            id: EntityId(i as u64 + 1),
            name: name.to_string(),
            label: label.to_string(),
            aliases: vec![],
            attributes: Default::default(),
        });
    }
    for i in 0..articles {
        p.documents.push(article(i, spans));
    }
    p
}

#[allow(dead_code)]
fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .ok_or("usage: big_project OUT.ron [ARTICLES] [SPANS]")?;
    let articles = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let spans = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let p = project(articles, spans);
    let text: usize = p.documents.iter().map(|d| d.text.len()).sum();
    gloss::io::project_file::save(std::path::Path::new(&out), &p).map_err(|e| e.to_string())?;
    // The last three numbers are for scripts/measure_memory.sh: text bytes, spans, quotes.
    println!(
        "{out}: {articles} articles, {} spans, {:.1} MB of text\t{text}\t{}\t{}",
        articles * spans,
        text as f64 / 1e6,
        articles * spans,
        articles
    );
    Ok(())
}
