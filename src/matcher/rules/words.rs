//! The word tables for names: function words, weekdays and months, titles and roles,
//! organisation, place, event and law head words, connectors and surname particles, speech
//! verbs, the shapes of particular names (East Asian, hyphenated given names); the sports wire
//! headlines open with are `text::is_sport_slug`. Matching on `&str` compiles to length checks and comparisons,
//! which is as fast as a hash lookup for lists this size and keeps each table readable next to
//! its purpose. Surname particles are `text::is_name_particle`, shared with the quotes and the
//! model.

pub(super) use crate::text::is_name_particle as is_particle;
pub use crate::text::is_sport_slug;
pub(super) use crate::text::is_weekday;

/// First names that are also everyday words; weaker evidence even when a list does not flag them.
pub(super) fn is_common_word_name(name: &str) -> bool {
    matches!(
        name,
        "Mark"
            | "Will"
            | "Bill"
            | "May"
            | "June"
            | "April"
            | "August"
            | "Grace"
            | "Hope"
            | "Faith"
            | "Joy"
            | "Rose"
            | "Art"
            | "Sue"
            | "Pat"
            | "Jack"
            | "Frank"
            | "Rich"
            | "Guy"
            | "Ray"
            | "Dawn"
            | "Summer"
            | "Autumn"
            | "Sky"
            | "Star"
            | "Major"
            | "King"
            | "Prince"
            | "Duke"
            | "Earl"
            | "Chase"
            | "Hunter"
            | "Page"
            | "Drew"
            | "Gene"
            | "Lane"
            | "Dean"
            | "Long"
            | "Young"
            | "Rob"
            | "Sterling"
            | "Price"
            | "Chance"
            | "Justice"
            | "Honor"
            | "Royal"
            | "General"
            | "Sunday"
            | "Monday"
            | "China"
            | "Paris"
            | "Israel"
            | "Jordan"
            | "Georgia"
            | "Virginia"
            | "Austin"
            | "Florence"
            | "Victoria"
            | "Christian"
            | "Said"
            | "Van"
            | "Don"
            | "Le"
            | "La"
            | "An"
            | "Ali"
    )
}

/// Function words that open sentences; never the first word of a name there.
#[rustfmt::skip]
pub(super) fn is_initial_function_word(w: &str) -> bool {
    matches!(
        w,
        "The" | "A" | "An" | "But" | "And" | "Or" | "Nor" | "So" | "Yet" | "However" | "Moreover"
            | "Meanwhile" | "Nevertheless" | "Nonetheless" | "Still" | "Also" | "Then" | "Now"
            | "Thus" | "Hence" | "Indeed" | "Instead" | "Although" | "Though" | "While" | "Whilst"
            | "When" | "Whenever" | "Where" | "Why" | "How" | "What" | "Which" | "Who" | "Whom"
            | "Whose" | "If" | "Unless" | "Because" | "Since" | "As" | "After" | "Before" | "Until"
            | "Once" | "In" | "On" | "At" | "By" | "For" | "From" | "With" | "Without" | "Within"
            | "Into" | "Of" | "Over" | "Under" | "About" | "Above" | "Across" | "Against" | "Along"
            | "Among" | "Around" | "Behind" | "Below" | "Between" | "Beyond" | "During" | "Despite"
            | "Except" | "Inside" | "Like" | "Near" | "Outside" | "Through" | "Throughout" | "To"
            | "Toward" | "Towards" | "Upon" | "Via" | "He" | "She" | "It" | "They" | "We" | "You"
            | "His" | "Her" | "Its" | "Their" | "Our" | "Your" | "My" | "This" | "That" | "These"
            | "Those" | "There" | "Here" | "Some" | "Many" | "Most" | "Much" | "More" | "Less"
            | "Few" | "Several" | "All" | "Any" | "Both" | "Each" | "Every" | "Either" | "Neither"
            | "No" | "None" | "Not" | "Other" | "Another" | "Such" | "Only" | "Just" | "Even"
            | "Already" | "Always" | "Never" | "Often" | "Sometimes" | "Perhaps" | "Maybe" | "Yes"
            | "Today" | "Yesterday" | "Tomorrow" | "Tonight" | "Last" | "Next" | "First" | "Second"
            | "Third" | "Finally" | "Later" | "Earlier" | "Currently" | "According" | "Asked"
            | "Following" | "Given" | "Including" | "Overall" | "Otherwise" | "Unlike" | "Please"
            | "Let" | "Well" | "Oh" | "Whether" | "Dear" | "Amid"
            | "Despite," | "Regardless" | "Do" | "Does" | "Did" | "Is" | "Are" | "Was" | "Were"
            | "Has" | "Have" | "Had" | "Can" | "Could" | "Will" | "Would" | "Should" | "Must"
            | "May" | "Might" | "Shall"
    )
}

