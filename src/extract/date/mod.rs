//! DATE recognizer.
//!
//! One left-to-right pass over the a.tokens. At each token that can open a date
//! (a part-of-day word, a weekday, a unit word `ngày/tháng/năm/quý`, or a
//! number) a small recursive-descent parser with a bounded lookahead (at most
//! a dozen a.tokens) tries the forms of `ENTITIES.md`:
//!
//! * `[POD] [weekday] [ngày] D/M[/Y]`, also with `-` and `.` separators,
//!   and after a unit or part-of-day word with spaced ones (`ngày 19. 8.
//!   1945`, `ngày 17 – 9`; `Ngày: 17 - 3 - 2022` starts at the number);
//! * `ngày D tháng M [năm Y]`, `tháng M/Y`, `tháng M năm Y`, `năm Y`; the
//!   month in digits or in words (`tháng Năm năm 1954`, `tháng mười một`,
//!   `tháng Giêng`, `tháng Chạp`, any case), the day after `mồng/mùng` in
//!   words too (`mồng hai tháng Chín`); a three-digit year after `năm`
//!   (`năm 938` → `0938`);
//! * birth years: `SN 1990`, `SN: 1990` and `SN1990` (the DATE inside the
//!   token); a unit word glued to the word before by a missing space
//!   (`Kiênngày 13/4` → `ngày 13/4`);
//! * `quý I/2023`, `quý 4 năm 2023`;
//! * ranges: `ngày 20-22/9`, `ngày 19 đến 22/8/2023`, `tháng 3 đến tháng
//!   5/2023` (one DATE with `end`), `2021-2025`, `30/4-1/5` (two DATEs);
//! * bare years and bare `D/M` when the context does not make them a
//!   quantity, a fraction, a place name or part of a document number.
//!
//! Decisions where `ENTITIES.md` and the dev-set conventions are silent:
//!
//! * A weekday is "directly attached" only when nothing but the
//!   part-of-day word separates it from the date, in the forms `thứ Hai
//!   (15/5)` and `thứ Hai 15/5`. Behind a comma ("Sáng thứ Ba, ngày 20/7")
//!   the weekday and its part of day are left out: only `ngày 20/7`.
//!   A weekday after the date ("20/4 (thứ 3)") is left out too.
//! * "ngày 26 và 27/4": the bare day cannot be a DATE on its own and
//!   borrows the month, as in the range form, so one DATE with `end`.
//! * Seasons and school years: `2017/18`, `2020-21` are one DATE (`iso`
//!   2017, `end` 2018; the second year borrows its century); two full years
//!   `2020/2021` are two DATEs, like `2020-2021`.
//! * "những năm 1960-1970" (round years after "những năm") is a decade
//!   range, not a DATE; "những năm 1999-2001" is a range of years.
//! * A month written as a numeral ("tháng năm", "tháng hai") is also a
//!   count ("mỗi tháng một lần"): it makes a DATE with a year, or after a
//!   day when capitalised ("ngày 2 tháng Chín"); "tháng Giêng/Chạp" only
//!   name months. After an event's name ("Cách mạng tháng Tám") it is no
//!   month, and only a following "năm 1945" is a DATE.
//! * Dotted `D.M` ("30.4") is a date only after a holiday word
//!   ("lễ/dịp/tết/hôm") or as the next item of such a list; elsewhere it is
//!   a decimal.
//!
//! Words are compared on a lowercase NFC key built on the stack ([`Key`]), so
//! headline capitals and decomposed text match without allocation.

mod context;
mod forms;
mod numeric;

use super::{DateValue, Entity, EntityKind, Value, Ymd};
use crate::lex::matcher::Hit;
use crate::lex::{Analysis, Lex, LexSet, Walk, DAY, MONTH, QUARTER, WEEKDAY_ORDINAL, YEAR};
use crate::token::TokenKind;
use forms::core;
use numeric::{day_word_at, is_year, nam_year, num_at, valid_dm, word_dm_after};

/// Days in `month` of `year` (Gregorian).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A parsed calendar point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Cal {
    pub(super) y: Option<u32>,
    pub(super) m: Option<u32>,
    pub(super) d: Option<u32>,
}

impl Cal {
    fn iso(&self) -> String {
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            _ => String::new(),
        }
    }
}

/// One DATE found by the core parser: byte span and value parts.
#[derive(Clone, Debug, Default)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) cal: Cal,
    pub(super) end_cal: Option<Cal>,
    pub(super) quarter: Option<u8>,
}

