//! The plan document: a year, a community, sections with goals, resources and programs.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::audience::Rule;
use super::calendar::{Calendar, Slot};
use super::condition::Condition;
use super::schedule::Schedule;

pub(crate) fn is_false(value: &bool) -> bool {
    !*value
}

/// A community's learning plan for one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Stable id of the plan, e.g. `huaideyuan-2006`; part of every iCalendar UID.
    pub id: String,
    /// Name of the community.
    pub community: String,
    /// The plan's year.
    pub year: i32,
    /// IANA time zone of every local date and time in the plan, e.g. `Asia/Shanghai`.
    pub timezone: String,
    /// Title of the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Periods, public holidays, make-up working days and deadlines.
    #[serde(default)]
    pub calendar: Calendar,
    /// Numbered sections (一, 二, 三 …) with their goals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Rooms and places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub venues: Vec<Venue>,
    /// Teachers, lecturers, volunteers and counsellors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilitators: Vec<Facilitator>,
    /// Scarce equipment, e.g. pottery wheels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<Equipment>,
    /// Partner organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// The programs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<Program>,
    /// Enrolment settings: mechanism, programs per person, offer expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<super::policy::EnrolmentPolicy>,
}

/// A numbered section of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, referenced by programs.
    pub id: String,
    /// Number of the section (1 for 一).
    pub number: u32,
    /// Title, e.g. `一、指导思想`.
    pub title: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Goals of the section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
}

/// A goal, with measurable targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Measurable targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

/// What a target counts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Distinct people taking part (the input's `distinct_participants`), or enrolments
    /// summed over the target's programs when it names programs.
    Participants,
    /// Enrolments summed over the target's programs (all programs when none are named).
    Enrolments,
    /// Sessions held, from attendance records.
    SessionsHeld,
    /// Attendance rate in whole percent: present ÷ expected over the recorded sessions.
    AttendancePercent,
}

/// A measurable target, e.g. "300 residents take part by 31 December".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Stable id within the goal.
    pub id: String,
    /// What is counted.
    pub measure: Measure,
    /// The number to reach (a percentage for `attendance_percent`).
    pub at_least: u32,
    /// Programs counted; empty means all programs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<String>,
    /// Date by which the target should be reached (default: 31 December of the plan year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
}

/// A room or place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Seats or places; absent means unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// When the venue may be used; empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Slot>,
}

/// A teacher, lecturer, volunteer or counsellor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facilitator {
    /// Stable id.
    pub id: String,
    /// Name or role.
    pub name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The partner organisation the facilitator comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// When the facilitator is available; empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Slot>,
}

/// Scarce equipment; each participant of a program that uses it needs one unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Equipment {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Units available.
    pub quantity: u32,
    /// The partner organisation that lends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// When the equipment may be used; empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Slot>,
}

/// A partner organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The kind of a program.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
    /// Study of policies and regulations by an internal group.
    StudyGroup,
    /// A course with enrolment.
    Class,
    /// A series of lectures or talks.
    LectureSeries,
    /// A recurring interest group.
    InterestGroup,
    /// A one-off event or performance, usually without enrolment.
    Event,
    /// An exhibition of residents' works (see [`ExhibitionRules`]).
    Exhibition,
    /// One-to-one appointments; should be confidential.
    Counselling,
    /// An outreach channel (mailbox, publicity window, notice boards): no sessions.
    Channel,
}

impl ProgramKind {
    /// The snake_case wire name, e.g. `lecture_series`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProgramKind::StudyGroup => "study_group",
            ProgramKind::Class => "class",
            ProgramKind::LectureSeries => "lecture_series",
            ProgramKind::InterestGroup => "interest_group",
            ProgramKind::Event => "event",
            ProgramKind::Exhibition => "exhibition",
            ProgramKind::Counselling => "counselling",
            ProgramKind::Channel => "channel",
        }
    }
}

/// Whether a program goes ahead.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Planned (the default).
    #[default]
    Planned,
    /// Cancelled: its occurrences are exported as `STATUS:CANCELLED` and never clash.
    Cancelled,
}

/// Seats of a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capacity {
    /// Fewest participants for the program to run.
    #[serde(default)]
    pub min: u32,
    /// Most participants.
    pub max: u32,
}

/// When applications are taken, both days included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentWindow {
    /// First day applications are taken.
    pub opens: NaiveDate,
    /// Last day applications are taken; must not be after the first session.
    pub closes: NaiveDate,
}

/// A category of an exhibition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Stable id.
    pub id: String,
    /// Title, e.g. `书画`.
    pub title: String,
}

/// Rules of an exhibition program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExhibitionRules {
    /// Categories of works; at least one.
    pub categories: Vec<Category>,
    /// Most works one person may enter.
    pub max_entries_per_person: u32,
    /// Last day works are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_deadline: Option<NaiveDate>,
    /// Visitors vote for the best works of each category.
    #[serde(default, skip_serializing_if = "is_false")]
    pub visitor_voting: bool,
}

/// A program of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Stable id; part of occurrence ids and iCalendar UIDs.
    pub id: String,
    /// Kind.
    pub kind: ProgramKind,
    /// Title (Chinese in the seed plan).
    pub title: String,
    /// Free text (English in the seed plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Section id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Item label within the section, e.g. `第三`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Tags, e.g. `elderly`, `youth`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Who may enrol or attend; absent means everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Rule>,
    /// Seats; absent means no limit of its own. With `appointment_minutes` it counts
    /// appointments per session, and is not checked against the venue's capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Capacity>,
    /// Venue ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub venues: Vec<String>,
    /// Facilitator ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facilitators: Vec<String>,
    /// Equipment ids; each participant needs one unit of each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<String>,
    /// Partner organisation ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// When applications are taken; absent means no enrolment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolment: Option<EnrolmentWindow>,
    /// Conditions that must all hold for the program to open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Programs a participant must have completed first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    /// Who attends must not leak: occurrences carry no participant data and the
    /// iCalendar export marks them `CLASS:CONFIDENTIAL`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
    /// Planned or cancelled.
    #[serde(default)]
    pub status: Status,
    /// Calendar deadline id that every occurrence must end before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Length of one appointment, for counselling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment_minutes: Option<u32>,
    /// Exhibition rules, for exhibitions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhibition: Option<ExhibitionRules>,
    /// When the program meets; absent for channels and undated programs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Enrolment priority tiers and reserved seats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<super::policy::ProgramPolicy>,
}
