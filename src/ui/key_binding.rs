//! The action table's keys in egui: a `Chord` of `app::keymap` as an `egui::KeyboardShortcut`,
//! the actions whose keys were pressed this frame, and a chord as the window shows it, with
//! the platform's modifier names (⌘ ⌥ ⇧ on a Mac).

use egui::{Context, KeyboardShortcut, Modifiers};

use crate::app::keymap::{Action, Chord, Key, Mods};

/// egui's key for a key of the table.
pub fn egui_key(key: Key) -> egui::Key {
    use egui::Key as E;
    match key {
        Key::A => E::A,
        Key::B => E::B,
        Key::C => E::C,
        Key::D => E::D,
        Key::E => E::E,
        Key::F => E::F,
        Key::G => E::G,
        Key::H => E::H,
        Key::I => E::I,
        Key::J => E::J,
        Key::K => E::K,
        Key::L => E::L,
        Key::M => E::M,
        Key::N => E::N,
        Key::O => E::O,
        Key::P => E::P,
        Key::Q => E::Q,
        Key::R => E::R,
        Key::S => E::S,
        Key::T => E::T,
        Key::U => E::U,
        Key::V => E::V,
        Key::W => E::W,
        Key::X => E::X,
        Key::Y => E::Y,
        Key::Z => E::Z,
        Key::Num0 => E::Num0,
        Key::Num1 => E::Num1,
        Key::Num2 => E::Num2,
        Key::Num3 => E::Num3,
        Key::Num4 => E::Num4,
        Key::Num5 => E::Num5,
        Key::Num6 => E::Num6,
        Key::Num7 => E::Num7,
        Key::Num8 => E::Num8,
        Key::Num9 => E::Num9,
        Key::F1 => E::F1,
        Key::F2 => E::F2,
        Key::F3 => E::F3,
        Key::F4 => E::F4,
        Key::F5 => E::F5,
        Key::F6 => E::F6,
        Key::F7 => E::F7,
        Key::F8 => E::F8,
        Key::F9 => E::F9,
        Key::F10 => E::F10,
        Key::F11 => E::F11,
        Key::F12 => E::F12,
        Key::ArrowLeft => E::ArrowLeft,
        Key::ArrowRight => E::ArrowRight,
        Key::ArrowUp => E::ArrowUp,
        Key::ArrowDown => E::ArrowDown,
        Key::PageUp => E::PageUp,
        Key::PageDown => E::PageDown,
        Key::Home => E::Home,
        Key::End => E::End,
        Key::Space => E::Space,
        Key::Enter => E::Enter,
        Key::Escape => E::Escape,
        Key::Delete => E::Delete,
        Key::Backspace => E::Backspace,
        Key::OpenBracket => E::OpenBracket,
        Key::CloseBracket => E::CloseBracket,
        Key::Comma => E::Comma,
        Key::Period => E::Period,
        Key::Questionmark => E::Questionmark,
        Key::Slash => E::Slash,
        Key::Minus => E::Minus,
        Key::Equals => E::Equals,
    }
}

/// egui's modifiers for the table's: `command` is Ctrl, or ⌘ on a Mac.
pub fn egui_modifiers(mods: Mods) -> Modifiers {
    Modifiers {
        alt: mods.alt,
        shift: mods.shift,
        command: mods.command,
        ..Modifiers::NONE
    }
}

/// A chord as an egui shortcut.
pub fn shortcut(chord: Chord) -> KeyboardShortcut {
    KeyboardShortcut::new(egui_modifiers(chord.mods), egui_key(chord.key))
}

/// Take the chord's key press out of this frame's input, if it happened.
pub fn consume(ctx: &Context, chord: Chord) -> bool {
    let shortcut = shortcut(chord);
    ctx.input_mut(|i| i.consume_shortcut(&shortcut))
}

/// A chord as the window shows it: the platform's modifier names (⌘ ⌥ ⇧ on a Mac) and the
/// key as a person writes it.
pub fn display_text(ctx: &Context, chord: Chord) -> String {
    if !ctx.os().is_mac() {
        return chord.plain_text();
    }
    let m = chord.mods;
    let mut out = String::new();
    for (on, sym) in [(m.alt, "⌥"), (m.shift, "⇧"), (m.command, "⌘")] {
        if on {
            out.push_str(sym);
        }
    }
    out.push_str(&chord.key.name());
    out
}

/// Menu text of an action's first shortcut ("Ctrl+S", "]"), empty if none.
pub fn shortcut_text(ctx: &Context, action: Action) -> String {
    action
        .shortcuts()
        .first()
        .map(|s| display_text(ctx, *s))
        .unwrap_or_default()
}
