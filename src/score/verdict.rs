//! Verdicts on one answer (covered, missed, contradicted, swapped, wrong) and the score they add
//! up to under a set of [`Weights`].

use super::lexicon::is_discourse_marker;
use super::matcher::{Answer, occurrences, ordered_occurrences};
use super::normalise::{Kind, Token, Tokens};
use super::roles::{self, Certainty, Side};
use super::{Criterion, Misconception, Pattern, PointResult, Verdict, WrongResult};

/// A list is a term list only with this many bare items: a note of a few ("expired cert,
/// missing intermediate, hostname mismatch") states facts in shorthand.
const LIST_MIN_ITEMS: usize = 8;

/// The constants of the score, fitted on blind-written answers (`docs/scoring.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Coverage is raised to this power: below 1 it lifts partial answers, as graders do.
    pub curve: f64,
    /// Coverage up to this much earns nothing (the rest is rescaled to 0–1): a few shared words
    /// with the model answer are what any answer on a neighbouring subject has.
    pub threshold: f64,
    /// The share of the bank's points in the coverage; the rest comes from the model answer's
    /// words, which credits correct answers phrased unlike the points.
    pub blend: f64,
    /// How much of the model answer's weight a denied model word takes off the model coverage, as
    /// a multiple of its own weight.
    pub model_denial: f64,
    /// What a contradicted point of average weight takes off the score (0–1).
    pub contradiction: f64,
    /// What a matched wrong claim takes off the score (0–1): more than a missed point is worth.
    pub wrong_claim: f64,
    /// Statements have function words ("is", "the", "not"); a bare list of terms has few. Below
    /// this share of function words the score is scaled down in proportion.
    pub statement_share: f64,
    /// The least that scaling leaves of a score.
    pub statement_floor: f64,
    /// A run of bare list items ("throttling, backoff, Retry-After, batching") names terms
    /// without stating anything of them: past this share of the answer's content words in such
    /// items, the score is scaled down too …
    pub list_share: f64,
    /// … by this much per unit of share over it …
    pub list_slope: f64,
    /// … to no less than this: a list of the right terms still shows some knowledge, and some
    /// questions ask for a list.
    pub list_floor: f64,
    /// Each hollow phrase past the first ("leveraged", "plays a key role", "best practices")
    /// scales the score down by this much …
    pub hollow_slope: f64,
    /// … to no less than this.
    pub hollow_floor: f64,
    /// How much more relevant to another question of the topic than to its own an answer may
    /// be (0–1) before it is taken for an answer to that question.
    pub elsewhere_margin: f64,
    /// Past the margin, the score falls to nothing over this much more relevance.
    pub elsewhere_span: f64,
}

impl Weights {
    /// For questions with points of their own, fitted on the blind-written development set
    /// (`examples/fit_weights.rs`, `docs/scoring.md`).
    pub const POINTS: Weights = Weights {
        curve: 0.5,
        threshold: 0.1,
        blend: 0.8,
        model_denial: 4.0,
        contradiction: 0.25,
        wrong_claim: 0.6,
        statement_share: 0.2,
        statement_floor: 0.2,
        list_share: 0.5,
        list_slope: 3.0,
        list_floor: 0.5,
        hollow_slope: 0.5,
        hollow_floor: 0.3,
        elsewhere_margin: 0.2,
        elsewhere_span: 0.2,
    };

    /// For questions whose points are derived from the model answer: coverage of many single
    /// words, fitted on the development split of the Mohler data.
    pub const DERIVED: Weights = Weights {
        curve: 0.4,
        threshold: 0.0,
        blend: 1.0,
        model_denial: 0.0,
        contradiction: 0.0,
        wrong_claim: 0.6,
        statement_share: 0.2,
        statement_floor: 0.8,
        list_share: 0.5,
        list_slope: 3.0,
        list_floor: 0.5,
        hollow_slope: 0.5,
        hollow_floor: 0.3,
        elsewhere_margin: 0.2,
        elsewhere_span: 0.2,
    };
}

/// What the score of an answer is computed from; kept apart from the weights so that they can be
/// fitted without re-reading answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Covered weight of the points (bonus included) over their total weight, at most 1.
    pub coverage: f64,
    /// The same with contradicted points counted: how much of the question the answer speaks
    /// to, rightly or wrongly.
    pub addressed: f64,
    /// The same over the model answer's words, when the question has points of its own, with the
    /// share of their weight the answer denies.
    pub model_coverage: Option<(f64, f64)>,
    /// The weight of each contradicted point relative to the average point.
    pub contradicted: Vec<f64>,
    pub wrong_claims: usize,
    /// Function words over all words of the answer.
    pub statement_share: f64,
    /// Content words in bare list items over all content words, when the answer lists many
    /// (0 for a note, or a list of a few items).
    pub listed_share: f64,
    /// Hollow phrases in the answer (see [`Weights::hollow_slope`]).
    pub hollow: usize,
    /// Whether the points were derived from the model answer (scored under [`Weights::DERIVED`]).
    pub derived: bool,
    /// How much more relevant the answer is to the likeliest other question of its topic than
    /// to its own (0 when less, or when there is none): see [`Evidence::relevance`].
    pub elsewhere: f64,
}

