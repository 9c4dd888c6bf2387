//! Re-suggesting after edits against running every engine again.

use super::*;
use crate::app::command::Command;
use crate::app::review::{Acceptor, reject};
use crate::matcher::engines::{self, bundled_model};
use crate::model::{CharRange, LabelSet, Span, SpanId};

const TEXT: &str = "Maria Lopez, the finance minister of Portugal, met officials of the United Nations \
in Lisbon on Monday.\n\
“We are ready to sign,” Lopez said after the meeting. Acme Holdings said it would invest.\n\
According to Ivan Petrov, the deal was close. Petrov told reporters that Lisbon had agreed.\n\
Later, Maria Lopez flew to Berlin. “It is a good day,” she said. The United Nations welcomed it.\n\
Acme Holdings and Lopez spoke again in Berlin, where Petrov said nothing.";

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn engines() -> Engines {
    let p = Project::with_labels("p", LabelSet::news());
    let (mut e, problems) = Engines::new(&p.matcher, &[]);
    assert!(problems.is_empty(), "{problems:?}");
    e.set_model(bundled_model(), &[]);
    e
}

fn project() -> Project {
    let mut p = Project::with_labels("p", LabelSet::news());
    p.insert_document(Document::new(DocId(1), "d", TEXT));
    p
}

/// Word ranges of the text (code points).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.chars().count()));
    }
    out
}

/// One random edit (accept, reject, tag, delete, undo); its inverse goes on `undo`. True when
/// something was done.
fn edit(p: &mut Project, shown: &[Suggestion], rng: &mut Rng, undo: &mut Vec<Command>) -> bool {
    let d = p.documents[0].clone();
    let visible: Vec<&Suggestion> = engines::visible(&d, &p.verdicts, shown)
        .into_iter()
        .map(|i| &shown[i])
        .collect();
    let command = match rng.below(5) {
        0 if !visible.is_empty() => {
            let mut acc = Acceptor::new(p);
            acc.accept(&d, visible[rng.below(visible.len())], None);
            acc.finish("accept".into())
        }
        1 if !visible.is_empty() => Some(reject(
            &d,
            visible[rng.below(visible.len())],
            rng.below(4) == 0,
        )),
        2 => {
            let w = words(TEXT);
            let (a, b) = w[rng.below(w.len())];
            let free = d.spans_overlapping(a, b).next().is_none();
            let label = ["PERSON", "ORG", "GPE"][rng.below(3)];
            free.then(|| Command::AddSpans {
                doc: d.id,
                spans: vec![Span::new(d.next_span_id(), CharRange::new(a, b), label)],
            })
        }
        3 => {
            let spoken: Vec<SpanId> = d.quotes.iter().filter_map(|q| q.speaker).collect();
            let free: Vec<&Span> = d.spans.iter().filter(|s| !spoken.contains(&s.id)).collect();
            (!free.is_empty()).then(|| Command::RemoveSpans {
                doc: d.id,
                spans: vec![free[rng.below(free.len())].id],
            })
        }
        _ => undo.pop(),
    };
    if let Some(c) = command
        && let Ok(inverse) = c.apply(p)
    {
        undo.push(inverse);
        return true;
    }
    false
}

#[test]
fn after_random_edits_the_exact_answer_is_a_full_run() {
    let e = engines();
    let mut done = 0;
    for seed in 1..=6 {
        let mut rng = Rng(seed);
        let mut p = project();
        let mut memory = Incremental::default();
        let mut undo = Vec::new();
        let l = Arc::new(Learned::from_project(&p, p.matcher.min_learned_len));
        let mut shown = memory
            .exact(&e, &p, &p.documents[0], l.clone(), &[])
            .to_vec();
        assert_eq!(shown, e.suggest(&p, &p.documents[0], Some(&l)));
        for step in 0..12 {
            done += usize::from(edit(&mut p, &shown, &mut rng, &mut undo));
            let d = &p.documents[0];
            let l = Learned::from_project(&p, p.matcher.min_learned_len);
            let full = e.suggest(&p, d, Some(&l));
            let quick = memory.quick(d, &l).expect("a base to patch").to_vec();
            assert!(
                quick.windows(2).all(|w| w[0].range() <= w[1].range()),
                "seed {seed} step {step}: quick answer out of order"
            );
            let exact = memory.exact(&e, &p, d, Arc::new(l), &[]);
            assert_eq!(*exact, full, "seed {seed} step {step}");
            shown = full;
        }
    }
    assert!(done >= 40, "only {done} of 72 edits were made");
}

#[test]
fn a_string_just_tagged_is_suggested_elsewhere_at_once() {
    let e = engines();
    let mut p = project();
    let mut memory = Incremental::default();
    let l = Arc::new(Learned::from_project(&p, p.matcher.min_learned_len));
    memory.exact(&e, &p, &p.documents[0], l, &[]);
    // Tag the first "Lopez" alone as ORG: every other "Lopez" becomes an ORG suggestion at
    // once, beating the PERSON the rules found there.
    let at = TEXT.find("Lopez said").expect("in the text");
    let a = TEXT[..at].chars().count();
    let span = Span::new(SpanId(1), CharRange::new(a, a + 5), "ORG");
    Command::AddSpans {
        doc: DocId(1),
        spans: vec![span],
    }
    .apply(&mut p)
    .expect("tagged");
    let d = &p.documents[0];
    let l = Learned::from_project(&p, p.matcher.min_learned_len);
    let quick = memory.quick(d, &l).expect("patched");
    let last = TEXT.rfind("Lopez").expect("again");
    let b = TEXT[..last].chars().count();
    let is_org = |s: &Suggestion| s.range() == (b, b + 5) && s.label() == "ORG";
    assert!(
        quick.iter().any(|s| is_org(s) && s.engine == "learned"),
        "{:#?}",
        quick.extra
    );
    assert!(quick.iter().all(|s| s.range() != (b, b + 5) || is_org(s)));
    // And the exact answer agrees.
    let exact = memory.exact(&e, &p, d, Arc::new(l), &[]);
    assert!(exact.iter().any(is_org), "{exact:#?}");
}
