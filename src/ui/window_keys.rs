//! Esc closes the team windows (Agreement, Curate annotators, Dashboard): the one in front
//! first. The modal questions and the export dialog read their own Enter and Esc
//! (`widgets::dialog_keys`); these windows are not modal and have no single answer for Enter.

use egui::{Context, Id, LayerId, Order};

use super::workbench::Workbench;

/// The windows Esc closes, by their titles (egui keys a window's layer by its title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TeamWindow {
    Agreement,
    Curate,
    Dashboard,
}

impl TeamWindow {
    const ALL: [TeamWindow; 3] = [
        TeamWindow::Agreement,
        TeamWindow::Curate,
        TeamWindow::Dashboard,
    ];

    fn title(self) -> &'static str {
        match self {
            TeamWindow::Agreement => "Agreement",
            TeamWindow::Curate => "Curate annotators",
            TeamWindow::Dashboard => "Dashboard",
        }
    }

    /// The layer `egui::Window::new(title)` draws on.
    fn layer(self) -> LayerId {
        LayerId::new(Order::Middle, Id::unique(Some(self.title())))
    }
}

impl Workbench {
    fn window_open(&mut self, w: TeamWindow) -> &mut bool {
        match w {
            TeamWindow::Agreement => &mut self.agreement.open,
            TeamWindow::Curate => &mut self.curation_setup.open,
            TeamWindow::Dashboard => &mut self.dashboard.open,
        }
    }

    /// Close the open team window in front, if any (Esc). True if one was closed.
    pub(super) fn close_a_window(&mut self, ctx: &Context) -> bool {
        let order: Vec<LayerId> = ctx.memory(|m| m.layer_ids().collect());
        let front = TeamWindow::ALL
            .into_iter()
            .filter(|w| *self.window_open(*w))
            .max_by_key(|w| order.iter().position(|l| *l == w.layer()));
        match front {
            Some(w) => {
                *self.window_open(w) = false;
                true
            }
            None => false,
        }
    }
}
