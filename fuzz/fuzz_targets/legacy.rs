//! Fuzz the legacy decoders, encoders and encoding detection on arbitrary
//! bytes (see `check_legacy` for the properties).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_legacy(data);
});
