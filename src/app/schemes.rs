//! The commands about category schemes and attributes (`model::scheme`): choosing a document's
//! categories, setting an entity's, span's or quote's attributes, and editing the definitions.
//!
//! Like the other primitives in `command`, each checks its preconditions strictly and returns
//! its exact inverse: a value must be one its scheme or attribute defines, a single-choice
//! scheme takes at most one value, and a definition is only removed, or loses a value, when no
//! document, entity, span or quote uses it (the Labels tab clears the uses first, in one batch).

use crate::model::{
    AttrItem, AttrTarget, AttributeDef, Attributes, CategoryScheme, DocId, Project,
};

use super::{Command, CommandError};

fn fail<T>(msg: impl Into<String>) -> Result<T, CommandError> {
    Err(CommandError(msg.into()))
}

/// `SetCategories`: the values are put in the scheme's order; empty removes the scheme from
/// the document.
pub(super) fn set_categories(
    p: &mut Project,
    doc: DocId,
    scheme: String,
    values: Vec<String>,
) -> Result<Command, CommandError> {
    let Some(def) = p.scheme(&scheme) else {
        return fail(format!("category scheme {scheme:?} does not exist"));
    };
    if let Some(bad) = values.iter().find(|v| def.value(v).is_none()) {
        return fail(format!("{bad:?} is not a value of {scheme}"));
    }
    let mut ordered: Vec<String> = def
        .values
        .iter()
        .filter(|v| values.contains(&v.name))
        .map(|v| v.name.clone())
        .collect();
    ordered.dedup();
    if !def.multiple && ordered.len() > 1 {
        return fail(format!("{scheme} takes one value per document"));
    }
    let Some(d) = p.document_mut(doc) else {
        return fail(format!("document {doc} does not exist"));
    };
    let old = if ordered.is_empty() {
        d.categories.remove(&scheme)
    } else {
        d.categories.insert(scheme.clone(), ordered)
    };
    d.revision += 1;
    Ok(Command::SetCategories {
        doc,
        scheme,
        values: old.unwrap_or_default(),
    })
}

/// The attributes of one item, if it exists.
fn attributes_mut(p: &mut Project, item: AttrItem) -> Result<&mut Attributes, CommandError> {
    let missing = || CommandError(format!("{} does not exist", describe_item(item)));
    Ok(match item {
        AttrItem::Entity(e) => &mut p.entity_mut(e).ok_or_else(missing)?.attributes,
        AttrItem::Span(doc, s) => {
            let d = p.document_mut(doc).ok_or_else(missing)?;
            d.revision += 1;
            &mut d.span_mut(s).ok_or_else(missing)?.attributes
        }
        AttrItem::Quote(doc, q) => {
            let d = p.document_mut(doc).ok_or_else(missing)?;
            d.revision += 1;
            let i = d
                .quotes
                .iter()
                .position(|x| x.id == q)
                .ok_or_else(missing)?;
            &mut d.quotes[i].attributes
        }
    })
}

fn describe_item(item: AttrItem) -> String {
    match item {
        AttrItem::Entity(e) => format!("entity {e}"),
        AttrItem::Span(d, s) => format!("span {s} of document {d}"),
        AttrItem::Quote(d, q) => format!("quote {q} of document {d}"),
    }
}

/// `SetAttribute`: `Some` sets a value the attribute allows; `None` clears it (always allowed,
/// so an attribute whose definition is gone can still be cleared and undone).
pub(super) fn set_attribute(
    p: &mut Project,
    item: AttrItem,
    name: String,
    value: Option<String>,
) -> Result<Command, CommandError> {
    if let Some(v) = &value {
        let target = item.target();
        let Some(def) = p.attribute(target, &name) else {
            return fail(format!("there is no {} attribute {name:?}", target.name()));
        };
        if v.trim().is_empty() {
            return fail(format!("{name} needs a value"));
        }
        if !def.allows(v) {
            return fail(format!("{v:?} is not a value of {name}"));
        }
    }
    let attrs = attributes_mut(p, item)?;
    let old = attrs.set(&name, value);
    Ok(Command::SetAttribute {
        item,
        name,
        value: old,
    })
}

