//! The forms of a DATE after its optional prefixes (part of day, weekday,
//! unit word): one function per unit word, and the bare forms.

use super::context::{
    bad_before_bare, bare_ok, dm_cue, docref_glued, dot_dm_cue, place_noun, range_conn,
    time_word_before,
};
use super::numeric::{
    day_range, int_at, is_year, month_at, nam_year, num_at, numeric_dm, numeric_years,
    spaced_year_tail, tok_end, unit_after, valid_dm, word_dm, year_at,
};
use super::numeric::{MonthForm, Num};
use super::{Cal, Core, Found, Unit};
use crate::lex::{Analysis, Lex, Walk, DAY, MONTH, YEAR};
use crate::token::{Token, TokenKind};
use std::ops::ControlFlow;

/// `D - D2/M[/Y]` at the bare day `j` (the dash at `j + 1`): one DATE with
/// `end`, the first day borrowing the month.
pub(super) fn bare_day_range(a: &Analysis<'_, '_>, j: usize, start: usize) -> Option<Core> {
    let (d, digits) = int_at(a, j)?;
    if digits > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let k = j + 2;
    let n2 = num_at(a, k)?;
    if n2.n < 2 || n2.sep[0] != b'/' || docref_glued(a, k) {
        return None;
    }
    let c = numeric_dm(a, k, 0, true)?;
    if c.dates.len() != 1 || c.dates[0].end_cal.is_some() {
        return None;
    }
    let end_cal = c.dates[0].cal;
    borrowed_day_range(d, end_cal, start, tok_end(a, k), c.next)
}

/// The core parser: `j` is the first token after the optional prefixes
/// (`unit` is the unit word at `j - 1` if any). `start` is the byte where the
/// DATE begins. `strong` is true when some prefix word was consumed.
pub(super) fn core(
    a: &Analysis<'_, '_>,
    j: usize,
    unit: Option<Unit>,
    start: usize,
    strong: bool,
) -> Option<Core> {
    let t = a.tokens.get(j)?;
    match unit {
        Some(Unit::Quy) => quarter(a, t, j, start),
        Some(Unit::Nam) => years(a, j, start),
        Some(Unit::Thang) => month(a, t, j, start),
        Some(Unit::Ngay) | None => day(a, j, unit, start, strong),
    }
}

/// After "quý": `quý I/2023`, `quý 1/2023`, `quý IV năm 2023`.
fn quarter(a: &Analysis<'_, '_>, t: &Token<'_>, j: usize, start: usize) -> Option<Core> {
    let (q, after) = if let Some(n) = num_at(a, j) {
        if n.n == 2
            && n.sep[0] == b'/'
            && (1..=4).contains(&n.p[0].val)
            && n.p[0].digits == 1
            && is_year(&n.p[1])
        {
            return Some(Core {
                dates: vec![Found {
                    start,
                    end: t.span.end,
                    cal: Cal {
                        y: Some(n.p[1].val),
                        ..Default::default()
                    },
                    quarter: Some(n.p[0].val as u8),
                    ..Default::default()
                }],
                next: j + 1,
            });
        }
        if n.n != 1 || !(1..=4).contains(&n.p[0].val) || n.p[0].digits != 1 {
            return None;
        }
        (n.p[0].val as u8, j + 1)
    } else if t.kind == TokenKind::Word {
        let q = match t.text {
            "I" => 1,
            "II" => 2,
            "III" => 3,
            "IV" => 4,
            _ => return None,
        };
        (q, j + 1)
    } else {
        return None;
    };
    let (y, next) = if a.is_punct(after, "/") && !a.tokens[after].space_before {
        (year_at(a, after + 1)?, after + 2)
    } else {
        nam_year(a, after)?
    };
    Some(Core {
        dates: vec![Found {
            start,
            end: tok_end(a, next - 1),
            cal: Cal {
                y: Some(y),
                ..Default::default()
            },
            quarter: Some(q),
            ..Default::default()
        }],
        next,
    })
}

