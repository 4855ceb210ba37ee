//! Fuzz the pre-tokenizer, the sentence splitter and the word segmenter:
//! spans in order, on char boundaries, inside the input, covering every
//! non-space byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_tokens(&text);
    invariants::check_sentences(&text);
    invariants::check_words(&text);
    invariants::check_analyze(&text);
});