/// Months, and whether the month name is never a person's name too.
pub(super) fn month(w: &str) -> Option<bool> {
    match w {
        "January" | "February" | "March" | "July" | "September" | "October" | "November"
        | "December" | "Jan." | "Feb." | "Mar." | "Apr." | "Aug." | "Sep." | "Sept." | "Oct."
        | "Nov." | "Dec." => Some(true),
        "April" | "May" | "June" | "August" => Some(false),
        _ => None,
    }
}

/// A month abbreviated without a full stop, as wire copy writes it before a day ("Nov 22") or
/// a contract month in brackets ("Dalian (Jan)"). Only where the form says so: "Jan" and "May"
/// are also first names.
pub fn is_short_month(w: &str) -> bool {
    matches!(
        w,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "May"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Words capitalised for other reasons than being names.
#[rustfmt::skip]
pub(super) fn is_never_name(w: &str) -> bool {
    matches!(
        w,
        "I" | "I'm" | "I’m" | "I'd" | "I’d" | "I've" | "I’ve" | "I'll" | "I’ll" | "OK" | "Ok"
            | "AM" | "PM" | "TV" | "Q" | "A" | "Mr" | "Mrs"
    )
}

/// Titles that stand before a person's name.
#[rustfmt::skip]
pub(super) fn is_title_core(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Mx" | "Dr" | "Dr." | "Prof"
            | "Prof." | "Professor" | "Sir" | "Dame" | "Lord" | "Lady" | "Baron" | "Baroness"
            | "President" | "Premier" | "Minister" | "Chancellor" | "Senator" | "Sen." | "Sens."
            | "Rep." | "Reps." | "Representative" | "Congressman" | "Congresswoman" | "Assemblyman"
            | "Assemblywoman" | "Gov." | "Governor" | "Mayor" | "Judge" | "Justice" | "Gen."
            | "General" | "Col." | "Colonel" | "Sgt." | "Sergeant" | "Lt." | "Capt." | "Captain"
            | "Cmdr." | "Cdr." | "Commander" | "Adm." | "Admiral" | "Maj." | "Major" | "Brig."
            | "Brigadier" | "Cpl." | "Corporal" | "Marshal" | "Chief" | "Coach" | "Pope" | "King"
            | "Queen" | "Prince" | "Princess" | "Duke" | "Duchess" | "Earl" | "Countess"
            | "Emperor" | "Empress" | "Emir" | "Sultan" | "Sheikh" | "Shaikh" | "Ayatollah"
            | "Imam" | "Rabbi" | "Rev." | "Reverend" | "Pastor" | "Bishop" | "Archbishop"
            | "Cardinal" | "Secretary" | "Secretary-General" | "Ambassador" | "Envoy"
            | "Commissioner" | "Superintendent" | "Supt." | "Inspector" | "Insp." | "Detective"
            | "Det." | "Officer" | "Sheriff" | "Constable" | "Const." | "Councillor" | "Councilor"
            | "Councilman" | "Councilwoman" | "Alderman" | "Ald." | "Speaker" | "Chairman"
            | "Chairwoman" | "Chairperson" | "CEO" | "CFO" | "COO" | "Director" | "Dean" | "Leader"
            | "Spokesman" | "Spokeswoman" | "Spokesperson" | "Magistrate" | "Prosecutor"
            | "Vice-President" | "Vice-Chancellor" | "Vice-Minister" | "Vice-Premier" | "Pres." | "Hon." | "Atty." | "Executive"
            | "Lieutenant" | "Administrator" | "Sayyid" | "Partner"
    )
}

/// Words that sharpen a title ("Prime Minister", "Deputy Foreign Minister", "Chief Justice").
#[rustfmt::skip]
pub(super) fn is_title_modifier(w: &str) -> bool {
    matches!(
        w,
        "Prime" | "Vice" | "Deputy" | "Acting" | "Former" | "Interim" | "Foreign" | "Defence"
            | "Defense" | "Finance" | "Interior" | "Health" | "Home" | "Trade" | "Supreme"
            | "Crown" | "Grand" | "Senior" | "Assistant" | "Associate" | "Attorney" | "Solicitor"
            | "Surgeon" | "First" | "Head" | "Managing" | "Education" | "Environment" | "Energy"
            | "Labour" | "Labor" | "Economy" | "Culture" | "Agriculture" | "Transport"
            | "Immigration" | "Treasury" | "Majority" | "Minority" | "Opposition" | "Party"
            | "Field" | "Lord" | "Chief"
    )
}

/// What follows "Secretary of …" or "Minister for …" inside a title.
#[rustfmt::skip]
pub(super) fn is_department(w: &str) -> bool {
    matches!(
        w,
        "State" | "Defence" | "Defense" | "Energy" | "Education" | "Health" | "Labor" | "Labour"
            | "Agriculture" | "Commerce" | "Justice" | "Transportation" | "Transport" | "Treasury"
            | "Interior" | "Finance" | "Trade" | "Foreign" | "Home" | "Homeland" | "Affairs"
            | "Security" | "Culture" | "Environment" | "Industry" | "Economy" | "Housing"
            | "Veterans" | "War"
    )
}

/// Lower-case roles before a name: "spokeswoman Jane Doe", "union president Jane Doe".
/// Returns the score the name gets.
#[rustfmt::skip]
pub(super) fn role_score(w: &str) -> Option<f32> {
    let professional = matches!(
        w,
        "spokesman" | "spokeswoman" | "spokesperson" | "president" | "vice-president" | "chairman"
            | "chairwoman" | "chair" | "director" | "founder" | "co-founder" | "leader" | "chief"
            | "executive" | "coach" | "manager" | "minister" | "secretary" | "senator" | "governor"
            | "mayor" | "ambassador" | "envoy" | "commissioner" | "prosecutor" | "attorney"
            | "lawyer" | "judge" | "professor" | "researcher" | "scientist" | "economist"
            | "analyst" | "strategist" | "author" | "writer" | "novelist" | "poet" | "journalist"
            | "reporter" | "correspondent" | "columnist" | "editor" | "photographer" | "artist"
            | "actor" | "actress" | "singer" | "rapper" | "musician" | "comedian" | "filmmaker"
            | "producer" | "designer" | "architect" | "striker" | "midfielder" | "defender"
            | "goalkeeper" | "quarterback" | "pitcher" | "captain" | "candidate" | "nominee"
            | "activist" | "campaigner" | "detective" | "inspector" | "superintendent"
            | "commander" | "colonel" | "sergeant" | "lieutenant" | "admiral" | "cleric" | "imam"
            | "rabbi" | "bishop" | "priest" | "pastor" | "billionaire" | "entrepreneur"
            | "businessman" | "businesswoman" | "surgeon" | "astronaut" | "historian" | "curator"
            | "ceo" | "boss" | "premier" | "chancellor" | "dictator" | "tycoon" | "presenter"
            | "host" | "anchor" | "prime-minister" | "teammate" | "headteacher" | "principal"
            | "sheriff"
    );
    // Positions and roles in sport: "fly-half Rhodri Ellis", "opener Hamid Rauf".
    let sport = matches!(
        w,
        "winger" | "wing" | "forward" | "fullback" | "full-back" | "fly-half" | "scrum-half"
            | "centre" | "center" | "flanker" | "prop" | "hooker" | "lock" | "playmaker"
            | "keeper" | "opener" | "batsman" | "batter" | "bowler" | "spinner" | "seamer"
            | "paceman" | "wicketkeeper" | "wicket-keeper" | "all-rounder" | "sprinter"
            | "cyclist" | "rider" | "driver" | "golfer" | "swimmer" | "skier" | "boxer"
            | "jockey" | "player" | "shortstop" | "outfielder" | "linebacker" | "guard"
            | "substitute" | "debutant" | "veteran" | "teenager"
    );
    let personal = matches!(
        w,
        "husband" | "wife" | "son" | "daughter" | "brother" | "sister" | "mother" | "father"
            | "uncle" | "aunt" | "cousin" | "nephew" | "niece" | "grandson" | "granddaughter"
            | "grandmother" | "grandfather" | "girlfriend" | "boyfriend" | "fiancé" | "fiancée"
            | "widow" | "widower" | "colleague" | "friend"
    );
    if professional || sport {
        Some(0.8)
    } else if personal {
        Some(0.7)
    } else {
        None
    }
}

/// Organisation head words, and how sure each one is (a newspaper called "… Times" is less of a
/// sure thing than "… Ltd").
#[rustfmt::skip]
pub(super) fn org_head(w: &str) -> Option<f32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let strong = matches!(
        w,
        "Inc" | "Corp" | "Corporation" | "Co" | "Ltd" | "LLC" | "LLP" | "plc" | "PLC" | "AG"
            | "GmbH" | "Holdings" | "Bank" | "Party" | "Ministry" | "Department" | "Agency"
            | "Commission" | "Committee" | "Council" | "Court" | "University" | "College"
            | "Institute" | "Foundation" | "Association" | "Airlines" | "Airways" | "Federation"
            | "Organisation" | "Organization" | "Authority" | "Parliament" | "Assembly" | "Senate"
            | "Congress" | "Tribunal" | "Bureau" | "Company" | "Fund" | "FC" | "Laboratory"
            | "Exchange" | "Bourse"
            | "Laboratories" | "Secretariat" | "Coalition" | "Alliance" | "Brigade" | "Brigades"
            | "Industries" | "Technologies" | "Pharmaceuticals" | "Motors" | "Airport" | "Police"
    );
    let weak = matches!(
        w,
        "Group" | "Union" | "Army" | "Navy" | "Forces" | "News" | "Times" | "Post" | "Office"
            | "Service" | "Board" | "League" | "Club" | "Journal" | "Herald" | "Tribune"
            | "Telegraph" | "Gazette" | "Magazine" | "Press" | "Radio" | "Television"
            | "Broadcasting" | "Media" | "Network" | "Church" | "Front"
            | "Movement" | "Guard" | "Command" | "School" | "Academy" | "Cabinet"
            | "Administration" | "Trust" | "Society" | "Records" | "Studios" | "Systems"
            | "Partners" | "Labs" | "Team" | "United" | "Commons" | "Services" | "Corps"
            | "Democrats" | "Energy" | "Trading" | "Electric" | "Electronics" | "Bearings"
            | "Retailing" | "Logistics" | "Terminals" | "Commodities" | "Steel" | "Shipping"
            | "Mining" | "Chemicals" | "Textiles" | "Foods" | "Resources" | "Petroleum"
            | "Insurance" | "Securities" | "Investments" | "Construction" | "Engineering"
            | "Telecom" | "Breweries" | "Brewery" | "Cement" | "Semiconductor" | "Robotics"
            | "Pharma" | "Holding" | "Tekstil" | "Motor" | "Aviation" | "Shipyard" | "Refining"
            | "Forum" | "Shipbuilding" | "Retail" | "Agro" | "Coatings" | "Paints" | "Chemie"
            | "Pensioen" | "Zeitung" | "Kurier" | "Courier" | "Courrier" | "Corriere" | "Correio"
            | "Diário" | "Diario" | "Dagblad" | "Dagbladet" | "Posten" | "Postası" | "Gazetesi"
            | "Gazeta" | "Gazzetta" | "Ilbo" | "Nippo" | "Kurye" | "Gruppen" | "Gruppe"
            | "Groupe" | "Grupo" | "Gruppo" | "Athletic" | "Rovers" | "Wanderers" | "Albion"
            | "Stables" | "Stud" | "Consultancy" | "Consultants" | "Consulting" | "Advisory"
            | "Capital" | "Ports" | "Ventures" | "Underwriting" | "Underwriters" | "Reinsurance"
            | "Assurance" | "Mutual"
    );
    if w == "Airport" {
        return None; // a place, see `loc_head`
    }
    // Other languages' company and club words, and their legal forms: "Kaya Cam Sanayi",
    // "Hoshizora Denki", "Van der Meulen Logistiek", "Bündner Alpenbank", "Kartal
    // Demirspor", "Tanjung Makmur Tbk".
    let foreign = matches!(
        w,
        "Sanayi" | "Denki" | "Kogyo" | "Shoji" | "Bussan" | "Seiyaku" | "Shimbun" | "Logistiek"
            | "Logistik" | "Versicherung" | "Versicherungen" | "Sparkasse" | "Participations"
            | "Advocaten" | "Energia" | "Energie" | "Shipyards" | "Bloodstock" | "Tbk" | "Bhd"
            | "SpA" | "Ltda" | "Pty" | "Pte" | "Oyj" | "ASA" | "NV" | "BV" | "AB" | "SA"
            // publishers, foundations, securities houses, partnerships, dairies, engineering,
            // energy, trade, telecoms, clubs: German, Danish, Indonesian, Turkish, Dutch,
            // Portuguese ("Rheinblick Verlag", "Nordhavn Fonden", "Mandala Sekuritas",
            // "Anadolu Menkul Değerler", "Groenveld Techniek", "Bornova Atletizm Kulübü")
            | "Verlag" | "Stiftung" | "Fonden" | "Sekuritas" | "Değerler" | "Ortaklığı"
            | "Zuivel" | "Techniek" | "Enerji" | "Ticaret" | "Telekom" | "Kulübü" | "Clube"
            | "Verzekeringen" | "Rederi" | "Werke" | "Polska" | "Bankası" | "Ubezpieczenia"
            | "Draudimas"
    ) || (w.chars().count() >= 7
        && w.chars().next().is_some_and(char::is_uppercase)
        && ["bank", "banken", "bankası"].iter().any(|x| w.ends_with(x)))
        || is_spor_club(w);
    if foreign {
        return Some(0.75);
    }
    if strong {
        Some(0.85)
    } else if weak {
        Some(0.75)
    } else {
        None
    }
}

