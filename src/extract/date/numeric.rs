//! Numbers of DATEs: digit runs inside one number token (`26/12`,
//! `20-22/9/2023`, `2017/18`) and the word forms around them (`năm Y`,
//! `D tháng M [năm Y]`).

use super::{days_in_month, Cal, Core, Found};
use crate::lex::{Analysis, Lex, Walk, MONTH, MONTH_ONLY, YEAR};
use crate::token::TokenKind;

/// Whether the word at `i`, right after a bare number, makes it a quantity
/// ([`Lex::QuantityAfter`]).
pub(super) fn unit_after(a: &Analysis<'_, '_>, i: usize) -> bool {
    a.word_is(i, Lex::QuantityAfter)
}

/// One run of digits inside a number token.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Piece {
    pub(super) val: u32,
    pub(super) digits: u8,
    /// Byte offsets relative to the token start.
    pub(super) start: usize,
    pub(super) end: usize,
}

/// A number token split into at most six digit runs and their separators.
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Num {
    pub(super) p: [Piece; 6],
    pub(super) sep: [u8; 5],
    pub(super) n: usize,
}

impl Num {
    fn parse(s: &str) -> Option<Num> {
        let b = s.as_bytes();
        let mut out = Num::default();
        let mut i = 0;
        loop {
            let st = i;
            let mut v: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                if i - st >= 4 {
                    return None;
                }
                v = v * 10 + (b[i] - b'0') as u32;
                i += 1;
            }
            if i == st || out.n >= 6 {
                return None;
            }
            out.p[out.n] = Piece {
                val: v,
                digits: (i - st) as u8,
                start: st,
                end: i,
            };
            out.n += 1;
            if i >= b.len() {
                return Some(out);
            }
            if out.n > 5 {
                return None;
            }
            out.sep[out.n - 1] = b[i];
            i += 1;
        }
    }

    /// Separators as a slice.
    pub(super) fn seps(&self) -> &[u8] {
        &self.sep[..self.n.saturating_sub(1)]
    }
}

pub(super) fn num_at(a: &Analysis<'_, '_>, i: usize) -> Option<Num> {
    match a.tokens.get(i) {
        Some(t) if t.kind == TokenKind::Number => Num::parse(t.text),
        _ => None,
    }
}

/// A single-piece number token's value.
pub(super) fn int_at(a: &Analysis<'_, '_>, i: usize) -> Option<(u32, u8)> {
    let n = num_at(a, i)?;
    (n.n == 1).then_some((n.p[0].val, n.p[0].digits))
}

pub(super) fn is_year(p: &Piece) -> bool {
    p.digits == 4 && (1000..=2199).contains(&p.val)
}

pub(super) fn valid_dm(d: u32, m: u32, y: Option<u32>) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y.unwrap_or(2000) as i32, m as u8) as u32
}

pub(super) fn tok_start(a: &Analysis<'_, '_>, i: usize) -> usize {
    a.tokens[i].span.start
}

pub(super) fn tok_end(a: &Analysis<'_, '_>, i: usize) -> usize {
    a.tokens[i].span.end
}

