//! Tests of the rules engine: each rule on short texts, the wire-news rules, and a property
//! test that any text gives sorted, non-overlapping suggestions.

use super::*;
use crate::model::Proposal;
use proptest::prelude::*;

fn rules() -> Rules {
    Rules::from_tsv(
        "# test list\nBarack\tm\t\nJane\tf\t\nMaria\tf\t\nTom\tm\t\nAngela\tf\t\n\
         Ludwig\tm\t\nMark\tm\tambiguous\nWill\tm\tambiguous\nMichelle\tf\t\n\
         Bill\tm\tambiguous\nLa\tu\tambiguous\nHillary\tf\t\nJohn\tm\t\nChris\tm\t\nJörg\tm\t\nChelsea\tf\t\n\
         bad line\n",
    )
}

/// (text, label, rule) of each suggestion.
fn found(text: &str) -> Vec<(String, String, String)> {
    found_with(text, &[])
}

fn found_with(text: &str, known: &[Known]) -> Vec<(String, String, String)> {
    let out = rules().suggest(text, known);
    check_output(text, &out);
    out.iter()
        .map(|s| {
            let (a, b) = s.range();
            let t: String = text.chars().skip(a).take(b - a).collect();
            (t, s.label().to_string(), s.rule.clone())
        })
        .collect()
}

fn has(found: &[(String, String, String)], text: &str, label: &str) -> bool {
    found.iter().any(|(t, l, _)| t == text && l == label)
}

fn texts(found: &[(String, String, String)]) -> Vec<&str> {
    found.iter().map(|f| f.0.as_str()).collect()
}

fn suggestion<'s>(out: &'s [Suggestion], text: &str, what: &str) -> &'s Suggestion {
    out.iter()
        .find(|s| {
            let (a, b) = s.range();
            text.chars().skip(a).take(b - a).collect::<String>() == what
        })
        .unwrap_or_else(|| panic!("no suggestion for {what:?} in {out:#?}"))
}

/// What every output must be: sorted, non-overlapping, inside the text, scored in 0..1.
fn check_output(text: &str, out: &[Suggestion]) {
    let n = text.chars().count();
    let mut last_end = 0;
    for s in out {
        let (a, b) = s.range();
        assert!(a < b && b <= n, "{s:?} outside the text");
        assert!(a >= last_end, "overlap or disorder at {s:?}");
        last_end = b;
        assert!((0.0..=1.0).contains(&s.score));
        assert_eq!(s.engine, "rules");
        assert!(!s.reason.is_empty() && !s.reason.contains('\n'));
    }
}

#[test]
fn first_names_load_from_tsv() {
    let r = rules();
    assert_eq!(r.first_name_count(), 16, "the bad line is skipped");
    assert_eq!(r.gender("Jane"), Some(Gender::Female));
    assert!(r.first_names.get("Mark").is_some_and(|f| f.ambiguous));
    assert!(r.first_names.get("Jane").is_some_and(|f| !f.ambiguous));
    // Written with accents, as news spells them.
    assert!(r.first_names.contains_key("Jáne"));
    assert!(!r.first_names.contains_key("Jäx"));
    // Common-word names are ambiguous even when the list does not say so.
    let r = Rules::new([("Hope".to_string(), Gender::Female)]);
    assert!(r.first_names.get("Hope").is_some_and(|f| f.ambiguous));
}

#[test]
fn connectors_join_names_and_edges_are_trimmed() {
    let f = found("On Monday the Bank of England raised rates, the Ministry of Defence said.");
    assert!(has(&f, "Bank of England", "ORG"), "{f:?}");
    assert!(has(&f, "Ministry of Defence", "ORG"), "{f:?}");
    assert!(
        !texts(&f)
            .iter()
            .any(|t| t.contains("Monday") || t.contains("On"))
    );
    let f = found("A concert of works by Ludwig van Beethoven was held in a barn.");
    assert!(has(&f, "Ludwig van Beethoven", "PERSON"), "{f:?}");
    let f = found("Doctors treated patients from the Food and Drug Administration yesterday.");
    assert!(has(&f, "Food and Drug Administration", "ORG"), "{f:?}");
    // "and" between two names is not one name.
    let f = found("Talks between Ruritania and the Grand Duchy Federation stalled.");
    assert!(!texts(&f).iter().any(|t| t.contains(" and ")), "{f:?}");
}

