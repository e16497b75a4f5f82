//! The small closed word lists the normaliser needs: stop words, negation cues, clause breaks and
//! spelled-out numbers.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Function words that carry no key-point meaning. Negation cues are deliberately absent.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because",
    "been", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "each",
    "either", "else", "etc", "even", "ever", "for", "from", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "itself", "just", "let", "may", "me", "might", "much", "must", "my",
    "myself", "of", "often", "on", "onto", "or", "our", "ours", "ourselves", "per", "shall",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "thus", "to", "too",
    "upon", "us", "usually", "very", "via", "was", "we", "were", "what", "when", "where", "whether",
    "which", "while", "whom", "whose", "why", "will", "with", "within", "would", "yes",
    "yet", "you", "your", "yours", "yourself", "yourselves", "basically", "i'm", "it's", "that's",
    "there's", "they're", "we're", "you're", "i've", "we've", "you've", "let's", "e.g", "i.e", "eg",
    "ie", "really", "thing", "things", "way", "like", "well", "since", "though", "necessarily",
    "instead",
];

/// Words that deny what follows them ("none" is not one: in answers it is far more often a value,
/// as in `alg: none`, than a pronoun). Privative words ("lacks", "without", "missing", "avoid")
/// are not here: "the token lacks the scope" states a fact, it does not deny one, so they are
/// content words that points can name.
#[rustfmt::skip]
const NEGATION_CUES: &[&str] = &[
    "not", "no", "never", "nor", "neither", "cannot", "non", "nothing", "nobody", "nowhere", "unable",
    // Contractions typed without their apostrophe.
    "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "cant", "couldnt", "wont",
    "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt",
];

/// Words that end a negation's reach: a new clause or a contrast starts here.
#[rustfmt::skip]
const CLAUSE_BREAKS: &[&str] = &[
    "but", "however", "although", "though", "whereas", "while", "because", "since", "so",
    "therefore", "thus", "hence", "and", "then", "unlike", "except", "rather", "vs", "versus",
];

/// Words of phrases that comment on a statement rather than add to it ("on the other hand", "for
/// example", "in practice", "of course"): set off by commas, they are an aside.
#[rustfmt::skip]
const DISCOURSE_MARKERS: &[&str] = &[
    "other", "hand", "side", "example", "instance", "course", "practice", "general", "short", "fact",
    "contrast", "addition", "experience", "honestly", "frankly", "say", "sure", "careful",
];

/// Words of manner: a denial that reaches one denies the manner, not the act ("don't retry a
/// 429 immediately" still retries it). Not "constant": a "constant-time compare" is a thing.
#[rustfmt::skip]
const MANNERS: &[&str] = &[
    "immediately", "immediate", "instantly", "blindly", "naively", "forever", "indefinitely",
    "aggressively",
];

pub fn is_manner(word: &str) -> bool {
    MANNERS.contains(&word)
}

/// Words after `not` that cancel the negation ("not only … but also").
const NEGATION_CANCELLERS: &[&str] = &["only", "just", "merely"];

/// Small numbers spelled out, so that "one" and "1" are the same token ("retry one time"
/// against "retry 1 time"). For that reason "one" is not a stop word. The list stops at twelve:
/// larger numbers are rarely spelled out in short answers.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// The lists are consulted for every word of every answer: hash sets, not scans, with a hasher
/// made for short keys (these sets are fixed, so hash flooding is no concern).
type WordSet = LazyLock<FxHashSet<&'static str>>;
static STOP_SET: WordSet = LazyLock::new(|| STOP_WORDS.iter().copied().collect());
static CUE_SET: WordSet = LazyLock::new(|| NEGATION_CUES.iter().copied().collect());
static BREAK_SET: WordSet = LazyLock::new(|| CLAUSE_BREAKS.iter().copied().collect());

pub fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// `not`, `never`, and any contraction ending in n't (isn't, doesn't, won't), also as hurried
/// typing spells them ("does'nt", "dosent", "didint").
pub fn is_negation_cue(word: &str) -> bool {
    CUE_SET.contains(word)
        || word.ends_with("n't")
        || word.ends_with("n\u{2019}t")
        || is_misspelled_contraction(word)
}