/// After "năm": a year, two years or a season (`2017/18`), and a spaced
/// second year (`năm 2021 - 2025`).
fn years(a: &Analysis<'_, '_>, j: usize, start: usize) -> Option<Core> {
    let Some(mut c) = numeric_years(a, j, start) else {
        return short_year(a, j, start);
    };
    spaced_year_tail(a, &mut c);
    Some(c)
}

/// After "năm" (at `j - 1`), a year of three digits: "năm 938" (`0938`).
/// Not a count ("năm 100 người"), a decade ("những năm 980") or a number
/// glued to more.
fn short_year(a: &Analysis<'_, '_>, j: usize, start: usize) -> Option<Core> {
    let (y, digits) = int_at(a, j)?;
    if digits != 3 || y < 100 || (j >= 2 && a.word_is(j - 2, Lex::Those)) {
        return None;
    }
    if let Some(t) = a.tokens.get(j + 1) {
        if matches!(
            t.kind,
            TokenKind::Number | TokenKind::Alnum | TokenKind::Symbol
        ) || (!t.space_before && t.kind == TokenKind::Word)
            || unit_after(a, j + 1)
        {
            return None;
        }
    }
    Some(Core {
        dates: vec![Found {
            start,
            end: tok_end(a, j),
            cal: Cal {
                y: Some(y),
                ..Default::default()
            },
            ..Default::default()
        }],
        next: j + 1,
    })
}

/// After "tháng": `tháng 5/2023`, `tháng 3-5/2023`, `tháng 5 năm 2023` and
/// the month ranges `tháng 3 đến tháng 5/2023`, `tháng 3 - 5 năm 2023`.
fn month(a: &Analysis<'_, '_>, t: &Token<'_>, j: usize, start: usize) -> Option<Core> {
    if t.kind == TokenKind::Word {
        // "tháng Năm năm 1954", "tháng Ba đến tháng Năm năm 2023"
        let (m, after, form) = month_at(a, j)?;
        return month_rest(a, m, after, form, start);
    }
    let n = num_at(a, j)?;
    let p = &n.p;
    match (n.n, n.seps()) {
        (2, [b'/' | b'-' | b'.']) => {
            let (m, y) = (p[0].val, p[1].val);
            ((1..=12).contains(&m) && p[0].digits <= 2 && is_year(&p[1])).then(|| Core {
                dates: vec![Found {
                    start,
                    end: t.span.end,
                    cal: Cal {
                        y: Some(y),
                        m: Some(m),
                        d: None,
                    },
                    ..Default::default()
                }],
                next: j + 1,
            })
        }
        (3, [b'-', b'/']) => {
            let (m1, m2, y) = (p[0].val, p[1].val, p[2].val);
            ((1..=12).contains(&m1) && (1..=12).contains(&m2) && m1 < m2 && is_year(&p[2])).then(
                || Core {
                    dates: vec![Found {
                        start,
                        end: t.span.end,
                        cal: Cal {
                            y: Some(y),
                            m: Some(m1),
                            d: None,
                        },
                        end_cal: Some(Cal {
                            y: Some(y),
                            m: Some(m2),
                            d: None,
                        }),
                        quarter: None,
                    }],
                    next: j + 1,
                },
            )
        }
        (1, _) if (1..=12).contains(&p[0].val) && p[0].digits <= 2 => {
            month_rest(a, p[0].val, j + 1, MonthForm::Digits, start)
        }
        _ => None,
    }
}

