//! The options of `gloss export` that belong to particular formats: quotes, names only, the
//! doccano shape and Label Studio's tag names and labelling config. They fill the same
//! `formats::ExportOptions` the export dialog fills.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::app::formats::{ConllColumns, DoccanoShape, ExportOptions};

/// doccano's two JSONL shapes, as the command line names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DoccanoShapeArg {
    /// `{"text", "entities", "relations"}`: spans, quotes and their speaker, cue and part
    /// relations. Import into a doccano "Sequence labeling" project with both "Allow
    /// overlapping entity" and "Use relation labeling" ticked (doccano's importer fails on
    /// this shape otherwise).
    #[default]
    Relations,
    /// `{"text", "label": [[start, end, "LABEL"], …]}`: outermost spans only (spans inside or
    /// crossing another are left out and listed), no relations. Import into a plain doccano
    /// "Sequence labeling" project (overlapping and relation labelling off).
    Labels,
}

/// The columns of a CoNLL export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ConllColumnsArg {
    /// `TOKEN<TAB>TAG`.
    #[default]
    #[value(name = "2")]
    Two,
    /// `TOKEN -X- _ TAG`, space-separated (CoNLL-2003's shape without POS and chunk tags).
    #[value(name = "4")]
    Four,
}

/// Format options of `gloss export`; formats without the option ignore it.
#[derive(Args, Clone, Debug, Default)]
pub struct FormatArgs {
    /// Write quotes: content parts as QUOTE/QUOTE-INDIRECT/QUOTE-MIXED spans and cues as CUE
    /// spans, with speaker, cue and part relations where the format has relations (doccano
    /// relations shape, Label Studio, Prodigy's `relations` interface; spaCy and brat have
    /// their own). On by default except for Prodigy; a --labels list without QUOTE leaves
    /// quotes out, one with QUOTE but without CUE leaves cues out.
    #[arg(long, overrides_with = "no_quotes")]
    pub quotes: bool,
    /// Leave quotes out.
    #[arg(long, overrides_with = "quotes")]
    pub no_quotes: bool,
    /// Only name mentions, not pronouns or descriptions (doccano, Label Studio, Prodigy).
    #[arg(long)]
    pub names_only: bool,
    /// doccano: which shape to write (see the values for the doccano project settings each
    /// needs).
    #[arg(long, value_enum, value_name = "SHAPE", default_value_t = DoccanoShapeArg::Relations)]
    pub doccano_shape: DoccanoShapeArg,
    /// Label Studio: the name of the <Labels> tag in the labelling config (default: label).
    #[arg(long, value_name = "NAME")]
    pub ls_from_name: Option<String>,
    /// Label Studio: the name of the <Text> tag in the labelling config (default: text).
    #[arg(long, value_name = "NAME")]
    pub ls_to_name: Option<String>,
    /// Also write the Label Studio labelling config (XML) for the exported labels, quote
    /// kinds, cue and relations to this file: paste it into the project's Labeling Interface.
    #[arg(long, value_name = "config.xml")]
    pub ls_config: Option<PathBuf>,
    /// CoNLL: how many columns a token line has.
    #[arg(long, value_enum, value_name = "N", default_value_t = ConllColumnsArg::Two)]
    pub conll_columns: ConllColumnsArg,
    /// CoNLL: no `-DOCSTART- -X- O O` line before each document.
    #[arg(long)]
    pub no_docstart: bool,
    /// Label Studio, Prodigy: add the pending suggestions (every engine the project has on,
    /// and imported ones; not what is annotated or rejected) as Label Studio `predictions`
    /// (score, model_version = engine) or Prodigy spans (score, source = engine).
    #[arg(long)]
    pub with_suggestions: bool,
}

impl FormatArgs {
    /// Set these options on `options`.
    pub fn apply(self, options: &mut ExportOptions) {
        options.quotes = match (self.quotes, self.no_quotes) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        };
        options.names_only = self.names_only;
        options.doccano_shape = match self.doccano_shape {
            DoccanoShapeArg::Relations => DoccanoShape::Relations,
            DoccanoShapeArg::Labels => DoccanoShape::Spans,
        };
        options.ls_from_name = self.ls_from_name;
        options.ls_to_name = self.ls_to_name;
        options.ls_config = self.ls_config;
        options.conll_columns = match self.conll_columns {
            ConllColumnsArg::Two => ConllColumns::Two,
            ConllColumnsArg::Four => ConllColumns::Four,
        };
        options.no_docstart = self.no_docstart;
        options.with_suggestions = self.with_suggestions;
    }
}
