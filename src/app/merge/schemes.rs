//! Category schemes, attribute definitions and the values chosen with them, in a merge.
//!
//! Definitions are matched by name (attributes by target and name) and taken whole from the
//! side that changed them; changed differently on both sides, ours is kept and that is a
//! conflict. A document's categories merge scheme by scheme and an item's attributes name by
//! name, like metadata: one side's change is taken, different changes on both are a conflict
//! kept as ours. A definition one side removed while the other's documents or items still use
//! it is kept, like a label still in use.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use super::{Log, pick};
use crate::model::{AttrTarget, AttributeDef, Attributes, CategoryScheme, Project};

/// Definitions by key, in ours' order with theirs' new ones after.
fn merge_defs<T: Clone + PartialEq, K: PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
    name: impl Fn(&T) -> String,
    log: &mut Log,
) -> Vec<T> {
    let find = |list: &[T], k: &K| list.iter().find(|x| key(x) == *k).cloned();
    let mut out = Vec::new();
    for o in ours {
        let k = key(o);
        match (find(base, &k), find(theirs, &k)) {
            (Some(b), Some(t)) => match pick(&b, o, &t) {
                Ok(x) => out.push(x.clone()),
                Err(x) => {
                    log.conflict(
                        None,
                        format!(
                            "{}: changed differently in ours and theirs; kept ours",
                            name(o)
                        ),
                    );
                    out.push(x.clone());
                }
            },
            (Some(b), None) if b == *o => {}
            (Some(_), None) => {
                log.conflict(
                    None,
                    format!("{}: removed in theirs, changed in ours; kept ours", name(o)),
                );
                out.push(o.clone());
            }
            (None, Some(t)) if t != *o => {
                log.conflict(
                    None,
                    format!(
                        "{}: added differently in ours and theirs; kept ours",
                        name(o)
                    ),
                );
                out.push(o.clone());
            }
            (None, _) => out.push(o.clone()),
        }
    }
    for t in theirs {
        let k = key(t);
        if find(ours, &k).is_some() {
            continue;
        }
        match find(base, &k) {
            None => out.push(t.clone()),
            Some(b) if b == *t => {}
            Some(_) => log.conflict(
                None,
                format!(
                    "{}: removed in ours, changed in theirs; left out, as in ours",
                    name(t)
                ),
            ),
        }
    }
    out
}

pub(super) fn merge_schemes(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    log: &mut Log,
) -> Vec<CategoryScheme> {
    merge_defs(
        &base.schemes,
        &ours.schemes,
        &theirs.schemes,
        |s| s.name.clone(),
        |s| format!("category scheme {}", s.name),
        log,
    )
}

pub(super) fn merge_attribute_defs(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    log: &mut Log,
) -> Vec<AttributeDef> {
    merge_defs(
        &base.attributes,
        &ours.attributes,
        &theirs.attributes,
        |a| (a.target, a.name.clone()),
        |a| format!("{} attribute {}", a.target.name(), a.name),
        log,
    )
}

/// Three-way merge of a map, key by key (a missing key is `missing`: "removed", "unset"). `what`
/// names an entry for a conflict message ("topic", "gender of span …").
pub(super) fn merge_map<V: Clone + PartialEq + Debug>(
    [base, ours, theirs]: [&BTreeMap<String, V>; 3],
    doc: Option<&str>,
    what: &dyn Fn(&str) -> String,
    missing: &str,
    log: &mut Log,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = BTreeMap::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let kept = match pick(&b, &o, &t) {
            Ok(v) => *v,
            Err(v) => {
                let show = |v: Option<&V>| v.map_or(missing.to_string(), |v| format!("{v:?}"));
                log.conflict(
                    doc,
                    format!(
                        "{}: {} in ours, {} in theirs (was {}); kept ours",
                        what(key),
                        show(o),
                        show(t),
                        show(b)
                    ),
                );
                *v
            }
        };
        if let Some(v) = kept {
            out.insert(key.clone(), v.clone());
        }
    }
    out
}

/// Attributes merged name by name; `item` names the entity, span or quote for messages.
pub(super) fn merge_attributes(
    base: &Attributes,
    ours: &Attributes,
    theirs: &Attributes,
    doc: Option<&str>,
    item: &str,
    log: &mut Log,
) -> Attributes {
    merge_map(
        [base, ours, theirs],
        doc,
        &|k| format!("{item}: {k}"),
        "unset",
        log,
    )
    .into()
}

