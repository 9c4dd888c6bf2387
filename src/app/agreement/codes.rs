//! Agreement on document categories and on attributes: nominal codes of units that every
//! annotator may or may not have coded.
//!
//! **Categories**, per scheme: a unit is a compared document, an annotator's code is the value
//! chosen in the scheme, or for a multiple-choice scheme the set of values chosen (so
//! agreement is on the exact set), and no code when the annotator left the document
//! uncategorised in that scheme.
//!
//! **Attributes**, per target and name, on *matched items*: spans with the same start, end and
//! label in every annotator's copy of a document; quotes with the same content ranges; and
//! entities with the same name that every annotator's compared documents link to. An item's code
//! is the attribute's value, or none when it is not set.
//!
//! For each: *percent agreement* and *Cohen's kappa* (two annotators) or *Fleiss' kappa* (more)
//! over the units every annotator coded; *Krippendorff's alpha* (nominal) over the units at
//! least two coded, the missing codes left out as alpha allows:
//! α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, where o_ck is the coincidence matrix
//! (each unit with m_u codes adds 1/(m_u − 1) for every ordered pair of codes from different
//! annotators), n_c its margins and n = Σ n_c (Krippendorff 2004, ch. 11). Undefined (`None`)
//! when nothing varies.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::kappa::{Fleiss, Kappa, cohen_kappa};
use super::{Annotator, Share};
use crate::model::{AttrTarget, Attributes, Document};

/// Agreement on one scheme or attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CodeAgreement {
    /// The scheme's name, or "entity gender", "quote topic"…
    pub name: String,
    /// Units at least one annotator coded.
    pub units: usize,
    /// Units every annotator coded, and how many of them all coded alike.
    pub agreed: Share,
    /// Cohen's (two annotators) or Fleiss' (more), over the units every annotator coded.
    pub kappa: Kappa,
    /// Krippendorff's alpha, nominal, over the units at least two annotators coded.
    pub alpha: Option<f64>,
}

