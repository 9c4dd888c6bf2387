//! Undo and redo: two stacks of commands that each undo the step above them.
//!
//! Every step has a serial number. The serial of the top undo step names the state the project
//! is in, so "unsaved changes" is simply "the top serial differs from the one at the last save"
//! — undoing back to the saved state makes the project clean again.

use super::command::{Command, CommandError};
use crate::model::Project;

#[derive(Clone, Debug)]
struct Step {
    serial: u64,
    /// The command that moves the project across this step (undo on the undo stack, redo on
    /// the redo stack).
    command: Command,
    description: String,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_serial: u64,
}

impl History {
    /// Record a step that was just applied: `inverse` undoes it.
    pub fn record(&mut self, inverse: Command, description: String) {
        self.next_serial += 1;
        self.undo.push(Step {
            serial: self.next_serial,
            command: inverse,
            description,
        });
        self.redo.clear();
    }

    /// Undo the last step; returns its description and the command that was applied, or
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, p: &mut Project) -> Result<Option<(String, Command)>, CommandError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let applied = step.command.clone();
        match step.command.clone().apply(p) {
            Ok(redo) => {
                let description = step.description.clone();
                self.redo.push(Step {
                    command: redo,
                    ..step
                });
                Ok(Some((description, applied)))
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Redo the last undone step; returns its description and the command applied.
    pub fn redo(&mut self, p: &mut Project) -> Result<Option<(String, Command)>, CommandError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        let applied = step.command.clone();
        match step.command.clone().apply(p) {
            Ok(undo) => {
                let description = step.description.clone();
                self.undo.push(Step {
                    command: undo,
                    ..step
                });
                Ok(Some((description, applied)))
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// Names the current state (0 = the state the session started in).
    pub fn position(&self) -> u64 {
        self.undo.last().map(|s| s.serial).unwrap_or(0)
    }

    /// The command the next undo would apply.
    pub fn next_undo(&self) -> Option<&Command> {
        self.undo.last().map(|s| &s.command)
    }

    /// The command the next redo would apply.
    pub fn next_redo(&self) -> Option<&Command> {
        self.redo.last().map(|s| &s.command)
    }

    pub fn undo_description(&self) -> Option<&str> {
        self.undo.last().map(|s| s.description.as_str())
    }

    pub fn redo_description(&self) -> Option<&str> {
        self.redo.last().map(|s| s.description.as_str())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
