//! The one normaliser for answers and key points: fold, tokenise, stem, and mark negated words.

use std::borrow::Cow;
use std::cell::RefCell;

use compact_str::{CompactString, ToCompactString};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::lexicon::{
    base_form, cancels_negation, is_clause_break, is_evaluative, is_futile, is_hollow, is_manner,
    is_negation_cue, is_omission, is_preposition, is_stop_word, number_word,
};
use super::segment;

/// How far a negation reaches: this many content words, unless a clause ends first.
const NEGATION_REACH: usize = 3;

/// Answers longer than this many bytes are scored on their first part only (no answer is this long).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// What sort of word a token is; it decides whether near misses may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An ordinary word, stemmed; long ones tolerate typos.
    Word,
    /// Digits, or letters mixed with digits (`401`, `2xx`, `oauth2`, `v1`): exact only.
    Code,
}

/// One content word of a text, after folding and stemming. Words and stems are compact strings:
/// nearly all fit inline, so a token costs no allocation (scoring speed, `docs/scoring.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word as written (lowercase, accents removed).
    pub word: CompactString,
    /// Its English stem (the word itself for codes).
    pub stem: CompactString,
    pub kind: Kind,
    /// Inside the reach of a negation cue ("not idempotent").
    pub negated: bool,
    /// Which sentence of the text the word is in (sentences end at `.`, `!`, `?`, `;`, a line break).
    pub sentence: u32,
    /// Which clause of the text the word is in (clauses also end at commas and at linking words
    /// such as "but", "whereas", "and").
    pub clause: u32,
    /// Which statement of the text the word is in: statements end with sentences and at linking
    /// words, but not at commas ("POST, unlike PUT, is not idempotent" is one statement).
    pub statement: u32,
    /// What the word's clause is up to this word: a condition, or a thing not done.
    pub mood: Mood,
    /// Joined to the word before it by a hyphen or slash without spaces (`long-lived`): in a
    /// phrasing, the two name one thing and must stand together in the answer.
    pub glued: bool,
    /// Written with a possessive `'s` ("the resource's state"): it names whose, not what.
    pub possessive: bool,
}

/// The content words of a text, in order, and how many function words stood between them.
/// Stop words and negation cues are dropped, their effect kept in [`Token::negated`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokens {
    pub words: Vec<Token>,
    /// Stop words and negation cues seen: statements have them, bare lists of terms do not.
    pub function_words: usize,
    /// Content words standing in list items: clauses of a few content words and no verb
    /// ("throttling, backoff, Retry-After, concurrency control").
    pub listed_words: usize,
    /// How many such items the text holds.
    pub listed_items: usize,
    /// Hollow phrases ("leveraged", "plays a key role", "best practices"): the register of an
    /// answer padded with jargon.
    pub hollow: usize,
}

/// A list item holds at most this many content words ("concurrency control", "fast 2xx ack").
const LIST_ITEM_WORDS: usize = 3;

/// A bare term joined by "and" to the subject of a clause that ends in a denial, as in "clock skew
/// and commit order are nothing to worry about", has at most this many words.
const JOINED_WORDS: usize = 2;

/// How many content words of a phrase after a denied manner ("in a tight loop") the denial
/// reaches.
const MANNER_PHRASE_WORDS: usize = 2;

/// A note has at most this many items (clauses with content words).
const NOTE_MAX_ITEMS: usize = 7;
/// The content words per item of a note, on average: "4xx client error" is a fact in shorthand,
/// "KMS" alone is a term.
const NOTE_WORDS_PER_ITEM: std::ops::RangeInclusive<f64> = 2.0..=5.0;

impl Tokens {
    /// Whether the text is a short note ("1xx informational, 2xx success, 3xx redirect"): a few
    /// items of a few words each, which state facts without function words, unlike a list of
    /// many single terms or a run of terms with no break at all.
    pub fn is_note(&self) -> bool {
        let items = self.items();
        let per_item = self.words.len() as f64 / items as f64;
        !self.words.is_empty() && items <= NOTE_MAX_ITEMS && NOTE_WORDS_PER_ITEM.contains(&per_item)
    }

    /// How many clauses hold content words.
    pub fn items(&self) -> usize {
        1 + self.words.windows(2).filter(|pair| pair[0].clause != pair[1].clause).count()
    }
}

/// The linking word that opened a clause, where a rule needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Opener {
    #[default]
    Other,
    And,
    But,
}

/// Where the normaliser is in a text: sentence and clause counters and the negation in force.
#[derive(Default)]
#[expect(clippy::struct_excessive_bools, reason = "independent facts about the text so far, not states")]
struct Cursor {
    sentence: u32,
    clause: u32,
    statement: u32,
    /// Content words still negated by the last cue.
    reach: usize,
    /// Where the current clause's words start in the output.
    clause_start: usize,
    /// A denial that no word has used yet: if the clause ends first, it denies what the clause
    /// said before it ("… but POST is not"), unless the clause is a relative one ("…, which
    /// customers behind firewalls can't"), whose elided verb is what it denies.
    dangling: bool,
    /// What the clause so far is: a condition, or a thing not done.
    mood: Mood,
    /// The denial is a "no", which denies a noun rather than a verb and its phrase.
    of_noun: bool,
    /// The clause opened with "without it": the clause after it says what would happen, not
    /// what does ("without it, the app stores the password").
    counterfactual: bool,
    /// The next word is the second of terms compared with ("the same as 302 and 301").
    compared_next: bool,
    /// The next word is the second of terms named as not meant ("unlike 301 and 302").
    rejecting_next: bool,
    /// Where the words of the clause's condition start in the output.
    condition_start: usize,
    /// After "though" or "however": unless a verb comes next, the statement has ended.
    aside: bool,
    /// The denial in reach belongs to a relative clause ("a 418 it doesn't recognise is still
    /// treated like a 400"): the main clause's verb ends it.
    relative_denial: bool,
    /// Where the words in the denial's reach begin in the output.
    denied_from: usize,
    /// The clause just ended named a mistake or a thing not done: a clause that opens with "or"
    /// (or "and to") names another ("a common mistake is 500 for validation errors, or 200 with
    /// an error").
    rejected_before: bool,
    /// The clause so far holds a function word other than a conjunction, a denial or "=": it is
    /// not a bare list item.
    stated: bool,
    /// The last content word was a denied manner ("never retry immediately").
    manner_denied: bool,
    /// Words still to be marked [`Mood::privative`] after "no longer".
    privative_reach: usize,
    /// Where a denied omission word stands in the text ("doesn't skip"), until the next word
    /// shows whether it asks for what follows or is one of denied verbs ("doesn't skip or
    /// repeat rows").
    denied_omission: Option<(usize, usize)>,
    /// Content words still denied as part of a denied manner's phrase ("in a tight loop"): like
    /// [`Cursor::reach`], but a denial inside it is a denial of its own ("blindly with no
    /// backoff"), not a double one.
    manner_reach: usize,
    /// Content words and items of the bare list items ended so far (see [`Tokens::listed_words`]).
    listed_words: usize,
    listed_items: usize,
    /// The linking word that opened the clause, if it was "and" or "but".
    opened_by: Opener,
    /// Where the last clause with content words starts.
    last_clause_start: usize,
    /// The clause just ended, in this sentence, was a bare term of a word or two that a denial
    /// ending the next clause reaches back over (see [`Cursor::end_clause`]).
    last_clause_joins: bool,
}

/// What a clause so far is, beyond its claims; reset when it ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[expect(clippy::struct_excessive_bools, reason = "independent facts about a clause, not states")]
pub struct Mood {
    /// A condition ("if the server can't produce it, …"): a denial there belongs to the
    /// condition, so it neither denies what the clause said before it nor contradicts a point.
    pub conditional: bool,
    /// After "instead of", "rather than" or "unlike" up to the clause's end ("back off instead
    /// of retrying at once", "unlike POST, PUT is idempotent"): the words name what is not done
    /// or not meant, so they state no wrong claim. Points still match them (measured: treating
    /// them as denied cost agreement).
    pub rejecting: bool,
    /// The clause opens with "which" ("no-store, which lets the cache keep a copy"): it says
    /// something of what the clause before it named.
    pub relative: bool,
    /// The clause opens with "it" or "they" ("authentication comes first, it's the identity
    /// step"): it says something of what its sentence named before it.
    pub anaphoric: bool,
    /// The clause opens with a verb ("the plain method, sending the verifier itself, is the
    /// recommended one"): it goes on with a subject named before the clause ahead of it.
    pub continuing: bool,
    /// The clause has likened its subject to something ("the same …", "similar …"), so an "as"
    /// introduces what it is compared with.
    pub likening: bool,
    /// After "than", "same … as", "similar to", "just like" or a later "the way" up to the
    /// clause's end: what the clause's subject is compared with ("308 is the same as 301 but
    /// keeps the method" is not about 301, "not safe to repeat the way PUT is" not about PUT).
    pub compared: bool,
    /// After "only" ("only retry a POST automatically if it carries an idempotency key"): a
    /// condition later in the clause restricts the claim rather than adding to it.
    pub restricted: bool,
    /// After "whether" up to the clause's end ("decide whether large batches run synchronously"):
    /// a question asked, not a claim made.
    pub asking: bool,
    /// After "no longer", for the word after it: said to have stopped ("no longer works"), which
    /// is neither the claim nor its denial.
    pub privative: bool,
}