impl Evidence {
    pub fn new(
        points: &[PointResult],
        model_coverage: Option<(f64, f64)>,
        wrong_claims: usize,
        text: &Tokens,
        note: bool,
        derived: bool,
    ) -> Evidence {
        let counted: Vec<&PointResult> = points.iter().filter(|p| !p.bonus).collect();
        let mean = counted.iter().map(|p| p.weight).sum::<f64>() / counted.len().max(1) as f64;
        // A contradicted bonus point is a wrong statement like any other.
        let contradicted = points
            .iter()
            .filter(|p| p.verdict == Verdict::Contradicted)
            .map(|p| if mean > 0.0 { p.weight / mean } else { 1.0 })
            .collect();
        let all_words = text.function_words + text.words.len();
        let statement_share = if note {
            1.0
        } else if all_words == 0 {
            0.0
        } else {
            text.function_words as f64 / all_words as f64
        };
        let listed_share = if note || text.listed_items < LIST_MIN_ITEMS {
            0.0
        } else {
            text.listed_words as f64 / text.words.len().max(1) as f64
        };
        Evidence {
            coverage: coverage(points),
            addressed: addressed(points),
            model_coverage,
            contradicted,
            wrong_claims,
            statement_share,
            listed_share,
            hollow: text.hollow,
            derived,
            elsewhere: 0.0,
        }
    }

    /// Whether the answer is taken for an answer to another question.
    pub fn answers_elsewhere(&self) -> bool {
        self.elsewhere > self.weights().elsewhere_margin
    }

    /// Whether another question could fit the answer better by more than the margin: not when
    /// it speaks to its own question so fully that no relevance (at most 1) is that far above.
    pub fn may_answer_elsewhere(&self) -> bool {
        self.relevance() + self.weights().elsewhere_margin < 1.0
    }

    /// How much the answer speaks to its question, rightly or wrongly (0–1): the score with
    /// contradicted points counted as covered and nothing taken off. An answer that inverts the
    /// question's facts is still about it; an answer to another question is not.
    pub fn relevance(&self) -> f64 {
        let weights = self.weights();
        self.credit(self.addressed, self.model_coverage.map(|(model, _)| model), weights)
    }

    /// What the points and the model answer's words earn together, before anything is taken
    /// off: blended, past the threshold, on the curve, scaled down for a term list.
    fn credit(&self, points: f64, model: Option<f64>, weights: &Weights) -> f64 {
        let coverage = match model {
            Some(model) => weights.blend * points + (1.0 - weights.blend) * model,
            None => points,
        };
        let coverage = ((coverage - weights.threshold) / (1.0 - weights.threshold)).max(0.0);
        coverage.powf(weights.curve) * self.statement(weights)
    }

    fn statement(&self, weights: &Weights) -> f64 {
        let stated = self.statement_share / weights.statement_share;
        let listed = 1.0 - weights.list_slope * (self.listed_share - weights.list_share).max(0.0);
        let padded = self.hollow.saturating_sub(1) as f64;
        let hollow = (1.0 - weights.hollow_slope * padded).max(weights.hollow_floor);
        stated.clamp(weights.statement_floor, 1.0).min(listed.max(weights.list_floor)) * hollow
    }

    /// 0–100, under the weights fitted for this kind of rubric.
    pub fn fitted_score(&self) -> u8 {
        self.score(self.weights())
    }

    /// The weights fitted for this kind of rubric.
    fn weights(&self) -> &'static Weights {
        if self.derived { &Weights::DERIVED } else { &Weights::POINTS }
    }

    /// 0–100.
    pub fn score(&self, weights: &Weights) -> u8 {
        let model =
            self.model_coverage.map(|(model, denied)| (model - weights.model_denial * denied).max(0.0));
        let penalty =
            self.contradicted.iter().map(|w| weights.contradiction * w.clamp(0.5, 2.0)).sum::<f64>()
                + weights.wrong_claim * self.wrong_claims as f64;
        // An answer to another question earns little here, however much it shares with this one.
        let here =
            1.0 - ((self.elsewhere - weights.elsewhere_margin) / weights.elsewhere_span).clamp(0.0, 1.0);
        let score = self.credit(self.coverage, model, weights) * here - penalty;
        (100.0 * score).round().clamp(0.0, 100.0) as u8
    }
}

/// Covered and denied shares of the model answer's words' weight, without building a result per
/// word (a model answer has dozens of them).
pub fn model_coverage(criteria: &[Criterion], answer: &Answer<'_>) -> (f64, f64) {
    let (mut total, mut covered, mut contradicted) = (0.0, 0.0, 0.0);
    for criterion in criteria {
        total += criterion.weight;
        let mut verdict = Verdict::Missed;
        'patterns: for pattern in &criterion.patterns {
            if let [word] = pattern.words.as_slice() {
                // Model words are single words: look them up without building places.
                let agrees =
                    |i: usize| pattern.negative.is_none_or(|negative| answer.words[i].negated == negative);
                let mut seen = false;
                if answer.scan(word, |i, _| {
                    seen = true;
                    agrees(i)
                }) {
                    verdict = Verdict::Covered;
                    break 'patterns;
                }
                if seen {
                    verdict = Verdict::Contradicted;
                }
                continue;
            }
            for place in occurrences(&pattern.words, answer) {
                let negated = place.iter().any(|&i| answer.words[i].negated);
                if pattern.negative.is_none_or(|negative| negated == negative) {
                    verdict = Verdict::Covered;
                    break 'patterns;
                }
                verdict = Verdict::Contradicted;
            }
        }
        match verdict {
            Verdict::Covered => covered += criterion.weight,
            Verdict::Contradicted => contradicted += criterion.weight,
            Verdict::Missed => {}
        }
    }
    if total <= 0.0 { (0.0, 0.0) } else { ((covered / total).min(1.0), contradicted / total) }
}

