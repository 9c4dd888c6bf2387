//! Categorise mode and the attribute keys in the window (the logic is `app::coding`).
//!
//! G turns categorise mode on and off. In it, a category value's letter toggles that value on
//! the open document and the digits set the active attribute of the selection (V picks which);
//! A and X accept or reject a suggested speaker gender. Outside it, Alt with the same letter or
//! digit does the same, so a category or attribute is one chord away while annotating. The
//! letters are the project's own (set in the Labels tab), so they are read here each frame
//! rather than from the shortcut table; the table keeps them clear of its own plain keys
//! (`keymap::category_letters`).
//!
//! The panels learn what is active from egui's memory (`active_slot`, `categorising`), so they
//! mark the attribute the digits set without new parameters. A rejected gender suggestion is
//! remembered there too, for the session.

use std::collections::HashSet;

use egui::{Context, Id, Key, Modifiers};

use super::RightTab;
use super::workbench::Workbench;
use crate::app::coding::{self, Selected, Slot};
use crate::app::gender::{self, GenderSuggestion};
use crate::app::keymap::Action;
use crate::model::{AttrItem, EntityId};

/// The window's categorise-mode state.
#[derive(Default)]
pub struct Coding {
    /// Categorise mode is on.
    pub on: bool,
    /// Which of the selection's attribute slots the digits set (wraps around).
    pub slot: usize,
}

fn active_id() -> Id {
    Id::unique("gloss-active-attribute")
}

fn categorising_id() -> Id {
    Id::unique("gloss-categorising")
}

fn rejected_id() -> Id {
    Id::unique("gloss-rejected-gender")
}

/// The attribute the digit keys set now, as the panels mark it.
pub fn active_slot(ctx: &Context) -> Option<(AttrItem, String)> {
    ctx.data(|d| d.get_temp::<Option<(AttrItem, String)>>(active_id()))
        .flatten()
}

/// Whether categorise mode is on.
pub fn categorising(ctx: &Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(categorising_id()))
        .unwrap_or(false)
}

/// Entities whose gender suggestion was rejected this session.
pub fn rejected(ctx: &Context) -> HashSet<EntityId> {
    ctx.data(|d| d.get_temp::<HashSet<EntityId>>(rejected_id()))
        .unwrap_or_default()
}

pub fn reject(ctx: &Context, entity: EntityId) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<HashSet<EntityId>>(rejected_id())
            .insert(entity);
    });
}

/// The gender suggestion for `entity`, unless rejected this session.
pub fn gender_suggestion(
    ctx: &Context,
    project: &crate::model::Project,
    entity: EntityId,
) -> Option<GenderSuggestion> {
    if rejected(ctx).contains(&entity) {
        return None;
    }
    gender::suggest(project, entity)
}

const DIGIT_KEYS: [(u8, Key); 10] = [
    (1, Key::Num1),
    (2, Key::Num2),
    (3, Key::Num3),
    (4, Key::Num4),
    (5, Key::Num5),
    (6, Key::Num6),
    (7, Key::Num7),
    (8, Key::Num8),
    (9, Key::Num9),
    (0, Key::Num0),
];

impl Workbench {
    fn selected_items(&self) -> Selected {
        Selected {
            doc: self.editing.doc,
            span: self.editing.selected_span,
            quote: self.editing.selected_quote,
            entity: self.entities.selected(),
        }
    }

    /// The attribute slots of the selection, and the active one.
    fn slots(&self) -> (Vec<Slot>, Option<usize>) {
        let slots = coding::slots(&self.session.project, self.selected_items());
        let active = (!slots.is_empty()).then(|| self.coding.slot % slots.len());
        (slots, active)
    }

    /// Tell the panels what is active; called once a frame before they draw.
    pub(super) fn publish_coding(&self, ctx: &Context) {
        let (slots, active) = self.slots();
        let slot = active.map(|i| (slots[i].item, slots[i].name.clone()));
        ctx.data_mut(|d| {
            d.insert_temp(active_id(), slot);
            d.insert_temp(categorising_id(), self.coding.on);
        });
    }

