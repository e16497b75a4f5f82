//! Splits text into pieces at word boundaries (Unicode UAX #29), with a fast path for ASCII.
//!
//! Segmentation is a third of the cost of scoring, and nearly every answer is ASCII. For ASCII the
//! word rules reduce to a few byte classes, implemented here; a property test checks that both
//! paths give the same words.

use unicode_segmentation::UnicodeSegmentation;

/// `(byte offset, piece)` for every word and every other character of `text`.
pub fn pieces(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() {
        Box::new(AsciiPieces { text, at: 0 })
    } else {
        Box::new(text.split_word_bound_indices())
    }
}

struct AsciiPieces<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiPieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let first = *bytes.get(start)?;
        let mut end = start + 1;
        if is_word(first) {
            while end < bytes.len() {
                if is_word(bytes[end]) {
                    end += 1;
                } else if end + 1 < bytes.len() && joins(bytes[end - 1], bytes[end], bytes[end + 1]) {
                    end += 2;
                } else {
                    break;
                }
            }
        }
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// Letters, digits and the underscore, which UAX #29 keeps together in any order.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `mid` joins the words around it: `isn't`, `e.g`, `a:b` between letters; `1.5`,
/// `1,000`, `3;4` between digits.
fn joins(before: u8, mid: u8, after: u8) -> bool {
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    match mid {
        b':' => letters,
        b'.' | b'\'' => letters || digits,
        b',' | b';' => digits,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn words(pieces: impl Iterator<Item = (usize, &'static str)>) -> Vec<(usize, &'static str)> {
        pieces.filter(|(_, p)| p.bytes().any(|b| b.is_ascii_alphanumeric())).collect()
    }

    #[test]
    fn keeps_contractions_decimals_and_codes_whole() {
        let text = "isn't 1,000.5 e.g. x_y a:b 2xx -- end.";
        let found: Vec<&str> = words(pieces(text)).into_iter().map(|(_, w)| w).collect();
        assert_eq!(found, ["isn't", "1,000.5", "e.g", "x_y", "a:b", "2xx", "end"]);
    }

    proptest! {
        #[test]
        fn the_ascii_path_finds_the_unicode_words(text in "[a-c0-2_.,;:' \\-\\n]{0,40}") {
            let text: &'static str = Box::leak(text.into_boxed_str());
            prop_assert_eq!(words(pieces(text)), words(text.split_word_bound_indices()));
        }
    }
}