/// Words that open a company's or institution's name in other languages, before the name or
/// "de"/"do"/"del" and a place: "Banco de Valdemora", "Grupo Norte", "Maison Perrichon",
/// "Associação Canavieira do Centro-Sul", "Construtora Paranaguá".
#[rustfmt::skip]
pub(super) fn is_org_opener(w: &str) -> bool {
    matches!(
        w,
        "Banco" | "Banca" | "Banque" | "Caixa" | "Caja" | "Grupo" | "Gruppo" | "Groupe"
            | "Société" | "Compagnie" | "Companhia" | "Compañía" | "Sociedad" | "Sociedade"
            | "Società" | "Industrias" | "Construtora" | "Constructora" | "Associação"
            | "Asociación" | "Associazione" | "Maison" | "Editorial" | "Éditions"
            | "Aerolíneas" | "Petróleos" | "Laboratorios" | "Laboratoires" | "Fundación"
            | "Fundação" | "Fondation" | "Instituto" | "Universidad" | "Universidade"
            | "Università" | "Université" | "Universität" | "Partido" | "Partito" | "Ministerio"
            | "Ministère" | "Rodovias" | "Autopistas" | "Eléctricas" | "Electricidade"
            | "Vereniging" | "Stichting" | "Sindicato" | "Colegio" | "PT"
            // movements, parties, unions, pension funds, "Royal", associations, companies:
            // Polish, Indonesian, French, Dutch, Swahili, Arabic, Portuguese ("Ruch
            // Ludowo-Narodowy", "Partai Harapan Rakyat", "Koninklijke Van Lith Zuivel")
            | "Ruch" | "Lewica" | "Unia" | "Partai" | "Parti" | "Pensioenfonds" | "Koninklijke"
            | "Chama" | "Muungano" | "Shirika" | "Baraza" | "Jumuiya" | "Benki" | "Shirkat" | "Sharikat" | "Assembleia"
            | "Fundacja" | "Fondazione" | "Zakłady" | "Spółdzielnia" | "Frigorífico"
            | "Statistics"
            // sports clubs and exchanges: Dutch, German, Polish, Spanish ("Roeivereniging De
            // Amstel", "Ruderverein Elbflorenz Dresden", "Bolsa de Madrid")
            | "Roeivereniging" | "Roeiclub" | "Ruderverein" | "Ruderclub" | "Sportverein"
            | "Turnverein" | "Towarzystwo" | "Bolsa"
    )
}

