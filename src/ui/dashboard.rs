//! The Dashboard window (View › Dashboard): where the project stands — documents by status,
//! a table of every document with its counts, the label distribution, annotation progress over
//! the documents in order, quotes per speaker entity, and documents by category and quotes by
//! speaker attribute (gender) over the project and per document.
//!
//! The figures are counted once per change of the project (keyed on the session revision), not
//! every frame; the document table draws only the rows on screen.

use egui::{Color32, Context, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, Legend, Line, Plot};

use super::breakdown as ui_breakdown;
use super::colors;
use crate::app::breakdown::{self, Breakdown};
use crate::app::{gestures, quoting};
use crate::model::{DocId, Project, Status};

/// Speakers shown in the "quotes per speaker" chart and table.
const TOP_SPEAKERS: usize = 10;

/// One document's row.
struct DocRow {
    id: DocId,
    name: String,
    status: Status,
    spans: usize,
    /// Spans linked to a canonical entity.
    linked: usize,
    quotes: usize,
    chars: usize,
}

/// Everything the dashboard shows, counted from the project.
struct Figures {
    docs: Vec<DocRow>,
    /// Documents per status, in `Status::ALL` order.
    by_status: Vec<(Status, usize)>,
    /// (label, colour, spans), label-set order, then labels the set lacks.
    labels: Vec<(String, Color32, usize)>,
    /// Cumulative documents with at least one annotation, and marked done, after each document.
    annotated: Vec<[f64; 2]>,
    done: Vec<[f64; 2]>,
    /// Most quoted speakers first: (speaker, quotes).
    speakers: Vec<(String, usize)>,
    quotes: usize,
    entities: usize,
    /// Documents per category value, per scheme.
    categories: Vec<Breakdown>,
    /// Quotes per value of speaker and quote attributes.
    attributes: Vec<Breakdown>,
    /// Per speaker attribute: its per-document rows.
    per_document: Vec<Vec<(String, Vec<usize>, usize)>>,
}

impl Figures {
    fn of(p: &Project) -> Self {
        let docs: Vec<DocRow> = p
            .documents
            .iter()
            .map(|d| DocRow {
                id: d.id,
                name: d.name.clone(),
                status: d.status,
                spans: d.spans.len(),
                linked: d.spans.iter().filter(|s| s.entity.is_some()).count(),
                quotes: d.quotes.len(),
                chars: d.char_len(),
            })
            .collect();
        let by_status = Status::ALL
            .iter()
            .map(|s| (*s, docs.iter().filter(|d| d.status == *s).count()))
            .collect();
        let mut counts = gestures::label_counts(p);
        let mut labels: Vec<(String, Color32, usize)> = p
            .labels
            .labels
            .iter()
            .map(|l| {
                let n = counts.remove(&l.name).unwrap_or(0);
                (l.name.clone(), colors::color32(l.color), n)
            })
            .collect();
        for (name, n) in counts {
            let c = colors::color32(colors::label_color(&p.labels, &name));
            labels.push((name, c, n));
        }
        let (mut annotated, mut done) = (Vec::new(), Vec::new());
        let (mut a, mut k) = (0.0, 0.0);
        for (i, d) in docs.iter().enumerate() {
            if d.spans + d.quotes > 0 {
                a += 1.0;
            }
            if d.status == Status::Done {
                k += 1.0;
            }
            annotated.push([(i + 1) as f64, a]);
            done.push([(i + 1) as f64, k]);
        }
        let attributes = breakdown::quotes_by_attribute(p, &p.documents);
        let groups = quoting::who_said_what(p);
        let quotes = groups.iter().map(|g| g.1.len()).sum();
        let speakers = groups
            .into_iter()
            .map(|(who, qs)| (who, qs.len()))
            .collect();
        Self {
            docs,
            by_status,
            labels,
            annotated,
            done,
            speakers,
            quotes,
            entities: p.entities.len(),
            categories: breakdown::documents_by_category(p, &p.documents),
            per_document: attributes
                .iter()
                .filter_map(|b| {
                    let name = b.name.strip_prefix("speaker ")?;
                    Some(breakdown::quotes_by_speaker_per_document(p, b, name))
                })
                .collect(),
            attributes,
        }
    }
}

