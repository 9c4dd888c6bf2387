//! brat import of a `.txt` + `.ann` pair: the input is split at its first 0xFF byte (a byte
//! UTF-8 never holds) into the text and the annotations, both written as they are (so invalid
//! UTF-8 is tried too) and read with `brat::read_paths` against a small project. Never a
//! panic; every error is one line naming a file; an accepted import applies as one command and
//! leaves a sound project.
#![no_main]

use gloss::io::brat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (txt, ann) = match data.iter().position(|b| *b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let dir = gloss_fuzz::scratch("brat");
    let txt_path = dir.join("doc.txt");
    let ann_path = dir.join("doc.ann");
    std::fs::write(&txt_path, txt).unwrap();
    std::fs::write(&ann_path, ann).unwrap();
    let project = gloss_fuzz::base();
    match brat::read_paths(std::slice::from_ref(&ann_path), project) {
        Ok(import) => {
            for skipped in &import.skipped {
                let line = skipped.to_string();
                assert!(
                    !line.contains('\n'),
                    "a skip note of several lines: {line:?}"
                );
            }
            let command = gloss::app::formats::brat_command(project, &import);
            if let Some(command) = command {
                gloss_fuzz::apply(project, command, "brat");
            }
        }
        Err(rejected) => {
            assert!(!rejected.errors.is_empty(), "rejected without a reason");
            for e in &rejected.errors {
                let text = e.to_string();
                assert!(!text.contains('\n'), "a message of several lines: {text:?}");
                assert!(text.contains("doc."), "the message names no file: {text:?}");
            }
        }
    }
});