fn check_scheme(s: &CategoryScheme) -> Result<(), CommandError> {
    if s.name.trim().is_empty() {
        return fail("a category scheme needs a name");
    }
    let mut names = std::collections::HashSet::new();
    let mut keys = std::collections::HashSet::new();
    for v in &s.values {
        if v.name.trim().is_empty() {
            return fail(format!("a value of {} has no name", s.name));
        }
        if !names.insert(v.name.as_str()) {
            return fail(format!("{} has the value {:?} twice", s.name, v.name));
        }
        if let Some(k) = v.key {
            if !k.is_alphanumeric() {
                return fail(format!("key {k:?} is not a letter or digit"));
            }
            if !keys.insert(k.to_lowercase().to_string()) {
                return fail(format!("key {k} is given to two values of {}", s.name));
            }
        }
    }
    Ok(())
}

/// Documents that use `scheme`, and how many use each of its values.
fn scheme_uses(p: &Project, scheme: &str) -> Vec<(DocId, Vec<String>)> {
    p.documents
        .iter()
        .filter_map(|d| d.categories.get(scheme).map(|v| (d.id, v.clone())))
        .collect()
}

pub(super) fn add_scheme(
    p: &mut Project,
    index: usize,
    scheme: CategoryScheme,
) -> Result<Command, CommandError> {
    check_scheme(&scheme)?;
    if p.scheme(&scheme.name).is_some() {
        return fail(format!("category scheme {} already exists", scheme.name));
    }
    let name = scheme.name.clone();
    let at = index.min(p.schemes.len());
    p.schemes.insert(at, scheme);
    Ok(Command::RemoveScheme { name })
}

pub(super) fn remove_scheme(p: &mut Project, name: String) -> Result<Command, CommandError> {
    let used = scheme_uses(p, &name).len();
    if used > 0 {
        return fail(format!("{used} documents are categorised by {name}"));
    }
    let Some(index) = p.schemes.iter().position(|s| s.name == name) else {
        return fail(format!("category scheme {name} does not exist"));
    };
    Ok(Command::AddScheme {
        index,
        scheme: p.schemes.remove(index),
    })
}

/// `UpdateScheme`: the scheme of the same name gets new values, keys, colours or choice; a value
/// still chosen somewhere cannot go, nor can "multiple" while a document has several values.
pub(super) fn update_scheme(
    p: &mut Project,
    scheme: CategoryScheme,
) -> Result<Command, CommandError> {
    check_scheme(&scheme)?;
    let Some(i) = p.schemes.iter().position(|s| s.name == scheme.name) else {
        return fail(format!("category scheme {} does not exist", scheme.name));
    };
    for (_, values) in scheme_uses(p, &scheme.name) {
        if let Some(v) = values.iter().find(|v| scheme.value(v).is_none()) {
            return fail(format!("{v:?} is still chosen for documents"));
        }
        if !scheme.multiple && values.len() > 1 {
            return fail(format!(
                "documents have several values of {}; it must stay multiple choice",
                scheme.name
            ));
        }
    }
    Ok(Command::UpdateScheme {
        scheme: std::mem::replace(&mut p.schemes[i], scheme),
    })
}

/// Every value `name` has on items of `target`.
fn attribute_values(p: &Project, target: AttrTarget, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |a: &Attributes| {
        if let Some(v) = a.get(name) {
            out.push(v.clone());
        }
    };
    match target {
        AttrTarget::Entity => p.entities.iter().for_each(|e| take(&e.attributes)),
        AttrTarget::Span => p
            .documents
            .iter()
            .flat_map(|d| &d.spans)
            .for_each(|s| take(&s.attributes)),
        AttrTarget::Quote => p
            .documents
            .iter()
            .flat_map(|d| &d.quotes)
            .for_each(|q| take(&q.attributes)),
    }
    out
}

fn check_attribute(a: &AttributeDef) -> Result<(), CommandError> {
    if a.name.trim().is_empty() {
        return fail("an attribute needs a name");
    }
    let mut seen = std::collections::HashSet::new();
    for v in &a.values {
        if v.trim().is_empty() {
            return fail(format!("a value of {} is empty", a.name));
        }
        if !seen.insert(v.as_str()) {
            return fail(format!("{} has the value {v:?} twice", a.name));
        }
    }
    Ok(())
}

