//! The keys of the action table, in the table's own words: a `Key`, the `Mods` held with it,
//! and the two together as a `Chord`. Nothing here knows about a windowing library; the window
//! turns a chord into its toolkit's shortcut (`ui::key_binding`).

/// A key the action table can bind: letters, digits, function keys, the keys that move the
/// caret and a few punctuation keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
    V,
    W,
    X,
    Y,
    Z,
    Num0,
    Num1,
    Num2,
    Num3,
    Num4,
    Num5,
    Num6,
    Num7,
    Num8,
    Num9,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
    ArrowLeft,
    ArrowRight,
    ArrowUp,
    ArrowDown,
    PageUp,
    PageDown,
    Home,
    End,
    Space,
    Enter,
    Escape,
    Delete,
    Backspace,
    OpenBracket,
    CloseBracket,
    Comma,
    Period,
    Questionmark,
    Slash,
    Minus,
    Equals,
}

impl Key {
    /// The letter keys, A to Z.
    pub const LETTERS: [Key; 26] = [
        Key::A,
        Key::B,
        Key::C,
        Key::D,
        Key::E,
        Key::F,
        Key::G,
        Key::H,
        Key::I,
        Key::J,
        Key::K,
        Key::L,
        Key::M,
        Key::N,
        Key::O,
        Key::P,
        Key::Q,
        Key::R,
        Key::S,
        Key::T,
        Key::U,
        Key::V,
        Key::W,
        Key::X,
        Key::Y,
        Key::Z,
    ];

    /// The digit keys, 0 to 9 (the index is the digit).
    pub const DIGITS: [Key; 10] = [
        Key::Num0,
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];

    /// The key of a letter (either case), if it is one of A to Z.
    pub fn letter(c: char) -> Option<Key> {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        Key::LETTERS.get(usize::from(c as u8 - b'A')).copied()
    }

    /// The key of a digit character.
    pub fn digit(c: char) -> Option<Key> {
        let d = c.to_digit(10)?;
        Key::DIGITS.get(d as usize).copied()
    }

    /// F1 to F12.
    pub fn is_function_key(self) -> bool {
        use Key::*;
        matches!(
            self,
            F1 | F2 | F3 | F4 | F5 | F6 | F7 | F8 | F9 | F10 | F11 | F12
        )
    }

    /// The key as a person writes it: `]` not "CloseBracket", `PgDn` not "PageDown".
    pub fn name(self) -> String {
        use Key::*;
        let fixed = match self {
            ArrowLeft => "Left",
            ArrowRight => "Right",
            ArrowUp => "Up",
            ArrowDown => "Down",
            PageUp => "PgUp",
            PageDown => "PgDn",
            Home => "Home",
            End => "End",
            Space => "Space",
            Enter => "Enter",
            Escape => "Esc",
            Delete => "Delete",
            Backspace => "Backspace",
            OpenBracket => "[",
            CloseBracket => "]",
            Comma => ",",
            Period => ".",
            Questionmark => "?",
            Slash => "/",
            Minus => "-",
            Equals => "=",
            // Letters, digits and function keys: their Debug name without the `Num`.
            other => return format!("{other:?}").trim_start_matches("Num").to_string(),
        };
        fixed.to_string()
    }
}

/// The modifiers held with a key. `command` is Ctrl, or ⌘ on a Mac.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mods {
    pub command: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        command: false,
        alt: false,
        shift: false,
    };
    pub const COMMAND: Mods = Mods {
        command: true,
        ..Mods::NONE
    };
    pub const ALT: Mods = Mods {
        alt: true,
        ..Mods::NONE
    };
    pub const SHIFT: Mods = Mods {
        shift: true,
        ..Mods::NONE
    };

    /// Both sets held at once.
    pub const fn plus(self, other: Mods) -> Mods {
        Mods {
            command: self.command || other.command,
            alt: self.alt || other.alt,
            shift: self.shift || other.shift,
        }
    }

    pub fn is_none(self) -> bool {
        self == Mods::NONE
    }

    /// How many modifiers are held (more specific shortcuts are tried first).
    pub fn count(self) -> usize {
        usize::from(self.command) + usize::from(self.alt) + usize::from(self.shift)
    }
}

/// A key with its modifiers: one shortcut of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub mods: Mods,
    pub key: Key,
}

impl Chord {
    pub const fn new(mods: Mods, key: Key) -> Chord {
        Chord { mods, key }
    }

    /// The chord as plain text for documentation ("Ctrl+Shift+Z", "Alt+Shift+Left", "?"); the
    /// window shows the platform's own spelling of the modifiers instead (⌘ on a Mac).
    pub fn plain_text(self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.mods.command {
            parts.push("Ctrl".into());
        }
        if self.mods.alt {
            parts.push("Alt".into());
        }
        if self.mods.shift {
            parts.push("Shift".into());
        }
        parts.push(self.key.name());
        parts.join("+")
    }
}