#[test]
fn titles_mark_the_person_after_them() {
    let text = "Officials met President Barack Obama and Prime Minister Jane Smith. \
                Later, Gen. Nkosi Dlamini arrived with union president Maria Ortiz, \
                and spokeswoman Priya Raman said the talks were useful.";
    let f = found(text);
    for name in [
        "Barack Obama",
        "Jane Smith",
        "Nkosi Dlamini",
        "Maria Ortiz",
        "Priya Raman",
    ] {
        assert!(has(&f, name, "PERSON"), "{name}: {f:?}");
    }
    assert!(
        !texts(&f)
            .iter()
            .any(|t| t.contains("President") || t.contains("Gen."))
    );
    let out = rules().suggest(text, &[]);
    let s = suggestion(&out, text, "Nkosi Dlamini");
    assert_eq!(s.rule, "title");
    assert!(s.reason.contains("“Gen.”"), "{}", s.reason);
    // A title in front of an organisation is not a person's.
    let f = found("Shares of General Motors rose as the Justice Department watched.");
    assert!(!f.iter().any(|(_, l, _)| l == "PERSON"), "{f:?}");
    assert!(has(&f, "Justice Department", "ORG"), "{f:?}");
}

#[test]
fn organisation_head_words() {
    let f = found(
        "He sold the shop to Acme Widgets Inc. and studied at the University of Toronto \
         before joining the Green Valley Party.",
    );
    assert!(has(&f, "Acme Widgets Inc.", "ORG"), "{f:?}");
    assert!(has(&f, "University of Toronto", "ORG"), "{f:?}");
    assert!(has(&f, "Green Valley Party", "ORG"), "{f:?}");
    // A place that ends like an organisation is left to the gazetteer.
    let f = found("Trade with the Russian Federation grew.");
    assert!(f.is_empty(), "{f:?}");
    // A diary's company, and an event whose first word is a first name.
    let f = found(
        "July 20 - Hindustan Digital Consultancy (Gurugram), first-quarter results\n\
         She went on to win the Chelsea Rally on Sunday.",
    );
    assert!(has(&f, "Hindustan Digital Consultancy", "ORG"), "{f:?}");
    assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
}

#[test]
fn acronyms_link_to_their_long_form() {
    let text = "Loans from the International Monetary Fund (IMF) grew. Critics say the \
                IMF moved slowly, and IMF staff agreed.";
    let out = rules().suggest(text, &[]);
    check_output(text, &out);
    let long = suggestion(&out, text, "International Monetary Fund");
    assert_eq!(long.label(), "ORG");
    let imfs: Vec<_> = out.iter().filter(|s| s.rule.contains("acronym")).collect();
    assert_eq!(imfs.len(), 4, "{out:#?}");
    for s in imfs {
        let Proposal::Span { new_entity, .. } = &s.proposal else {
            panic!()
        };
        assert_eq!(new_entity.as_deref(), Some("International Monetary Fund"));
    }
    // "…, or ACR," and an alias after "also known as".
    let text = "Fighters of the Northern Liberation Front, or NLF, also known as Tarsha, \
                attacked. The NLF denied it.";
    let f = found(text);
    assert!(has(&f, "Northern Liberation Front", "ORG"), "{f:?}");
    assert_eq!(f.iter().filter(|x| x.0 == "NLF").count(), 2, "{f:?}");
    assert!(has(&f, "Tarsha", "ORG"), "{f:?}");
    // Initials that do not spell the acronym are no definition.
    let f = found("He joined the Royal Navy (IMF) briefly.");
    assert!(!f.iter().any(|x| x.2 == "acronym"), "{f:?}");
}

