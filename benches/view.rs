//! Frame time of the document view on a book-sized document: 10 MB of text with 100,000 spans.
//!
//! Run with `cargo bench --bench view`. Measures, on egui's CPU side (layout, hit areas,
//! painting commands; no GPU): opening the document (index + first frame), a steady scrolling
//! frame, and a jump to a random span. Targets (issue 6): first frame < 1 s, scrolling frame
//! < 8 ms, jump within one frame. Issue 13 adds the keyboard: a Page Down frame and a caret
//! move frame (by word with Shift, by a row, by a character), both < 8 ms.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Context, RawInput, Rect, pos2, vec2};
use gloss::app::editing::{EditingState, Motion, Scroll};
use gloss::app::text_index::TextIndex;
use gloss::model::{CharRange, DocId, Document, Project, Span, SpanId};
use gloss::ui::{DocumentView, SuggestionLayer};

mod common;

use common::Rng;

const TEXT_BYTES: usize = 10 * 1024 * 1024;
const SPANS: usize = 100_000;

/// Deterministic news-like text: paragraphs of 40–160 words, capitalised names here and there.
fn book() -> Document {
    let words = [
        "the",
        "minister",
        "said",
        "on",
        "Tuesday",
        "that",
        "talks",
        "with",
        "officials",
        "in",
        "Geneva",
        "would",
        "resume",
        "after",
        "a",
        "pause",
        "of",
        "several",
        "weeks",
        "while",
        "Amara",
        "Okafor",
        "council",
        "members",
        "agreed",
        "budget",
        "río",
        "Zoë",
        "naïve",
        "👋",
    ];
    let mut rng = Rng(42);
    let mut next = move |n: usize| rng.below(n);
    let mut text = String::with_capacity(TEXT_BYTES + 1024);
    while text.len() < TEXT_BYTES {
        let n = 40 + next(120);
        for i in 0..n {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(words[next(words.len())]);
        }
        text.push_str(".\n");
    }
    let mut doc = Document::new(DocId(1), "book", text);
    // Spans spread evenly, on word starts; every tenth nested inside the previous one.
    let chars: Vec<(usize, char)> = doc.text.chars().enumerate().collect();
    let step = chars.len() / SPANS;
    let mut spans = Vec::with_capacity(SPANS);
    for k in 0..SPANS {
        let mut s = k * step;
        while s < chars.len() && chars[s].1 != ' ' {
            s += 1;
        }
        let start = (s + 1).min(chars.len() - 1);
        let end = (start + 12).min(chars.len());
        let label = ["PERSON", "ORG", "GPE", "LOC"][k % 4];
        spans.push(Span::new(
            SpanId(k as u64 + 1),
            CharRange::new(start, end),
            label,
        ));
    }
    doc.spans = spans;
    doc.resort_spans();
    doc
}

fn input(t: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        time: Some(t),
        ..Default::default()
    }
}

struct Rig {
    ctx: Context,
    project: Project,
    index: TextIndex,
    view: EditingState,
    doc_view: DocumentView,
    t: f64,
}

impl Rig {
    fn frame(&mut self) {
        self.t += 1.0 / 60.0;
        let Rig {
            ctx,
            project,
            index,
            view,
            doc_view,
            t,
        } = self;
        let _ = ctx.run_ui(input(*t), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let doc = &project.documents[0];
                let layer = SuggestionLayer {
                    items: &[],
                    current: None,
                    hidden: false,
                };
                doc_view.ui(ui, project, doc, index, view, layer);
            });
        });
    }
}

fn rig() -> Rig {
    let mut project = Project::new("bench");
    project.insert_document(book());
    let index = TextIndex::new(&project.documents[0].text);
    let mut view = EditingState::default();
    view.open_doc(Some(DocId(1)));
    let mut rig = Rig {
        ctx: Context::default(),
        project,
        index,
        view,
        doc_view: DocumentView::new(),
        t: 0.0,
    };
    // Warm up fonts so later figures are the view's own cost.
    for _ in 0..3 {
        rig.frame();
    }
    rig
}

fn report(name: &str, d: Duration, target: &str) {
    println!(
        "{name}: {:.2} ms (target {target})",
        d.as_secs_f64() * 1000.0
    );
}

fn bench(c: &mut Criterion) {
    let mut r = rig();
    let doc = &r.project.documents[0];
    println!(
        "document: {:.1} MB, {} paragraphs, {} spans",
        doc.text.len() as f64 / 1e6,
        r.index.paragraphs.len(),
        doc.spans.len()
    );

    // Opening: build the text index and draw the first frame in a fresh view.
    let started = Instant::now();
    let index = TextIndex::new(&r.project.documents[0].text);
    r.index = index;
    r.doc_view = DocumentView::new();
    r.frame();
    report("open (index + first frame)", started.elapsed(), "< 1000 ms");

    let mut group = c.benchmark_group("view");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(8));

    // Scrolling: every frame moves the view by a few lines, so new paragraphs are laid out.
    let total_chars = r.project.documents[0].char_len();
    let mut at = 0usize;
    group.bench_function("scroll frame", |b| {
        b.iter(|| {
            at = (at + 700) % total_chars;
            r.view.scroll_to = Some(at);
            r.frame();
        })
    });
    // Steady frame: nothing changes (hover, idle repaint).
    group.bench_function("idle frame", |b| b.iter(|| r.frame()));
    // Jump to a span far away and draw it.
    let mut k = 0usize;
    group.bench_function("jump to span", |b| {
        b.iter(|| {
            k = (k + 37_813) % SPANS;
            let s = r.project.documents[0].spans[k].start;
            r.view.selected_span = Some(r.project.documents[0].spans[k].id);
            r.view.scroll_to = Some(s);
            r.frame();
            black_box(r.doc_view.char_pos(s));
        })
    });
    // Page Down, frame after frame (back to the top at the end).
    group.bench_function("page down frame", |b| {
        b.iter(|| {
            let bottom = r
                .view
                .on_screen
                .is_some_and(|s| s.end >= total_chars.saturating_sub(1));
            r.view.scroll = Some(if bottom {
                Scroll::Top
            } else {
                Scroll::PageDown
            });
            r.frame();
        })
    });
    // Caret moves: extend by a word, a row down, a character right — each one frame.
    r.view.caret = r.view.on_screen.map(|s| s.start);
    let mut step = 0usize;
    group.bench_function("caret move frame", |b| {
        b.iter(|| {
            step += 1;
            let Rig {
                project,
                index,
                view,
                ..
            } = &mut r;
            let doc = &project.documents[0];
            match step % 3 {
                0 => {
                    view.move_caret(doc, index, Motion::WordRight, true);
                }
                1 => view.up_down(true, false),
                _ => {
                    view.move_caret(doc, index, Motion::Right, false);
                }
            }
            r.frame();
            black_box(r.view.caret);
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
