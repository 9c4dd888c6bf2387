//! Stock tickers as wires print them after a company's name: an instrument code and its
//! exchange, "(TLR.TO)", "KBEYA.IS", "4192.SR", "VOD.L". Neither part is a name of its own, and
//! the name before one is a company's.

/// A ticker found in a text, as byte offsets: the code (`TLR`) and where the exchange's
/// suffix ends (after `TO`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticker {
    pub start: usize,
    pub dot: usize,
    pub end: usize,
}

/// Every ticker in `text`: two to six capitals or figures starting a word, a full stop and a
/// known exchange's suffix ending the word. One capital ("U.S.", "J.P.") is too short to be a
/// code, and a suffix no exchange uses ("A.M.") is no ticker.
pub fn tickers(text: &str) -> Vec<Ticker> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (dot, _) in text.match_indices('.') {
        let code_len = bytes[..dot]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            .count();
        if !(2..=6).contains(&code_len) {
            continue;
        }
        let start = dot - code_len;
        // The code starts a word: not the tail of "SHARE.PA" read from "PLCSHARE".
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] >= 0x80) {
            continue;
        }
        let rest = &bytes[dot + 1..];
        let suffix = rest.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let end = dot + 1 + suffix;
        // Ending the word: a full stop only where it ends the sentence ("IBM.N." but not
        // "A.B.C.D.").
        let boundary = match bytes.get(end) {
            None => true,
            Some(b'.') => bytes.get(end + 1).is_none_or(|b| b.is_ascii_whitespace()),
            Some(b) => !(b.is_ascii_alphanumeric() || *b >= 0x80),
        };
        if suffix == 0 || !boundary || !is_exchange(&text[dot + 1..end]) {
            continue;
        }
        // "4192.SR" is a code; "2.5.A" or a plain number ending a sentence is not one.
        if bytes[start..dot].iter().all(u8::is_ascii_digit) && code_len < 4 {
            continue;
        }
        out.push(Ticker { start, dot, end });
    }
    out
}

/// The suffixes exchanges' instrument codes end in (New York, Nasdaq, London, Paris,
/// Frankfurt, Tokyo, Hong Kong, Johannesburg, Riyadh, Jakarta, Ho Chi Minh City, …).
fn is_exchange(s: &str) -> bool {
    matches!(
        s,
        "N" | "O"
            | "OQ"
            | "A"
            | "K"
            | "L"
            | "PA"
            | "DE"
            | "F"
            | "AS"
            | "MI"
            | "MC"
            | "BR"
            | "LS"
            | "SW"
            | "S"
            | "VX"
            | "CO"
            | "ST"
            | "OL"
            | "HE"
            | "IR"
            | "I"
            | "VI"
            | "WA"
            | "PR"
            | "BU"
            | "AT"
            | "IS"
            | "TA"
            | "CA"
            | "J"
            | "JO"
            | "NR"
            | "LG"
            | "SR"
            | "QA"
            | "DU"
            | "AD"
            | "KW"
            | "BH"
            | "OM"
            | "KA"
            | "BO"
            | "NS"
            | "CM"
            | "HK"
            | "SS"
            | "SZ"
            | "T"
            | "OS"
            | "KS"
            | "KQ"
            | "TW"
            | "TWO"
            | "SI"
            | "KL"
            | "BK"
            | "JK"
            | "PS"
            | "HM"
            | "HN"
            | "VN"
            | "AX"
            | "NZ"
            | "TO"
            | "V"
            | "CN"
            | "SA"
            | "MX"
            | "BA"
            | "SN"
            | "LM"
            | "CL"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&str> {
        tickers(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tickers_and_what_is_not_one() {
        assert_eq!(
            codes("Brewer Hopfeld (HOPF.AS) rose; Kasbah Foods 4192.SR fell; VOD.L and IBM.N."),
            ["HOPF.AS", "4192.SR", "VOD.L", "IBM.N"]
        );
        // Initials, abbreviations, sentence ends and numbers are not tickers.
        assert!(codes("U.S. stocks; J.P. Morgan; at 9 A.M. on the NYSE. The CEO.").is_empty());
        assert!(codes("It rose 12.5 percent. Version 2.0.1 and 10.N").is_empty());
        assert!(codes("the EU.It said; ABC.PAX and ABC.ZZ").is_empty());
        assert_eq!(codes("ŠKODA.PR"), Vec::<&str>::new());
        assert_eq!(codes("(TLR.TO)"), ["TLR.TO"]);
    }
}
