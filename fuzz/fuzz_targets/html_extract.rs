//! `html_import::extract` on any text (and the windows-1252 fallback on any bytes): never a
//! panic or a stack overflow however the markup nests; the article text comes back as
//! paragraphs with their white space collapsed (no paragraph starts or ends with white space,
//! none is empty, none holds a line break), and metadata values are trimmed and not empty.
#![no_main]

use gloss::io::html_import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(t) => t.to_string(),
        Err(_) => html_import::decode_windows_1252(data),
    };
    let page = html_import::extract(&text);
    if !page.text.is_empty() {
        for p in page.text.split("\n\n") {
            assert!(!p.is_empty(), "an empty paragraph: {:?}", page.text);
            assert_eq!(p, p.trim(), "a paragraph not trimmed: {p:?}");
            assert!(!p.contains('\n'), "a line break inside a paragraph: {p:?}");
        }
    }
    for (k, v) in &page.meta {
        assert!(!v.is_empty() && v == v.trim(), "metadata {k} = {v:?}");
    }
});
