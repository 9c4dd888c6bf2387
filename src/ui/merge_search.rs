//! Choosing the entity to merge into: a type-ahead search over the entities with the same
//! label, sorted by name, walked with the arrow keys; Enter merges into the highlighted one.
//! (A combo box of every entity in the project, unsorted, was unusable past a few dozen.)

use egui::{Key, Ui};

use super::widgets;
use crate::model::{Entity, EntityId, Project};

/// How many candidates the list shows before it scrolls.
const VISIBLE: f32 = 6.0;

#[derive(Default)]
pub struct MergeSearch {
    pub query: String,
    /// The candidate the arrows are on (index into the filtered list).
    highlighted: usize,
    /// The entity being merged, to start afresh when another is selected.
    absorb: Option<EntityId>,
}

/// Entities `absorb` can merge into: the same label, name or alias containing `query`
/// (case-insensitive), sorted by name.
pub fn candidates<'a>(project: &'a Project, absorb: &Entity, query: &str) -> Vec<&'a Entity> {
    let q = query.trim().to_lowercase();
    let mut out: Vec<&Entity> = project
        .entities
        .iter()
        .filter(|e| e.id != absorb.id && e.label == absorb.label)
        .filter(|e| {
            q.is_empty()
                || std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| n.to_lowercase().contains(&q))
        })
        .collect();
    out.sort_by_cached_key(|e| (e.name.to_lowercase(), e.id));
    out
}

impl MergeSearch {
    /// Draw the search and its list under `heading`; `Some(target)` when the user merges
    /// (Enter in the box, or the Merge button).
    pub fn ui(&mut self, ui: &mut Ui, project: &Project, absorb: &Entity) -> Option<EntityId> {
        if self.absorb != Some(absorb.id) {
            *self = Self {
                absorb: Some(absorb.id),
                ..Self::default()
            };
        }
        let found = candidates(project, absorb, &self.query);
        let l = ui.label("Merge into");
        let edit = egui::TextEdit::singleline(&mut self.query)
            .hint_text(format!("a {} entity", absorb.label));
        let resp = ui.add(edit).labelled_by(l.id);
        widgets::select_all_on_focus(ui, &resp, &self.query);
        if resp.changed() {
            self.highlighted = 0;
        }
        self.highlighted = self.highlighted.min(found.len().saturating_sub(1));
        let mut merge = false;
        if resp.has_focus() {
            ui.input_mut(|i| {
                if i.consume_key(egui::Modifiers::NONE, Key::ArrowDown) {
                    self.highlighted = (self.highlighted + 1).min(found.len().saturating_sub(1));
                }
                if i.consume_key(egui::Modifiers::NONE, Key::ArrowUp) {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
            });
        }
        if resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) && !found.is_empty() {
            merge = true;
        }
        let row = ui.text_style_height(&egui::TextStyle::Button) + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("merge-candidates")
            .max_height(row * VISIBLE)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if found.is_empty() {
                    ui.weak(format!("No other {} entity matches.", absorb.label));
                }
                for (i, e) in found.iter().enumerate() {
                    let on = i == self.highlighted;
                    let item = ui.selectable_label(on, e.name.as_str());
                    if on && resp.has_focus() {
                        item.scroll_to_me(None);
                    }
                    if item.clicked() {
                        self.highlighted = i;
                    }
                }
            });
        let target = found.get(self.highlighted).copied();
        let button = egui::Button::new("Merge");
        if ui
            .add_enabled(target.is_some(), button)
            .on_hover_text(match target {
                Some(t) => format!(
                    "Relink every mention of {} to {} and keep “{}” as an alias",
                    absorb.name, t.name, absorb.name
                ),
                None => "Choose the entity to merge into".into(),
            })
            .clicked()
        {
            merge = true;
        }
        let chosen = if merge { target.map(|t| t.id) } else { None };
        if chosen.is_some() {
            self.query.clear();
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_share_the_label_and_are_sorted_by_name() {
        let mut p = Project::new("t");
        for (i, (n, l)) in [
            ("Zoe Berg", "PERSON"),
            ("anna Lind", "PERSON"),
            ("Berg AG", "ORG"),
            ("Bo Li", "PERSON"),
        ]
        .iter()
        .enumerate()
        {
            p.entities.push(Entity {
                id: EntityId(i as u64 + 1),
                name: n.to_string(),
                label: l.to_string(),
                aliases: vec![],
                attributes: Default::default(),
            });
        }
        let absorb = p.entities[3].clone();
        let names = |q: &str| -> Vec<String> {
            candidates(&p, &absorb, q)
                .iter()
                .map(|e| e.name.clone())
                .collect()
        };
        assert_eq!(names(""), ["anna Lind", "Zoe Berg"]);
        assert_eq!(names("berg"), ["Zoe Berg"]);
        assert!(names("li").contains(&"anna Lind".to_string()));
    }
}