#[test]
fn an_acronym_nobody_defines_spells_an_organisation_named_elsewhere() {
    // Before and after the long form, which is never followed by "(KPA)".
    let text = "Prints went to KPA on Monday. The Kessel Port Authority said KPA would show \
                them. The NLF was not there.";
    let out = rules().suggest(text, &[]);
    check_output(text, &out);
    let kpas: Vec<_> = out
        .iter()
        .filter(|s| s.rule == "acronym" && s.label() == "ORG")
        .collect();
    assert_eq!(kpas.len(), 2, "{out:#?}");
    assert!(kpas[0].reason.contains("Kessel Port Authority"), "{kpas:?}");
    // Letters that spell no organisation here, a line in capitals and a known span stay alone.
    let f = found("PORT DEAL FOR KPA\nThe NLF met the Kessel Port Authority.");
    assert!(!f.iter().any(|x| x.2 == "acronym"), "{f:?}");
    let known = [Known {
        start: 15,
        end: 18,
        label: "GPE".into(),
        entity: None,
    }];
    let f = found_with(
        "Prints went to KPA. The Kessel Port Authority agreed.",
        &known,
    );
    assert!(!f.iter().any(|x| x.0 == "KPA"), "{f:?}");
}

#[test]
fn a_company_is_known_by_what_the_story_says_it_is() {
    // A family's name at a sentence start, where "van" is also written in lower case.
    let text = "Van der Straaten, a Dutch dry bulk shipper, said it would wait. Piet van Dam, a \
                Dutch banker, agreed. Al-Karim, the Riyadh-listed chemicals maker, fell.";
    let f = found(text);
    assert!(has(&f, "Van der Straaten", "ORG"), "{f:?}");
    assert!(has(&f, "Al-Karim", "ORG"), "{f:?}");
    assert!(!has(&f, "Piet van Dam", "ORG"), "{f:?}");
    // Nouns that describe people too, and a name cut out of a longer one, are left alone.
    let f = found("Jan Kowalczyk, a coal miner, said so. Bank of Malabar, the Kochi lender, fell.");
    assert!(!f.iter().any(|x| x.1 == "ORG" && x.2 == "company"), "{f:?}");
}

#[test]
fn a_producer_after_its_industry_is_a_company() {
    let text = "About 6,500 miners at Polish coal producer Sielska Spolka Weglowa stopped work. \
                The veteran film producer Okafor and the writer and producer Akande watched.";
    let f = found(text);
    assert!(has(&f, "Sielska Spolka Weglowa", "ORG"), "{f:?}");
    assert!(!has(&f, "Sielska Spolka Weglowa", "PERSON"), "{f:?}");
    // By the role alone (no first name): people.
    assert!(has(&f, "Okafor", "PERSON"), "{f:?}");
    assert!(has(&f, "Akande", "PERSON"), "{f:?}");
}

#[test]
fn words_running_text_writes_in_lower_case_open_no_name() {
    // "net" and "revenue" are written capitalised about one time in ten or less: at a
    // sentence's start they are words, whatever follows ("profit" is a company's word).
    let f = found(
        "The miner said demand was weak.\nNet profit fell to $2 billion. Revenue \
                   dropped 18 percent.\nDomestic-oriented shares lagged.",
    );
    assert!(f.is_empty(), "{f:?}");
    // A first name that is also a word, and a club's first word, still open names.
    let f = found("1. Mark Okonjo (Kenya) 15:02.11\nReal Valdora beat Kessel 2-0.");
    assert!(has(&f, "Mark Okonjo", "PERSON"), "{f:?}");
    assert!(has(&f, "Real Valdora", "ORG"), "{f:?}");
}

#[test]
fn a_company_is_found_again_without_its_industries_or_motor() {
    let text = "Electronics maker Hoshikawa Industries jumped 14 percent. \"Hoshikawa gave people \
                a reason to buy,\" a trader said. Hoshikawa makes sensors.";
    let f = found(text);
    assert!(has(&f, "Hoshikawa Industries", "ORG"), "{f:?}");
    assert_eq!(
        f.iter()
            .filter(|x| x.0 == "Hoshikawa" && x.1 == "ORG")
            .count(),
        2,
        "{f:?}"
    );
}