/// Covered weight (bonus points included) over the weight of the points that count, at most 1.
pub fn coverage(points: &[PointResult]) -> f64 {
    share(points, |verdict| verdict == Verdict::Covered)
}

/// Covered or contradicted weight over the weight of the points that count, at most 1.
fn addressed(points: &[PointResult]) -> f64 {
    share(points, |verdict| verdict != Verdict::Missed)
}

fn share(points: &[PointResult], counts: impl Fn(Verdict) -> bool) -> f64 {
    let total: f64 = points.iter().filter(|p| !p.bonus).map(|p| p.weight).sum();
    let counted: f64 = points.iter().filter(|p| counts(p.verdict)).map(|p| p.weight).sum();
    if total <= 0.0 { 0.0 } else { (counted / total).min(1.0) }
}

/// Judges one point: covered when a phrasing is found with the point's polarity and about the
/// right term; contradicted when it is found negated, or said of a rival term.
pub fn judge(
    criterion: &Criterion,
    sides: &[Side],
    mentions: &[(usize, usize)],
    answer: &Answer<'_>,
) -> PointResult {
    let mut result = PointResult {
        label: criterion.label.clone(),
        weight: criterion.weight,
        verdict: Verdict::Missed,
        matched: Vec::new(),
        about: criterion.about.map(|side| sides[side].name.clone()),
        said_of: None,
        bonus: criterion.bonus,
    };
    for pattern in &criterion.patterns {
        for mut place in occurrences(&pattern.words, answer) {
            let negated = place.iter().any(|&i| answer.words[i].negated);
            let mut agrees = pattern.negative.is_none_or(|negative| negated == negative);
            // "Removing a field is fine" names the point's subject and says the opposite of it.
            if agrees
                && pattern.negative == Some(false)
                && let Some(against) = contrary(criterion, &place, answer)
            {
                agrees = false;
                place.extend(against);
            }
            if !agrees && !contradicts(pattern, &place, answer) {
                continue;
            }
            let subject = criterion.about.and_then(|about| {
                roles::subject(mentions, answer, &place, about).filter(|&(side, _)| side != about)
            });
            let rival = match subject {
                // Named as a mistake ("I once sent 403 for expired tokens"), the claim is not made.
                Some(_) if place.iter().any(|&i| answer.words[i].mood.rejecting) => continue,
                // A rival named in the claim's own clause: the claim is made of it.
                Some((side, Certainty::Clause)) => Some(side),
                // A rival named elsewhere in the sentence may not be the subject ("in exchange
                // you lose what HTTP gives REST for free: … caching disappears"), but the claim
                // is not shown to be about the point's term either: neither credited nor called a
                // swap (measured: crediting it let swapped answers through).
                Some((_, Certainty::Sentence)) => continue,
                // A sentence that names no term at all stands on its own ("It replaces …"): the
                // last term named earlier is too weak a guess to call a swap on, and a denial
                // there is likelier said of that rival than against the point ("cursors are
                // stable. Downside: no jump to a page").
                Some((_, Certainty::Earlier)) if !agrees => continue,
                Some((_, Certainty::Earlier)) | None => None,
            };
            let words = || place.iter().map(|&i| answer.words[i].word.to_string()).collect();
            match (agrees, rival) {
                (true, None) => {
                    result.verdict = Verdict::Covered;
                    result.matched = words();
                    result.said_of = None;
                    return result;
                }
                // Denying a claim of the rival term is consistent with the point, not against it.
                (false, Some(_)) => {}
                (_, rival) if result.verdict == Verdict::Missed => {
                    result.verdict = Verdict::Contradicted;
                    result.matched = words();
                    result.said_of = rival.map(|side| sides[side].name.clone());
                }
                _ => {}
            }
        }
    }
    if result.verdict == Verdict::Missed
        && let Some(place) = inversion(criterion, mentions, answer)
    {
        result.verdict = Verdict::Contradicted;
        result.matched = place.iter().map(|&i| answer.words[i].word.to_string()).collect();
    }
    result
}

/// Where the answer states a point's phrasing with a word swapped for its opposite, plainly, in
/// one clause, outside a condition and a rejection, and not of a rival term.
fn inversion(criterion: &Criterion, mentions: &[(usize, usize)], answer: &Answer<'_>) -> Option<Vec<usize>> {
    criterion.opposites.iter().find_map(|pattern| {
        occurrences(&pattern.words, answer).into_iter().find(|place| {
            let words = || place.iter().map(|&i| &answer.words[i]);
            let plain = !words().any(|w| w.negated || w.mood.rejecting || w.mood.conditional);
            let of_rival = criterion.about.is_some_and(|about| {
                roles::subject(mentions, answer, place, about).is_some_and(|(side, _)| side != about)
            });
            plain && in_one_clause(place, answer) && !of_rival
        })
    })
}

/// Where a contrary of the point ([`Criterion::contraries`]) is said plainly in the clause of the
/// phrasing found at `place`, outside it: as its polarity has it, outside a condition and a
/// rejection ("removing a field is never fine" and "fine if nobody uses it" say nothing against).
fn contrary(criterion: &Criterion, place: &[usize], answer: &Answer<'_>) -> Option<Vec<usize>> {
    let clause = answer.words[place[0]].clause;
    criterion.contraries.iter().find_map(|pattern| {
        occurrences(&pattern.words, answer).into_iter().find(|found| {
            found.iter().all(|i| {
                let word = &answer.words[*i];
                word.clause == clause
                    && !place.contains(i)
                    && pattern.negative == Some(word.negated)
                    && !word.mood.conditional
                    && !word.mood.rejecting
            })
        })
    })
}