/// After the month `m` of "tháng" (`after` is the index after it): its
/// year (`tháng 5 năm 2023`), or a range to a month with a year: `tháng 3
/// đến tháng 5/2023`, `tháng 3 - 5 năm 2023`, `tháng Ba đến tháng Năm năm
/// 2023`, `tháng 4 và tháng 5/2021` (one DATE with `end`).
fn month_rest(
    a: &Analysis<'_, '_>,
    m: u32,
    after: usize,
    form: MonthForm,
    start: usize,
) -> Option<Core> {
    let month = |y: u32, m: u32| Cal {
        y: Some(y),
        m: Some(m),
        d: None,
    };
    if let Some((y, next)) = month_year(a, after, form) {
        return Some(Core {
            dates: vec![Found {
                start,
                end: tok_end(a, next - 1),
                cal: month(y, m),
                ..Default::default()
            }],
            next,
        });
    }
    let mut k = range_conn(a, after).or_else(|| {
        (a.word_is(after, Lex::And) && !a.tokens.get(after + 1)?.newline_before)
            .then_some(after + 1)
    })?;
    if a.word_class(k, Lex::DateUnit) == Some(MONTH) {
        k += 1;
    }
    let (m2, y, next) = match num_at(a, k) {
        Some(n2) if n2.n == 2 => {
            if n2.sep[0] != b'/' || n2.p[0].digits > 2 || !is_year(&n2.p[1]) {
                return None;
            }
            (n2.p[0].val, n2.p[1].val, k + 1)
        }
        _ => {
            let (m2, after2, _) = month_at(a, k)?;
            let (y, next) = nam_year(a, after2)?;
            (m2, y, next)
        }
    };
    ((1..=12).contains(&m2) && m < m2).then(|| Core {
        dates: vec![Found {
            start,
            end: tok_end(a, next - 1),
            cal: month(y, m),
            end_cal: Some(month(y, m2)),
            quarter: None,
        }],
        next,
    })
}

/// The year of a month ending before `after`: `năm Y` ("tháng 5 năm
/// 2021"), a spaced separator and `Y` ("tháng 5 - 2021"), or after a
/// month word in capitals or a month name a bare `Y` ("Tháng Năm 2021",
/// "tháng Giêng 2020"). Returns the year and the index after it.
fn month_year(a: &Analysis<'_, '_>, after: usize, form: MonthForm) -> Option<(u32, usize)> {
    if let Some(found) = nam_year(a, after) {
        return Some(found);
    }
    let fine = |k: usize| !a.tokens[k].newline_before && !unit_after(a, k + 1);
    if spaced_sep(a, after).is_some() {
        let y = year_at(a, after + 1).filter(|_| fine(after + 1))?;
        return Some((y, after + 2));
    }
    if matches!(form, MonthForm::Capital | MonthForm::Name) {
        let y = year_at(a, after).filter(|_| fine(after))?;
        return Some((y, after + 1));
    }
    None
}

/// After "ngày", or with no unit word: day forms, and with no prefix at all
/// the bare forms ([`bare`]).
fn day(
    a: &Analysis<'_, '_>,
    j: usize,
    unit: Option<Unit>,
    start: usize,
    strong: bool,
) -> Option<Core> {
    let n = num_at(a, j)?;
    if docref_glued(a, j) {
        return None;
    }
    if unit.is_none() && !strong {
        if let ControlFlow::Break(found) = bare(a, j, &n, start) {
            return found;
        }
    }
    if n.n == 1 {
        return day_words_or_range(a, j, &n, unit, start)
            .or_else(|| strong.then(|| spaced_dm(a, j, start)).flatten());
    }
    if n.n == 2 && n.sep[0] == b'-' {
        if let ControlFlow::Break(found) = day_range_month_word(a, j, &n, start) {
            return found;
        }
    }
    numeric_dm(a, j, start, strong)
}

/// The separator at `i` of a date written with spaces: a dot, a dash (`-`,
/// `–`, `—`) or a slash.
fn spaced_sep(a: &Analysis<'_, '_>, i: usize) -> Option<u8> {
    if a.tokens.get(i)?.newline_before {
        return None;
    }
    if a.is_dash(i) {
        Some(b'-')
    } else if a.is_punct(i, ".") {
        Some(b'.')
    } else if a.is_punct(i, "/") {
        Some(b'/')
    } else {
        None
    }
}