/// Commodities a market report names at a sentence's start ("Nickel jumped 4 percent",
/// "Silver rose 1.4 percent"): no company.
#[rustfmt::skip]
pub(super) fn is_commodity(w: &str) -> bool {
    matches!(
        w,
        "Gold" | "Silver" | "Platinum" | "Palladium" | "Copper" | "Nickel" | "Zinc" | "Tin"
            | "Lead" | "Aluminium" | "Aluminum" | "Cobalt" | "Lithium" | "Iron" | "Steel"
            | "Oil" | "Crude" | "Gasoil" | "Gasoline" | "Diesel" | "Coal" | "Uranium" | "Wheat"
            | "Corn" | "Maize" | "Soybeans" | "Soyoil" | "Rice" | "Sugar" | "Coffee" | "Cocoa"
            | "Cotton" | "Rubber" | "Palm" | "Canola" | "Rapeseed" | "Barley" | "Oats"
    )
}

/// Words that qualify a company's figure at a sentence's start ("Operating profit fell",
/// "Underlying earnings rose"): no company.
#[rustfmt::skip]
pub(super) fn is_figure_modifier(w: &str) -> bool {
    matches!(
        w,
        "Operating" | "Net" | "Pretax" | "Pre-tax" | "Gross" | "Core" | "Underlying"
            | "Adjusted" | "Quarterly" | "Annual" | "Full-year" | "Half-year" | "First-half"
            | "Second-half" | "Total" | "Comparable" | "Recurring" | "Attributable"
            | "Consolidated"
    )
}

