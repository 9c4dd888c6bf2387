//! Tests of clubs named like their towns in transfer news and match reports, organisations
//! named in other languages or before their officers' titles, parties in results tables, and
//! words that a company's figures or a market report open a sentence with.

use super::*;

/// `text` with each of `towns` known as a place (as the cities list would know it), every
/// time it occurs.
fn with_towns(text: &str, towns: &[&str]) -> Vec<(String, String, String)> {
    let mut known = Vec::new();
    for town in towns {
        for (b, _) in text.match_indices(town) {
            let start = text[..b].chars().count();
            known.push(Known {
                start,
                end: start + town.chars().count(),
                label: "GPE".into(),
                entity: None,
            });
        }
    }
    known.sort_by_key(|k| k.start);
    found_with(text, &known)
}

#[test]
fn a_transfer_names_the_clubs_a_player_leaves_and_joins() {
    let text = "BASKETBALL - MOVES\nMADRID, May 2 - Lugo have signed guard Tomas Ferreira \
                from Valladolid on a two-year contract. He averaged 14 points for Segovia \
                last season. Palencia sporting director Pablo Ruiz said the fee was fair. \
                Centre Ion Popa agreed a one-year deal with Cluj, and Dan Marin has a \
                development contract at Soria.\n\
                Nuno Sousa (Portugal) from Braga to Sevilla, two years\n\
                Ali Kaya (Turkey) re-signed with Izmir, one year\n";
    let towns = [
        "Valladolid",
        "Segovia",
        "Palencia",
        "Cluj",
        "Soria",
        "Braga",
        "Sevilla",
        "Izmir",
    ];
    let f = with_towns(text, &towns);
    for club in towns {
        assert!(has(&f, club, "ORG"), "{club}: {f:?}");
    }
    // A country stays its national team's place.
    assert!(!has(&f, "Portugal", "ORG"), "{f:?}");
}

#[test]
fn a_journey_between_towns_is_no_transfer() {
    // No sports report, and a sports report's journey without a contract.
    let text = "Minister Ada Quill flew from Valladolid to Sevilla on a two-year mission.\n";
    let f = with_towns(text, &["Valladolid", "Sevilla"]);
    assert!(!has(&f, "Valladolid", "ORG"), "{f:?}");
    let text = "BASKETBALL - TRAVEL\nThe squad flew from Valladolid to Sevilla on Monday \
                before the 88-80 win.\n";
    let f = with_towns(text, &["Valladolid", "Sevilla"]);
    assert!(!has(&f, "Sevilla", "ORG"), "{f:?}");
}

#[test]
fn a_match_report_names_a_town_a_team_by_its_score_or_as_the_host_s_opponent() {
    let text = "VOLLEYBALL - LEAGUE ROUND-UP\nIn Kalisz's 3-1 win over Mielec, the libero \
                starred. Holders Opole will host Radom in the cup quarter-finals.\n";
    let f = with_towns(text, &["Kalisz", "Mielec", "Radom"]);
    for club in ["Kalisz", "Mielec", "Radom"] {
        assert!(has(&f, club, "ORG"), "{club}: {f:?}");
    }
    // A role word used as a verb is no title; as a noun it still is.
    let f = found("TV host Mara Quint said the show would go on.\n");
    assert!(has(&f, "Mara Quint", "PERSON"), "{f:?}");
    // A player against whom one plays keeps her first name.
    let text = "CHESS - MASTERS\n\"With Black against Priyanka you cannot force a win,\" \
                he said after the draw.\n";
    let f = found(text);
    assert!(!has(&f, "Priyanka", "ORG"), "{f:?}");
}

#[test]
fn organisations_named_in_other_languages() {
    let text = "The ruling Ruch Obywatelski lost the vote after Lewica Demokratyczna walked \
                out. Hanseatik Verlag owns 40 percent of the broadcaster, and Birkedal \
                Fonden holds a stake. Lead manager: Pasifik Menkul Değerler. Underwriter: \
                Cahaya Sekuritas. The opposition Partai Suara Baru walked out. Koninklijke \
                Dekker Zuivel and Kuzey Yatırım Bankası advised.\n";
    let f = found(text);
    for org in [
        "Ruch Obywatelski",
        "Lewica Demokratyczna",
        "Hanseatik Verlag",
        "Birkedal Fonden",
        "Pasifik Menkul Değerler",
        "Cahaya Sekuritas",
        "Partai Suara Baru",
        "Koninklijke Dekker Zuivel",
        "Kuzey Yatırım Bankası",
    ] {
        assert!(has(&f, org, "ORG"), "{org}: {f:?}");
    }
}

#[test]
fn an_exchange_after_its_city_and_a_surveyor_are_organisations() {
    let text = "Shares on the Valdora City Stock Exchange rose. Exports rose 3 percent, cargo \
                surveyor Bintang Kargo Inspeksi said.\n";
    let f = with_towns(text, &["Valdora City"]);
    assert!(has(&f, "Valdora City Stock Exchange", "ORG"), "{f:?}");
    assert!(has(&f, "Bintang Kargo Inspeksi", "ORG"), "{f:?}");
}

