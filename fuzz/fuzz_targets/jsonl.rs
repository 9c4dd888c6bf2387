//! `jsonl::read_str` on arbitrary UTF-8, against a small project: never a panic; every error
//! is one line naming the file; an accepted import applies as one command and leaves a sound
//! project.
#![no_main]

use gloss::io::jsonl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gloss_fuzz::read_text("jsonl", "fuzz.jsonl", data, jsonl::read_str);
});