/// Definitions one side removed that the merged documents or items still use: kept, as the
/// side still using them had them, and reported.
pub(super) fn keep_used(
    project: &mut Project,
    base: &Project,
    ours: &Project,
    theirs: &Project,
    log: &mut Log,
) {
    let used_schemes: BTreeSet<String> = project
        .documents
        .iter()
        .flat_map(|d| d.categories.keys().cloned())
        .collect();
    for name in used_schemes {
        if project.scheme(&name).is_some() {
            continue;
        }
        let def = [ours, theirs, base]
            .into_iter()
            .find_map(|p| p.scheme(&name));
        if let Some(def) = def.cloned() {
            log.conflict(
                None,
                format!("category scheme {name}: removed on one side, but documents categorised on the other still use it; kept"),
            );
            project.schemes.push(def);
        }
    }
    let mut used_attrs: BTreeSet<(AttrTarget, String)> = BTreeSet::new();
    for e in &project.entities {
        used_attrs.extend(e.attributes.keys().map(|k| (AttrTarget::Entity, k.clone())));
    }
    for d in &project.documents {
        for s in &d.spans {
            used_attrs.extend(s.attributes.keys().map(|k| (AttrTarget::Span, k.clone())));
        }
        for q in &d.quotes {
            used_attrs.extend(q.attributes.keys().map(|k| (AttrTarget::Quote, k.clone())));
        }
    }
    for (target, name) in used_attrs {
        if project.attribute(target, &name).is_some() {
            continue;
        }
        let def = [ours, theirs, base]
            .into_iter()
            .find_map(|p| p.attribute(target, &name));
        if let Some(def) = def.cloned() {
            log.conflict(
                None,
                format!(
                    "{} attribute {name}: removed on one side, but the other side's items still use it; kept",
                    target.name()
                ),
            );
            project.attributes.push(def);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::merge;
    use crate::model::*;

    const TEXT: &str = "Maria Lopez said the strike was over.";

    fn base() -> Project {
        let mut p = Project::new("t");
        let mut d = Document::new(DocId(1), "strike", TEXT);
        d.insert_span(Span::new(SpanId(1), CharRange::new(0, 11), "PERSON"));
        d.insert_quote(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(17, 36)],
            speaker: Some(SpanId(1)),
            cue: Some(CharRange::new(12, 16)),
            kind: QuoteKind::Indirect,
            origin: Origin::Manual,
            attributes: Default::default(),
        });
        p.insert_document(d);
        p.insert_document(Document::new(DocId(2), "other", "Nothing."));
        let value = |name: &str| CategoryValue {
            name: name.into(),
            key: None,
            color: Color([9, 9, 9]),
        };
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: true,
            values: vec![value("labour"), value("economy")],
            description: String::new(),
        });
        p.attributes.push(AttributeDef {
            name: "stance".into(),
            target: AttrTarget::Quote,
            values: vec![],
            description: String::new(),
        });
        p
    }

    #[test]
    fn categories_and_attributes_merge_per_scheme_and_per_name() {
        let b = base();
        let mut o = base();
        let mut t = base();
        // Both touch document 1: ours sets the topic and a quote's stance, theirs a tone
        // scheme's value and the quote's span a role.
        let d = o.document_mut(DocId(1)).unwrap();
        d.categories.insert("topic".into(), vec!["labour".into()]);
        d.quotes[0].attributes.set("stance", Some("for".into()));
        t.schemes.push(CategoryScheme {
            name: "tone".into(),
            multiple: false,
            values: vec![],
            description: String::new(),
        });
        t.attributes.push(AttributeDef {
            name: "role".into(),
            target: AttrTarget::Span,
            values: vec![],
            description: String::new(),
        });
        let d = t.document_mut(DocId(1)).unwrap();
        d.spans[0]
            .attributes
            .set("role", Some("union leader".into()));
        d.quotes[0].attributes.set("topic", Some("pay".into()));
        t.document_mut(DocId(2))
            .unwrap()
            .categories
            .insert("topic".into(), vec!["economy".into()]);

        let r = merge(&b, &o, &t);
        assert!(r.is_clean(), "{:?}", r.conflicts);
        let p = &r.project;
        assert_eq!(
            p.schemes.iter().map(|s| &s.name[..]).collect::<Vec<_>>(),
            ["topic", "tone"]
        );
        assert!(p.attribute(AttrTarget::Span, "role").is_some());
        let d = p.document(DocId(1)).unwrap();
        assert_eq!(d.categories["topic"], ["labour"]);
        assert_eq!(d.spans[0].attributes.value("role"), Some("union leader"));
        assert_eq!(d.quotes[0].attributes.value("stance"), Some("for"));
        assert_eq!(d.quotes[0].attributes.value("topic"), Some("pay"));
        assert_eq!(
            p.document(DocId(2)).unwrap().categories["topic"],
            ["economy"]
        );
    }

    #[test]
    fn different_values_on_both_sides_are_a_conflict_kept_as_ours() {
        let b = base();
        let mut o = base();
        let mut t = base();
        for (p, topic, stance) in [(&mut o, "labour", "for"), (&mut t, "economy", "against")] {
            let d = p.document_mut(DocId(1)).unwrap();
            d.categories.insert("topic".into(), vec![topic.into()]);
            d.quotes[0].attributes.set("stance", Some(stance.into()));
            d.name = format!("{topic}!");
        }
        o.document_mut(DocId(1)).unwrap().name = "strike".into();
        let r = merge(&b, &o, &t);
        assert_eq!(r.conflicts.len(), 2, "{:?}", r.conflicts);
        assert!(r.conflicts[0].what.contains("topic"), "{:?}", r.conflicts);
        let d = r.project.document(DocId(1)).unwrap();
        assert_eq!(d.categories["topic"], ["labour"]);
        assert_eq!(d.quotes[0].attributes.value("stance"), Some("for"));
        assert_eq!(d.name, "economy!");
    }

    #[test]
    fn a_scheme_removed_on_one_side_but_used_on_the_other_is_kept() {
        let b = base();
        let mut o = base();
        o.schemes.clear();
        let mut t = base();
        t.document_mut(DocId(2))
            .unwrap()
            .categories
            .insert("topic".into(), vec!["economy".into()]);
        let r = merge(&b, &o, &t);
        assert!(r.project.scheme("topic").is_some());
        assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    }
}
