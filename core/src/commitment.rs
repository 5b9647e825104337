//! Committed seeds and public randomness: draws that no single person controls.
//!
//! A draw ([`crate::draw`]) is only as fair as its seed. To show that the seed was fixed
//! before anyone could know the outcome, the organiser publishes its **commitment** before
//! applications (or a vote) close, and reveals the seed after; to show that the organiser
//! could not choose the outcome either, an optional **public value**, unknown when the seed
//! was committed (the numbers of a published lottery draw on a named date, a newspaper's
//! headline, any string agreed in advance), is mixed into the seed. The organiser cannot
//! steer the draw, because the public value is unknown when the seed is committed; whoever
//! publishes the public value cannot, because the seed is secret until then.
//!
//! The rules are fixed, so that anyone can check them with any SHA-256 tool. Strings are
//! taken as their UTF-8 bytes, exactly as given (no trimming, no Unicode normalisation);
//! digests are written as 64 lowercase hexadecimal digits; `‖` is concatenation and `\n`
//! the byte 0x0A.
//!
//! 1. **Commitment.** `commitment = hex(SHA-256("huaide-seed-commitment-v1\n" ‖ seed))`.
//!    In a shell: `printf 'huaide-seed-commitment-v1\n%s' "$SEED" | sha256sum`.
//!    For the seed `huaideyuan 2006` it is
//!    `4eb14cb5c27f4d314ef7c980131759b667381440c2a18331d6df166ad7a1b3aa`; mixed with the
//!    public value `2006-09-28 3D: 5 8 1` (rule 2), the effective seed is
//!    `89842dffa10ec7cb891ccfcd08e0e0c7cba8586828bf48cf9fe92bedbceb70cd` (see the tests).
//! 2. **Mixing** (rule `huaide-seed-mix-v1`): the seed the draw uses is
//!    `effective = hex(SHA-256("huaide-seed-mix-v1\n" ‖ hex(SHA-256(seed)) ‖ "\n" ‖
//!    public_value))`, a string of 64 hex digits, which then keys the draw as any seed does
//!    (SHA-256 of its 64 ASCII bytes). The seed enters as its own digest, 64 hex digits
//!    without a newline, so no two pairs (seed, public value) give the same bytes. In a shell:
//!    `printf 'huaide-seed-mix-v1\n%s\n%s' "$(printf %s "$SEED" | sha256sum | cut -c1-64)"
//!    "$PUBLIC" | sha256sum`. Without a public value the effective seed is the seed itself.
//!
//! A commitment given to a count or an allocation must match the seed (compared without
//! regard to the case of its hex digits), otherwise the call fails with `seed_mismatch`
//! and nothing is drawn; a commitment that is not 64 hex digits is `invalid_commitment`.
//! The result records the seed, the commitment, the public value, the rule and the
//! effective seed ([`DrawSeed`]).
//!
//! A commitment only hides a seed that cannot be guessed: use a random one (e.g.
//! `openssl rand -hex 16`, or Python's `secrets.token_hex(16)`), not a date or a name.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{ErrorFamily, Fault, FieldPath};

/// The domain-separation prefix of a commitment (see the module documentation).
pub const COMMITMENT_TAG: &str = "huaide-seed-commitment-v1\n";
/// The name of the mixing rule, as results record it.
pub const MIX_RULE: &str = "huaide-seed-mix-v1";
/// The domain-separation prefix of the mixing rule.
pub const MIX_TAG: &str = "huaide-seed-mix-v1\n";

/// Lowercase hex of the SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push(hex_digit(byte >> 4));
        out.push(hex_digit(byte & 0x0f));
    }
    out
}

/// The lowercase hex digit of `nibble` (below 16).
fn hex_digit(nibble: u8) -> char {
    char::from_digit(u32::from(nibble), 16).unwrap_or('0')
}

/// The commitment of `seed`: `hex(SHA-256("huaide-seed-commitment-v1\n" ‖ seed))`.
pub fn seed_commitment(seed: &str) -> String {
    sha256_hex(format!("{COMMITMENT_TAG}{seed}").as_bytes())
}

/// The effective seed of `seed` mixed with `public_value` by rule `huaide-seed-mix-v1`:
/// `hex(SHA-256("huaide-seed-mix-v1\n" ‖ hex(SHA-256(seed)) ‖ "\n" ‖ public_value))`.
pub fn mix_seed(seed: &str, public_value: &str) -> String {
    let inner = sha256_hex(seed.as_bytes());
    sha256_hex(format!("{MIX_TAG}{inner}\n{public_value}").as_bytes())
}

/// The seed of a draw as it was published and used: recorded in a result whenever a
/// commitment or a public value was given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrawSeed {
    /// The seed, as revealed.
    pub seed: String,
    /// The commitment published before the close (lowercase hex), when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
    /// The public value mixed into the seed, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_value: Option<String>,
    /// The mixing rule (`huaide-seed-mix-v1`), when a public value was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The seed the draw used: the mixed seed with a public value, else the seed.
    pub effective_seed: String,
}