/// Whether words that disagree in polarity with a phrasing state the opposite claim. They do not
/// when they name what is not done ("instead of password sharing"), when their denial belongs to a
/// condition ("if the server can't produce any of them, it answers 406"), or when the phrasing is
/// the denial and the answer merely uses its words ("your login is missing" against "not logged
/// in"): plain words are far more common than denials and are seldom about the same thing. Nor
/// do they when the words span clauses: "the API didn't accept your credentials because the
/// header is missing" denies the acceptance, not that the credentials are missing (each rule is
/// measured in `docs/scoring.md`).
fn contradicts(pattern: &Pattern, place: &[usize], answer: &Answer<'_>) -> bool {
    let words = || place.iter().map(|&i| &answer.words[i]);
    pattern.negative == Some(false)
        && !words().any(|w| w.mood.rejecting)
        && !words().any(|w| w.negated && w.mood.conditional)
        && in_one_clause(place, answer)
}

/// Whether the words at `place` all stand in one clause of the answer.
fn in_one_clause(place: &[usize], answer: &Answer<'_>) -> bool {
    place.iter().all(|&i| answer.words[i].clause == answer.words[place[0]].clause)
}

/// The wrong claim, if the answer states it (with its polarity).
/// A wrong claim costs more than a missed point, so its words must stand in their order in one
/// statement: "refused rather than redirected, because a redirect means credentials were already
/// sent" does not claim that a redirect protects them.
pub fn wrong_claim(
    claim: &Misconception,
    mentions: &[(usize, usize)],
    answer: &Answer<'_>,
) -> Option<WrongResult> {
    claim.patterns.iter().find_map(|pattern| {
        ordered_occurrences(&pattern.words, answer).into_iter().find_map(|place| {
            // "counting requests no longer works" does not claim that it works.
            if claims_nothing(&place, answer)
                || names_a_key(&place, &pattern.words, answer)
                || place
                    .iter()
                    .zip(&pattern.words)
                    .any(|(&i, w)| answer.words[i].mood.privative != w.mood.privative)
            {
                return None;
            }
            // "307 temporary, 308 permanent" says nothing of 307 being permanent: another code
            // between a claim's code and its other words starts another claim, unless it is named
            // as what is not meant or what the code is compared with ("308, unlike 301, is …").
            let codes = |i: usize| answer.words[i].kind == Kind::Code;
            let aside = |i: usize| {
                let mood = answer.words[i].mood;
                mood.rejecting || mood.compared || mood.relative
            };
            let (first, last) = (place[0], place[place.len() - 1]);
            if place.iter().any(|&i| codes(i))
                && (first..last).any(|i| codes(i) && !place.contains(&i) && !aside(i))
            {
                return None;
            }
            // "max-age for public data, private for per-user responses": so does another
            // contrasted term between a claim's term and its other words.
            let side = |i: usize| mentions.iter().find(|m| m.0 == i).map(|m| m.1);
            if let Some(own) = place.iter().find_map(|&i| side(i))
                && (first..last)
                    .any(|i| !place.contains(&i) && side(i).is_some_and(|s| s != own) && !aside(i))
            {
                return None;
            }
            // "201 created (with a Location header), 204 no body": a code that opens a clause
            // starts an item of its own, which takes no words from the items before it.
            let opens_clause = |i: usize| i == 0 || answer.words[i - 1].clause != answer.words[i].clause;
            if place
                .iter()
                .any(|&c| codes(c) && opens_clause(c) && answer.words[first].clause != answer.words[c].clause)
            {
                return None;
            }
            // "uniform interface, layered system, optional code on demand": a claim's words do
            // not skip a whole clause (unless it is an aside, "308, unlike 301, is …"), so a
            // list's items do not join.
            if skips_a_clause(&place, answer) {
                return None;
            }
            // "server side, before creating, it looks up that key" does not claim that the server
            // creates the key: a claim of one clause spreads over two clauses of the answer at most.
            if clauses_spanned(pattern.words.iter().map(|w| w.clause)) == 1
                && clauses_spanned(place.iter().map(|&i| answer.words[i].clause)) > 2
            {
                return None;
            }
            // "a representation encodes the resource's state, like a JSON document" says nothing
            // of the resource itself: a possessive names whose, and the claim is of what it owns.
            if answer.words[first].possessive && !place.contains(&(first + 1)) {
                return None;
            }
            // "gaps can be skipped if the client uses its own clock" names what goes wrong on a
            // condition, and "events arriving in the wrong order" is not "events arrive in order".
            // "a stolen token alone is useless" restricts the claim to the token alone.
            if (first..last).any(|i| !place.contains(&i) && answer.words[i].word == "alone") {
                return None;
            }
            if in_trailing_condition(&place, answer)
                || (first..last).any(|i| !place.contains(&i) && is_wrong(&answer.words[i].word))
            {
                return None;
            }
            // "answer preflights without requiring authentication" does not state the claim (nor,
            // since "without" is no denial, a claim written as one).
            if right_after_without(&place, answer) && pattern.negative == Some(false) {
                return None;
            }
            let negated = place.iter().any(|&i| answer.words[i].negated);
            // "when there's no Retry-After header, back off" states a condition, not the claim
            // that none should be sent.
            if negated && place.iter().any(|&i| answer.words[i].negated && answer.words[i].mood.conditional) {
                return None;
            }
            pattern.negative.is_none_or(|negative| negated == negative).then(|| WrongResult {
                label: claim.label.clone(),
                correction: claim.correction.clone(),
                matched: place.iter().map(|&i| answer.words[i].word.to_string()).collect(),
            })
        })
    })
}