/// After "ngày" or a part of the day, a day and month (and year) that the
/// separators split into several tokens: `ngày 19. 8. 1945`, `ngày 17 –
/// 9`, `Ngày: 17 - 3 - 2022`, `ngày 26 / 12`. Both separators are the same;
/// without a year a dot is a sentence end ("ngày 19. 8 người …"), so only a
/// dash or a slash, and not before another number or a counted noun.
fn spaced_dm(a: &Analysis<'_, '_>, j: usize, start: usize) -> Option<Core> {
    let (d, dd) = int_at(a, j)?;
    let sep = spaced_sep(a, j + 1)?;
    let (m, md) = int_at(a, j + 2)?;
    if dd > 2 || md > 2 || a.tokens[j + 2].newline_before {
        return None;
    }
    let year = (spaced_sep(a, j + 3) == Some(sep))
        .then(|| year_at(a, j + 4).filter(|_| !a.tokens[j + 4].newline_before))
        .flatten();
    let (y, next) = match year {
        Some(y) => (Some(y), j + 5),
        None => {
            let after = a.tokens.get(j + 3);
            if sep == b'.'
                || after.is_some_and(|t| matches!(t.kind, TokenKind::Number | TokenKind::Alnum))
                || unit_after(a, j + 3)
            {
                return None;
            }
            (None, j + 3)
        }
    };
    valid_dm(d, m, y).then(|| Core {
        dates: vec![Found {
            start,
            end: tok_end(a, next - 1),
            cal: Cal {
                y,
                m: Some(m),
                d: Some(d),
            },
            ..Default::default()
        }],
        next,
    })
}

/// A number with no unit, part-of-day or weekday word before it: full
/// dates, day-month and years, each form with its context checks.
/// `Continue` leaves the number to the day forms.
fn bare(a: &Analysis<'_, '_>, j: usize, n: &Num, start: usize) -> ControlFlow<Option<Core>> {
    if n.n == 1 {
        if let Some(mut c) = bare_year(a, j, start) {
            spaced_year_tail(a, &mut c);
            return ControlFlow::Break(Some(c));
        }
        // "(từ 26 - 28/4)": a bare day range after "từ" or a bracket
        if j > 0 && (a.word_is(j - 1, Lex::From) || a.is_punct(j - 1, "(")) && a.is_dash(j + 1) {
            if let Some(c) = bare_day_range(a, j, start) {
                return ControlFlow::Break(Some(c));
            }
        }
        // 18 tháng 5 năm 2021 without "ngày"
        let found = word_dm(a, j).and_then(|(_, cal, next)| {
            cal.y?;
            Some(Core {
                dates: vec![Found {
                    start,
                    end: tok_end(a, next - 1),
                    cal,
                    ..Default::default()
                }],
                next,
            })
        });
        return ControlFlow::Break(found);
    }
    if n.n == 2 && n.sep[0] == b'-' {
        // after "năm" the unit form already decided ("những năm 1960-1970")
        if !bare_ok(a, j, j) || (j > 0 && a.word_class(j - 1, Lex::DateUnit) == Some(YEAR)) {
            return ControlFlow::Break(None);
        }
        return ControlFlow::Break(numeric_years(a, j, start));
    }
    if n.n == 2 && n.sep[0] == b'.' && dot_dm_cue(a, j) {
        // "dịp nghỉ lễ 30.4, 1.5"
        return ControlFlow::Break(numeric_dm(a, j, start, true));
    }
    if n.n == 2 && n.sep[0] == b'/' && is_year(&n.p[0]) {
        // "mùa giải 2017/18", "năm học 2020/2021"
        if !bare_ok(a, j, j) {
            return ControlFlow::Break(None);
        }
        if let Some(c) = numeric_years(a, j, start) {
            return ControlFlow::Break(Some(c));
        }
    }
    if n.n == 2 && n.sep[0] == b'/' && !is_year(&n.p[1]) {
        // After a time word ("hôm nay 30/4 ngày đầu…") only a
        // percent or currency sign undoes the date.
        let strong_cue = j > 0 && time_word_before(a, j - 1);
        let sign_after = a.tokens.get(j + 1).is_some_and(|t| {
            t.kind == TokenKind::Symbol && matches!(t.text, "%" | "$" | "€" | "₫")
        });
        if a.tokens[j].text == "24/7"
            || sign_after
            || (!strong_cue && (!bare_ok(a, j, j) || !dm_cue(a, j)))
        {
            return ControlFlow::Break(None);
        }
    }
    if n.n == 2 && n.sep[0] == b'/' && is_year(&n.p[1]) {
        return ControlFlow::Break(month_year_bare(a, j, start));
    }
    ControlFlow::Continue(())
}

