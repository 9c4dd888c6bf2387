//! The Agreement window (View › Agreement…): how far two or more annotators agree, with the
//! numbers `gloss agree` prints — per label and overall (span F1 exact and overlap, Cohen's
//! or Fleiss' kappa on token labels, Krippendorff's α_U), per pair of annotators, quotes, and
//! a table per document sorted so the documents they agree on least come first. A document
//! row's name opens that document when the open project has it.
//!
//! The report is computed on a worker thread (`Workbench::start_agreement`): reading the files
//! and tokenising every document takes far longer than a frame on a big project. A value with
//! nothing to measure shows as "–", never NaN.

use egui::{Context, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::annotators::{self, Annotators};

use crate::app::agreement::{Agreement, Cells, Report, Share};

/// What the window asks the app for.
#[derive(Debug, PartialEq, Eq)]
pub enum AgreementAsk {
    /// Pick annotators' project files.
    AddFiles,
    /// Compute the report for the chosen annotators.
    Compare,
    /// Open the open project's document of this name.
    OpenDocument(String),
}

/// A column of the per-document table to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Document,
    Tokens,
    ExactF1,
    OverlapF1,
    Kappa,
    AlphaU,
    QuoteF1,
}

#[derive(Debug)]
pub struct AgreementView {
    pub open: bool,
    pub annotators: Annotators,
    /// Count pronoun and description mentions too, not only names.
    pub all_mentions: bool,
    report: Option<Report>,
    /// What reading the files said (unsaved edits included, …) and errors.
    notes: Vec<String>,
    /// Which pair the label table's F1 shows; `None`: the mean over pairs.
    pair: Option<usize>,
    sort: SortBy,
    /// Lowest first.
    ascending: bool,
}

impl Default for AgreementView {
    fn default() -> Self {
        Self {
            open: false,
            annotators: Annotators {
                files: Vec::new(),
                include_open: true,
            },
            all_mentions: false,
            report: None,
            notes: Vec::new(),
            pair: None,
            sort: SortBy::Kappa,
            ascending: true,
        }
    }
}

/// A measure for a table cell: three decimals, or "–" when undefined.
pub fn num(x: Option<f64>) -> String {
    match x {
        Some(x) if x.is_finite() => format!("{x:.3}"),
        _ => "–".into(),
    }
}

fn share(s: &Share) -> String {
    if s.total == 0 {
        "–".into()
    } else {
        format!("{}/{}", s.agreed, s.total)
    }
}

/// The window's cells: a typographic dash for anything undefined or not finite.
const WINDOW: Cells = Cells { num, share };