impl Cursor {
    fn end_clause(&mut self, words: &mut [Token]) {
        // A code makes an item a fact in shorthand ("2xx success", "HS256 for one service").
        let item = &words[self.clause_start..];
        let bare = (1..=LIST_ITEM_WORDS).contains(&item.len())
            && !self.stated
            && !item.iter().any(|w| w.kind == Kind::Code);
        let said = item.len();
        if bare {
            self.listed_words += said;
            self.listed_items += 1;
        }
        self.stated = false;
        if self.dangling && said == 0 && self.opened_by == Opener::But {
            // "students think it means the same response, but it doesn't": a denial with nothing
            // of its own after "but" names what the clause before it said as a mistake.
            for word in &mut words[self.last_clause_start..self.clause_start] {
                word.mood.rejecting = true;
            }
        }
        if self.dangling && !self.mood.relative {
            // "Clock skew and commit order are nothing to worry about": the denial reaches back
            // over a bare term joined to its clause's subject.
            let joined = self.last_clause_joins && self.opened_by == Opener::And;
            let from = if joined { self.last_clause_start } else { self.clause_start };
            for word in &mut words[from..] {
                word.negated = true;
            }
        }
        self.last_clause_joins = bare && said <= JOINED_WORDS;
        self.opened_by = Opener::Other;
        if said > 0 {
            self.last_clause_start = self.clause_start;
        }
        self.dangling = false;
        // ", and to …": the comma ended the clause that named the mistake; the "and" ends an
        // empty one, which keeps what the clause before it was.
        self.rejected_before =
            self.mood.rejecting || (self.rejected_before && words.len() == self.clause_start);

        self.mood = Mood { rejecting: std::mem::take(&mut self.counterfactual), ..Mood::default() };
        self.clause += 1;
        self.reach = 0;
        self.manner_reach = 0;
        self.clause_start = words.len();
    }

    /// Any function word but a conjunction makes a clause more than a named term ("check the
    /// header", "telemetry on usage", "is stateless", "no verbs").
    /// Not inside a glued name ("If-None-Match" is a term).
    fn note_statement(&mut self, word: &str, glued: impl FnOnce() -> bool) {
        if !self.stated {
            self.stated = ((is_stop_word(word) && !is_clause_break(word) && word != "or")
                || is_negation_cue(word))
                && !glued();
        }
    }

    fn end_text(&mut self, out: &mut Tokens) {
        self.end_clause(&mut out.words);
        out.listed_words = self.listed_words;
        out.listed_items = self.listed_items;
    }

    /// A colon ends a clause but passes on what is said of what it introduces: "what you must
    /// never do: set verify=False" denies it, "the classic mistake: parsing before verifying"
    /// names a thing not done.
    fn end_clause_at_colon(&mut self, words: &mut [Token]) {
        let deny = self.dangling && words.len() == self.clause_start;
        let rejecting = self.mood.rejecting;
        self.end_clause(words);
        if deny {
            self.deny(false, false);
        }
        self.mood.rejecting = rejecting;
    }

    /// A word that ends a clause ("but", "because", "and").
    fn break_at(&mut self, word: &str, words: &mut [Token]) {
        // "the same as 302 and 301 but …": the "and" that ends the clause goes on with what the
        // subject is compared with.
        let listing = self.mood.compared && word == "and";
        let rejecting = self.mood.rejecting && word == "and";
        if word == "unlike" && words.len() == self.clause_start {
            // "307, unlike 302, is permanent": set off by commas, what "unlike" names is an
            // aside in one statement.
            self.end_clause(words);
        } else if matches!(word, "though" | "however") {
            // "DELETE, though, is not idempotent": an aside ends the clause; it ends the
            // statement, whose subject came before it, only if no verb follows.
            self.end_clause(words);
            self.aside = true;
        } else {
            self.end_statement(words);
        }
        self.compared_next = listing;
        self.rejecting_next = rejecting;
        self.opened_by = match word {
            "and" => Opener::And,
            "but" => Opener::But,
            _ => Opener::Other,
        };
    }

    /// The first word after an aside: a verb goes on with the statement before it, and with its
    /// clause ("removing a field, however, is not breaking" says it of removing a field).
    fn after_aside(&mut self, word: &str, words: &[Token]) {
        if !std::mem::take(&mut self.aside) {
            return;
        }
        if !(is_linking_verb(word) || is_auxiliary(word) || is_negation_cue(word)) {
            self.statement += 1;
        } else if let Some(last) = words.last().filter(|last| last.sentence == self.sentence) {
            self.clause = last.clause;
            self.clause_start = self.last_clause_start;
        }
    }

    fn end_statement(&mut self, words: &mut [Token]) {
        self.statement += 1;
        self.end_clause(words);
    }

    fn end_sentence(&mut self, words: &mut [Token]) {
        self.counterfactual = false;
        self.sentence += 1;
        self.end_statement(words);
        self.last_clause_joins = false;
        self.rejected_before = false;
    }

    /// Punctuation and signs between words: the boundaries they end, the "=" of notes, and a
    /// sign that a "no" denies.
    fn between_words(&mut self, text: &str, start: usize, piece: &str, last: &str, out: &mut Tokens) {
        if self.reach == NEGATION_REACH
            && ((self.of_noun && is_symbol(piece)) || is_comparison(text, start, piece))
        {
            // "an email with no @ or a close date before the create date": the "no" denies
            // the sign it stands before, not the words after it; "a constant-time compare, not
            // ==" denies the operator, not the compare.
            self.reach = 0;
            self.dangling = false;
        } else if is_copula_sign(piece) {
            // Notes write "level 0 = one endpoint": the sign is the statement's verb.
            out.function_words += 1;
            self.stated = true;
        }
        let boundary = if is_spaced_dash(text, start, piece) { Boundary::Clause } else { boundary(piece) };
        match boundary {
            Boundary::Sentence if !is_abbreviation(last) && !is_ellipsis(text, start) => {
                if piece.contains('?')
                    && !glued(text[start + piece.len()..].bytes())
                    && !text[start + piece.len()..].starts_with(char::is_alphanumeric)
                {
                    // "But should the browser call the CRM directly?" asks; it claims nothing.
                    let sentence = self.sentence;
                    for word in out.words.iter_mut().rev().take_while(|w| w.sentence == sentence) {
                        word.mood.asking = true;
                    }
                }
                self.end_sentence(&mut out.words);
            }
            Boundary::Clause if piece.contains(':') => self.end_clause_at_colon(&mut out.words),
            Boundary::Sentence | Boundary::Clause => self.end_clause(&mut out.words),
            Boundary::None => {}
        }
    }

