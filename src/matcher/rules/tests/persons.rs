//! Tests of people the rules know by what is around their name rather than by a first name:
//! an age set off by commas, a role next to the name, "who" after it; and of the bundled
//! first-name lists.

use super::*;
use crate::matcher::engines::FIRST_NAMES;

fn rule_of<'f>(found: &'f [(String, String, String)], text: &str) -> Option<&'f str> {
    found
        .iter()
        .find(|(t, l, _)| t == text && l == "PERSON")
        .map(|(_, _, r)| r.as_str())
}

#[test]
fn an_age_between_commas_makes_a_person() {
    let f = found("Taken to hospital was Hüseyin Çakır, 39, who was trapped for six hours.");
    assert_eq!(rule_of(&f, "Hüseyin Çakır"), Some("age"), "{f:?}");
    // A single word needs no doubt about its capital.
    let f = found("Police arrested Okonkwo, 52, on Friday.");
    assert_eq!(rule_of(&f, "Okonkwo"), Some("age"), "{f:?}");
    // A common noun or a word before a first name opening the sentence stays out.
    let f = found("The court ruled. Villager Jane Sinta, 34, said she would replant.");
    assert!(has(&f, "Jane Sinta", "PERSON"), "{f:?}");
    assert!(!texts(&f).contains(&"Villager Jane Sinta"), "{f:?}");
}

#[test]
fn an_age_needs_running_text_and_the_whole_name() {
    // A row of figures: a capitalised word after the number.
    let f = found("Points: Kalisz, 45, Radom, 44, Opole, 41.");
    assert!(!f.iter().any(|(_, l, _)| l == "PERSON"), "{f:?}");
    // The name goes on to the left of a lower-case word: not its last part alone.
    let f = found("\"We waited,\" said Lambung anak Jimbun, 67, the customary head.");
    assert_ne!(rule_of(&f, "Jimbun"), Some("age"), "{f:?}");
    // Not a year, a score or a decimal.
    let f = found("Revenue at Okonkwo, 2024, was flat. Orzel, 4.5, rose.");
    assert!(!f.iter().any(|(_, _, r)| r == "age"), "{f:?}");
}

#[test]
fn a_role_set_off_by_commas_makes_a_person() {
    for (text, name) in [
        (
            "The chairman, Sergey Volkov, said the deal was off.",
            "Sergey Volkov",
        ),
        (
            "Its founder, Sergey Volkov, met him on Monday.",
            "Sergey Volkov",
        ),
        (
            "Sergey Volkov, the firm's chairman, said the deal was off.",
            "Sergey Volkov",
        ),
        (
            "Dorin Rusu, a spokesman for the ministry, declined to comment.",
            "Dorin Rusu",
        ),
        (
            "The bill was opposed by Sergey Volkov, who chairs the committee.",
            "Sergey Volkov",
        ),
    ] {
        let f = found(text);
        assert!(has(&f, name, "PERSON"), "{text}: {f:?}");
    }
}

#[test]
fn a_role_near_a_place_or_a_team_makes_no_person() {
    // A place after a preposition; a role saying something ("the coach said").
    let f = found("In Opolskie Wola, the mayor said the plan was dead.");
    assert!(!f.iter().any(|(_, l, _)| l == "PERSON"), "{f:?}");
    let f = found("Last week Kalisz Zachod, the coach said, lost heart.");
    assert!(!f.iter().any(|(_, l, _)| l == "PERSON"), "{f:?}");
    // "who" is the partner, not the fund.
    let f = found("said Tan, managing partner at Lion Rock Ventures, who joins the board.");
    assert!(!has(&f, "Lion Rock Ventures", "PERSON"), "{f:?}");
    // In sport, a team takes "who" too.
    let f = found("Kalisz Zachod, who beat Radom 3-1 in the league, host Opole next.");
    assert!(!has(&f, "Kalisz Zachod", "PERSON"), "{f:?}");
}

#[test]
fn the_bundled_first_names_cover_international_news() {
    let rules = Rules::from_tsv(FIRST_NAMES);
    for (name, gender) in [
        ("Sergey", Gender::Male),
        ("Hüseyin", Gender::Male),
        ("João", Gender::Male),
        ("Olusegun", Gender::Male),
        ("Małgorzata", Gender::Female),
        ("Agus", Gender::Male),
        ("Jennifer", Gender::Female), // still the US list
    ] {
        assert_eq!(rules.gender(name), Some(gender), "{name}");
    }
    let f = rules.suggest("The firm was founded by Tadeusz Wrona in 1998.", &[]);
    assert!(f.iter().any(|s| s.label() == "PERSON"), "{f:?}");
}