/// Measure one scheme or attribute from its units: each unit has one code (or none) per
/// annotator, in annotator order.
pub fn nominal(name: String, units: &[Vec<Option<String>>]) -> CodeAgreement {
    let coded: Vec<&Vec<Option<String>>> = units
        .iter()
        .filter(|u| u.iter().any(Option::is_some))
        .collect();
    let codes: Vec<&str> = coded
        .iter()
        .flat_map(|u| u.iter().flatten().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index = |c: &str| codes.iter().position(|x| *x == c).unwrap_or(0);
    let k = codes.len();
    let complete: Vec<Vec<usize>> = coded
        .iter()
        .filter_map(|u| u.iter().map(|c| c.as_deref().map(index)).collect())
        .collect();
    let agreed = complete
        .iter()
        .filter(|u| u.iter().all(|c| *c == u[0]))
        .count();
    let m = units.first().map_or(0, Vec::len);
    let kappa = if m == 2 {
        let mut table = vec![vec![0; k]; k];
        for u in &complete {
            table[u[0]][u[1]] += 1;
        }
        cohen_kappa(&table)
    } else {
        let mut f = Fleiss::default();
        for u in &complete {
            let mut row = vec![0; k];
            for &c in u {
                row[c] += 1;
            }
            f.add(&row);
        }
        f.kappa()
    };
    CodeAgreement {
        name,
        units: coded.len(),
        agreed: Share::new((agreed, complete.len())),
        kappa,
        alpha: alpha(&coded, &index, k),
    }
}

/// Krippendorff's alpha (nominal); see the module documentation.
fn alpha(units: &[&Vec<Option<String>>], index: &dyn Fn(&str) -> usize, k: usize) -> Option<f64> {
    let mut o = vec![vec![0.0f64; k]; k];
    for u in units {
        let values: Vec<usize> = u.iter().flatten().map(|c| index(c)).collect();
        let mu = values.len();
        if mu < 2 {
            continue;
        }
        for (i, &a) in values.iter().enumerate() {
            for (j, &b) in values.iter().enumerate() {
                if i != j {
                    o[a][b] += 1.0 / (mu - 1) as f64;
                }
            }
        }
    }
    let nc: Vec<f64> = o.iter().map(|r| r.iter().sum()).collect();
    let n: f64 = nc.iter().sum();
    let disagreed: f64 = (0..k)
        .flat_map(|c| (0..k).filter(move |&d| d != c).map(move |d| (c, d)))
        .map(|(c, d)| o[c][d])
        .sum();
    let expected: f64 = (0..k)
        .flat_map(|c| (0..k).filter(move |&d| d != c).map(move |d| (c, d)))
        .map(|(c, d)| nc[c] * nc[d])
        .sum();
    (n > 1.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * disagreed / expected)
}

/// Category agreement per scheme used in the compared documents: the schemes in the first
/// annotator's order (then the others', then any undefined name).
pub fn categories(annotators: &[Annotator], compared: &[Vec<&Document>]) -> Vec<CodeAgreement> {
    let used: BTreeSet<&str> = compared
        .iter()
        .flatten()
        .flat_map(|d| d.categories.keys().map(String::as_str))
        .collect();
    let mut order: Vec<&str> = Vec::new();
    let defined = annotators
        .iter()
        .flat_map(|a| a.project.schemes.iter().map(|s| s.name.as_str()));
    for s in defined.chain(used.iter().copied()) {
        if used.contains(s) && !order.contains(&s) {
            order.push(s);
        }
    }
    order
        .into_iter()
        .map(|scheme| {
            let units: Vec<Vec<Option<String>>> = compared
                .iter()
                .map(|copies| {
                    copies
                        .iter()
                        .map(|d| d.categories.get(scheme).map(|v| v.join("+")))
                        .collect()
                })
                .collect();
            nominal(scheme.to_string(), &units)
        })
        .collect()
}

/// Attribute agreement on matched spans, quotes and entities, per target and attribute name.
pub fn attributes(annotators: &[Annotator], compared: &[Vec<&Document>]) -> Vec<CodeAgreement> {
    // (target, name) → units; a unit is one matched item's attributes per annotator.
    let mut items: BTreeMap<AttrTarget, Vec<Vec<Attributes>>> = BTreeMap::new();
    for copies in compared {
        let first = copies[0];
        for s in &first.spans {
            let matched: Option<Vec<Attributes>> = copies
                .iter()
                .map(|d| {
                    d.spans
                        .iter()
                        .find(|x| x.range() == s.range() && x.label == s.label)
                        .map(|x| x.attributes)
                })
                .collect();
            items.entry(AttrTarget::Span).or_default().extend(matched);
        }
        for q in &first.quotes {
            let matched: Option<Vec<Attributes>> = copies
                .iter()
                .map(|d| {
                    d.quotes
                        .iter()
                        .find(|x| x.content == q.content)
                        .map(|x| x.attributes)
                })
                .collect();
            items.entry(AttrTarget::Quote).or_default().extend(matched);
        }
    }
    // Entities by name, among those the compared documents link to.
    let per: Vec<BTreeMap<String, Attributes>> = annotators
        .iter()
        .enumerate()
        .map(|(i, a)| {
            compared
                .iter()
                .filter_map(|copies| copies.get(i))
                .flat_map(|d| d.spans.iter().filter_map(|s| a.project.entity(s.entity?)))
                .map(|e| (e.name.clone(), e.attributes))
                .collect()
        })
        .collect();
    if let Some(first) = per.first() {
        for name in first.keys() {
            let matched: Option<Vec<Attributes>> =
                per.iter().map(|m| m.get(name).copied()).collect();
            items.entry(AttrTarget::Entity).or_default().extend(matched);
        }
    }
    let mut out = Vec::new();
    for target in AttrTarget::ALL {
        let Some(units) = items.get(&target) else {
            continue;
        };
        let mut names: Vec<&str> = annotators
            .iter()
            .flat_map(|a| a.project.attributes_of(target).map(|d| d.name.as_str()))
            .collect();
        let used: BTreeSet<&str> = units
            .iter()
            .flatten()
            .flat_map(|a| a.map().keys().map(String::as_str))
            .collect();
        names.extend(used.iter().copied());
        let mut seen = BTreeSet::new();
        for name in names {
            if !used.contains(name) || !seen.insert(name) {
                continue;
            }
            let codes: Vec<Vec<Option<String>>> = units
                .iter()
                .map(|u| u.iter().map(|a| a.value(name).map(String::from)).collect())
                .collect();
            out.push(nominal(format!("{} {name}", target.name()), &codes));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(rows: &[(&str, &str)]) -> Vec<Vec<Option<String>>> {
        let code = |c: &str| (c != "-").then(|| c.to_string());
        rows.iter().map(|(a, b)| vec![code(a), code(b)]).collect()
    }

    /// Ten documents, two annotators, topic ∈ {politics (P), economy (E)}:
    ///
    /// ```text
    ///              B: P   B: E
    ///   A: P         4      1     5
    ///   A: E         1      4     5
    ///                5      5    10
    /// ```
    /// p_o = 8/10 = 0.8; p_e = (5·5 + 5·5)/10² = 0.5; κ = (0.8 − 0.5)/(1 − 0.5) = 0.6.
    ///
    /// Alpha: 20 codes, n_P = n_E = 10; o_PE = o_EP = 2 (two disagreeing units, each adding
    /// 1/(2−1) per ordered pair); α = 1 − (n − 1)·Σ o_ck / Σ n_c n_k = 1 − 19·4/(10·10 + 10·10)
    /// = 1 − 76/200 = 0.62.
    #[test]
    fn cohen_kappa_and_alpha_match_a_hand_worked_example() {
        let mut rows = vec![("P", "P"); 4];
        rows.extend([("E", "E"); 4]);
        rows.extend([("P", "E"), ("E", "P")]);
        let a = nominal("topic".into(), &units(&rows));
        assert_eq!(a.units, 10);
        assert_eq!((a.agreed.agreed, a.agreed.total), (8, 10));
        assert!((a.kappa.value.unwrap() - 0.6).abs() < 1e-12);
        assert!((a.alpha.unwrap() - 0.62).abs() < 1e-12);
    }

    /// A missing code leaves kappa's table but still counts for alpha when two others coded it.
    /// Three annotators, four units: (P,P,P), (E,E,E), (P,P,E), (P,-,P).
    /// Fleiss over the three complete units, P_i = (Σ_j n_ij² − m)/(m(m − 1)):
    /// (9 − 3)/6 = 1, 1, (4 + 1 − 3)/6 = 1/3; P̄ = 7/9.
    /// p_P = (3+0+2)/9 = 5/9, p_E = 4/9; P̄_e = 25/81 + 16/81 = 41/81.
    /// κ = (7/9 − 41/81)/(1 − 41/81) = (63 − 41)/(81 − 41) = 22/40 = 0.55.
    #[test]
    fn fleiss_kappa_over_complete_units() {
        let code = |c: &str| (c != "-").then(|| c.to_string());
        let units: Vec<Vec<Option<String>>> = [
            ["P", "P", "P"],
            ["E", "E", "E"],
            ["P", "P", "E"],
            ["P", "-", "P"],
        ]
        .iter()
        .map(|u| u.iter().map(|c| code(c)).collect())
        .collect();
        let a = nominal("topic".into(), &units);
        assert_eq!(a.units, 4);
        assert_eq!((a.agreed.agreed, a.agreed.total), (2, 3));
        assert!((a.kappa.value.unwrap() - 0.55).abs() < 1e-12);
        assert!(a.alpha.is_some());
    }

    #[test]
    fn nothing_varies_is_undefined() {
        let a = nominal("topic".into(), &units(&[("P", "P"), ("P", "P")]));
        assert_eq!(a.kappa.value, None);
        assert_eq!(a.alpha, None);
        assert_eq!(a.agreed.rate, Some(1.0));
    }
}
