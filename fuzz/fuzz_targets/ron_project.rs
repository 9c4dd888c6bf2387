//! `project_file::from_ron` on arbitrary UTF-8: never a panic; an error is one line naming the
//! file; a project that loads is sound and survives a save and a load unchanged.
#![no_main]

use std::path::Path;

use gloss::io::project_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new("fuzz.ron");
    match project_file::from_ron(text, file) {
        Ok(project) => gloss_fuzz::check_project(&project, "loaded project"),
        Err(e) => gloss_fuzz::check_message(&e, file),
    }
});