#[test]
fn a_rival_in_sport_is_no_company() {
    let f = found(
        "ATHLETICS - KIPRONO WINS IN HAMBURG\nShe pulled away from Ethiopian rival Tigist \
         Girma over the last lap to win the 5,000 metres.",
    );
    assert!(!has(&f, "Tigist Girma", "ORG"), "{f:?}");
    let f = found("Shares fell after German rival Kestner bought the plant.");
    assert!(has(&f, "Kestner", "ORG"), "{f:?}");
}

#[test]
fn first_names_make_persons_but_common_words_need_more() {
    let f = found("The award went to Jane Okafor and Tom Brandt last year.");
    assert!(has(&f, "Jane Okafor", "PERSON"), "{f:?}");
    assert!(has(&f, "Tom Brandt", "PERSON"), "{f:?}");
    let f = found("Mark my words, it will rain.");
    assert!(f.is_empty(), "{f:?}");
    let f = found("Will Power won. The race will go on.");
    assert!(f.is_empty(), "{f:?}");
    // Mid-sentence, a capitalised "Will" is a name, with a lower score.
    let text = "The film starred Will Fontaine in the lead.";
    let out = rules().suggest(text, &[]);
    let s = suggestion(&out, text, "Will Fontaine");
    assert!(s.score < score::FIRST_NAME, "{s:?}");
}

#[test]
fn speech_verbs_type_their_subjects() {
    let f = found("The vote was close, Okonkwo said on Tuesday.");
    assert!(has(&f, "Okonkwo", "PERSON"), "{f:?}");
    let f = found("Funding will rise, the Pentagon said.");
    assert!(has(&f, "Pentagon", "ORG"), "{f:?}");
    let f = found("\"We are ready,\" said Ines Vaccaro.");
    assert!(has(&f, "Ines Vaccaro", "PERSON"), "{f:?}");
    // An article and one word name a company, whatever first names the article is.
    let f = found("Investors who hold La Pampeana shares met Mark Twain.");
    assert!(!has(&f, "La Pampeana", "PERSON"), "{f:?}");
    // An unknown word at a sentence start is no evidence, and a country is not a speaker.
    let f = found("Officials said the bridge was safe.");
    assert!(f.is_empty(), "{f:?}");
    let f = found("Talks failed, and North Ruritania said it would leave.");
    assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
}

#[test]
fn surnames_and_repeats_follow_the_full_name() {
    let text = "Chancellor Angela Merkel spoke first. Merkel said little. Later, \
                Angela Merkel left, and Merkel's aide stayed.";
    let out = rules().suggest(text, &[]);
    check_output(text, &out);
    let merkels: Vec<_> = out
        .iter()
        .filter(|s| {
            let (a, b) = s.range();
            text.chars()
                .skip(a)
                .take(b - a)
                .collect::<String>()
                .contains("Merkel")
        })
        .collect();
    assert_eq!(merkels.len(), 4, "{merkels:#?}");
    for s in &merkels {
        assert_eq!(s.label(), "PERSON");
    }
    let surname = out.iter().find(|s| s.rule.contains("partial")).unwrap();
    let Proposal::Span { new_entity, .. } = &surname.proposal else {
        panic!()
    };
    assert_eq!(new_entity.as_deref(), Some("Angela Merkel"));
}

