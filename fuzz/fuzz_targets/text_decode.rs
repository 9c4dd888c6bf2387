//! `text_import::decode` on arbitrary bytes: never a panic; an error is one line naming the
//! file; accepted text holds more than white space and no NUL (as the README promises: empty
//! and binary files are skipped), a UTF-16 file has whole code units, and plain UTF-8 comes
//! back exactly (less a BOM).
#![no_main]

use std::path::Path;

use gloss::io::text_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file = Path::new("in/fuzz.txt");
    let utf16 = data.starts_with(&[0xFF, 0xFE]) || data.starts_with(&[0xFE, 0xFF]);
    match text_import::decode(file, data) {
        Ok((text, note)) => {
            if note.is_none() {
                let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
                assert_eq!(text.as_bytes(), body, "UTF-8 text changed on import");
            }
            assert!(
                !text.trim().is_empty(),
                "accepted a file of nothing but white space"
            );
            assert!(!text.contains('\0'), "accepted a file holding NUL bytes");
            if utf16 {
                assert!(
                    data.len() % 2 == 0,
                    "accepted UTF-16 with an odd number of bytes"
                );
            }
        }
        Err(e) => gloss_fuzz::check_message(&e, file),
    }
});