/// Swahili words that open the names of parties, unions, companies, councils and colleges
/// ("Chama cha Haki na Usawa"), whose words are joined by "cha", "wa", "ya", "za", "na".
pub(super) fn is_swahili_org_opener(w: &str) -> bool {
    matches!(
        w,
        "Chama" | "Muungano" | "Shirika" | "Baraza" | "Jumuiya" | "Umoja" | "Benki" | "Chuo"
    )
}

/// Institutions named by their head word alone.
#[rustfmt::skip]
pub(super) fn is_single_word_org(w: &str) -> bool {
    matches!(
        w,
        "Congress" | "Parliament" | "Senate" | "Bundestag" | "Knesset" | "Duma" | "Pentagon"
            | "Interpol" | "Europol" | "Kremlin"
    ) || is_spor_club(w)
}

/// A Turkish club by its "-spor" ending: "Trabzonspor", "Yıldızspor".
pub(super) fn is_spor_club(w: &str) -> bool {
    w.chars().count() >= 7
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.ends_with("spor")
}

/// Names that end in a head word but are places.
pub(super) fn is_place_shaped(words: &str) -> bool {
    matches!(
        words,
        "Soviet Union"
            | "Russian Federation"
            | "West Bank"
            | "Swiss Confederation"
            | "Union Territory"
            | "Capitol Hill"
            | "Holy See"
            | "Vatican City"
    )
}

