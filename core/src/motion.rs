//! Council motions: quorum, thresholds and a plain-language explanation.
//!
//! The residents' council deliberates and decides (议行分设). A motion passes when the quorum
//! is met and the yes votes reach the threshold's required number. All arithmetic is on
//! integers: a fraction `n/d` of a base `b` is compared as `yes·d ≥ n·b` (or `>`), never in
//! floating point.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{read_document, DocumentError, ErrorFamily, Fault};
use crate::i18n::{text, Lang};

/// A proper fraction `[numerator, denominator]`, e.g. `[2, 3]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Fraction(pub u64, pub u64);

/// An amount of members: a fixed number or a fraction of all members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    /// A fixed number of members.
    Count(u64),
    /// A fraction of all members.
    Fraction(Fraction),
}

/// How many members must be present for the vote to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quorum {
    /// No quorum rule.
    None,
    /// At least this many present, e.g. `{"present_at_least": {"fraction": [1, 2]}}`.
    PresentAtLeast(Amount),
    /// More than this many present, e.g. `{"present_more_than": {"fraction": [1, 2]}}`.
    PresentMoreThan(Amount),
}

/// What a base of a general threshold is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// Votes cast.
    Cast,
    /// Members present.
    Present,
    /// All members.
    Members,
}

/// A general threshold: a fraction of a base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// The fraction.
    pub fraction: Fraction,
    /// What it is a fraction of.
    pub of: Base,
}

/// How many yes votes a motion needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// More than half of the votes cast.
    Simple,
    /// More than half of all members.
    Absolute,
    /// At least two thirds of the votes cast (`3·yes ≥ 2·cast`), and at least one yes.
    TwoThirds,
    /// Every vote cast is yes, and at least one yes.
    Unanimous,
    /// At least a fraction of a base, e.g. `{"at_least": {"fraction": [3, 5], "of": "present"}}`.
    AtLeast(Share),
    /// More than a fraction of a base.
    MoreThan(Share),
}

/// A motion put to the council, with its vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    /// Members of the council.
    pub members: u64,
    /// Members present.
    pub present: u64,
    /// Yes votes.
    pub yes: u64,
    /// No votes.
    pub no: u64,
    /// Abstentions.
    #[serde(default)]
    pub abstain: u64,
    /// Quorum rule.
    pub quorum: Quorum,
    /// Threshold rule.
    pub threshold: Threshold,
    /// Whether abstentions count as votes cast (default: not counted).
    #[serde(default)]
    pub abstentions_count_as_cast: bool,
}

/// The decision on a motion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MotionResult {
    /// True when the quorum is met and `yes ≥ required`.
    pub passed: bool,
    /// Whether enough members were present.
    pub quorum_met: bool,
    /// Members that had to be present.
    pub quorum_required: u64,
    /// Votes cast, as the threshold counts them.
    pub cast: u64,
    /// Yes votes needed to pass.
    pub required: u64,
    /// Plain-language account of the decision, naming the abstention rule applied.
    pub explanation: String,
}

/// Why a motion cannot be decided.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MotionError {
    /// The document does not have the expected shape.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// The council has no members.
    #[error("members: the council has no members")]
    NoMembers,
    /// More members present than there are.
    #[error("present: {present} present but only {members} members")]
    PresentExceedsMembers {
        /// Members present.
        present: u64,
        /// Members.
        members: u64,
    },
    /// More votes than members present.
    #[error("yes: {votes} votes but only {present} present")]
    VotesExceedPresent {
        /// Votes including abstentions.
        votes: u64,
        /// Members present.
        present: u64,
    },
    /// A fraction with denominator 0 or above 1.
    #[error("{path}: {numerator}/{denominator} is not a fraction between 0 and 1")]
    InvalidFraction {
        /// Offending field.
        path: &'static str,
        /// Numerator.
        numerator: u64,
        /// Denominator.
        denominator: u64,
    },
}

