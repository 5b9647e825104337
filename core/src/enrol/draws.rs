//! The draws of an allocation: ties inside a priority tier are broken by public lotteries
//! ([`crate::draw::lottery_order`]) under the published seed. There are two, so that what
//! is shared never depends on who applied to a confidential program:
//!
//! - the **shared draw**, `lottery_order(seed, ids)` over everyone whose application names
//!   at least one shared (not confidential) program. It orders the shared programs and is
//!   published as the allocation's `draw`: anyone can replay it with `draw_order(seed,
//!   draw)`, and adding or removing someone who applied to confidential programs only
//!   changes nothing in it.
//! - the **confidential draw**, `lottery_order(seed, ids)` over everyone whose application
//!   names a confidential program. It orders the confidential programs and is never
//!   shared.
//!
//! Without confidential programs the shared draw is over every applicant. A group's place
//! in each draw is that of its member drawn last (see [`super::units`]).

/// The places of the people in both draws.
pub(crate) struct Draws {
    /// Place per person (by input index) in the shared draw; `u32::MAX`: not in it.
    shared: Vec<u32>,
    /// Place per person in the confidential draw (empty without confidential choices).
    secret: Vec<u32>,
    /// Every applicant: the shared draw, then those only in the confidential draw, in its
    /// order.
    pub order: Vec<u32>,
}

/// In the shared draw.
const SHARED: u8 = 1;
/// In the confidential draw.
const SECRET: u8 = 2;

impl Draws {
    /// The draws over `by_id` (every applicant's person index, sorted by id); `roles`
    /// says which draws each person is in ([`roles`]), `None` when the plan has no
    /// confidential program (everyone is in the shared draw only).
    pub fn new(seed: &str, people: usize, by_id: &[u32], roles: Option<&[u8]>) -> Draws {
        let role = |p: u32| roles.map_or(SHARED, |r| r.get(p as usize).copied().unwrap_or(0));
        let shared = Self::draw(
            seed,
            by_id.iter().copied().filter(|&p| role(p) & SHARED != 0),
        );
        let secret = match roles {
            Some(_) => Self::draw(
                seed,
                by_id.iter().copied().filter(|&p| role(p) & SECRET != 0),
            ),
            None => Vec::new(),
        };
        let mut order = shared.clone();
        order.extend(secret.iter().copied().filter(|&p| role(p) & SHARED == 0));
        Draws {
            shared: Self::places(&shared, people),
            secret: Self::places(&secret, people),
            order,
        }
    }

    /// One lottery over `ids_in_order` (person indices sorted by id).
    fn draw(seed: &str, ids_in_order: impl Iterator<Item = u32>) -> Vec<u32> {
        let mut drawn: Vec<u32> = ids_in_order.collect();
        crate::draw::Draw::from_seed(seed).shuffle(&mut drawn);
        drawn
    }

    /// Place per person of a draw.
    fn places(drawn: &[u32], people: usize) -> Vec<u32> {
        if drawn.is_empty() {
            return Vec::new();
        }
        let mut place = vec![u32::MAX; people];
        for (pos, &p) in drawn.iter().enumerate() {
            if let Some(r) = place.get_mut(p as usize) {
                *r = u32::try_from(pos).unwrap_or(u32::MAX);
            }
        }
        place
    }

    /// The place of a unit of `members` in the shared draw (`secret: false`) or the
    /// confidential one: that of its member drawn last.
    pub fn place(&self, members: &[u32], secret: bool) -> u32 {
        let places = if secret { &self.secret } else { &self.shared };
        members
            .iter()
            .filter_map(|&m| places.get(m as usize).copied())
            .max()
            .unwrap_or(u32::MAX)
    }
}

/// Which draws each person is in (a bit set per person index): the shared one when an
/// application they are a member of names a shared program, the confidential one when it
/// names a confidential program. `applications` gives, per kept application, its members
/// and its chosen programs (plan indices); `confidential` is per plan index.
pub(crate) fn roles<'a>(
    people: usize,
    confidential: &[bool],
    applications: impl Iterator<Item = (&'a [u32], &'a [u32])>,
) -> Vec<u8> {
    let mut roles = vec![0u8; people];
    for (members, choices) in applications {
        let role = choices.iter().fold(0u8, |role, &p| {
            role | if confidential.get(p as usize).copied().unwrap_or(false) {
                SECRET
            } else {
                SHARED
            }
        });
        for &m in members {
            if let Some(r) = roles.get_mut(m as usize) {
                *r |= role;
            }
        }
    }
    roles
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_draw_ignores_confidential_only_applicants() {
        let by_id = [0, 1, 2, 3, 4];
        // 1 and 3 applied to confidential programs only, 2 to both.
        let roles = [SHARED, SECRET, SHARED | SECRET, SECRET, SHARED];
        let with = Draws::new("seed", 5, &by_id, Some(&roles));
        let without = Draws::new("seed", 5, &[0, 2, 4], None);
        assert_eq!(with.order[..3], without.order[..]);
        for p in [0, 2, 4] {
            assert_eq!(with.place(&[p], false), without.place(&[p], false));
        }
        assert_eq!(with.place(&[1], false), u32::MAX);
        assert_eq!(with.place(&[0], true), u32::MAX);
        assert!(with.place(&[2], true) < 3);
        let mut all = with.order.clone();
        all.sort_unstable();
        assert_eq!(all, by_id);
    }

    #[test]
    fn roles_follow_the_choices() {
        let members = [0u32, 1];
        let roles = roles(
            3,
            &[false, true],
            [
                (&members[..1], &[0u32][..]),
                (&members[1..], &[0u32, 1][..]),
            ]
            .into_iter(),
        );
        assert_eq!(roles, vec![SHARED, SHARED | SECRET, 0]);
    }
}