/// A day number `j` (one piece): `ngày 18 tháng 5 năm 2021`, and the day
/// ranges `ngày 19 đến 22/8/2023`, `ngày 24 - 27/4/2021`, `ngày 20 - 22
/// tháng 3 năm 2024`; a bare day joined by "và" borrows the month the same
/// way: "ngày 26 và 27/4" is one DATE with `end`.
fn day_words_or_range(
    a: &Analysis<'_, '_>,
    j: usize,
    n: &Num,
    unit: Option<Unit>,
    start: usize,
) -> Option<Core> {
    let d = n.p[0].val;
    if n.p[0].digits > 2 || !(1..=31).contains(&d) {
        return None;
    }
    // ngày 18 tháng 5 năm 2021
    if let Some((_, cal, next)) = word_dm(a, j) {
        if cal.y.is_some() || unit.is_some() {
            return Some(Core {
                dates: vec![Found {
                    start,
                    end: tok_end(a, next - 1),
                    cal,
                    ..Default::default()
                }],
                next,
            });
        }
        return None;
    }
    let mut k = range_conn(a, j + 1).or_else(|| {
        (a.word_is(j + 1, Lex::And) && !a.tokens[j + 1].newline_before).then_some(j + 2)
    })?;
    if a.word_class(k, Lex::DateUnit) == Some(DAY) {
        k += 1;
    }
    let n2 = num_at(a, k)?;
    let (end_cal, next) = if n2.n == 1 {
        let (_, cal, next) = word_dm(a, k)?;
        (cal, next)
    } else {
        let c = numeric_dm(a, k, 0, true)?;
        if c.dates.len() != 1 || c.dates[0].end_cal.is_some() {
            return None;
        }
        if docref_glued(a, k) {
            return None;
        }
        (c.dates[0].cal, c.next)
    };
    borrowed_day_range(d, end_cal, start, tok_end(a, next - 1), next)
}

/// The range from day `d` to `end_cal`, the day borrowing its month and
/// year ("24 - 27/4/2021", "ngày 26 và 27/4"): one DATE `start..end` with
/// `end`, when `d` is a valid day of that month before the last one.
fn borrowed_day_range(d: u32, end_cal: Cal, start: usize, end: usize, next: usize) -> Option<Core> {
    let (m, y) = (end_cal.m?, end_cal.y);
    if !valid_dm(d, m, y) || d >= end_cal.d? {
        return None;
    }
    Some(Core {
        dates: vec![Found {
            start,
            end,
            cal: Cal {
                y,
                m: Some(m),
                d: Some(d),
            },
            end_cal: Some(end_cal),
            quarter: None,
        }],
        next,
    })
}

/// `ngày 20-22 tháng 3 năm 2024`: a day range token `j` followed by
/// "tháng". `Continue` when no "tháng" follows.
fn day_range_month_word(
    a: &Analysis<'_, '_>,
    j: usize,
    n: &Num,
    start: usize,
) -> ControlFlow<Option<Core>> {
    let (d1, d2) = (n.p[0].val, n.p[1].val);
    if a.word_class(j + 1, Lex::DateUnit) != Some(MONTH) || n.p[0].digits > 2 || n.p[1].digits > 2 {
        return ControlFlow::Continue(());
    }
    let found = month_at(a, j + 2).and_then(|(m, after, form)| {
        let (y, next) = match nam_year(a, after) {
            Some((y, nx)) => (Some(y), nx),
            None if form == MonthForm::Lower => return None,
            None => (None, after),
        };
        (valid_dm(d1, m, y) && valid_dm(d2, m, y) && d1 < d2).then(|| Core {
            dates: vec![day_range(start, tok_end(a, next - 1), y, m, d1, d2)],
            next,
        })
    });
    ControlFlow::Break(found)
}

/// Bare `M/YYYY` is a month only after a preposition that introduces a time
/// ([`Lex::MonthPrep`]).
pub(super) fn month_year_bare(a: &Analysis<'_, '_>, j: usize, start: usize) -> Option<Core> {
    let n = num_at(a, j)?;
    if j == 0 || n.p[0].digits > 2 || !(1..=12).contains(&n.p[0].val) {
        return None;
    }
    let ok = a.word_is(j - 1, Lex::MonthPrep);
    ok.then(|| Core {
        dates: vec![Found {
            start,
            end: a.tokens[j].span.end,
            cal: Cal {
                y: Some(n.p[1].val),
                m: Some(n.p[0].val),
                d: None,
            },
            ..Default::default()
        }],
        next: j + 1,
    })
}

