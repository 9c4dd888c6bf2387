//! What wire news needs beyond the word tables of `words`: the bundled places (countries,
//! cities, regions) and press by name, for lines in capitals and for the press named without a
//! head word; and the words of sport and business that say a capitalised word is a club or a
//! company ("beat", "striker", "shares", "truck maker").

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

use super::words::speech_verb;

/// Places (bundled countries, cities and regions) by their form in capitals, for lines written
/// in capitals where the case-sensitive lists find nothing; and the press by name.
pub(super) struct Lexicons {
    /// "LONDON" → whether it is a country ("FRANCE"); ambiguous entries ("JORDAN") left out.
    pub(super) places: HashMap<String, bool>,
    /// "Le Monde" → whether it is ambiguous ("Guardian").
    pub(super) media: HashMap<&'static str, bool, FixedState>,
    /// "LE MONDE": the press in capitals, unambiguous names only.
    pub(super) media_caps: HashSet<String>,
}

const COUNTRIES_TSV: &str = include_str!("../../../assets/gazetteer/countries.tsv");
const CITIES_TSV: &str = include_str!("../../../assets/gazetteer/cities.tsv");
const REGIONS_TSV: &str = include_str!("../../../assets/gazetteer/regions.tsv");
const MEDIA_TSV: &str = include_str!("../../../assets/lexicon/media.tsv");

pub(super) fn lexicons() -> &'static Lexicons {
    static LEX: std::sync::OnceLock<Lexicons> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let mut places = HashMap::new();
        for (tsv, country) in [
            (COUNTRIES_TSV, true),
            (CITIES_TSV, false),
            (REGIONS_TSV, false),
        ] {
            for line in tsv.lines().filter(|l| !l.starts_with('#')) {
                let mut cols = line.split('\t');
                let (Some(name), Some(label)) = (cols.next(), cols.next()) else {
                    continue;
                };
                let flags = cols.nth(1).unwrap_or("");
                if name.is_empty()
                    || flags.split(',').any(|f| f.trim() == "ambiguous")
                    || !matches!(label, "GPE" | "LOC")
                {
                    continue;
                }
                let upper = name.to_uppercase();
                let entry = places.entry(upper).or_insert(country);
                *entry |= country;
            }
        }
        let mut media: HashMap<&'static str, bool, FixedState> = HashMap::default();
        let mut media_caps = HashSet::new();
        for line in MEDIA_TSV.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next().filter(|n| !n.is_empty()) else {
                continue;
            };
            let flags = cols.nth(1).unwrap_or("");
            let ambiguous = flags.split(',').any(|f| f.trim() == "ambiguous");
            media.insert(name, ambiguous);
            if !ambiguous {
                media_caps.insert(name.to_uppercase());
            }
        }
        Lexicons {
            places,
            media,
            media_caps,
        }
    })
}

/// Verbs of a sports result: "Barcelona beat Milan", "Ajax drew with PSV".
#[rustfmt::skip]
pub(super) fn is_sports_verb(w: &str) -> bool {
    matches!(
        w,
        "beat" | "beats" | "defeated" | "defeats" | "drew" | "draw" | "draws" | "lost" | "lose"
            | "loses" | "edged" | "thrashed" | "routed" | "crushed" | "overcame" | "downed"
            | "hammered" | "trounced" | "outclassed" | "eliminated" | "hosted" | "host" | "hosts"
            | "v" | "vs" | "vs." | "against" | "beating" | "defeating" | "thrashing" | "edging"
            | "hosting" | "held" | "levelled" | "leveled" | "equalised" | "equalized" | "won"
            | "knocked" | "stunned"
    )
}

/// Words before "for" that make the name after it a club: "plays for Porto", "scored for
/// Milan", "club rugby for Cardiff".
#[rustfmt::skip]
pub(super) fn is_plays_for(w: &str) -> bool {
    matches!(
        w,
        "plays" | "played" | "playing" | "play" | "signed" | "signs" | "scored" | "scores"
            | "scoring" | "equalised" | "equalized" | "equalising" | "equalizing" | "rugby"
            | "football" | "soccer" | "cricket" | "hockey" | "basketball" | "debut"
    )
}

/// Words that only sport uses, which make a sentence a sports report.
#[rustfmt::skip]
pub(super) fn is_sports_word(w: &str) -> bool {
    matches!(
        w,
        "friendly" | "league" | "goal" | "goals" | "striker" | "midfielder" | "goalkeeper"
            | "penalty" | "halftime" | "half-time" | "equaliser" | "equalizer" | "stoppage"
            | "derby" | "fixture" | "innings" | "wickets" | "touchdown" | "inning" | "relegation"
            | "promoted" | "semi-final" | "quarter-final" | "semifinal" | "quarterfinal"
            | "kickoff" | "kick-off" | "replay" | "standings" | "scoreless" | "goalless"
    )
}