/// The auxiliaries that take n't, with their common misspellings.
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "do", "does", "dose", "dos", "doe", "did", "is", "are", "ar", "was", "were", "could", "would",
    "should", "has", "have", "hav", "had", "must", "need", "ca", "can", "wo", "ai",
];

/// Long contractions typed without the apostrophe: one slip away from one of them is still a
/// denial ("doenst", "dosnt", "shoudnt"). Short cues are not here: "newer" is one letter from
/// "never", and "agent" from "arent". Nor is "hasnt", one letter from "haunt".
const LONG_CONTRACTIONS: &[&str] =
    &["doesnt", "didnt", "couldnt", "wouldnt", "shouldnt", "havent", "wasnt", "werent", "hadnt"];

/// A negation cue as hurried typing spells it ("does'nt", "dosent", "dotn", "doenst"): one lookup
/// in [`MISSPELT_CUES`] once apostrophes are dropped.
fn is_misspelled_contraction(word: &str) -> bool {
    // Every cue has an n and at most nine letters: most words are turned away here, unallocated.
    if !(3..=12).contains(&word.len()) || !word.contains('n') {
        return false;
    }
    if word.contains(['\'', '\u{2019}']) {
        let plain: String = word.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')).collect();
        return MISSPELT_CUES.contains(plain.as_str());
    }
    MISSPELT_CUES.contains(word)
}

/// The misspellings of negation cues, made once: an auxiliary with a misspelt n't (the
/// apostrophe moved or dropped, an extra vowel: "dosent", "didint"; only these stems, so "parent"
/// never denies), two neighbouring letters of a cue swapped ("nto", "dotn", "nveer"; no English
/// word is one swap from a cue of three letters or more), and one slip (a letter dropped, added,
/// changed or swapped) in a long contraction, keeping five letters and the final t ("doenst",
/// "dosnt"; "want" is one letter from "wasnt", "haven" from "havent").
static MISSPELT_CUES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut set = FxHashSet::default();
    for auxiliary in AUXILIARIES {
        for ending in ["nt", "ent", "int"] {
            set.insert(format!("{auxiliary}{ending}"));
        }
    }
    for cue in NEGATION_CUES.iter().filter(|c| c.len() >= 3) {
        set.extend(swaps(cue));
    }
    for cue in LONG_CONTRACTIONS {
        let slips = swaps(cue).into_iter().chain(edits(cue));
        set.extend(slips.filter(|w| w.len() >= 5 && w.ends_with('t') && w.contains('n')));
    }
    set
});

/// `word` with two neighbouring (different) letters swapped, each way.
fn swaps(word: &str) -> Vec<String> {
    let bytes = word.as_bytes();
    (0..bytes.len() - 1)
        .filter(|&i| bytes[i] != bytes[i + 1])
        .map(|i| {
            let mut swapped = bytes.to_vec();
            swapped.swap(i, i + 1);
            String::from_utf8(swapped).unwrap_or_default()
        })
        .collect()
}

/// `word` with one letter dropped, added or changed, each way.
fn edits(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..=word.len() {
        let (head, tail) = word.split_at(i);
        for letter in 'a'..='z' {
            out.push(format!("{head}{letter}{tail}"));
            if let Some(rest) = tail.get(1..) {
                out.push(format!("{head}{letter}{rest}"));
            }
        }
        if let Some(rest) = tail.get(1..) {
            out.push(format!("{head}{rest}"));
        }
    }
    out
}

/// The value of a spelled-out small number.
pub fn number_word(word: &str) -> Option<usize> {
    NUMBER_WORDS.iter().position(|w| *w == word)
}

pub fn is_clause_break(word: &str) -> bool {
    BREAK_SET.contains(word)
}

pub fn is_discourse_marker(word: &str) -> bool {
    DISCOURSE_MARKERS.contains(&word)
}

pub fn cancels_negation(word: &str) -> bool {
    NEGATION_CANCELLERS.contains(&word)
}

