//! The art exhibition's visitor vote, built from the plan.
//!
//! `main.rs` declares `mod exhibition;` and calls [`print_exhibition_report`]. The plan's
//! `art_exhibition` program gives the categories, the entry limit (3 works per person) and the
//! submission deadline (10 September); `exhibition.json` lists the works residents entered and
//! the counting options. The visitors recorded at the exhibition (the roll) and their ballots
//! are made up, deterministically: every number comes from [`Draw`] on a fixed seed.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;

use huaide::draw::Draw;
use huaide::exhibition::{
    exhibition_elections, tally_exhibition, CategoryBallots, CategoryElection, Entry,
    ExhibitionOptions,
};
use huaide::plan::Plan;
use huaide::vote::{Ballot, Method, Rank, TallyResult, TieResolution};
use serde::Deserialize;

/// The seed plan, as committed next to this file.
const PLAN: &str = include_str!("plan.toml");

/// Seed of the made-up visits and ballots.
const VISIT_SEED: &str = "huaideyuan-2006/synthetic-exhibition-visits";

/// Residents `r001` … `r060` may come to the exhibition.
const RESIDENTS: u64 = 60;

/// The entries and counting options of `exhibition.json`.
#[derive(Deserialize)]
struct ExhibitionData {
    options: ExhibitionOptions,
    entries: Vec<Entry>,
}

/// Builds the exhibition's elections from the plan, counts the visitors' ballots in every
/// category and prints the results.
pub fn print_exhibition_report() -> Result<(), Box<dyn Error>> {
    let plan = Plan::from_toml(PLAN)?;
    let data: ExhibitionData = serde_json::from_str(include_str!("exhibition.json"))?;
    let mut draw = Draw::from_seed(VISIT_SEED);
    let visits = visits(&mut draw);
    let built = exhibition_elections(
        &plan,
        "art_exhibition",
        &data.entries,
        Some(&visits),
        &data.options,
    )?;

    println!(
        "\n== {} ==",
        crate::lang::t(
            "Art exhibition before National Day: the visitors' vote",
            "国庆前社区艺术品展览：观众投票评选"
        )
    );
    let program = plan.programs.iter().find(|p| p.id == "art_exhibition");
    if let Some(rules) = program.and_then(|p| p.exhibition.as_ref()) {
        let deadline = rules
            .submission_deadline
            .map_or("none".to_owned(), |d| d.to_string());
        println!(
            "The plan's rules: {} categories, at most {} works per person, works due by {deadline}.",
            rules.categories.len(),
            rules.max_entries_per_person,
        );
    }
    let accepted: usize = built.elections.iter().map(|e| e.entries.len()).sum();
    println!(
        "{} works entered, {accepted} stand as candidates; refused or adapted:",
        data.entries.len()
    );
    for finding in &built.findings {
        if crate::lang::lang() == huaide::i18n::Lang::Zh {
            println!(
                "  {}：{}",
                finding.path,
                finding.explain(crate::lang::lang())
            );
            continue;
        }
        println!(
            "  {} {}{}: {}",
            finding.path,
            finding.entry.as_deref().unwrap_or(""),
            finding
                .person
                .as_deref()
                .map_or(String::new(), |p| format!(" by {p}")),
            finding.code.as_str()
        );
    }
    let roll = built.roll.as_deref().unwrap_or_default();
    println!(
        "Roll: {} residents recorded as visiting ({} visits); each may vote once per category.",
        roll.len(),
        visits.len()
    );

    println!(
        "Each category below is one election among the works accepted in it; ★ marks the \
         chosen works, (rNNN) the resident who made them."
    );

    let ballots = ballots(&mut draw, &built.elections, roll);
    let result = tally_exhibition(&built, &ballots)?;
    for (category, counted) in built.elections.iter().zip(&result.categories) {
        print_category(category, &counted.result);
    }
    println!(
        "\n{} of the {} visitors on the roll voted in at least one category.",
        result.voters,
        roll.len()
    );
    Ok(())
}

/// The visits recorded at the door: most residents come, some twice (the roll counts them once).
fn visits(draw: &mut Draw) -> Vec<String> {
    let mut visits = Vec::new();
    for n in 1..=RESIDENTS {
        match draw.below(10) {
            0..=1 => {}
            2 => visits.extend([format!("r{n:03}"), format!("r{n:03}")]),
            _ => visits.push(format!("r{n:03}")),
        }
    }
    visits
}

/// A work picked with likelihood proportional to its appeal, among those not yet picked.
fn pick(draw: &mut Draw, appeal: &[(String, u64)], taken: &BTreeSet<String>) -> Option<String> {
    let open: Vec<&(String, u64)> = appeal
        .iter()
        .filter(|(id, _)| !taken.contains(id))
        .collect();
    let total: u64 = open.iter().map(|(_, w)| w).sum();
    let mut ticket = draw.below(total);
    for (id, weight) in open {
        if ticket < *weight {
            return Some(id.clone());
        }
        ticket -= weight;
    }
    None
}