#[derive(Default)]
pub struct Dashboard {
    pub open: bool,
    /// The figures and the revision they were counted at.
    figures: Option<(u64, Figures)>,
}

impl Dashboard {
    /// Draw the window; returns a document the user clicked, to open it.
    pub fn show(&mut self, ctx: &Context, project: &Project, revision: u64) -> Option<DocId> {
        if !self.open {
            return None;
        }
        if self.figures.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.figures = Some((revision, Figures::of(project)));
        }
        let (_, f) = self.figures.as_ref()?;
        let mut clicked = None;
        let mut open = self.open;
        egui::Window::new("Dashboard")
            .open(&mut open)
            .default_size([980.0, 660.0])
            .resizable(true)
            .vscroll(true)
            .show(ctx, |ui| clicked = contents(ui, f));
        self.open = open;
        clicked
    }
}

fn contents(ui: &mut Ui, f: &Figures) -> Option<DocId> {
    let statuses: Vec<String> = f
        .by_status
        .iter()
        .map(|(s, n)| format!("{n} {}", s.name()))
        .collect();
    let spans: usize = f.labels.iter().map(|l| l.2).sum();
    ui.label(
        RichText::new(format!(
            "{} documents ({}) · {spans} spans · {} quotes · {} entities",
            f.docs.len(),
            statuses.join(", "),
            f.quotes,
            f.entities
        ))
        .strong(),
    );
    ui.add_space(4.0);
    ui.columns(2, |cols| {
        label_chart(&mut cols[0], f);
        progress_chart(&mut cols[1], f);
    });
    ui.add_space(6.0);
    let mut clicked = None;
    ui.columns(2, |cols| {
        clicked = document_table(&mut cols[0], f);
        label_table(&mut cols[1], f);
        cols[1].add_space(8.0);
        speakers(&mut cols[1], f);
    });
    codes(ui, f);
    clicked
}

/// Documents by category and quotes by speaker (and quote) attributes, as charts; per
/// document for speaker attributes.
fn codes(ui: &mut Ui, f: &Figures) {
    if f.categories.is_empty() && f.attributes.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.separator();
    let charts: Vec<(&str, &Breakdown)> = f
        .categories
        .iter()
        .map(|b| ("Documents by", b))
        .chain(f.attributes.iter().map(|b| ("Quotes by", b)))
        .collect();
    for (row, pair) in charts.chunks(2).enumerate() {
        ui.columns(2, |cols| {
            for (i, (title, b)) in pair.iter().enumerate() {
                let id = format!("dashboard-codes-{row}-{i}");
                ui_breakdown::chart(&mut cols[i], &id, title, b);
            }
        });
        ui.add_space(6.0);
    }
    let speaker: Vec<&Breakdown> = f
        .attributes
        .iter()
        .filter(|b| b.name.starts_with("speaker "))
        .collect();
    for (b, rows) in speaker.iter().zip(&f.per_document) {
        egui::CollapsingHeader::new(format!("Quotes by {}, per document", b.name))
            .id_salt(format!("dashboard-per-doc-{}", b.name))
            .show(ui, |ui| {
                ui_breakdown::per_document_table(ui, &format!("dashboard-grid-{}", b.name), b, rows)
            });
    }
}

fn label_chart(ui: &mut Ui, f: &Figures) {
    ui.strong("Label distribution");
    let bars: Vec<Bar> = f
        .labels
        .iter()
        .enumerate()
        .map(|(i, (name, c, n))| Bar::new(i as f64, *n as f64).name(name).fill(*c).width(0.7))
        .collect();
    let names: Vec<String> = f.labels.iter().map(|l| l.0.clone()).collect();
    ui_breakdown::bar_plot(ui, "dashboard-labels", 190.0, names, bars);
}

