//! Small helpers shared by the panels and dialogs: prefilled text boxes that select their text
//! when they get the keyboard (so typing replaces it), combo-box lists that stay in front of
//! the modal dialog they open from, and the Enter / Esc keys of a dialog.

use egui::{Context, Key, LayerId, Modifiers, Order, Response, Ui};

/// When `resp` (a `TextEdit`) has just got the keyboard — by a click, Tab or a key such as `L`
/// — select all of `text`, so the first key typed replaces a prefilled value instead of being
/// appended to it. A drag inside the box still selects what the drag covers.
///
/// Call it every frame the box is shown. egui's own `gained_focus` misses a focus requested
/// after the box was drawn (as `L` does), so the box's focus is remembered here instead.
pub fn select_all_on_focus(ui: &Ui, resp: &Response, text: &str) {
    let ctx = ui.ctx();
    let key = resp.id.with("gloss-had-focus");
    let had = ctx.data(|d| d.get_temp::<bool>(key).unwrap_or(false));
    let has = resp.has_focus();
    if has != had {
        ctx.data_mut(|d| d.insert_temp(key, has));
    }
    if has && !had {
        select_all(ctx, resp.id, text);
    }
}

/// Select all of a focused text box's `text` now.
pub fn select_all(ctx: &Context, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    egui::TextEdit::store_state(ctx, id, state);
}

/// Give `resp` the keyboard unless something in the same dialog has it (Tab moved it to a
/// button, say): a dialog opens ready to type, and Tab still works.
pub fn focus_unless_taken(ui: &Ui, resp: &Response) {
    if resp.has_focus() || resp.lost_focus() {
        return;
    }
    let ctx = ui.ctx();
    let taken = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
        .is_some_and(|r| r.layer_id == ui.layer_id());
    if !taken {
        resp.request_focus();
    }
}

/// Keep an open combo box's list in front of the modal dialog that holds the box.
///
/// A `Modal` and a popup both live on the foreground layer, in the order they last asked to be
/// on top. A click that presses and releases within one frame (common on a slow display) asks
/// for both at once — the dialog because it was pressed, the list because it just opened — and
/// the list could end up behind the dialog, where the next click went "through" it. Making
/// the list a sublayer of the dialog places it directly above the dialog every frame.
pub fn keep_popup_in_front(ui: &Ui, combo: &Response) {
    let popup = combo.id.with("popup");
    if egui::Popup::is_id_open(ui.ctx(), popup) && ui.layer_id().order == Order::Foreground {
        ui.ctx()
            .set_sublayer(ui.layer_id(), LayerId::new(Order::Foreground, popup));
    }
}

/// What the keyboard said to a dialog this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DialogKeys {
    /// Enter, with no widget that takes Enter itself (a focused button, a multi-line box)
    /// and no list open.
    pub confirm: bool,
    /// Esc with no list open (Esc then closes the list only).
    pub cancel: bool,
}

/// Read (and consume) the dialog keys. Call it before drawing the dialog, so a button that
/// has the keyboard still gets Enter itself. A single-line text box gives Enter up when it
/// loses the keyboard, so Enter there confirms the dialog too.
pub fn dialog_keys(ctx: &Context) -> DialogKeys {
    if egui::Popup::is_any_open(ctx) {
        return DialogKeys::default();
    }
    let focused = ctx.memory(|m| m.focused());
    // A focused button or checkbox of the dialog answers Enter itself; a text box does not,
    // and neither does a widget behind the dialog that kept the keyboard.
    let text = ctx.text_edit_focused();
    let button = !text
        && focused
            .and_then(|id| ctx.read_response(id))
            .is_some_and(|r| ctx.memory(|m| m.is_above_modal_layer(r.layer_id)));
    let enter_free = !button;
    let multiline = text && focused.is_some_and(|id| is_multiline(ctx, id));
    ctx.input_mut(|i| DialogKeys {
        confirm: enter_free && !multiline && i.consume_key(Modifiers::NONE, Key::Enter)
            || i.consume_key(Modifiers::COMMAND, Key::Enter),
        cancel: i.consume_key(Modifiers::NONE, Key::Escape),
    })
}

/// Mark the text box `id` as multi-line for `dialog_keys` (Enter there makes a new line; Ctrl+Enter
/// confirms).
pub fn mark_multiline(ctx: &Context, id: egui::Id) {
    ctx.data_mut(|d| d.insert_temp(multiline_key(id), true));
}

fn is_multiline(ctx: &Context, id: egui::Id) -> bool {
    ctx.data(|d| d.get_temp::<bool>(multiline_key(id)).unwrap_or(false))
}

fn multiline_key(id: egui::Id) -> egui::Id {
    id.with("gloss-multiline")
}
