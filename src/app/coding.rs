//! Setting categories and attributes from the keyboard: what a key means, as commands.
//!
//! Categorise mode (G) and the Alt key give the keyboard two jobs beyond labels. A category
//! value's key (a letter, set in the Labels tab) toggles that value on the open document: in a
//! single-choice scheme it replaces the value (pressing it again clears it), in a multiple-choice
//! one it is added or removed. The digits set an attribute of the selected item to its n-th
//! value (0 clears it); which attribute is the *active slot*, cycled with V among the attributes
//! the selection has: the selected quote's, the selected span's, then the entity the span links
//! to (or the entity picked in the Entities tab). Everything here is pure: the window turns the
//! keys into these calls and executes the commands, so tests drive the same code.

use crate::model::{AttrItem, AttrTarget, DocId, EntityId, Project, QuoteId, SpanId};

use super::Command;

/// One attribute of one item that the digit keys can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub item: AttrItem,
    pub name: String,
}

/// What is selected, for finding the attribute slots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selected {
    pub doc: Option<DocId>,
    pub span: Option<SpanId>,
    pub quote: Option<QuoteId>,
    /// The entity picked in the Entities tab, used when the selected span links to none.
    pub entity: Option<EntityId>,
}

/// The attributes the selection has, in the order V walks them: the quote's, the span's, the
/// entity's.
pub fn slots(p: &Project, sel: Selected) -> Vec<Slot> {
    let mut out = Vec::new();
    let mut add = |item: AttrItem| {
        out.extend(p.attributes_of(item.target()).map(|a| Slot {
            item,
            name: a.name.clone(),
        }));
    };
    let doc = sel.doc.and_then(|d| p.document(d));
    if let (Some(d), Some(q)) = (doc, sel.quote)
        && d.quote(q).is_some()
    {
        add(AttrItem::Quote(d.id, q));
    }
    let span = doc.and_then(|d| sel.span.and_then(|s| d.span(s)));
    if let (Some(d), Some(s)) = (doc, span) {
        add(AttrItem::Span(d.id, s.id));
    }
    let entity = span.and_then(|s| s.entity).or(sel.entity);
    if let Some(e) = entity.filter(|e| p.entity(*e).is_some()) {
        add(AttrItem::Entity(e));
    }
    out
}

/// The value an item has for an attribute.
pub fn value_of(p: &Project, item: AttrItem, name: &str) -> Option<&'static str> {
    let attrs = match item {
        AttrItem::Entity(e) => p.entity(e)?.attributes,
        AttrItem::Span(d, s) => p.document(d)?.span(s)?.attributes,
        AttrItem::Quote(d, q) => p.document(d)?.quote(q)?.attributes,
    };
    attrs.value(name)
}

/// What an item is called in messages: the span's or speaker's text, the entity's name.
pub fn item_name(p: &Project, item: AttrItem) -> String {
    match item {
        AttrItem::Entity(e) => p.entity(e).map_or("entity".into(), |e| e.name.clone()),
        AttrItem::Span(d, s) => p
            .document(d)
            .and_then(|d| d.span(s).map(|s| d.slice(s.start, s.end).to_string()))
            .unwrap_or_else(|| "span".into()),
        AttrItem::Quote(..) => "quote".into(),
    }
}

/// Digit `n` on a slot: 1–9 set the attribute to its n-th value, 0 clears it. `Err` says why
/// nothing happens; `Ok(None)` means the value is already so.
pub fn set_nth(p: &Project, slot: &Slot, n: u8) -> Result<Option<Command>, String> {
    let target = slot.item.target();
    let def = p
        .attribute(target, &slot.name)
        .ok_or_else(|| format!("no {} attribute {}", target.name(), slot.name))?;
    let value = match n {
        0 => None,
        n => {
            if def.is_free_text() {
                return Err(format!("{} is free text: type it in the panel", def.name));
            }
            let v = def
                .values
                .get(usize::from(n) - 1)
                .ok_or_else(|| format!("{} has {} values", def.name, def.values.len()))?;
            Some(v.clone())
        }
    };
    if value.as_deref() == value_of(p, slot.item, &slot.name) {
        return Ok(None);
    }
    Ok(Some(Command::SetAttribute {
        item: slot.item,
        name: slot.name.clone(),
        value,
    }))
}

