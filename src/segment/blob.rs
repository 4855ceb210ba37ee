//! The frame around every binary file of the segmenter: an 8-byte magic
//! string that names the format and its version, the payload's length and
//! its FNV-1a checksum, then the payload. A file that was cut, padded,
//! flipped or written for another version fails to open.

/// FNV-1a, 64 bits.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Frames `payload` under `magic`.
#[cfg(any(test, feature = "train"))]
pub(crate) fn wrap(magic: &[u8; 8], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + payload.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// The payload of a framed file, or an error naming `what` when the magic,
/// the length or the checksum is wrong.
pub(crate) fn open<'a>(magic: &[u8; 8], bytes: &'a [u8], what: &str) -> crate::Result<&'a [u8]> {
    let bad = |why: &str| {
        crate::Error::new(
            crate::ErrorKind::BadData { line: 0 },
            format!("{what}: {why}"),
        )
    };
    let (head, payload) = bytes.split_at_checked(24).ok_or_else(|| bad("too short"))?;
    if &head[..8] != magic {
        return Err(bad("not this format or version"));
    }
    let word = |i: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&head[i..i + 8]);
        u64::from_le_bytes(a)
    };
    if word(8) != payload.len() as u64 {
        return Err(bad("wrong length"));
    }
    if word(16) != checksum(payload) {
        return Err(bad("wrong checksum"));
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_damage_is_caught() {
        let m = b"TESTBLB\x01";
        let b = wrap(m, b"payload bytes");
        assert_eq!(open(m, &b, "t").unwrap(), b"payload bytes");
        assert!(open(b"TESTBLB\x02", &b, "t").is_err());
        assert!(open(m, &b[..b.len() - 1], "t").is_err());
        let mut longer = b.clone();
        longer.push(0);
        assert!(open(m, &longer, "t").is_err());
        for i in 0..b.len() {
            let mut c = b.clone();
            c[i] ^= 0x10;
            assert!(open(m, &c, "t").is_err(), "byte {i}");
        }
        let e = open(m, &b[..5], "lexicon.bin").unwrap_err();
        assert!(e.to_string().contains("lexicon.bin"), "{e}");
    }
}