impl Fault for MotionError {
    fn code(&self) -> &'static str {
        match self {
            MotionError::Document(err) => err.code(),
            MotionError::NoMembers => "no_members",
            MotionError::PresentExceedsMembers { .. } => "present_exceeds_members",
            MotionError::VotesExceedPresent { .. } => "votes_exceed_present",
            MotionError::InvalidFraction { .. } => "invalid_fraction",
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            MotionError::Document(err) => Some(&err.path),
            MotionError::NoMembers => Some("members"),
            MotionError::PresentExceedsMembers { .. } => Some("present"),
            MotionError::VotesExceedPresent { .. } => Some("yes"),
            MotionError::InvalidFraction { path, .. } => Some(path),
        }
    }

    fn family(&self) -> ErrorFamily {
        match self {
            MotionError::Document(_) => ErrorFamily::Document,
            _ => ErrorFamily::Motion,
        }
    }
}

/// Reads a motion from any serde source (JSON, a Python dict, a JS object).
pub fn read_motion<'de, D: serde::Deserializer<'de>>(source: D) -> Result<Motion, MotionError> {
    Ok(read_document(source, "")?)
}

/// The smallest whole number `x` with `x·d ≥ n·base` (strict: `x·d > n·base`).
fn fraction_of(fraction: Fraction, base: u64, strict: bool) -> u64 {
    let Fraction(n, d) = fraction;
    let product = u128::from(n).saturating_mul(u128::from(base)); // < 2^128: exact
    let d = u128::from(d.max(1));
    let needed = if strict {
        product.checked_div(d).unwrap_or(0).saturating_add(1)
    } else {
        product.div_ceil(d)
    };
    u64::try_from(needed).unwrap_or(u64::MAX)
}

fn check_fraction(fraction: Fraction, path: &'static str) -> Result<(), MotionError> {
    let Fraction(numerator, denominator) = fraction;
    if denominator == 0 || numerator > denominator {
        return Err(MotionError::InvalidFraction {
            path,
            numerator,
            denominator,
        });
    }
    Ok(())
}

/// The quorum rule in words (`at least 1/2 of the members`).
fn describe_quorum(lang: Lang, amount: Amount, strict: bool) -> String {
    match amount {
        Amount::Count(count) => {
            let code = if strict {
                "motion.quorum.more_than_count"
            } else {
                "motion.quorum.at_least_count"
            };
            text(lang, code, &[("count", &count)])
        }
        Amount::Fraction(Fraction(numerator, denominator)) => {
            let code = if strict {
                "motion.quorum.more_than_fraction"
            } else {
                "motion.quorum.at_least_fraction"
            };
            text(
                lang,
                code,
                &[("numerator", &numerator), ("denominator", &denominator)],
            )
        }
    }
}

/// The yes votes required, and the threshold rule in words.
fn threshold_required(
    motion: &Motion,
    cast: u64,
    lang: Lang,
) -> Result<(u64, String), MotionError> {
    let members = motion.members;
    Ok(match motion.threshold {
        Threshold::Simple => (
            (cast / 2).saturating_add(1),
            text(lang, "motion.threshold.simple", &[("cast", &cast)]),
        ),
        Threshold::Absolute => (
            (members / 2).saturating_add(1),
            text(lang, "motion.threshold.absolute", &[("members", &members)]),
        ),
        Threshold::TwoThirds => (
            fraction_of(Fraction(2, 3), cast, false).max(1),
            text(lang, "motion.threshold.two_thirds", &[("cast", &cast)]),
        ),
        Threshold::Unanimous => (
            cast.max(1),
            text(lang, "motion.threshold.unanimous", &[("cast", &cast)]),
        ),
        Threshold::AtLeast(share) | Threshold::MoreThan(share) => {
            check_fraction(share.fraction, "threshold")?;
            let strict = matches!(motion.threshold, Threshold::MoreThan(_));
            let (base, code) = match (share.of, strict) {
                (Base::Cast, false) => (cast, "motion.threshold.at_least_cast"),
                (Base::Cast, true) => (cast, "motion.threshold.more_than_cast"),
                (Base::Present, false) => (motion.present, "motion.threshold.at_least_present"),
                (Base::Present, true) => (motion.present, "motion.threshold.more_than_present"),
                (Base::Members, false) => (members, "motion.threshold.at_least_members"),
                (Base::Members, true) => (members, "motion.threshold.more_than_members"),
            };
            let Fraction(numerator, denominator) = share.fraction;
            (
                fraction_of(share.fraction, base, strict).max(1),
                text(
                    lang,
                    code,
                    &[
                        ("numerator", &numerator),
                        ("denominator", &denominator),
                        ("base", &base),
                    ],
                ),
            )
        }
    })
}

