//! The Label Studio labelling config (XML) that fits a Gloss Label Studio export: paste it into
//! a new project's "Labeling Interface" (Code view) and the exported tasks import into it with
//! every span, quote part, cue and relation in place.
//!
//! ```xml
//! <View>
//!   <Relations>
//!     <Relation value="speaker"/> <Relation value="cue"/> <Relation value="part"/>
//!   </Relations>
//!   <Labels name="label" toName="text">
//!     <Label value="PERSON" background="#e6194b"/> …
//!     <Label value="QUOTE"/> <Label value="QUOTE-INDIRECT"/> <Label value="QUOTE-MIXED"/>
//!     <Label value="CUE"/>
//!   </Labels>
//!   <Text name="text" value="$text"/>
//! </View>
//! ```
//!
//! The `<Labels>` and `<Text>` names are the export's `from_name` and `to_name`; the labels
//! are the exported ones (the `labels` option), in the project's order and colours; the quote
//! labels and relations are there when quotes are exported. Then a `<Choices>` per category
//! scheme (`choice="multiple"` for multiple choice), and a per-region `<Choices>` (or
//! `<TextArea>` for free text) per span attribute (`span.NAME`) and quote attribute
//! (`quote.NAME`), as `io::label_studio::codes` writes and reads them.

use super::Options;
use super::codes;
use crate::io::interchange::{self, CUE, CUE_RELATION, PART_RELATION, SPEAKER_RELATION};
use crate::model::{AttrTarget, Project, QuoteKind};

/// Quote labels' colours: they should stand apart from the entity labels.
const QUOTE_COLOR: &str = "#9e9e9e";
const CUE_COLOR: &str = "#ffd54f";

/// `s` safe inside an XML attribute in double quotes.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// The labelling config for `project`'s labels exported with `options`.
pub fn config(project: &Project, options: &Options) -> String {
    let mut x = String::from("<View>\n");
    if options.quotes {
        x.push_str("  <Relations>\n");
        for r in [SPEAKER_RELATION, CUE_RELATION, PART_RELATION] {
            x.push_str(&format!("    <Relation value=\"{r}\"/>\n"));
        }
        x.push_str("  </Relations>\n");
    }
    x.push_str(&format!(
        "  <Labels name=\"{}\" toName=\"{}\">\n",
        attr(&options.from_name),
        attr(&options.to_name)
    ));
    for label in &project.labels.labels {
        let chosen = options
            .labels
            .as_ref()
            .is_none_or(|l| l.contains(&label.name));
        // A label spelled like a quote label is not exported as a span (see `io::interchange`).
        if chosen && !interchange::is_reserved(&label.name) {
            x.push_str(&format!(
                "    <Label value=\"{}\" background=\"{}\"/>\n",
                attr(&label.name),
                attr(&label.color.hex())
            ));
        }
    }
    if options.quotes {
        for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed] {
            x.push_str(&format!(
                "    <Label value=\"{}\" background=\"{QUOTE_COLOR}\"/>\n",
                interchange::quote_label(k)
            ));
        }
        x.push_str(&format!(
            "    <Label value=\"{CUE}\" background=\"{CUE_COLOR}\"/>\n"
        ));
    }
    x.push_str("  </Labels>\n");
    x.push_str(&format!(
        "  <Text name=\"{}\" value=\"$text\"/>\n",
        attr(&options.to_name)
    ));
    x.push_str(&choices(project, options));
    x.push_str("</View>\n");
    x
}

