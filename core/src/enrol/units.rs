//! Applications turned into allocation units: one unit per application (a group is one unit
//! of several people), with programs as compact indices.
//!
//! **Groups and households.** An application may name a `group` of other people applying
//! with its applicant; the group is one unit: it gets a seat in a program for every member
//! or for none. A member listed in someone else's group needs no application of their own;
//! an identical application (same choices, members, stamp and limit) is merged, any other
//! is `duplicate_application`. At each program a group is eligible only if every member is;
//! its priority tier is the lowest tier of its members, it counts as matching a reserve only
//! if every member matches, and its place in a draw (see [`super`], step 2) is that of its
//! member drawn last (so applying together never buys extra lottery tickets). A household
//! applies together only by applying as a group; otherwise its members apply on their own,
//! and household rules of the audience see the household's tags.
//!
//! **Household limits.** A household rule's `max_enrolled: N` in a program's audience,
//! directly or inside `all` (at any depth of `all`s; the smallest `N` wins), caps the
//! program at `N` members of one household ([`Person::household`]; people without one are
//! never capped); see `household_cap`. Eligibility itself checks the rule as if no other
//! member were enrolled (so `N = 0` refuses everyone, `ineligible_household`); the cap is
//! enforced by the mechanism ([`super::mechanism`]): a program keeps its best-priority
//! units within the cap, and a unit refused only because its household is at the cap gets
//! the decision `household_limit` (no place on the published waiting list: the seat it wants
//! is not one it may take while the household's members hold theirs; the waiting lists after
//! the allocation keep it, held back, at its place in the allocation order, see
//! [`super::state`]). A group counts each of
//! its members. Inside `any` or `not` the rule is only evaluated with no other member
//! enrolled, and caps nothing: whether it binds would depend on the other alternatives.
//!
//! Confidential choices (programs marked `confidential`) form a separate unit of the same
//! people, allocated after all other programs (see [`super`]).

use std::collections::{BTreeMap, HashMap};

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use chrono::NaiveDate;

use super::draws::{roles, Draws};
use super::error::EnrolError;
use super::input::{Application, Person};
use super::{MAX_APPLICATIONS, MAX_CHOICES, MAX_GROUP, MAX_PEOPLE, MAX_RESERVES, MAX_TIERS};
use crate::plan::audience::{self, evaluate, Rule, RuleFailure};
use crate::plan::{Plan, Program};

/// Why a unit may not take a program, before any seat is counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// Decision code, e.g. `ineligible_age`.
    pub code: &'static str,
    /// The failing audience rule, when one failed.
    pub rule: Option<RuleFailure>,
    /// The member who failed (index into people), for groups.
    pub member: u32,
}

/// One ranked choice of a unit, in 8 bytes: its refusal and reserve bits, which most
/// choices lack, sit apart in the units' extras, found by the choice's place in the flat
/// choice order (see [`Units::refusal`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Choice {
    /// Program index.
    pub program: u32,
    /// Priority tier at the program (0 = highest; at most [`MAX_TIERS`]).
    pub tier: u8,
    /// Rank in the application (0 = first choice; below [`MAX_CHOICES`]).
    pub rank: u8,
    /// Whether the unit may not take the program (the refusal is in the extras).
    refused: bool,
}

impl Choice {
    /// Choice `rank` of a program without rules: eligible, tier 0, no reserves.
    fn plain(program: u32, rank: usize) -> Choice {
        Choice {
            program,
            tier: 0,
            rank: rank as u8,
            refused: false,
        }
    }

    /// Whether the unit may take the program, as far as eligibility goes.
    pub fn eligible(&self) -> bool {
        !self.refused
    }
}

/// What few choices carry: a refusal, or reserve bits.
#[derive(Clone, Debug)]
struct Extra {
    /// Eligibility: `None` when eligible.
    refusal: Option<Refusal>,
    /// Bit `i` set when every member matches the program's reserve `i`.
    reserves: u64,
}

/// The allocation units, kept flat: unit `u`'s members, choices and households are
/// slices of shared arrays (one `Vec` each, with offsets), not a `Vec` per unit. Public
/// units come first, then confidential ones (from [`Units::split`]), each part sorted by
/// the id of the unit's first member.
#[derive(Clone, Debug, Default)]
pub(crate) struct Units {
    /// Start of each unit's members in `members` (one more than units).
    member_at: Vec<u32>,
    /// Person indices of all units, each unit's sorted by id.
    members: Vec<u32>,
    /// Start of each unit's choices in `choices` (one more than units).
    choice_at: Vec<u32>,
    /// Choices of all units, each unit's best first.
    choices: Vec<Choice>,
    /// Refusals and reserve bits of the few choices that have them (see [`Choice`]).
    extras: Vec<Extra>,
    /// The index in `extras` of each choice (by its place in the flat choice order),
    /// `u32::MAX` or missing for none: it ends at the last choice with extras, so it stays
    /// empty for plans without rules.
    extra_of: Vec<u32>,
    /// Start of each unit's households in `households` (one more than units).
    household_at: Vec<u32>,
    /// Household index of each member that has a household, each unit's sorted (repeats
    /// kept).
    households: Vec<u32>,
    /// Most programs each unit may get.
    limit: Vec<u32>,
    /// Order of `submitted_at` among all stamps, per unit (`u32::MAX` without one).
    stamp: Vec<u32>,
    /// Place in the draw per unit (0 = luckiest): that of the member drawn last. Members
    /// of different units of one part are different people, so no two units of a part
    /// share a place.
    draw: Vec<u32>,
    /// Index of the first confidential unit.
    split: usize,
}