    /// What `word` (after the two words `before` it, with `said` words of the clause before it)
    /// tells of the clause: a condition, a relative clause, a thing not done.
    fn note_mood(&mut self, before: [&str; 2], word: &str, said: usize) {
        let [earlier, previous] = before;
        if word == "whether" {
            self.mood.asking = true;
        }
        // "422 is when the server can't parse it" defines, it does not set a condition.
        let defining =
            word == "when" && matches!(previous, "is" | "are" | "was" | "that's" | "it's" | "means");
        if matches!(word, "if" | "unless" | "whether" | "otherwise" | "when" | "whenever")
            && !self.mood.conditional
            && !defining
        {
            self.mood.conditional = true;
            self.condition_start = self.clause_start + said;
        }
        if matches!(word, "which" | "where") && said == 0 {
            self.mood.relative = true;
        }
        if matches!(word, "it" | "it's" | "its" | "they" | "they're") && said == 0 {
            self.mood.anaphoric = true;
        }
        if (is_linking_verb(word) || is_auxiliary(word)) && said == 0 {
            self.mood.continuing = true;
        }
        if word == "only" {
            self.mood.restricted = true;
        }
        if matches!(word, "same" | "similar" | "identical" | "equivalent") {
            self.mood.likening = true;
        }
        if word == "than"
            || (word == "as" && self.mood.likening)
            || (word == "to"
                && matches!(
                    previous,
                    "similar" | "identical" | "equivalent" | "compared" | "contrast" | "opposed"
                ))
            || (word == "with" && previous == "compared")
            || (word == "like"
                && matches!(
                    previous,
                    "just" | "exactly" | "much" | "is" | "are" | "works" | "behaves" | "acts"
                ))
            || (word == "way" && previous == "the" && said > 0)
        {
            self.mood.compared = true;
        }
        if self.manner_denied && is_preposition(word) {
            // "never retry immediately in a tight loop": the phrase after a denied manner is
            // manner too.
            self.manner_reach = MANNER_PHRASE_WORDS;
        }
        if word == "than" {
            // "not deeper than parent/child", "no more than 100 items": a denial stops at what the
            // comparison is made with.
            self.reach = 0;
            self.dangling = false;
        }
        if matches!(word, "rather" | "unlike")
            || is_instead(word)
            || (word == "of" && previous == "place" && earlier == "in")
            || names_a_mistake([earlier, previous], word)
            || gives_up(previous, word)
            || (previous == "not" && word.ends_with("ing") && said == 0)
        {
            // What is given up ("you give up jumping to a page") and a clause that opens with an
            // omission ("…, or not building the signed string their way") name what is not had or
            // not done: a cause or a cost, not a claim.
            self.mood.rejecting = true;
        }
        // "a classic mistake is adding the scope and expecting old tokens to pick it up": a
        // clause that opens with "and" and a verb in -ing names another part of the mistake.
        let goes_on = word == "or" || (previous == "and" && (word == "to" || word.ends_with("ing")));
        if said == 0 && self.rejected_before && goes_on {
            self.mood.rejecting = true;
        }

        if previous == "without" && is_object_pronoun(word) && said == 1 {
            self.mood.rejecting = true;
            self.counterfactual = true;
        }
    }

    /// What `word` after `previous` does to a denial before it is kept; true when it is a
    /// function word used up here.
    fn before_word(&mut self, previous: &str, word: &str, text: &str, out: &mut Tokens) -> bool {
        if let Some((start, end)) = self.denied_omission.take()
            && matches!(word, "or" | "nor")
            && let Some(omission) = clean_word(&text[start..end])
        {
            // "doesn't skip or repeat rows": the omission word is a verb of the denied list, not
            // a request for what follows it.
            let token = token(omission, &text[start..end], true, self);
            out.words.push(token);
            self.reach = NEGATION_REACH - 1;
            return false;
        }
        if previous == "no" && word == "longer" && self.reach > 0 {
            // "no longer" is privative, not a denial: "counting requests no longer works" neither
            // denies nor claims that it works; it and the word after it say what has stopped.
            self.reach = 0;
            self.dangling = false;
            self.privative_reach = 2;
        }
        if previous == "none" && word == "of" {
            // "none of them thinks it owns the budget" denies; a bare "none" is a value
            // ("alg: none").
            out.function_words += 1;
            self.deny(false, false);
            self.denied_from = out.words.len();
            return true;
        }
        if matches!(word, "without" | "unless" | "except") && is_futile(previous) {
            // "a stolen token is useless without the key": the verdict holds only on a condition
            // (the key is needed), as "only … if" restricts a claim; it denies nothing.
            for word in &mut out.words[self.clause_start..] {
                word.negated = false;
                word.mood.restricted = true;
            }
            self.reach = 0;
            self.dangling = false;
            self.mood.restricted = true;
            self.mood.conditional = true;
            self.condition_start = out.words.len();
        }
        // "no amount of retrying helps" denies the retrying.
        if self.of_noun
            && (is_preposition(word) || word == "like")
            && self.reach < NEGATION_REACH
            && previous != "amount"
        {
            // "no" denies the noun it stands before, not the phrase after it ("no response from
            // the upstream"); "not" and "never" deny a verb with its phrase ("never go into
            // source control").
            self.reach = 0;
        }
        if word == "without" && self.reach < NEGATION_REACH {
            // "caching doesn't work without persisted queries" needs them: a denial stops at
            // "without", as at a "no" ("no way without a key").
            self.reach = 0;
            self.dangling = false;
        }
        false
    }

    /// "don't retry a 429 immediately", "never retry blindly": the denial is of the manner, and
    /// ends with it; the act stands.
    fn deny_only_the_manner(&mut self, words: &mut [Token]) {
        let from = self.denied_from.min(words.len());
        for word in &mut words[from..] {
            word.negated = false;
        }
        self.reach = 1;
    }

    /// What a word just kept does to the denial in reach.
    fn after_word(&mut self, word: &str, negated: bool, words: &mut [Token]) {
        if self.privative_reach > 0
            && let Some(last) = words.last_mut()
        {
            last.mood.privative = true;
            self.privative_reach -= 1;
        }
        // "Checkpointing isn't needed" denies checkpointing: a denial of mere need or importance
        // still reaches back over its clause.
        self.dangling &= is_evaluative(word);
        self.reach = self.reach.saturating_sub(1);
        self.manner_reach = self.manner_reach.saturating_sub(1);
        self.manner_denied = negated && is_manner(word);
        let alone = words.len() >= 2 && words[words.len() - 2].word == "alone";
        if is_futile(word) && !negated && alone {
            // "a stolen token alone is useless": useless without something more, which is a
            // condition, not a denial of the token.
            for word in &mut words[self.clause_start..] {
                word.mood.restricted = true;
            }
            self.mood.restricted = true;
        } else if is_futile(word) && !negated {
            // "retrying it unchanged is pointless", "pointless to retry": undenied, a verdict of
            // futility denies its clause so far and the words after it.
            for word in &mut words[self.clause_start..] {
                word.negated = true;
            }
            // The verdict is its own first word of the reach. Like "no", it reaches its own
            // phrase only: "useless without the verifier" needs the verifier.
            self.reach = NEGATION_REACH - 1;
            self.of_noun = true;
        }
    }

    /// A denial; `alternative` after "or", which denies nothing said before it ("or can't be
    /// parsed"); `uncertain` for one that only leaves the question open ("cacheable or not", "may
    /// or may not behave that way", "is or isn't"), which denies nothing at all.
    fn deny(&mut self, alternative: bool, uncertain: bool) {
        self.reach = if uncertain { 0 } else { NEGATION_REACH };
        self.dangling = !self.mood.conditional && !alternative && !uncertain;
    }
}

