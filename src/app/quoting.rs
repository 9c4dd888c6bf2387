//! Hand annotation of quotations: the gestures behind Q, Shift+Q, S, C and K.
//!
//! A quote is content (one or more ranges), a cue (the speech verb) and a speaker (a mention
//! span, which may link to a canonical entity). Each gesture builds one command; setting a
//! speaker from a fresh selection creates the mention span in the same step.

use super::command::Command;
use crate::model::{
    CharRange, DocId, Document, Mention, Project, Quote, QuoteId, QuoteKind, Span, SpanId,
};
use crate::text::is_pronoun;

/// Determiners that start a descriptive mention ("the minister", "a spokeswoman").
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those"];

/// What kind of mention a speaker's text is.
pub fn mention_kind(text: &str) -> Mention {
    let lower = text.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    if is_pronoun(text) {
        Mention::Pronoun
    } else if DETERMINERS.contains(&first) || text.chars().next().is_some_and(char::is_lowercase) {
        Mention::Nominal
    } else {
        Mention::Name
    }
}

/// Marks that open a quotation, in any script: “English” „German“ «French» ‘single’
/// "straight" 「Japanese」 『double』 ‹single guillemets› ”Swedish”.
const OPENING: &[char] = &[
    '“', '„', '«', '»', '‘', '‚', '"', '\'', '「', '『', '‹', '›', '”', '＂', '〝',
];
/// Marks that close a quotation.
const CLOSING: &[char] = &[
    '”', '“', '»', '«', '’', '‘', '"', '\'', '」', '』', '›', '‹', '＂', '〞', '〟',
];
/// Marks that never double as an apostrophe, so one inside a text starts a quoted fragment.
const PAIRED: &[char] = &[
    '“', '„', '«', '»', '"', '「', '」', '『', '』', '”', '＂', '〝', '〞', '〟',
];

/// The kind a quote's quotation marks say it is. Content wrapped in marks — inside the
/// selection or just around it ("“We will rebuild,” Lind said": the selection is usually the
/// words inside) — is direct speech; content with no marks is reported (indirect) speech;
/// reported speech with a quoted fragment inside is mixed. A quote opened by a mark but not
/// closed (a quote running over paragraphs) counts as direct.
pub fn guess_kind(d: &Document, range: CharRange) -> QuoteKind {
    // What lies just around the content is enough: a mark, spaces, a comma.
    const AROUND: usize = 16;
    let inner: Vec<char> = d.slice(range.start, range.end).chars().collect();
    let before: Vec<char> = d
        .slice(range.start.saturating_sub(AROUND), range.start)
        .chars()
        .collect();
    let after: Vec<char> = d
        .slice(range.end, range.end.saturating_add(AROUND))
        .chars()
        .collect();
    let trailing = |c: &char| c.is_whitespace() || ",.;:!?…".contains(*c);
    // The content without surrounding space and trailing punctuation.
    let lo = inner
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(inner.len());
    let hi = inner
        .iter()
        .rposition(|c| !trailing(c))
        .map_or(lo, |i| i + 1)
        .max(lo);
    let core = &inner[lo..hi];
    let before = before.iter().rev().find(|c| !c.is_whitespace()).copied();
    let after = after.iter().find(|c| !trailing(c)).copied();
    let opens = core.first().is_some_and(|c| OPENING.contains(c))
        || (before.is_some_and(|c| OPENING.contains(&c))
            && !core.first().is_some_and(|c| CLOSING.contains(c)));
    let closes = core.last().is_some_and(|c| CLOSING.contains(c))
        || after.is_some_and(|c| CLOSING.contains(&c));
    // Marks strictly inside the content (not its first or last character).
    let inside = if core.len() > 2 {
        core[1..core.len() - 1]
            .iter()
            .filter(|c| PAIRED.contains(c))
            .count()
    } else {
        0
    };
    match (opens, closes) {
        (true, true) if inside == 0 => QuoteKind::Direct,
        (true, true) => QuoteKind::Mixed,
        (true, false) | (false, true) if inside == 0 => QuoteKind::Direct,
        (false, false) if inside >= 2 => QuoteKind::Mixed,
        (false, false) => QuoteKind::Indirect,
        _ => QuoteKind::Mixed,
    }
}

/// Why a speaker looks wrong, if it does: a speaker is a name ("Lind"), a pronoun ("she") or a
/// description ("the minister"), not the speech verb, a lowercase word, or a piece of what was
/// said. `None` when it looks right. The speaker is set either way; this is only a warning.
pub fn speaker_doubt(d: &Document, q: &Quote, range: CharRange) -> Option<String> {
    let text = d.slice(range.start, range.end).trim().to_string();
    if q.cue.is_some_and(|c| c.overlaps(&range)) {
        return Some(format!(
            "“{text}” is the quote's cue (the speech verb), not who said it"
        ));
    }
    if q.content.iter().any(|c| c.overlaps(&range)) {
        return Some(format!(
            "“{text}” is part of what was said, not who said it"
        ));
    }
    if !text.chars().any(char::is_alphabetic) {
        return Some(format!(
            "“{text}” has no letters: not a name, pronoun or description"
        ));
    }
    let one_word = text.split_whitespace().count() == 1;
    if one_word && text.chars().next().is_some_and(char::is_lowercase) && !is_pronoun(&text) {
        return Some(format!(
            "“{text}” is a lowercase word, not a name, pronoun or description (“the police”, “she”, “Lind”)"
        ));
    }
    None
}

