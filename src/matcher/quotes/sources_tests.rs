//! Tests of the wider attribution shapes and the sources beyond speech — documents,
//! statements, groups, claims and beliefs, speakers a paragraph before a run of quotes — on
//! sentences written for them.

use super::super::KnownMention;
use super::super::tests::{chars, engine, read};
use crate::model::{Mention as MentionKind, Proposal, QuoteKind};

/// One suggestion read back as text.
#[derive(Debug)]
struct Row {
    content: String,
    kind: QuoteKind,
    cue: Option<String>,
    speaker: Option<String>,
    mention: MentionKind,
    label: Option<String>,
    rule: String,
    reason: String,
    score: f32,
}

/// Known PERSON mentions for every occurrence of each of `names` (ORG when it ends in
/// "Authority", "Institute" or "Corp").
fn mentions(text: &str, names: &[&str]) -> Vec<KnownMention> {
    let mut out = Vec::new();
    for name in names {
        for (byte, _) in text.match_indices(name) {
            let start = text[..byte].chars().count();
            let end = start + name.chars().count();
            let org = ["Authority", "Institute", "Corp"]
                .iter()
                .any(|h| name.ends_with(h));
            out.push(KnownMention {
                start,
                end,
                label: if org { "ORG" } else { "PERSON" }.to_string(),
                entity: None,
                name: None,
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn rows(text: &str, names: &[&str]) -> Vec<Row> {
    engine()
        .suggest(text, &mentions(text, names))
        .iter()
        .map(|s| {
            let q = read(text, s);
            Row {
                content: q.content.join(" | "),
                kind: q.kind,
                cue: q.cue,
                speaker: q.speaker,
                mention: q.mention,
                label: q.label,
                rule: q.rule,
                reason: q.reason,
                score: q.score,
            }
        })
        .collect()
}

#[test]
fn attribution_after_time_and_place_phrases() {
    let text = "“We will not lift the advisory until every sample is clean,” Dana Ruiz told \
                reporters on Tuesday at a news conference outside the treatment plant.";
    let r = rows(text, &["Dana Ruiz"]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].speaker.as_deref(), Some("Dana Ruiz"));
    assert_eq!(r[0].cue.as_deref(), Some("told reporters"));
    assert_eq!(r[0].rule, "direct-after");

    // Reported speech with a long tail after the cue.
    let text = "The bridge will stay closed until the spring, league officials said in a \
                statement on Sunday.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].content, "The bridge will stay closed until the spring");
    assert_eq!(r[0].speaker.as_deref(), Some("league officials"));
    assert!(
        r[0].reason.contains("a group with no name"),
        "{}",
        r[0].reason
    );
}

#[test]
fn said_in_a_statement_or_interview_and_wrote_on_a_platform() {
    let text = "Corvane said in a statement on Wednesday it would cut about 1,200 jobs.";
    let r = rows(text, &["Corvane"]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].content, "it would cut about 1,200 jobs");
    assert_eq!(r[0].cue.as_deref(), Some("said in a statement"));

    let text = "“Seven years, and the goodbye came from a no-reply address,” Jonah Whitlock \
                wrote on LinkedIn.";
    let r = rows(text, &["Jonah Whitlock"]);
    assert_eq!(r[0].speaker.as_deref(), Some("Jonah Whitlock"));
    assert_eq!(r[0].cue.as_deref(), Some("wrote"));

    let text = "“Nobody is pretending this was a surprise,” Ruiz said in an interview later \
                that evening.";
    let r = rows(text, &["Ruiz"]);
    assert_eq!(r[0].cue.as_deref(), Some("said in an interview"));
    assert_eq!(r[0].speaker.as_deref(), Some("Ruiz"));
}

#[test]
fn a_second_that_inside_the_content_does_not_cut_it() {
    let text = "In a statement, the hospital said emergency care would continue and that all \
                surgeries had been postponed.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        r[0].content,
        "emergency care would continue and that all surgeries had been postponed"
    );
}

#[test]
fn a_speaker_introduced_the_paragraph_before_a_run_of_quotes() {
    let text = "Nurses walked out on Monday.\n\
                Marguerite Osei, who has worked in intensive care for 14 years, stood at the \
                front of the picket line.\n\
                “We have been asking for the same thing since January.”\n\
                “This is not about pay. It is about whether patients get checked at night.”";
    let r = rows(text, &["Marguerite Osei"]);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].rule, "direct-introduced");
    assert_eq!(r[0].speaker.as_deref(), Some("Marguerite Osei"));
    assert!(r[0].reason.contains("subject of the paragraph before"));
    // The next paragraph continues with her.
    assert_eq!(r[1].rule, "direct-floating");
    assert_eq!(r[1].speaker.as_deref(), Some("Marguerite Osei"));

    // A paragraph that quotes nobody and names no person as subject introduces nobody.
    let text = "The strike is the first in three decades.\n“We have waited long enough.”";
    let r = rows(text, &[]);
    assert_eq!(r[0].rule, "direct-unattributed");
    assert_eq!(r[0].speaker, None);
}