    /// The project's category letters and categorise mode's digits, pressed this frame.
    /// Runs before the shortcut table, so in categorise mode a category letter wins.
    pub(super) fn coding_keys(&mut self, ctx: &Context) {
        if ctx.egui_wants_keyboard_input() || self.curating.is_some() {
            return;
        }
        if self.coding.on && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.perform(ctx, Action::Categorise);
            return;
        }
        let mut letters: Vec<char> = self
            .session
            .project
            .schemes
            .iter()
            .flat_map(|s| s.values.iter().filter_map(|v| v.key))
            .filter_map(|k| k.to_lowercase().next())
            .collect();
        letters.sort_unstable();
        letters.dedup();
        let modifiers = if self.coding.on {
            Modifiers::NONE
        } else {
            Modifiers::ALT
        };
        for c in letters {
            let Some(key) = Key::from_name(&c.to_uppercase().to_string()) else {
                continue;
            };
            if ctx.input_mut(|i| i.consume_key(modifiers, key)) {
                self.category_key(c);
            }
        }
        if self.coding.on {
            for (n, key) in DIGIT_KEYS {
                if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
                    self.attribute_value(n);
                }
            }
        }
    }

    fn category_key(&mut self, c: char) {
        let Some(doc) = self.editing.doc else {
            self.say("open a document to categorise it");
            return;
        };
        match coding::key_category(&self.session.project, doc, c) {
            Some((command, msg)) => {
                self.execute(command);
                self.say(msg);
            }
            None => self.say(format!("no category on {c}")),
        }
    }

    fn attribute_value(&mut self, n: u8) {
        let (slots, active) = self.slots();
        let Some(slot) = active.map(|i| &slots[i]) else {
            self.say("select a span, quote or entity with attributes first");
            return;
        };
        match coding::set_nth(&self.session.project, slot, n) {
            Ok(Some(c)) => {
                let what = coding::item_name(&self.session.project, slot.item);
                self.execute(c);
                let value = coding::value_of(&self.session.project, slot.item, &slot.name);
                self.say(format!(
                    "{what}: {} {}",
                    slot.name,
                    value.unwrap_or("cleared")
                ));
            }
            Ok(None) => self.say(format!("{} is already so", slot.name)),
            Err(e) => self.say(e),
        }
    }

    /// The gender suggestion for the entity among the selection's slots, if any.
    fn slot_suggestion(&self, ctx: &Context) -> Option<GenderSuggestion> {
        let (slots, _) = self.slots();
        slots.iter().find_map(|s| match s.item {
            AttrItem::Entity(e) => gender_suggestion(ctx, &self.session.project, e),
            _ => None,
        })
    }

    /// The table actions of categorising.
    pub(super) fn coding_action(&mut self, ctx: &Context, action: Action) {
        match action {
            Action::Categorise => {
                self.coding.on = !self.coding.on;
                if self.coding.on {
                    self.right_tab = RightTab::Document;
                    let msg = if self.session.project.schemes.is_empty() {
                        "categorise mode: no category schemes yet (add them in the Labels tab); digits set attributes; G or Esc leaves"
                    } else {
                        "categorise mode: category letters set the document's categories, digits the selection's attributes; G or Esc leaves"
                    };
                    self.say(msg);
                } else {
                    self.say("categorise mode off");
                }
            }
            Action::NextAttribute => {
                let (slots, active) = self.slots();
                match active {
                    Some(i) => {
                        self.coding.slot = (i + 1) % slots.len();
                        let s = &slots[self.coding.slot];
                        let what = coding::item_name(&self.session.project, s.item);
                        self.say(format!("digits set {} of {what}", s.name));
                    }
                    None => self.say("the selection has no attributes"),
                }
            }
            Action::AttributeValue(n) => self.attribute_value(n),
            Action::AcceptAttributeSuggestion => match self.slot_suggestion(ctx) {
                Some(s) => {
                    let name = coding::item_name(&self.session.project, AttrItem::Entity(s.entity));
                    self.execute(s.accept());
                    self.say(format!("{name}: {} {}", s.attribute, s.value));
                }
                None => self.say("no suggestion for the selection"),
            },
            Action::RejectAttributeSuggestion => match self.slot_suggestion(ctx) {
                Some(s) => {
                    reject(ctx, s.entity);
                    self.say(format!("suggestion {} dismissed", s.value));
                }
                None => self.say("no suggestion for the selection"),
            },
            _ => {}
        }
    }
}