/// Words after a club's name that make it the club ("Barcelona coach Bobby Robson").
#[rustfmt::skip]
pub(super) fn is_club_member(w: &str) -> bool {
    matches!(
        w,
        "coach" | "striker" | "midfielder" | "goalkeeper" | "defender" | "winger" | "fullback"
            | "full-back" | "manager" | "fans" | "supporters" | "forward" | "playmaker"
            | "keeper" | "captain" | "squad" | "teammate" | "teammates" | "sporting"
    )
}

/// A result score: "2-1", "1–0".
pub(super) fn is_score(w: &str) -> bool {
    let mut parts = w.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let small = |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    small(a) && small(b)
}

/// Nouns that stand before a company's name: "truck maker Volvo", "oil company Shell".
#[rustfmt::skip]
pub(super) fn is_company_noun(w: &str) -> bool {
    matches!(
        w,
        "company" | "firm" | "maker" | "carmaker" | "automaker" | "giant" | "retailer"
            | "insurer" | "lender" | "airline" | "carrier" | "brewer" | "chipmaker"
            | "conglomerate" | "subsidiary" | "manufacturer" | "supplier" | "distributor"
            | "exporter" | "importer" | "refiner" | "miner" | "utility" | "broker" | "brokerage"
            | "bank" | "group" | "operator" | "unit" | "rival" | "rivals" | "competitor"
            | "corporation" | "multinational" | "startup" | "start-up" | "steelmaker"
            | "drugmaker" | "telecoms" | "shipbuilder" | "shipper" | "publisher" | "newspaper"
            | "daily" | "weekly" | "magazine" | "agency" | "broadcaster" | "network"
            | "contractor" | "builder" | "developer" | "producer" | "trader" | "exchange"
            | "shipowner" | "grocer" | "bottler" | "jeweller" | "cooperative" | "co-operative"
            | "consultancy" | "tabloid" | "pollster" | "cheesemaker" | "processor" | "reinsurer"
            | "wholesaler" | "lessor"
    )
}

/// Industries a company noun such as "producer" follows ("coal producer", "power producer").
#[rustfmt::skip]
pub(super) fn is_industry(w: &str) -> bool {
    matches!(
        w,
        "coal" | "oil" | "gas" | "power" | "electricity" | "energy" | "steel" | "copper" | "gold"
            | "silver" | "aluminium" | "aluminum" | "nickel" | "zinc" | "iron" | "ore"
            | "uranium" | "lithium" | "cement" | "chip" | "chemicals" | "chemical" | "fertiliser"
            | "fertilizer" | "food" | "dairy" | "meat" | "sugar" | "cocoa" | "coffee" | "tea"
            | "rubber" | "paper" | "pulp" | "solar" | "wind" | "nuclear" | "renewable"
            | "hydropower" | "crude" | "lng" | "grain" | "wheat" | "rice" | "cotton" | "wine"
            | "beer" | "textile" | "car" | "vehicle" | "truck" | "tyre" | "tire" | "palm"
            | "poultry" | "pork" | "beef" | "salmon" | "tobacco" | "glass" | "plastics"
    )
}

/// Company nouns that end a description after a name ("Sato, the Osaka-based carmaker,"): those
/// of `is_company_noun` that cannot describe a person ("a rival", "a broker", "a developer",
/// "a trader", "a producer", "a builder", "a miner", "a shipowner" can).
pub(super) fn is_appositive_company_noun(w: &str) -> bool {
    is_company_noun(w)
        && !matches!(
            w,
            "giant"
                | "rival"
                | "rivals"
                | "competitor"
                | "broker"
                | "developer"
                | "producer"
                | "trader"
                | "builder"
                | "contractor"
                | "unit"
                | "network"
                | "operator"
                | "supplier"
                | "distributor"
                | "exporter"
                | "importer"
                | "publisher"
                | "jeweller"
                | "grocer"
                | "miner"
                | "shipowner"
                | "carrier"
        )
}

/// Words after a company's name: "Volvo shares", "Nestle's profit".
#[rustfmt::skip]
pub(super) fn is_company_attribute(w: &str) -> bool {
    matches!(
        w,
        "shares" | "stock" | "stocks" | "shareholders" | "stockholders" | "profit" | "profits"
            | "earnings" | "revenue" | "revenues" | "sales" | "turnover" | "dividend"
            | "subsidiary" | "chairman" | "executives" | "bonds" | "takeover" | "share"
    )
}

/// Words before "of"/"in"/"for" and a company: "shares of Nestle", "a stake in Volvo".
pub(super) fn is_company_of(w: &str) -> bool {
    matches!(
        w,
        "shares" | "stake" | "takeover" | "bid" | "acquisition" | "shareholders" | "subsidiary"
    )
}