pub(super) fn add_attribute(
    p: &mut Project,
    index: usize,
    attribute: AttributeDef,
) -> Result<Command, CommandError> {
    check_attribute(&attribute)?;
    if p.attribute(attribute.target, &attribute.name).is_some() {
        return fail(format!(
            "{} attribute {} already exists",
            attribute.target.name(),
            attribute.name
        ));
    }
    let (target, name) = (attribute.target, attribute.name.clone());
    let at = index.min(p.attributes.len());
    p.attributes.insert(at, attribute);
    Ok(Command::RemoveAttribute { target, name })
}

pub(super) fn remove_attribute(
    p: &mut Project,
    target: AttrTarget,
    name: String,
) -> Result<Command, CommandError> {
    let used = attribute_values(p, target, &name).len();
    if used > 0 {
        return fail(format!("{used} {}s have {name} set", target.name()));
    }
    let Some(index) = p
        .attributes
        .iter()
        .position(|a| a.target == target && a.name == name)
    else {
        return fail(format!("there is no {} attribute {name}", target.name()));
    };
    Ok(Command::AddAttribute {
        index,
        attribute: p.attributes.remove(index),
    })
}

/// `UpdateAttribute`: the attribute of the same target and name gets new values or
/// description; a value still set somewhere cannot go (free text accepts every value).
pub(super) fn update_attribute(
    p: &mut Project,
    attribute: AttributeDef,
) -> Result<Command, CommandError> {
    check_attribute(&attribute)?;
    let Some(i) = p
        .attributes
        .iter()
        .position(|a| a.target == attribute.target && a.name == attribute.name)
    else {
        return fail(format!(
            "there is no {} attribute {}",
            attribute.target.name(),
            attribute.name
        ));
    };
    if let Some(v) = attribute_values(p, attribute.target, &attribute.name)
        .iter()
        .find(|v| !attribute.allows(v))
    {
        return fail(format!("{v:?} is still set on some items"));
    }
    Ok(Command::UpdateAttribute {
        attribute: std::mem::replace(&mut p.attributes[i], attribute),
    })
}

/// Clear every use of a scheme or attribute, then remove it: one undoable step for the
/// Labels tab's Delete.
pub fn remove_scheme_everywhere(p: &Project, name: &str) -> Command {
    let mut commands: Vec<Command> = scheme_uses(p, name)
        .into_iter()
        .map(|(doc, _)| Command::SetCategories {
            doc,
            scheme: name.to_string(),
            values: Vec::new(),
        })
        .collect();
    commands.push(Command::RemoveScheme { name: name.into() });
    Command::Batch {
        name: format!("delete category scheme {name}"),
        commands,
    }
}