#[test]
fn a_surname_with_particles_is_found_again_whole() {
    let text = "Maria dela Cruz scored 30 points. The coach praised dela Cruz after the \
                game. Later van der Merwe bowled, after Rassie van der Merwe had batted.";
    let f = found(text);
    assert!(has(&f, "dela Cruz", "PERSON"), "{f:?}");
    assert!(has(&f, "van der Merwe", "PERSON"), "{f:?}");
    // After a quote, where a sentence may start.
    let f = found("Coach Piet van Dam was pleased. \"We were lucky,\" van Dam told reporters.");
    assert!(has(&f, "van Dam", "PERSON"), "{f:?}");
    // "Van der Heijden" (a title before it) is all surname: "der Heijden" is not one, and the
    // surname is found again in lower case.
    let f = found("Coach Van der Heijden said so. The side relied on van der Heijden.");
    assert!(has(&f, "Van der Heijden", "PERSON"), "{f:?}");
    assert!(has(&f, "van der Heijden", "PERSON"), "{f:?}");
    assert!(!texts(&f).contains(&"der Heijden"), "{f:?}");
    // "Ben" opens "Ben van Beurden" as a first name: the surname is "van Beurden".
    let f = found("Chairman Ben van Beurden spoke. Later van Beurden left.");
    assert!(has(&f, "van Beurden", "PERSON"), "{f:?}");
    // "Ben" is a particle too, and a first name: "Ben Player" has the surname "Player".
    let text = "But Ben Player won the title. This month Player returns to Hawaii.";
    let known = Known {
        start: 4,
        end: 14,
        label: "PERSON".into(),
        entity: None,
    };
    let f = found_with(text, &[known]);
    assert!(has(&f, "Player", "PERSON"), "{f:?}");
}

#[test]
fn partial_matching_uses_known_names_and_their_entities() {
    let text = "Vladimir Putin arrived. Putin spoke first.";
    let known = [Known {
        start: 0,
        end: 14,
        label: "PERSON".into(),
        entity: Some(EntityId(7)),
    }];
    let out = rules().suggest(text, &known);
    check_output(text, &out);
    let putin = suggestion(&out, text, "Putin");
    let Proposal::Span { entity, .. } = &putin.proposal else {
        panic!()
    };
    assert_eq!(*entity, Some(EntityId(7)));
    // Nothing repeats the known span itself.
    assert!(out.iter().all(|s| s.range() != (0, 14)), "{out:#?}");
}

#[test]
fn a_surname_shared_by_two_people_is_left_alone() {
    let f = found(
        "Bill Clinton and Hillary Clinton arrived together. Later Clinton spoke to reporters.",
    );
    assert!(has(&f, "Bill Clinton", "PERSON") || has(&f, "Hillary Clinton", "PERSON"));
    assert!(!f.iter().any(|x| x.0 == "Clinton"), "{f:?}");
}

#[test]
fn sentence_initial_words_need_evidence() {
    // "However", "The", weekdays and months are never names.
    let f = found(
        "However, the plan failed. The Plan was new. On Tuesday it rained. In March it snowed.",
    );
    assert!(f.is_empty(), "{f:?}");
    // "Growth" is written in lower case elsewhere, so it is not a name at a sentence start.
    let f = found("Growth Partners said it would wait. Economic growth slowed.");
    assert!(!f.iter().any(|x| x.0.starts_with("Growth")), "{f:?}");
    // "Okafor" is capitalised mid-sentence elsewhere, so the sentence start is a name too.
    let f = found("Coach Ada Okafor smiled. Okafor said the team was ready.");
    assert!(has(&f, "Okafor", "PERSON"), "{f:?}");
}