/// `<Choices>` for each category scheme (the document's), and per-region `<Choices>` or
/// `<TextArea>` for each span and quote attribute (see `io::label_studio::codes`).
fn choices(project: &Project, options: &Options) -> String {
    let to = attr(&options.to_name);
    let mut x = String::new();
    for s in &project.schemes {
        let multiple = if s.multiple {
            " choice=\"multiple\""
        } else {
            ""
        };
        x.push_str(&format!(
            "  <Header value=\"{}\"/>\n  <Choices name=\"{}\" toName=\"{to}\"{multiple} showInline=\"true\">\n",
            attr(&s.name),
            attr(&s.name)
        ));
        for v in &s.values {
            x.push_str(&format!("    <Choice value=\"{}\"/>\n", attr(&v.name)));
        }
        x.push_str("  </Choices>\n");
    }
    for a in &project.attributes {
        if a.target == AttrTarget::Entity || (a.target == AttrTarget::Quote && !options.quotes) {
            continue;
        }
        let name = attr(&codes::control(a.target, &a.name));
        if a.is_free_text() {
            x.push_str(&format!(
                "  <TextArea name=\"{name}\" toName=\"{to}\" perRegion=\"true\" maxSubmissions=\"1\"/>\n"
            ));
            continue;
        }
        x.push_str(&format!(
            "  <Choices name=\"{name}\" toName=\"{to}\" perRegion=\"true\">\n"
        ));
        for v in &a.values {
            x.push_str(&format!("    <Choice value=\"{}\"/>\n", attr(v)));
        }
        x.push_str("  </Choices>\n");
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelSet;

    #[test]
    fn config_names_the_labels_quote_kinds_cue_and_relations() {
        let p = Project::with_labels(
            "p",
            LabelSet::from_names(["PERSON".to_string(), "A&B \"x\"".to_string()]),
        );
        let x = config(&p, &Options::default());
        assert!(x.starts_with("<View>") && x.trim_end().ends_with("</View>"));
        assert!(x.contains("<Labels name=\"label\" toName=\"text\">"), "{x}");
        assert!(x.contains("<Text name=\"text\" value=\"$text\"/>"), "{x}");
        assert!(x.contains("<Label value=\"PERSON\" background=\"#"), "{x}");
        assert!(x.contains("<Label value=\"A&amp;B &quot;x&quot;\""), "{x}");
        for l in ["QUOTE", "QUOTE-INDIRECT", "QUOTE-MIXED", "CUE"] {
            assert!(x.contains(&format!("<Label value=\"{l}\"")), "{l}: {x}");
        }
        for r in ["speaker", "cue", "part"] {
            assert!(
                x.contains(&format!("<Relation value=\"{r}\"/>")),
                "{r}: {x}"
            );
        }
        // Other names, chosen labels, no quotes.
        let x = config(
            &p,
            &Options {
                labels: Some(vec!["PERSON".into()]),
                quotes: false,
                from_name: "ner".into(),
                to_name: "body".into(),
                ..Options::default()
            },
        );
        assert!(x.contains("<Labels name=\"ner\" toName=\"body\">"), "{x}");
        assert!(x.contains("<Text name=\"body\" value=\"$text\"/>"), "{x}");
        assert!(!x.contains("A&amp;B") && !x.contains("QUOTE") && !x.contains("Relation"));
    }

    #[test]
    fn config_has_choices_for_schemes_and_attributes() {
        use crate::model::{AttributeDef, CategoryScheme, CategoryValue, Color};
        let mut p = Project::new("p");
        p.schemes.push(CategoryScheme {
            name: "topic".into(),
            multiple: true,
            values: vec![CategoryValue {
                name: "politics".into(),
                key: None,
                color: Color([0, 0, 0]),
            }],
            description: String::new(),
        });
        p.attributes.push(AttributeDef {
            name: "stance".into(),
            target: AttrTarget::Quote,
            values: vec!["for".into()],
            description: String::new(),
        });
        p.attributes.push(AttributeDef {
            name: "role".into(),
            target: AttrTarget::Span,
            values: vec![],
            description: String::new(),
        });
        let x = config(&p, &Options::default());
        assert!(
            x.contains("<Choices name=\"topic\" toName=\"text\" choice=\"multiple\""),
            "{x}"
        );
        assert!(x.contains("<Choice value=\"politics\"/>"), "{x}");
        assert!(
            x.contains("<Choices name=\"quote.stance\" toName=\"text\" perRegion=\"true\">"),
            "{x}"
        );
        assert!(x.contains("<TextArea name=\"span.role\""), "{x}");
    }
}