/// `D/M[/Y]`, `D-M[-Y]`, `D.M.Y`, the ranges `D1-D2/M[/Y]` and the pairs
/// `D1/M1-D2/M2[...]` inside one number token `i`. `strong` says a unit or
/// part-of-day word precedes (allows `D-M` without a year).
pub(super) fn numeric_dm(
    a: &Analysis<'_, '_>,
    i: usize,
    start: usize,
    strong: bool,
) -> Option<Core> {
    let n = num_at(a, i)?;
    let seps = n.seps();
    let base = tok_start(a, i);
    let p = &n.p;
    let single = |cal: Cal, end: usize| Core {
        dates: vec![Found {
            start,
            end,
            cal,
            ..Default::default()
        }],
        next: i + 1,
    };
    match (n.n, seps) {
        (2, [s]) if *s == b'/' || (matches!(s, b'-' | b'.') && strong) => {
            let (d, m) = (p[0].val, p[1].val);
            (p[0].digits <= 2 && p[1].digits <= 2 && valid_dm(d, m, None)).then(|| {
                single(
                    Cal {
                        y: None,
                        m: Some(m),
                        d: Some(d),
                    },
                    tok_end(a, i),
                )
            })
        }
        (3, [s1, s2]) if s1 == s2 && matches!(s1, b'/' | b'-' | b'.') => {
            let (d, m) = (p[0].val, p[1].val);
            (p[0].digits <= 2
                && p[1].digits <= 2
                && is_year(&p[2])
                && valid_dm(d, m, Some(p[2].val)))
            .then(|| {
                single(
                    Cal {
                        y: Some(p[2].val),
                        m: Some(m),
                        d: Some(d),
                    },
                    tok_end(a, i),
                )
            })
        }
        // 20-22/9, 20-22/9/2023
        (3, [b'-', b'/']) | (4, [b'-', b'/', b'/']) => {
            let (d1, d2, m) = (p[0].val, p[1].val, p[2].val);
            let y = (n.n == 4).then(|| p[3].val);
            if n.n == 4 && !is_year(&p[3]) {
                return None;
            }
            if p[0].digits > 2 || p[1].digits > 2 || p[2].digits > 2 {
                return None;
            }
            (valid_dm(d1, m, y) && valid_dm(d2, m, y) && d1 < d2).then(|| Core {
                dates: vec![day_range(start, tok_end(a, i), y, m, d1, d2)],
                next: i + 1,
            })
        }
        // 30/4-1/5 ; 19/5/1890-19/5/2023
        (4, [b'/', b'-', b'/']) | (6, [b'/', b'/', b'-', b'/', b'/']) => {
            let k = n.n / 2;
            let mut dates = Vec::new();
            for h in 0..2 {
                let q = &p[h * k..h * k + k];
                let y = (k == 3).then(|| q[2].val);
                if (k == 3 && !is_year(&q[2])) || q[0].digits > 2 || q[1].digits > 2 {
                    return None;
                }
                if !valid_dm(q[0].val, q[1].val, y) {
                    return None;
                }
                dates.push(Found {
                    start: if h == 0 { start } else { base + q[0].start },
                    end: base + q[k - 1].end,
                    cal: Cal {
                        y,
                        m: Some(q[1].val),
                        d: Some(q[0].val),
                    },
                    ..Default::default()
                });
            }
            Some(Core { dates, next: i + 1 })
        }
        _ => None,
    }
}

/// One DATE for a day range inside one month: "20-22/9" → `--09-20` to `--09-22`.
pub(super) fn day_range(
    start: usize,
    end: usize,
    y: Option<u32>,
    m: u32,
    d1: u32,
    d2: u32,
) -> Found {
    Found {
        start,
        end,
        cal: Cal {
            y,
            m: Some(m),
            d: Some(d1),
        },
        end_cal: Some(Cal {
            y,
            m: Some(m),
            d: Some(d2),
        }),
        quarter: None,
    }
}

/// Years `Y1-Y2` inside one number token, or a single year.
pub(super) fn numeric_years(a: &Analysis<'_, '_>, i: usize, start: usize) -> Option<Core> {
    let n = num_at(a, i)?;
    let base = tok_start(a, i);
    // Two full years in one token ("2020-2025", "2020/2021"): two DATEs.
    let two_years = || Core {
        dates: vec![
            Found {
                start,
                end: base + n.p[0].end,
                cal: Cal {
                    y: Some(n.p[0].val),
                    ..Default::default()
                },
                ..Default::default()
            },
            Found {
                start: base + n.p[1].start,
                end: tok_end(a, i),
                cal: Cal {
                    y: Some(n.p[1].val),
                    ..Default::default()
                },
                ..Default::default()
            },
        ],
        next: i + 1,
    };
    match (n.n, n.seps()) {
        (1, _) if is_year(&n.p[0]) => Some(Core {
            dates: vec![Found {
                start,
                end: tok_end(a, i),
                cal: Cal {
                    y: Some(n.p[0].val),
                    ..Default::default()
                },
                ..Default::default()
            }],
            next: i + 1,
        }),
        // Seasons and school years "2017/18", "2020-21": the second year
        // borrows its century from the first, so one DATE with `end`.
        (2, [b'/' | b'-'])
            if is_year(&n.p[0])
                && n.p[1].digits == 2
                && n.p[1].val == (n.p[0].val + 1) % 100
                && (1900..=2100).contains(&n.p[0].val) =>
        {
            Some(Core {
                dates: vec![Found {
                    start,
                    end: tok_end(a, i),
                    cal: Cal {
                        y: Some(n.p[0].val),
                        ..Default::default()
                    },
                    end_cal: Some(Cal {
                        y: Some(n.p[0].val + 1),
                        ..Default::default()
                    }),
                    ..Default::default()
                }],
                next: i + 1,
            })
        }
        // "năm học 2020/2021": two consecutive full years.
        (2, [b'/'])
            if is_year(&n.p[0])
                && is_year(&n.p[1])
                && n.p[1].val == n.p[0].val + 1
                && (1900..=2100).contains(&n.p[0].val) =>
        {
            Some(two_years())
        }
        (2, [b'-'])
            if is_year(&n.p[0])
                && is_year(&n.p[1])
                && n.p[0].val < n.p[1].val
                && n.p[1].val - n.p[0].val <= 500 =>
        {
            Some(two_years())
        }
        _ => None,
    }
}