/// A bare 4-digit number that denotes a year.
pub(super) fn bare_year(a: &Analysis<'_, '_>, j: usize, start: usize) -> Option<Core> {
    let (y, digits) = int_at(a, j)?;
    if digits != 4 {
        return None;
    }
    let paren = j > 0 && a.is_punct(j - 1, "(") && a.is_punct(j + 1, ")");
    let in_range = a.is_dash(j + 1) && year_at(a, j + 2).is_some_and(|y2| y2 > y);
    // "năm 1864 và 1867", "1788, 1789": an older year right after another one
    let list_tail = j >= 2
        && (a.word_is(j - 1, Lex::And) || a.is_punct(j - 1, ","))
        && int_at(a, j - 2).is_some_and(|(y0, d0)| d0 == 4 && (1000..=2100).contains(&y0));
    let plausible = (1900..=2100).contains(&y)
        || ((1000..=2100).contains(&y) && (paren || in_range || list_tail));
    if !plausible {
        return None;
    }
    if !paren {
        if j > 0 {
            // "những năm 1990" (a decade, rejected by the "năm" form), "thập kỷ 1990"
            let bad = if in_range {
                // "là 2026 - 2030": only a clear quantity word blocks a range
                a.word_is(j - 1, Lex::RangeQuantity) && unit_after(a, j + 3)
            } else {
                bad_before_bare(a, j - 1) && !place_noun(a, j - 1)
            };
            if bad
                || (a.word_is(j - 1, Lex::Those) && !in_range)
                || a.word_class(j - 1, Lex::DateUnit) == Some(YEAR)
                || (j >= 2 && a.word_phrase(j - 2, j, Lex::Decade, Walk::Across).is_some())
            {
                return None;
            }
            let prev = &a.tokens[j - 1];
            // "SN: 1990" (sinh năm): a birth year despite the colon
            let birth = prev.text == ":" && j >= 2 && a.word_is(j - 2, Lex::Birth);
            if !birth
                && matches!(
                    prev.text,
                    ":" | "#" | "+" | "x" | "×" | "/" | "." | "$" | "€"
                )
            {
                return None;
            }
            if prev.kind == TokenKind::Number {
                return None;
            }
            // "những năm 1920 - 1930": the head was refused (a decade, a
            // quantity), so the tail of its range is refused too.
            if a.is_dash(j - 1) && j >= 2 && int_at(a, j - 2).is_some_and(|(_, d)| d == 4) {
                return None;
            }
            // "1.000", glued letters: not a plain year
            if !a.tokens[j].space_before && matches!(prev.kind, TokenKind::Word | TokenKind::Alnum)
            {
                return None;
            }
        }
        if let Some(t) = a.tokens.get(j + 1) {
            if t.kind == TokenKind::Symbol && matches!(t.text, "%" | "$" | "€" | "₫") {
                return None;
            }
            if t.kind == TokenKind::Number || t.kind == TokenKind::Alnum {
                return None;
            }
            // "2021/xyz", "2021-abc", "2021.5": not a plain year
            if !t.space_before
                && a.tokens.get(j + 2).is_some_and(|u| {
                    !u.space_before
                        && match t.text {
                            "/" | "-" => u.kind != TokenKind::Punct,
                            "." | "," => u.kind == TokenKind::Number,
                            _ => false,
                        }
                })
            {
                return None;
            }
            if unit_after(a, j + 1)
                && a.word_phrase(j + 1, j + 3, Lex::NotQuantity, Walk::Across)
                    .is_none()
            {
                return None;
            }
        }
    }
    Some(Core {
        dates: vec![Found {
            start,
            end: a.tokens[j].span.end,
            cal: Cal {
                y: Some(y),
                ..Default::default()
            },
            ..Default::default()
        }],
        next: j + 1,
    })
}