/// Normalises `text`; `keep_stop_words` keeps function words (for points made only of them).
pub fn tokens(text: &str, keep_stop_words: bool) -> Tokens {
    let text = truncate(text);
    let folded = fold(text);
    let mut out = Tokens::default();
    let mut at = Cursor::default();
    // The last word seen and the one before it, for "no longer", "neither … nor", "teams often
    // think …", hollow phrases and abbreviations ending in a dot.
    let (mut last, mut before_last) = ("", "");
    // Where the last word kept ends, to tell a compound's halves ("long-lived") from a word glued
    // to one that was dropped ("non-idempotent": "non" is a denial, not a word of the compound).
    let mut kept_end = None;
    for (start, piece) in segment::pieces(&folded) {
        let Some(word) = clean_word(piece) else {
            at.between_words(&folded, start, piece, last, &mut out);
            continue;
        };
        at.after_aside(word, &out.words);
        at.note_statement(word, || joined(&folded, start, start + piece.len()));
        if at.before_word(last, word, &folded, &mut out) {
            before_last = std::mem::replace(&mut last, word);
            continue;
        }
        let word = if word == "order" && last == "of" { out_of_order(&mut out.words) } else { word };
        let previous = std::mem::replace(&mut last, word);
        let earlier = std::mem::replace(&mut before_last, previous);
        out.hollow += usize::from(is_hollow(earlier, previous, word));
        let not_only = previous == "not" && cancels_negation(word);
        let status_name = matches!(previous, "not" | "no")
            && is_status_reason(previous, word)
            && out.words.last().is_some_and(|w| w.kind == Kind::Code || w.word == "method");
        // "never created or got deleted": an auxiliary after "or" starts a verb of its own.
        let new_verb =
            (previous == "or" && is_auxiliary(word)) || (at.relative_denial && is_linking_verb(word));
        let idiom = previous == "no" && matches!(word, "matter" | "doubt");
        if at.reach > 0 && (not_only || status_name || new_verb || idiom) {
            // "not only … but also" asserts ("never just disable it" still denies); "no longer
            // valid" is a fact about now, not a denial, and "no matter which endpoint" none; nor is a status's name ("304 Not
            // Modified", "405 Method Not Allowed", "204 No Content"). A denial does not reach a verb of its own
            // past "or" ("was never created or got deleted"), nor, from a relative clause, the
            // main clause's verb.
            at.reach = 0;
            at.dangling = false;
            if not_only {
                continue;
            }
        } else if at.reach == NEGATION_REACH && is_omission(word) {
            // "don't skip the state parameter" asks for the state parameter: denying an omission
            // asserts what follows, and the omission word goes with the denial.
            at.reach = 0;
            at.dangling = false;
            at.denied_omission = Some((start, start + piece.len()));
            out.function_words += 1;
            continue;
        } else if is_negation_cue(word)
            && !names_a_directive(word, joined(&folded, start, start + piece.len()), &mut out)
        {
            out.function_words += 1;
            // A second denial inside the first's reach undoes it ("not true that PUT isn't
            // idempotent"); "neither … nor" is one denial spread over two words.
            let double = at.reach > 0 && !matches!(word, "nor" | "neither") && previous != "neither";
            if double {
                at.reach = 0;
                at.dangling = false;
            } else {
                at.deny(previous == "or", is_uncertainty([earlier, previous], word));
                at.denied_from = out.words.len();
                // "the cheapest data is data you don't have": a denial after a noun and its
                // pronoun belongs to a relative clause, and denies nothing said before it ("tells
                // you nothing" is no such clause: there the pronoun is the verb's object).
                at.relative_denial =
                    is_subject_pronoun(previous) && word != "nothing" && out.words.len() > at.clause_start;
                if at.relative_denial {
                    at.dangling = false;
                }
                at.of_noun = word == "no";
                if word == "non" {
                    // A prefix ("non-idempotent methods should never be retried") denies its own
                    // word only, so a later denial is a claim of its own, not a double negation.
                    at.reach = 1;
                }
            }
            continue;
        }
        if is_clause_break(word) {
            at.break_at(word, &mut out.words);
        } else if at.mood.conditional
            && out.words.len() > at.condition_start
            && (starts_consequent(piece)
                || (is_subject_pronoun(previous) && is_linking_verb(word))
                || (previous == "you" && matches!(word, "know" | "need")))
        {
            // "if you send XML it's not REST", "when a read timeout happens it means …", "if
            // the read timeout fires you know …": without a comma, a pronoun and its verb after
            // the condition's own words begin the main clause, which states a claim ("retry it
            // if you're sure" is all condition).
            at.end_clause(&mut out.words);
        }
        at.note_mood([earlier, previous], word, out.words.len() - at.clause_start);
        if is_mistake_noun(previous, word) {
            // "a fresh key per retry is a classic bug": what came before names the mistake too.
            for word in &mut out.words[at.clause_start..] {
                word.mood.rejecting = true;
            }
        }
        let function_word = is_stop_word(word) || is_clause_break(word);
        if function_word && !joined(&folded, start, start + piece.len()) {
            out.function_words += 1;
            if !keep_stop_words {
                continue;
            }
        }
        let negated = at.reach > 0 || at.manner_reach > 0;
        if negated && (is_manner(word) || (word == "once" && previous == "at")) {
            at.deny_only_the_manner(&mut out.words);
        }
        let mut token = token(word, piece, negated, &at);
        token.mood.compared |= std::mem::take(&mut at.compared_next);
        token.mood.rejecting |= std::mem::take(&mut at.rejecting_next);
        token.glued = kept_end.is_some_and(|end| is_glue(&folded[end..start]));
        kept_end = Some(start + piece.len());
        out.words.push(token);
        at.after_word(word, negated, &mut out.words);
    }
    at.end_text(&mut out);
    out
}

/// Whether a denial word is part of a name rather than a denial: a hyphenated "no" ("no-cache",
/// "no-store") names a directive. It still counts as a function word, as a denial would: a note
/// "no-cache (revalidate)" says something.
fn names_a_directive(word: &str, joined: bool, out: &mut Tokens) -> bool {
    let names = word == "no" && joined;
    out.function_words += usize::from(names);
    names
}

/// The token of `word`, cleaned from the segment `piece`.
fn token(word: &str, piece: &str, negated: bool, at: &Cursor) -> Token {
    let (kind, stem) = if let Some(n) = number_word(word) {
        (Kind::Code, n.to_compact_string())
    } else if word.chars().any(|c| c.is_ascii_digit()) {
        (Kind::Code, CompactString::from(word))
    } else {
        (Kind::Word, stem(word))
    };
    Token {
        word: CompactString::from(word),
        stem,
        kind,
        negated,
        sentence: at.sentence,
        clause: at.clause,
        statement: at.statement,
        mood: at.mood,
        glued: false,
        possessive: piece.ends_with("'s") || piece.ends_with("\u{2019}s"),
    }
}

/// Stemming is the costliest step of scoring and answers reuse a small vocabulary, so each thread
/// remembers the stems it has computed (bounded; the cache never changes a result).
fn stem(word: &str) -> CompactString {
    const CAPACITY: usize = 20_000;
    thread_local! {
        static STEMS: RefCell<FxHashMap<CompactString, CompactString>> = RefCell::default();
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(stem) = stems.get(word) {
            return stem.clone();
        }
        if stems.len() >= CAPACITY {
            stems.clear();
        }
        let stem = CompactString::from(Stemmer::create(Algorithm::English).stem(base_form(word)));
        stems.insert(CompactString::from(word), stem.clone());
        stem
    })
}

/// Whether the word at `start..end` is glued to another word by punctuation without spaces
/// (`do-while`, `do...while`, `pass-by-value`, `and/or`): such a compound names one thing, so its
/// function words are part of the name and must not be dropped.
fn joined(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    glued(bytes[..start].iter().rev().copied()) || glued(bytes[end..].iter().copied())
}

/// Whether a side of a word opens with glue punctuation followed by another word. A single dot
/// is a sentence end with a missing space more often than glue.
fn glued(side: impl Iterator<Item = u8>) -> bool {
    let (mut dots, mut glue) = (0, false);
    for b in side {
        match b {
            b'.' => dots += 1,
            b'-' | b'/' | b'_' => glue = true,
            _ => return (glue || dots > 1) && b.is_ascii_alphanumeric(),
        }
    }
    false
}

/// Cuts hostile lengths at a character boundary.
fn truncate(text: &str) -> &str {
    if text.len() <= MAX_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// NFKC, lower case, accents removed. ASCII text (the common case) takes a fast path.
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(text.to_ascii_lowercase());
        }
        return Cow::Borrowed(text);
    }
    // "idempotent ≠ same response": the sign is a denial, which removing accents would strip.
    let lower = text.nfkc().collect::<String>().to_lowercase().replace('\u{2260}', " not ");
    Cow::Owned(lower.nfd().filter(|c| !is_combining_mark(*c)).nfc().collect())
}

/// The word in a segment, without possessive `'s` and stray apostrophes; `None` for non-words.
fn clean_word(piece: &str) -> Option<&str> {
    if !piece.chars().any(char::is_alphanumeric) {
        return None;
    }
    let piece = piece.strip_suffix("'s").or_else(|| piece.strip_suffix("\u{2019}s")).unwrap_or(piece);
    Some(piece.trim_matches(|c: char| !c.is_alphanumeric()))
}

enum Boundary {
    None,
    Clause,
    Sentence,
}

/// What a run of punctuation ends: a sentence (and every claim in it), a clause, or nothing.
fn boundary(piece: &str) -> Boundary {
    if piece.chars().any(|c| matches!(c, '.' | ';' | '!' | '?' | '\n')) {
        Boundary::Sentence
    } else if piece.chars().any(|c| matches!(c, ',' | ':' | '(' | ')' | '\u{2014}')) {
        Boundary::Clause
    } else {
        Boundary::None
    }
}

/// A noun naming a mistake ("a common mistake", "a classic gotcha", "an anti-pattern"): what its
/// clause says before or after it is the mistake, not a claim.
fn is_mistake_noun(previous: &str, word: &str) -> bool {
    matches!(
        word,
        "mistake"
            | "mistakes"
            | "misconception"
            | "misconceptions"
            | "misunderstanding"
            | "misunderstandings"
            | "myth"
            | "myths"
            | "pitfall"
            | "pitfalls"
            | "gotcha"
            | "gotchas"
            | "slip"
            | "slips"
            | "trap"
            | "traps"
            | "footgun"
            | "footguns"
            | "blunder"
            | "blunders"
    ) || is_mistyped_mistake(word)
        || (matches!(word, "pattern" | "patterns") && previous == "anti")
        || (word == "up" && previous == "mix")
        || (matches!(word, "bug" | "error" | "finding" | "findings")
            && matches!(previous, "classic" | "common" | "typical" | "rookie" | "frequent" | "recurring"))
}