#[rustfmt::skip]
pub(super) fn loc_head(w: &str) -> bool {
    matches!(
        w,
        "River" | "Lake" | "Lakes" | "Mountain" | "Mountains" | "Hills" | "Valley" | "Desert"
            | "Ocean" | "Sea" | "Gulf" | "Bay" | "Strait" | "Straits" | "Canal" | "Peninsula"
            | "Island" | "Islands" | "Isles" | "Coast" | "Basin" | "Plateau" | "Glacier" | "Falls"
            | "Forest" | "Park" | "Square" | "Street" | "Avenue" | "Boulevard" | "Road" | "Bridge"
            | "Tower" | "Towers" | "Airport" | "Station" | "Stadium" | "Arena" | "Palace"
            | "Castle" | "Cathedral" | "Mosque" | "Temple" | "Hall" | "Building" | "Plaza"
            | "Highway" | "Monument" | "Gardens" | "Zoo" | "Harbor" | "Harbour" | "Reef"
            | "Volcano" | "Canyon" | "Prison" | "Base" | "Memorial" | "Planetarium"
            | "Observatory" | "Delta" | "Province" | "Region"
    )
}

/// Place-type words that open a name: "Mount Everest", "Lake Victoria".
pub(super) fn is_loc_opener(w: &str) -> bool {
    matches!(w, "Mount" | "Mt." | "Lake" | "Cape" | "Isle")
}

/// Last words of events' names: "Atlas Rally", "Seville Open", "Arab Spring" (the rules' head
/// word, and the model's organisations that are events).
#[rustfmt::skip]
pub fn event_head(w: &str) -> bool {
    matches!(
        w,
        "War" | "Olympics" | "Paralympics" | "Olympiad" | "Cup" | "Championship"
            | "Championships" | "Summit" | "Festival" | "Expo" | "Marathon" | "Tournament"
            | "Prix" | "Revolution" | "Uprising" | "Spring" | "Fair" | "Bowl" | "Massacre"
            | "Games" | "Open" | "Gala" | "Indoors" | "Trophy" | "Classic" | "Rally" | "Slam"
            | "Regatta" | "Invitational"
    )
}

#[rustfmt::skip]
pub(super) fn misc_head(w: &str) -> bool {
    matches!(
        w,
        "Act" | "Treaty" | "Accord" | "Accords" | "Agreement" | "Protocol" | "Charter" | "Doctrine"
            | "Declaration" | "Amendment" | "Prize" | "Award" | "Awards"
    )
}

/// Head words before "of" that make "X of Y" one name, beyond organisation heads.
#[rustfmt::skip]
pub(super) fn is_of_head(w: &str) -> bool {
    org_head(w).is_some()
        || loc_head(w)
        || event_head(w)
        || misc_head(w)
        || matches!(
            w,
            "Republic" | "Kingdom" | "States" | "Isle" | "Cape" | "Statue" | "Duke" | "Duchess"
                | "Prince" | "Princess" | "Archbishop" | "Bishop" | "Earl" | "Battle" | "Siege"
                | "Museum" | "Order" | "Knights" | "Chamber" | "House" | "Houses" | "Day"
                | "Secretary" | "Minister" | "Ministers" | "Bill" | "Gospel" | "Book" | "Mount"
                | "Lake" | "City" | "Province" | "Port" | "Emirate" | "Sultanate" | "Commonwealth"
                | "Centers" | "Department"
        )
}