/// Start and end of slot `i` of an offset array.
fn span(at: &[u32], i: usize) -> (usize, usize) {
    let start = at.get(i).copied().unwrap_or(0) as usize;
    let end = at
        .get(i.saturating_add(1))
        .copied()
        .map_or(start, |e| e as usize);
    (start, end)
}

impl Units {
    /// Number of units.
    pub fn len(&self) -> usize {
        self.limit.len()
    }

    /// Index of the first confidential unit.
    pub fn split(&self) -> usize {
        self.split
    }

    /// Person indices of unit `u`, sorted by id.
    pub fn members(&self, u: usize) -> &[u32] {
        let (s, e) = span(&self.member_at, u);
        self.members.get(s..e).unwrap_or(&[])
    }

    /// Choices of unit `u`, best first.
    pub fn choices(&self, u: usize) -> &[Choice] {
        let (s, e) = span(&self.choice_at, u);
        self.choices.get(s..e).unwrap_or(&[])
    }

    /// The place of unit `u`'s choice `k` in the flat choice order.
    pub fn flat(&self, u: usize, k: usize) -> usize {
        span(&self.choice_at, u).0.saturating_add(k)
    }

    /// The refusal and reserve bits of the choice at `flat` in the flat choice order.
    fn extra(&self, flat: usize) -> Option<&Extra> {
        let i = *self.extra_of.get(flat)?;
        self.extras.get(i as usize)
    }

    /// The refusal of the choice at `flat` in the flat choice order (see [`Units::flat`]);
    /// `None` when eligible.
    pub fn refusal(&self, flat: usize) -> Option<&Refusal> {
        self.extra(flat)?.refusal.as_ref()
    }

    /// The reserve bits of the choice at `flat` in the flat choice order: bit `i` set when
    /// every member matches the program's reserve `i`.
    pub fn reserves(&self, flat: usize) -> u64 {
        self.extra(flat).map_or(0, |e| e.reserves)
    }

    /// Sorts units of one part (public or confidential) by their place in the draw, in
    /// linear time when it can: the units of one part hold different people, so their
    /// places are distinct and below the number of applicants. Falls back to a comparison
    /// sort if they are not.
    pub fn sort_by_draw(&self, list: &mut [u32]) {
        let top = list
            .iter()
            .map(|&u| self.draw(u as usize) as usize)
            .max()
            .unwrap_or(0);
        if top < list.len().saturating_mul(4).saturating_add(1024) {
            let mut slot = vec![u32::MAX; top.saturating_add(1)];
            let mut placed = 0usize;
            for &u in list.iter() {
                if let Some(s) = slot.get_mut(self.draw(u as usize) as usize) {
                    if *s == u32::MAX {
                        *s = u;
                        placed = placed.saturating_add(1); // at most list.len()
                    }
                }
            }
            if placed == list.len() {
                for (x, u) in list
                    .iter_mut()
                    .zip(slot.into_iter().filter(|&u| u != u32::MAX))
                {
                    *x = u;
                }
                return;
            }
        }
        crate::sort::sort_by_key(list, |&u| self.draw(u as usize));
    }

    /// Appends a choice to the unit being built.
    fn push_choice(
        &mut self,
        program: u32,
        rank: usize,
        tier: u8,
        refusal: Option<Refusal>,
        reserves: u64,
    ) {
        let refused = refusal.is_some();
        if refused || reserves != 0 {
            self.extra_of.resize(self.choices.len(), u32::MAX);
            self.extra_of.push(self.extras.len() as u32);
            self.extras.push(Extra { refusal, reserves });
        }
        self.choices.push(Choice {
            program,
            tier,
            rank: rank as u8,
            refused,
        });
    }

    /// Start of each unit's choices in the flat choice order (one more than units).
    pub fn choice_offsets(&self) -> &[u32] {
        &self.choice_at
    }

    /// Household indices of unit `u`'s members, sorted.
    pub fn households(&self, u: usize) -> &[u32] {
        let (s, e) = span(&self.household_at, u);
        self.households.get(s..e).unwrap_or(&[])
    }

    /// Most programs unit `u` may get.
    pub fn limit(&self, u: usize) -> u32 {
        self.limit.get(u).copied().unwrap_or(0)
    }

    /// Stamp order of unit `u` (`u32::MAX`: none).
    pub fn stamp(&self, u: usize) -> u32 {
        self.stamp.get(u).copied().unwrap_or(u32::MAX)
    }

    /// Asks for unit `u`'s offsets and draw place ahead of use (see [`crate::hint`]).
    pub fn prefetch(&self, u: usize) {
        crate::hint::prefetch_at(&self.choice_at, u);
        crate::hint::prefetch_at(&self.draw, u);
    }

