//! Tests of the quotes engine, on sentences written for them.

use std::sync::OnceLock;

use proptest::prelude::*;

use super::{CUES, KnownMention, Quotes};
use crate::matcher::engines::FIRST_NAMES;
use crate::model::{EntityId, Mention as MentionKind, Proposal, QuoteKind, Suggestion};

/// The engine with the bundled cues and first names, built once for all the quotes tests (these
/// and those of `roles` and `sources`).
pub(super) fn engine() -> &'static Quotes {
    static ENGINE: OnceLock<Quotes> = OnceLock::new();
    ENGINE.get_or_init(|| Quotes::new(CUES, FIRST_NAMES))
}

/// A suggestion read back as text.
#[derive(Debug)]
pub(super) struct Q {
    pub(super) content: Vec<String>,
    pub(super) kind: QuoteKind,
    pub(super) cue: Option<String>,
    pub(super) speaker: Option<String>,
    pub(super) mention: MentionKind,
    pub(super) label: Option<String>,
    pub(super) name: Option<String>,
    pub(super) entity: Option<EntityId>,
    pub(super) rule: String,
    pub(super) reason: String,
    pub(super) score: f32,
}

/// The characters `a..b` of `text`.
pub(super) fn chars(text: &str, (a, b): (usize, usize)) -> String {
    text.chars().skip(a).take(b - a).collect()
}

/// `s`, a quote suggestion on `text`, read back as text.
pub(super) fn read(text: &str, s: &Suggestion) -> Q {
    let Proposal::Quote {
        content,
        cue,
        speaker,
        speaker_label,
        speaker_mention,
        speaker_entity,
        speaker_new_entity,
        kind,
    } = &s.proposal
    else {
        panic!("not a quote: {s:?}");
    };
    Q {
        content: content.iter().map(|&r| chars(text, r)).collect(),
        kind: *kind,
        cue: cue.map(|r| chars(text, r)),
        speaker: speaker.map(|r| chars(text, r)),
        mention: *speaker_mention,
        label: speaker_label.clone(),
        name: speaker_new_entity.clone(),
        entity: *speaker_entity,
        rule: s.rule.clone(),
        reason: s.reason.clone(),
        score: s.score,
    }
}

fn quotes_with(text: &str, mentions: &[KnownMention]) -> Vec<Q> {
    let found = engine().suggest(text, mentions);
    for s in &found {
        assert_eq!(s.engine, "quotes");
        assert!(
            !s.reason.is_empty() && !s.reason.contains('\n'),
            "{}",
            s.reason
        );
    }
    found.iter().map(|s| read(text, s)).collect()
}

fn quotes(text: &str) -> Vec<Q> {
    quotes_with(text, &[])
}

/// A known mention of the first occurrence of `needle`.
fn mention(text: &str, needle: &str, label: &str) -> KnownMention {
    mention_nth(text, needle, 0, label)
}

/// A known mention of the `nth` occurrence (from 0) of `needle`.
fn mention_nth(text: &str, needle: &str, nth: usize, label: &str) -> KnownMention {
    let (byte, _) = text.match_indices(needle).nth(nth).expect("needle in text");
    let start = text[..byte].chars().count();
    KnownMention {
        start,
        end: start + needle.chars().count(),
        label: label.into(),
        entity: None,
        name: None,
    }
}

fn only(text: &str) -> Q {
    let mut qs = quotes(text);
    assert_eq!(qs.len(), 1, "{text}: {qs:#?}");
    qs.remove(0)
}

// ------------------------------------------------------------------------------ marks

#[test]
fn curly_quote_then_speaker_and_cue() {
    let q = only("“We will rebuild the bridge,” the mayor said on Friday.");
    assert_eq!(q.content, ["We will rebuild the bridge,"]);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.speaker.as_deref(), Some("the mayor"));
    assert_eq!(q.mention, MentionKind::Nominal);
    assert_eq!(q.label.as_deref(), Some("PERSON"));
    assert_eq!(q.rule, "direct-after");
    assert!(q.score >= 0.85);
}

#[test]
fn straight_quotes_opened_and_closed_by_context() {
    let q = only("Greta Holm said: \"The talks went well.\" Then she left the room.");
    assert_eq!(q.content, ["The talks went well."]);
    assert_eq!(q.speaker.as_deref(), Some("Greta Holm"));
    assert_eq!(q.rule, "direct-before");
    // Spaced on both sides, as in tokenised text: the state decides.
    let q = only("\" I am not going back , \" said the driver .");
    assert_eq!(q.content, ["I am not going back ,"]);
    assert_eq!(q.speaker.as_deref(), Some("the driver"));
}

