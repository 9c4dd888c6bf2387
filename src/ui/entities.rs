//! The Entities tab: canonical entities with label and aliases. Link the selected span with
//! type-ahead, create an entity from a span, link every identical string in the document or
//! project, edit aliases, merge two entities (the target found by type-ahead,
//! `merge_search`), and give a linked mention an entity of its own ("New entity and relink").

use egui::{Key, RichText, Ui};

use super::Intent;
use super::prompts::Prompt;
use crate::app::Command;
use crate::app::gestures::{self, Scope};
use crate::model::{AttrItem, Document, Entity, EntityId, Project, Span};

#[derive(Default)]
pub struct EntitiesPanel {
    pub query: String,
    /// Put the keyboard in the search field next frame (the L key).
    pub focus_search: bool,
    /// Index of the highlighted match (arrow keys move it, Enter links it).
    highlighted: usize,
    selected: Option<EntityId>,
    /// Draft of the selected entity's fields.
    draft: Option<Entity>,
    new_alias: String,
    merge: super::merge_search::MergeSearch,
    /// The span last shown, to follow its entity when the selection moves.
    last_span: Option<(crate::model::SpanId, Option<EntityId>)>,
}

/// Entities matching `query` (name or alias, case-insensitive), best first: exact, then
/// prefix, then substring.
pub fn matching<'a>(project: &'a Project, query: &str) -> Vec<&'a Entity> {
    let q = query.trim().to_lowercase();
    let mut scored: Vec<(u8, &Entity)> = project
        .entities
        .iter()
        .filter_map(|e| {
            let names = std::iter::once(&e.name).chain(&e.aliases);
            let mut best = None;
            for n in names {
                let n = n.to_lowercase();
                let s = if q.is_empty() {
                    3
                } else if n == q {
                    0
                } else if n.starts_with(&q) {
                    1
                } else if n.contains(&q) {
                    2
                } else {
                    continue;
                };
                best = Some(best.map_or(s, |b: u8| b.min(s)));
            }
            best.map(|b| (b, e))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    scored.into_iter().map(|(_, e)| e).collect()
}

fn mention_count(project: &Project, id: EntityId) -> usize {
    project
        .documents
        .iter()
        .flat_map(|d| &d.spans)
        .filter(|s| s.entity == Some(id))
        .count()
}

impl EntitiesPanel {
    /// The entity picked in the list (its details show), if any.
    pub fn selected(&self) -> Option<EntityId> {
        self.selected
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        doc: Option<&Document>,
        span: Option<&Span>,
    ) -> Vec<Intent> {
        let mut intents = Vec::new();
        if self.selected.is_some_and(|id| project.entity(id).is_none()) {
            self.selected = None;
            self.draft = None;
        }
        // Selecting a linked span (or linking it) shows its entity.
        let now = span.map(|s| (s.id, s.entity));
        if now != self.last_span {
            if let Some((_, Some(e))) = now {
                self.selected = Some(e);
                self.draft = None;
            }
            self.last_span = now;
        }
        let span_text = match (doc, span) {
            (Some(d), Some(s)) => Some(gestures::span_text(d, s)),
            _ => None,
        };

        // The selected span and its link.
        if let (Some(d), Some(s), Some(text)) = (doc, span, &span_text) {
            ui.label(RichText::new(format!("{}: {text}", s.label)).strong());
            match s.entity.and_then(|e| project.entity(e)) {
                Some(e) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("linked to {}", e.name));
                        if ui.button("Unlink").clicked()
                            && let Some(c) = gestures::link(project, d.id, s.id, None)
                        {
                            intents.push(Intent::Execute(c));
                        }
                        if ui
                            .button("New entity and relink")
                            .on_hover_text(format!(
                                "Make a new entity “{text}” and link this mention to it instead of {} (E)",
                                e.name
                            ))
                            .clicked()
                            && let Some(c) = gestures::create_entity_from_span(project, d.id, s.id)
                        {
                            intents.push(Intent::Execute(c));
                        }
                    });
                }
                None => {
                    ui.horizontal(|ui| {
                        ui.weak("not linked");
                        if ui.button("New entity from span").clicked()
                            && let Some(c) = gestures::create_entity_from_span(project, d.id, s.id)
                        {
                            intents.push(Intent::Execute(c));
                        }
                    });
                }
            }
        } else {
            ui.weak("Select a span to link it to an entity.");
        }
        ui.separator();

        // Type-ahead search: Enter links the highlighted match to the selected span.
        let l = ui.label("Find entity");
        let resp = ui.text_edit_singleline(&mut self.query).labelled_by(l.id);
        super::widgets::select_all_on_focus(ui, &resp, &self.query);
        if self.focus_search {
            resp.request_focus();
            self.focus_search = false;
            if self.query.is_empty()
                && let Some(t) = &span_text
            {
                self.query = t.clone();
            }
        }
        let matches = matching(project, &self.query);
        if resp.changed() {
            self.highlighted = 0;
        }
        if resp.has_focus() {
            if ui.input(|i| i.key_pressed(Key::ArrowDown)) {
                self.highlighted = (self.highlighted + 1).min(matches.len().saturating_sub(1));
            }
            if ui.input(|i| i.key_pressed(Key::ArrowUp)) {
                self.highlighted = self.highlighted.saturating_sub(1);
            }
        }
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if enter && let (Some(d), Some(s), Some(e)) = (doc, span, matches.get(self.highlighted)) {
            if let Some(c) = gestures::link(project, d.id, s.id, Some(e.id)) {
                intents.push(Intent::Execute(c));
                intents.push(Intent::Say(format!("linked to {}", e.name)));
            }
            self.query.clear();
        }

        // A third of the window at most, so the selected entity's details show below it.
        let list_height = (ui.ctx().content_rect().height() * 0.3).clamp(90.0, 260.0);
        egui::ScrollArea::vertical()
            .id_salt("entities")
            .max_height(list_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if matches.is_empty() {
                    ui.weak(if project.entities.is_empty() {
                        "No entities yet: select a span and press E."
                    } else {
                        "No entity matches."
                    });
                }
                for (i, e) in matches.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let text = format!(
                            "{} · {} · {}",
                            e.name,
                            e.label,
                            mention_count(project, e.id)
                        );
                        let selected = self.selected == Some(e.id)
                            || i == self.highlighted && !self.query.is_empty();
                        if ui.selectable_label(selected, text).clicked() {
                            self.selected = Some(e.id);
                            self.draft = Some((*e).clone());
                        }
                        if let (Some(d), Some(s)) = (doc, span)
                            && s.entity != Some(e.id)
                            && ui
                                .small_button("Link")
                                .on_hover_text(format!("Link the selected span to {}", e.name))
                                .clicked()
                            && let Some(c) = gestures::link(project, d.id, s.id, Some(e.id))
                        {
                            intents.push(Intent::Execute(c));
                        }
                    });
                }
            });

        if let Some(id) = self.selected {
            ui.separator();
            self.details(ui, project, id, doc, span_text.as_deref(), &mut intents);
        }
        intents
    }

    fn details(
        &mut self,
        ui: &mut Ui,
        project: &Project,
        id: EntityId,
        doc: Option<&Document>,
        span_text: Option<&str>,
        intents: &mut Vec<Intent>,
    ) {
        let Some(entity) = project.entity(id) else {
            return;
        };
        let draft = self.draft.get_or_insert_with(|| entity.clone());
        if draft.id != id {
            *draft = entity.clone();
        }
        ui.heading(&entity.name);
        ui.horizontal(|ui| {
            let l = ui.label("Name");
            ui.text_edit_singleline(&mut draft.name).labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label("Label");
            egui::ComboBox::from_id_salt("entity-label")
                .selected_text(draft.label.clone())
                .show_ui(ui, |ui| {
                    for l in project.labels.names() {
                        ui.selectable_value(&mut draft.label, l.to_string(), l);
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.label("Aliases");
        let mut remove = None;
        for (i, a) in draft.aliases.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(a);
                if ui
                    .small_button("×")
                    .on_hover_text(format!("Remove alias {a}"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            draft.aliases.remove(i);
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("New alias");
            // Leave room for the button beside it.
            let width = (ui.available_width() - 90.0).max(60.0);
            let resp = ui
                .add(egui::TextEdit::singleline(&mut self.new_alias).desired_width(width))
                .labelled_by(l.id);
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let alias = self.new_alias.trim().to_string();
            if (ui.button("Add alias").clicked() || enter)
                && !alias.is_empty()
                && !draft.is_called(&alias)
            {
                draft.aliases.push(alias);
                self.new_alias.clear();
            }
        });
        let changed = draft != entity;
        if ui
            .add_enabled(changed, egui::Button::new("Save entity"))
            .clicked()
            && !draft.name.trim().is_empty()
        {
            intents.push(Intent::Execute(Command::UpdateEntity {
                entity: draft.clone(),
            }));
        }
        super::attributes::section(ui, project, "Attributes", AttrItem::Entity(id), intents);
        ui.separator();

        // Link every identical string: the selected span's text, or the entity's name.
        let surface = span_text.unwrap_or(&entity.name).to_string();
        ui.label(format!("Link every “{surface}”"));
        ui.horizontal(|ui| {
            if let Some(d) = doc
                && ui.button("in this document").clicked()
            {
                link_identical(project, Scope::Document(d.id), &surface, id, intents);
            }
            if ui.button("in the project").clicked() {
                link_identical(project, Scope::Project, &surface, id, intents);
            }
        });
        ui.separator();
        if let Some(target) = self.merge.ui(ui, project, entity)
            && let Some(c) = gestures::merge_entities(project, target, id)
        {
            let into = project.entity(target).map(|e| e.name.clone());
            intents.push(Intent::Execute(c));
            if let Some(into) = into {
                intents.push(Intent::Say(format!("merged {} into {into}", entity.name)));
            }
            self.selected = Some(target);
            self.draft = None;
        }
        if ui.button("Delete entity…").clicked() {
            intents.push(Intent::Ask(Prompt::DeleteEntity {
                id,
                name: entity.name.clone(),
                mentions: mention_count(project, id),
            }));
        }
    }
}

/// Link every `surface` in `scope` to entity `id`, and say how many were linked and tagged.
fn link_identical(
    project: &Project,
    scope: Scope,
    surface: &str,
    id: EntityId,
    intents: &mut Vec<Intent>,
) {
    match gestures::link_identical(project, scope, surface, id) {
        Some((c, r)) => {
            intents.push(Intent::Execute(c));
            intents.push(Intent::Say(format!(
                "linked {}, tagged {} new",
                r.linked, r.tagged
            )));
        }
        None => intents.push(Intent::Say("nothing to link".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_ahead_ranks_exact_then_prefix_then_substring() {
        let mut p = Project::new("t");
        for (i, (n, a)) in [
            ("Anna Berg", ""),
            ("Berg AG", ""),
            ("Joan Bergman", "Bergman"),
        ]
        .iter()
        .enumerate()
        {
            p.entities.push(Entity {
                id: EntityId(i as u64 + 1),
                name: n.to_string(),
                label: "PERSON".into(),
                aliases: if a.is_empty() {
                    vec![]
                } else {
                    vec![a.to_string()]
                },
                attributes: Default::default(),
            });
        }
        let names: Vec<_> = matching(&p, "berg")
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, ["Berg AG", "Joan Bergman", "Anna Berg"]);
        assert_eq!(matching(&p, "bergman").len(), 1);
        assert_eq!(matching(&p, "").len(), 3);
    }
}
