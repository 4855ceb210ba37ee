//! Fuzz entity extraction: spans valid, `text == &input[span]`, sorted,
//! no same-type overlap, links are valid (OFFICIAL, TITLE) index pairs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_extract(&text);
});