#[test]
fn guillemets_and_low_marks() {
    let q = only("The minister told reporters: «We will not give in to pressure.»");
    assert_eq!(q.content, ["We will not give in to pressure."]);
    assert_eq!(q.speaker.as_deref(), Some("The minister"));
    let q = only("„Nobody expected this result,“ the coach said.");
    assert_eq!(q.content, ["Nobody expected this result,"]);
}

#[test]
fn nested_single_quotes_belong_to_their_double_quote() {
    let q = only("“She told me ‘never again’ and walked out,” Jane Doe said.");
    assert_eq!(q.content, ["She told me ‘never again’ and walked out,"]);
    assert_eq!(q.speaker.as_deref(), Some("Jane Doe"));
    // British style: single outside, double inside.
    let q = only("‘The sign said “closed” all week,’ said Tom Reeve.");
    assert_eq!(q.content, ["The sign said “closed” all week,"]);
    assert_eq!(q.speaker.as_deref(), Some("Tom Reeve"));
}

#[test]
fn apostrophes_are_not_quotes() {
    assert!(quotes("It’s the workers’ choice, and they’re ready for the ’90s revival.").is_empty());
    assert!(quotes("Tom O'Neil's dog and the Smiths' cat don't get along, y'know.").is_empty());
    let q = only("‘We’re done,’ said Pat O’Brien, who’d had enough.");
    assert_eq!(q.content, ["We’re done,"]);
    assert_eq!(q.speaker.as_deref(), Some("Pat O’Brien"));
}

#[test]
fn a_quotation_over_paragraphs_is_one_quote() {
    let text = "“We came here with nothing,” said Ana Lima. “We built the shop from scratch.\n\
                “Now the rent has doubled and the landlord will not talk to us.”\n\
                The council meets on Monday.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[1].content.len(), 2);
    assert_eq!(qs[1].content[0], "We built the shop from scratch.");
    assert_eq!(
        qs[1].content[1],
        "Now the rent has doubled and the landlord will not talk to us."
    );
    assert_eq!(qs[1].speaker.as_deref(), Some("Ana Lima"));
}

#[test]
fn a_closing_mark_the_wrong_way_round_still_closes() {
    let q = only("“The vote was fair and open“, the observer said.");
    assert_eq!(q.content, ["The vote was fair and open"]);
    assert_eq!(q.speaker.as_deref(), Some("the observer"));
    assert_eq!(q.rule, "direct-after");
}

#[test]
fn scare_quotes_and_titles_are_not_quotations() {
    assert!(quotes("The so-called “peace dividend” never came to the valley.").is_empty());
    assert!(quotes("She reviewed “The Silent Harbour Years” for the weekend paper.").is_empty());
    assert!(quotes("Critics called the scheme \"a bridge to nowhere\" in the spring.").is_empty());
}

#[test]
fn an_unclosed_quote_is_suggested_with_a_low_score() {
    let q = only("“We never got an answer from the company about the pay.\nThe strike continues.");
    assert_eq!(
        q.content,
        ["We never got an answer from the company about the pay."]
    );
    assert!(q.score < 0.4, "{q:?}");
}

#[test]
fn split_quote_is_one_quote_with_two_ranges() {
    let q = only("“We lost tonight,” she said, “but we will be back next season.”");
    assert_eq!(
        q.content,
        ["We lost tonight,", "but we will be back next season."]
    );
    assert_eq!(q.speaker.as_deref(), Some("she"));
}

#[test]
fn short_quote_right_after_a_cue_is_a_quotation() {
    let text = "Strand says ‘talks can succeed’ after summit";
    let q = quotes_with(text, &[mention(text, "Strand", "PERSON")]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].content, ["talks can succeed"]);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(q[0].speaker.as_deref(), Some("Strand"));
}

// ------------------------------------------------------------------------------ reported

#[test]
fn reported_speech_with_and_without_that() {
    let q = only("Carla Ruiz said the harbour would reopen in the spring.");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.content, ["the harbour would reopen in the spring"]);
    assert_eq!(q.speaker.as_deref(), Some("Carla Ruiz"));
    assert_eq!(q.rule, "reported-clause");
    let q = only("The ministry warned on Monday that fuel prices could double.");
    assert_eq!(q.content, ["fuel prices could double"]);
    assert_eq!(q.speaker.as_deref(), Some("The ministry"));
    assert_eq!(q.label.as_deref(), Some("ORG"));
    assert_eq!(q.rule, "reported-that");
    // A verb that needs "that" reports nothing without it; an infinitive reports nothing.
    assert!(quotes("The ministry warned of a shortage in the north.").is_empty());
    assert!(quotes("Leaders were pushed to admit that the plan had failed.").is_empty());
}

