//! Hand annotation of quotations: the gestures behind Q, Shift+Q, S, C and K.
//!
//! A quote is content (one or more ranges), a cue (the speech verb) and a speaker (a mention
//! span, which may link to a canonical entity). Each gesture builds one command; setting a
//! speaker from a fresh selection creates the mention span in the same step.

use super::command::Command;
use crate::model::{
    CharRange, DocId, Document, Mention, Project, Quote, QuoteId, QuoteKind, Span, SpanId,
};

/// Words that make a selected speaker a pronoun mention rather than a name.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "hers",
    "their", "its", "our",
];

/// Determiners that start a descriptive mention ("the minister", "a spokeswoman").
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// What kind of mention a speaker's text is.
pub fn mention_kind(text: &str) -> Mention {
    let lower = text.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    if PRONOUNS.contains(&lower.as_str()) {
        Mention::Pronoun
    } else if DETERMINERS.contains(&first) || text.chars().next().is_some_and(char::is_lowercase) {
        Mention::Nominal
    } else {
        Mention::Name
    }
}

/// A new quote with `range` as its content (direct speech by default).
pub fn new_quote(p: &Project, doc: DocId, range: CharRange) -> Option<(Command, QuoteId)> {
    let d = p.document(doc)?;
    if d.quotes.iter().any(|q| q.content.contains(&range)) {
        return None;
    }
    let id = d.next_quote_id();
    Some((
        Command::AddQuote {
            doc,
            quote: Quote {
                id,
                content: vec![range],
                speaker: None,
                cue: None,
                kind: QuoteKind::Direct,
                origin: crate::model::Origin::Manual,
            },
        },
        id,
    ))
}

fn update(d: &Document, id: QuoteId, f: impl FnOnce(&mut Quote)) -> Option<Command> {
    let mut q = d.quote(id)?.clone();
    f(&mut q);
    (d.quote(id) != Some(&q)).then_some(Command::UpdateQuote {
        doc: d.id,
        quote: q,
    })
}

/// Add a content part to a quote (a quote split by "she said").
pub fn add_part(p: &Project, doc: DocId, id: QuoteId, range: CharRange) -> Option<Command> {
    let d = p.document(doc)?;
    update(d, id, |q| {
        if !q.content.iter().any(|r| r.overlaps(&range)) {
            q.content.push(range);
            q.content.sort();
        }
    })
}

/// Set the cue (the speech verb).
pub fn set_cue(p: &Project, doc: DocId, id: QuoteId, range: CharRange) -> Option<Command> {
    update(p.document(doc)?, id, |q| q.cue = Some(range))
}

/// Cycle the kind: direct → indirect → mixed → direct.
pub fn cycle_kind(p: &Project, doc: DocId, id: QuoteId) -> Option<Command> {
    update(p.document(doc)?, id, |q| q.kind = q.kind.next())
}

/// Make an existing span the speaker.
pub fn set_speaker_span(p: &Project, doc: DocId, id: QuoteId, span: SpanId) -> Option<Command> {
    update(p.document(doc)?, id, |q| q.speaker = Some(span))
}

/// Make a selected stretch of text the speaker: the span there if there is one, else a new
/// mention span (PERSON, named, pronoun or description by its words), in one step.
pub fn set_speaker_range(
    p: &Project,
    doc: DocId,
    id: QuoteId,
    range: CharRange,
) -> Option<Command> {
    let d = p.document(doc)?;
    if let Some(s) = d.spans.iter().find(|s| s.range() == range) {
        return set_speaker_span(p, doc, id, s.id);
    }
    let span_id = d.next_span_id();
    let mut span = Span::new(span_id, range, "PERSON");
    span.mention = mention_kind(d.slice(range.start, range.end));
    let set = update(d, id, |q| q.speaker = Some(span_id))?;
    Some(Command::Batch {
        name: "set speaker".into(),
        commands: vec![
            Command::AddSpans {
                doc,
                spans: vec![span],
            },
            set,
        ],
    })
}

/// Delete a quote (its speaker span stays: it is a mention in its own right).
pub fn delete_quote(p: &Project, doc: DocId, id: QuoteId) -> Option<Command> {
    p.document(doc)?.quote(id)?;
    Some(Command::RemoveQuote { doc, quote: id })
}

/// The quote whose content covers code point `offset`.
pub fn quote_at(d: &Document, offset: usize) -> Option<QuoteId> {
    d.quotes
        .iter()
        .find(|q| q.content.iter().any(|r| r.contains(offset)))
        .map(|q| q.id)
}

