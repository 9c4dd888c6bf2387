//! Preferences kept between runs in eframe's storage: recent projects, view toggles, the
//! side panels' widths, and each project's last export settings (keyed by the project's path,
//! so a project exports the same way next time without its file changing). Never
//! annotations: those live only in project files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent projects the File menu lists.
pub const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub recent: Vec<PathBuf>,
    pub word_snap: bool,
    pub dark: bool,
    pub panels: PanelPrefs,
    /// The last export settings of each project, by the project file's path.
    pub export: BTreeMap<String, ExportPrefs>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            word_snap: true,
            dark: true,
            panels: PanelPrefs::default(),
            export: BTreeMap::new(),
        }
    }
}

/// The side panels: their widths (points) as the user left them, and whether each is shown.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelPrefs {
    pub documents_width: f32,
    pub inspector_width: f32,
    pub documents_open: bool,
    pub inspector_open: bool,
}

impl Default for PanelPrefs {
    fn default() -> Self {
        Self {
            documents_width: 220.0,
            inspector_width: 320.0,
            documents_open: true,
            inspector_open: true,
        }
    }
}

/// How a project was last exported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportPrefs {
    /// The format's command-line name (`jsonl`, `doccano`, …).
    pub format: String,
    pub only_done: bool,
    /// Labels left out (new labels are exported until left out).
    pub left_out: Vec<String>,
    pub per_document: bool,
    /// Where it was written.
    pub path: String,
    /// Quotes written or not (`None`: the format's default).
    pub quotes: Option<bool>,
    /// Only name mentions.
    pub names_only: bool,
    /// doccano's shape: `relations` (also when empty) or `labels`.
    pub doccano_shape: String,
    /// Label Studio's `<Labels>` and `<Text>` names (empty: `label`, `text`).
    pub ls_from_name: String,
    pub ls_to_name: String,
    /// Also write Label Studio's labelling config beside the export.
    pub ls_config: bool,
    /// CoNLL: four columns instead of two; no `-DOCSTART-` lines.
    pub conll_four_columns: bool,
    pub no_docstart: bool,
}

/// The key a project's settings are kept under: its file's path, or "" while untitled.
pub fn project_key(path: Option<&Path>) -> String {
    path.map(|p| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    })
    .unwrap_or_default()
}

impl Prefs {
    /// Put `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_and_export_settings_survive_a_restart() {
        let mut p = Prefs::default();
        p.panels.inspector_width = 280.0;
        p.panels.documents_open = false;
        p.export.insert(
            "/work/a.ron".into(),
            ExportPrefs {
                format: "conll".into(),
                only_done: true,
                left_out: vec!["GPE".into()],
                per_document: false,
                path: "/work/out.conll".into(),
                ..ExportPrefs::default()
            },
        );
        let text = ron::to_string(&p).unwrap();
        let back: Prefs = ron::from_str(&text).unwrap();
        assert_eq!(back, p);
        // Preferences written before these settings existed still load.
        let old: Prefs = ron::from_str("(recent: [], word_snap: false, dark: true)").unwrap();
        assert_eq!(old.panels, PanelPrefs::default());
        assert!(!old.word_snap);
    }

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates() {
        let mut p = Prefs::default();
        for i in 0..12 {
            p.remember(Path::new(&format!("/nonexistent/{i}.ron")));
        }
        p.remember(Path::new("/nonexistent/5.ron"));
        assert_eq!(p.recent.len(), MAX_RECENT);
        assert_eq!(p.recent[0], PathBuf::from("/nonexistent/5.ron"));
        assert_eq!(p.recent.iter().filter(|r| r.ends_with("5.ron")).count(), 1);
    }
}