/// What the core parser returns: the DATEs it built and the token index
/// after the last consumed token.
#[derive(Debug, Default)]
pub(super) struct Core {
    pub(super) dates: Vec<Found>,
    pub(super) next: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Unit {
    Ngay,
    Thang,
    Nam,
    Quy,
}

/// The unit word at `i` ([`Lex::DateUnit`]).
fn unit_of(a: &Analysis<'_, '_>, i: usize) -> Option<Unit> {
    match a.word_class(i, Lex::DateUnit)? {
        DAY => Some(Unit::Ngay),
        MONTH => Some(Unit::Thang),
        YEAR => Some(Unit::Nam),
        QUARTER => Some(Unit::Quy),
        _ => None,
    }
}

/// A part of the day at `i` ([`Lex::PartOfDay`]): its reported form and the
/// index after it.
fn pod_at(a: &Analysis<'_, '_>, i: usize) -> Option<(&'static str, usize)> {
    let (end, h) = a.words(i, Lex::PartOfDay, Walk::Line)?;
    Some((a.static_value(h)?, end))
}

/// A weekday at `i` ([`Lex::Weekday`]): its reported form and the index
/// after it. A weekday written as an ordinal is an ordinal after
/// [`Lex::OrdinalBefore`] words: "lần thứ 2 (17/3)", "vòng thứ hai".
fn weekday_at(a: &Analysis<'_, '_>, i: usize) -> Option<(&'static str, usize)> {
    let (end, h) = a.words(i, Lex::Weekday, Walk::Across)?;
    if h.class == WEEKDAY_ORDINAL && i > 0 && a.word_is(i - 1, Lex::OrdinalBefore) {
        return None;
    }
    Some((a.static_value(h)?, end))
}

/// Lexicons whose words can open a DATE (part of day, weekday, unit, the
/// day prefix "mồng").
const STARTERS: LexSet = LexSet::of(&[Lex::PartOfDay, Lex::Weekday, Lex::DateUnit, Lex::DayPrefix]);

/// Tries a DATE starting at token `i`. Returns the DATEs with their
/// part-of-day and weekday, and the index after the last consumed token.
/// What [`parse_at`] returns: the DATEs, part of day, weekday, next index.
type Parsed = (
    Vec<Found>,
    Option<&'static str>,
    Option<&'static str>,
    usize,
);

fn parse_at(a: &Analysis<'_, '_>, i: usize) -> Option<Parsed> {
    let t = &a.tokens[i];
    match t.kind {
        TokenKind::Number => {}
        TokenKind::Word if a.word_starts(i).meets(STARTERS) => {}
        _ => return None,
    }
    let mut start = t.span.start;
    let mut j = i;
    let pod = pod_at(a, j).map(|(p, nj)| {
        j = nj;
        p
    });
    let weekday = weekday_at(a, j).map(|(w, nj)| {
        j = nj;
        w
    });
    let mut bracket = false;
    if weekday.is_some() && a.is_punct(j, "(") {
        bracket = true;
        j += 1;
    }
    let mut unit = None;
    let mut day_prefix = false;
    if !bracket {
        if let Some(u) = unit_of(a, j) {
            if j > i && u != Unit::Ngay {
                // "Sáng năm 2023" is not a form; only "sáng ngày".
                return None;
            }
            unit = Some(u);
            j += 1;
            // "ngày mùng 2/9", "ngày mồng 1 tháng 5"
            if u == Unit::Ngay && a.word_is(j, Lex::DayPrefix) {
                j += 1;
                day_prefix = true;
            } else if u == Unit::Ngay
                && j == i + 1
                && a.is_punct(j, ":")
                && a.tokens
                    .get(j + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            {
                // "Ngày: 17 - 3 - 2022": the colon keeps "Ngày" outside,
                // as "Số:" in a header.
                j += 1;
                start = a.tokens[j].span.start;
            }
        } else if a.word_is(j, Lex::DayPrefix) {
            // "mồng 2 tháng 9", "mùng hai tháng Chín" without "ngày"
            unit = Some(Unit::Ngay);
            j += 1;
            day_prefix = true;
        }
    }
    if day_prefix {
        // "mồng hai tháng Chín năm 1945": a day written as a word.
        if let Some((d, after)) = day_word_at(a, j) {
            let (_, cal, next) = word_dm_after(a, d, after, true)?;
            let found = Found {
                start,
                end: a.tokens[next - 1].span.end,
                cal,
                ..Default::default()
            };
            return Some((vec![found], pod, weekday, next));
        }
    }
    if unit == Some(Unit::Nam) && i > 0 {
        // "những năm 1970": a decade.
        if a.word_is(i - 1, Lex::Those) {
            // also "những năm 1960-1970" (a decade range)
            if let Some(n) = num_at(a, j) {
                if is_year(&n.p[0]) && n.p[0].val % 10 == 0 && matches!(n.seps(), [] | [b'-']) {
                    return None;
                }
            }
        }
    }
    let strong = j > i;
    let mut c = core(a, j, unit, start, strong)?;
    // "30/4 năm 2020", "ngày 20-22/9 năm 2023": a year written after.
    if c.dates.len() == 1 && c.dates[0].cal.y.is_none() && c.dates[0].cal.d.is_some() {
        if let Some((y, next)) = nam_year(a, c.next) {
            let f = &mut c.dates[0];
            let ok = |cal: &Cal| valid_dm(cal.d.unwrap_or(1), cal.m.unwrap_or(0), Some(y));
            if ok(&f.cal) && f.end_cal.as_ref().is_none_or(ok) {
                f.cal.y = Some(y);
                if let Some(e) = f.end_cal.as_mut() {
                    e.y = Some(y);
                }
                f.end = a.tokens[next - 1].span.end;
                c.next = next;
            }
        }
    }
    if (pod.is_some() || weekday.is_some()) && c.dates[0].cal.d.is_none() {
        return None;
    }
    if bracket {
        if !a.is_punct(c.next, ")") {
            return None;
        }
        c.dates[0].end = a.tokens[c.next].span.end;
        c.next += 1;
    }
    Some((c.dates, pod, weekday, c.next))
}

/// Whether `s` is a one-token phrase of `lex` (a piece of a token,
/// compared on its key; `buf` is scratch space).
fn piece_hit(a: &Analysis<'_, '_>, s: &str, lex: Lex, buf: &mut String) -> Option<Hit> {
    buf.clear();
    crate::key::push_key(s, buf);
    let m = a.matcher();
    match m.first(m.id(buf)) {
        0 => None,
        node => m.hit(node, lex),
    }
}

/// A DATE inside the token at `i`, which a missing space glued to the
/// word before it: a birth year after "SN" ([`Lex::Birth`]): "SN1990"
/// gives `1990`; a unit word at the end of a word before a number:
/// "Kiênngày 13/4" gives `ngày 13/4`, "cùng kỳnăm 2020" `năm 2020`.
fn glued_at(a: &Analysis<'_, '_>, i: usize, buf: &mut String) -> Option<Parsed> {
    let t = &a.tokens[i];
    let next_is_number = || {
        a.tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Number)
    };
    match t.kind {
        TokenKind::Alnum => {
            let p = t.text.find(|c: char| c.is_ascii_digit())?;
            let (letters, digits) = t.text.split_at(p);
            let y: u32 = digits.parse().ok()?;
            if p == 0 || digits.len() != 4 || !(1900..=2100).contains(&y) {
                return None;
            }
            piece_hit(a, letters, Lex::Birth, buf)?;
            let found = Found {
                start: t.span.start + p,
                end: t.span.end,
                cal: Cal {
                    y: Some(y),
                    ..Default::default()
                },
                ..Default::default()
            };
            Some((vec![found], None, None, i + 1))
        }
        TokenKind::Word if next_is_number() && a.starts(i) == LexSet::EMPTY => {
            // The unit word is three to five letters ("năm", "ngày",
            // "tháng") after at least one letter of the word before.
            let bounds = t.text.char_indices().map(|(b, _)| b).filter(|&b| b > 0);
            let mut unit = None;
            for b in bounds {
                let n = t.text[b..].chars().count();
                if n > 5 {
                    continue;
                }
                if n < 3 {
                    break;
                }
                if let Some(u) = piece_hit(a, &t.text[b..], Lex::DateUnit, buf) {
                    unit = Some((b, u.class));
                    break;
                }
            }
            let (b, class) = unit?;
            let u = match class {
                DAY => Unit::Ngay,
                MONTH => Unit::Thang,
                YEAR => Unit::Nam,
                _ => return None,
            };
            let c = core(a, i + 1, Some(u), t.span.start + b, true)?;
            Some((c.dates, None, None, c.next))
        }
        _ => None,
    }
}

/// A date directly attached to a document number, starting with "ngày",
/// "tháng" or "năm" at token `j`: its ISO value and the index after it.
pub(crate) fn attached(a: &Analysis<'_, '_>, j: usize) -> Option<(String, usize)> {
    // "Số: 45/2022/HSST⏎Ngày: 17-3-2022": a header field of its own.
    if !matches!(a.word_class(j, Lex::DateUnit), Some(DAY | MONTH | YEAR)) || a.is_punct(j + 1, ":")
    {
        return None;
    }
    let (dates, _, _, next) = parse_at(a, j)?;
    let f = dates.first()?;
    (dates.len() == 1).then(|| (f.cal.iso(), next))
}

/// The reference date given by a dateline ("Hà Nội, ngày 28 tháng 11 năm
/// 2013"): the first full date whose DATE starts with "ngày" right after a
/// place name and a comma.
fn dateline<'a>(a: &Analysis<'_, 'a>, found: &[(usize, Found)]) -> Option<Ymd> {
    for (ti, f) in found {
        let ti = *ti;
        if ti < 2 || a.word_class(ti, Lex::DateUnit) != Some(DAY) || !a.is_punct(ti - 1, ",") {
            continue;
        }
        let place = &a.tokens[ti - 2];
        if place.kind != TokenKind::Word
            || !place.text.chars().next().is_some_and(|c| c.is_uppercase())
        {
            continue;
        }
        if let (Some(y), Some(m), Some(d)) = (f.cal.y, f.cal.m, f.cal.d) {
            return Some(Ymd {
                year: y as i32,
                month: m as u8,
                day: d as u8,
            });
        }
    }
    None
}

