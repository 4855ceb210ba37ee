//! Fuzz `normalize`, every `Normalizer` configuration and `fold`: no panic,
//! NFC output, idempotent; `--tone keep --no-cleanup` is exactly NFC.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_normalize(&text);
    invariants::check_normalizers(&text);
    invariants::check_fold(&text);
});