/// "al-Assad", "d'Estaing", "bin-Salman": a particle glued to a capitalised name.
pub(super) fn is_particle_prefixed(w: &str) -> bool {
    // Every particle is one to three letters: look no further than that (this runs on every
    // lower-case word).
    let Some(k) = w
        .bytes()
        .take(4)
        .position(|b| matches!(b, b'-' | b'\'' | 0xe2))
        .filter(|&k| k >= 1)
    else {
        return false;
    };
    let (prefix, rest) = w.split_at(k);
    let rest = rest.trim_start_matches(['-', '\'', '’']);
    matches!(
        prefix,
        "al" | "el"
            | "ad"
            | "ash"
            | "as"
            | "an"
            | "ar"
            | "at"
            | "az"
            | "bin"
            | "ibn"
            | "abu"
            | "ul"
            | "ud"
            | "d"
            | "l"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

#[rustfmt::skip]
pub(super) fn speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "tells" | "added" | "adds" | "stated" | "explained" | "explains"
            | "noted" | "notes" | "warned" | "warns" | "insisted" | "insists" | "argued" | "argues"
            | "claimed" | "claims" | "announced" | "wrote" | "writes" | "tweeted" | "recalled"
            | "recalls" | "replied" | "responded" | "confirmed" | "acknowledged" | "admitted"
            | "declared" | "stressed" | "emphasised" | "emphasized" | "urged" | "predicted"
            | "commented" | "remarked" | "asked" | "asks" | "conceded" | "concluded"
    )
}

/// Verbs that may come before their subject: "…, said Jane Doe."
#[rustfmt::skip]
pub(super) fn inverted_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "added" | "adds" | "asked" | "wrote" | "explained" | "noted"
            | "continued" | "recalled" | "warned"
    )
}

/// Words between a subject and its speech verb: "Obama also said", "Putin has warned".
#[rustfmt::skip]
pub(super) fn is_speech_adverb(w: &str) -> bool {
    matches!(
        w,
        "also" | "later" | "then" | "has" | "have" | "had" | "previously" | "recently" | "earlier"
            | "once" | "reportedly" | "repeatedly" | "further" | "publicly" | "privately"
            | "flatly" | "simply" | "quickly" | "separately" | "again"
    )
}

/// Nouns before "of X" that make X a place: "the city of X", "the region of X".
pub(super) fn place_of_noun(w: &str) -> Option<&'static str> {
    match w {
        "city" | "town" | "village" | "state" | "province" | "capital" | "country" | "nation"
        | "port" | "county" | "municipality" | "republic" | "kingdom" | "emirate" | "suburb"
        | "district" => Some("GPE"),
        "region" | "island" | "islands" | "peninsula" | "valley" => Some("LOC"),
        _ => None,
    }
}

/// What a country has: "X's capital", "X's government" make X a country.
pub(super) fn gpe_possessed(w: &str) -> Option<f32> {
    match w {
        "capital" | "government" | "parliament" | "embassy" | "ambassador" | "military"
        | "army" | "navy" | "economy" | "constitution" | "border" | "borders" | "citizens"
        | "prime" | "foreign" | "defence" | "defense" | "interior" | "armed" | "central" => {
            Some(0.55)
        }
        "president" | "President" | "Prime" | "Foreign" => Some(0.5),
        _ => None,
    }
}

/// Words that follow a title without being a name: "General Motors", "Chief Executive".
#[rustfmt::skip]
pub(super) fn is_title_false_name(w: &str) -> bool {
    matches!(
        w,
        "Motors" | "Electric" | "Mills" | "Dynamics" | "Atomics" | "Foods" | "Hospital" | "Staff"
            | "Kong" | "Jr." | "Sr." | "II" | "III" | "IV" | "Justice"
    )
}

#[rustfmt::skip]
pub(super) fn is_place_opener(w: &str) -> bool {
    matches!(
        w,
        "Rio" | "San" | "Santa" | "Santo" | "São" | "Sao" | "Los" | "Las" | "Costa" | "Puerto"
            | "Port" | "Porto" | "Cabo" | "Villa" | "Ciudad" | "Isla" | "Mont" | "Notre" | "Saint"
            | "St." | "Cape" | "Mount" | "Lake" | "Fort" | "Bois" | "Champs" | "Col" | "Route"
            | "Tour" | "Pont" | "Rue" | "Place" | "Lago" | "Monte" | "Sierra" | "Cerro" | "Punta"
            | "Bahía" | "Golfe" | "Val" | "Vila"
    )
}

/// A short capitalised word that can be an East Asian family name ("Moon", "Lee", "Xi").
pub(super) fn is_family_name_shape(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n)
        && w.chars().all(char::is_alphabetic)
        && w.chars().skip(1).all(char::is_lowercase)
        && !is_title_core(w)
        && !is_initial_function_word(w)
        && !is_place_opener(w)
}