/// The register of keyword stuffing: words and pairs that praise or frame terms without saying
/// anything of them ("leveraged", "plays a key role", "security posture", "best practices").
/// Counted per answer: one is a turn of phrase, several mark an answer padded with jargon.
#[rustfmt::skip]
const HOLLOW_WORDS: &[&str] = &[
    "leverage", "leverages", "leveraged", "leveraging", "posture", "mindset", "governance",
    "hygiene", "ecosystem", "ecosystems", "taxonomy", "paradigm", "paradigms", "pillar", "pillars",
    "backbone", "synergy", "synergies", "holistic", "holistically", "robust", "robustness",
    "seamless", "seamlessly", "landscape", "stakeholder", "stakeholders", "empower", "empowers",
    "streamline", "streamlines", "streamlined", "synergistic", "align", "aligned", "aligning",
    "alignment", "mature", "orchestration", "strategy", "strategies", "ensure", "ensures",
    "dimensions",
];

/// Pairs of the same register, as (word before, word).
#[rustfmt::skip]
const HOLLOW_PAIRS: &[(&str, &str)] = &[
    ("all", "about"), ("into", "play"), ("best", "practice"),
    ("best", "practices"), ("developer", "experience"), ("building", "block"),
    ("building", "blocks"), ("cloud", "native"), ("enterprise", "grade"),
    ("production", "grade"), ("first", "class"), ("world", "class"), ("cutting", "edge"),
    ("future", "proof"), ("battle", "tested"), ("key", "considerations"), ("key", "concepts"),
    ("key", "principles"), ("key", "elements"), ("relevant", "concepts"), ("focus", "areas"),
];

static HOLLOW_SET: WordSet = LazyLock::new(|| HOLLOW_WORDS.iter().copied().collect());
/// Every word a hollow phrase can end on.
static HOLLOW_ENDINGS: WordSet = LazyLock::new(|| {
    let pairs = HOLLOW_PAIRS.iter().map(|&(_, word)| word);
    HOLLOW_WORDS.iter().copied().chain(pairs).chain(["role", "to", "for", "in"]).collect()
});
static HOLLOW_PAIR_SET: LazyLock<FxHashSet<(&'static str, &'static str)>> =
    LazyLock::new(|| HOLLOW_PAIRS.iter().copied().collect());

/// Words that make "role" a hollow phrase before it ("plays a key role", "a central role").
const ROLE_PRAISE: &[&str] =
    &["key", "central", "crucial", "vital", "huge", "big", "major", "critical", "pivotal"];

/// Whether `word`, after `previous` and `earlier`, completes a hollow phrase (see [`HOLLOW_WORDS`]).
pub fn is_hollow(earlier: &str, previous: &str, word: &str) -> bool {
    // One lookup turns nearly every word away (normalising speed, `docs/scoring.md`).
    if !HOLLOW_ENDINGS.contains(word) {
        return false;
    }
    HOLLOW_SET.contains(word)
        || HOLLOW_PAIR_SET.contains(&(previous, word))
        || (word == "role"
            && (ROLE_PRAISE.contains(&previous) || (previous == "a" && matches!(earlier, "play" | "plays"))))
        // "is key to", not "is key material".
        || (matches!(earlier, "is" | "are") && previous == "key" && matches!(word, "to" | "for" | "in"))
}

/// Words so common in answers about APIs that alone they show no knowledge: a point phrasing that
/// comes down to one of them matches nearly any answer. Compared by stem.
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    "api", "data", "server", "client", "request", "response", "resource", "http", "use", "call",
    "send", "return", "information", "item", "log", "stable", "consistent", "hour", "time",
    "system", "service", "user", "value", "field", "header", "body", "error", "code", "status",
    "result", "make", "need", "want", "work", "good", "better", "fast", "simple", "easy", "part",
    "case", "example", "type", "number", "change", "new", "one", "first", "different", "same",
    "problem", "issue", "question", "answer", "handle", "process", "check", "set", "keep", "give",
    "allow", "support", "provide", "level", "web", "application", "app", "message", "content",
    "format", "object", "index", "scale", "performance", "efficient", "best", "practice", "know",
    "thing", "lot", "important", "matter", "mean", "get", "put", "fine", "right", "wrong",
];

