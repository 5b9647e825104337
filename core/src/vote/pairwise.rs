//! The pairwise matrix of ranked ballots: how many ballots rank each candidate above each
//! other one. It is a plain sum over ballots, so shards of ballots can be counted apart and
//! their matrices added ([`PairwiseMatrix::merge`]).

use std::collections::BTreeMap;

use super::ballot::{BallotChecker, RejectionCode};
use super::ballot_box::{EntryView, UNKNOWN};
use super::election::Unranked;

/// Most candidates the pairwise methods accept (the matrix has `n²` cells).
pub const MAX_PAIRWISE_CANDIDATES: usize = 256;

/// Index of cell `(x, y)` of a row-major `n × n` matrix. It saturates past `usize`, which
/// only an index far beyond the matrix reaches (`n` is at most
/// [`MAX_PAIRWISE_CANDIDATES`]), so a lookup there finds no cell either way.
#[inline]
pub(crate) fn cell_index(n: usize, x: usize, y: usize) -> usize {
    x.saturating_mul(n).saturating_add(y)
}

/// `d[x][y]`: the weight of ballots ranking `x` strictly above `y`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PairwiseMatrix {
    n: usize,
    cells: Vec<u64>,
}

impl PairwiseMatrix {
    /// An all-zero matrix for `n` candidates.
    pub(crate) fn new(n: usize) -> Self {
        PairwiseMatrix {
            n,
            cells: vec![0; n.saturating_mul(n)],
        }
    }

    /// Number of candidates.
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// Index of cell `(x, y)`.
    fn index(&self, x: usize, y: usize) -> Option<usize> {
        Some(cell_index(self.n, x, y))
    }

    /// Ballots ranking `x` above `y`.
    pub(crate) fn get(&self, x: usize, y: usize) -> u64 {
        self.index(x, y)
            .and_then(|i| self.cells.get(i))
            .copied()
            .unwrap_or(0)
    }

    fn add(&mut self, x: usize, y: usize, weight: u64) -> Option<()> {
        let i = self.index(x, y)?;
        let cell = self.cells.get_mut(i)?;
        *cell = cell.checked_add(weight)?;
        Some(())
    }

    /// Adds one ballot given as levels (best first; equal ranks share a level).
    /// Returns `None` on overflow.
    pub(crate) fn add_ballot(
        &mut self,
        levels: &[Vec<usize>],
        weight: u64,
        unranked: Unranked,
    ) -> Option<()> {
        let mut position = vec![usize::MAX; self.n];
        for (level, members) in levels.iter().enumerate() {
            for &c in members {
                *position.get_mut(c)? = level;
            }
        }
        for (level, members) in levels.iter().enumerate() {
            for &x in members {
                for (y, &below) in position.iter().enumerate() {
                    let counts =
                        below > level && (below != usize::MAX || unranked == Unranked::Implicit);
                    if counts {
                        self.add(x, y, weight)?;
                    }
                }
            }
        }
        Some(())
    }

    /// Adds one ballot given as a flat level key: for each level (best first), its length
    /// then its members, e.g. `[1, a, 2, b, c]` for `a > b = c`; `position` is a scratch
    /// buffer. The same sums as [`PairwiseMatrix::add_ballot`]. Returns `None` on overflow
    /// or an index out of range.
    pub(crate) fn add_level_key(
        &mut self,
        key: &[usize],
        weight: u64,
        unranked: Unranked,
        position: &mut Vec<usize>,
    ) -> Option<()> {
        position.clear();
        position.resize(self.n, usize::MAX);
        let mut rest = key;
        let mut level = 0usize;
        while let [len, tail @ ..] = rest {
            let members = tail.get(..*len)?;
            for &c in members {
                *position.get_mut(c)? = level;
            }
            level = level.saturating_add(1);
            rest = tail.get(*len..)?;
        }
        let implicit = unranked == Unranked::Implicit;
        let mut rest = key;
        let mut level = 0usize;
        while let [len, tail @ ..] = rest {
            for &x in tail.get(..*len)? {
                let start = x.checked_mul(self.n)?;
                let row = self.cells.get_mut(start..start.checked_add(self.n)?)?;
                for (cell, &below) in row.iter_mut().zip(position.iter()) {
                    if below > level && (below != usize::MAX || implicit) {
                        *cell = cell.checked_add(weight)?;
                    }
                }
            }
            level = level.saturating_add(1);
            rest = tail.get(*len..)?;
        }
        Some(())
    }