/// A quote in one line: speaker, cue, kind, first words.
pub fn summary(p: &Project, d: &Document, q: &Quote) -> String {
    let speaker = speaker_name(p, d, q).unwrap_or_else(|| "—".into());
    let cue = q
        .cue
        .map(|c| d.slice(c.start, c.end).to_string())
        .unwrap_or_default();
    let first = q
        .content
        .first()
        .map(|r| d.slice(r.start, r.end))
        .unwrap_or_default();
    let words: String = first.chars().take(60).collect();
    let more = if first.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    format!("{speaker} {cue} ({}): “{words}{more}”", q.kind.name())
}

/// Who said it: the speaker's canonical entity name, else the mention's text.
pub fn speaker_name(p: &Project, d: &Document, q: &Quote) -> Option<String> {
    let s = d.span(q.speaker?)?;
    Some(
        s.entity
            .and_then(|e| p.entity(e))
            .map(|e| e.name.clone())
            .unwrap_or_else(|| d.slice(s.start, s.end).to_string()),
    )
}

/// Every quote of the project grouped by speaker (canonical entity name, or the mention text,
/// or "(no speaker)"), most quoted first: (speaker, [(document, quote)]).
pub fn who_said_what(p: &Project) -> Vec<(String, Vec<(DocId, QuoteId)>)> {
    let mut groups: std::collections::BTreeMap<String, Vec<(DocId, QuoteId)>> = Default::default();
    for d in &p.documents {
        for q in &d.quotes {
            let who = speaker_name(p, d, q).unwrap_or_else(|| "(no speaker)".into());
            groups.entry(who).or_default().push((d.id, q.id));
        }
    }
    let mut out: Vec<_> = groups.into_iter().collect();
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn project() -> Project {
        let mut p = Project::new("q");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Mara Lind".into(),
            label: "PERSON".into(),
            aliases: vec![],
        });
        let mut d = Document::new(
            DocId(1),
            "d",
            "“We will rebuild,” Lind said, “and soon.” She left.",
        );
        let mut s = Span::new(SpanId(1), CharRange::new(19, 23), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        p.insert_document(d);
        p
    }

    #[test]
    fn a_quote_by_keys_content_parts_speaker_cue_kind() {
        let mut p = project();
        let (c, id) = new_quote(&p, DocId(1), CharRange::new(1, 16)).unwrap();
        c.apply(&mut p).unwrap();
        add_part(&p, DocId(1), id, CharRange::new(31, 39))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        set_speaker_span(&p, DocId(1), id, SpanId(1))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        set_cue(&p, DocId(1), id, CharRange::new(24, 28))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        cycle_kind(&p, DocId(1), id).unwrap().apply(&mut p).unwrap();
        let d = &p.documents[0];
        let q = d.quote(id).unwrap();
        assert_eq!(
            q.content,
            vec![CharRange::new(1, 16), CharRange::new(31, 39)]
        );
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(
            summary(&p, d, q),
            "Mara Lind said (indirect): “We will rebuild”"
        );
        assert!(validate(&p).is_empty());
    }

    #[test]
    fn a_selected_pronoun_becomes_a_pronoun_mention_speaker_in_one_step() {
        let mut p = project();
        let (c, id) = new_quote(&p, DocId(1), CharRange::new(1, 16)).unwrap();
        c.apply(&mut p).unwrap();
        let c = set_speaker_range(&p, DocId(1), id, CharRange::new(42, 45)).unwrap();
        let undo = c.apply(&mut p).unwrap();
        let d = &p.documents[0];
        let s = d.span(d.quote(id).unwrap().speaker.unwrap()).unwrap();
        assert_eq!((s.mention, s.label.as_str()), (Mention::Pronoun, "PERSON"));
        undo.apply(&mut p).unwrap();
        assert_eq!(
            p.documents[0].spans.len(),
            1,
            "one undo removes span and link"
        );
    }

    #[test]
    fn mention_kinds_and_who_said_what() {
        assert_eq!(mention_kind("she"), Mention::Pronoun);
        assert_eq!(mention_kind("the spokesman"), Mention::Nominal);
        assert_eq!(mention_kind("police"), Mention::Nominal);
        assert_eq!(mention_kind("Mara Lind"), Mention::Name);
        let mut p = project();
        let (c, id) = new_quote(&p, DocId(1), CharRange::new(1, 16)).unwrap();
        c.apply(&mut p).unwrap();
        set_speaker_span(&p, DocId(1), id, SpanId(1))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        let (c, _) = new_quote(&p, DocId(1), CharRange::new(31, 39)).unwrap();
        c.apply(&mut p).unwrap();
        let groups = who_said_what(&p);
        assert_eq!(groups[0].0, "(no speaker)");
        assert_eq!(groups[1].0, "Mara Lind");
        assert_eq!(quote_at(&p.documents[0], 5), Some(id));
    }
}