#[test]
fn told_with_an_addressee_and_said_in_a_statement() {
    let q = only("Omar Haddad told reporters that the deal was close.");
    assert_eq!(q.content, ["the deal was close"]);
    assert_eq!(q.speaker.as_deref(), Some("Omar Haddad"));
    let q = only("The agency said in a statement that the border would stay closed.");
    assert_eq!(q.cue.as_deref(), Some("said in a statement"));
    assert_eq!(q.content, ["the border would stay closed"]);
}

#[test]
fn a_second_cue_starts_a_second_quote_with_the_same_speaker() {
    let qs =
        quotes("Lena Park warned that prices would rise, and stressed that wages must follow.");
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].content, ["prices would rise"]);
    assert_eq!(qs[1].content, ["wages must follow"]);
    assert_eq!(qs[1].speaker.as_deref(), Some("Lena Park"));
    assert_eq!(qs[1].cue.as_deref(), Some("stressed"));
    // A new predicate ends the reported clause.
    let q = only("Lena Park said there was no other way, and called for calm.");
    assert_eq!(q.content, ["there was no other way"]);
}

#[test]
fn inverted_and_parenthetical_reported_speech() {
    let q = only("The economy will recover next year, the minister said.");
    assert_eq!(q.content, ["The economy will recover next year"]);
    assert_eq!(q.speaker.as_deref(), Some("the minister"));
    assert_eq!(q.rule, "reported-inverted");
    let q = only("Turnout was higher than expected, said Ivo Marsh, a pollster.");
    assert_eq!(q.content, ["Turnout was higher than expected"]);
    assert_eq!(q.speaker.as_deref(), Some("Ivo Marsh"));
    let q = only("The new rules, the regulator said, will apply from March.");
    assert_eq!(q.content, ["The new rules", "will apply from March"]);
    assert_eq!(q.rule, "reported-parenthetical");
}

#[test]
fn according_to_before_and_after() {
    let q = only("According to the mayor, the bridge will reopen in May.");
    assert_eq!(q.content, ["the bridge will reopen in May"]);
    assert_eq!(q.speaker.as_deref(), Some("the mayor"));
    assert_eq!(q.cue.as_deref(), Some("According to"));
    let q = only("The bridge will reopen in May, according to city officials.");
    assert_eq!(q.content, ["The bridge will reopen in May"]);
    assert_eq!(q.speaker.as_deref(), Some("city officials"));
    assert_eq!(q.rule, "according-to");
}

#[test]
fn reported_speech_holding_a_quotation_is_mixed() {
    let q = only("Nadia Bell said the talks were “constructive and useful” but far from over.");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(
        q.content,
        ["the talks were “constructive and useful” but far from over"]
    );
    // "said that" and then only the quotation: that is direct speech.
    let q = only("Nadia Bell said that “we will not be moved.”");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.content, ["we will not be moved."]);
}

#[test]
fn belief_verbs_score_lower_than_speech() {
    let belief = only("Carla Ruiz believes the plan will fail within a year.");
    let speech = only("Carla Ruiz says the plan will fail within a year.");
    assert_eq!(belief.kind, QuoteKind::Indirect);
    assert!(belief.score < speech.score);
    assert!(belief.score < 0.6);
}

#[test]
fn i_and_we_outside_quotes_are_not_speakers() {
    assert!(quotes("We think the council made a mistake with the budget.").is_empty());
    assert!(quotes("I believe the market will turn by the autumn.").is_empty());
    let q = only("“I was there when it happened,” I said.");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker, None);
}

// ------------------------------------------------------------------------------ speakers

#[test]
fn pronouns_resolve_by_gender() {
    let text = "Mary Okafor runs the clinic. Her colleague, Mr. Brandt, manages its budget.\n\
                “We need more nurses,” she said.\n\
                “The budget is tight,” he said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("she"));
    assert_eq!(qs[0].mention, MentionKind::Pronoun);
    assert_eq!(qs[0].name.as_deref(), Some("Mary Okafor"));
    assert_eq!(qs[1].speaker.as_deref(), Some("he"));
    assert_eq!(qs[1].name.as_deref(), Some("Mr. Brandt"));
}

