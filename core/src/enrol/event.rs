//! The events that move an enrolment state after the allocation ([`super::EnrolmentState`]):
//! withdrawals, offers accepted or declined, capacity changes, attendance and the passing of
//! time, each with its time.

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::error::EnrolError;
use crate::error::read_document;

/// An event on the enrolment state, e.g. `{"type": "withdraw", "at": "2006-03-01T10:00:00+08:00",
/// "person": "p1", "program": "pottery"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// A person gives up a seat, a place on the waiting list or an offer.
    Withdraw {
        /// When.
        at: DateTime<FixedOffset>,
        /// Who (for a group, any member: the whole group withdraws).
        person: String,
        /// Which program.
        program: String,
    },
    /// A program's capacity changes.
    Capacity {
        /// When.
        at: DateTime<FixedOffset>,
        /// Which program.
        program: String,
        /// The new number of seats.
        max: u32,
    },
    /// An offer is accepted.
    Accept {
        /// When.
        at: DateTime<FixedOffset>,
        /// Who.
        person: String,
        /// Which program.
        program: String,
    },
    /// An offer is declined; the person leaves that waiting list.
    Decline {
        /// When.
        at: DateTime<FixedOffset>,
        /// Who.
        person: String,
        /// Which program.
        program: String,
    },
    /// Time passes (offers expire).
    Tick {
        /// The new time.
        at: DateTime<FixedOffset>,
    },
    /// Who was present at one occurrence.
    Attendance {
        /// When recorded.
        at: DateTime<FixedOffset>,
        /// Which program.
        program: String,
        /// Occurrence id, e.g. `pottery/20060301T1900`.
        occurrence: String,
        /// People present (all enrolled).
        present: Vec<String>,
    },
}

impl Event {
    /// The program the event is about (`None` for a tick).
    pub fn program(&self) -> Option<&str> {
        match self {
            Event::Withdraw { program, .. }
            | Event::Accept { program, .. }
            | Event::Decline { program, .. }
            | Event::Capacity { program, .. }
            | Event::Attendance { program, .. } => Some(program),
            Event::Tick { .. } => None,
        }
    }

    /// The time of the event.
    pub fn at(&self) -> DateTime<FixedOffset> {
        match self {
            Event::Withdraw { at, .. }
            | Event::Capacity { at, .. }
            | Event::Accept { at, .. }
            | Event::Decline { at, .. }
            | Event::Tick { at }
            | Event::Attendance { at, .. } => *at,
        }
    }
}

/// Reads a list of events from any serde source.
pub fn read_events<'de, D: Deserializer<'de>>(source: D) -> Result<Vec<Event>, EnrolError> {
    Ok(read_document(source, "events")?)
}