/// "Jae-in", "Cheuk-yan", "Hee-Chan": two syllables joined by a hyphen, the first capitalised.
pub(super) fn is_hyphenated_given_name(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let syllable =
        |x: &str| (1..=6).contains(&x.chars().count()) && x.chars().all(char::is_alphabetic);
    syllable(a)
        && syllable(b)
        && a.chars().next().is_some_and(char::is_uppercase)
        && a.chars().skip(1).all(char::is_lowercase)
        && b.chars().skip(1).all(char::is_lowercase)
        && !is_compound_suffix(&b.to_lowercase())
}

/// Nouns that end names of things, not of people ("Kennedy Space Center", "Star Wars").
pub(super) fn is_non_person_word(w: &str) -> bool {
    matches!(
        w,
        "Center"
            | "Centre"
            | "Conference"
            | "Series"
            | "Wars"
            | "Show"
            | "Project"
            | "Program"
            | "Programme"
            | "Tourism"
            | "Initiative"
            | "Campaign"
            | "Report"
            | "Index"
            | "Fund"
            | "Awards"
            | "Day"
            | "Week"
            | "Street"
            | "Tech"
    )
}

/// Words after a nationality that start the name of a state body ("Supreme Court").
pub(super) fn is_state_body_modifier(w: &str) -> bool {
    matches!(
        w,
        "Supreme"
            | "Federal"
            | "Foreign"
            | "Defence"
            | "Defense"
            | "Interior"
            | "Justice"
            | "Health"
            | "Education"
            | "Finance"
            | "Constitutional"
            | "High"
    )
}

pub(super) fn is_compass(w: &str) -> bool {
    matches!(
        w,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "New"
            | "Upper"
            | "Lower"
            | "Greater"
            | "United"
            | "Saudi"
            | "Hong"
            | "Sri"
            | "El"
    )
}

/// The particles of Romance (and Filipino) names, a part of `is_particle`'s: companies,
/// estates and clubs are named with them too ("Frutas del Pacífico", "Quinta do Falcão").
#[rustfmt::skip]
pub(super) fn is_romance_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del" | "della" | "da" | "do" | "dos" | "das" | "di" | "du" | "la" | "le" | "y"
            | "los" | "las" | "dela" | "delos" | "des"
    )
}

/// Second halves of hyphenated words that are not given names ("Tokyo-based", "Kyoto-born").
#[rustfmt::skip]
fn is_compound_suffix(w: &str) -> bool {
    matches!(
        w,
        "based" | "born" | "led" | "backed" | "owned" | "run" | "made" | "style" | "like" | "era"
            | "free" | "wide" | "old" | "year" | "day" | "time" | "type" | "size" | "class"
            | "level" | "area" | "zone" | "bound" | "speaking"
    )
}

/// Words that open clubs' names: "Real Sabinas", "Deportivo Altamira", "Dinamo Zagreb".
#[rustfmt::skip]
pub(super) fn is_club_opener(w: &str) -> bool {
    matches!(
        w,
        "Real" | "Deportivo" | "Atlético" | "Atletico" | "Sporting" | "Dynamo" | "Dinamo"
            | "Olympique" | "Olympiakos" | "Racing" | "Rapid" | "Slavia" | "Lokomotiv"
            | "Lokomotiva" | "Spartak" | "Borussia" | "Eintracht" | "Fortuna" | "Hapoel"
            | "Maccabi" | "Beitar" | "Unión" | "Independiente" | "Estudiantes" | "Club"
            | "Athletic" | "Académica" | "Vitória" | "Partizan" | "Legia" | "Wisła" | "Wisla"
            | "Crvena" | "Steaua" | "FC" | "FK" | "NK" | "HNK" | "VfB" | "VfL" | "TSV" | "KRC"
            | "AEK" | "PAOK" | "CSKA" | "Sparta" | "Sturm" | "Apollon" | "Aris" | "Vitesse"
            | "Metalist" | "Shakhtar" | "Zenit" | "Torpedo" | "Levski" | "Viktoria" | "Nacional"
            | "Alianza" | "SV" | "SC" | "HC" | "CD" | "CF" | "UD" | "SD" | "RC" | "KV" | "BK"
            | "IFK" | "AIK" | "SK" | "TSG" | "FSV" | "SpVgg"
    )
}

/// Prepositions a place follows ("in Wrocław, the mayor said"): a name after one set off by
/// commas is no person's apposition.
pub(super) fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "from"
            | "to"
            | "near"
            | "across"
            | "into"
            | "outside"
            | "inside"
            | "around"
            | "toward"
            | "towards"
            | "via"
            | "through"
            | "throughout"
            | "beyond"
            | "within"
    )
}