/// Whether the words at `place` all stand in a condition that follows its clause's claim ("… can
/// be skipped if the client uses its own clock"), which states no claim of its own. (One set off
/// before its claim, "if the provider is at fault, open a ticket", is not passed over: without a
/// comma the claim itself stands in the condition, and catches were lost.)
fn in_trailing_condition(place: &[usize], answer: &Answer<'_>) -> bool {
    let words = answer.words;
    let clause = words[place[0]].clause;
    place.iter().all(|&i| words[i].mood.conditional)
        && words[..place[0]].iter().rev().take_while(|w| w.clause == clause).any(|w| !w.mood.conditional)
}

/// Whether a word of the claim names a key in the answer ("an idempotency key", "the API key")
/// where the phrasing names no key: "POST needs an idempotency key" says nothing of POST being
/// idempotent.
fn names_a_key(place: &[usize], pattern: &[Token], answer: &Answer<'_>) -> bool {
    let is_key = |word: &Token| matches!(word.word.as_str(), "key" | "keys");
    place.iter().enumerate().any(|(k, &i)| {
        answer.words.get(i + 1).is_some_and(|next| is_key(next) && !place.contains(&(i + 1)))
            && !pattern.get(k + 1).is_some_and(is_key)
    })
}

/// A word that says what it qualifies is not as it should be ("the wrong order").
fn is_wrong(word: &str) -> bool {
    matches!(word, "wrong" | "incorrect")
}

/// How many clauses words in text order stand in.
fn clauses_spanned(clauses: impl Iterator<Item = u32>) -> usize {
    let mut last = None;
    clauses.filter(|&clause| last.replace(clause) != Some(clause)).count()
}

/// Whether a word of the claim at `place` stands within two words after a *without* of its clause
/// that is not the claim's own: "GET reads without changing anything" does not claim that GET
/// changes it.
fn right_after_without(place: &[usize], answer: &Answer<'_>) -> bool {
    place.iter().enumerate().any(|(k, &at)| {
        let from = if k == 0 { at.saturating_sub(2) } else { place[k - 1].max(at.saturating_sub(2)) };
        (from..at).any(|i| {
            answer.words[i].word == "without"
                && answer.words[i].clause == answer.words[at].clause
                && !place.contains(&i)
        })
    })
}

/// Whether a clause stands wholly between the words at `place`, none of them in it, and is no
/// aside (what is set aside or compared with, "on the other hand", "careful"), while the clause
/// that closes the claim does not go back to the subject before it with a verb or a pronoun ("a
/// 403 is, basically, an authentication failure, it means the token expired").
fn skips_a_clause(place: &[usize], answer: &Answer<'_>) -> bool {
    let (first, last) = (place[0], place[place.len() - 1]);
    let inside = &answer.words[first..=last];
    let (opening, closing) = (inside[0].clause, inside[inside.len() - 1].clause);
    let resumes = inside[inside.len() - 1].mood;
    if resumes.continuing || resumes.anaphoric {
        return false;
    }
    (opening + 1..closing).any(|clause| {
        let words = || inside.iter().filter(move |w| w.clause == clause);
        !place.iter().any(|&i| answer.words[i].clause == clause)
            && words().all(|w| !w.mood.rejecting && !w.mood.compared)
            && !words().all(|w| is_discourse_marker(&w.word))
    })
}

/// Whether the words at `place` state no claim of their own: they name a thing not done
/// ("instead of retrying at once") or only ask a question ("decide whether large batches run
/// synchronously"), allow it only on a condition ("only retry a POST
/// automatically if it carries an idempotency key", which the blanket claim does not have), or
/// begin with what the subject is compared with ("the same as 301 but keeps the method").
fn claims_nothing(place: &[usize], answer: &Answer<'_>) -> bool {
    let words = answer.words;
    let (first, last) = (&words[place[0]], &words[place[place.len() - 1]]);
    let restricted = first.mood.restricted
        && words[place[place.len() - 1]..]
            .iter()
            .take_while(|w| w.clause == last.clause)
            .any(|w| w.mood.conditional);
    place.iter().any(|&i| words[i].mood.rejecting)
        || place.iter().all(|&i| words[i].mood.asking)
        || restricted
        || (first.mood.compared && !last.mood.compared)
}

#[cfg(test)]
mod tests {
    use crate::bank::{Contrast, Point, WrongClaim};
    use crate::score::{Rubric, Verdict};

    /// The verdict on a one-point rubric whose only phrasing is `phrasing`.
    fn verdict(phrasing: &str, answer: &str) -> Verdict {
        Rubric::from_points(&[Point::term(phrasing)]).assess(answer).points[0].verdict
    }

    #[test]
    fn denying_a_plain_phrasing_contradicts_it() {
        assert_eq!(verdict("logged in", "the caller is not logged in"), Verdict::Contradicted);
        assert_eq!(verdict("not logged in", "the caller is not logged in"), Verdict::Covered);
    }

    #[test]
    fn the_plain_words_of_a_denied_phrasing_do_not_contradict_it() {
        // "your login pass is missing" says nothing against "not logged in".
        assert_eq!(verdict("not logged in", "your login pass is missing"), Verdict::Missed);
        assert_eq!(verdict("cannot jump to a page", "what you lose is jumping to a page"), Verdict::Missed);
    }

    #[test]
    fn a_denial_contradicts_only_a_phrasing_inside_its_clause() {
        let answer = "The API didn't accept your credentials, because the header is missing.";
        assert_eq!(verdict("credentials missing", answer), Verdict::Missed);
        assert_eq!(verdict("accept credentials", answer), Verdict::Contradicted);
    }

