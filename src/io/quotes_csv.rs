//! The quotes CSV export: one row per quotation, for a spreadsheet or a statistics package.
//!
//! Columns: `document, speaker_entity, speaker, cue, kind, text, start, end` — the speaker's
//! canonical entity (empty when the mention is not linked), the speaker mention's text, the cue's
//! text, the kind (direct, indirect, mixed), what was said (parts joined by " … "), and the
//! code-point range from the first part's start to the last part's end.

use std::io::Write;

use crate::model::{Document, Project};

pub fn write<'a, W: Write>(
    project: &'a Project,
    docs: impl IntoIterator<Item = &'a Document>,
    out: W,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "document",
        "speaker_entity",
        "speaker",
        "cue",
        "kind",
        "text",
        "start",
        "end",
    ])?;
    for d in docs {
        for q in &d.quotes {
            let speaker = q.speaker.and_then(|s| d.span(s));
            let entity = speaker
                .and_then(|s| s.entity)
                .and_then(|e| project.entity(e))
                .map(|e| e.name.as_str())
                .unwrap_or("");
            let speaker_text = speaker.map(|s| d.slice(s.start, s.end)).unwrap_or("");
            let cue = q.cue.map(|c| d.slice(c.start, c.end)).unwrap_or("");
            let text: Vec<&str> = q.content.iter().map(|r| d.slice(r.start, r.end)).collect();
            let extent = q.extent();
            w.write_record([
                d.name.as_str(),
                entity,
                speaker_text,
                cue,
                q.kind.name(),
                &text.join(" … "),
                &extent.start.to_string(),
                &extent.end.to_string(),
            ])?;
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn one_row_per_quote_with_entity_speaker_cue_and_parts() {
        let mut p = Project::new("t");
        p.insert_entity(Entity {
            id: EntityId(1),
            name: "Mara Lind".into(),
            label: "PERSON".into(),
            aliases: vec![],
        });
        let mut d = Document::new(
            DocId(1),
            "doc, with comma",
            "“We will rebuild,” Lind said, “and soon.”",
        );
        let mut s = Span::new(SpanId(1), CharRange::new(19, 23), "PERSON");
        s.entity = Some(EntityId(1));
        d.insert_span(s);
        d.quotes.push(Quote {
            id: QuoteId(1),
            content: vec![CharRange::new(1, 16), CharRange::new(31, 39)],
            speaker: Some(SpanId(1)),
            cue: Some(CharRange::new(24, 28)),
            kind: QuoteKind::Direct,
            origin: Origin::Manual,
        });
        p.insert_document(d);
        let mut buf = Vec::new();
        write(&p, &p.documents, &mut buf).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "doc, with comma");
        assert_eq!(&rows[0][1], "Mara Lind");
        assert_eq!(&rows[0][2], "Lind");
        assert_eq!(&rows[0][3], "said");
        assert_eq!(&rows[0][4], "direct");
        assert_eq!(&rows[0][5], "We will rebuild … and soon");
        assert_eq!((&rows[0][6], &rows[0][7]), ("1", "39"));
    }
}
