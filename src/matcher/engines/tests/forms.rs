//! Tests of the forms of wire copy that are no names: a sport's first word opening a
//! headline, units, a company's figures, languages and festivals.

use super::*;

#[test]
fn the_first_word_of_a_two_word_sport_opening_a_headline_is_no_name() {
    let text = "ICE HOCKEY-HUDAK DOUBLE KEEPS POPRAD ON TOP\nICE said on Monday it would appeal.";
    let doc = Document::new(DocId(1), "d", text);
    let (a, b) = code_points(text, "ICE", 0);
    let (c, d) = code_points(text, "ICE", 1);
    let mut found = vec![
        finding("gazetteer", a, b, "ORG", "companies: agency"),
        finding("gazetteer", c, d, "ORG", "companies: agency"),
    ];
    drop_sport_words(&doc, &mut found);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].range(), (c, d));
}

#[test]
fn a_unit_of_measure_or_a_company_s_figure_is_no_name_for_the_model() {
    let text = "Prices of 500 zlotys per MWh held; operating profit (EBIT) fell; MW Holdings fell.";
    let doc = Document::new(DocId(1), "d", text);
    let (a, b) = code_points(text, "MWh", 0);
    let (e, f) = code_points(text, "EBIT", 0);
    let (c, d) = code_points(text, "MW Holdings", 0);
    let mut found = vec![
        model_finding(a, b),
        model_finding(e, f),
        model_finding(c, d),
    ];
    drop_wire_forms(&doc, &mut found);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].range(), (c, d));
}

#[test]
fn a_language_or_a_festival_is_no_name_for_the_model() {
    let text = "She spoke in Amharic before Tet; Ramadan Kadyrov and Easter Holdings agreed.";
    let doc = Document::new(DocId(1), "d", text);
    let (a, b) = code_points(text, "Amharic", 0);
    let (c, d) = code_points(text, "Tet", 0);
    let (e, f) = code_points(text, "Ramadan Kadyrov", 0);
    let (g, h) = code_points(text, "Easter Holdings", 0);
    let mut found = vec![
        finding("model", a, b, "GPE", "model: statistical"),
        finding("model", c, d, "PERSON", "model: statistical"),
        finding("model", e, f, "PERSON", "model: statistical"),
        finding("model", g, h, "ORG", "model: statistical"),
    ];
    drop_wire_forms(&doc, &mut found);
    let left: Vec<&str> = found.iter().map(|s| span_text(&doc, s)).collect();
    assert_eq!(left, ["Ramadan Kadyrov", "Easter Holdings"]);
}

#[test]
fn a_place_s_possessive_splits_the_model_s_finding() {
    let text = "Officials said Valdora's Election Commission would meet; Valdora's rose.";
    let doc = Document::new(DocId(1), "d", text);
    let (a, b) = code_points(text, "Valdora", 0);
    let (c, d) = code_points(text, "Valdora's Election Commission", 0);
    let (e, f) = code_points(text, "Valdora", 1);
    let found = vec![
        finding("gazetteer", a, b, "GPE", "countries: country"),
        finding("gazetteer", e, f, "GPE", "countries: country"),
    ];
    let mut from_model = vec![model_finding(c, d), model_finding(e, f + 2)];
    possessive_places(&doc, &found, &mut from_model);
    let left: Vec<&str> = from_model.iter().map(|s| span_text(&doc, s)).collect();
    // "Valdora's rose" has no name after the possessive: it holds none.
    assert_eq!(left, ["Election Commission", "Valdora's"]);
}

#[test]
fn a_desk_s_slug_glued_to_a_name_is_cut_off() {
    let text =
        "CROSS-COUNTRY SKIING-NORWAY PIP SWEDEN\nDARTS-VAN DER SLUIS THROUGH\nRUSSO-JAPANESE";
    let doc = Document::new(DocId(1), "d", text);
    let (a, b) = code_points(text, "SKIING-NORWAY", 0);
    let (c, d) = code_points(text, "DARTS-VAN DER SLUIS", 0);
    let (e, f) = code_points(text, "RUSSO-JAPANESE", 0);
    let mut found = vec![
        model_finding(a, b),
        model_finding(c, d),
        model_finding(e, f),
    ];
    hyphenated_adjectives(&doc, &mut found);
    let texts: Vec<String> = found
        .iter()
        .map(|s| {
            let (x, y) = s.range();
            text.chars().skip(x).take(y - x).collect()
        })
        .collect();
    assert_eq!(texts, ["NORWAY", "VAN DER SLUIS", "RUSSO-JAPANESE"]);
}