    #[test]
    fn a_phrase_with_a_word_swapped_for_its_opposite_contradicts_a_point_it_does_not_cover() {
        let phrasing = "access tokens are short-lived";
        assert_eq!(verdict(phrasing, "Access tokens are long-lived."), Verdict::Contradicted);
        assert_eq!(
            verdict(phrasing, "Refresh tokens are long-lived; access tokens are short-lived."),
            Verdict::Covered
        );
        // Denied, or as a condition, the opposite inverts nothing; nor does a two-word phrasing,
        // whose one other word cannot say what the claim is about ("a short-lived code").
        assert_eq!(verdict(phrasing, "Access tokens are not long-lived."), Verdict::Missed);
        assert_eq!(
            verdict(phrasing, "If access tokens were long-lived, a leak would hurt."),
            Verdict::Missed
        );
        assert_eq!(verdict("long-lived", "the server sends a short-lived code"), Verdict::Missed);
    }

    #[test]
    fn a_denial_inside_a_condition_contradicts_nothing() {
        let answer = "If the server can't produce any format the client accepts, it answers 406.";
        assert_eq!(verdict("produce a format the client accepts", answer), Verdict::Missed);
        assert_eq!(verdict("answers 406", answer), Verdict::Covered);
        // Outside the condition the same denial still contradicts.
        let denied = "The server can't produce any format the client accepts.";
        assert_eq!(verdict("produce a format the client accepts", denied), Verdict::Contradicted);
    }

    /// The verdict on a one-point rubric: `phrasing`, with `contrary` words.
    fn verdict_with_contrary(phrasing: &str, contrary: &[&str], answer: &str) -> Verdict {
        let point =
            Point { contrary: contrary.iter().map(ToString::to_string).collect(), ..Point::term(phrasing) };
        Rubric::from_points(&[point]).assess(answer).points[0].verdict
    }

    #[test]
    fn a_contrary_said_in_the_phrasing_clause_contradicts_the_point() {
        let contrary = ["safe", "fine", "won't break"];
        let check = |answer: &str| verdict_with_contrary("removing a field", &contrary, answer);
        assert_eq!(check("Removing a field breaks old clients."), Verdict::Covered);
        assert_eq!(check("Removing a field is fine, clients just ignore it."), Verdict::Contradicted);
        assert_eq!(check("Removing a field won't break anybody."), Verdict::Contradicted);
        // Denied, in a condition, or in another clause, the contrary says nothing against it.
        assert_eq!(check("Removing a field is never safe."), Verdict::Covered);
        assert_eq!(check("Removing a field breaks clients, only adding one is safe."), Verdict::Covered);
        assert_eq!(
            check("Removing a field breaks clients unless you are sure it is safe."),
            Verdict::Covered
        );
    }

    /// How many wrong claims an answer states, for a rubric whose one wrong claim is `phrasing`.
    fn wrong_claims(phrasing: &str, answer: &str) -> usize {
        let claim = WrongClaim {
            alternatives: vec![phrasing.into()],
            label: phrasing.into(),
            correction: "It is not so.".into(),
        };
        Rubric::compile(&[Point::term("429")], &[], &[claim]).assess(answer).wrong.len()
    }

    #[test]
    fn a_possessive_names_whose_not_the_claims_subject() {
        let phrasing = "resource is the JSON document";
        assert_eq!(wrong_claims(phrasing, "The resource is the JSON document you get back."), 1);
        assert_eq!(
            wrong_claims(phrasing, "A representation encodes the resource's state, like a JSON document."),
            0
        );
        // The possessive with the word it owns still states the claim.
        assert_eq!(wrong_claims("server's session", "The server's session holds the login."), 1);
    }

    #[test]
    fn a_denial_inside_a_condition_states_no_wrong_claim() {
        let phrasing = "no Retry-After header";
        assert_eq!(wrong_claims(phrasing, "Respect Retry-After, and when there's no header, back off."), 0);
        assert_eq!(wrong_claims(phrasing, "Respond 429 with no Retry-After header."), 1);
    }

    #[test]
    fn a_claim_allowed_on_a_condition_is_not_the_blanket_claim() {
        let phrasing = "retry POST automatically";
        assert_eq!(wrong_claims(phrasing, "Retry a POST automatically."), 1);
        assert_eq!(
            wrong_claims(phrasing, "Only retry a POST automatically if it has an idempotency key."),
            0
        );
        // "only" without a condition still makes the claim.
        assert_eq!(wrong_claims(phrasing, "I only retry POST automatically."), 1);
    }

    #[test]
    fn a_claim_begun_on_what_is_compared_is_not_made_of_it() {
        // A phrasing across a break ("301 since it keeps") may span one in the answer.
        let phrasing = "301 since it keeps the method";
        assert_eq!(wrong_claims(phrasing, "301, since it keeps the method."), 1);
        assert_eq!(wrong_claims(phrasing, "308 is the same as 301 but keeps the method."), 0);
        assert_eq!(wrong_claims(phrasing, "308 is the same as 302 and 301 but keeps the method."), 0);
    }

    #[test]
    fn a_mistake_named_as_one_states_no_wrong_claim() {
        let phrasing = "hard-code the secret";
        assert_eq!(wrong_claims(phrasing, "Hard-code the secret in the source."), 1);
        for answer in [
            "A common mistake is to hard-code the secret.",
            "The classic pitfall: hard-code the secret and push it.",
            "I've seen teams hard-code the secret.",
            "I've reviewed scripts that hard-code the secret.",
            "We've inherited services that hard-code the secret.",
            "We once chose to hard-code the secret, and it leaked.",
        ] {
            assert_eq!(wrong_claims(phrasing, answer), 0, "{answer}");
        }
    }