fn resolve(cal: Cal, r: Ymd) -> Option<String> {
    if cal.y.is_some() {
        return None;
    }
    let m = cal.m? as u8;
    match cal.d {
        Some(d) => {
            let d = d as u8;
            let ord = |y: i32| (y as i64) * 372 + (m as i64) * 31 + d as i64;
            let rv = (r.year as i64) * 372 + (r.month as i64) * 31 + r.day as i64;
            let best = [r.year - 1, r.year, r.year + 1]
                .into_iter()
                .filter(|&y| d <= days_in_month(y, m))
                .min_by_key(|&y| (ord(y) - rv).abs())?;
            Some(format!("{best:04}-{m:02}-{d:02}"))
        }
        None => Some(format!("{:04}-{m:02}", r.year)),
    }
}

/// Finds the DATE entities of `text`.
pub(crate) fn find<'a>(
    text: &'a str,
    a: &Analysis<'_, 'a>,
    reference: Option<Ymd>,
) -> Vec<Entity<'a>> {
    let mut found: Vec<(usize, Found, Option<&'static str>, Option<&'static str>)> = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    while i < a.tokens.len() {
        match parse_at(a, i).or_else(|| glued_at(a, i, &mut buf)) {
            Some((dates, pod, weekday, next)) => {
                for (k, f) in dates.into_iter().enumerate() {
                    let (p, w) = if k == 0 { (pod, weekday) } else { (None, None) };
                    found.push((i, f, p, w));
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    let reference = reference.or_else(|| {
        let v: Vec<(usize, Found)> = found
            .iter()
            .take(64)
            .map(|(i, f, _, _)| (*i, f.clone()))
            .collect();
        dateline(a, &v)
    });
    found
        .into_iter()
        .filter(|(_, f, _, _)| f.start < f.end && f.end <= text.len())
        .map(|(_, f, pod, weekday)| {
            let resolved = reference.and_then(|r| resolve(f.cal, r));
            Entity {
                kind: EntityKind::Date,
                span: f.start..f.end,
                text: &text[f.start..f.end],
                value: Value::Date(DateValue {
                    iso: f.cal.iso(),
                    part_of_day: pod,
                    weekday,
                    quarter: f.quarter,
                    end: f.end_cal.map(|c| c.iso()),
                    resolved,
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{matcher::BUILTIN, TokenKeys};
    use crate::token::tokenize;

    fn dates(s: &str) -> Vec<(String, String)> {
        let toks: Vec<_> = tokenize(s).collect();
        let keys = TokenKeys::new(&toks, &BUILTIN);
        find(s, &keys.all(), None)
            .into_iter()
            .map(|e| match e.value {
                Value::Date(v) => (e.text.to_string(), v.iso),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn words_match_in_any_case_and_in_nfd() {
        assert_eq!(
            dates("NGÀY 26/12"),
            vec![("NGÀY 26/12".into(), "--12-26".into())]
        );
        let nfd = "nga\u{300}y 26/12";
        assert_eq!(dates(nfd), vec![(nfd.into(), "--12-26".into())]);
    }

    #[test]
    fn basic_forms() {
        assert_eq!(
            dates("Sáng 26/12 họp."),
            vec![("Sáng 26/12".into(), "--12-26".into())]
        );
        assert_eq!(dates("năm 2023"), vec![("năm 2023".into(), "2023".into())]);
    }
}