/// The visitors' ballots, per category, plus three that break the rules.
fn ballots(draw: &mut Draw, elections: &[CategoryElection], roll: &[String]) -> CategoryBallots {
    let mut out: CategoryBallots = BTreeMap::new();
    for item in elections {
        let appeal: Vec<(String, u64)> = item
            .entries
            .iter()
            .map(|e| (e.id.clone(), 1 + draw.below(6)))
            .collect();
        let election = &item.election;
        let marks = match election.method {
            Method::Plurality => 1,
            _ => election.max_choices.unwrap_or(2),
        };
        let cast = out.entry(item.category.clone()).or_default();
        for voter in roll {
            if draw.below(10) == 0 {
                continue; // did not vote in this category
            }
            let mut taken = BTreeSet::new();
            for _ in 0..1 + draw.below(u64::from(marks)) {
                if let Some(id) = pick(draw, &appeal, &taken) {
                    taken.insert(id);
                }
            }
            let mut ballot = Ballot {
                voter: Some(voter.clone()),
                ..Ballot::default()
            };
            if election.method == Method::Plurality {
                ballot.ranking = Some(taken.into_iter().map(Rank::One).collect());
            } else {
                ballot.approve = Some(taken.into_iter().collect());
            }
            cast.push(ballot);
        }
    }
    // A resident who was not recorded as visiting, a second ballot by the same visitor in one
    // category, and a vote for a work the rules refused.
    let plurality = |voter: &str, id: &str| Ballot {
        voter: Some(voter.to_owned()),
        ranking: Some(vec![Rank::One(id.to_owned())]),
        ..Ballot::default()
    };
    let absent = (1..=RESIDENTS)
        .map(|n| format!("r{n:03}"))
        .find(|r| !roll.contains(r));
    if let (Some(absent), Some(photos)) = (absent, out.get_mut("photography")) {
        let voted: BTreeSet<String> = photos.iter().filter_map(|b| b.voter.clone()).collect();
        photos.push(plurality(&absent, "ph-01"));
        if let Some(fresh) = roll.iter().find(|r| !voted.contains(*r)) {
            photos.push(plurality(fresh, "ph-04"));
        }
    }
    if let (Some(again), Some(velvet)) = (roll.get(5), out.get_mut("velvet_paste")) {
        velvet.push(Ballot {
            voter: Some(again.clone()),
            approve: Some(vec!["vp-04".to_owned()]),
            ..Ballot::default()
        });
    }
    out
}

fn print_category(category: &CategoryElection, result: &TallyResult) {
    let name_of = |id: &str| {
        category
            .entries
            .iter()
            .find(|e| e.id == id)
            .map_or(id.to_owned(), |e| format!("{} ({})", e.title, e.person))
    };
    let limit = category
        .election
        .max_choices
        .map_or(String::new(), |n| format!(", up to {n} marks a ballot"));
    println!(
        "\n-- {} {} ({}, {} to be chosen{limit}) --",
        category.title,
        category.category,
        result.method.as_str(),
        result.seats
    );
    let mut place = 1;
    for tier in &result.ranking {
        for id in tier {
            let votes = result.counts.get(id).copied().unwrap_or(0);
            let mark = if result.winners.contains(id) {
                "★"
            } else {
                " "
            };
            println!("  {mark} {place}. {votes:>3} votes  {}", name_of(id));
        }
        place += tier.len();
    }
    let b = result.ballots;
    println!(
        "  ballots: {} cast = {} counted + {} rejected",
        b.cast, b.valid, b.rejected
    );
    for rejection in &result.rejected {
        println!(
            "    rejected ballot #{} ({}): {}",
            rejection.index,
            rejection.voter.as_deref().unwrap_or("anonymous"),
            rejection.code.as_str()
        );
    }
    for tie in &result.ties {
        let how = match &tie.resolution {
            TieResolution::Lot { order, .. } => {
                let names: Vec<String> = order.iter().map(|id| name_of(id)).collect();
                format!("drawn by lot: {}", names.join(" > "))
            }
            TieResolution::Order { order } => {
                let names: Vec<String> = order.iter().map(|id| name_of(id)).collect();
                format!("by the agreed order: {}", names.join(" > "))
            }
            TieResolution::PreviousRounds { round } => {
                format!("by the totals of round {round}")
            }
            TieResolution::NoEffect { branches, .. } => {
                format!("not drawn: it cannot change the winners ({branches} counts explored)")
            }
            TieResolution::Unresolved => "unresolved (no seed)".to_owned(),
        };
        println!(
            "    tie at {} votes between {} ({} seat(s) at stake): {how}",
            tie.votes,
            tie.candidates
                .iter()
                .map(|id| name_of(id))
                .collect::<Vec<_>>()
                .join(", "),
            tie.seats_at_stake
        );
    }
}
