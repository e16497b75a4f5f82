//! Cheap checks of YAML text before it reaches a YAML reader, against documents built to be slow
//! or huge: deep nesting (the reader is quadratic in it) and aliases that expand without bound.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use super::spans::Location;

/// Nesting deeper than this is refused at once; a bank needs five levels, an answers file two.
pub const MAX_NESTING: usize = 64;

/// A document whose aliases would expand it past this many characters is refused.
const MAX_EXPANDED_CHARS: usize = 16 * 1024 * 1024;

/// Refuses text that is nested too deeply or whose aliases expand too far, with the place and a
/// message; anything else is left for the YAML reader to judge.
pub fn check(text: &str) -> Result<(), (Location, String)> {
    if may_be_deep(text)
        && let Some(at) = too_deep(text)
    {
        return Err((
            at,
            format!("nesting deeper than {MAX_NESTING} levels; no bank or answers file needs that many"),
        ));
    }
    if may_have_anchors(text) && expands_too_far(text) {
        let limit = MAX_EXPANDED_CHARS / (1024 * 1024);
        return Err((
            Location { line: 1, column: 1 },
            format!("aliases expand this file past {limit} M characters; repeat less, or write the text out"),
        ));
    }
    Ok(())
}

/// Whether brackets or block entries might nest past [`MAX_NESTING`]: a quick pass that ignores
/// quotes and comments (so it over-counts), run before the careful one so that ordinary files,
/// whose brackets close on the line they open, cost one tight loop.
fn may_be_deep(text: &str) -> bool {
    let mut depth = 0usize;
    for &b in text.as_bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    text.lines().any(|line| block_entries(line.as_bytes()) > MAX_NESTING)
}

/// Where flow brackets (`[`, `{`) or same-line block entries (`- - -`) first nest deeper than
/// [`MAX_NESTING`]. A byte scan that over-counts rather than misses: brackets inside quotes on one
/// line are skipped, and a line starting in column 0 (a new top-level key) resets the count.
fn too_deep(text: &str) -> Option<Location> {
    let mut depth = 0usize;
    for (number, line) in text.lines().enumerate() {
        let at = |column: usize| Some(Location { line: number + 1, column: column + 1 });
        let bytes = line.as_bytes();
        if bytes.first().is_some_and(|b| !matches!(b, b' ' | b'\t' | b']' | b'}' | b',' | b'#')) {
            depth = 0;
        }
        if block_entries(bytes) > MAX_NESTING {
            return at(0);
        }
        let mut quote: Option<u8> = None;
        let mut previous = b' ';
        let mut escaped = false;
        for (column, &b) in bytes.iter().enumerate() {
            match quote {
                Some(b'"') if escaped => escaped = false,
                Some(b'"') if b == b'\\' => escaped = true,
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None => match b {
                    b'"' | b'\'' if matches!(previous, b' ' | b'\t' | b'[' | b'{' | b',' | b':') => {
                        quote = Some(b);
                    }
                    b'#' if matches!(previous, b' ' | b'\t') => break,
                    b'[' | b'{' => {
                        depth += 1;
                        if depth > MAX_NESTING {
                            return at(column);
                        }
                    }
                    b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            previous = b;
        }
    }
    None
}

/// How many block entries (`- `, `? `) open on one line, as in `- - - x`.
fn block_entries(line: &[u8]) -> usize {
    let mut rest = line.trim_ascii_start();
    let mut count = 0;
    while rest.len() >= 2 && matches!(rest[0], b'-' | b'?') && matches!(rest[1], b' ' | b'\t') {
        count += 1;
        rest = rest[2..].trim_ascii_start();
    }
    count
}

/// Whether an anchor (`&name` after a space or bracket) may appear; prose like "R&D" does not count.
fn may_have_anchors(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `match_indices` on a char finds the candidates with memchr: most files have none.
    text.match_indices('&').any(|(i, _)| {
        let before = if i == 0 { b' ' } else { bytes[i - 1] };
        matches!(before, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':' | b'-')
            && bytes.get(i + 1).is_some_and(|after| !after.is_ascii_whitespace())
    })
}

/// Whether expanding every alias would exceed [`MAX_EXPANDED_CHARS`]: sizes anchored nodes
/// (their own text plus what their aliases expand to) and adds one per alias.
fn expands_too_far(text: &str) -> bool {
    // Open collections: (anchor id, start index, characters added by aliases inside).
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    let mut total = text.chars().count();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { return false };
        match event {
            Event::Alias(id) => {
                let size = sizes.get(&id).copied().unwrap_or(0);
                total = total.saturating_add(size);
                if let Some(top) = open.last_mut() {
                    top.2 = top.2.saturating_add(size);
                }
            }
            Event::Scalar(value, _, id, _) if id > 0 => {
                sizes.insert(id, value.len());
            }
            Event::SequenceStart(id, _) | Event::MappingStart(id, _) => {
                open.push((id, span.start.index(), 0));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some((id, start, added)) = open.pop() else { continue };
                let size = span.end.index().saturating_sub(start).saturating_add(added);
                if id > 0 {
                    sizes.insert(id, size);
                }
                if let Some(top) = open.last_mut() {
                    top.2 = top.2.saturating_add(added);
                }
            }
            _ => {}
        }
        if total > MAX_EXPANDED_CHARS {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_refused_at_once() {
        let text = format!("hint: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let (at, message) = check(&text).unwrap_err();
        assert_eq!(at, Location { line: 1, column: 7 + MAX_NESTING });
        assert!(message.starts_with("nesting deeper than 64 levels"), "{message}");
        assert!(check(&format!("{}x\n", "- ".repeat(100))).is_err());
    }

    #[test]
    fn ordinary_text_passes() {
        let text = "a: \"[[[[\" # [[[[\nb: it's [1, [2, {c: 3}]]\nc: R&D & more\n";
        assert_eq!(check(text), Ok(()));
        let prose = "a: |\n  x[0\n".repeat(MAX_NESTING + 1);
        assert_eq!(check(&prose), Ok(()), "each top-level key resets the count");
    }

    #[test]
    fn aliases_that_expand_too_far_are_refused() {
        let big = "x".repeat(1024 * 1024);
        let text = format!("a: &a {big}\nb: [{}]\n", vec!["*a"; 20].join(", "));
        assert!(check(&text).unwrap_err().1.starts_with("aliases expand this file"));
        let bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n";
        assert_eq!(check(bomb), Ok(()), "a small expansion is fine");
        let levels: Vec<String> = (1..30).map(|i| format!("l{i}: &l{i} [*l{0}, *l{0}]\n", i - 1)).collect();
        let bomb = format!("l0: &l0 [xxxxxxxxxx, xxxxxxxxxx]\n{}", levels.concat());
        assert!(check(&bomb).is_err());
    }
}