/// Words after which a clause names a mistake rather than making a claim: "a common mistake is
/// hard-coding the key", "I've seen teams return 200 for errors", "I once sent 403 for expired
/// tokens", "people think CORS replaces authentication", "teams often treat a JWT as encrypted",
/// "watch out for generating a fresh ID at every hop".
fn names_a_mistake(before: [&str; 2], word: &str) -> bool {
    let [earlier, previous] = before;
    let others = |who: &str| {
        is_mistyped_group(who)
            || matches!(
                who,
                "people"
                    | "teams"
                    | "developers"
                    | "devs"
                    | "many"
                    | "some"
                    | "folks"
                    | "students"
                    | "juniors"
                    | "beginners"
                    | "newcomers"
                    | "ppl"
                    | "everyone"
                    | "everybody"
            )
    };
    let habitually = |how: &str| {
        matches!(
            how,
            "often" | "still" | "sometimes" | "usually" | "typically" | "commonly" | "wrongly" | "mistakenly"
        )
    };
    is_mistake_noun(previous, word)
        || (previous == "wrong" && word == "to")
        || (word == "wrong" && matches!(previous, "do" | "does" | "did" | "get" | "gets" | "got"))
        || (habitually(word) && (others(previous) || (previous == "very" && others(earlier))))
        || (matches!(word, "seen" | "reviewed" | "inherited" | "debugged" | "caught" | "watched")
            && matches!(previous, "i've" | "we've" | "ive" | "weve" | "have"))
        || (word == "once" && matches!(previous, "i" | "we"))
        || (matches!(word, "seeing" | "see")
            && matches!(previous, "keep" | "often" | "regularly" | "constantly"))
        || (word == "out" && previous == "watch")
        || (matches!(word, "thinking" | "assuming" | "believing") && !first_person_or_verb(previous))
        || word == "beware"
        || (matches!(word, "think" | "assume" | "believe" | "treat" | "confuse" | "conflate" | "misread")
            && (others(previous) || ((habitually(previous) || previous == "also") && others(earlier))))
}

/// Words before a participle of belief that make it the speaker's own or an act ("I was thinking",
/// "worth assuming"), not what others wrongly believe ("send Accept on a POST thinking it
/// describes the body").
fn first_person_or_verb(previous: &str) -> bool {
    matches!(
        previous,
        "i" | "we"
            | "i'm"
            | "im"
            | "we're"
            | "am"
            | "was"
            | "were"
            | "be"
            | "been"
            | "keep"
            | "start"
            | "stop"
            | "worth"
            | "when"
            | "while"
            | "by"
            | "after"
            | "before"
            | "without"
            | "not"
    )
}

/// Whether `word` is `target` with one slip of the keys (a letter dropped, added, changed or two
/// swapped), past its first two letters, which typos rarely hit.
fn one_slip_from(word: &str, target: &str) -> bool {
    word.get(..2) == target.get(..2) && strsim::osa_distance(word, target) == 1
}

/// "instead", also typed in a hurry ("insted", "intead").
fn is_instead(word: &str) -> bool {
    word == "instead" || one_slip_from(word, "instead")
}

/// The groups whose habits name a mistake, typed in a hurry ("beginers", "develpers").
fn is_mistyped_group(word: &str) -> bool {
    ["beginners", "developers", "students", "juniors"].iter().any(|group| one_slip_from(word, group))
}

/// "mistake" typed in a hurry ("misttake", "mistkae", "mitsake"): one slip away from it.
fn is_mistyped_mistake(word: &str) -> bool {
    one_slip_from(word.strip_suffix('s').unwrap_or(word), "mistake")
}

/// A denial that leaves a question open rather than answering it: "cacheable or not", "is or
/// isn't", "may or may not", "can or cannot".
fn is_uncertainty(before: [&str; 2], word: &str) -> bool {
    let [earlier, previous] = before;
    let affirmed = word.strip_suffix("n't").or_else(|| word.strip_suffix("not"));
    (previous == "or" && (word == "not" || affirmed.is_some_and(|verb| !verb.is_empty() && verb == earlier)))
        || (earlier == "or"
            && word == "not"
            && (is_auxiliary(previous) || matches!(previous, "may" | "might" | "will")))
}

/// Whether the text between two words joins them into a compound ("long-lived", "read/write").
fn is_glue(between: &str) -> bool {
    !between.is_empty() && between.bytes().all(|b| matches!(b, b'-' | b'/' | b'_'))
}

/// A pronoun fused with its verb, which opens a clause ("… it's not REST").
fn starts_consequent(piece: &str) -> bool {
    piece.split_once(['\'', '\u{2019}']).is_some_and(|(pronoun, verb)| {
        matches!(pronoun, "it" | "that" | "they" | "you" | "there") && matches!(verb, "s" | "re" | "ll")
    })
}

fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "it" | "they" | "you" | "we" | "this" | "that" | "there")
}

/// A pronoun after a preposition that stands for something named before ("without it", "without
/// them"): unlike [`is_subject_pronoun`], never a person or *there*.
fn is_object_pronoun(word: &str) -> bool {
    matches!(word, "it" | "this" | "that" | "them" | "these" | "those")
}

/// Verbs that follow a subject at the start of a main clause.
fn is_linking_verb(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "means" | "mean" | "will" | "can" | "should" | "must" | "may" | "might"
    )
}

/// A verb that opens a verb phrase of its own ("or got deleted", "DELETE, though, is not").
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "got"
            | "gets"
            | "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "had"
            | "have"
            | "became"
            | "becomes"
            | "does"
            | "do"
    )
}

/// The words after "Not" or "No" in the names of statuses (404 Not Found, 304 Not Modified, 204 No
/// Content).
fn is_status_reason(denial: &str, word: &str) -> bool {
    match denial {
        "no" => word == "content",
        _ => matches!(word, "found" | "modified" | "allowed" | "acceptable" | "implemented" | "extended"),
    }
}

/// "out of order" is one word: without it "arrive out of order" states "order". Takes back the
/// words kept before "order" ("out", and "of" if it was glued: "out-of-order").
fn out_of_order(words: &mut Vec<Token>) -> &'static str {
    let kept: Vec<&str> = words.iter().rev().take(2).map(|w| w.word.as_str()).collect();
    let taken = match kept.as_slice() {
        ["out", ..] => 1,
        ["of", "out"] => 2,
        _ => return "order",
    };
    words.truncate(words.len() - taken);
    "unordered"
}

/// A dash with a space before it sets off a clause ("deletions don't show up - you need
/// tombstones"), unlike the hyphen of a compound ("long-lived").
fn is_spaced_dash(text: &str, start: usize, piece: &str) -> bool {
    matches!(piece, "-" | "--" | "\u{2013}") && text[..start].ends_with(char::is_whitespace)
}

/// A sign that stands for a thing ("no @", "no #"), not punctuation between words.
fn is_symbol(piece: &str) -> bool {
    matches!(piece, "@" | "#" | "$" | "%" | "&" | "*" | "+" | "<" | ">" | "~" | "^" | "|")
}

/// "give up", "lose", "forgo", "sacrifice": what follows is what is not had.
fn gives_up(previous: &str, word: &str) -> bool {
    ((previous == "give" || previous == "gives") && word == "up")
        || matches!(word, "lose" | "loses" | "forgo" | "sacrifice")
}

/// An operator of code (`==`, `===`, `!=`) at `piece`, which an "=" alone is not.
fn is_comparison(text: &str, start: usize, piece: &str) -> bool {
    matches!(piece, "=" | "!") && text.as_bytes().get(start + 1) == Some(&b'=')
}

/// Signs that notes use for "is" or "means".
fn is_copula_sign(piece: &str) -> bool {
    matches!(piece, "=" | "\u{2192}" | "\u{21d2}")
}

/// Whether the dot at `at` is part of an ellipsis ("urn:isbn:..."), which elides rather than ends.
fn is_ellipsis(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.get(at + 1) == Some(&b'.') || (at > 0 && bytes[at - 1] == b'.')
}

