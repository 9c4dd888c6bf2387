//! CoNLL tagging schemes: IOB1, IOB2 and BIOES tags read into entities, one sentence at a time.

use super::import::Row;

/// The tagging scheme of a file to import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// BIOES when any tag starts with E-, S-, L- or U-, else IOB (IOB1 and IOB2 alike).
    #[default]
    Auto,
    /// CoNLL-2003's scheme: I- starts an entity unless it continues one of its type; B- only
    /// separates adjacent entities of one type.
    Iob1,
    /// Every entity starts with B-.
    Iob2,
    /// B- begin, I- inside, E- end, S- single (also BILOU: L- = E-, U- = S-).
    Bioes,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Auto => "auto",
            Scheme::Iob1 => "IOB1",
            Scheme::Iob2 => "IOB2",
            Scheme::Bioes => "BIOES",
        }
    }
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Prefix {
    B,
    I,
    E,
    S,
}

pub(super) fn parse_tag(tag: &str) -> Option<Option<(Prefix, &str)>> {
    if tag == "O" {
        return Some(None);
    }
    let (prefix, label) = tag.split_once('-')?;
    let prefix = match prefix {
        "B" => Prefix::B,
        "I" => Prefix::I,
        "E" | "L" => Prefix::E,
        "S" | "U" => Prefix::S,
        _ => return None,
    };
    (!label.is_empty()).then_some(Some((prefix, label)))
}

/// The entities of one sentence as token ranges (first, last inclusive).
pub(super) fn decode<'s>(
    rows: &[Row<'s>],
    si: usize,
    asked: Scheme,
    chosen: Scheme,
    out: &mut Vec<(usize, usize, usize, &'s str)>,
    err: &mut dyn FnMut(usize, usize, String),
) {
    // The open entity: first token and label.
    let mut open: Option<(usize, &str)> = None;
    for (k, r) in rows.iter().enumerate() {
        let continues = |l: &str| open.is_some_and(|(_, m)| m == l);
        match (chosen, r.tag) {
            (_, None) => {
                if chosen == Scheme::Bioes
                    && let Some((_, l)) = open
                {
                    err(
                        r.line,
                        r.column,
                        format!(
                            "O inside a {l} entity: BIOES closes every entity with E- (or uses S- for one token)"
                        ),
                    );
                }
                if let Some((a, l)) = open.take() {
                    out.push((si, a, k - 1, l));
                }
            }
            (Scheme::Bioes, Some((p, l))) => match p {
                Prefix::B | Prefix::S => {
                    if let Some((a, m)) = open.take() {
                        err(
                            r.line,
                            r.column,
                            format!("the {m} entity before is not closed with E-"),
                        );
                        out.push((si, a, k - 1, m));
                    }
                    if p == Prefix::S {
                        out.push((si, k, k, l));
                    } else {
                        open = Some((k, l));
                    }
                }
                Prefix::I | Prefix::E => {
                    if !continues(l) {
                        let what = if p == Prefix::I { "I" } else { "E" };
                        err(
                            r.line,
                            r.column,
                            format!(
                                "{what}-{l} does not continue a {l} entity (BIOES starts each with B- or S-)"
                            ),
                        );
                        if let Some((a, m)) = open.take() {
                            out.push((si, a, k - 1, m));
                        }
                        open = Some((k, l));
                    }
                    if p == Prefix::E
                        && let Some((a, m)) = open.take()
                    {
                        out.push((si, a, k, m));
                    }
                }
            },
            (_, Some((p, l))) => match p {
                Prefix::B => {
                    if let Some((a, m)) = open.take() {
                        out.push((si, a, k - 1, m));
                    }
                    open = Some((k, l));
                }
                Prefix::I => {
                    if !continues(l) {
                        if asked == Scheme::Iob2 {
                            err(
                                r.line,
                                r.column,
                                format!(
                                    "I-{l} does not continue a {l} entity; IOB2 starts each entity with B- (is the file IOB1? then read it as IOB1 or auto)"
                                ),
                            );
                        }
                        if let Some((a, m)) = open.take() {
                            out.push((si, a, k - 1, m));
                        }
                        open = Some((k, l));
                    }
                }
                Prefix::E | Prefix::S => err(
                    r.line,
                    r.column,
                    format!(
                        "{} tag in a file read as {}; read it as BIOES or auto",
                        if p == Prefix::E {
                            "an E-/L-"
                        } else {
                            "an S-/U-"
                        },
                        chosen.name()
                    ),
                ),
            },
        }
    }
    if let Some((a, l)) = open {
        if chosen == Scheme::Bioes
            && let Some(r) = rows.last()
        {
            err(
                r.line,
                r.column,
                format!("the {l} entity runs to the end of the sentence without E-"),
            );
        }
        out.push((si, a, rows.len() - 1, l));
    }
}
