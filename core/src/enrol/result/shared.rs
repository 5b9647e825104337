//! The shared form of an [`Allocation`]: what its serde form writes (the draw, assignments,
//! programs and decisions, confidential programs left out), streamed from the compact form,
//! whole or one part at a time ([`Allocation::shared_part`]).

use std::collections::BTreeMap;

use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::{Allocation, PersonUnits, ProgramStatus};

/// The shared draw.
struct DrawView<'a>(&'a Allocation, &'a [PersonUnits]);

impl Serialize for DrawView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut shared = vec![false; a.people.len()];
        for pu in self.1 {
            if let Some(s) = shared.get_mut(pu.person as usize) {
                *s = a.shared(pu);
            }
        }
        let mut seq = serializer.serialize_seq(None)?;
        for &m in &a.draw {
            if shared.get(m as usize).copied().unwrap_or(false) {
                seq.serialize_element(a.people.get(m))?;
            }
        }
        seq.end()
    }
}

/// Shared assignments (`decisions: false`) or decisions (`true`).
struct PeopleView<'a>(&'a Allocation, &'a [PersonUnits], bool);

impl Serialize for PeopleView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut map = serializer.serialize_map(None)?;
        for pu in self.1.iter().filter(|pu| a.shared(pu)) {
            map.serialize_key(a.people.get(pu.person))?;
            map.serialize_value(&PersonView(a, pu, self.2))?;
        }
        map.end()
    }
}

/// One person's shared decisions (`true`) or assignments (`false`), streamed.
struct PersonView<'a>(&'a Allocation, &'a PersonUnits, bool);

impl Serialize for PersonView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let open = a.decisions_of(self.1).filter(|d| !a.secret(d.index));
        let mut seq = serializer.serialize_seq(None)?;
        if self.2 {
            for d in open {
                seq.serialize_element(&d)?;
            }
        } else {
            for d in open.filter(|d| d.code == "enrolled") {
                seq.serialize_element(d.program)?;
            }
        }
        seq.end()
    }
}

/// A [`ProgramOutcome`] borrowed from the compact form, serialised identically.
#[derive(Serialize)]
struct OutcomeView<'a> {
    status: ProgramStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    applicants: u32,
    enrolled: NamesView<'a>,
    waitlist: NamesView<'a>,
}

/// The member ids of some units, streamed.
struct NamesView<'a>(&'a Allocation, &'a [u32]);

impl Serialize for NamesView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut seq = serializer.serialize_seq(None)?;
        for &u in self.1 {
            for &m in a.units.members(u as usize) {
                seq.serialize_element(a.people.get(m))?;
            }
        }
        seq.end()
    }
}

/// Shared programs.
struct ProgramsView<'a>(&'a Allocation);

impl Serialize for ProgramsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, id) in a.program_ids.iter().enumerate() {
            first.entry(id.as_str()).or_insert(i);
        }
        let mut map = serializer.serialize_map(Some(first.len()))?;
        for (id, i) in first {
            if a.secret(i as u32) {
                continue;
            }
            if let Some(p) = a.programs.get(i) {
                let o = OutcomeView {
                    status: p.status,
                    reason: p.reason,
                    applicants: p.applicants,
                    enrolled: NamesView(a, &p.roster),
                    waitlist: NamesView(a, &p.waitlist),
                };
                map.serialize_entry(id, &o)?;
            }
        }
        map.end()
    }
}

/// A part of an allocation's shared form: what its serialisation writes under one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SharedPart {
    /// `draw`: the lottery order, as person ids.
    Draw,
    /// `assignments`: program ids each person is enrolled in.
    Assignments,
    /// `programs`: the outcome of every shared program.
    Programs,
    /// `decisions`: the decision on every choice of every applicant.
    Decisions,
}

/// One [`SharedPart`] of an allocation, serialised exactly as in the whole shared form.
pub struct SharedPartView<'a> {
    allocation: &'a Allocation,
    part: SharedPart,
    people: Vec<PersonUnits>,
}

impl Allocation {
    /// One part of the shared form, to serialise on its own (a binding's attribute).
    pub fn shared_part(&self, part: SharedPart) -> SharedPartView<'_> {
        let people = match part {
            SharedPart::Programs => Vec::new(),
            _ => self.by_person(),
        };
        SharedPartView {
            allocation: self,
            part,
            people,
        }
    }
}

impl Serialize for SharedPartView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (a, people) = (self.allocation, &self.people);
        match self.part {
            SharedPart::Draw => DrawView(a, people).serialize(serializer),
            SharedPart::Assignments => PeopleView(a, people, false).serialize(serializer),
            SharedPart::Programs => ProgramsView(a).serialize(serializer),
            SharedPart::Decisions => PeopleView(a, people, true).serialize(serializer),
        }
    }
}

impl Serialize for Allocation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let people = self.by_person();
        let fields = if self.draw_seed.is_some() { 9 } else { 8 };
        let mut s = serializer.serialize_struct("Allocation", fields)?;
        s.serialize_field("mechanism", &self.mechanism)?;
        s.serialize_field("seed", &self.seed)?;
        if let Some(draw_seed) = &self.draw_seed {
            s.serialize_field("draw_seed", draw_seed)?;
        }
        s.serialize_field("as_of", &self.as_of)?;
        s.serialize_field("iterations", &self.iterations)?;
        s.serialize_field("draw", &DrawView(self, &people))?;
        s.serialize_field("assignments", &PeopleView(self, &people, false))?;
        s.serialize_field("programs", &ProgramsView(self))?;
        s.serialize_field("decisions", &PeopleView(self, &people, true))?;
        s.end()
    }
}