fn mean(xs: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let v: Vec<f64> = xs.flatten().filter(|x| x.is_finite()).collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// A document's mean quote F1 over pairs.
fn quote_f1(a: &Agreement) -> Option<f64> {
    mean(a.quotes.pairs.iter().map(|p| p.matched.f1))
}

fn sort_value(a: &Agreement, by: SortBy) -> Option<f64> {
    let o = &a.overall;
    match by {
        SortBy::Document => None,
        SortBy::Tokens => Some(a.tokens as f64),
        SortBy::ExactF1 => o.mean_f1_exact,
        SortBy::OverlapF1 => o.mean_f1_overlap,
        SortBy::Kappa => o.kappa.value,
        SortBy::AlphaU => o.alpha_u.value,
        SortBy::QuoteF1 => quote_f1(a),
    }
}

/// The per-document rows in display order: by `by`, lowest first when `ascending`, documents
/// where the measure is undefined last either way (there is nothing to disagree on there).
fn document_order(report: &Report, by: SortBy, ascending: bool) -> Vec<usize> {
    let docs = &report.by_document;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    if by == SortBy::Document {
        order.sort_by(|&a, &b| docs[a].document.cmp(&docs[b].document));
        if !ascending {
            order.reverse();
        }
        return order;
    }
    order.sort_by(|&a, &b| {
        let (x, y) = (
            sort_value(&docs[a].agreement, by),
            sort_value(&docs[b].agreement, by),
        );
        match (x, y) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if ascending { o } else { o.reverse() }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    order
}

impl AgreementView {
    /// A report (or the reason there is none) from the worker.
    pub fn set_result(&mut self, result: Result<Report, String>, notes: Vec<String>) {
        self.notes = notes;
        match result {
            Ok(r) => {
                if self
                    .pair
                    .is_some_and(|p| p >= r.overall.overall.pairs.len())
                {
                    self.pair = None;
                }
                self.report = Some(r);
            }
            Err(e) => {
                self.report = None;
                self.notes.push(e);
            }
        }
    }

    /// The report shown, if any (for tests).
    pub fn report(&self) -> Option<&Report> {
        self.report.as_ref()
    }

    /// Draw the window. `open_name` is the open project's name; `busy` is true while a report
    /// is being computed.
    pub fn show(&mut self, ctx: &Context, open_name: &str, busy: bool) -> Vec<AgreementAsk> {
        let mut asks = Vec::new();
        let mut open = self.open;
        egui::Window::new("Agreement")
            .open(&mut open)
            .default_size([900.0, 640.0])
            .resizable(true)
            .vscroll(false)
            .show(ctx, |ui| self.contents(ui, open_name, busy, &mut asks));
        self.open = open;
        asks
    }

    fn contents(&mut self, ui: &mut Ui, open_name: &str, busy: bool, asks: &mut Vec<AgreementAsk>) {
        ui.label(RichText::new("Annotators").strong());
        if self.annotators.ui(ui, open_name, true) == Some(annotators::Ask::AddFiles) {
            asks.push(AgreementAsk::AddFiles);
        }
        ui.horizontal(|ui| {
            ui.checkbox(
                &mut self.all_mentions,
                "Count pronoun and description mentions",
            );
            let ready = self.annotators.count(true) >= 2 && !busy;
            if ui
                .add_enabled(ready, egui::Button::new("Compare"))
                .on_hover_text("Compute agreement on the documents every annotator has")
                .clicked()
            {
                asks.push(AgreementAsk::Compare);
            }
            if busy {
                ui.spinner();
                ui.weak("comparing…");
            }
        });
        for n in &self.notes {
            ui.colored_label(ui.visuals().warn_fg_color, n);
        }
        let Some(report) = &self.report else {
            ui.add_space(8.0);
            ui.weak(
                "Choose two or more annotators' projects over the same documents, then Compare. \
                 Documents are paired by name and must have the same text.",
            );
            return;
        };
        ui.separator();
        summary(ui, report);
        let m = report.annotators.len();
        let pairs = &report.overall.overall.pairs;
        if m > 2 {
            ui.horizontal(|ui| {
                let l = ui.label("Label table F1:");
                let text = |p: Option<usize>| match p {
                    None => "mean over pairs".to_string(),
                    Some(k) => report.pair_name(pairs[k].a, pairs[k].b),
                };
                egui::ComboBox::from_id_salt("agreement-pair")
                    .selected_text(text(self.pair))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.pair, None, text(None));
                        for k in 0..pairs.len() {
                            ui.selectable_value(&mut self.pair, Some(k), text(Some(k)));
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
        }
        // The document table takes what its rows need, up to about half the window; the
        // label, pair and quote tables scroll in the rest.
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        let rows = report.by_document.len() as f32 + 1.0;
        let table = (rows * row_height + 8.0)
            .min(ui.available_height() * 0.45)
            .max(row_height * 4.0);
        let top = (ui.available_height() - table - 3.0 * row_height).max(120.0);
        egui::ScrollArea::vertical()
            .id_salt("agreement-tables")
            .max_height(top)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                label_table(ui, report, self.pair);
                ui.add_space(6.0);
                pair_table(ui, report);
                ui.add_space(6.0);
                quote_table(ui, report);
                ui.add_space(6.0);
                code_tables(ui, report);
            });
        ui.separator();
        ui.label(RichText::new("By document").strong()).on_hover_text(
            "Lowest agreement first; click a column's name to sort by it, a document to open it",
        );
        if let Some(name) = self.document_table(ui, table) {
            asks.push(AgreementAsk::OpenDocument(name));
        }
    }

    /// The per-document table; returns the document clicked.
    fn document_table(&mut self, ui: &mut Ui, height: f32) -> Option<String> {
        let report = self.report.as_ref()?;
        let order = document_order(report, self.sort, self.ascending);
        let f1 = if report.annotators.len() == 2 {
            "F1"
        } else {
            "mean F1"
        };
        let kappa = report.kappa_name();
        let columns = [
            (SortBy::Document, "document".to_string()),
            (SortBy::Tokens, "tokens".to_string()),
            (SortBy::Document, "spans".to_string()),
            (SortBy::ExactF1, format!("exact {f1}")),
            (SortBy::OverlapF1, format!("overlap {f1}")),
            (SortBy::Kappa, kappa.to_string()),
            (SortBy::AlphaU, "α_U".to_string()),
            (SortBy::QuoteF1, format!("quote {f1}")),
        ];
        let mut clicked = None;
        let mut resort = None;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        TableBuilder::new(ui)
            .id_salt("agreement-documents")
            .striped(true)
            .auto_shrink([false, true])
            .max_scroll_height(height)
            .column(
                Column::initial(220.0)
                    .at_least(80.0)
                    .clip(true)
                    .resizable(true),
            )
            .columns(Column::auto().at_least(56.0), columns.len() - 1)
            .header(row_height, |mut header| {
                for (k, (by, name)) in columns.iter().enumerate() {
                    header.col(|ui| {
                        // "spans" is not a measure: its header does not sort.
                        let sorts = k != 2;
                        let arrow = if sorts && *by == self.sort {
                            if self.ascending { " ⏶" } else { " ⏷" }
                        } else {
                            ""
                        };
                        let text = RichText::new(format!("{name}{arrow}")).strong();
                        let resp = ui.add(egui::Button::new(text).frame(false));
                        if sorts && resp.on_hover_text("Sort by this column").clicked() {
                            resort = Some(*by);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, order.len(), |mut row| {
                    let d = &report.by_document[order[row.index()]];
                    let a = &d.agreement;
                    let o = &a.overall;
                    row.col(|ui| {
                        if ui
                            .link(&d.document)
                            .on_hover_text("Open this document")
                            .clicked()
                        {
                            clicked = Some(d.document.clone());
                        }
                    });
                    let joined = o
                        .spans
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join("/");
                    let cells = [
                        a.tokens.to_string(),
                        joined,
                        num(o.mean_f1_exact),
                        num(o.mean_f1_overlap),
                        num(o.kappa.value),
                        num(o.alpha_u.value),
                        num(quote_f1(a)),
                    ];
                    for c in cells {
                        row.col(|ui| {
                            ui.label(c);
                        });
                    }
                });
            });
        if let Some(by) = resort {
            if by == self.sort {
                self.ascending = !self.ascending;
            } else {
                self.sort = by;
                self.ascending = by != SortBy::Tokens;
            }
        }
        clicked
    }
}

/// Which documents were compared, and which were not and why.
fn summary(ui: &mut Ui, report: &Report) {
    let d = &report.documents;
    ui.label(format!(
        "{} annotators ({}) · {} documents compared · {} · {} tokens",
        report.annotators.len(),
        report.annotators.join(", "),
        d.compared.len(),
        report.mentions,
        report.overall.tokens
    ));
    let mut left_out: Vec<String> = d
        .missing
        .iter()
        .map(|x| format!("{} (not in {})", x.document, x.missing_from.join(", ")))
        .collect();
    left_out.extend(
        d.different_text
            .iter()
            .map(|n| format!("{n} (texts differ)")),
    );
    if !left_out.is_empty() {
        egui::CollapsingHeader::new(format!("{} documents not compared", left_out.len()))
            .id_salt("agreement-left-out")
            .show(ui, |ui| {
                for l in left_out {
                    ui.weak(l);
                }
            });
    }
    if !d.repeated_names.is_empty() {
        ui.weak(format!(
            "names used twice (the first compared): {}",
            d.repeated_names.join(", ")
        ));
    }
}

fn grid(ui: &mut Ui, id: &str, rows: &[Vec<String>]) {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(rows.first().map_or(0, Vec::len))
        .spacing([14.0, 3.0])
        .show(ui, |ui| {
            for (i, row) in rows.iter().enumerate() {
                for cell in row {
                    if i == 0 {
                        ui.strong(cell);
                    } else {
                        ui.label(cell);
                    }
                }
                ui.end_row();
            }
        });
}

/// Per label and overall: spans per annotator, F1 exact and overlap, kappa, α_U.
fn label_table(ui: &mut Ui, report: &Report, pair: Option<usize>) {
    ui.label(RichText::new("Per label").strong()).on_hover_text(
        "F1: exact = same start, end and label; overlap = same label, sharing a character. \
         κ on token labels (the longest span covering a token labels it; O outside spans). \
         α_U: Krippendorff's unitizing alpha on code points.",
    );
    grid(ui, "agreement-labels", &report.label_rows(pair, &WINDOW));
}

/// Every pair of annotators over all labels: P, R, F1 exact and overlap, Cohen's kappa.
fn pair_table(ui: &mut Ui, report: &Report) {
    ui.label(RichText::new("Pairs, all labels").strong())
        .on_hover_text("P and R take the first of the pair as the reference");
    grid(ui, "agreement-pairs", &report.pair_rows(&WINDOW));
}

/// Quote agreement per pair.
fn quote_table(ui: &mut Ui, report: &Report) {
    let q = &report.overall.quotes;
    if q.quotes.iter().all(|&n| n == 0) {
        ui.weak("Quotes: none in the compared documents.");
        return;
    }
    let counts: Vec<String> = report
        .annotators
        .iter()
        .zip(&q.quotes)
        .map(|(n, c)| format!("{n} {c}"))
        .collect();
    ui.label(RichText::new(format!("Quotes ({})", counts.join(", "))).strong())
        .on_hover_text("Two quotes match when they share at least 30% of each one's length");
    grid(ui, "agreement-quotes", &report.quote_rows(&WINDOW));
}

/// Document categories per scheme, and attributes on matched items.
fn code_tables(ui: &mut Ui, report: &Report) {
    if report.categories.is_empty() {
        ui.weak("Document categories: none in the compared documents.");
    } else {
        ui.label(RichText::new("Document categories").strong()).on_hover_text(
            "Per scheme: kappa over the documents every annotator categorised (a multiple-choice \
             scheme compares the set chosen); Krippendorff's alpha (nominal) over those at least \
             two did",
        );
        grid(
            ui,
            "agreement-categories",
            &report.code_rows(&report.categories, "scheme", &WINDOW),
        );
    }
    if !report.attributes.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Attributes on matched items").strong())
            .on_hover_text("Spans with the same range and label, quotes with the same parts, entities with the same name");
        grid(
            ui,
            "agreement-attributes",
            &report.code_rows(&report.attributes, "attribute", &WINDOW),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_and_non_finite_values_show_as_a_dash() {
        assert_eq!(num(None), "–");
        assert_eq!(num(Some(f64::NAN)), "–");
        assert_eq!(num(Some(f64::INFINITY)), "–");
        assert_eq!(num(Some(0.6667)), "0.667");
    }
}