/// After a year DATE ending at token `next`, a spaced `- Y2` adds a second
/// year DATE ("năm 2021 - 2025").
pub(super) fn spaced_year_tail(a: &Analysis<'_, '_>, core: &mut Core) {
    let j = core.next;
    if core.dates.len() == 1 && a.is_dash(j) {
        if let (Some(first), Some((y2, 4))) = (core.dates[0].cal.y, int_at(a, j + 1)) {
            if core.dates[0].cal.m.is_none()
                && y2 > first
                && y2 - first <= 100
                && y2 <= 2199
                && !unit_after(a, j + 2)
            {
                core.dates.push(Found {
                    start: tok_start(a, j + 1),
                    end: tok_end(a, j + 1),
                    cal: Cal {
                        y: Some(y2),
                        ..Default::default()
                    },
                    ..Default::default()
                });
                core.next = j + 2;
            }
        }
    }
}

/// Year after "năm" at `i` (a single 4-digit number).
pub(super) fn year_at(a: &Analysis<'_, '_>, i: usize) -> Option<u32> {
    match int_at(a, i) {
        Some((y, 4)) if (1000..=2199).contains(&y) => Some(y),
        _ => None,
    }
}

/// `năm Y` at `i` (i is the "năm" word): returns (year, index after).
pub(super) fn nam_year(a: &Analysis<'_, '_>, i: usize) -> Option<(u32, usize)> {
    if a.word_class(i, Lex::DateUnit) == Some(YEAR) {
        year_at(a, i + 1).map(|y| (y, i + 2))
    } else {
        None
    }
}

/// How a month after "tháng" is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonthForm {
    /// In digits ("tháng 5").
    Digits,
    /// A numeral word ("tháng Năm", "tháng mười một"), capitalised or in a
    /// caps line.
    Capital,
    /// A numeral word in lowercase ("tháng năm"): also a count.
    Lower,
    /// A word that only names a month ("tháng Giêng", "tháng chạp").
    Name,
}

/// The month at token `i`, right after "tháng": one or two digits, or a
/// month word ([`Lex::MonthName`]). Returns the month, the index after it
/// and how it is written. A month word after an event's name ("Cách mạng
/// tháng Tám", [`Lex::MonthEvent`]) is no month.
pub(super) fn month_at(a: &Analysis<'_, '_>, i: usize) -> Option<(u32, usize, MonthForm)> {
    if let Some((m, digits)) = int_at(a, i) {
        return (digits <= 2 && (1..=12).contains(&m)).then_some((m, i + 1, MonthForm::Digits));
    }
    let (end, h) = a.words(i, Lex::MonthName, Walk::Line)?;
    let m: u32 = a.static_value(h)?.parse().ok()?;
    if i >= 1 && a.ends_at(i - 1, Lex::MonthEvent).is_some() {
        return None;
    }
    let form = if h.class == MONTH_ONLY {
        MonthForm::Name
    } else if a.is_cap(i) || a.caps_line(i) {
        MonthForm::Capital
    } else {
        MonthForm::Lower
    };
    (1..=12).contains(&m).then_some((m, end, form))
}

/// A day written as a word at `i` ("hai" in "mồng hai", [`Lex::DayName`]):
/// the day and the index after it.
pub(super) fn day_word_at(a: &Analysis<'_, '_>, i: usize) -> Option<(u32, usize)> {
    let (end, h) = a.words(i, Lex::DayName, Walk::Line)?;
    let d: u32 = a.static_value(h)?.parse().ok()?;
    Some((d, end))
}

/// `D tháng M [năm Y]` starting at the day number `i`.
pub(super) fn word_dm(a: &Analysis<'_, '_>, i: usize) -> Option<(u32, Cal, usize)> {
    let (d, dd) = int_at(a, i)?;
    if dd > 2 {
        return None;
    }
    word_dm_after(a, d, i + 1, false)
}

/// `tháng M [năm Y]` at `k` after the day `d` (a number or a word): the
/// day, the date and the index after it. A lowercase numeral month needs a
/// year ("ngày 2 tháng hai lần" is a count) unless `sure` (the day was
/// written "mồng hai", which only a date has).
pub(super) fn word_dm_after(
    a: &Analysis<'_, '_>,
    d: u32,
    k: usize,
    sure: bool,
) -> Option<(u32, Cal, usize)> {
    if a.word_class(k, Lex::DateUnit) != Some(MONTH) {
        return None;
    }
    let (m, after, form) = month_at(a, k + 1)?;
    let (y, next) = match nam_year(a, after) {
        Some((y, n)) => (Some(y), n),
        None if form == MonthForm::Lower && !sure => return None,
        None => (None, after),
    };
    valid_dm(d, m, y).then_some((
        d,
        Cal {
            y,
            m: Some(m),
            d: Some(d),
        },
        next,
    ))
}