    /// Adds one strict ranking (best first, distinct candidates) with `weight`; `position`
    /// is a scratch buffer. Returns `None` on overflow or an index out of range.
    pub(crate) fn add_strict(
        &mut self,
        ranking: &[u16],
        weight: u64,
        unranked: Unranked,
        position: &mut Vec<usize>,
    ) -> Option<()> {
        position.clear();
        position.resize(self.n, usize::MAX);
        for (level, &c) in ranking.iter().enumerate() {
            *position.get_mut(usize::from(c))? = level;
        }
        let implicit = unranked == Unranked::Implicit;
        for (level, &x) in ranking.iter().enumerate() {
            let start = usize::from(x).checked_mul(self.n)?;
            let row = self.cells.get_mut(start..start.checked_add(self.n)?)?;
            let mut overflow = false;
            for (cell, &below) in row.iter_mut().zip(position.iter()) {
                if below > level && (below != usize::MAX || implicit) {
                    let (sum, over) = cell.overflowing_add(weight);
                    *cell = sum;
                    overflow |= over;
                }
            }
            if overflow {
                return None;
            }
        }
        Some(())
    }

    /// Adds another matrix of the same size. Returns `None` on overflow or size mismatch.
    pub(crate) fn merge(&mut self, other: &PairwiseMatrix) -> Option<()> {
        if other.n != self.n {
            return None;
        }
        for (cell, add) in self.cells.iter_mut().zip(&other.cells) {
            *cell = cell.checked_add(*add)?;
        }
        Some(())
    }

    /// The candidate beating every other pairwise, if any.
    pub(crate) fn condorcet_winner(&self) -> Option<usize> {
        (0..self.n).find(|&x| (0..self.n).all(|y| y == x || self.get(x, y) > self.get(y, x)))
    }

    /// The wire form `{x: {y: d[x][y]}}` over every ordered pair of distinct candidates.
    pub(crate) fn to_map(&self, ids: &[&str]) -> BTreeMap<String, BTreeMap<String, u64>> {
        square_map(ids, |x, y| self.get(x, y))
    }

    /// Reads the wire form back; `None` when a candidate is missing or unknown.
    pub(crate) fn from_map(
        ids: &[&str],
        map: &BTreeMap<String, BTreeMap<String, u64>>,
    ) -> Option<Self> {
        let mut matrix = PairwiseMatrix::new(ids.len());
        if map.len() != ids.len() {
            return None;
        }
        for (x, id_x) in ids.iter().enumerate() {
            let row = map.get(*id_x)?;
            if row.len() != ids.len().saturating_sub(1) {
                return None;
            }
            for (y, id_y) in ids.iter().enumerate() {
                if x != y {
                    matrix.add(x, y, *row.get(*id_y)?)?;
                }
            }
        }
        Some(matrix)
    }
}

/// `{x: {y: value(x, y)}}` over every ordered pair of distinct candidates.
pub(crate) fn square_map(
    ids: &[&str],
    value: impl Fn(usize, usize) -> u64,
) -> BTreeMap<String, BTreeMap<String, u64>> {
    ids.iter()
        .enumerate()
        .map(|(x, id_x)| {
            let row = ids
                .iter()
                .enumerate()
                .filter(|&(y, _)| y != x)
                .map(|(y, id_y)| ((*id_y).to_owned(), value(x, y)))
                .collect();
            ((*id_x).to_owned(), row)
        })
        .collect()
}

/// Reads a ranked ballot into a flat level key of candidate indices, best first (see
/// [`PairwiseMatrix::add_level_key`]), in `key` (cleared first), without allocating per
/// ballot; `seen` is a scratch buffer.
///
/// Equal rankings share a level; skipped ranks (`[]`) are dropped. Checks, in order: ballot
/// kind (only `ranking`), roll and double voting, emptiness, unknown candidates, repeats.
pub(crate) fn ranked_level_key(
    checker: &mut BallotChecker<'_>,
    ballot: &EntryView<'_>,
    key: &mut Vec<usize>,
    seen: &mut Vec<bool>,
) -> Result<(), RejectionCode> {
    let ranks = match (&ballot.ranking, &ballot.approve, &ballot.scores) {
        (Some(ranks), None, None) => ranks,
        (None, None, None) => return Err(RejectionCode::EmptyBallot),
        _ => return Err(RejectionCode::WrongBallotKind),
    };
    checker.check_voter(ballot)?;
    if ranks.iter().all(<[u32]>::is_empty) {
        return Err(RejectionCode::EmptyBallot);
    }
    key.clear();
    seen.clear();
    let mut repeated = false;
    for rank in ranks.iter() {
        if rank.is_empty() {
            continue;
        }
        if rank.contains(&UNKNOWN) {
            return Err(RejectionCode::UnknownCandidate);
        }
        key.push(rank.len());
        for &c in rank {
            let c = c as usize;
            if seen.len() <= c {
                seen.resize(c.saturating_add(1), false);
            }
            if let Some(mark) = seen.get_mut(c) {
                repeated |= *mark;
                *mark = true;
            }
            key.push(c);
        }
    }
    if repeated {
        return Err(RejectionCode::DuplicateChoice);
    }
    Ok(())
}
