//! `jsonl_import::read_str` on arbitrary UTF-8, against a small project: never a panic; every error
//! is one line naming the file; an accepted import applies as one command and leaves a sound
//! project.
#![no_main]

use std::path::Path;

use gloss::io::jsonl_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new("fuzz.jsonl");
    let project = gloss_fuzz::base();
    match jsonl_import::read_str(file, source, project) {
        Ok(import) => gloss_fuzz::check_import("jsonl", project, &import),
        Err(rejected) => gloss_fuzz::check_rejected(&rejected, file),
    }
});