#[test]
fn he_and_she_never_resolve_to_organisations_or_places() {
    let text = "Paul Amado met officials from Acme Corp. in Lyon. Acme Corp. later announced \
                job cuts in Lyon.\n“This is a sad day for the town,” he said.";
    let mut mentions = vec![
        mention(text, "Paul Amado", "PERSON"),
        mention_nth(text, "Acme Corp.", 0, "ORG"),
        mention_nth(text, "Lyon", 0, "GPE"),
        mention_nth(text, "Acme Corp.", 1, "ORG"),
        mention_nth(text, "Lyon", 1, "GPE"),
    ];
    mentions.sort_by_key(|m| m.start);
    let qs = quotes_with(text, &mentions);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].name.as_deref(), Some("Paul Amado"));
    assert_eq!(qs[0].label.as_deref(), Some("PERSON"));
}

#[test]
fn pronouns_prefer_people_already_quoted_and_subjects_over_possessives() {
    let text = "Rita Vance said the plan was sound. Later, Hugo Brandt’s office sent figures to \
                Rita Vance’s team.\n“I stand by every number,” she said.";
    let qs = quotes(text);
    let last = qs.last().expect("a quote");
    assert_eq!(last.name.as_deref(), Some("Rita Vance"));
}

#[test]
fn apposition_descriptor_and_nominal_speakers() {
    let q = only("“Prices will keep rising,” Dana Whitfield, a senior economist at Norbank, said.");
    assert_eq!(q.speaker.as_deref(), Some("Dana Whitfield"));
    assert_eq!(q.mention, MentionKind::Name);
    let q = only("“We will not accept this offer,” union president Jane Doe said.");
    assert_eq!(q.speaker.as_deref(), Some("Jane Doe"));
    let q = only("“The road will reopen tomorrow,” a spokeswoman for the ministry said.");
    assert_eq!(q.speaker.as_deref(), Some("a spokeswoman"));
    assert_eq!(q.mention, MentionKind::Nominal);
    let q = only("Police said the suspect fled on foot towards the station.");
    assert_eq!(q.speaker.as_deref(), Some("Police"));
    assert_eq!(q.label.as_deref(), Some("ORG"));
    let q = only("“Nobody was hurt,” said the fire chief.");
    assert_eq!(q.speaker.as_deref(), Some("the fire chief"));
}

#[test]
fn a_name_in_apposition_a_participle_and_a_coordinated_verb() {
    let q = only("The company, Northfield Mining, announced that the pit would close.");
    assert_eq!(q.speaker.as_deref(), Some("Northfield Mining"));
    assert_eq!(q.label.as_deref(), Some("ORG"));
    let q = only("Grant Ellis, asked whether the firm would reconsider, said it would not.");
    assert_eq!(q.speaker.as_deref(), Some("Grant Ellis"));
    assert_eq!(q.content, ["it would not"]);
    let q = only("Mayor Ellen Brook praised the vote and said building would start in May.");
    assert_eq!(q.speaker.as_deref(), Some("Ellen Brook"));
    assert_eq!(q.content, ["building would start in May"]);
    // "said the company had offered": a clause follows, so no inverted attribution.
    let q = only("Its chief executive, Paul Grant, said the company had offered good terms.");
    assert_eq!(q.speaker.as_deref(), Some("Paul Grant"));
}

#[test]
fn a_quote_after_a_colon_belongs_to_the_clauses_subject() {
    let text = "“We are ready,” said Rosa Vidal.
                Her neighbour, retired fisherman Joe Kane, was less hopeful:                 “They have been promising this for twenty years.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[1].rule, "direct-colon");
    assert_eq!(qs[1].speaker.as_deref(), Some("Joe Kane"));
}

#[test]
fn a_conversation_alternates_between_its_two_speakers() {
    let text = "“Where were you last night?” asked Helen Ward.
                “At the station, waiting for the train,” replied Simon Ash.
                “All night long?”
                “Until the last train had gone.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 4, "{qs:#?}");
    assert_eq!(qs[2].rule, "direct-conversation");
    assert_eq!(qs[2].name.as_deref(), Some("Helen Ward"));
    assert_eq!(qs[3].name.as_deref(), Some("Simon Ash"));
}

#[test]
fn a_floating_quote_takes_the_previous_speaker() {
    let text = "“We are ready for the final,” Ruth Adeyemi said on Tuesday.\n\
                “The team has trained for months and nobody is injured.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[1].rule, "direct-floating");
    assert_eq!(qs[1].speaker.as_deref(), Some("Ruth Adeyemi"));
    assert!(qs[1].score < qs[0].score);
    // Not across an unrelated paragraph.
    let text = "“We are ready for the final,” Ruth Adeyemi said on Tuesday.\n\
                The stadium holds forty thousand people.\nTickets sold out within an hour.\n\
                “The team has trained for months and nobody is injured.”";
    let qs = quotes(text);
    assert_eq!(qs[1].speaker, None);
}