/// Why a seed cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeedError {
    /// The seed does not match the published commitment (or no seed was given for it).
    #[error("{path}: the seed does not match the commitment {commitment}")]
    SeedMismatch {
        /// The seed's field.
        path: String,
        /// The commitment it was checked against.
        commitment: String,
    },
    /// The commitment is not 64 hexadecimal digits.
    #[error("{path}: a commitment is 64 hexadecimal digits")]
    InvalidCommitment {
        /// The commitment's field.
        path: String,
    },
    /// A public value (or a commitment) was given without a seed to go with it.
    #[error("{path}: a public value is mixed into a seed, and none was given")]
    MissingSeed {
        /// The seed's field.
        path: String,
    },
}

impl Fault for SeedError {
    fn code(&self) -> &'static str {
        match self {
            SeedError::SeedMismatch { .. } => "seed_mismatch",
            SeedError::InvalidCommitment { .. } => "invalid_commitment",
            SeedError::MissingSeed { .. } => "missing_seed",
        }
    }
    fn path(&self) -> Option<&str> {
        match self {
            SeedError::SeedMismatch { path, .. }
            | SeedError::InvalidCommitment { path }
            | SeedError::MissingSeed { path } => Some(path),
        }
    }
    fn family(&self) -> ErrorFamily {
        ErrorFamily::Tally
    }
}

/// Whether `text` is a well-formed commitment: 64 hex digits, either case.
pub fn is_commitment(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Checks a seed against its commitment and mixes in the public value. `parent` is the path
/// of the document holding the fields `seed`, `commitment` and `public_value`.
///
/// Returns the record to put in the result (`None` when neither a commitment nor a public
/// value was given: the seed is then used as it is, and results stay as they were).
pub fn settle(
    seed: Option<&str>,
    commitment: Option<&str>,
    public_value: Option<&str>,
    parent: &FieldPath,
) -> Result<Option<DrawSeed>, SeedError> {
    if commitment.is_none() && public_value.is_none() {
        return Ok(None);
    }
    let seed_path = || String::from(parent.field("seed"));
    let commitment = match commitment {
        None => None,
        Some(c) if !is_commitment(c) => {
            return Err(SeedError::InvalidCommitment {
                path: parent.field("commitment").into(),
            })
        }
        Some(c) => Some(c.to_ascii_lowercase()),
    };
    let Some(seed) = seed else {
        return Err(match commitment {
            Some(commitment) => SeedError::SeedMismatch {
                path: seed_path(),
                commitment,
            },
            None => SeedError::MissingSeed { path: seed_path() },
        });
    };
    if let Some(c) = &commitment {
        if *c != seed_commitment(seed) {
            return Err(SeedError::SeedMismatch {
                path: seed_path(),
                commitment: c.clone(),
            });
        }
    }
    Ok(Some(DrawSeed {
        seed: seed.to_owned(),
        commitment,
        public_value: public_value.map(str::to_owned),
        rule: public_value.map(|_| MIX_RULE.to_owned()),
        effective_seed: match public_value {
            Some(public) => mix_seed(seed, public),
            None => seed.to_owned(),
        },
    }))
}

/// The seed a draw uses: the mixed seed when a public value is given, else the seed.
pub fn effective_seed(seed: &str, public_value: Option<&str>) -> String {
    match public_value {
        Some(public) => mix_seed(seed, public),
        None => seed.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn commitment_is_the_tagged_digest() {
        // printf 'huaide-seed-commitment-v1\n%s' 'huaideyuan 2006' | sha256sum
        assert_eq!(
            seed_commitment("huaideyuan 2006"),
            "4eb14cb5c27f4d314ef7c980131759b667381440c2a18331d6df166ad7a1b3aa"
        );
        // S='huaideyuan 2006'; P='2006-09-28 3D: 5 8 1'
        // printf 'huaide-seed-mix-v1\n%s\n%s' "$(printf %s "$S" | sha256sum | cut -c1-64)" "$P"
        assert_eq!(
            mix_seed("huaideyuan 2006", "2006-09-28 3D: 5 8 1"),
            "89842dffa10ec7cb891ccfcd08e0e0c7cba8586828bf48cf9fe92bedbceb70cd"
        );
    }

    #[test]
    fn empty_input_digest_is_sha256_of_nothing() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn mixing_separates_seed_and_public_value() {
        assert_ne!(mix_seed("a\nb", "c"), mix_seed("a", "b\nc"));
        assert_ne!(mix_seed("s", "1"), mix_seed("s", "2"));
        assert_eq!(mix_seed("s", "1").len(), 64);
    }

    #[test]
    fn settle_checks_and_records() {
        let root = FieldPath::root("options");
        assert_eq!(settle(Some("s"), None, None, &root), Ok(None));
        let c = seed_commitment("s").to_ascii_uppercase();
        let record = settle(Some("s"), Some(&c), Some("7 1 3"), &root)
            .unwrap()
            .unwrap();
        assert_eq!(record.commitment, Some(seed_commitment("s")));
        assert_eq!(record.effective_seed, mix_seed("s", "7 1 3"));
        let err = settle(Some("t"), Some(&c), None, &root).unwrap_err();
        assert_eq!(err.code(), "seed_mismatch");
        assert_eq!(err.path(), Some("options.seed"));
        let err = settle(Some("s"), Some("abc"), None, &root).unwrap_err();
        assert_eq!(err.code(), "invalid_commitment");
        let err = settle(None, None, Some("x"), &root).unwrap_err();
        assert_eq!(err.code(), "missing_seed");
    }
}