#[test]
fn a_quotation_split_across_paragraphs_is_one_quote() {
    let text = "Marguerite Osei stood at the front of the picket line.\n\
                “I have seen colleagues leave the profession in tears.\n\
                “Management keeps telling us the money is coming.”";
    let r = rows(text, &["Marguerite Osei"]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        r[0].content,
        "I have seen colleagues leave the profession in tears. | Management keeps telling us \
         the money is coming."
    );
    assert_eq!(r[0].speaker.as_deref(), Some("Marguerite Osei"));
}

#[test]
fn documents_and_statements_as_sources() {
    let text = "Songbird numbers have fallen by nearly a third since 2005, a study published \
                on Thursday found.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].speaker.as_deref(), Some("a study"));
    assert_eq!(r[0].cue.as_deref(), Some("found"));
    assert_eq!(r[0].mention, MentionKind::Nominal);
    assert_eq!(r[0].label.as_deref(), Some("ORG"));
    assert_eq!(r[0].kind, QuoteKind::Indirect);
    assert!(
        r[0].reason.contains("a document or statement"),
        "{}",
        r[0].reason
    );

    let text = "The report, by researchers at the Lindgren Institute, concluded that shorter \
                snow seasons were the most likely cause.";
    let r = rows(text, &["Lindgren Institute"]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].speaker.as_deref(), Some("The report"));
    assert_eq!(
        r[0].content,
        "shorter snow seasons were the most likely cause"
    );

    let text = "The complaint alleges that the firm billed the city for work never done.";
    let r = rows(text, &[]);
    assert_eq!(r[0].speaker.as_deref(), Some("The complaint"));
    assert!(r[0].reason.contains("a claim"), "{}", r[0].reason);

    // The organisation behind a statement speaks.
    let text = "A statement from the Harbourview Water Authority said more than 40,000 \
                households remained under the advisory.";
    let r = rows(text, &["Harbourview Water Authority"]);
    assert_eq!(r[0].speaker.as_deref(), Some("Harbourview Water Authority"));
}

#[test]
fn document_verbs_need_a_document() {
    // "found" and "show" are cues only with a document as subject.
    assert!(
        rows(
            "He found that the door had been left unlocked all night.",
            &[]
        )
        .is_empty()
    );
    assert!(
        rows(
            "Maria Lopez showed that the old bridge could carry trucks.",
            &[]
        )
        .is_empty()
    );
    let r = rows(
        "The figures show that rents rose by a tenth last year.",
        &[],
    );
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].speaker.as_deref(), Some("The figures"));
}

#[test]
fn according_to_a_document() {
    let text = "According to court documents, the mayor steered four contracts to a firm \
                owned by his brother-in-law.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].rule, "according-to");
    assert_eq!(r[0].speaker.as_deref(), Some("court documents"));

    let text = "According to an engineering report released last spring, the pipe had been \
                flagged as at risk of failure.";
    let r = rows(text, &[]);
    assert_eq!(r[0].speaker.as_deref(), Some("an engineering report"));
    assert_eq!(
        r[0].content,
        "the pipe had been flagged as at risk of failure"
    );
}