/// Roles held in a company, right before "of" or "at" and its name ("chief executive of
/// Itaberaba", "a partner at Pennington Rhodes"). Not the offices of places (mayor, governor,
/// minister); "officer", "owner" and "manager" only before "of".
pub(super) fn is_company_role(w: &str) -> bool {
    matches!(
        w,
        "executive"
            | "officer"
            | "director"
            | "chairman"
            | "chairwoman"
            | "partner"
            | "analyst"
            | "economist"
            | "strategist"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "founder"
            | "co-founder"
            | "treasurer"
            | "trader"
            | "broker"
            | "dealer"
            | "shareholder"
            | "owner"
            | "ceo"
            | "cfo"
            | "boss"
            | "manager"
            | "employee"
            | "employees"
    )
}

/// Verbs of the press: "the Guardian reported".
pub(super) fn is_press_verb(w: &str) -> bool {
    speech_verb(w)
        || matches!(
            w,
            "reported"
                | "reports"
                | "quoted"
                | "quotes"
                | "newspaper"
                | "daily"
                | "cited"
                | "published"
                | "wrote"
                | "editorial"
        )
}

/// Three-letter country codes of results tables (the Olympic ones, and ISO's where they
/// differ).
#[rustfmt::skip]
pub(super) fn is_country_code(w: &str) -> bool {
    matches!(
        w,
        "AFG" | "ALB" | "ALG" | "AND" | "ANG" | "ARG" | "ARM" | "AUS" | "AUT" | "AZE" | "BAH"
            | "BAN" | "BAR" | "BDI" | "BEL" | "BEN" | "BER" | "BIH" | "BLR" | "BOL" | "BOT"
            | "BRA" | "BRN" | "BUL" | "BUR" | "CAF" | "CAM" | "CAN" | "CHI" | "CHN" | "CIV"
            | "CMR" | "COD" | "COL" | "CRC" | "CRO" | "CUB" | "CYP" | "CZE" | "DEN" | "DOM"
            | "ECU" | "EGY" | "ERI" | "ESA" | "ESP" | "EST" | "ETH" | "FIJ" | "FIN" | "FRA"
            | "GAB" | "GBR" | "GEO" | "GER" | "GHA" | "GRE" | "GUA" | "HAI" | "HKG" | "HON"
            | "HUN" | "INA" | "IND" | "IRI" | "IRL" | "IRQ" | "ISL" | "ISR" | "ISV" | "ITA"
            | "JAM" | "JOR" | "JPN" | "KAZ" | "KEN" | "KGZ" | "KOR" | "KOS" | "KSA" | "KUW"
            | "LAT" | "LBN" | "LIE" | "LTU" | "LUX" | "MAD" | "MAR" | "MAS" | "MDA" | "MEX"
            | "MGL" | "MKD" | "MLT" | "MNE" | "MON" | "MOZ" | "NAM" | "NED" | "NGR" | "NIG"
            | "NOR" | "NZL" | "OMA" | "PAK" | "PAN" | "PAR" | "PER" | "PHI" | "POL" | "POR"
            | "PRK" | "PUR" | "QAT" | "ROU" | "RSA" | "RUS" | "RWA" | "SAM" | "SEN" | "SGP"
            | "SLO" | "SMR" | "SRB" | "SRI" | "SUD" | "SUI" | "SVK" | "SWE" | "SYR" | "TAN"
            | "THA" | "TJK" | "TKM" | "TPE" | "TTO" | "TUN" | "TUR" | "UAE" | "UGA" | "UKR"
            | "URU" | "USA" | "UZB" | "VEN" | "VIE" | "YEM" | "ZAM" | "ZIM" | "DEU" | "NLD"
            | "CHE" | "PRT" | "DNK" | "ZAF" | "HRV" | "SVN" | "GRC" | "BGR" | "IRN" | "IDN"
            | "MYS" | "PHL" | "VNM" | "LVA" | "SAU" | "NGA" | "ARE"
    )
}

/// Words before "from", "to" or "at" that make the name after it a club a player moves
/// between: "signed from", "on loan at", "transferred to".
pub(super) fn is_transfer_word(w: &str) -> bool {
    matches!(
        w,
        "signed"
            | "signs"
            | "signing"
            | "joined"
            | "joins"
            | "loan"
            | "loaned"
            | "transferred"
            | "transfer"
    )
}

/// Words that may follow a club a player joins ("will join Aalborg in Denmark", "joined
/// Porto on loan", "joins Ajax until 2028").
pub(super) fn is_after_joined_club(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "for"
            | "from"
            | "until"
            | "after"
            | "before"
            | "next"
            | "this"
            | "when"
            | "as"
            | "and"
            | "last"
            | "earlier"
            | "later"
            | "ahead"
    )
}

/// Last words that make a name a club's by their form: "Nakuru City", "Arusha Rangers".
pub(super) fn is_club_suffix(w: &str) -> bool {
    matches!(
        w,
        "City"
            | "United"
            | "Rovers"
            | "Wanderers"
            | "Rangers"
            | "Athletic"
            | "Albion"
            | "Town"
            | "Hotspur"
            | "FC"
            | "SC"
            | "AFC"
            | "CF"
    )
}