#[test]
fn a_surname_maps_to_the_full_name() {
    let text = "Prime Minister Helen Strand arrived in Oslo on Sunday.\n\
                Strand said the talks had been useful.";
    let q = only(text);
    assert_eq!(q.speaker.as_deref(), Some("Strand"));
    assert_eq!(q.name.as_deref(), Some("Helen Strand"));
    // With the entity engines' mentions, the entity of the full name is used.
    let mut full = mention(text, "Helen Strand", "PERSON");
    full.entity = Some(EntityId(7));
    let mentions = [full, mention_nth(text, "Strand", 1, "PERSON")];
    let qs = quotes_with(text, &mentions);
    assert_eq!(qs[0].entity, Some(EntityId(7)));
    assert_eq!(qs[0].name, None);
}

#[test]
fn a_known_mentions_canonical_name_is_used() {
    let text = "“We have a deal,” Merkel said.";
    let mut m = mention(text, "Merkel", "PERSON");
    m.name = Some("Angela Merkel".into());
    let qs = quotes_with(text, &[m]);
    assert_eq!(qs[0].name.as_deref(), Some("Angela Merkel"));
}

#[test]
fn fiction_conventions_tokenised_text() {
    let text = "“ Do you not want to know who has taken it ? ”\ncried his wife impatiently .\n\
                “ You want to tell me , and I have no objection to hearing it . ”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("his wife"));
    assert_eq!(
        qs[0].content,
        ["Do you not want to know who has taken it ?"]
    );
}

// ------------------------------------------------------------------------------ output

#[test]
fn offsets_are_code_points() {
    let text = "Zoë 👍🏽 Müller said: “Ça va très bien, merci.” Then Zoë left.";
    let q = only(text);
    assert_eq!(q.content, ["Ça va très bien, merci."]);
    assert_eq!(q.speaker.as_deref(), Some("Müller"));
}

#[test]
fn crlf_line_ends_are_paragraph_breaks() {
    let text = "“We are ready for the final,” Ruth Adeyemi said.\r\n\r\n\
                “The team has trained for months and nobody is injured.”\r\n";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(
        qs[1].content,
        ["The team has trained for months and nobody is injured."]
    );
    assert_eq!(qs[1].speaker.as_deref(), Some("Ruth Adeyemi"));
    assert!(quotes("").is_empty());
    assert!(quotes("“”\n\"\"\n‘’").is_empty());
}

#[test]
fn the_bundled_lexicon_parses_and_bad_lines_are_reported() {
    assert!(engine().problems().is_empty(), "{:?}", engine().problems());
    assert!(engine().cue_count() > 200);
    let q = Quotes::new(
        "say\tspeech\tsaid\tclause\nshout\tloud\tshouted\tdirect\nbad line\n",
        "",
    );
    assert_eq!(q.problems().len(), 2);
    assert_eq!(q.cue_count(), 1);
    // An empty engine suggests only unattributed quotations, and never panics.
    let q = Quotes::new("", "");
    assert!(
        q.suggest("“Hello there, everyone in the hall,” she said.", &[])
            .len()
            <= 1
    );
}

const PIECES: &[&str] = &[
    "“We will win,” ",
    "she said. ",
    "Obama said ",
    "that the deal ",
    "was close",
    ", and added that ",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "\n",
    "According to police, ",
    "the minister said.",
    ", said Smith.",
    "Mr. Brandt ",
    "they ",
    "it’s ",
    "«",
    "»",
    " — ",
    "Zoë 👍 ",
    "\r\n",
    ": ",
    "he said, ",
    "’s ",
    "„",
    "“",
    "the workers' union ",
    "I think ",
];

proptest! {
    #[test]
    fn suggestions_never_overlap_and_stay_in_the_text(
        parts in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        let n = text.chars().count();
        let found = engine().suggest(&text, &[]);
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut firsts = Vec::new();
        for s in &found {
            let Proposal::Quote { content, cue, speaker, .. } = &s.proposal else {
                panic!("not a quote");
            };
            prop_assert!(!content.is_empty());
            firsts.push(content[0].0);
            for &(a, b) in content {
                prop_assert!(a < b && b <= n);
                ranges.push((a, b));
            }
            for &(a, b) in cue.iter().chain(speaker) {
                prop_assert!(a < b && b <= n);
            }
            prop_assert!((0.0..=1.0).contains(&s.score));
        }
        let mut sorted = firsts.clone();
        sorted.sort_unstable();
        prop_assert_eq!(firsts, sorted);
        ranges.sort_unstable();
        for w in ranges.windows(2) {
            prop_assert!(w[0].1 <= w[1].0, "overlap {:?}", w);
        }
    }
}