    #[test]
    fn what_would_happen_without_it_states_no_wrong_claim() {
        let phrasing = "app stores the password";
        assert_eq!(wrong_claims(phrasing, "Without it, the app stores the password."), 0);
        assert_eq!(wrong_claims(phrasing, "Without it the app stores the password."), 0);
        // Only the clause after it, and only in its sentence.
        assert_eq!(wrong_claims(phrasing, "Without it, nothing works. The app stores the password."), 1);
        assert_eq!(wrong_claims(phrasing, "Without OAuth, the app stores the password."), 1);
    }

    /// The verdict on the point of a one-point rubric contrasting `own` with `rival`, its point
    /// `phrasing` about `own`.
    fn contrasted(own: &str, rival: &str, phrasing: &str) -> impl Fn(&str) -> Verdict {
        let contrast =
            [own, rival].map(|name| Contrast { name: name.into(), alternatives: vec![name.into()] });
        let point = Point { about: Some(own.into()), ..Point::term(phrasing) };
        let rubric = Rubric::compile(&[point], &contrast, &[]);
        move |answer| rubric.assess(answer).points[0].verdict
    }

    #[test]
    fn a_mistake_named_as_one_is_no_swap() {
        let verdict = contrasted("401", "403", "expired token");
        assert_eq!(verdict("Send 403 for an expired token."), Verdict::Contradicted);
        assert_eq!(verdict("I once sent 403 for an expired token."), Verdict::Missed);
    }

    #[test]
    fn a_denial_in_a_sentence_about_an_earlier_rival_does_not_contradict() {
        let verdict = contrasted("offset", "cursor", "jump to a page");
        assert_eq!(verdict("A cursor is stable. Downside: no jump to a page."), Verdict::Missed);
        // Said plainly, the guess is credited; denied of the point's own term, it contradicts.
        assert_eq!(verdict("Offset is simple. You can jump to a page."), Verdict::Covered);
        assert_eq!(verdict("With offset you cannot jump to a page."), Verdict::Contradicted);
    }

    #[test]
    fn another_contrasted_term_between_a_claims_words_starts_another_claim() {
        let contrast =
            ["public", "private"].map(|name| Contrast { name: name.into(), alternatives: vec![name.into()] });
        let claim = WrongClaim {
            alternatives: vec!["public for per-user".into()],
            label: "public and private the wrong way round".into(),
            correction: "Per-user data is private.".into(),
        };
        let rubric = Rubric::compile(&[Point::term("max-age")], &contrast, &[claim]);
        let wrong = |answer: &str| rubric.assess(answer).wrong.len();
        assert_eq!(wrong("Use public for per-user responses."), 1);
        assert_eq!(wrong("max-age for public data, private for per-user responses"), 0);
    }

    #[test]
    fn a_code_that_opens_a_clause_takes_no_words_from_the_clause_before() {
        let phrasing = "Location in the 204";
        assert_eq!(
            wrong_claims(phrasing, "201 created (with a Location header), 204 success with no body."),
            0
        );
        assert_eq!(wrong_claims(phrasing, "201 created, Location, 204 success."), 0);
        assert_eq!(wrong_claims(phrasing, "Put the Location in the 204 response."), 1);
        assert_eq!(wrong_claims(phrasing, "We send Location headers in a 204."), 1);
    }

    #[test]
    fn a_code_between_a_claims_words_starts_another_claim_unless_set_aside() {
        let phrasing = "307 is permanent";
        assert_eq!(wrong_claims(phrasing, "307 is temporary, 308 is permanent."), 0);
        assert_eq!(wrong_claims(phrasing, "307, unlike 302, is permanent."), 1);
        assert_eq!(wrong_claims(phrasing, "307, just like 308, is permanent."), 1);
    }

    #[test]
    fn a_question_asked_states_no_wrong_claim() {
        let phrasing = "large batches synchronously";
        assert_eq!(wrong_claims(phrasing, "Run large batches synchronously."), 1);
        assert_eq!(wrong_claims(phrasing, "Decide whether large batches run synchronously or as a job."), 0);
        // What is said of the question is still said.
        assert_eq!(
            wrong_claims(
                "client knows intermediary",
                "The client knows whether it talks to an intermediary."
            ),
            1
        );
    }

    #[test]
    fn a_claim_right_after_without_is_not_stated() {
        let phrasing = "require authentication on the preflight";
        assert_eq!(wrong_claims(phrasing, "Require authentication on the preflight."), 1);
        assert_eq!(wrong_claims(phrasing, "Answer it without requiring authentication on the preflight."), 0);
        // A claim's later word right after "without" is not stated either.
        assert_eq!(wrong_claims("GET changes the resource", "GET reads without changing the resource."), 0);
        assert_eq!(wrong_claims("GET changes the resource", "GET reads, changing the resource."), 1);
        // Unless the phrasing says "without" itself.
        assert_eq!(wrong_claims("resend a POST without worry", "You can resend a POST without worry."), 1);
        let phrasing = "give the app the password";
        assert_eq!(
            wrong_claims(phrasing, "Let it read contacts without the user giving the app their password."),
            0
        );
    }