    /// Asks for unit `u`'s first choices ahead of use (see [`crate::hint`]).
    pub fn prefetch_choices(&self, u: usize) {
        let (start, _) = span(&self.choice_at, u);
        crate::hint::prefetch_at(&self.choices, start);
    }

    /// Draw place of unit `u`.
    pub fn draw(&self, u: usize) -> u32 {
        self.draw.get(u).copied().unwrap_or(u32::MAX)
    }

    /// An empty set of units with room for `n` units and `choices` choices.
    fn with_capacity(n: usize, choices: usize) -> Units {
        let mut out = Units {
            member_at: Vec::with_capacity(n.saturating_add(1)),
            members: Vec::with_capacity(n),
            choice_at: Vec::with_capacity(n.saturating_add(1)),
            choices: Vec::with_capacity(choices),
            extras: Vec::new(),
            extra_of: Vec::new(),
            household_at: Vec::with_capacity(n.saturating_add(1)),
            households: Vec::new(),
            limit: Vec::with_capacity(n),
            stamp: Vec::with_capacity(n),
            draw: Vec::with_capacity(n),
            split: 0,
        };
        out.member_at.push(0);
        out.choice_at.push(0);
        out.household_at.push(0);
        out
    }

    /// Closes the unit whose members, choices and households were pushed last. Offsets
    /// are `u32`: callers bound the totals (see [`super::MAX_APPLICATIONS`] and
    /// [`super::MAX_CHOICES`]).
    fn close(&mut self, limit: u32, stamp: u32, draw: u32) {
        // The last offset is at most the number of choices.
        let choices =
            (self.choices.len() as u32).saturating_sub(self.choice_at.last().copied().unwrap_or(0));
        self.member_at.push(self.members.len() as u32);
        self.choice_at.push(self.choices.len() as u32);
        self.household_at.push(self.households.len() as u32);
        self.limit.push(limit.min(choices));
        self.stamp.push(stamp);
        self.draw.push(draw);
    }

    /// Appends the units of `other` after these.
    fn append(&mut self, other: Units) {
        let shift = |at: &mut Vec<u32>, from: &[u32], base: u32| {
            // Offsets are `u32` bounded by the callers (see `close`): the sums cannot saturate.
            at.extend(from.iter().skip(1).map(|&x| x.saturating_add(base)));
        };
        let (m, c, h) = (
            self.members.len() as u32,
            self.choices.len() as u32,
            self.households.len() as u32,
        );
        shift(&mut self.member_at, &other.member_at, m);
        shift(&mut self.choice_at, &other.choice_at, c);
        shift(&mut self.household_at, &other.household_at, h);
        self.members.extend(other.members);
        self.choices.extend(other.choices);
        if !other.extra_of.is_empty() {
            let base = self.extras.len() as u32;
            self.extra_of.resize(c as usize, u32::MAX);
            self.extra_of.extend(other.extra_of.iter().map(|&e| {
                if e == u32::MAX {
                    e
                } else {
                    e.saturating_add(base)
                }
            }));
        }
        self.extras.extend(other.extras);
        self.households.extend(other.households);
        self.limit.extend(other.limit);
        self.stamp.extend(other.stamp);
        self.draw.extend(other.draw);
    }
}

/// The most members of one household a program with audience `rule` may hold: the
/// smallest `max_enrolled` of household rules at the top of the rule or inside `all`s;
/// `None` when no such rule caps it (rules inside `any` and `not` cap nothing).
pub(crate) fn household_cap(rule: &Rule) -> Option<u32> {
    fn at(rule: &Rule, depth: usize) -> Option<u32> {
        match rule {
            Rule::Household(h) => h.max_enrolled,
            Rule::All(rules) if depth < 64 => rules
                .iter()
                .filter_map(|r| at(r, depth.saturating_add(1)))
                .min(),
            _ => None,
        }
    }
    at(rule, 0)
}

/// Whether a unit with members in `households` (sorted) fits under `cap` when `counts`
/// members of each household already hold seats.
pub(crate) fn household_fits(
    households: &[u32],
    counts: &BTreeMap<u32, u32>,
    cap: Option<u32>,
) -> bool {
    let Some(cap) = cap else {
        return true;
    };
    households.chunk_by(|a, b| a == b).all(|run| {
        let held = run
            .first()
            .and_then(|h| counts.get(h))
            .copied()
            .unwrap_or(0);
        held.saturating_add(run.len() as u32) <= cap
    })
}

/// Adds a unit's members to the per-household counts.
pub(crate) fn household_add(households: &[u32], counts: &mut BTreeMap<u32, u32>) {
    for &h in households {
        let c = counts.entry(h).or_insert(0);
        *c = c.saturating_add(1);
    }
}

/// Ids interned in one buffer: id `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Names {
    text: String,
    ends: Vec<usize>,
}