pub fn remove_attribute_everywhere(p: &Project, target: AttrTarget, name: &str) -> Command {
    let clear = |item: AttrItem| Command::SetAttribute {
        item,
        name: name.to_string(),
        value: None,
    };
    let mut commands: Vec<Command> = Vec::new();
    match target {
        AttrTarget::Entity => commands.extend(
            p.entities
                .iter()
                .filter(|e| e.attributes.contains_key(name))
                .map(|e| clear(AttrItem::Entity(e.id))),
        ),
        AttrTarget::Span => {
            for d in &p.documents {
                commands.extend(
                    d.spans
                        .iter()
                        .filter(|s| s.attributes.contains_key(name))
                        .map(|s| clear(AttrItem::Span(d.id, s.id))),
                );
            }
        }
        AttrTarget::Quote => {
            for d in &p.documents {
                commands.extend(
                    d.quotes
                        .iter()
                        .filter(|q| q.attributes.contains_key(name))
                        .map(|q| clear(AttrItem::Quote(d.id, q.id))),
                );
            }
        }
    }
    commands.push(Command::RemoveAttribute {
        target,
        name: name.into(),
    });
    Command::Batch {
        name: format!("delete {} attribute {name}", target.name()),
        commands,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CategoryValue, CharRange, Color, Document, Entity, EntityId, Span, SpanId};

    fn project() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "a", "Maria Lopez said no.");
        d.insert_span(Span::new(SpanId(1), CharRange::new(0, 11), "PERSON"));
        p.insert_document(d);
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Maria Lopez".into(),
            label: "PERSON".into(),
            aliases: vec![],
            attributes: Attributes::default(),
        });
        let value = |name: &str, key| CategoryValue {
            name: name.into(),
            key: Some(key),
            color: Color([1, 2, 3]),
        };
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: false,
            values: vec![value("politics", 'p'), value("sport", 's')],
            description: String::new(),
        });
        p.attributes.push(AttributeDef {
            name: "gender".into(),
            target: AttrTarget::Entity,
            values: vec!["female".into(), "male".into()],
            description: String::new(),
        });
        p
    }

    /// Apply, check, undo, and check the project is as before.
    fn round_trip(p: &mut Project, c: Command) -> Command {
        let before = p.clone();
        let inverse = c.apply(p).unwrap();
        assert_ne!(*p, before);
        let redo = inverse.clone().apply(p).unwrap();
        assert_eq!(*p, before);
        redo.apply(p).unwrap();
        inverse
    }

    #[test]
    fn categories_set_change_and_clear_with_exact_inverses() {
        let mut p = project();
        let set = |values: &[&str]| Command::SetCategories {
            doc: DocId(1),
            scheme: "topic".into(),
            values: values.iter().map(|v| v.to_string()).collect(),
        };
        assert_eq!(round_trip(&mut p, set(&["sport"])), set(&[]));
        assert_eq!(round_trip(&mut p, set(&["politics"])), set(&["sport"]));
        assert!(
            set(&["politics", "sport"]).apply(&mut p).is_err(),
            "single choice"
        );
        assert!(set(&["weather"]).apply(&mut p).is_err());
        p.schemes[0].multiple = true;
        set(&["sport", "politics"]).apply(&mut p).unwrap();
        assert_eq!(p.documents[0].categories["topic"], ["politics", "sport"]);
        assert!(
            Command::RemoveScheme {
                name: "topic".into()
            }
            .apply(&mut p)
            .is_err(),
            "in use"
        );
        let single = CategoryScheme {
            multiple: false,
            ..p.schemes[0].clone()
        };
        assert!(
            Command::UpdateScheme { scheme: single }
                .apply(&mut p)
                .is_err()
        );
        let everywhere = remove_scheme_everywhere(&p, "topic");
        let undo = round_trip(&mut p, everywhere);
        assert!(p.schemes.is_empty());
        undo.apply(&mut p).unwrap();
        assert_eq!(p.documents[0].categories["topic"].len(), 2);
    }

    #[test]
    fn attributes_set_change_and_clear_with_exact_inverses() {
        let mut p = project();
        let set = |item, value: Option<&str>| Command::SetAttribute {
            item,
            name: "gender".into(),
            value: value.map(String::from),
        };
        let e = AttrItem::Entity(EntityId(1));
        assert_eq!(round_trip(&mut p, set(e, Some("female"))), set(e, None));
        assert_eq!(
            round_trip(&mut p, set(e, Some("male"))),
            set(e, Some("female"))
        );
        assert!(set(e, Some("other")).apply(&mut p).is_err());
        assert!(
            set(AttrItem::Entity(EntityId(9)), Some("male"))
                .apply(&mut p)
                .is_err()
        );
        let span = AttrItem::Span(DocId(1), SpanId(1));
        assert!(
            set(span, Some("male")).apply(&mut p).is_err(),
            "no span attribute"
        );
        // A value in use cannot leave the definition; free text takes anything.
        let mut def = p.attributes[0].clone();
        def.values.retain(|v| v != "male");
        assert!(
            Command::UpdateAttribute {
                attribute: def.clone()
            }
            .apply(&mut p)
            .is_err()
        );
        def.values.clear();
        round_trip(&mut p, Command::UpdateAttribute { attribute: def });
        let everywhere = remove_attribute_everywhere(&p, AttrTarget::Entity, "gender");
        round_trip(&mut p, everywhere);
        assert!(p.attributes.is_empty() && p.entities[0].attributes.is_empty());
    }

    #[test]
    fn definitions_add_and_remove_with_exact_inverses() {
        let mut p = project();
        let stance = AttributeDef {
            name: "stance".into(),
            target: AttrTarget::Quote,
            values: vec![],
            description: String::new(),
        };
        let undo = round_trip(
            &mut p,
            Command::AddAttribute {
                index: 9,
                attribute: stance.clone(),
            },
        );
        assert_eq!(
            undo,
            Command::RemoveAttribute {
                target: AttrTarget::Quote,
                name: "stance".into()
            }
        );
        assert!(
            Command::AddAttribute {
                index: 0,
                attribute: stance
            }
            .apply(&mut p)
            .is_err()
        );
        let tone = CategoryScheme {
            name: "tone".into(),
            multiple: false,
            values: vec![],
            description: String::new(),
        };
        round_trip(
            &mut p,
            Command::AddScheme {
                index: 0,
                scheme: tone,
            },
        );
        assert_eq!(p.schemes[0].name, "tone");
        let mut bad = p.schemes[1].clone();
        bad.values[1].key = Some('P');
        assert!(
            Command::UpdateScheme { scheme: bad }.apply(&mut p).is_err(),
            "key twice"
        );
    }
}