static GENERIC_SET: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    GENERIC_WORDS.iter().map(|w| stemmer.stem(w).into_owned()).collect()
});

/// Whether a stem is one of the [`GENERIC_WORDS`].
pub fn is_generic_stem(stem: &str) -> bool {
    GENERIC_SET.contains(stem)
}

/// Words that judge whether something is needed or worth doing: denying them denies the thing
/// ("a retry is not necessary").
const EVALUATIVE: &[&str] = &[
    "needed",
    "necessary",
    "required",
    "important",
    "essential",
    "recommended",
    "worth",
    "useful",
    "mandatory",
    "concern",
    "worry",
    "matter",
    "bother",
    "relevant",
    "helpful",
    "help",
    "helps",
    "work",
    "works",
];

pub fn is_evaluative(word: &str) -> bool {
    EVALUATIVE.contains(&word)
}

/// Words that judge a thing not worth doing: they deny what their clause said before them
/// ("retrying a 400 unchanged is pointless") and what follows them ("pointless to retry"), as a
/// denial of [`EVALUATIVE`] words does, but stay content words themselves.
const FUTILE: &[&str] = &["pointless", "useless", "futile", "unnecessary", "unneeded", "superfluous"];

pub fn is_futile(word: &str) -> bool {
    FUTILE.contains(&word)
}

/// Prepositions that open a phrase a denial does not reach: "no response from the upstream"
/// denies a response, not the upstream; "not in the cache" denies being in it, not the cache.
/// `to` is absent: "not safe to retry" denies the retry.
const PREPOSITIONS: &[&str] = &[
    "from", "of", "in", "on", "at", "by", "for", "with", "into", "onto", "via", "through", "within", "over",
    "under", "between", "after", "before", "during", "per",
];

static PREPOSITION_SET: WordSet = LazyLock::new(|| PREPOSITIONS.iter().copied().collect());

pub fn is_preposition(word: &str) -> bool {
    PREPOSITION_SET.contains(word)
}

/// Words for leaving something out or mixing it up: denied ("don't skip the state parameter",
/// "never forget to verify", "don't confuse 415 with 406"), they ask for what follows. "disable" and "remove" are not here: "never disable
/// verification" is advice against disabling, and the point may name the disabling.
const OMISSIONS: &[&str] = &[
    "skip",
    "skips",
    "skipping",
    "omit",
    "omits",
    "omitting",
    "forget",
    "forgets",
    "forgetting",
    "neglect",
    "neglects",
    "bypass",
    "bypassing",
    "ignore",
    "ignores",
    "ignoring",
    "confuse",
    "confuses",
    "confusing",
    "conflate",
    "mix",
];

static OMISSION_SET: WordSet = LazyLock::new(|| OMISSIONS.iter().copied().collect());

pub fn is_omission(word: &str) -> bool {
    OMISSION_SET.contains(word)
}