impl Names {
    /// Interns `ids` in order.
    pub fn of<'a>(ids: impl Iterator<Item = &'a str>) -> Names {
        let mut out = Names::default();
        for id in ids {
            out.text.push_str(id);
            out.ends.push(out.text.len());
        }
        out
    }

    /// Id `i` (empty when out of range).
    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = match i.checked_sub(1) {
            Some(j) => self.ends.get(j).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

/// A string-keyed index with a fixed, fast hash (lookups only: no output depends on it).
/// Ids of at most 15 bytes (the usual case) are packed with their length into a 16-byte
/// key, so a lookup hashes and compares two words instead of calling `memcmp`; longer ids
/// are kept as strings. The hash table holds only 4-byte slots into a dense array of keys
/// and values, so that the table of a plan's programs stays in a core's cache.
#[derive(Clone, Default)]
pub(crate) struct Index<'a> {
    /// Slots into `entries`, by the hash of the key ([`hash_packed`]).
    table: HashTable<u32>,
    /// Packed short ids and their values, by slot.
    entries: Vec<Entry>,
    /// Ids longer than 15 bytes.
    long: HashMap<&'a str, u32, FixedState>,
}

/// A packed short id (see [`pack`]) and its value.
#[derive(Clone, Copy, Debug)]
struct Entry {
    key: [u64; 2],
    value: u32,
}

/// The hash of a packed id: one folded multiply (the full 128-bit product of the two
/// halves, each mixed with a constant, its high and low words xored), which spreads every
/// input bit over the low bits (the bucket) and the high bits (the tag) that the table
/// uses. Fixed, so that nothing depends on a random seed; no output depends on it either.
/// Neither factor can be zero: the low constant's bytes are not UTF-8, and the high
/// constant's top byte is above the largest length byte (15).
fn hash_packed(key: [u64; 2]) -> u64 {
    let [lo, hi] = key;
    // The product of two values below 2^64 is below 2^128: `wrapping_mul` is exact.
    let product =
        u128::from(lo ^ 0x243f_6a88_85a3_08d3).wrapping_mul(u128::from(hi ^ 0x1319_8a2e_0370_7344));
    (product as u64) ^ ((product >> 64) as u64)
}

impl std::fmt::Debug for Index<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("short", &self.entries.len())
            .field("long", &self.long.len())
            .finish()
    }
}

