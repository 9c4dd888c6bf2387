//! Tests of speaker resolution — descriptions to names (`roles`) and pronoun salience
//! (`resolve`) — on sentences written for them.

use super::super::KnownMention;
use super::super::tests::{chars, engine};
use crate::model::{EntityId, Mention as MentionKind, Proposal, Suggestion};

/// (content, speaker text, mention kind, resolved name, reason) per suggestion.
type Row = (String, Option<String>, MentionKind, Option<String>, String);

fn rows_with(text: &str, mentions: &[KnownMention]) -> Vec<Row> {
    engine()
        .suggest(text, mentions)
        .iter()
        .map(|s: &Suggestion| {
            let Proposal::Quote {
                content,
                speaker,
                speaker_mention,
                speaker_new_entity,
                speaker_entity,
                ..
            } = &s.proposal
            else {
                panic!("not a quote");
            };
            let name = speaker_new_entity
                .clone()
                .or_else(|| speaker_entity.map(|e| format!("#{}", e.0)));
            (
                chars(text, content[0]),
                speaker.map(|r| chars(text, r)),
                *speaker_mention,
                name,
                s.reason.clone(),
            )
        })
        .collect()
}

fn rows(text: &str) -> Vec<Row> {
    rows_with(text, &[])
}

/// The resolved name of the quote whose content starts with `start`.
fn who(rows: &[Row], start: &str) -> Option<String> {
    rows.iter()
        .find(|r| r.0.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {rows:#?}"))
        .3
        .clone()
}

#[test]
fn a_title_seen_with_a_name_resolves_the_description() {
    let t = "Prime Minister Justin Holloway opened the meeting.\n\
             The prime minister said the two economies were closer than ever.\n";
    let r = rows(t);
    assert_eq!(who(&r, "the two economies"), Some("Justin Holloway".into()));
    let row = &r[0];
    assert_eq!(row.1.as_deref(), Some("The prime minister"));
    assert_eq!(
        row.2,
        MentionKind::Nominal,
        "the mention stays a description"
    );
    assert!(row.4.contains("titled so earlier"), "{}", row.4);
}

#[test]
fn the_description_s_other_words_pick_between_two_titles() {
    let t = "Finance Minister Laura Chen and Trade Minister Peter Grant met in Ottawa.\n\
             The trade minister said most chapters were nearly finished.\n\
             The finance minister said she expected talks to run into the spring.\n";
    let r = rows(t);
    assert_eq!(who(&r, "most chapters"), Some("Peter Grant".into()));
    assert_eq!(who(&r, "she expected"), Some("Laura Chen".into()));
}

#[test]
fn an_apposition_introduces_a_role() {
    let t = "Priya Natarajan, a spokeswoman for the Nurses Federation, spoke on Monday.\n\
             The spokeswoman added that many nurses had already left.\n";
    assert_eq!(who(&rows(t), "many nurses"), Some("Priya Natarajan".into()));
}

#[test]
fn an_age_in_apposition_resolves_the_n_year_old() {
    let t = "Local resident Jacob Stone, 45, runs a fishing lodge on the lake.\n\
             The 45-year-old said he was worried about his business.\n";
    assert_eq!(who(&rows(t), "he was worried"), Some("Jacob Stone".into()));
}

#[test]
fn an_organisation_s_type_word_resolves_its_noun() {
    let t = "Northfield Resources Inc. received approval on Thursday.\n\
             The company said the expansion would create 300 jobs.\n";
    let r = rows(t);
    assert_eq!(
        who(&r, "the expansion"),
        Some("Northfield Resources Inc.".into())
    );
    let t = "Ferry crews stopped work after talks with the Health Ministry failed.\n\
             The ministry said the offer was generous.\n";
    assert_eq!(who(&rows(t), "the offer"), Some("Health Ministry".into()));
}

#[test]
fn a_descriptor_before_an_organisation_introduces_its_type() {
    let t = "The deal was signed by media buying company GroupM on Friday.\n\
             The company said the contract ran for five years.\n";
    assert_eq!(who(&rows(t), "the contract"), Some("GroupM".into()));
}

#[test]
fn indefinite_plural_and_unintroduced_descriptions_stay_unresolved() {
    let t = "Mayor Helen Park spoke on Monday.\n\
             A spokeswoman said the budget was final.\n\
             Officials said the vote would be held on Friday.\n\
             The official said the roads came first.\n";
    let r = rows(t);
    assert_eq!(who(&r, "the budget"), None);
    assert_eq!(who(&r, "the vote"), None);
    assert_eq!(who(&r, "the roads"), None);
}

#[test]
fn a_gendered_description_never_takes_a_person_of_the_other_sex() {
    let t = "Ms. Ana Lima, a spokeswoman for the council, and Mr. Tom Hale, a spokesman for the \
             mayor, answered questions.\n\
             The spokesman said the library would open in May.\n";
    assert_eq!(who(&rows(t), "the library"), Some("Tom Hale".into()));
}

#[test]
fn a_description_the_user_linked_resolves_its_twins() {
    let t = "Health Minister Claire Dubois and Jane Roe met.\n\
             The minister said waits were too long.\n\
             Later the minister said nurses would be hired.\n";
    // The user linked the first "The minister" to Jane Roe (entity 7).
    let start = t
        .find("The minister")
        .map(|b| t[..b].chars().count())
        .unwrap_or(0);
    let roe = t
        .find("Jane Roe")
        .map(|b| t[..b].chars().count())
        .unwrap_or(0);
    let mentions = [
        KnownMention {
            start: roe,
            end: roe + 8,
            label: "PERSON".into(),
            entity: Some(EntityId(7)),
            name: Some("Jane Roe".into()),
        },
        KnownMention {
            start,
            end: start + 12,
            label: "PERSON".into(),
            entity: Some(EntityId(7)),
            name: Some("Jane Roe".into()),
        },
    ];
    let r = rows_with(t, &mentions);
    let later = r.iter().find(|r| r.0.starts_with("nurses")).expect("quote");
    assert!(
        later.4.contains("linked so in this document"),
        "{}",
        later.4
    );
}

#[test]
fn he_goes_to_the_man_the_paragraph_is_about_not_the_last_named() {
    let t = "Tom Whitfield voted against the budget. Whitfield argued that families were \
             struggling, and Whitfield asked for a freeze. The vote followed a speech by \
             Mark Doyle.\n\
             \"Three per cent is a lot of money for a pensioner,\" he said.\n";
    assert_eq!(
        who(&rows(t), "Three per cent"),
        Some("Tom Whitfield".into())
    );
}

#[test]
fn she_takes_the_woman_by_title_and_first_name() {
    let t = "Mayor Helen Park met Councillor Tom Whitfield on Monday.\n\
             She said the increase would pay for road repairs.\n";
    assert_eq!(who(&rows(t), "the increase"), Some("Helen Park".into()));
}

#[test]
fn they_and_it_go_to_organisations() {
    let t = "Clearwater Alliance filed papers on Monday.\n\
             It said it would challenge the decision in court.\n";
    assert_eq!(
        who(&rows(t), "it would challenge"),
        Some("Clearwater Alliance".into())
    );
}

#[test]
fn a_run_of_quotation_paragraphs_keeps_its_speaker() {
    let t = "\"We are down to the last few pages,\" Peter Grant told reporters.\n\
             \"Those pages are the hardest, but we will get there.\"\n";
    assert_eq!(who(&rows(t), "Those pages"), Some("Peter Grant".into()));
}

#[test]
fn a_quotation_after_an_unnamed_source_takes_the_next_named_speaker() {
    let t = "\"The talks went well,\" the official said.\n\
             \"Our country has always fought for peace.\"\n\
             \"We will keep doing so,\" Lena Visser said in her speech.\n";
    let r = rows(t);
    assert_eq!(who(&r, "Our country"), Some("Lena Visser".into()));
    assert_eq!(who(&r, "The talks"), None);
}

/// Doc A links "the mayor" to Rob Keller; doc B mentions Rob Keller and someone else and has
/// "the mayor said": B's description resolves to Rob Keller, the reason naming doc A.
#[test]
fn a_description_linked_in_another_document_teaches_this_one() {
    use super::super::{Lessons, Taught};
    use crate::model::DocId;
    let keller = EntityId(7);
    let mut taught = Taught::default();
    taught.add("the mayor", keller, "Rob Keller", DocId(1), "Budget vote");
    let t = "Rob Keller and Anna Berg met at city hall on Monday.\n\
             The mayor said the budget would pass.\n";
    let at = |w: &str| t[..t.find(w).unwrap()].chars().count();
    let mentions = [
        KnownMention {
            start: at("Rob Keller"),
            end: at("Rob Keller") + 10,
            label: "PERSON".into(),
            entity: Some(keller),
            name: Some("Rob Keller".into()),
        },
        KnownMention {
            start: at("Anna Berg"),
            end: at("Anna Berg") + 9,
            label: "PERSON".into(),
            entity: Some(EntityId(8)),
            name: Some("Anna Berg".into()),
        },
    ];
    let run = |lessons: Lessons| {
        engine()
            .suggest_taught(t, &mentions, lessons)
            .into_iter()
            .map(|s| {
                let Proposal::Quote { speaker_entity, .. } = s.proposal else {
                    panic!("not a quote");
                };
                (speaker_entity, s.reason)
            })
            .collect::<Vec<_>>()
    };
    let taught_here = Lessons {
        taught: Some(&taught),
        doc: Some(DocId(2)),
    };
    let got = run(taught_here);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Some(keller), "{got:?}");
    assert!(
        got[0]
            .1
            .contains("The mayor = Rob Keller (you linked it so in “Budget vote”)"),
        "{}",
        got[0].1
    );
    // Untaught, nobody was introduced as mayor: no speaker entity.
    let plain = run(Lessons::default());
    assert_eq!(plain[0].0, None, "{plain:?}");
    // Doc A itself: its own link is no lesson from elsewhere.
    let own = run(Lessons {
        taught: Some(&taught),
        doc: Some(DocId(1)),
    });
    assert_eq!(own[0].0, None, "{own:?}");
    // Found by name only (an entity suggestion with no link): the group's name matches.
    let unlinked: Vec<KnownMention> = mentions
        .iter()
        .cloned()
        .map(|mut m| {
            m.entity = None;
            m
        })
        .collect();
    let by_name = engine().suggest_taught(t, &unlinked, taught_here);
    let Proposal::Quote {
        speaker_new_entity, ..
    } = &by_name[0].proposal
    else {
        panic!("not a quote");
    };
    assert_eq!(speaker_new_entity.as_deref(), Some("Rob Keller"));
    assert!(
        by_name[0].reason.contains("you linked it so"),
        "{}",
        by_name[0].reason
    );
}

/// A mayor this article introduces itself outranks what another document taught.
#[test]
fn this_articles_own_introduction_outranks_a_lesson() {
    use super::super::{Lessons, Taught};
    use crate::model::DocId;
    let mut taught = Taught::default();
    taught.add(
        "the mayor",
        EntityId(7),
        "Rob Keller",
        DocId(1),
        "Budget vote",
    );
    let t = "Rob Keller, the former councillor, was there. Mayor Jane Smith spoke first.\n\
             The mayor said the budget would pass.\n";
    let r = engine().suggest_taught(
        t,
        &[],
        Lessons {
            taught: Some(&taught),
            doc: Some(DocId(2)),
        },
    );
    let Proposal::Quote {
        speaker_new_entity, ..
    } = &r[0].proposal
    else {
        panic!("not a quote");
    };
    assert_eq!(
        speaker_new_entity.as_deref(),
        Some("Jane Smith"),
        "{}",
        r[0].reason
    );
}

#[test]
fn phrases_drop_the_definite_article_and_refuse_indefinite_ones() {
    use super::super::taught_phrase as phrase;
    assert_eq!(phrase("The Mayor".split(' ')), Some("mayor".into()));
    assert_eq!(
        phrase("the health minister,".split(' ')),
        Some("health minister".into())
    );
    assert_eq!(phrase("police".split(' ')), Some("police".into()));
    assert_eq!(phrase("a spokeswoman".split(' ')), None);
    assert_eq!(phrase("his lawyer".split(' ')), None);
}