#[test]
fn the_world_list_is_sorted_flagged_and_new() {
    let us = include_str!("../../../../assets/names/first_names.tsv");
    // FIRST_NAMES concatenates the two files: the first must end its last line.
    assert!(us.ends_with('\n'));
    let world = include_str!("../../../../assets/names/first_names_world.tsv");
    let names = |tsv: &'static str| {
        tsv.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    let us: std::collections::HashSet<&str> = names(us).iter().map(|c| c[0]).collect();
    let world = names(world);
    assert!(world.len() > 2000, "{}", world.len());
    let places: std::collections::HashSet<String> = crate::matcher::engines::BUNDLED
        .iter()
        .flat_map(|b| b.contents.lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(str::to_lowercase)
        .collect();
    let mut last = "";
    for cols in &world {
        let [name, gender, flags] = cols[..] else {
            panic!("{cols:?}: three columns");
        };
        assert!(name > last, "sorted and unique: {last} then {name}");
        last = name;
        assert!(matches!(gender, "m" | "f" | "u"), "{cols:?}");
        assert!(!us.contains(name), "{name} is in the US list already");
        assert!(name.chars().count() >= 3, "{name}");
        if places.contains(&name.to_lowercase()) {
            assert_eq!(flags, "ambiguous", "{name} is in a bundled list: flag it");
        }
    }
}

#[test]
fn a_hyphenated_first_name_is_one_when_both_parts_are() {
    let rules = Rules::from_tsv("# test\nJean\tm\t\nMarie\tf\t\nAnne\tf\t\n");
    let f = rules.suggest("The award went to Jean-Marie Kabongo last year.", &[]);
    assert!(
        f.iter()
            .any(|s| s.label() == "PERSON" && s.rule == "first-name"),
        "{f:?}"
    );
    // A hyphenated surname with one first name in it is not.
    assert_eq!(rules.gender("Anne-Kabongo"), None);
    assert_eq!(rules.gender("Anne-Marie"), Some(Gender::Female));
}

#[test]
fn a_player_in_a_fixture_is_no_club() {
    let text = "Tom Rakhimov won again. Pairings: Minh Khoa (Vietnam) v Rakhimov (Uzbekistan).";
    let f = found(text);
    assert!(!has(&f, "Rakhimov", "ORG"), "{f:?}");
}

#[test]
fn the_new_cues_stay_in_their_place() {
    for (text, wrong, label) in [
        ("Former governor Jerry Brown said it.", "Former", "GPE"),
        ("Deputy mayor Ana Cruz said it.", "Deputy", "GPE"),
        ("RBI governor Sanjay Malhotra spoke.", "RBI", "GPE"),
        (
            "The market leader, Kessler Mohr, said profits fell.",
            "Kessler Mohr",
            "PERSON",
        ),
        (
            "In a letter to the chairman, Pennington Rhodes, the largest investor, objected.",
            "Pennington Rhodes",
            "PERSON",
        ),
        (
            "Sungai Lendu, the chief's village, was flooded.",
            "Sungai Lendu",
            "PERSON",
        ),
        (
            "The Rolling Stones, who toured for years, played.",
            "Rolling Stones",
            "PERSON",
        ),
        (
            "Hurricane Gloria, who battered the coast, weakened.",
            "Hurricane Gloria",
            "PERSON",
        ),
        (
            "Leyton Orient, 45, and Barnet, 44, were relegated.",
            "Barnet",
            "PERSON",
        ),
        ("The chairman spoke at Davos on Tuesday.", "Davos", "ORG"),
        (
            "Talks on Franco-German Cooperation resumed.",
            "Franco-German Cooperation",
            "PERSON",
        ),
        (
            "Thép Sông Lam, a coil producer in Nghệ An, grew.",
            "Thép Sông Lam",
            "PERSON",
        ),
        (
            "It sold Nordlyn Air Cargo, whose earnings fell.",
            "Nordlyn Air Cargo",
            "PERSON",
        ),
    ] {
        let f = found(text);
        assert!(!has(&f, wrong, label), "{text}: {f:?}");
    }
}

#[test]
fn a_role_or_an_age_at_the_end_of_the_text_is_read_safely() {
    for text in [
        "Its founder, Sergey Volkov",
        "Its founder, Sergey Volkov,",
        "Sergey Volkov, 45",
        "Sergey Volkov, 45,",
        "Sergey Volkov, the",
        "Sergey Volkov, who",
        "Camalig mayor",
        "Shares in Cantabrico",
        "a partner at Pennington Rhodes",
    ] {
        found(text);
    }
}