    #[test]
    fn a_claim_does_not_join_the_items_of_a_list() {
        let phrasing = "uniform interface optional";
        assert_eq!(wrong_claims(phrasing, "The uniform interface is optional."), 1);
        assert_eq!(
            wrong_claims(phrasing, "Stateless, uniform interface, layered system, optional code on demand."),
            0
        );
        // An aside between, or a clause that goes back to the subject, keeps the claim whole.
        assert_eq!(wrong_claims(phrasing, "The uniform interface, on the other hand, is optional."), 1);
        assert_eq!(wrong_claims(phrasing, "The uniform interface, the third one, is optional."), 1);
        assert_eq!(wrong_claims(phrasing, "The uniform interface, a big topic, it's optional."), 1);
    }

    #[test]
    fn a_claim_of_one_clause_spreads_over_two_clauses_at_most() {
        let phrasing = "server creates the key";
        assert_eq!(wrong_claims(phrasing, "The server creates the key."), 1);
        assert_eq!(wrong_claims(phrasing, "Server side, before creating, it looks up that key."), 0);
    }

    #[test]
    fn the_term_after_unlike_states_no_wrong_claim() {
        assert_eq!(wrong_claims("POST is idempotent", "Unlike POST, PUT is idempotent."), 0);
        assert_eq!(wrong_claims("POST is idempotent", "POST is idempotent, unlike what people think."), 1);
        // Both terms joined by "and" after it are set aside.
        assert_eq!(
            wrong_claims("302 keeps the method", "Use 308: unlike 301 and 302 it keeps the method."),
            0
        );
        assert_eq!(wrong_claims("302 keeps the method", "Use 302: it keeps the method."), 1);
    }

    #[test]
    fn what_is_named_as_not_done_contradicts_nothing() {
        let answer = "wait a little rather than never retrying";
        assert_eq!(verdict("retrying", answer), Verdict::Missed);
        assert_eq!(verdict("retrying", "wait a little and never retry"), Verdict::Contradicted);
    }

    #[test]
    fn a_claim_inside_a_condition_after_its_clause_is_not_made() {
        let phrasing = "the client uses its own clock";
        assert_eq!(wrong_claims(phrasing, "rows get skipped if the client uses its own clock"), 0);
        assert_eq!(wrong_claims(phrasing, "the client uses its own clock for the watermark"), 1);
    }

    #[test]
    fn a_claim_about_the_wrong_thing_is_not_the_claim() {
        let phrasing = "events arrive in order";
        assert_eq!(wrong_claims(phrasing, "clients must cope with events arriving in the wrong order"), 0);
        assert_eq!(wrong_claims(phrasing, "events always arrive in order"), 1);
    }

    #[test]
    fn what_others_are_thinking_is_a_mistake_named() {
        let phrasing = "Accept describes the body";
        assert_eq!(wrong_claims(phrasing, "people send Accept on a POST thinking it describes the body"), 0);
        assert_eq!(wrong_claims(phrasing, "send Accept on a POST, it describes the body"), 1);
    }

    #[test]
    fn a_verdict_of_futility_on_a_condition_states_no_claim() {
        let phrasing = "a stolen token is useless";
        assert_eq!(wrong_claims(phrasing, "with DPoP a stolen token is useless without the private key"), 0);
        assert_eq!(wrong_claims(phrasing, "a stolen token is useless to an attacker"), 1);
    }

    #[test]
    fn what_no_longer_holds_is_not_claimed() {
        let phrasing = "request counts work";
        assert_eq!(wrong_claims(phrasing, "limiting by request count no longer works"), 0);
        assert_eq!(wrong_claims(phrasing, "limiting by request count still works"), 1);
        // A phrasing that says it with "no longer" matches only an answer that does.
        let phrasing = "the server can no longer change its URLs";
        assert_eq!(wrong_claims(phrasing, "the server can change its URLs freely"), 0);
    }

    #[test]
    fn a_claim_others_think_or_put_in_place_of_another_is_not_made() {
        assert_eq!(wrong_claims("enum values are safe", "ppl often think new enum values are safe."), 0);
        assert_eq!(wrong_claims("enum values are safe", "new enum values are safe."), 1);
        assert_eq!(wrong_claims("rely on login checks", "rely on CORS in place of login checks"), 0);
        assert_eq!(wrong_claims("rely on login checks", "rely on CORS with login checks"), 1);
    }

    #[test]
    fn a_word_that_names_a_key_is_not_the_claim() {
        assert_eq!(wrong_claims("POST is idempotent", "POST needs an idempotency key"), 0);
        assert_eq!(wrong_claims("POST is idempotent", "POST is idempotent"), 1);
        assert_eq!(wrong_claims("POST needs no idempotency key", "POST needs no idempotency key"), 1);
    }

    #[test]
    fn a_question_a_finding_or_a_claim_made_of_one_thing_alone_is_not_made() {
        let phrasing = "the browser calls the CRM";
        assert_eq!(wrong_claims(phrasing, "But should the browser call the CRM directly? No."), 0);
        assert_eq!(wrong_claims(phrasing, "The browser calls the CRM directly."), 1);
        // A "?" that opens a query string asks nothing.
        assert_eq!(
            wrong_claims(
                "the key goes in the query string",
                "The key goes in the query string, like ?api_key=abc."
            ),
            1
        );
        assert_eq!(
            wrong_claims(
                "servers ignore Content-Type",
                "A frequent finding is servers that ignore Content-Type."
            ),
            0
        );
        assert_eq!(
            wrong_claims(
                "PUT accepts a partial body",
                "In reviews I keep seeing PUT endpoints that accept a partial body."
            ),
            0
        );
        assert_eq!(
            wrong_claims("a stolen token is useless", "With DPoP a stolen token alone is useless."),
            0
        );
    }
}
