//! RCTab's regression cases (`shared/oracles/rctab`) as huaide elections: the config's
//! candidates, aliases, undeclared write-in label and rules, and the ballots of its CVR
//! sources read by huaide's readers. Shared by the golden tests of the count
//! (`golden_irv_rctab`) and of the detailed report (`golden_rctab_report`).

use huaide::formats::{
    read_cdf_json, read_cdf_xml, read_clear_ballot, read_dominion, read_hart, read_rctab_csv,
    NamedText, RctabCsvLayout,
};
use huaide::vote::{
    Ballot, Candidate, DuplicateRule, Election, IrvOptions, Method, OvervoteRule, Quota, Rank,
    StvOptions, StvRule, TieBreak,
};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const UWI: &str = "Undeclared Write-ins";

/// The oracle folder, or `None` (with a message) when it is absent.
pub fn oracles() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/oracles/rctab"
    ));
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIPPED: oracle data not found at {}", dir.display());
        None
    }
}

/// The names of the case folders, sorted.
pub fn case_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('_') && n != "unisyn_cvrs")
        .collect();
    names.sort();
    names
}

/// A config value as text (strings as they are, other values as JSON).
pub fn s(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The files of an export folder, sorted by name, as named texts.
fn folder(path: &Path) -> Result<Vec<NamedText>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))? {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        files.push(NamedText::new(
            name,
            std::fs::read_to_string(entry.path()).unwrap(),
        ));
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// A case as huaide counts it.
pub struct Case {
    pub election: Election,
    pub ballots: Vec<Ballot>,
    pub random_tiebreak: bool,
}

/// Builds the election and ballots of case `name` in `dir` from its config and CVRs.
pub fn build(dir: &Path, name: &str) -> Result<Case, String> {
    let config: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}_config.json"))).unwrap(),
    )
    .unwrap();
    let rules = &config["rules"];
    let mut alias: HashMap<String, String> = HashMap::new();
    let mut candidates = Vec::new();
    for candidate in config["candidates"].as_array().unwrap() {
        let cname = s(&candidate["name"]);
        alias.insert(cname.clone(), cname.clone());
        for a in candidate["aliases"].as_array().into_iter().flatten() {
            alias.insert(s(a), cname.clone());
        }
        candidates.push(cname);
    }
    let mut uwi = None;
    let mut ballots = Vec::new();
    let mut contest_max_rankings = None;
    for source in config["cvrFileSources"].as_array().unwrap() {
        let label = s(&source["undeclaredWriteInLabel"]);
        if !label.is_empty() {
            alias.insert(label, UWI.to_owned());
            uwi = Some(UWI.to_owned());
        }
        let path = dir.join(s(&source["filePath"]));
        let contest = s(&source["contestId"]);
        let provider = s(&source["provider"]);
        if provider == "dominion" || provider == "hart" {
            let files = folder(&path)?;
            let read = if provider == "dominion" {
                read_dominion(&files, &contest)
            } else {
                read_hart(&files, &contest)
            };
            let read = read.map_err(|e| e.to_string())?;
            contest_max_rankings = contest_max_rankings.or(read.max_rankings);
            ballots.extend(read.ballots);
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let read: Vec<Ballot> = match provider.as_str() {
            "cdf" if path.extension().is_some_and(|e| e == "json") => {
                read_cdf_json(&text, &contest)
                    .map_err(|e| e.to_string())?
                    .ballots
            }
            "cdf" => {
                read_cdf_xml(&text, &contest)
                    .map_err(|e| e.to_string())?
                    .ballots
            }
            "clearBallot" => {
                read_clear_ballot(&text, &contest)
                    .map_err(|e| e.to_string())?
                    .ballots
            }
            "genericCsv" => {
                let layout = RctabCsvLayout {
                    first_vote_column: s(&source["firstVoteColumnIndex"]).parse().unwrap(),
                    first_vote_row: s(&source["firstVoteRowIndex"]).parse().unwrap(),
                };
                read_rctab_csv(&text, layout).map_err(|e| e.to_string())?.1
            }
            other => return Err(format!("provider {other} not read here")),
        };
        ballots.extend(read);
    }
    if uwi.is_some() {
        candidates.push(UWI.to_owned());
    }
    // Map names and aliases to candidate ids.
    for ballot in &mut ballots {
        for rank in ballot.ranking.as_mut().unwrap() {
            let mapped: Vec<String> = rank
                .candidates()
                .iter()
                .map(|c| alias.get(c).cloned().unwrap_or_else(|| c.clone()))
                .collect();
            *rank = if mapped.len() == 1 {
                Rank::One(mapped[0].clone())
            } else {
                Rank::Several(mapped)
            };
        }
    }
    let int = |key: &str| -> Option<u32> { s(&rules[key]).parse().ok() };
    let declared = u32::try_from(config["candidates"].as_array().unwrap().len()).unwrap();
    let irv = IrvOptions {
        overvote: match s(&rules["overvoteRule"]).as_str() {
            "exhaustImmediately" => OvervoteRule::Exhaust,
            "alwaysSkipToNextRank" => OvervoteRule::SkipToNext,
            "exhaustIfMultipleContinuing" => OvervoteRule::ExhaustIfMultipleContinuing,
            other => return Err(format!("overvote rule {other}")),
        },
        max_skipped_ranks: int("maxSkippedRanksAllowed"),
        duplicate: if rules["exhaustOnDuplicateCandidate"] == Value::Bool(true) {
            DuplicateRule::Exhaust
        } else {
            DuplicateRule::Skip
        },
        // RCTab uses a Dominion contest's own NumOfRanks over the configured maximum.
        max_rankings: Some(
            contest_max_rankings.unwrap_or(int("maxRankingsAllowed").unwrap_or(declared)),
        ),
        undeclared_write_in: uwi,
        batch_elimination: rules["batchElimination"] == Value::Bool(true),
        continue_until_two: rules["continueUntilTwoCandidatesRemain"] == Value::Bool(true),
        minimum_vote_threshold: s(&rules["minimumVoteThreshold"]).parse().unwrap_or(0),
    };
    let mode = s(&rules["tiebreakMode"]);
    let tie_break = match mode.as_str() {
        "useCandidateOrder" => TieBreak {
            order: Some(candidates.clone()),
            ..TieBreak::default()
        },
        "stopCountingAndAsk" => TieBreak {
            stop: true,
            ..TieBreak::default()
        },
        "random" => TieBreak {
            rctab_random_seed: Some(
                s(&rules["randomSeed"])
                    .parse()
                    .map_err(|e| format!("randomSeed: {e}"))?,
            ),
            ..TieBreak::default()
        },
        other => return Err(format!("tiebreak mode {other}")),
    };
    let seats: u32 = s(&rules["numberOfWinners"])
        .parse()
        .map_err(|e| format!("numberOfWinners: {e}"))?;
    let candidates: Vec<Candidate> = candidates.into_iter().map(Candidate::Id).collect();
    let election = if seats == 1 {
        Election {
            id: name.to_owned(),
            method: Method::Irv,
            seats: 1,
            candidates,
            roll: None,
            max_choices: None,
            tie_break: Some(tie_break),
            pairwise: None,
            score_range: None,
            irv: Some(irv),
            stv: None,
        }
    } else {
        // RCTab's multi-winner count: the `stv` rule `rctab`, with the IRV ballot rules.
        let mode = s(&rules["winnerElectionMode"]);
        if mode != "multiWinnerAllowMultipleWinnersPerRound" {
            return Err(format!("winner election mode {mode}"));
        }
        Election {
            id: name.to_owned(),
            method: Method::Stv,
            seats,
            candidates,
            roll: None,
            max_choices: None,
            tie_break: Some(tie_break),
            pairwise: None,
            score_range: None,
            irv: Some(irv),
            stv: Some(StvOptions {
                rule: StvRule::Rctab,
                quota: if rules["hareQuota"] == Value::Bool(true) {
                    Quota::Hare
                } else {
                    Quota::Droop
                },
                decimals: int("decimalPlacesForVoteArithmetic"),
                fractional_threshold: rules["nonIntegerWinningThreshold"] == Value::Bool(true),
            }),
        }
    };
    Ok(Case {
        election,
        ballots,
        random_tiebreak: mode == "random",
    })
}
