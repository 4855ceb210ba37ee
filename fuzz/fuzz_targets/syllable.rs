//! Fuzz the syllable parser, on the whole input and on each of its tokens
//! (see `check_syllable` for the properties).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_syllable(&text);
    for t in vntext::tokenize(&text).take(64) {
        invariants::check_syllable(t.text);
    }
});