fn progress_chart(ui: &mut Ui, f: &Figures) {
    ui.strong("Progress over documents")
        .on_hover_text("Documents so far, in list order, with an annotation and marked done");
    Plot::new("dashboard-progress")
        .height(190.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_x(0.0)
        .legend(Legend::default())
        .x_axis_label("documents in order")
        .show(ui, |plot| {
            plot.line(Line::new("annotated", f.annotated.clone()).width(2.0));
            plot.line(Line::new("done", f.done.clone()).width(2.0));
        });
}

/// Every document with its status and counts; a name opens the document.
fn document_table(ui: &mut Ui, f: &Figures) -> Option<DocId> {
    ui.strong("Documents");
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    TableBuilder::new(ui)
        .id_salt("dashboard-documents")
        .striped(true)
        .max_scroll_height(280.0)
        .column(
            Column::initial(180.0)
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        .columns(Column::auto().at_least(48.0), 5)
        .header(row_height, |mut h| {
            for name in [
                "document",
                "status",
                "spans",
                "linked",
                "quotes",
                "characters",
            ] {
                h.col(|ui| {
                    ui.strong(name);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, f.docs.len(), |mut row| {
                let d = &f.docs[row.index()];
                row.col(|ui| {
                    if ui
                        .link(&d.name)
                        .on_hover_text("Open this document")
                        .clicked()
                    {
                        clicked = Some(d.id);
                    }
                });
                for cell in [
                    d.status.name().to_string(),
                    d.spans.to_string(),
                    d.linked.to_string(),
                    d.quotes.to_string(),
                    d.chars.to_string(),
                ] {
                    row.col(|ui| {
                        ui.label(cell);
                    });
                }
            });
        });
    clicked
}

fn label_table(ui: &mut Ui, f: &Figures) {
    ui.strong("Spans per label");
    let total: usize = f.labels.iter().map(|l| l.2).sum();
    egui::Grid::new("dashboard-label-table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for (name, c, n) in &f.labels {
                ui.horizontal(|ui| {
                    let (r, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(r, 2.0, *c);
                    ui.label(name);
                });
                ui.label(n.to_string());
                let share = if total > 0 {
                    format!("{:.0}%", 100.0 * *n as f64 / total as f64)
                } else {
                    "–".into()
                };
                ui.weak(share);
                ui.end_row();
            }
        });
}

/// The most quoted speakers, each with a bar as long as their count.
fn speakers(ui: &mut Ui, f: &Figures) {
    ui.strong("Quotes per speaker");
    if f.speakers.is_empty() {
        ui.weak("No quotes yet.");
        return;
    }
    let top = &f.speakers[..f.speakers.len().min(TOP_SPEAKERS)];
    let most = top.iter().map(|s| s.1).max().unwrap_or(1).max(1);
    let color = colors::quote_color(ui.visuals()).gamma_multiply(0.85);
    egui::Grid::new("dashboard-speaker-table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for (who, n) in top {
                ui.label(who);
                let full = 160.0;
                let (r, _) = ui.allocate_exact_size(egui::vec2(full, 12.0), egui::Sense::hover());
                let w = full * *n as f32 / most as f32;
                let bar = egui::Rect::from_min_size(r.min, egui::vec2(w.max(2.0), r.height()));
                ui.painter().rect_filled(bar, 2.0, color);
                ui.label(n.to_string());
                ui.end_row();
            }
        });
    if f.speakers.len() > top.len() {
        ui.weak(format!(
            "and {} more speakers",
            f.speakers.len() - top.len()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Document, Span, SpanId};

    #[test]
    fn figures_count_labels_progress_and_statuses() {
        let mut p = Project::new("t");
        let mut a = Document::new(DocId(1), "a", "Ana met Bo.");
        a.insert_span(Span::new(SpanId(1), CharRange::new(0, 3), "PERSON"));
        a.insert_span(Span::new(SpanId(2), CharRange::new(8, 10), "PERSON"));
        a.status = Status::Done;
        p.insert_document(a);
        p.insert_document(Document::new(DocId(2), "b", "Nothing here."));
        let mut c = Document::new(DocId(3), "c", "Lima.");
        c.insert_span(Span::new(SpanId(1), CharRange::new(0, 4), "ODD"));
        p.insert_document(c);
        let f = Figures::of(&p);
        let person = f.labels.iter().find(|l| l.0 == "PERSON").unwrap();
        assert_eq!(person.2, 2);
        assert_eq!(
            f.labels.last().unwrap().0,
            "ODD",
            "unknown labels come last"
        );
        assert_eq!(f.annotated, [[1.0, 1.0], [2.0, 1.0], [3.0, 2.0]]);
        assert_eq!(f.done, [[1.0, 1.0], [2.0, 1.0], [3.0, 1.0]]);
        assert_eq!(f.by_status.iter().map(|s| s.1).sum::<usize>(), 3);
    }
}
