//! `project_file::from_ron` on arbitrary UTF-8: never a panic; an error is one line naming the
//! file; a project that loads is sound and survives a save and a load unchanged. The streaming
//! loader (`project_stream`, what opening a file uses) must give exactly the same project or
//! the same message whenever it does not hand the file over to the whole-file parser.
#![no_main]

use std::path::Path;

use gloss::io::{project_file, project_stream};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = Path::new("fuzz.ron");
    // Blocks of 1 to 64 bytes, so the cuts fall everywhere a file's blocks might.
    let block = 1 + data.last().map_or(0, |b| usize::from(*b) % 64);
    if let Some(streamed) = project_stream::from_bytes_streamed(data, block, file) {
        match (streamed, project_file::from_bytes(data, file)) {
            (Ok(a), Ok(b)) => assert!(a == b, "streamed and whole-file projects differ"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!(
                "streamed {} but whole-file {}",
                if a.is_ok() { "loads" } else { "fails" },
                if b.is_ok() { "loads" } else { "fails" }
            ),
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match project_file::from_ron(text, file) {
        Ok(project) => gloss_fuzz::check_project(&project, "loaded project"),
        Err(e) => gloss_fuzz::check_message(&e, file),
    }
});
