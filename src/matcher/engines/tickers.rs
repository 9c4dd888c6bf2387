//! Stock tickers in findings ([`crate::text::tickers`]): a finding that is part of one
//! ("KBEYA" of "KBEYA.IS", "HM" of "TPM.HM") is dropped; one that took the code along
//! ("Tamarack Lake Resources TLR" before ".TO") ends before it; and what stands right before a
//! ticker, bare or in brackets, is the company it names — a model's person or place there
//! becomes an organisation, with the reason saying why.

use super::context::{Cut, cut_findings};
use super::{ProjectIndex, relabel};
use crate::model::{Document, Proposal, Suggestion};
use crate::text::{Ticker, tickers};

/// Apply the tickers of `doc`, found once, to every finding of the other engines and of the
/// model.
pub(super) fn tickers_in_findings(
    index: &ProjectIndex,
    doc: &Document,
    found: &mut Vec<Suggestion>,
    from_model: &mut Vec<Suggestion>,
) {
    if found.is_empty() && from_model.is_empty() {
        return;
    }
    let all = tickers(&doc.text);
    if all.is_empty() {
        return;
    }
    apply(index, doc, &all, found);
    apply(index, doc, &all, from_model);
}

/// Apply the tickers `all` of `doc` to the findings in `found`.
fn apply(index: &ProjectIndex, doc: &Document, all: &[Ticker], found: &mut Vec<Suggestion>) {
    let text = &doc.text;
    cut_findings(doc, found, |_, x, y| {
        if x == y {
            return Cut::Keep;
        }
        // Part of a ticker: no name at all.
        if all.iter().any(|t| t.start <= x && y <= t.end) {
            return Cut::Drop;
        }
        // The code taken along: end the name before it.
        let Some(t) = all
            .iter()
            .find(|t| x < t.start && t.start < y && y <= t.dot)
        else {
            return Cut::Keep;
        };
        let name = text[x..t.start].trim_end_matches([' ', '(', '[']);
        if name.is_empty() {
            return Cut::Drop;
        }
        let note = format!("; ends before “{}”, a stock ticker", &text[t.start..t.end]);
        Cut::To(x, x + name.len(), Some(note))
    });
    for s in found.iter_mut() {
        let (a, b) = s.range();
        if a >= b || matches!(s.label(), "ORG") || !matches!(s.proposal, Proposal::Span { .. }) {
            continue;
        }
        let y = doc.byte_of(b);
        if let Some(t) = ticker_after(text, y, all) {
            let code = &text[t.start..t.end];
            relabel(index, s, "ORG");
            s.reason.push_str(&format!(
                "; ORG: a company's name before its ticker “{code}”"
            ));
        }
    }
}

/// The ticker right after byte `y`: after a space, or in brackets ("Hopfeld (HOPF.AS)").
fn ticker_after<'t>(text: &str, y: usize, all: &'t [Ticker]) -> Option<&'t Ticker> {
    let rest = &text[y..];
    let gap = rest.len() - rest.trim_start_matches([' ', '(', '[']).len();
    if gap == 0 || gap > 3 || rest[..gap].chars().filter(|c| *c != ' ').count() > 1 {
        return None;
    }
    all.iter().find(|t| t.start == y + gap)
}
