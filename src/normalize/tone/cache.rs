//! What each distinct run of a long text became: a per-thread cache, so
//! texts normalized one line at a time share their rewrites.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::syllable::ToneStyle;

use super::scan::le_u64;
/// What each distinct run of a long text became, once parsed.
pub(super) struct RunCache {
    /// Runs of at most 15 bytes, in pairs of slots chosen by a hash of
    /// [`short_key`]: the key (0: empty slot) and the place of the rewritten
    /// run in `reps` (start << 32 | length), or `u64::MAX` when the run
    /// stays as it is. A run pushed out of its pair is parsed again.
    pub(super) short: Vec<ShortSet>,
    /// The rewritten short runs, one after the other.
    pub(super) reps: String,
    /// Longer runs.
    pub(super) long: FxHashMap<Box<str>, Option<Box<str>>>,
}

/// Two slots of [`RunCache::short`], in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
pub(super) struct ShortSet {
    pub(super) keys: [[u64; 2]; 2],
    pub(super) values: [u64; 2],
}

/// Slots of [`RunCache::short`] (a power of two).
pub(super) const SHORT_SLOTS_LOG2: u32 = 13;

/// The slot of a short key.
#[inline(always)]
pub(super) fn short_slot(key: [u64; 2]) -> usize {
    let h = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SHORT_SLOTS_LOG2)) as usize
}

/// An answer of [`RunCache::get`].
pub(super) enum Cached<'c> {
    Miss,
    Unchanged,
    Rep(&'c str),
}

/// The bytes of a run of at most 15 bytes (`b[start..end]`) and its length
/// as one number: equal keys are equal runs.
#[inline(always)]
pub(super) fn short_key(b: &[u8], start: usize, end: usize) -> Option<[u64; 2]> {
    let len = end - start;
    if len >= 16 {
        return None;
    }
    let raw = match b.get(start..start + 16) {
        Some(w) => u128::from(le_u64(&w[..8])) | u128::from(le_u64(&w[8..])) << 64,
        None => {
            let mut a = [0u8; 16];
            for (d, &x) in a.iter_mut().zip(&b[start..end]) {
                *d = x;
            }
            u128::from_le_bytes(a)
        }
    };
    let mask = (1u128 << (8 * len)) - 1;
    let key = (raw & mask) | ((len as u128) << 120);
    Some([key as u64, (key >> 64) as u64])
}

impl RunCache {
    pub(super) fn new() -> Self {
        RunCache {
            short: vec![ShortSet::default(); 1 << (SHORT_SLOTS_LOG2 - 1)],
            reps: String::new(),
            long: FxHashMap::default(),
        }
    }

    /// Runs the long map holds (the short slots are bounded).
    pub(super) fn len(&self) -> usize {
        self.long.len()
    }

    /// Whether the cache has grown past its bounds (it is then replaced
    /// by an empty one before it is used again).
    pub(super) fn full(&self) -> bool {
        self.long.len() >= CACHE_MAX || self.reps.len() >= CACHE_MAX_BYTES
    }

    /// The value of a short key.
    #[inline(always)]
    pub(super) fn get_short(&self, key: [u64; 2]) -> Option<u64> {
        let set = self.short.get(short_slot(key) >> 1)?;
        // Which of the two holds the key is hard to predict: both are
        // compared and the value selected without a branch.
        let first = set.keys[0] == key;
        let v = if first { set.values[0] } else { set.values[1] };
        (first | (set.keys[1] == key)).then_some(v)
    }

    #[inline]
    pub(super) fn get(&self, text: &str, start: usize, end: usize) -> Cached<'_> {
        match short_key(text.as_bytes(), start, end) {
            Some(key) => {
                let Some(v) = self.get_short(key) else {
                    return Cached::Miss;
                };
                if v == u64::MAX {
                    return Cached::Unchanged;
                }
                let (at, len) = ((v >> 32) as usize, (v & 0xFFFF_FFFF) as usize);
                self.reps
                    .get(at..at + len)
                    .map_or(Cached::Miss, Cached::Rep)
            }
            None => match self.long.get(&text[start..end]) {
                None => Cached::Miss,
                Some(None) => Cached::Unchanged,
                Some(Some(rep)) => Cached::Rep(rep),
            },
        }
    }

    pub(super) fn insert(&mut self, text: &str, start: usize, end: usize, rep: Option<&str>) {
        match short_key(text.as_bytes(), start, end) {
            Some(key) => {
                let v = match rep {
                    None => u64::MAX,
                    Some(r) => {
                        let at = self.reps.len() as u64;
                        self.reps.push_str(r);
                        // Padded to 16 bytes: see `cached_runs`.
                        for _ in r.len()..16 {
                            self.reps.push(' ');
                        }
                        (at << 32) | r.len() as u64
                    }
                };
                // Two slots a key: the newest first, the one before second.
                if let Some(set) = self.short.get_mut(short_slot(key) >> 1) {
                    if set.keys[0] != key {
                        set.keys[1] = set.keys[0];
                        set.values[1] = set.values[0];
                    }
                    set.keys[0] = key;
                    set.values[0] = v;
                }
            }
            None => {
                self.long
                    .insert(Box::from(&text[start..end]), rep.map(Box::from));
            }
        }
    }
}

/// A pass takes the cache once it has rewritten this many runs: a text
/// that changes in one or two places (most lines of clean news) is
/// faster without it, as its clean runs are never in the cache.
pub(super) const CACHE_AFTER: u8 = 3;
/// At most this many bytes of cached replacements.
pub(super) const CACHE_MAX_BYTES: usize = 1 << 22;
/// The options a [`RunCache`] was filled under: style and the cleanup
/// switches (the cache is only used with the shortcuts on).
pub(super) type CacheKey = (ToneStyle, bool, bool, bool, bool);

thread_local! {
    /// This thread's [`RunCache`], kept between calls: texts normalized
    /// one line at a time share what each run became.
    static RUNS: RefCell<Option<(CacheKey, RunCache)>> = const { RefCell::new(None) };
}

/// This thread's run cache for the options `key` (emptied first when it
/// was filled under other options or has grown past its bounds), or a new
/// one. [`give_back`] returns it when the pass ends.
pub(super) fn take_cache(key: CacheKey) -> RunCache {
    let kept = RUNS
        .try_with(|r| r.try_borrow_mut().ok().and_then(|mut r| r.take()))
        .ok()
        .flatten();
    match kept {
        Some((k, cache)) if k == key && !cache.full() => cache,
        _ => RunCache::new(),
    }
}

/// Keeps `cache` (if any) for the next pass on this thread.
#[cold]
pub(super) fn give_back(key: CacheKey, cache: Option<RunCache>) {
    if let Some(cache) = cache {
        let _ = RUNS.try_with(|r| {
            if let Ok(mut r) = r.try_borrow_mut() {
                *r = Some((key, cache));
            }
        });
    }
}

/// At most this many cached runs.
pub(super) const CACHE_MAX: usize = 1 << 16;