#[test]
fn title_case_headlines_are_not_evidence() {
    let f = found("Minister Resigns Over Budget Row\nThe minister resigned on Friday.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn place_cues_give_gpe() {
    let text = "A London-based charity sent aid to the city of Aleppo, near Ruritania's capital.";
    let f = found(text);
    assert!(has(&f, "London", "GPE"), "{f:?}");
    assert!(has(&f, "Aleppo", "GPE"), "{f:?}");
    assert!(has(&f, "Ruritania", "GPE"), "{f:?}");
}

#[test]
fn east_asian_names_and_their_family_name() {
    let f = found("Voters backed Moon Jae-in over rivals. Moon thanked them.");
    assert!(has(&f, "Moon Jae-in", "PERSON"), "{f:?}");
    assert!(has(&f, "Moon", "PERSON"), "{f:?}");
    let f = found("A Tokyo-based firm hired staff.");
    assert!(!f.iter().any(|x| x.1 == "PERSON"), "{f:?}");
}

#[test]
fn known_ranges_are_not_repeated_but_other_labels_are_evidence() {
    let text = "Talks at the Bank of Ruritania resumed.";
    let known = [Known {
        start: 13,
        end: 30,
        label: "ORG".into(),
        entity: None,
    }];
    let out = rules().suggest(text, &known);
    assert!(out.is_empty(), "{out:#?}");
    // "Georgia" is a first name, but another engine says it is a place here.
    let text = "Troops left Georgia Tbilisova yesterday.";
    let known = [Known {
        start: 12,
        end: 19,
        label: "GPE".into(),
        entity: None,
    }];
    let out = rules().suggest(text, &known);
    assert!(out.iter().all(|s| s.label() != "PERSON"), "{out:#?}");
}

#[test]
fn accented_names_curly_apostrophes_and_crlf() {
    let text =
        "Ségolène Royal’s adviser, Jörg Müller, said so.\r\nPresident José Ramos-Horta agreed.";
    let out = rules().suggest(text, &[]);
    check_output(text, &out);
    let f = found(text);
    assert!(has(&f, "Jörg Müller", "PERSON"), "{f:?}");
    assert!(has(&f, "José Ramos-Horta", "PERSON"), "{f:?}");
}

#[test]
fn empty_and_odd_texts() {
    assert!(rules().suggest("", &[]).is_empty());
    assert!(rules().suggest("   \n\n", &[]).is_empty());
    // Cues with nothing around them.
    assert!(found("( IMF ) , or IS , also known as").is_empty());
    assert!(found("President").is_empty());
}

proptest! {
    #[test]
    fn any_text_gives_sorted_non_overlapping_suggestions(
        words in proptest::collection::vec(
            prop_oneof![
                Just("President"), Just("Jane"), Just("Smith"), Just("of"), Just("the"),
                Just("Bank"), Just("said"), Just("("), Just("IMF"), Just(")"), Just("’s"),
                Just("."), Just(","), Just("and"), Just("Ministry"), Just("known"),
                Just("as"), Just("also"), Just("or"), Just("al-Assad"), Just("\n"),
                Just("Moon"), Just("Jae-in"), Just("London-based"), Just("capital"),
                Just("city"), Just("The"), Just("Mr."), Just("U.S."), Just("van"),
                Just("“"), Just("”"), Just("Zoë"), Just("😀"), Just("at"), Just("University"),
                Just("rose"), Just("3.2"), Just("percent"), Just("12th"), Just("beat"),
                Just("2-1"), Just("Chelsea"), Just("2"), Just("1."), Just(":"), Just("+"),
                Just("a"), Just("AUT"), Just("Real"), Just("Raiders"), Just("-"), Just("SOCCER"),
                Just("yen"), Just("Nikkei"), Just("BOSTON"), Just("12th"),
                // the cues of people, places and employers by what surrounds them
                Just("chairman"), Just("its"), Just("45"), Just("who"), Just("mayor"),
                Just("village"), Just("Shares"), Just("in"), Just("partner"), Just("anak"),
                Just("Marc-André"), Just("v"), Just("SKIING-NORWAY"),
            ],
            0..60,
        ),
        known_at in proptest::collection::vec((0usize..400, 1usize..20), 0..4),
    ) {
        let text = words.join(" ");
        let n = text.chars().count();
        let known: Vec<Known> = known_at
            .into_iter()
            .filter(|(s, l)| s + l <= n)
            .map(|(s, l)| Known { start: s, end: s + l, label: "PERSON".into(), entity: None })
            .collect();
        let out = rules().suggest(&text, &known);
        check_output(&text, &out);
    }
}

mod moves;
mod persons;
mod wire;

#[test]
fn a_body_of_something_takes_a_second_field_along() {
    let f = found(
        "Officials at the Ministry of Drought Management and Relief said the Economic and \
         Financial Crimes Court would sit. The Bank of Ruritania and Elbonia agreed.",
    );
    assert!(
        has(&f, "Ministry of Drought Management and Relief", "ORG"),
        "{f:?}"
    );
    assert!(
        has(&f, "Economic and Financial Crimes Court", "ORG"),
        "{f:?}"
    );
    assert!(
        !texts(&f)
            .iter()
            .any(|t| t.contains("Elbonia") && t.contains("Bank")),
        "{f:?}"
    );
}
