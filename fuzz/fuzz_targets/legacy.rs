//! Fuzz the legacy decoders and encoding detection on arbitrary bytes: no
//! panic; a successful decode is NFC for Windows-1258.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vntext::legacy::{decode, Encoding};

fuzz_target!(|data: &[u8]| {
    for enc in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Cp1258,
    ] {
        if let Ok(text) = decode(data, enc) {
            if enc == Encoding::Cp1258 {
                assert!(unicode_normalization::is_nfc(&text));
            }
        }
    }
    let _ = Encoding::detect(data);
});