/// The warning for making span `span` the speaker of quote `q`, if it looks wrong.
pub fn speaker_span_doubt(p: &Project, doc: DocId, q: QuoteId, span: SpanId) -> Option<String> {
    let d = p.document(doc)?;
    let s = d.span(span)?;
    speaker_doubt(d, d.quote(q)?, s.range())
}

/// A new quote with `range` as its content; its kind is guessed from the quotation marks.
pub fn new_quote(p: &Project, doc: DocId, range: CharRange) -> Option<(Command, QuoteId)> {
    let d = p.document(doc)?;
    if d.quotes.iter().any(|q| q.content.contains(&range)) {
        return None;
    }
    let kind = guess_kind(d, range);
    let id = d.next_quote_id();
    Some((
        Command::AddQuote {
            doc,
            quote: Quote {
                id,
                content: vec![range],
                speaker: None,
                cue: None,
                kind,
                origin: crate::model::Origin::Manual,
                attributes: Default::default(),
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

/// Make an existing span the speaker — or, when the quote's speaker is a description or a
/// pronoun ("the minister", "he") and the clicked span names an entity, fix who that mention
/// is: it stays the speaker, with its text and kind, and now links to the clicked entity (the
/// one-key fix for a wrongly resolved speaker, `S` then a click). The link also teaches the
/// quotes engine: a description linked to an entity resolves the same description elsewhere
/// in the document to it (`matcher::quotes::roles`), and in every other document that
/// mentions the entity (`matcher::quotes::Taught`, read from the project's linked
/// descriptions — nothing else is stored, so undo takes the lesson back too).
pub fn set_speaker_span(p: &Project, doc: DocId, id: QuoteId, span: SpanId) -> Option<Command> {
    let d = p.document(doc)?;
    let q = d.quote(id)?;
    if let Some(old) = q.speaker.and_then(|s| d.span(s))
        && old.id != span
        && matches!(old.mention, Mention::Nominal | Mention::Pronoun)
        && let Some(new) = d.span(span)
        && let Some(e) = new.entity
        && old.entity != Some(e)
    {
        let mut fixed = old.clone();
        fixed.entity = Some(e);
        fixed.label = new.label;
        return Some(Command::UpdateSpan { doc, span: fixed });
    }
    update(d, id, |q| q.speaker = Some(span))
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
            attributes: Default::default(),
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
    fn picking_a_named_span_for_a_description_speaker_relinks_the_description() {
        let mut p = project();
        let (c, id) = new_quote(&p, DocId(1), CharRange::new(1, 16)).unwrap();
        c.apply(&mut p).unwrap();
        // "She" is the speaker mention, wrongly linked to nobody; S then a click on "Lind".
        set_speaker_range(&p, DocId(1), id, CharRange::new(42, 45))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        let c = set_speaker_span(&p, DocId(1), id, SpanId(1)).unwrap();
        let undo = c.apply(&mut p).unwrap();
        let d = &p.documents[0];
        let s = d.span(d.quote(id).unwrap().speaker.unwrap()).unwrap();
        assert_eq!(d.slice(s.start, s.end), "She", "the mention keeps its text");
        assert_eq!((s.mention, s.entity), (Mention::Pronoun, Some(EntityId(1))));
        assert_eq!(
            speaker_name(&p, d, d.quote(id).unwrap()).as_deref(),
            Some("Mara Lind")
        );
        undo.apply(&mut p).unwrap();
        let d = &p.documents[0];
        let s = d.span(d.quote(id).unwrap().speaker.unwrap()).unwrap();
        assert_eq!(s.entity, None);
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

    fn kind_of(text: &str, start: usize, end: usize) -> QuoteKind {
        guess_kind(
            &Document::new(DocId(1), "d", text),
            CharRange::new(start, end),
        )
    }

    #[test]
    fn the_kind_is_guessed_from_the_quotation_marks_of_any_script() {
        use QuoteKind::*;
        // The words inside the marks, as a selection usually has them.
        assert_eq!(kind_of("“We will rebuild,” Lind said.", 1, 16), Direct);
        // The marks themselves selected.
        assert_eq!(kind_of("“We will rebuild,” Lind said.", 0, 18), Direct);
        assert_eq!(
            kind_of("Er sagte: „Wir bauen auf.“ Dann ging er.", 11, 25),
            Direct
        );
        assert_eq!(
            kind_of("Il a dit : « Nous reconstruirons. »", 13, 32),
            Direct
        );
        assert_eq!(kind_of("She said 'we rebuild' then.", 10, 20), Direct);
        assert_eq!(kind_of("He said \"we rebuild\" then.", 9, 19), Direct);
        assert_eq!(kind_of("彼は「再建する」と言った。", 3, 7), Direct);
        // No marks: reported speech.
        assert_eq!(
            kind_of("Lind said the town would rebuild soon.", 10, 37),
            Indirect
        );
        // An apostrophe is not a quotation mark.
        assert_eq!(
            kind_of("Lind said the town's hall would stay.", 10, 36),
            Indirect
        );
        // Reported speech with a quoted fragment.
        assert_eq!(
            kind_of(
                "Lind said the town would be “stronger than before” soon.",
                10,
                55
            ),
            Mixed
        );
        // Opened and not closed: a quote running on into the next paragraph.
        assert_eq!(kind_of("“We will rebuild the hall", 1, 25), Direct);
    }

    #[test]
    fn a_verb_or_a_lowercase_word_as_speaker_is_doubted() {
        let mut p = project();
        let (c, id) = new_quote(&p, DocId(1), CharRange::new(1, 16)).unwrap();
        c.apply(&mut p).unwrap();
        set_cue(&p, DocId(1), id, CharRange::new(24, 28))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        let d = &p.documents[0];
        let q = d.quote(id).unwrap();
        // The cue "said".
        let doubt = speaker_doubt(d, q, CharRange::new(24, 28)).unwrap();
        assert!(doubt.contains("cue"), "{doubt}");
        // Part of the content.
        assert!(speaker_doubt(d, q, CharRange::new(4, 8)).is_some());
        // A lowercase word that is not a pronoun ("and").
        let doubt = speaker_doubt(d, q, CharRange::new(31, 34)).unwrap();
        assert!(doubt.contains("lowercase"), "{doubt}");
        // A name, a pronoun: fine.
        assert_eq!(speaker_doubt(d, q, CharRange::new(19, 23)), None);
        assert_eq!(speaker_doubt(d, q, CharRange::new(42, 45)), None);
        assert_eq!(speaker_span_doubt(&p, DocId(1), id, SpanId(1)), None);
    }

    /// S then a click on "Rob Keller" for "the mayor" in one document makes "the mayor said"
    /// in another document that mentions him his; undo takes the lesson back.
    #[test]
    fn relinking_a_description_speaker_teaches_other_documents() {
        use crate::matcher::engines::Engines;
        let mut p = Project::new("q");
        for (id, name) in [(1, "Rob Keller"), (2, "Anna Berg")] {
            p.insert_entity(Entity {
                id: EntityId(id),
                name: name.into(),
                label: "PERSON".into(),
                aliases: vec![],
                attributes: Default::default(),
            });
        }
        let at = |t: &str, w: &str| t[..t.find(w).unwrap()].chars().count();
        let span = |t: &str, id: u64, w: &str, e: u64| {
            let a = at(t, w);
            let mut s = Span::new(
                SpanId(id),
                CharRange::new(a, a + w.chars().count()),
                "PERSON",
            );
            s.entity = Some(EntityId(e));
            s
        };
        let ta = "Rob Keller opened the session.\n“We will cut the deficit,” the mayor said.\n";
        let mut a = Document::new(DocId(1), "Budget vote", ta);
        a.insert_span(span(ta, 1, "Rob Keller", 1));
        p.insert_document(a);
        let tb = "Rob Keller and Anna Berg met at city hall on Monday.\n\
                  The mayor said the budget would pass.\n";
        let mut b = Document::new(DocId(2), "City hall", tb);
        b.insert_span(span(tb, 1, "Rob Keller", 1));
        b.insert_span(span(tb, 2, "Anna Berg", 2));
        p.insert_document(b);

        let (c, id) = new_quote(&p, DocId(1), CharRange::new(32, 54)).unwrap();
        c.apply(&mut p).unwrap();
        let mayor = at(ta, "the mayor");
        set_speaker_range(&p, DocId(1), id, CharRange::new(mayor, mayor + 9))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        let (engines, _) = Engines::new(&MatcherSettings::default(), &[]);
        let speaker = |p: &Project| {
            let d = p.document(DocId(2)).unwrap();
            engines
                .suggest(p, d, None)
                .into_iter()
                .find_map(|s| match s.proposal {
                    Proposal::Quote { speaker_entity, .. } => Some((speaker_entity, s.reason)),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(speaker(&p).0, None, "nothing taught yet");
        let undo = set_speaker_span(&p, DocId(1), id, SpanId(1))
            .unwrap()
            .apply(&mut p)
            .unwrap();
        let (who, why) = speaker(&p);
        assert_eq!(who, Some(EntityId(1)), "{why}");
        assert!(
            why.contains("The mayor = Rob Keller (you linked it so in “Budget vote”)"),
            "{why}"
        );
        undo.apply(&mut p).unwrap();
        assert_eq!(speaker(&p).0, None, "undo takes the lesson back");
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