/// The values `scheme` would have on `doc` after toggling `value`.
pub fn toggled(p: &Project, doc: DocId, scheme: &str, value: &str) -> Option<Vec<String>> {
    let def = p.scheme(scheme)?;
    let current = p.document(doc)?.categories.get(scheme);
    let has = current.is_some_and(|v| v.iter().any(|x| x == value));
    Some(if def.multiple {
        let mut values: Vec<String> = current.cloned().unwrap_or_default();
        if has {
            values.retain(|x| x != value);
        } else {
            values.push(value.to_string());
        }
        // In the scheme's order, as `SetCategories` keeps them.
        values.sort_by_key(|v| def.values.iter().position(|x| x.name == *v));
        values
    } else if has {
        Vec::new()
    } else {
        vec![value.to_string()]
    })
}

/// Toggle one value of a scheme on a document.
pub fn toggle_category(p: &Project, doc: DocId, scheme: &str, value: &str) -> Option<Command> {
    Some(Command::SetCategories {
        doc,
        scheme: scheme.to_string(),
        values: toggled(p, doc, scheme, value)?,
    })
}

/// The scheme and value a key sets: the first scheme, in the project's order, with a value on
/// that key (case does not matter).
pub fn value_on_key(p: &Project, key: char) -> Option<(&str, &str)> {
    let key = key.to_lowercase().next()?;
    p.schemes.iter().find_map(|s| {
        s.values
            .iter()
            .find(|v| v.key.and_then(|k| k.to_lowercase().next()) == Some(key))
            .map(|v| (s.name.as_str(), v.name.as_str()))
    })
}

/// A category key pressed on `doc`: the command and a line for the status bar.
pub fn key_category(p: &Project, doc: DocId, key: char) -> Option<(Command, String)> {
    let (scheme, value) = value_on_key(p, key)?;
    let c = toggle_category(p, doc, scheme, value)?;
    let msg = match &c {
        Command::SetCategories { values, .. } if values.is_empty() => format!("{scheme}: none"),
        Command::SetCategories { values, .. } => format!("{scheme}: {}", values.join(", ")),
        _ => String::new(),
    };
    Some((c, msg))
}

/// Whether any scheme or attribute is defined for `target` (the tabs show a hint otherwise).
pub fn has_attributes(p: &Project, target: AttrTarget) -> bool {
    p.attributes_of(target).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn project() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "a", "Maria said no.");
        let mut s = Span::new(SpanId(1), CharRange::new(0, 5), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        p.insert_document(d);
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Maria".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Default::default(),
        });
        let v = |n: &str, k| CategoryValue {
            name: n.into(),
            key: Some(k),
            color: Color([0, 0, 0]),
        };
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: false,
            values: vec![v("politics", 'p'), v("sport", 'o')],
            description: String::new(),
        });
        p.schemes.push(CategoryScheme {
            name: "frame".into(),
            multiple: true,
            values: vec![v("conflict", 'c'), v("economic", 'm')],
            description: String::new(),
        });
        for (name, target) in [("gender", AttrTarget::Entity), ("role", AttrTarget::Span)] {
            p.attributes.push(AttributeDef {
                name: name.into(),
                target,
                values: vec!["female".into(), "male".into()],
                description: String::new(),
            });
        }
        p
    }

    #[test]
    fn category_keys_replace_in_single_choice_and_toggle_in_multiple() {
        let mut p = project();
        let press = |p: &mut Project, k| {
            let (c, msg) = key_category(p, DocId(1), k).unwrap();
            c.apply(p).unwrap();
            msg
        };
        assert_eq!(press(&mut p, 'P'), "topic: politics");
        assert_eq!(press(&mut p, 'o'), "topic: sport");
        assert_eq!(press(&mut p, 'o'), "topic: none");
        press(&mut p, 'm');
        assert_eq!(press(&mut p, 'c'), "frame: conflict, economic");
        assert_eq!(press(&mut p, 'm'), "frame: conflict");
        assert!(key_category(&p, DocId(1), 'z').is_none());
    }

    #[test]
    fn slots_are_the_quote_span_then_entity_attributes() {
        let mut p = project();
        let sel = Selected {
            doc: Some(DocId(1)),
            span: Some(SpanId(1)),
            ..Default::default()
        };
        let s = slots(&p, sel);
        assert_eq!(
            s.iter().map(|s| (s.item, &s.name[..])).collect::<Vec<_>>(),
            [
                (AttrItem::Span(DocId(1), SpanId(1)), "role"),
                (AttrItem::Entity(EntityId(1)), "gender")
            ]
        );
        let c = set_nth(&p, &s[1], 1).unwrap().unwrap();
        c.apply(&mut p).unwrap();
        assert_eq!(value_of(&p, s[1].item, "gender"), Some("female"));
        assert_eq!(set_nth(&p, &s[1], 1), Ok(None));
        assert!(set_nth(&p, &s[1], 3).is_err());
        set_nth(&p, &s[1], 0)
            .unwrap()
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert_eq!(value_of(&p, s[1].item, "gender"), None);
    }
}