#[cfg(test)]
mod migration {
    use std::path::Path;

    use crate::io::project_file;
    use crate::model::*;

    /// A project file written before schemes existed: no `schemes`, `attributes` or
    /// `categories` anywhere.
    const OLD: &str = r##"(
  schema: 1,
  name: "old",
  labels: [
    (name: "PERSON", color: "#7aa6e8", key: Some('1')),
  ],
  entities: [
    (id: 1, name: "Ana Ruiz", label: "PERSON"),
  ],
  documents: [
    (
      id: 1,
      name: "first",
      status: Done,
      text: "Ana Ruiz said yes.",
      spans: [
        (id: 1, start: 0, end: 8, label: "PERSON", entity: Some(1)),
      ],
      quotes: [
        (id: 1, content: [(14, 17)], speaker: Some(1), kind: Indirect),
      ],
    ),
  ],
)
"##;

    #[test]
    fn an_older_project_file_loads_unchanged_and_writes_no_schemes() {
        let p = project_file::from_ron(OLD, Path::new("old.ron")).unwrap();
        assert!(p.schemes.is_empty() && p.attributes.is_empty());
        let d = &p.documents[0];
        assert!(d.categories.is_empty());
        assert!(d.spans[0].attributes.is_empty() && d.quotes[0].attributes.is_empty());
        assert!(p.entities[0].attributes.is_empty());
        let text = project_file::to_ron(&p);
        for field in ["schemes", "attributes", "categories"] {
            assert!(!text.contains(field), "{text}");
        }
    }

    #[test]
    fn schemes_categories_and_attributes_round_trip_through_the_file_and_the_journal() {
        let mut p = project_file::from_ron(OLD, Path::new("old.ron")).unwrap();
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: false,
            values: vec![CategoryValue {
                name: "politics".into(),
                key: Some('p'),
                color: Color([1, 2, 3]),
            }],
            description: "What it is about".into(),
        });
        p.attributes.push(AttributeDef {
            name: "gender".into(),
            target: AttrTarget::Entity,
            values: vec!["female".into(), "male".into()],
            description: String::new(),
        });
        p.documents[0]
            .categories
            .insert("topic".into(), vec!["politics".into()]);
        p.entities[0]
            .attributes
            .set("gender", Some("female".into()));
        p.documents[0].quotes[0]
            .attributes
            .set("stance", Some("for".into()));
        let text = project_file::to_ron(&p);
        let back = project_file::from_ron(&text, Path::new("new.ron")).unwrap();
        assert_eq!(back, p, "{text}");

        let c = super::Command::SetAttribute {
            item: AttrItem::Span(DocId(1), SpanId(1)),
            name: "role".into(),
            value: Some("mayor".into()),
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<super::Command>(&json).unwrap(), c);
    }
}