#[test]
fn beliefs_and_claims_score_lower_than_speech() {
    let said = rows(
        "Sofia Marchetti said the riding has been taken for granted.",
        &["Sofia Marchetti"],
    );
    let argues = rows(
        "Sofia Marchetti argues that the riding has been taken for granted.",
        &["Sofia Marchetti"],
    );
    let believes = rows(
        "Sofia Marchetti believes the riding has been taken for granted.",
        &["Sofia Marchetti"],
    );
    for r in [&said, &argues, &believes] {
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].kind, QuoteKind::Indirect);
        assert_eq!(r[0].speaker.as_deref(), Some("Sofia Marchetti"));
    }
    assert!(argues[0].score < 0.75 && said[0].score > believes[0].score);
    assert!(believes[0].score < argues[0].score);
    assert!(argues[0].reason.contains("a claim"));
    assert!(believes[0].reason.contains("a belief verb"));
}

#[test]
fn groups_as_sources() {
    let r = rows(
        "Party strategists think turnout among younger voters could decide the outcome.",
        &[],
    );
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].speaker.as_deref(), Some("Party strategists"));
    assert_eq!(
        r[0].content,
        "turnout among younger voters could decide the outcome"
    );

    let r = rows(
        "Health policy experts say walkouts of this kind have become more common.",
        &[],
    );
    assert_eq!(r[0].speaker.as_deref(), Some("Health policy experts"));
    assert!(r[0].reason.contains("a group with no name"));

    // People in a place speak, not the place.
    let text = "Many voters in Welland North believe the by-election will be close.";
    let mut m = mentions(text, &["Welland North"]);
    m[0].label = "GPE".into();
    let r: Vec<_> = engine().suggest(text, &m);
    let Proposal::Quote { speaker, .. } = &r[0].proposal else {
        panic!("not a quote");
    };
    assert_eq!(
        speaker.map(|s| chars(text, s)).as_deref(),
        Some("Many voters")
    );

    // "His followers felt": a possessive group is no news source.
    assert!(rows("His followers felt he was not ready to lead them.", &[]).is_empty());
}

#[test]
fn it_and_they_stand_for_a_recent_document_or_group() {
    let text = "The report was released on Monday by the city auditor's office. “The \
                department failed to track its overtime,” it said.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].speaker.as_deref(), Some("it"));
    assert_eq!(r[0].mention, MentionKind::Pronoun);
    assert!(
        r[0].reason
            .contains("it = the report (a document, 1 sentence earlier)"),
        "{}",
        r[0].reason
    );

    let text = "Officials met on Tuesday to discuss the budget. They said the plan would \
                be ready by June.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].speaker.as_deref(), Some("They"));
    assert!(
        r[0].reason
            .contains("They = officials (a group, 1 sentence earlier)"),
        "{}",
        r[0].reason
    );

    let text = "The researchers spent two years on the coast.\n\nThe tides were higher than \
                expected. “Nobody had measured this before,” they said.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(
        r[0].reason
            .contains("they = the researchers (a group, 2 sentences earlier)"),
        "{}",
        r[0].reason
    );
}

#[test]
fn a_document_verb_takes_it_when_it_stands_for_a_document() {
    let text = "The report was released on Monday. It found that the agency had lost track \
                of 40 contracts.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].content, "the agency had lost track of 40 contracts");
    assert_eq!(r[0].speaker.as_deref(), Some("It"));
    assert!(
        r[0].reason
            .contains("It = the report (a document, 1 sentence earlier)"),
        "{}",
        r[0].reason
    );

    // With nothing for "it" to stand for, "found" is not speech.
    let text = "The weather turned on Monday. It found that the roads were closed.";
    assert!(rows(text, &[]).is_empty());
}

#[test]
fn an_organisation_still_wins_and_far_or_object_phrases_do_not_count() {
    // An organisation nearby keeps the pronoun.
    let text = "The report was released on Monday. Corvane Corp rejected it. “We disagree \
                with its findings,” it said.";
    let r = rows(text, &["Corvane Corp"]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].reason.contains("it = Corvane Corp"), "{}", r[0].reason);
    assert!(!r[0].reason.contains("a document"), "{}", r[0].reason);

    // A document as an object, not a subject, is not the antecedent.
    let text = "The mayor read the report on Monday. “This changes nothing,” it said.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r.iter().all(|r| !r.reason.contains("a document")), "{r:?}");

    // More than three sentences back: left unresolved.
    let text = "The study was published in March. The weather was cold. The roads were \
                icy. Schools closed early. “The effect is small,” it said.";
    let r = rows(text, &[]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r.iter().all(|r| !r.reason.contains("a document")), "{r:?}");
}
