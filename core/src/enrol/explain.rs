//! One decision explained in words, in English or Chinese (`enrolled`, `waitlisted` with its
//! place, the rule that made someone ineligible, …).
//!
//! Decisions stay codes on the wire, so an allocation of a million choices builds no
//! sentences; a caller explains the few it shows, from the [`Decision`] or from its wire
//! form read back with [`read_decision`].

use schemars::JsonSchema;
use serde::Deserialize;

use super::result::Decision;
use crate::error::{read_document, DocumentError};
use crate::i18n::{text, Lang};
use crate::plan::audience::RuleFailure;

/// A decision in its wire form (an item of an allocation's `decisions`), to be explained.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    /// The program chosen.
    pub program: String,
    /// The decision's code, e.g. `waitlisted`.
    pub code: String,
    /// Place on the waiting list, for `waitlisted`.
    #[serde(default)]
    pub position: Option<u32>,
    /// The audience rule that failed, for ineligibility.
    #[serde(default)]
    pub rule: Option<RuleFailure>,
    /// The group member who made the group ineligible.
    #[serde(default)]
    pub member: Option<String>,
}

/// Reads a decision's wire form from any serde source (JSON, a Python dict, a JS object).
pub fn read_decision<'de, D: serde::Deserializer<'de>>(
    source: D,
) -> Result<DecisionInput, DocumentError> {
    read_document(source, "decision")
}

/// The decision on one choice in a sentence, in `lang`: `陶艺：进入候补名单，候补第 2 位。`
pub fn explain_decision(decision: &Decision, lang: Lang) -> String {
    explain(
        lang,
        &decision.program,
        decision.code,
        decision.position,
        decision.member.as_deref(),
    )
}

impl DecisionInput {
    /// The decision in a sentence, in `lang` (see [`explain_decision`]).
    pub fn explain(&self, lang: Lang) -> String {
        explain(
            lang,
            &self.program,
            &self.code,
            self.position,
            self.member.as_deref(),
        )
    }
}

fn explain(
    lang: Lang,
    program: &str,
    code: &str,
    position: Option<u32>,
    member: Option<&str>,
) -> String {
    let key = match code {
        "enrolled" => "decision.enrolled",
        "waitlisted" => "decision.waitlisted",
        "limit_reached" => "decision.limit_reached",
        "timetable_conflict" => "decision.timetable_conflict",
        "household_limit" => "decision.household_limit",
        "program_cancelled" => "decision.program_cancelled",
        "program_not_opened" => "decision.program_not_opened",
        "ineligible_age" => "decision.ineligible_age",
        "missing_birth_date" => "decision.missing_birth_date",
        "ineligible_residency" => "decision.ineligible_residency",
        "ineligible_tag" => "decision.ineligible_tag",
        "ineligible_household" => "decision.ineligible_household",
        "ineligible" => "decision.ineligible",
        "missing_prerequisite" => "decision.missing_prerequisite",
        _ => "decision.unknown",
    };
    let place = position.map_or_else(|| "?".to_owned(), |p| p.to_string());
    let sentence = text(
        lang,
        key,
        &[("program", &program), ("position", &place), ("code", &code)],
    );
    match member {
        Some(member) => text(
            lang,
            "decision.because_of_member",
            &[("decision", &sentence), ("member", &member)],
        ),
        None => sentence,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn input(code: &str) -> DecisionInput {
        DecisionInput {
            program: "pottery".to_owned(),
            code: code.to_owned(),
            position: Some(3),
            rule: None,
            member: None,
        }
    }

    #[test]
    fn every_decision_code_has_its_own_sentence_in_both_languages() {
        let codes = [
            "enrolled",
            "waitlisted",
            "limit_reached",
            "timetable_conflict",
            "household_limit",
            "program_cancelled",
            "program_not_opened",
            "ineligible_age",
            "missing_birth_date",
            "ineligible_residency",
            "ineligible_tag",
            "ineligible_household",
            "ineligible",
            "missing_prerequisite",
        ];
        for lang in [Lang::En, Lang::Zh] {
            let unknown = input("no_such_code").explain(lang);
            let mut seen = std::collections::BTreeSet::new();
            for code in codes {
                let sentence = input(code).explain(lang);
                assert!(sentence.starts_with("pottery"), "{sentence}");
                assert!(!sentence.contains('{'), "{sentence}");
                assert_ne!(sentence, unknown, "{code} has no sentence of its own");
                assert!(seen.insert(sentence), "{code} shares its sentence");
            }
        }
        assert_eq!(
            input("waitlisted").explain(Lang::Zh),
            "pottery：进入候补名单，候补第 3 位。"
        );
        assert_eq!(input("odd").explain(Lang::En), "pottery: odd.");
    }

    #[test]
    fn a_group_member_is_named() {
        let mut decision = input("ineligible_age");
        decision.member = Some("r7".to_owned());
        assert_eq!(
            decision.explain(Lang::Zh),
            "pottery：年龄不符合报名条件。原因在同组成员 r7。"
        );
    }

    #[test]
    fn the_wire_form_reads_back() {
        let value = serde_json::json!({"program": "chorus", "code": "waitlisted", "position": 1});
        let decision = read_decision(&value).unwrap();
        assert_eq!(
            decision.explain(Lang::En),
            "chorus: on the waiting list, place 1."
        );
        assert!(read_decision(serde_json::json!({"program": "x"})).is_err());
    }
}