/// An id of at most 15 bytes, packed with its length; `None` when longer. Byte `i` of the
/// id is byte `i` of the key (little-endian) and byte 15 is the length, read with a few
/// word loads rather than byte by byte (overlapping loads for the tail).
#[inline]
// bounded: `len` is below 16, so every offset is below 16 and every shift below 64 bits.
#[allow(clippy::arithmetic_side_effects)]
fn pack(id: &str) -> Option<[u64; 2]> {
    let b = id.as_bytes();
    let len = b.len();
    if len >= 16 {
        return None;
    }
    let word = |at: usize| -> u64 {
        b.get(at..at + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let half = |at: usize| -> u64 {
        b.get(at..at + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    let (lo, hi) = if len >= 8 {
        // Bytes 8..len are the top `len - 8` bytes of the word ending at `len`.
        let tail = word(len - 8)
            .checked_shr(8 * (16 - len) as u32)
            .unwrap_or(0);
        (word(0), tail)
    } else if len >= 4 {
        (half(0) | (half(len - 4) << (8 * (len - 4))), 0)
    } else {
        let small = b
            .iter()
            .enumerate()
            .fold(0u64, |x, (i, &c)| x | (u64::from(c) << (8 * i)));
        (small, 0)
    };
    Some([lo, hi | ((len as u64) << 56)])
}

impl<'a> Index<'a> {
    /// An empty index with room for `n` ids.
    pub fn with_capacity(n: usize) -> Index<'a> {
        Index {
            table: HashTable::with_capacity(n),
            entries: Vec::with_capacity(n),
            long: HashMap::with_hasher(FixedState::default()),
        }
    }

    /// The value of `id`.
    #[inline]
    pub fn get(&self, id: &str) -> Option<&u32> {
        match pack(id) {
            Some(key) => {
                let entries = &self.entries;
                let slot = self.table.find(hash_packed(key), |&s| {
                    entries.get(s as usize).is_some_and(|e| e.key == key)
                })?;
                entries.get(*slot as usize).map(|e| &e.value)
            }
            None => self.long.get(id),
        }
    }

    /// Sets the value of `id` unless it has one; returns whether it was new.
    pub fn insert_new(&mut self, id: &'a str, value: u32) -> bool {
        match pack(id) {
            Some(key) => {
                let entries = &self.entries;
                let entry = self.table.entry(
                    hash_packed(key),
                    |&s| entries.get(s as usize).is_some_and(|e| e.key == key),
                    |&s| entries.get(s as usize).map_or(0, |e| hash_packed(e.key)),
                );
                let hashbrown::hash_table::Entry::Vacant(vacant) = entry else {
                    return false;
                };
                vacant.insert(self.entries.len() as u32);
                self.entries.push(Entry { key, value });
                true
            }
            None => {
                let mut new = false;
                self.long.entry(id).or_insert_with(|| {
                    new = true;
                    value
                });
                new
            }
        }
    }
}

/// Index of each id (the first, for repeated ids).
pub(crate) fn index_of<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Index<'a> {
    let mut index = Index::with_capacity(ids.len());
    for (i, id) in ids.enumerate() {
        index.insert_new(id, i as u32);
    }
    index
}

/// Everything the mechanisms need, indexed.
pub(crate) struct Prepared {
    /// Units, public ones first, each part sorted by first member id.
    pub units: Units,
    /// Applicants' person indices sorted by id.
    pub by_id: Vec<u32>,
    /// Applicants' person indices: the shared draw, then those only in the confidential
    /// draw ([`super::draws`]).
    pub draw: Vec<u32>,
    /// Eligible applicants (people) per program, for `demand_at_least` conditions. A
    /// household cap is not eligibility: members later refused with `household_limit`
    /// count, since they applied and are eligible.
    pub demand: Vec<u32>,
    /// Whether any unit may get more than one program.
    pub multi: bool,
}

fn code_of(failure: &RuleFailure, person: &Person) -> &'static str {
    match failure.code.as_str() {
        "age" if person.birth_date.is_none() => "missing_birth_date",
        "age" => "ineligible_age",
        "residency" => "ineligible_residency",
        "tag" => "ineligible_tag",
        "completed" => "missing_prerequisite",
        "household" => "ineligible_household",
        _ => "ineligible",
    }
}

/// The reference date of a program's age rules: its first session, else `as_of`.
pub(crate) fn reference_date(program: &Program, as_of: NaiveDate) -> NaiveDate {
    program.schedule.as_ref().map_or(as_of, |s| s.first)
}

/// The audience view of a person, with the household's tags.
fn audience_person(
    person: &Person,
    household_tags: &BTreeMap<&str, Vec<String>>,
) -> audience::Person {
    audience::Person {
        birth_date: person.birth_date,
        residency: person.residency,
        tags: person.tags.clone(),
        completed: person.history.clone(),
        household_enrolled: 0,
        household_tags: person
            .household
            .as_deref()
            .and_then(|h| household_tags.get(h))
            .cloned()
            .unwrap_or_default(),
    }
}

/// Checks one member against one program; `None` when eligible.
fn refuse(
    program: &Program,
    person: &Person,
    view: Option<&audience::Person>,
    member: u32,
    as_of: NaiveDate,
) -> Option<Refusal> {
    if let (Some(rule), Some(view)) = (&program.audience, view) {
        if let Err(failure) = evaluate(rule, view, reference_date(program, as_of)) {
            return Some(Refusal {
                code: code_of(&failure, person),
                rule: Some(failure),
                member,
            });
        }
    }
    if program
        .prerequisites
        .iter()
        .any(|p| !person.history.contains(p))
    {
        return Some(Refusal {
            code: "missing_prerequisite",
            rule: None,
            member,
        });
    }
    None
}

fn too_large(path: &str, what: &'static str, limit: usize) -> EnrolError {
    EnrolError::TooLarge {
        path: path.to_owned(),
        what,
        limit: limit as u64,
    }
}

/// Group key of an application: its members, sorted and deduplicated.
fn members_of(app: &Application) -> Vec<&str> {
    let mut m: Vec<&str> = std::iter::once(app.person.as_str())
        .chain(app.group.iter().map(String::as_str))
        .collect();
    crate::sort::sort(&mut m);
    m
}

/// Validates the inputs and builds the units.
pub(crate) fn prepare(
    plan: &Plan,
    people: &[Person],
    applications: &[Application],
    seed: &str,
    as_of: NaiveDate,
) -> Result<Prepared, EnrolError> {
    if people.len() > MAX_PEOPLE {
        return Err(too_large("people", "people", MAX_PEOPLE));
    }
    if applications.len() > MAX_APPLICATIONS {
        return Err(too_large("applications", "applications", MAX_APPLICATIONS));
    }
    let mut person_index = Index::with_capacity(people.len());
    for (i, p) in people.iter().enumerate() {
        if !person_index.insert_new(p.id.as_str(), i as u32) {
            return Err(EnrolError::DuplicatePerson {
                path: format!("people[{i}].id"),
                id: p.id.clone(),
            });
        }
    }
    let program_index = index_of(plan.programs.iter().map(|p| p.id.as_str()));
    for (i, p) in plan.programs.iter().enumerate() {
        if let Some(policy) = &p.allocation {
            if policy.reserved.len() > MAX_RESERVES {
                return Err(too_large(
                    &format!("plan.programs[{i}].allocation.reserved"),
                    "reserves of a program",
                    MAX_RESERVES,
                ));
            }
            if policy.tiers.len() > MAX_TIERS {
                return Err(too_large(
                    &format!("plan.programs[{i}].allocation.tiers"),
                    "tiers of a program",
                    MAX_TIERS,
                ));
            }
        }
    }
    let default_limit = plan
        .allocation
        .as_ref()
        .and_then(|a| a.max_programs)
        .unwrap_or(1);

    // Ids are looked up first, in tight passes whose independent lookups overlap their
    // cache misses: the applicant of each single application, and every choice (at most
    // one more than [`MAX_CHOICES`] per application), `u32::MAX` when unknown. The checks
    // below then read them in application order.
    let applicant: Vec<u32> = applications
        .iter()
        .map(|app| {
            let single = app.group.is_empty();
            let found = single
                .then(|| person_index.get(app.person.as_str()))
                .flatten();
            found.copied().unwrap_or(u32::MAX)
        })
        .collect();
    let bounded = |app: &'_ Application| app.choices.len().min(MAX_CHOICES + 1);
    let mut flat: Vec<u32> = Vec::with_capacity(applications.iter().map(bounded).sum());
    for app in applications {
        flat.extend(
            app.choices
                .iter()
                .take(MAX_CHOICES + 1)
                .map(|c| program_index.get(c.as_str()).copied().unwrap_or(u32::MAX)),
        );
    }

    // Who is in which application; merge identical group applications. Members are kept
    // flat, and choices (program indices) stay in `flat`: see [`Kept`].
    let mut owner: Vec<Option<u32>> = vec![None; people.len()];
    let mut kept: Vec<Kept> = Vec::with_capacity(applications.len());
    let mut members: Vec<u32> = Vec::with_capacity(applications.len());
    let mut next_choice = 0usize;
    for (a, app) in applications.iter().enumerate() {
        let path = || format!("applications[{a}]");
        if app.choices.len() > MAX_CHOICES {
            return Err(too_large(
                &format!("{}.choices", path()),
                "choices",
                MAX_CHOICES,
            ));
        }
        if app.group.len() > MAX_GROUP {
            return Err(too_large(
                &format!("{}.group", path()),
                "group members",
                MAX_GROUP,
            ));
        }
        let first = members.len();
        if app.group.is_empty() {
            match applicant.get(a).copied().filter(|&i| i != u32::MAX) {
                Some(idx) => members.push(idx),
                None => {
                    return Err(EnrolError::UnknownPerson {
                        path: format!("{}.person", path()),
                        id: app.person.clone(),
                    })
                }
            }
        } else {
            for (k, name) in members_of(app).iter().enumerate() {
                let Some(&idx) = person_index.get(name) else {
                    let field = if *name == app.person {
                        format!("{}.person", path())
                    } else {
                        let pos = app.group.iter().position(|g| g == name).unwrap_or(k);
                        format!("{}.group[{pos}]", path())
                    };
                    return Err(EnrolError::UnknownPerson {
                        path: field,
                        id: (*name).to_owned(),
                    });
                };
                if members.len() > first && members.last() == Some(&idx) {
                    return Err(EnrolError::DuplicateApplication {
                        path: format!("{}.group", path()),
                        id: (*name).to_owned(),
                    });
                }
                members.push(idx);
            }
        }
        let start = next_choice;
        next_choice = next_choice.saturating_add(app.choices.len()); // at most MAX_CHOICES
        let chosen = flat.get(start..next_choice).unwrap_or(&[]);
        for (c, (choice, &p)) in app.choices.iter().zip(chosen).enumerate() {
            if p == u32::MAX {
                return Err(EnrolError::UnknownProgram {
                    path: format!("{}.choices[{c}]", path()),
                    id: choice.clone(),
                });
            }
            if chosen.get(..c).is_some_and(|seen| seen.contains(&p)) {
                return Err(EnrolError::DuplicateChoice {
                    path: format!("{}.choices[{c}]", path()),
                    id: choice.clone(),
                });
            }
        }
        let mut merged = false;
        for &m in members.get(first..).unwrap_or(&[]) {
            let Some(slot) = owner.get_mut(m as usize) else {
                continue;
            };
            match *slot {
                None => *slot = Some(a as u32),
                Some(other) => {
                    let same = applications.get(other as usize).is_some_and(|o| {
                        members_of(o) == members_of(app)
                            && o.choices == app.choices
                            && o.submitted_at == app.submitted_at
                            && o.max_programs == app.max_programs
                    });
                    if same && !app.group.is_empty() {
                        merged = true;
                    } else {
                        return Err(EnrolError::DuplicateApplication {
                            path: format!("{}.person", path()),
                            id: people
                                .get(m as usize)
                                .map(|p| p.id.clone())
                                .unwrap_or_default(),
                        });
                    }
                }
            }
        }
        if merged {
            members.truncate(first);
        } else {
            kept.push(Kept {
                app: a as u32,
                members: (first as u32, members.len() as u32),
                choices: (start as u32, next_choice as u32),
            });
        }
    }
    // Lookups and ownership are done with: freed now, the memory serves the draw and the
    // units below instead of fresh pages (see `bench/README.md`, page faults).
    drop(person_index);
    drop(applicant);
    drop(owner);
    let members_at = |k: &Kept| {
        members
            .get(k.members.0 as usize..k.members.1 as usize)
            .unwrap_or(&[])
    };

    // The shared and the confidential draw (see `super::draws`).
    let mut by_id: Vec<u32> = members.clone();
    sort_by_id(&mut by_id, people);
    let roles = plan.programs.iter().any(|p| p.confidential).then(|| {
        let confidential: Vec<bool> = plan.programs.iter().map(|p| p.confidential).collect();
        let choices_at = |k: &Kept| flat.get(k.choices.0 as usize..k.choices.1 as usize);
        roles(
            people.len(),
            &confidential,
            kept.iter()
                .map(|k| (members_at(k), choices_at(k).unwrap_or(&[]))),
        )
    });
    let draws = Draws::new(seed, people.len(), &by_id, roles.as_deref());
    drop(roles);
    // Units in order of their first member's id.
    let mut id_rank: Vec<u32> = vec![u32::MAX; people.len()];
    for (pos, &p) in by_id.iter().enumerate() {
        if let Some(r) = id_rank.get_mut(p as usize) {
            *r = pos as u32;
        }
    }
    crate::sort::sort_by_key(&mut kept, |k| {
        members_at(k)
            .first()
            .and_then(|&m| id_rank.get(m as usize).copied())
            .unwrap_or(u32::MAX)
    });
    drop(id_rank);

    // Stamps in order.
    let mut stamps: Vec<_> = kept
        .iter()
        .filter_map(|k| {
            applications
                .get(k.app as usize)
                .and_then(|x| x.submitted_at)
        })
        .collect();
    crate::sort::sort(&mut stamps);
    stamps.dedup();

    // Audience views, only when some program has rules.
    let needs_rules = plan.programs.iter().any(|p| {
        p.audience.is_some()
            || p.allocation
                .as_ref()
                .is_some_and(|a| !a.tiers.is_empty() || !a.reserved.is_empty())
    });
    let mut household_tags: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    if needs_rules {
        for p in people {
            if let Some(h) = &p.household {
                let entry = household_tags.entry(h.as_str()).or_default();
                for t in &p.tags {
                    if !entry.contains(t) {
                        entry.push(t.clone());
                    }
                }
            }
        }
        for tags in household_tags.values_mut() {
            crate::sort::sort(tags);
        }
    }
    // Household indices, only when some program caps households.
    let capped = plan
        .programs
        .iter()
        .any(|p| p.audience.as_ref().and_then(household_cap).is_some());
    let household_index: BTreeMap<&str, u32> = {
        let mut ids: Vec<&str> = people
            .iter()
            .filter(|_| capped)
            .filter_map(|p| p.household.as_deref())
            .collect();
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids.into_iter().zip(0u32..).collect()
    };
    let mut views: Vec<Option<audience::Person>> = Vec::new();
    if needs_rules {
        views.resize_with(people.len(), || None);
    }
    // Per program: the first session (age rules) and confidentiality, looked up once.
    let reference: Vec<NaiveDate> = plan
        .programs
        .iter()
        .map(|p| reference_date(p, as_of))
        .collect();
    // Per program: whether it has no rules at all (every choice of it is plain: eligible,
    // tier 0, no reserves), and whether it is confidential.
    let plain: Vec<bool> = plan
        .programs
        .iter()
        .map(|p| p.allocation.is_none() && p.audience.is_none() && p.prerequisites.is_empty())
        .collect();
    let hidden: Vec<bool> = plan.programs.iter().map(|p| p.confidential).collect();
    let plain_public: Vec<bool> = plain.iter().zip(&hidden).map(|(&p, &h)| p && !h).collect();

    let mut public = Units::with_capacity(kept.len(), flat.len());
    let mut secret = Units::with_capacity(0, 0);
    let mut demand: Vec<u32> = vec![0; plan.programs.len()];
    let mut multi = false;
    let mut households: Vec<u32> = Vec::new();
    for k in &kept {
        let Some(app) = applications.get(k.app as usize) else {
            continue;
        };
        let unit_members = members_at(k);
        for &m in unit_members {
            if let (Some(slot @ None), Some(person)) =
                (views.get_mut(m as usize), people.get(m as usize))
            {
                *slot = Some(audience_person(person, &household_tags));
            }
        }
        let limit = app.max_programs.unwrap_or(default_limit);
        let stamp = app
            .submitted_at
            .and_then(|s| stamps.binary_search(&s).ok())
            .map_or(u32::MAX, |i| i as u32);
        let chosen = flat
            .get(k.choices.0 as usize..k.choices.1 as usize)
            .unwrap_or(&[]);
        let secrets = secret.choices.len();
        let size = unit_members.len() as u32;
        let usual = chosen
            .iter()
            .all(|&p| plain_public.get(p as usize).copied().unwrap_or(false));
        if usual {
            // The usual unit: every choice plain and public.
            for &p in chosen {
                if let Some(d) = demand.get_mut(p as usize) {
                    *d = d.saturating_add(size);
                }
            }
            public
                .choices
                .extend(chosen.iter().enumerate().map(|(r, &p)| Choice::plain(p, r)));
        }
        // Any other unit, choice by choice.
        for (r, &p) in chosen.iter().enumerate().filter(|_| !usual) {
            if plain.get(p as usize).copied().unwrap_or(false) {
                if let Some(d) = demand.get_mut(p as usize) {
                    *d = d.saturating_add(size);
                }
                if hidden.get(p as usize).copied().unwrap_or(false) {
                    secret.push_choice(p, r, 0, None, 0);
                } else {
                    public.push_choice(p, r, 0, None, 0);
                }
                continue;
            }
            let Some(program) = plan.programs.get(p as usize) else {
                continue;
            };
            let mut refusal = None;
            let mut tier = 0u8;
            let mut reserves = 0u64;
            let policy = program.allocation.as_ref();
            if let Some(policy) = policy {
                reserves = if policy.reserved.len() >= 64 {
                    u64::MAX
                } else {
                    (1u64 << policy.reserved.len()).saturating_sub(1) // below 64 bits: exact
                };
            }
            let needs_view = policy.is_some() || program.audience.is_some();
            if needs_view || !program.prerequisites.is_empty() {
                for &m in unit_members {
                    let Some(person) = people.get(m as usize) else {
                        continue;
                    };
                    let view = views.get(m as usize).and_then(Option::as_ref);
                    if refusal.is_none() {
                        refusal = refuse(program, person, view, m, as_of);
                    }
                    if let (Some(policy), Some(view)) = (policy, view) {
                        let reference = reference.get(p as usize).copied().unwrap_or(as_of);
                        let t = policy
                            .tiers
                            .iter()
                            .position(|rule| evaluate(rule, view, reference).is_ok())
                            .unwrap_or(policy.tiers.len());
                        // At most `MAX_TIERS`, checked above.
                        tier = tier.max(u8::try_from(t).unwrap_or(u8::MAX));
                        for (i, reserve) in policy.reserved.iter().enumerate() {
                            if evaluate(&reserve.rule, view, reference).is_err() {
                                reserves &= !(1u64 << i);
                            }
                        }
                    }
                }
            }
            if refusal.is_none() {
                if let Some(d) = demand.get_mut(p as usize) {
                    *d = d.saturating_add(size);
                }
            }
            if program.confidential {
                secret.push_choice(p, r, tier, refusal, reserves);
            } else {
                public.push_choice(p, r, tier, refusal, reserves);
            }
        }
        multi |= limit > 1;
        households.clear();
        if capped {
            households.extend(
                unit_members
                    .iter()
                    .filter_map(|&m| people.get(m as usize)?.household.as_deref())
                    .filter_map(|h| household_index.get(h).copied()),
            );
            crate::sort::sort(&mut households);
        }
        public.members.extend_from_slice(unit_members);
        public.households.extend_from_slice(&households);
        public.close(limit, stamp, draws.place(unit_members, false));
        if secret.choices.len() > secrets {
            secret.members.extend_from_slice(unit_members);
            secret.households.extend_from_slice(&households);
            secret.close(limit, stamp, draws.place(unit_members, true));
        }
    }
    public.split = public.len();
    public.append(secret);
    Ok(Prepared {
        units: public,
        by_id,
        draw: draws.order,
        demand,
        multi,
    })
}

/// One kept application: its index, and its members and choices as `(start, end)` in
/// the flat arrays of [`prepare`].
struct Kept {
    app: u32,
    members: (u32, u32),
    choices: (u32, u32),
}

/// Sorts person indices by id (byte order), comparing an 8-byte prefix first.
fn sort_by_id(list: &mut Vec<u32>, people: &[Person]) {
    let id = |i: u32| people.get(i as usize).map_or("", |p| p.id.as_str());
    let prefix = |s: &str| {
        let mut b = [0u8; 8];
        for (d, s) in b.iter_mut().zip(s.bytes()) {
            *d = s;
        }
        u64::from_be_bytes(b)
    };
    let mut keyed: Vec<(u64, u32)> = list.iter().map(|&i| (prefix(id(i)), i)).collect();
    crate::sort::sort_by(&mut keyed, |x, y| {
        x.0.cmp(&y.0).then_with(|| id(x.1).cmp(id(y.1)))
    });
    list.clear();
    list.extend(keyed.into_iter().map(|x| x.1));
}

#[cfg(test)]
mod tests {
    use super::{pack, Units};

    /// Units with the given draw places and no members or choices.
    fn units_drawn(draws: &[u32]) -> Units {
        let mut units = Units::with_capacity(draws.len(), 0);
        for &d in draws {
            units.close(1, u32::MAX, d);
        }
        units
    }

    #[test]
    fn sort_by_draw_orders_distinct_and_repeated_places() {
        let units = units_drawn(&[5, 2, 9, 0]);
        let mut list = vec![0, 1, 2, 3];
        units.sort_by_draw(&mut list);
        assert_eq!(list, [3, 1, 0, 2]);
        // Repeated places and places far above the count take the comparison sort.
        for draws in [&[4, 4, 1][..], &[u32::MAX, 7, 3][..]] {
            let units = units_drawn(draws);
            let mut list = vec![0, 1, 2];
            units.sort_by_draw(&mut list);
            let got: Vec<u32> = list.iter().map(|&u| units.draw(u as usize)).collect();
            assert!(got.is_sorted(), "{got:?}");
            crate::sort::sort(&mut list);
            assert_eq!(list, [0, 1, 2]);
        }
    }

    /// The byte-by-byte packing `pack` must equal.
    fn reference(id: &str) -> Option<[u64; 2]> {
        let len = u8::try_from(id.len()).ok().filter(|&l| l < 16)?;
        let mut bytes = [0u8; 16];
        for (b, c) in bytes.iter_mut().zip(id.bytes()) {
            *b = c;
        }
        bytes[15] = len;
        let word = u128::from_le_bytes(bytes);
        Some([word as u64, (word >> 64) as u64])
    }

    #[test]
    fn pack_matches_the_bytes_at_every_length() {
        let text = "abcdefghijklmnopqrstu\u{00e9}\u{6000}";
        for start in 0..4 {
            for end in start..text.len() {
                if let Some(id) = text.get(start..end) {
                    assert_eq!(pack(id), reference(id), "{id:?}");
                }
            }
        }
        assert_eq!(pack(&"x".repeat(16)), None);
    }
}
