//! `conll::parse` on arbitrary UTF-8, in every scheme: never a panic; every error is one line
//! naming the file; every entity is a non-empty range inside its document's text.
#![no_main]

use std::path::Path;

use gloss::io::conll::{self, Scheme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new("fuzz.conll");
    for scheme in [Scheme::Auto, Scheme::Iob1, Scheme::Iob2, Scheme::Bioes] {
        match conll::parse(source, file, scheme) {
            Ok(parsed) => {
                for doc in &parsed.documents {
                    let len = doc.text.chars().count();
                    for (range, label) in &doc.entities {
                        assert!(
                            range.start < range.end && range.end <= len,
                            "{scheme:?}: entity {label:?} at {}..{} in a text of {len}",
                            range.start,
                            range.end
                        );
                        assert!(!label.is_empty(), "{scheme:?}: an entity without a label");
                    }
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "{scheme:?}: rejected without a reason");
                for e in &errors {
                    gloss_fuzz::check_message(e, file);
                }
            }
        }
    }
});