#[test]
fn a_lower_case_word_inside_a_listed_name_keeps_the_run_going() {
    let text = "Shares rose on the Dar es Salaam Stock Exchange, and investor Kopi Capital, \
                and Bahr Gateway Ports agreed, Statistics Poland said.\n";
    let f = with_towns(text, &["Dar es Salaam"]);
    for org in [
        "Dar es Salaam Stock Exchange",
        "Kopi Capital",
        "Bahr Gateway Ports",
        "Statistics Poland",
    ] {
        assert!(has(&f, org, "ORG"), "{org}: {f:?}");
    }
}

#[test]
fn swahili_names_of_parties_and_unions_keep_their_connectors() {
    let text = "Her party, Chama cha Haki na Usawa, said the charges were false. Juma chairs \
                the Muungano wa Wachuuzi Wadogo, a traders' union.\n";
    let f = found(text);
    assert!(has(&f, "Chama cha Haki na Usawa", "ORG"), "{f:?}");
    assert!(has(&f, "Muungano wa Wachuuzi Wadogo", "ORG"), "{f:?}");
    // Only after such a word: "Kenya ya leo" joins nothing.
    let f = found("The magazine Kesho ya Leo printed it, and Amani ya Juma too.\n");
    assert!(!texts(&f).contains(&"Amani ya Juma"), "{f:?}");
}

#[test]
fn months_metals_and_figures_open_no_company() {
    let text = "LONDON, Sept 9 (Wire) - Nickel jumped 4 percent on Tuesday. The SGX contract \
                for April rose 1.4 percent to 188.0 cents.\nSilver rose 1.4 percent to $42.80 \
                an ounce. Operating profit fell 12 percent.\nKaneda Steel rose 3.2 percent to \
                412 yen.\n";
    let f = found(text);
    for word in ["Nickel", "April", "Silver", "Operating"] {
        assert!(!texts(&f).contains(&word), "{word}: {f:?}");
    }
    assert!(has(&f, "Kaneda Steel", "ORG"), "{f:?}");
}

#[test]
fn a_figure_s_heading_with_a_month_is_no_dateline() {
    let text = "Central bank rate: 9.25 pct\nInflation, January: 4.6 pct (December 4.1 pct)\n\
                VALDORA, January 12 - The bank cut rates.\n";
    let f = found(text);
    assert!(!texts(&f).contains(&"Inflation"), "{f:?}");
    assert!(has(&f, "VALDORA", "GPE"), "{f:?}");
}

#[test]
fn a_name_before_a_company_s_title_and_its_holder_is_the_company() {
    let text = "\"We will build private networks,\" said Orzeł Chief Executive Tomasz Zieliński. \
                Harrowgate Managing Partner Caroline Whitfield agreed, and Kenya Vice President \
                Amina Odera and Russian President Ivan Petrov did not.\n";
    let f = with_towns(text, &["Kenya"]);
    assert!(has(&f, "Orzeł", "ORG"), "{f:?}");
    assert!(has(&f, "Harrowgate", "ORG"), "{f:?}");
    assert!(has(&f, "Tomasz Zieliński", "PERSON"), "{f:?}");
    assert!(has(&f, "Caroline Whitfield", "PERSON"), "{f:?}");
    assert!(!has(&f, "Kenya", "ORG"), "{f:?}");
    assert!(!has(&f, "Russian", "ORG"), "{f:?}");
}

#[test]
fn acronyms_opening_rows_of_a_vote_are_parties() {
    let text = "Parliament passed the law by 231 votes to 203.\nHOW THE PARTIES VOTED\n\
                PC 171 / 0 / 0\nRLN 49 / 5 / 1\nLP 0 / 142 / 0\n";
    let f = found(text);
    for party in ["PC", "RLN", "LP"] {
        assert!(has(&f, party, "ORG"), "{party}: {f:?}");
    }
    // Not outside a story about a vote, nor a single row.
    let f = found("Prices at close:\nUSD 1.2 percent\nEUR 0.8 percent\n");
    assert!(!texts(&f).contains(&"USD"), "{f:?}");
    let f = found("The vote was close.\nPC 171 / 0 / 0\n");
    assert!(!has(&f, "PC", "ORG"), "{f:?}");
}

#[test]
fn a_player_s_name_in_a_result_is_no_club() {
    let text = "TABLE TENNIS - RESULTS\nZhou Haoran won the title, beating John Albuquerque \
                4-2.\nQuarter-finals: Zhou beat Park Ji-hoon (South Korea) 4-0; Albuquerque \
                beat Felix Weber (Germany) 4-2\n";
    let f = with_towns(text, &["Albuquerque"]);
    for player in ["Zhou", "Albuquerque"] {
        assert!(!has(&f, player, "ORG"), "{player}: {f:?}");
    }
    // A town that is no one's name here is still a club.
    let text = "FOOTBALL - CUP\nKonya beat Malatya 2-1 on Sunday, and Izmir, who lead the \
                table, host Trabzon next week.\n";
    let f = with_towns(text, &["Konya", "Malatya", "Izmir", "Trabzon"]);
    for club in ["Konya", "Malatya", "Trabzon"] {
        assert!(has(&f, club, "ORG"), "{club}: {f:?}");
    }
}