/// Decides a motion, explained in English.
pub fn tally_motion(motion: &Motion) -> Result<MotionResult, MotionError> {
    tally_motion_in(motion, Lang::En)
}

/// Decides a motion, explained in `lang`.
pub fn tally_motion_in(motion: &Motion, lang: Lang) -> Result<MotionResult, MotionError> {
    if motion.members == 0 {
        return Err(MotionError::NoMembers);
    }
    if motion.present > motion.members {
        return Err(MotionError::PresentExceedsMembers {
            present: motion.present,
            members: motion.members,
        });
    }
    let votes = u128::from(motion.yes)
        .saturating_add(u128::from(motion.no))
        .saturating_add(u128::from(motion.abstain)); // < 2^66: exact
    if votes > u128::from(motion.present) {
        return Err(MotionError::VotesExceedPresent {
            votes: u64::try_from(votes).unwrap_or(u64::MAX),
            present: motion.present,
        });
    }
    // Every sum below is at most `present`, so it cannot overflow.
    let cast = if motion.abstentions_count_as_cast {
        motion
            .yes
            .saturating_add(motion.no)
            .saturating_add(motion.abstain)
    } else {
        motion.yes.saturating_add(motion.no)
    };

    let (quorum_required, quorum_rule) = match motion.quorum {
        Quorum::None => (0, text(lang, "motion.quorum.none", &[])),
        Quorum::PresentAtLeast(amount) | Quorum::PresentMoreThan(amount) => {
            let strict = matches!(motion.quorum, Quorum::PresentMoreThan(_));
            let required = match amount {
                Amount::Count(n) if strict => n.saturating_add(1),
                Amount::Count(n) => n,
                Amount::Fraction(fraction) => {
                    check_fraction(fraction, "quorum")?;
                    fraction_of(fraction, motion.members, strict)
                }
            };
            (required, describe_quorum(lang, amount, strict))
        }
    };
    let quorum_met = motion.present >= quorum_required;
    let (required, threshold_rule) = threshold_required(motion, cast, lang)?;
    let passed = quorum_met && motion.yes >= required;
    let explanation = explain(
        motion,
        lang,
        (quorum_required, quorum_met, &quorum_rule),
        (required, &threshold_rule),
    );
    Ok(MotionResult {
        passed,
        quorum_met,
        quorum_required,
        cast,
        required,
        explanation,
    })
}

/// The explanation: the quorum, the votes, the threshold and the verdict, one sentence each.
fn explain(
    motion: &Motion,
    lang: Lang,
    (quorum_required, quorum_met, quorum_rule): (u64, bool, &str),
    (required, threshold_rule): (u64, &str),
) -> String {
    let quorum = text(
        lang,
        if quorum_met {
            "motion.quorum.met"
        } else {
            "motion.quorum.not_met"
        },
        &[
            ("rule", &quorum_rule),
            ("required", &quorum_required),
            ("members", &motion.members),
            ("present", &motion.present),
        ],
    );
    let abstentions = text(
        lang,
        if motion.abstentions_count_as_cast {
            "motion.abstentions.cast"
        } else {
            "motion.abstentions.not_cast"
        },
        &[],
    );
    let votes = text(
        lang,
        "motion.votes",
        &[
            ("yes", &motion.yes),
            ("no", &motion.no),
            ("abstain", &motion.abstain),
            ("rule", &abstentions),
        ],
    );
    let threshold = text(
        lang,
        "motion.threshold",
        &[("rule", &threshold_rule), ("required", &required)],
    );
    let verdict_code = if !quorum_met {
        "motion.verdict.no_quorum"
    } else if motion.yes >= required {
        "motion.verdict.passes"
    } else {
        "motion.verdict.fails"
    };
    let verdict = text(
        lang,
        verdict_code,
        &[("yes", &motion.yes), ("required", &required)],
    );
    text(
        lang,
        "motion.explanation",
        &[
            ("quorum", &quorum),
            ("votes", &votes),
            ("threshold", &threshold),
            ("verdict", &verdict),
        ],
    )
}
