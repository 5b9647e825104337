//! The art exhibition's visitor vote, built from the plan.
//!
//! `main.rs` declares `mod exhibition;` and calls [`print_exhibition_report`]. The plan's
//! `art_exhibition` program gives the categories, the entry limit (3 works per person) and the
//! submission deadline (10 September); `exhibition.json` lists the works residents entered and
//! the counting options. The visitors recorded at the exhibition (the roll) and their ballots
//! are made up, deterministically: every number comes from [`Draw`] on a fixed seed.

use crate::lang::t;
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
        let (c, m) = (rules.categories.len(), rules.max_entries_per_person);
        println!(
            "{}",
            t(
                &format!(
                    "The plan's rules: {c} categories, at most {m} works per person, works due \
                     by {deadline}."
                ),
                &format!("计划的规则：{c} 个类别，每人最多 {m} 件作品，截止日期 {deadline}。")
            )
        );
    }
    let accepted: usize = built.elections.iter().map(|e| e.entries.len()).sum();
    let entered = data.entries.len();
    println!(
        "{}",
        t(
            &format!(
                "{entered} works entered, {accepted} stand as candidates; refused or adapted:"
            ),
            &format!("共报名 {entered} 件作品，{accepted} 件参加评选；未被接受或有调整的："),
        )
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
    let (r, v) = (roll.len(), visits.len());
    println!(
        "{}",
        t(
            &format!(
                "Roll: {r} residents recorded as visiting ({v} visits); each may vote once per \
                 category."
            ),
            &format!("投票名册：登记参观的居民 {r} 人（共 {v} 人次）；每人每类限投一次。"),
        )
    );
    println!(
        "{}",
        t(
            "Each category below is one election among the works accepted in it; ★ marks the \
             chosen works, (rNNN) the resident who made them.",
            "以下每一类是一场选举，候选的是该类接受的作品；★ 表示当选作品，(rNNN) 是作者的居民编号。",
        )
    );

    let ballots = ballots(&mut draw, &built.elections, roll);
    let result = tally_exhibition(&built, &ballots)?;
    for (category, counted) in built.elections.iter().zip(&result.categories) {
        print_category(category, &counted.result);
    }
    let (voted, of) = (result.voters, roll.len());
    println!(
        "\n{}",
        t(
            &format!("{voted} of the {of} visitors on the roll voted in at least one category."),
            &format!("名册上的 {of} 位参观者中，有 {voted} 人至少在一类中投了票。"),
        )
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
    let limit = category.election.max_choices.map_or(String::new(), |n| {
        t(
            &format!(", up to {n} marks a ballot"),
            &format!("，每张选票最多选 {n} 件"),
        )
        .to_owned()
    });
    let (method, seats) = (result.method.as_str(), result.seats);
    println!(
        "\n-- {} {} ({}) --",
        category.title,
        category.category,
        t(
            &format!("{method}, {seats} to be chosen{limit}"),
            &format!("{method}，选出 {seats} 件{limit}"),
        )
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
            println!(
                "  {mark} {place}. {votes:>3} {}  {}",
                t("votes", "票"),
                name_of(id)
            );
        }
        place += tier.len();
    }
    let b = result.ballots;
    let (cast, valid, rejected) = (b.cast, b.valid, b.rejected);
    println!(
        "  {}",
        t(
            &format!("ballots: {cast} cast = {valid} counted + {rejected} rejected"),
            &format!("选票：共投 {cast} 张 = 有效 {valid} 张 + 无效 {rejected} 张"),
        )
    );
    for rejection in &result.rejected {
        println!(
            "    {} #{} ({}): {}",
            t("rejected ballot", "无效票"),
            rejection.index,
            rejection.voter.as_deref().unwrap_or(t("anonymous", "匿名")),
            rejection.code.as_str()
        );
    }
    for tie in &result.ties {
        let how = match &tie.resolution {
            TieResolution::Lot { order, .. } => {
                let names: Vec<String> = order.iter().map(|id| name_of(id)).collect();
                format!("{}: {}", t("drawn by lot", "抽签决定"), names.join(" > "))
            }
            TieResolution::Order { order } => {
                let names: Vec<String> = order.iter().map(|id| name_of(id)).collect();
                format!(
                    "{}: {}",
                    t("by the agreed order", "按约定顺序"),
                    names.join(" > ")
                )
            }
            TieResolution::PreviousRounds { round } => t(
                &format!("by the totals of round {round}"),
                &format!("按第 {round} 轮的票数"),
            )
            .to_owned(),
            TieResolution::NoEffect { branches, .. } => t(
                &format!("not drawn: it cannot change the winners ({branches} counts explored)"),
                &format!("不抽签：无论结果如何都不改变当选者（已计算 {branches} 种情形）"),
            )
            .to_owned(),
            TieResolution::Unresolved => {
                t("unresolved (no seed)", "未决（没有抽签种子）").to_owned()
            }
        };
        let (votes, stake) = (tie.votes, tie.seats_at_stake);
        let tied = tie
            .candidates
            .iter()
            .map(|id| name_of(id))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "    {}: {how}",
            t(
                &format!("tie at {votes} votes between {tied} ({stake} seat(s) at stake)"),
                &format!("{tied} 同为 {votes} 票（涉及 {stake} 个名额）"),
            )
        );
    }
}