#[test]
fn a_continental_cup_is_an_event_and_a_country_s_league_an_organisation() {
    let text = "Szeged have won 14 successive Champions League games, and the Kenyan Premier \
                League fined them after their Europa League trip.\n";
    let f = found(text);
    assert!(has(&f, "Champions League", "EVENT"), "{f:?}");
    assert!(has(&f, "Europa League", "EVENT"), "{f:?}");
    assert!(has(&f, "Kenyan Premier League", "ORG"), "{f:?}");
}

/// What the rules of this file must leave alone in ordinary news.
#[test]
fn the_new_contexts_stay_in_their_place() {
    let f = found("The deal was signed, according to spokesman Jim Smith.\n");
    assert!(has(&f, "Jim Smith", "PERSON"), "{f:?}");
    let text = "SOCCER - ITALIAN LEAGUE\nLazio President Ada Quill said the club would appeal. \
                Lazio beat Roma 2-1 on Sunday.\n";
    let f = found(text);
    assert!(has(&f, "Lazio", "ORG"), "{f:?}");
    let text = "The court upheld Ohio's 5-4 vote on Monday. The Senate voted 51-49 after an \
                agreement with Texas, and she moved from Boston to Chicago two years ago.\n";
    let f = with_towns(text, &["Ohio", "Texas", "Boston", "Chicago"]);
    for town in ["Ohio", "Texas", "Boston", "Chicago"] {
        assert!(!has(&f, town, "ORG"), "{town}: {f:?}");
    }
    let f = with_towns("The Paris sporting calendar is full.\n", &["Paris"]);
    assert!(!has(&f, "Paris", "ORG"), "{f:?}");
    let f = found("Outgoing Chief Executive John Smith said profit rose.\n");
    assert!(!texts(&f).contains(&"Outgoing"), "{f:?}");
    let text = "Parliament will vote on the budget.\nDIARY\nJAN 14 - debate opens (2 days)\n\
                FEB 3 - final vote (10 am)\n";
    let f = found(text);
    assert!(!texts(&f).contains(&"JAN"), "{f:?}");
    let f = found("WASHINGTON, March 3rd (Reuters) - The talks ended.\n");
    assert!(has(&f, "WASHINGTON", "GPE"), "{f:?}");
}

#[test]
fn where_someone_works_is_a_company() {
    for (text, name) in [
        (
            "Fagundes de Souza, chief executive of Itaberaba, told reporters.",
            "Itaberaba",
        ),
        (
            "Fiona MacAllister, a partner at Pennington Rhodes, declined to comment.",
            "Pennington Rhodes",
        ),
        (
            "Saeed al-Amoudi, head of marketing at Jubail Nitrogen, said so.",
            "Jubail Nitrogen",
        ),
        (
            "Shares in Cantabrico had risen 31 percent this year.",
            "Cantabrico",
        ),
    ] {
        let f = found(text);
        assert!(has(&f, name, "ORG"), "{text}: {f:?}");
    }
    // A place's office is no company's.
    let f = found("Carla Ruiz, mayor of Camalig, said the town had no food.");
    assert!(!has(&f, "Camalig", "ORG"), "{f:?}");
}

#[test]
fn a_place_is_known_by_its_office_or_by_the_places_listed_with_it() {
    let f = found("No deaths were reported. Camalig mayor Carla Ruiz said the town had food.");
    assert!(has(&f, "Camalig", "GPE"), "{f:?}");
    let f = found("Albay governor Noel Cruz declared a state of calamity.");
    assert!(has(&f, "Albay", "GPE"), "{f:?}");
    // Most entries places the lists know: the rest are places too (outside sport).
    let text = "Stores close in Zwolle, Apeldoorn (2), Leeuwarden, Venlo, Heerlen and Breda.";
    let f = with_towns(text, &["Zwolle", "Apeldoorn", "Breda", "Venlo"]);
    assert!(has(&f, "Heerlen", "GPE"), "{f:?}");
    assert!(has(&f, "Leeuwarden", "GPE"), "{f:?}");
    // Two known places are not most of a list of four.
    let text = "Buyers included Zwolle, Breda, Marlowe Underwriting and Kessler & Mohr.";
    let f = with_towns(text, &["Zwolle", "Breda"]);
    assert!(!has(&f, "Kessler", "GPE"), "{f:?}");
}

#[test]
fn clubs_and_insurers_named_in_other_languages() {
    let f = found("Dutch students Roeivereniging De Amstel finished second.");
    assert!(has(&f, "Roeivereniging De Amstel", "ORG"), "{f:?}");
    let f = found("Hull underwriters led by Lloyd's insurer Jasper Underwriting refused to pay.");
    assert!(
        !f.iter()
            .any(|(t, l, _)| t.contains("Jasper") && l == "PERSON"),
        "{f:?}"
    );
}
