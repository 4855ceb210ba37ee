//! The character pass: NFC, tone placement, repair and look-alike
//! substitution in one scan over the text.
//!
//! The text consists of maximal *runs* of letters and combining marks and the
//! separators between them. The scan looks at each character once through a
//! table and only stops on a *trigger*:
//! * a character that is not NFC-stable (a combining mark, a singleton);
//! * a precomposed consonant with a tone mark (`ń`, `ṭ`: possible repair);
//! * a look-alike letter (ETH, Cyrillic, Greek) when that cleanup is on;
//! * an invisible character or exotic space when that cleanup is on;
//! * a toned vowel whose mark may be on the wrong letter: an unmodified vowel
//!   next to another vowel (where the styles differ, hoà/hòa, or a mark is
//!   misplaced, tíên), or `ư` before `ơ`. A toned `ă â ê ô ơ` (or `ư`
//!   elsewhere) or an isolated toned vowel is where both styles put it; two
//!   toned letters in one syllable always produce one of the triggers above.
//!
//! Only the run around a trigger is parsed as a syllable and re-rendered;
//! the output is allocated at the first run that actually changes. Clean
//! text is thus scanned without allocation.
//!
//! By concern: [`tables`] (what each character is, looked up by its
//! bytes), [`scan`] (where to stop), [`cache`] (what each run became) and
//! [`pass`] (the rewrite itself).

mod cache;
mod pass;
mod scan;
pub(super) mod tables;

pub(crate) use pass::{process, Pass, RunOptions};