/// Words whose trailing dot abbreviates rather than ends a sentence ("e.g. a 404").
fn is_abbreviation(word: &str) -> bool {
    matches!(word, "e.g" | "i.e" | "eg" | "ie" | "etc" | "vs" | "cf" | "approx")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text, false).words.into_iter().map(|t| t.stem.into_string()).collect()
    }

    fn negated(text: &str) -> Vec<String> {
        tokens(text, false).words.into_iter().filter(|t| t.negated).map(|t| t.word.into_string()).collect()
    }

    #[test]
    fn a_dangling_denial_reaches_a_short_term_joined_to_its_subject_by_and() {
        assert_eq!(negated("POST and PATCH aren't."), ["post", "patch"]);
        assert_eq!(
            negated("Clock skew and commit order are nothing to worry about."),
            ["clock", "skew", "commit", "order", "worry"]
        );
        // Not over a clause that says something ("browsers enforce CORS"), nor over a comma.
        assert_eq!(negated("Browsers enforce CORS and curl doesn't."), ["curl"]);
        assert_eq!(negated("PUT and DELETE idempotent, POST not."), ["post"]);
    }

    #[test]
    fn hollow_phrases_are_counted_once_each() {
        let hollow = |text: &str| tokens(text, false).hollow;
        assert_eq!(hollow("ETags are leveraged and play a key role in a robust posture"), 4);
        assert_eq!(hollow("412 is key to integrity"), 1);
        // A pair counts as one phrase, with or without its hyphen.
        assert_eq!(hollow("best practices for a cloud-native, production grade stack"), 3);
        assert_eq!(hollow("it plays a role"), 1);
        // The register of a slide deck: alignment, strategy, what we ensure, the key elements.
        assert_eq!(hollow("we ensure alignment through a mature strategy; the key elements are ETags"), 5);
        // The same words stating something are not hollow.
        assert_eq!(hollow("the client's role is to send the key; it is key material"), 0);
    }

    #[test]
    fn bare_list_items_are_counted_apart_from_statements() {
        let listed = |text: &str| {
            let t = tokens(text, false);
            (t.listed_items, t.listed_words)
        };
        // Terms named one after another, each a clause of a few words with no function word.
        assert_eq!(listed("throttling, backoff, Retry-After, concurrency control and batching"), (5, 7));
        // A function word makes a clause a statement: a verb, an article, a preposition, a denial.
        assert_eq!(listed("check the header, refresh the token, back off on 429"), (0, 0));
        assert_eq!(listed("plural nouns, no verbs"), (1, 2));
        // A function word inside a glued name is part of the term.
        assert_eq!(listed("If-None-Match, Last-Modified"), (2, 5));
        // A code makes an item a fact in shorthand; a long clause is more than a term.
        assert_eq!(listed("2xx success, 4xx client error, 5xx server error"), (0, 0));
        assert_eq!(listed("idempotency keys deduplicate retried payment requests"), (0, 0));
    }

    #[test]
    fn a_pronoun_with_its_verb_ends_a_condition() {
        let toks = tokens("If you send XML it's not REST", false).words;
        let conditional: Vec<bool> = toks.iter().map(|t| t.mood.conditional).collect();
        assert_eq!(conditional, [true, true, false]);
        assert_eq!(negated("If you send XML it's not REST"), ["rest"]);
        let toks = tokens("When a read timeout happens it means the server didn't process it", false).words;
        assert!(toks.iter().filter(|t| t.negated).all(|t| !t.mood.conditional));
        let toks = tokens("if the read timeout fires you know the server didn't get it", false).words;
        assert!(toks.iter().filter(|t| t.negated).all(|t| !t.mood.conditional));
        // "is when" defines rather than sets a condition.
        assert!(
            !tokens("422 is when the server can't parse it", false).words.iter().any(|t| t.mood.conditional)
        );
        assert!(tokens("retry when the server can't answer", false).words[2].mood.conditional);
        // Before the condition has words of its own, the pronoun belongs to it.
        assert!(tokens("when there's no header, back off", false).words[0].mood.conditional);
        assert!(tokens("retry the call if you're sure", false).words[2].mood.conditional);
    }

    #[test]
    fn a_few_items_of_a_few_words_make_a_note_and_many_single_terms_do_not() {
        assert!(tokens("1xx informational, 2xx success, 3xx redirect, 4xx client error", false).is_note());
        assert!(!tokens("REST, HTTP, JSON, stateless, HATEOAS, cacheable, layered, OAuth", false).is_note());
        assert!(!tokens("PUT", false).is_note());
        // A run of terms with no break is not shorthand either.
        assert!(!tokens("replace omitted partial PUT idempotent PATCH JSON Patch", false).is_note());
    }

    #[test]
    fn no_before_a_sign_denies_the_sign_only() {
        assert!(negated("an email with no @ or a close date before the create date").is_empty());
        assert_eq!(negated("an email with no domain or a close date"), ["domain", "close", "date"]);
        // Other signs between words are not the thing denied.
        assert_eq!(negated("no = sign"), ["sign"]);
    }

    #[test]
    fn what_others_believe_names_a_mistake() {
        // Whether every word after the first `skip` names the mistake.
        let rejecting_after =
            |skip: usize, text: &str| tokens(text, false).words.iter().skip(skip).all(|t| t.mood.rejecting);
        let rejecting = |text: &str| rejecting_after(2, text);
        assert!(rejecting("people think CORS protects the API"));
        assert!(rejecting("teams assume TLS is optional"));
        assert!(rejecting_after(1, "teams often treat a JWT as encrypted"));
        assert!(!tokens("I often treat a JWT as encrypted", false).words.iter().any(|t| t.mood.rejecting));
        assert!(rejecting("people sometimes turn off certificate checks"));
        assert!(rejecting_after(1, "students very often think idempotent means the same response"));
        assert!(rejecting("people confuse safe with secure"));
        assert!(rejecting("it is wrong to return 200 for errors"));
        assert!(rejecting_after(2, "a common gotcha is retrying at once"));
        // Warnings, and the noun typed in a hurry.
        assert!(rejecting_after(2, "watch out for generating a fresh ID at every hop"));
        assert!(rejecting_after(1, "beware of trusting the alg header"));
        assert!(rejecting_after(2, "a classic misttake is thinking idempotent means the same response"));
        assert!(!tokens("a mistral wind is blowing", false).words.iter().any(|t| t.mood.rejecting));
        // Said after the mistake, the noun names what came before it.
        assert!(
            tokens("a fresh key per retry is a classic bug", false).words.iter().all(|t| t.mood.rejecting)
        );
        assert!(!tokens("clients often retry on a 503", false).words.iter().any(|t| t.mood.rejecting));
        assert!(!tokens("I think CORS protects the API", false).words.iter().any(|t| t.mood.rejecting));
        // What someone does or gets wrong is the mistake.
        let after_wrong = |text: &str| {
            let words = tokens(text, false).words;
            let wrong = words.iter().position(|t| t.word == "wrong").unwrap();
            words[wrong + 1..].iter().all(|t| t.mood.rejecting)
        };
        assert!(after_wrong("what students often do wrong is retrying immediately"));
        assert!(after_wrong("what people get wrong is the order of checks"));
        assert!(!after_wrong("the wrong status code breaks clients"));
    }

    #[test]
    fn an_alternative_after_a_mistake_is_a_mistake_too() {
        let rejecting = |text: &str| -> Vec<bool> {
            tokens(text, false).words.iter().map(|t| t.mood.rejecting).collect()
        };
        let text = "a common mistake is 500 for validation errors, or 200 with an error";
        assert!(rejecting(text).iter().skip(2).all(|&r| r), "{text}");
        let text = "a mistake I see is to mix the two, and to return 401 for a permission problem";
        assert!(rejecting(text).iter().skip(2).all(|&r| r), "{text}");
        let text = "a classic mistake is adding the scope in code and expecting old tokens to pick it up";
        assert!(rejecting(text).iter().skip(2).all(|&r| r), "{text}");
        let text = "a classic slip is returning 401 for a permission problem";
        assert!(rejecting(text).iter().skip(2).all(|&r| r), "{text}");
        // "…, but it doesn't" names what the clause before it said as a mistake.
        let text = "idempotent means the same response, but it doesn't";
        assert!(rejecting(text).iter().take(4).all(|&r| r), "{text}");
        assert!(!rejecting("idempotent means the same state, but DELETE doesn't").iter().any(|&r| r));
        // An "and" that opens anything but a verb in -ing starts a claim.
        assert!(
            !rejecting("a classic mistake is adding the scope and old tokens pick it up").last().unwrap()
        );
        assert!(rejecting("it's a common misunderstanding that level 2 is RESTful").iter().all(|&r| r));
        // Only "or" (or "and to") goes on with it, and only in its sentence.
        assert!(!rejecting("a common mistake is 500 for errors, 200 means success").last().unwrap());
        assert!(!rejecting("a common mistake is 500 for errors. Or 200 with an error").last().unwrap());
    }

    #[test]
    fn a_denied_operator_is_the_only_thing_denied() {
        assert!(negated("compare with a constant-time compare not ==").is_empty());
        assert!(negated("use a constant-time compare, not === or !=").is_empty());
        assert_eq!(negated("the signature is not a constant-time compare"), ["constant", "time", "compare"]);
    }

    #[test]
    fn a_verdict_of_futility_denies_its_clause_and_what_follows_it() {
        assert_eq!(
            negated("Retrying a 400 unchanged is pointless"),
            ["retrying", "400", "unchanged", "pointless"]
        );
        assert_eq!(negated("it's pointless to retry it"), ["pointless", "retry"]);
        // Denied, the verdict is a double denial: the clause stands.
        assert_eq!(negated("retrying is not useless"), ["useless"]);
        // Of one thing alone, it says something more is needed, and denies nothing.
        assert!(negated("with DPoP a stolen token alone is useless").is_empty());
        // On a condition it denies nothing: "useless without the verifier" needs the verifier.
        assert!(negated("a stolen code is useless without the verifier").is_empty());
        assert!(
            tokens("a stolen code is useless without the verifier", false)
                .words
                .iter()
                .all(|w| w.mood.restricted)
        );
        // Its reach ends with the clause.
        assert!(!negated("a retry is pointless, so back off").contains(&"back".to_string()));
    }

    #[test]
    fn a_denial_of_what_works_without_a_thing_asks_for_the_thing() {
        assert_eq!(negated("caching doesn't work without persisted queries"), ["work"]);
        assert_eq!(negated("you can't redeem the code without the verifier"), ["redeem", "code"]);
    }

    #[test]
    fn a_denied_omission_in_a_list_of_verbs_is_denied_with_them() {
        assert_eq!(negated("cursor pages don't skip or repeat rows"), ["skip", "repeat", "rows"]);
        assert_eq!(negated("nothing is skipped or repeated"), ["skipped", "repeated"]);
        // Alone, denying an omission still asks for what follows.
        assert!(negated("don't skip the state parameter").is_empty());
    }

    #[test]
    fn none_of_denies_and_a_bare_none_is_a_value() {
        assert_eq!(negated("none of the workers owns the whole budget"), ["workers", "owns", "whole"]);
        assert!(negated("a token with alg none is accepted").is_empty());
    }

    #[test]
    fn a_denial_in_a_relative_clause_denies_nothing_before_it() {
        assert!(negated("the cheapest data is data you don't have").is_empty());
        assert_eq!(negated("but POST is not"), ["post"]);
        assert_eq!(negated("PATCH, you don't"), Vec::<String>::new());
        // Nor does it reach the main clause's verb after it.
        assert_eq!(negated("a 418 it doesn't recognise is still treated like a 400"), ["recognise"]);
        assert_eq!(negated("a 418 doesn't get treated like a 400"), ["get", "treated", "400"]);
        // A relative clause's elided verb is what it denies, not the subject named in it.
        assert!(negated("it needs a public endpoint, which customers behind firewalls can't").is_empty());
        assert!(negated("it needs a public endpoint, where firewalls don't").is_empty());
    }

    #[test]
    fn a_denial_does_not_reach_a_verb_of_its_own_after_or() {
        assert_eq!(negated("the contact was never created or got deleted"), ["created"]);
        assert_eq!(negated("the contact was never created or deleted"), ["created", "deleted"]);
    }

    #[test]
    fn a_denial_stops_at_what_a_comparison_is_made_with() {
        assert_eq!(negated("I would not go deeper than parent/child"), ["go", "deeper"]);
        assert_eq!(negated("no more than 100 items per batch"), ["more"]);
    }

    #[test]
    fn an_aside_before_a_verb_keeps_the_statement() {
        let statements =
            |text: &str| -> Vec<u32> { tokens(text, false).words.iter().map(|t| t.statement).collect() };
        assert_eq!(statements("DELETE, though, is not idempotent"), [0, 0]);
        assert_eq!(statements("DELETE though isn't idempotent"), [0, 0]);
        assert_eq!(statements("DELETE is idempotent, though POST is not"), [0, 0, 1]);
        let after_however = statements("PUT is idempotent, however POST is not");
        assert_ne!(after_however[1], after_however[2]);
        // And the clause: what the verb says is said of the words before the aside.
        let clauses =
            |text: &str| -> Vec<u32> { tokens(text, false).words.iter().map(|t| t.clause).collect() };
        assert_eq!(clauses("Removing a field, however, is not breaking"), [0, 0, 0]);
        assert_eq!(clauses("Removing a field, however, clients notice"), [0, 0, 3, 3]);
    }

    #[test]
    fn idioms_and_signs_of_denial() {
        assert!(negated("every error looks the same no matter which endpoint").is_empty());
        assert!(negated("no doubt the token expired").is_empty());
        assert_eq!(negated("idempotent ≠ same response"), ["same", "response"]);
    }

    #[test]
    fn a_denied_manner_leaves_the_act_standing() {
        assert_eq!(negated("don't retry a 429 immediately"), ["immediately"]);
        assert_eq!(negated("never retry blindly with no backoff"), ["blindly", "backoff"]);
        assert_eq!(negated("do not resend it at once"), ["once"]);
        assert_eq!(negated("don't retry a 429"), ["retry", "429"]);
        // The phrase after a denied manner is manner too.
        assert_eq!(negated("never retry immediately in a tight loop"), ["immediately", "tight", "loop"]);
    }

    #[test]
    fn no_amount_of_a_thing_denies_the_thing() {
        assert_eq!(negated("no amount of re-authenticating grants it"), ["amount", "re", "authenticating"]);
        assert_eq!(negated("no response from the upstream"), ["response"]);
        assert_eq!(negated("204 means no body, like after a DELETE"), ["body"]);
        assert_eq!(negated("204 means no body like a DELETE"), ["body"]);
    }

    #[test]
    fn what_is_given_up_or_left_undone_names_no_claim() {
        let rejecting = |text: &str| -> Vec<bool> {
            tokens(text, false).words.iter().map(|t| t.mood.rejecting).collect()
        };
        assert_eq!(rejecting("you give up jumping to a page"), [false, true, true, true]);
        assert_eq!(rejecting("cursors lose random access"), [false, true, true, true]);
        assert_eq!(
            rejecting("wrong secret, or not building the signed string"),
            [false, false, true, true, true]
        );
        // A denial after the clause has words of its own is a claim.
        assert_eq!(rejecting("the server is not building the string"), [false, false, false]);
    }

    #[test]
    fn the_not_of_a_status_name_denies_nothing() {
        assert!(negated("a 304 Not Modified has an empty body").is_empty());
        assert!(negated("405 Method Not Allowed lists the methods").is_empty());
        assert!(negated("204 No Content means success and an empty body").is_empty());
        assert_eq!(negated("the reply has no content"), ["content"]);
        assert_eq!(negated("the contact was not found"), ["found"]);
    }

    #[test]
    fn nothing_after_a_pronoun_denies_its_clause() {
        assert_eq!(negated("the status code tells you nothing"), ["status", "code", "tells"]);
        assert!(negated("the cheapest data is data you don't have").is_empty());
    }

    #[test]
    fn non_denies_its_own_word_only() {
        assert_eq!(negated("non-idempotent methods should never be retried"), ["idempotent", "retried"]);
        // A denial with nothing after it but a colon denies what the colon introduces.
        assert_eq!(negated("What you must NOT do: disable verification"), ["disable", "verification"]);
        assert!(negated("What you must do: disable verification").is_empty());
        assert_eq!(negated("Retries are not needed: disable them"), ["retries", "needed"]);
        assert_eq!(negated("POST is non idempotent, PUT is"), ["idempotent"]);
    }

    #[test]
    fn a_spaced_dash_ends_a_clause_and_a_hyphen_does_not() {
        assert_eq!(negated("deletions don't show up - you need tombstones"), ["show", "up"]);
        assert_eq!(negated("deletions don't show up \u{2013} you need tombstones"), ["show", "up"]);
        assert_eq!(negated("tokens are not long-lived"), ["long", "lived"]);
    }

    #[test]
    fn out_of_order_is_one_word() {
        assert_eq!(words("events arrive out of order"), words("events arrive unordered"));
        assert_eq!(words("out-of-order events"), ["unord", "event"]);
    }

    #[test]
    fn folds_case_accents_and_compatibility_forms() {
        assert_eq!(fold("Café ＡＰＩ"), "cafe api");
        assert_eq!(words("RÉSUMÉS"), ["resum"]);
    }

    #[test]
    fn stems_word_forms_and_drops_stop_words() {
        assert_eq!(words("The clients are retrying the requests"), ["client", "retri", "request"]);
    }

    #[test]
    fn irregular_past_forms_are_their_verbs() {
        assert_eq!(
            words("the body is kept, the token was stolen"),
            words("the body is keep, the token was steal")
        );
        // "got" is left alone: it is not the GET method.
        assert_ne!(words("got"), words("GET"));
    }

    #[test]
    fn the_plural_of_an_acronym_without_a_vowel_is_the_acronym() {
        assert_eq!(words("JWTs and CDNs"), words("a JWT and a CDN"));
        // An acronym that ends in s is no plural.
        assert_eq!(words("TLS"), ["tls"]);
    }

    #[test]
    fn keeps_numbers_and_codes_intact() {
        let toks = tokens("A 401, any 2xx, OAuth2 and X-RateLimit-Remaining", false).words;
        let stems: Vec<_> = toks.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["401", "2xx", "oauth2", "x", "ratelimit", "remain"]);
        assert_eq!(toks[0].kind, Kind::Code);
        assert_eq!(toks[3].kind, Kind::Word);
    }

    #[test]
    fn spelled_out_numbers_are_their_digits() {
        assert_eq!(words("one retry, then Three more"), ["1", "retri", "3", "more"]);
        assert_eq!(tokens("two", false).words[0].kind, Kind::Code);
    }

    #[test]
    fn keeps_function_words_glued_into_a_compound() {
        assert_eq!(words("a do-while loop"), ["do", "while", "loop"]);
        assert_eq!(words("a do...while loop"), ["do", "while", "loop"]);
        assert_eq!(
            words("pass-by-value and/or pass by name"),
            ["pass", "by", "valu", "and", "or", "pass", "name"]
        );
        assert_eq!(words("do it. Then do it while idle"), ["idl"]);
        assert_eq!(words("do it -- then retry"), ["retri"]);
    }

    #[test]
    fn marks_words_in_a_negation_reach() {
        let table: [(&str, &[&str]); 42] = [
            ("POST is not idempotent", &["idempotent"]),
            ("POST isn't idempotent because it creates duplicates", &["idempotent"]),
            ("the server never stores session state", &["stores", "session", "state"]),
            ("no, it is idempotent", &[]),
            ("non-idempotent", &["idempotent"]),
            // "not only" asserts.
            ("not only GET but also PUT", &[]),
            // Privative words state a fact; they are content, not denials.
            ("act for a user without their password", &[]),
            ("the token lacks the scope", &[]),
            ("clients avoid overfetching", &[]),
            ("the token is no longer valid", &[]),
            // Double negation asserts; "neither … nor" denies both.
            ("it is not true that PUT isn't idempotent", &["true", "put"]),
            ("neither GET nor HEAD changes state", &["get", "head", "changes", "state"]),
            // "not necessarily" still denies; a sentence or clause ends the reach.
            ("PATCH is not necessarily idempotent", &["idempotent"]),
            ("POST is not safe. It is useful", &["safe"]),
            ("POST isnt idempotent", &["idempotent"]),
            ("the server dosent keep sessions", &["keep", "sessions"]),
            ("it does'nt change state", &["change", "state"]),
            ("the parent agent can't", &["parent", "agent"]),
            ("a parent agent event", &[]),
            ("clients dotn follow redirects", &["follow", "redirects"]),
            ("the server doenst keep sessions", &["keep", "sessions"]),
            ("a newer version is on one host; clients want a safe haven", &[]),
            // A denial at a clause's end denies what the clause said before it.
            ("GET is idempotent but POST is not", &["post"]),
            ("GET is idempotent, POST isn't.", &["post"]),
            ("no, it is idempotent", &[]),
            ("never just disable verification", &["disable", "verification"]),
            ("responses label themselves as cacheable or not", &[]),
            ("a PATCH may or may not behave that way", &[]),
            ("it is or isn't idempotent, depending on the body", &[]),
            ("JSON that is malformed or can't be parsed", &["parsed"]),
            // A denial in a condition is the condition's.
            ("answer 403 with insufficient_scope if it doesn't", &[]),
            // Denying that something is needed denies the thing.
            ("checkpointing isn't needed", &["checkpointing", "needed"]),
            ("resending it unchanged won't help", &["resending", "unchanged", "help"]),
            ("the token is not valid", &["valid"]),
            // Denying an omission asserts.
            ("don't skip the state parameter", &[]),
            ("never forget to verify the signature", &[]),
            ("never disable verification", &["disable", "verification"]),
            // Denying a mix-up asserts the distinction.
            ("don't confuse 415 with 406", &[]),
            // "no" denies its noun, not the phrase after it; "not" and "never" reach through.
            ("an invalid or no response from the upstream server", &["response"]),
            ("POST is not safe to retry", &["safe", "retry"]),
            ("secrets never in source control", &["source", "control"]),
            ("secrets never go into source control", &["go", "source", "control"]),
        ];
        for (text, expected) in table {
            assert_eq!(negated(text), expected, "{text}");
        }
    }

    #[test]
    fn marks_the_halves_of_a_compound() {
        let glued = |text: &str| -> Vec<String> {
            tokens(text, false).words.into_iter().filter(|t| t.glued).map(|t| t.word.to_string()).collect()
        };
        assert_eq!(glued("long-lived tokens, 401/403 and read - only"), ["lived", "403"]);
        // Glued to a denial that is dropped, a word starts no compound.
        assert_eq!(glued("non-idempotent methods"), Vec::<String>::new());
        // A hyphenated "no-" names a thing ("no-store", "no-cache"); spaced, "no" denies.
        assert_eq!(glued("no-store forbids it"), ["store"]);
        assert!(negated("no-cache means the cache must revalidate").is_empty());
        assert_eq!(negated("no cache at all"), ["cache"]);
    }

    #[test]
    fn mistakes_named_in_a_hurry_or_as_habits_are_not_claims() {
        let rejected = |text: &str| -> Vec<String> {
            tokens(text, false)
                .words
                .into_iter()
                .filter(|t| t.mood.rejecting)
                .map(|t| t.word.to_string())
                .collect()
        };
        assert_eq!(
            rejected("a classic mix-up is 403 for an expired token"),
            ["classic", "mix", "up", "403", "expired", "token"]
        );
        assert_eq!(
            rejected("beginners usually believe a longer timeout is enough"),
            ["believe", "longer", "timeout", "enough"]
        );
        assert_eq!(rejected("beginers often replace the key in one step"), ["replace", "key", "one", "step"]);
        assert_eq!(rejected("use links insted of hard-coded URLs"), ["insted", "hard", "coded", "urls"]);
        // Not a group of people, not a habit.
        assert!(rejected("beginners write the key down").is_empty());
    }

    #[test]
    fn marks_what_is_named_as_not_done() {
        let rejected = |text: &str| -> Vec<String> {
            tokens(text, false)
                .words
                .into_iter()
                .filter(|t| t.mood.rejecting)
                .map(|t| t.word.to_string())
                .collect()
        };
        assert_eq!(rejected("back off instead of retrying immediately"), ["retrying", "immediately"]);
        assert_eq!(
            rejected("fix the chain rather than disabling verification, then retry"),
            ["disabling", "verification"]
        );
        assert!(rejected("Instead, retry with backoff").is_empty());
    }

    #[test]
    fn counts_sentences_clauses_and_function_words() {
        let text = tokens("PUT replaces it, whereas PATCH changes part. E.g. a name; then done", false);
        let places: Vec<(&str, u32, u32)> =
            text.words.iter().map(|t| (t.word.as_str(), t.sentence, t.clause)).collect();
        assert_eq!(
            places,
            [
                ("put", 0, 0),
                ("replaces", 0, 0),
                ("patch", 0, 2),
                ("changes", 0, 2),
                ("part", 0, 2),
                ("name", 1, 4),
                ("done", 2, 6),
            ]
        );
        assert_eq!(text.function_words, 5, "it, whereas, e.g, a, then");
        assert_eq!(tokens("level 0 = one endpoint", false).function_words, 1, "notes write = for is");
    }

    #[test]
    fn survives_hostile_text() {
        assert!(tokens("", false).words.is_empty());
        assert!(tokens("!!! ??? 🎉🎉", false).words.is_empty());
        assert_eq!(words("\u{1b}[31mred\u{7}\0"), ["31mred"]);
        let huge = "é".repeat(MAX_TEXT_BYTES);
        assert!(tokens(&huge, false).words.len() <= 1);
    }
}
