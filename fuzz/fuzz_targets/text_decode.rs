//! `text_import::decode` on arbitrary bytes: never a panic; an error is one line naming the
//! file; decoded text is never empty, and plain UTF-8 comes back exactly (less a BOM).
#![no_main]

use std::path::Path;

use gloss::io::text_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = Path::new("in/fuzz.txt");
    match text_import::decode(file, data) {
        Ok((text, note)) => {
            assert!(!text.is_empty(), "decoded to nothing");
            if note.is_none() {
                let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
                assert_eq!(text.as_bytes(), body, "UTF-8 text changed on import");
            }
        }
        Err(e) => gloss_fuzz::check_message(&e, file),
    }
});
