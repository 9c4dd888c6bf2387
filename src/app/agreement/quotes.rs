//! Quote agreement between two annotators: which quotes both marked (by content overlap), and
//! of those, whether they named the same speaker, the same cue and the same kind.

use crate::model::{CharRange, Document, Project, Quote};

use crate::app::eval::{content, content_shared, heaviest_first};

/// Counts for one pair of annotators, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct QuoteCounts {
    pub a: usize,
    pub b: usize,
    pub matched: usize,
    /// (agreed, counted) among matched pairs.
    pub same_content: (usize, usize),
    pub speaker: (usize, usize),
    pub cue: (usize, usize),
    pub kind: (usize, usize),
}

impl QuoteCounts {
    pub fn add(&mut self, o: &QuoteCounts) {
        let add = |x: &mut (usize, usize), y: (usize, usize)| {
            x.0 += y.0;
            x.1 += y.1;
        };
        self.a += o.a;
        self.b += o.b;
        self.matched += o.matched;
        add(&mut self.same_content, o.same_content);
        add(&mut self.speaker, o.speaker);
        add(&mut self.cue, o.cue);
        add(&mut self.kind, o.kind);
    }
}

/// One annotator's document and the project it belongs to (for entity names).
#[derive(Clone, Copy)]
pub(super) struct Side<'a> {
    pub project: &'a Project,
    pub doc: &'a Document,
}

/// The speaker as a name to compare: the speaker mention's canonical entity name, else the
/// mention's own text.
fn speaker(side: Side, q: &Quote) -> Option<String> {
    let s = side.doc.span(q.speaker?)?;
    let name = match s.entity.and_then(|e| side.project.entity(e)) {
        Some(e) => e.name.clone(),
        None => side.doc.slice(s.start, s.end).to_string(),
    };
    Some(
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// Match the two sides' quotes and count what the matched pairs agree on.
pub(super) fn compare(a: Side, b: Side) -> QuoteCounts {
    let ca: Vec<Vec<CharRange>> = a.doc.quotes.iter().map(content).collect();
    let cb: Vec<Vec<CharRange>> = b.doc.quotes.iter().map(content).collect();
    let len = |c: &[CharRange]| c.iter().map(CharRange::len).sum::<usize>();
    let mut candidates = Vec::new();
    for (i, x) in ca.iter().enumerate() {
        for (j, y) in cb.iter().enumerate() {
            let w = content_shared(x, y);
            // At least 30% of each quote's content, in integers.
            if w > 0 && w * 10 >= len(x) * 3 && w * 10 >= len(y) * 3 {
                candidates.push((w, i, j));
            }
        }
    }
    let mut used_a = vec![false; ca.len()];
    let mut used_b = vec![false; cb.len()];
    let pairs = heaviest_first(candidates, &mut used_a, &mut used_b);
    let mut out = QuoteCounts {
        a: ca.len(),
        b: cb.len(),
        matched: pairs.len(),
        ..QuoteCounts::default()
    };
    let tally = |x: &mut (usize, usize), agreed: bool| {
        x.0 += usize::from(agreed);
        x.1 += 1;
    };
    for (i, j) in pairs {
        let (qa, qb) = (&a.doc.quotes[i], &b.doc.quotes[j]);
        tally(&mut out.same_content, ca[i] == cb[j]);
        tally(&mut out.kind, qa.kind == qb.kind);
        let (sa, sb) = (speaker(a, qa), speaker(b, qb));
        if sa.is_some() || sb.is_some() {
            tally(&mut out.speaker, sa == sb);
        }
        if qa.cue.is_some() || qb.cue.is_some() {
            tally(&mut out.cue, qa.cue == qb.cue);
        }
    }
    out
}
