//! Fuzz the syllable parser: no panic on any token.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = vntext::syllable::Syllable::parse(&text);
});