/// Irregular past forms and their verbs, which stemming cannot join ("kept" is not "keep"). Left
/// out: forms that are also other words an answer means ("got" is not GET, "left", "bound",
/// "forbidden" as in 403 Forbidden, "found" as in 302 Found, "set", "read", "lead").
#[rustfmt::skip]
const IRREGULAR: &[(&str, &str)] = &[
    ("kept", "keep"), ("sent", "send"), ("resent", "resend"), ("built", "build"),
    ("rebuilt", "rebuild"), ("broke", "break"), ("broken", "break"), ("chose", "choose"),
    ("chosen", "choose"), ("wrote", "write"), ("written", "write"), ("rewrote", "rewrite"),
    ("rewritten", "rewrite"), ("overwrote", "overwrite"), ("overwritten", "overwrite"),
    ("hid", "hide"), ("hidden", "hide"), ("stole", "steal"), ("stolen", "steal"),
    ("took", "take"), ("taken", "take"), ("gave", "give"), ("given", "give"), ("lost", "lose"),
    ("held", "hold"), ("withheld", "withhold"), ("paid", "pay"), ("told", "tell"),
    ("brought", "bring"), ("caught", "catch"), ("forgot", "forget"), ("forgotten", "forget"),
    ("froze", "freeze"), ("frozen", "freeze"), ("ran", "run"), ("shown", "show"),
    ("spoke", "speak"), ("spoken", "speak"), ("threw", "throw"), ("thrown", "throw"),
    ("understood", "understand"), ("misunderstood", "misunderstand"), ("began", "begin"),
    ("begun", "begin"), ("blew", "blow"), ("blown", "blow"), ("meant", "mean"), ("stuck", "stick"),
    ("overrode", "override"), ("overridden", "override"), ("undone", "undo"), ("drove", "drive"),
    ("driven", "drive"), ("fell", "fall"), ("fallen", "fall"), ("grew", "grow"), ("grown", "grow"),
    ("knew", "know"), ("saw", "see"), ("seen", "see"), ("thought", "think"),
    ("made", "make"), ("came", "come"), ("spent", "spend"), ("sold", "sell"),
    ("bought", "buy"), ("sought", "seek"), ("taught", "teach"), ("dealt", "deal"),
    ("hung", "hang"), ("rode", "ride"), ("ridden", "ride"), ("rose", "rise"), ("risen", "rise"),
    ("shook", "shake"), ("shaken", "shake"), ("slid", "slide"), ("stood", "stand"),
    ("struck", "strike"), ("swore", "swear"), ("sworn", "swear"), ("woke", "wake"),
    ("woken", "wake"), ("wore", "wear"), ("worn", "wear"), ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"), ("mistook", "mistake"), ("mistaken", "mistake"), ("upheld", "uphold"),
];

/// Plurals of acronyms without a vowel, which the stemmer leaves alone ("JWTs" is not "JWT").
/// Left out: acronyms that end in *s* themselves (TLS, HTTPS, DNS, HSTS, XSS).
#[rustfmt::skip]
const ACRONYM_PLURALS: &[(&str, &str)] = &[
    ("jwts", "jwt"), ("cdns", "cdn"), ("sdks", "sdk"), ("rpcs", "rpc"), ("dbs", "db"),
    ("pdfs", "pdf"), ("vms", "vm"), ("crls", "crl"),
];

static IRREGULAR_MAP: LazyLock<FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| IRREGULAR.iter().chain(ACRONYM_PLURALS).copied().collect());

/// The verb of an irregular past form ([`IRREGULAR`]), the singular of an acronym's plural
/// ([`ACRONYM_PLURALS`]), else the word itself.
pub fn base_form(word: &str) -> &str {
    IRREGULAR_MAP.get(word).copied().unwrap_or(word)
}

/// Pairs of words that state opposite facts about the same thing: an answer that says a point's
/// phrase with one of them swapped for the other ("access tokens are long-lived" against
/// "short-lived access tokens") inverts the point as surely as a denial does. Both directions count.
/// Only properties: swapping things or actions (client and server, add and remove, allow and
/// block) named another true fact more often than it inverted one (measured, `docs/scoring.md`).
#[rustfmt::skip]
const OPPOSITES: &[(&str, &str)] = &[
    ("short", "long"), ("shorter", "longer"), ("temporary", "permanent"),
    ("temporarily", "permanently"), ("required", "optional"), ("mandatory", "optional"),
    ("stateless", "stateful"), ("strong", "weak"), ("fast", "slow"), ("faster", "slower"),
    ("small", "large"), ("cheap", "expensive"), ("static", "dynamic"), ("minimum", "maximum"),
    ("synchronous", "asynchronous"), ("synchronously", "asynchronously"), ("low", "high"),
    ("lower", "higher"), ("increase", "decrease"), ("public", "private"), ("confidential", "public"),
];

static OPPOSITE_MAP: LazyLock<FxHashMap<String, Vec<String>>> = LazyLock::new(|| {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for (a, b) in OPPOSITES {
        let (a, b) = (stemmer.stem(a).into_owned(), stemmer.stem(b).into_owned());
        map.entry(a.clone()).or_default().push(b.clone());
        map.entry(b).or_default().push(a);
    }
    map
});

/// The stems that state the opposite of `stem` ([`OPPOSITES`]).
pub fn opposite_stems(stem: &str) -> &'static [String] {
    OPPOSITE_MAP.get(stem).map_or(&[], Vec::as_slice)
}
