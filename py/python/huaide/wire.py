"""The wire format of huaide as ``TypedDict`` declarations: every document the functions
take and every ``to_dict()`` they give back, for editors and type checkers.

Generated from schema/wire.schema.json by py/scripts/wire_types.py; do not edit.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypeAlias, TypedDict

HuaideWireFormat: TypeAlias = Any
"""
Every document and result of huaide's Python and JavaScript functions, under $defs by type name.
"""


class AgeRange(TypedDict):
    """
    An age range in full years, reached on a reference date.
    """

    max: NotRequired[int | None]
    """
    Oldest age allowed.
    """
    min: NotRequired[int | None]
    """
    Youngest age allowed.
    """
    on: NotRequired[str | None]
    """
    The date ages are taken on (default: the reference date passed to [`evaluate`],
    usually the program's first session).
    """


class Amount1(TypedDict):
    """
    A fixed number of members.
    """

    count: int


AnswerKind: TypeAlias = Literal['ranking', 'approval', 'choice', 'score']
"""
How a question's answers become ballots.
"""


class Application(TypedDict):
    """
    An application: `{"person", "choices", "submitted_at"?, "group"?, "max_programs"?}`.
    """

    choices: list[str]
    """
    Program ids, best first.
    """
    group: NotRequired[list[str]]
    """
    Other people applying together with `person`: all get a seat or none. They need no
    application of their own; if they have one, it is ignored in favour of this one only
    when it is identical, otherwise the request is rejected (`duplicate_application`).
    """
    max_programs: NotRequired[int | None]
    """
    Most programs this application may get (default: the plan's, else 1).
    """
    person: str
    """
    The applicant.
    """
    submitted_at: NotRequired[str | None]
    """
    When the application arrived (RFC 3339), for `first_come`.
    """


class ApprovalGroup(TypedDict):
    """
    One group of identical approval ballots in a [`PartialTally`] profile.
    """

    approve: list[str]
    """
    The approved candidate ids, in election order.
    """
    count: int
    """
    How many ballots approve exactly this set.
    """


class AttendanceRecord(TypedDict):
    """
    Attendance of one occurrence.
    """

    expected: int
    """
    People expected (enrolled, or seats for open sessions).
    """
    held: NotRequired[bool]
    """
    The session took place (default true); sessions not held count for nothing.
    """
    occurrence: str
    """
    Occurrence id, e.g. `chorus/20060301T1900`.
    """
    present: int
    """
    People present.
    """


AuditKind: TypeAlias = Literal['tally', 'allocation']
"""
What an audit file is about.
"""


BallotFormat: TypeAlias = Literal['blt', 'preflib', 'csv', 'rctab_csv', 'cdf_json', 'cdf_xml', 'dominion', 'hart', 'clear_ballot', 'google_forms', 'microsoft_forms', 'wjx', 'tencent_forms']
"""
A ballot file format.
"""


class BallotInput1(TypedDict):
    """
    One file's bytes as base64, with its name (`{"name", "base64"}`): a workbook, or
    text that is not UTF-8 (form exports).
    """

    base64: str
    """
    The bytes.
    """
    name: str
    """
    The file name (its extension tells a workbook from CSV).
    """


class BallotSummary(TypedDict):
    """
    How many ballots were cast, counted and rejected (`cast = valid + rejected`, always).
    """

    cast: int
    """
    Ballots cast, grouped ballots counted by their `count`.
    """
    rejected: int
    """
    Ballots rejected, each listed in [`TallyResult::rejected`].
    """
    valid: int
    """
    Ballots counted.
    """


Base: TypeAlias = Literal['cast', 'present', 'members']
"""
What a base of a general threshold is counted in.
"""


class Candidate1(TypedDict):
    """
    An identifier with a display name.
    """

    id: str
    """
    Identifier used on ballots.
    """
    name: NotRequired[str | None]
    """
    Display name (e.g. the title of an exhibited work).
    """


Candidate: TypeAlias = str | Candidate1
"""
A candidate: a bare id on the wire, or `{"id", "name"}`.
"""


class Capacity(TypedDict):
    """
    Seats of a program.
    """

    max: int
    """
    Most participants.
    """
    min: NotRequired[int]
    """
    Fewest participants for the program to run.
    """


class Category(TypedDict):
    """
    A category of an exhibition.
    """

    id: str
    """
    Stable id.
    """
    title: str
    """
    Title, e.g. `书画`.
    """


class ConditionProgress(TypedDict):
    """
    Whether a conditional program's conditions hold.
    """

    met: bool
    """
    All its conditions hold on the enrolment counts given.
    """
    program: str
    """
    Program id.
    """


DayKind: TypeAlias = Literal['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'workday', 'rest_day']
"""
A kind of day an availability slot applies to.
"""


class Deadline(TypedDict):
    """
    A deadline: occurrences of programs bound to it must end before the day `before` begins.
    """

    before: str
    """
    Everything must be over before this day begins.
    """
    id: str
    """
    Stable id, referenced by `program.deadline`.
    """
    title: str
    """
    Title.
    """


class Demand(TypedDict):
    """
    Demand for another program.
    """

    applicants: int
    """
    Fewest applicants.
    """
    program: str
    """
    The program watched.
    """


class Difference(TypedDict):
    """
    One thing that differs.
    """

    code: str
    """
    A stable code (see the module documentation).
    """
    expected: NotRequired[str | None]
    """
    What the audit file records there (a digest, a seed, a version), when it says.
    """
    found: NotRequired[str | None]
    """
    What was found instead.
    """
    path: str
    """
    Where: `inputs.ballots`, `inputs.election.tie_break.seed`, `result.winners`, `version`.
    """


class Digests(TypedDict):
    """
    Digests of the inputs and of the result.
    """

    inputs: dict[str, str]
    """
    Each input's digest, by name (the withheld inputs of a redacted audit have none).
    """
    result: str
    """
    The digest of `result`.
    """


class DrawSeed(TypedDict):
    """
    The seed of a draw as it was published and used: recorded in a result whenever a
    commitment or a public value was given.
    """

    commitment: NotRequired[str | None]
    """
    The commitment published before the close (lowercase hex), when one was given.
    """
    effective_seed: str
    """
    The seed the draw used: the mixed seed with a public value, else the seed.
    """
    public_value: NotRequired[str | None]
    """
    The public value mixed into the seed, when one was given.
    """
    rule: NotRequired[str | None]
    """
    The mixing rule (`huaide-seed-mix-v1`), when a public value was given.
    """
    seed: str
    """
    The seed, as revealed.
    """


DuplicateRule: TypeAlias = Literal['skip', 'exhaust']
"""
What a candidate ranked again does to a ballot.
"""


Duplicates: TypeAlias = Literal['first', 'last']
"""
Which submission counts when a voter submitted several.
"""


class EnrolmentCount(TypedDict):
    """
    Enrolment counts of one program.
    """

    applicants: NotRequired[int]
    """
    People who applied.
    """
    enrolled: NotRequired[int]
    """
    People enrolled.
    """
    program: str
    """
    Program id.
    """


class EnrolmentWindow(TypedDict):
    """
    When applications are taken, both days included.
    """

    closes: str
    """
    Last day applications are taken; must not be after the first session.
    """
    opens: str
    """
    First day applications are taken.
    """


class Entry(TypedDict):
    """
    A work entered in the exhibition by a resident; accepted, it stands as a candidate of its
    category's election (the candidate id is the entry id, its name the title).
    """

    category: str
    """
    Id of one of the exhibition's categories.
    """
    id: str
    """
    Stable id of the work, unique among the entries; the id on ballots.
    """
    person: str
    """
    Id of the person who entered it.
    """
    submitted_on: NotRequired[str | None]
    """
    The day the work was handed in. Entries after the submission deadline are refused;
    undated entries are not checked against it.
    """
    title: str
    """
    Title of the work, shown as the candidate's name.
    """


class Event1(TypedDict):
    """
    A person gives up a seat, a place on the waiting list or an offer.
    """

    at: str
    """
    When.
    """
    person: str
    """
    Who (for a group, any member: the whole group withdraws).
    """
    program: str
    """
    Which program.
    """
    type: Literal['withdraw']


class Event2(TypedDict):
    """
    A program's capacity changes.
    """

    at: str
    """
    When.
    """
    max: int
    """
    The new number of seats.
    """
    program: str
    """
    Which program.
    """
    type: Literal['capacity']


class Event3(TypedDict):
    """
    An offer is accepted.
    """

    at: str
    """
    When.
    """
    person: str
    """
    Who.
    """
    program: str
    """
    Which program.
    """
    type: Literal['accept']


class Event4(TypedDict):
    """
    An offer is declined; the person leaves that waiting list.
    """

    at: str
    """
    When.
    """
    person: str
    """
    Who.
    """
    program: str
    """
    Which program.
    """
    type: Literal['decline']


class Event5(TypedDict):
    """
    Time passes (offers expire).
    """

    at: str
    """
    The new time.
    """
    type: Literal['tick']


class Event6(TypedDict):
    """
    Who was present at one occurrence.
    """

    at: str
    """
    When recorded.
    """
    occurrence: str
    """
    Occurrence id, e.g. `pottery/20060301T1900`.
    """
    present: list[str]
    """
    People present (all enrolled).
    """
    program: str
    """
    Which program.
    """
    type: Literal['attendance']


Event: TypeAlias = Event1 | Event2 | Event3 | Event4 | Event5 | Event6
"""
An event on the enrolment state, e.g. `{"type": "withdraw", "at": "2006-03-01T10:00:00+08:00",
"person": "p1", "program": "pottery"}`.
"""


class ExhibitionRules(TypedDict):
    """
    Rules of an exhibition program.
    """

    categories: list[Category]
    """
    Categories of works; at least one.
    """
    max_entries_per_person: int
    """
    Most works one person may enter.
    """
    submission_deadline: NotRequired[str | None]
    """
    Last day works are accepted.
    """
    visitor_voting: NotRequired[bool]
    """
    Visitors vote for the best works of each category.
    """


class Fill(TypedDict):
    """
    Fill of another program.
    """

    percent: int
    """
    Fewest enrolments, in whole percent of the program's `capacity.max`.
    """
    program: str
    """
    The program watched.
    """


FindingCode: TypeAlias = Literal['unknown_category', 'after_deadline', 'over_entry_limit', 'no_entries', 'seats_reduced']
"""
Why an entry was refused, or what a category's election needed to adapt. Stable codes.
"""


FractionItem: TypeAlias = int


Fraction: TypeAlias = tuple[FractionItem, FractionItem]
"""
A proper fraction `[numerator, denominator]`, e.g. `[2, 3]`.
"""


class Happened(TypedDict):
    """
    Something that happened, as a consequence of an event.
    """

    at: str
    """
    When.
    """
    people: list[str]
    """
    The people concerned.
    """
    program: str
    """
    Program id.
    """
    what: str
    """
    `offer_made`, `offer_accepted`, `offer_declined`, `offer_expired`, `withdrawn`,
    `left_waitlist`, `dropped`, `capacity_changed`, `attendance_recorded`.
    """


class Holiday(TypedDict):
    """
    A public holiday, one day or several (both days included).
    """

    end: NotRequired[str | None]
    """
    Last day (default: `start`).
    """
    start: str
    """
    First day.
    """
    title: str
    """
    Title.
    """


class HouseholdRule(TypedDict):
    """
    Rules about a person's household.
    """

    includes_tag: NotRequired[str | None]
    """
    The household must include a member with this tag, e.g. `child`.
    """
    max_enrolled: NotRequired[int | None]
    """
    Most members of one household that may be enrolled (this person included).
    """


class IcsOptions(TypedDict):
    """
    Options of [`Plan::to_ics`].
    """

    program: NotRequired[str | None]
    """
    Only this program.
    """
    stamp: str
    """
    DTSTAMP of every event (RFC 3339, e.g. `2006-03-01T00:00:00Z`); the caller's clock.
    """


class Inactive(TypedDict):
    """
    Why ballots stopped counting for any candidate. Each field is a decimal string.
    """

    exhausted: str
    """
    Ballots with no continuing candidate left among their choices.
    """
    final_round_surplus: NotRequired[str | None]
    """
    `stv` rule `rctab` only: the surplus votes of the last candidates elected, which have
    nowhere to go once every seat is filled (RCTab's "final round surplus").
    """
    overvote: str
    """
    Ballots that reached an overvote (several candidates at one rank) that the overvote
    rule exhausts.
    """
    repeated_ranking: str
    """
    Ballots that ranked a candidate again, under `duplicate: "exhaust"`.
    """
    rounding: str
    """
    `stv` only: votes lost to the rounding of the fixed-point arithmetic ("0" otherwise).
    Under the `rctab` rule: the residual surplus so far (what the truncated transfers left
    above the threshold of each elected candidate).
    """
    skipped_ranks: str
    """
    Ballots that skipped more consecutive ranks than `max_skipped_ranks` allows.
    """
    undervote: str
    """
    Ballots that marked no candidate at all, or that stopped ranking while more than
    `max_skipped_ranks` ranks of `max_rankings` were left (RCTab's undervote).
    """


Lang: TypeAlias = Literal['en', 'zh']
"""
The language of the text the library produces.
"""


class Limits(TypedDict):
    """
    Size limits of the readers; each has a default, and a file past one is a `too_large`
    error naming it.
    """

    max_bytes: NotRequired[int]
    """
    Most bytes of the file itself (default 64 MiB).
    """
    max_cell_bytes: NotRequired[int]
    """
    Most bytes of one cell's text (default 1 MiB; Excel itself stops at 32,767
    characters).
    """
    max_cells: NotRequired[int]
    """
    Most cells of a sheet, counted as rows times their widths (default 4,000,000).
    """
    max_columns: NotRequired[int]
    """
    Most columns of a sheet (default 16,384, Excel's).
    """
    max_rows: NotRequired[int]
    """
    Most rows of a sheet (default 1,000,000).
    """
    max_unzipped_bytes: NotRequired[int]
    """
    Most bytes a workbook's zip entries may inflate to, all together (default 256 MiB).
    """


class MakeupDay(TypedDict):
    """
    A weekend day worked in exchange for a holiday.
    """

    date: str
    """
    The day.
    """
    title: NotRequired[str | None]
    """
    Why, e.g. "for National Day".
    """


Measure: TypeAlias = Literal['participants', 'enrolments', 'sessions_held', 'attendance_percent']
"""
What a target counts.
"""


Mechanism: TypeAlias = Literal['deferred_acceptance', 'serial_dictatorship', 'first_come']
"""
How seats are allocated when programs have more applicants than seats.
"""


Method: TypeAlias = Literal['plurality', 'approval', 'schulze', 'ranked_pairs', 'copeland', 'borda', 'score', 'star', 'majority_judgment', 'sav', 'pav', 'cc', 'seq_pav', 'seq_cc', 'rev_seq_pav', 'seq_phragmen', 'slav', 'seq_slav', 'geom2', 'irv', 'stv']
"""
How ballots are turned into winners.
"""


class MotionResult(TypedDict):
    """
    The decision on a motion.
    """

    cast: int
    """
    Votes cast, as the threshold counts them.
    """
    explanation: str
    """
    Plain-language account of the decision, naming the abstention rule applied.
    """
    passed: bool
    """
    True when the quorum is met and `yes ≥ required`.
    """
    quorum_met: bool
    """
    Whether enough members were present.
    """
    quorum_required: int
    """
    Members that had to be present.
    """
    required: int
    """
    Yes votes needed to pass.
    """


class NamedText(TypedDict):
    """
    One file of a multi-file export: its name (a path is fine; only the last component is
    looked at where names matter) and its text.
    """

    name: str
    """
    The file name, e.g. `CvrExport_1.json`.
    """
    text: str
    """
    The file's text.
    """


OccurrenceQuery = TypedDict(
    'OccurrenceQuery',
    {
        'from': str,
        'program': NotRequired[str | None],
        'to': str,
        'venue': NotRequired[str | None],
    },
)


class Offer(TypedDict):
    """
    An open offer of seats.
    """

    expires_at: NotRequired[str | None]
    """
    When it lapses (absent: never, when the expiry is beyond the calendar).
    """
    made_at: str
    """
    When it was made.
    """
    people: list[str]
    """
    The people offered seats (a group offers one to each member).
    """
    program: str
    """
    Program id.
    """


OvervoteRule: TypeAlias = Literal['exhaust', 'skip_to_next', 'exhaust_if_multiple_continuing']
"""
What an overvote (several candidates marked at one rank) does to a ballot.
"""


class Partner(TypedDict):
    """
    A partner organisation.
    """

    description: NotRequired[str | None]
    """
    Free text.
    """
    id: str
    """
    Stable id.
    """
    name: str
    """
    Name.
    """


class Period(TypedDict):
    """
    A named period, both days included.
    """

    end: str
    """
    Last day.
    """
    id: str
    """
    Stable id, referenced by `schedule.within`.
    """
    start: str
    """
    First day.
    """
    title: str
    """
    Title.
    """


PreflibType: TypeAlias = Literal['soc', 'soi', 'toc', 'toi']
"""
A PrefLib ordinal data type.
"""


ProfileMark: TypeAlias = int | str
"""
One mark of a profile ranking: a candidate index, or a candidate id.
"""


ProgramKind: TypeAlias = Literal['study_group', 'class', 'lecture_series', 'interest_group', 'event', 'exhibition', 'counselling', 'channel']
"""
The kind of a program.
"""


class ProgramState(TypedDict):
    """
    One program's state, as shown by [`EnrolmentState::for_program`].
    """

    attendance: dict[str, list[str]]
    """
    People present, by occurrence id.
    """
    capacity: NotRequired[int | None]
    """
    Seats (`None`: unlimited).
    """
    enrolled: list[str]
    """
    People enrolled, in the order they got their seats.
    """
    held_back: NotRequired[list[str]]
    """
    The people of `waitlist` passed over for now because their household holds (or is
    offered) the most seats of this program it may; left out when empty.
    """
    log: list[Happened]
    """
    What happened to this program.
    """
    offers: list[Offer]
    """
    Open offers.
    """
    program: str
    """
    Program id.
    """
    running: bool
    """
    Whether the program runs.
    """
    waitlist: list[str]
    """
    People waiting, in order (the continuation of the allocation order), those in
    `held_back` included at their places.
    """


ProgramStatus: TypeAlias = Literal['running', 'cancelled', 'not_opened']
"""
Whether a program goes ahead after the allocation.
"""


class ProgressInput(TypedDict):
    """
    What [`Plan::progress`] measures.
    """

    as_of: str
    """
    The date of the report; records of later occurrences are ignored.
    """
    attendance: NotRequired[list[AttendanceRecord]]
    """
    Attendance per occurrence (at most one record per occurrence).
    """
    distinct_participants: NotRequired[int | None]
    """
    Distinct people who took part in anything (for `participants` targets naming no programs).
    """
    enrolments: NotRequired[list[EnrolmentCount]]
    """
    Enrolment counts per program (at most one entry per program).
    """


ProgressStatus: TypeAlias = Literal['achieved', 'on_track', 'behind']
"""
Where a target stands.
"""


Quota: TypeAlias = Literal['droop', 'hare']
"""
The quota.
"""


Rank: TypeAlias = str | list[str]
"""
One position on a ranked ballot.

On the wire a rank is a candidate id (`"a"`), or a list of ids marked at the same rank
(`["a", "b"]`: an equal ranking where the method allows it, an overvote otherwise), or an
empty list (`[]`: a rank left blank, i.e. skipped).
"""


class RankedGroup(TypedDict):
    """
    Identical valid ranked ballots of one shard (`irv`, `stv`): the ranking as cast, with
    blank ranks kept where they precede a marked rank (they matter for `max_skipped_ranks`)
    and trailing blanks dropped.
    """

    count: int
    """
    How many valid ballots carry exactly these marks.
    """
    ranking: list[Rank]
    """
    The ranking, best first, as on a ballot.
    """


class RctabAction(TypedDict):
    """
    A candidate elected or eliminated in a round, and the transfer of its votes.
    """

    elected: NotRequired[str | None]
    """
    The candidate elected, for an election.
    """
    eliminated: NotRequired[str | None]
    """
    The candidate eliminated, for an elimination.
    """
    transfers: dict[str, str]
    """
    Votes moved to each candidate, to `exhausted`, and (a winner's) `residual surplus`.
    """


class RctabInactiveBallots(TypedDict):
    """
    Inactive ballots of a round, by cause.
    """

    exhaustedChoices: str
    """
    Ballots with no continuing candidate left among their rankings.
    """
    finalRoundSurplus: NotRequired[str | None]
    """
    Multi-winner counts, last round only: the surplus of the last winners, which has
    nowhere to go.
    """
    overvotes: str
    """
    Ballots exhausted at an overvote.
    """
    repeatedRankings: str
    """
    Ballots that ranked a candidate twice (under `exhaustOnDuplicateCandidate`).
    """
    skippedRankings: str
    """
    Ballots that skipped too many ranks.
    """


class RctabReportConfig(TypedDict):
    """
    The report's `config`: the contest's header fields.
    """

    contest: str
    """
    The contest's name.
    """
    date: str
    """
    The contest's date.
    """
    generatedBy: str
    """
    The tabulator, e.g. `RCTab 2.0.0`.
    """
    jurisdiction: str
    """
    The jurisdiction.
    """
    office: str
    """
    The office.
    """


class RctabReportOptions(TypedDict):
    """
    What the report needs beyond the count: the header fields of RCTab's contest config and
    the candidates in config order. Every field may be left out.
    """

    candidates: NotRequired[list[str] | None]
    """
    The candidates in the config's order, undeclared write-ins (`Undeclared Write-ins`)
    last, as RCTab lists them. Only the CSV's order of candidates tied in the first round
    depends on it. Default: the result's candidates by id, write-ins last.
    """
    contest: NotRequired[str]
    """
    The contest's name (RCTab's `outputSettings.contestName`).
    """
    date: NotRequired[str]
    """
    The contest's date as RCTab's config has it (`outputSettings.contestDate`), e.g.
    `2024-11-05`; written as given.
    """
    generated_by: NotRequired[str | None]
    """
    The tabulator that made the report, RCTab's `generatedBy` (`RCTab 2.0.0` in RCTab's
    own reports). Default: `huaide` and its version (`huaide 0.1.0`).
    """
    jurisdiction: NotRequired[str]
    """
    The jurisdiction (`outputSettings.contestJurisdiction`).
    """
    office: NotRequired[str]
    """
    The office (`outputSettings.contestOffice`).
    """


class RctabRound(TypedDict):
    """
    One round of the report.
    """

    inactiveBallots: RctabInactiveBallots
    """
    Inactive ballots (votes) by cause.
    """
    round: int
    """
    The round number, from 1.
    """
    tally: dict[str, str]
    """
    Votes of each candidate in the count, by name.
    """
    tallyResults: list[RctabAction]
    """
    The round's decisions: the elected (by name), then the eliminated (by name), each
    with where its votes went at the start of the next round.
    """
    threshold: str
    """
    The winning threshold.
    """


class RctabSummary(TypedDict):
    """
    The report's totals.
    """

    finalThreshold: str
    """
    The last round's threshold.
    """
    numCandidates: int
    """
    Candidates in the count, undeclared write-ins included.
    """
    numWinners: int
    """
    Seats to fill.
    """
    totalNumBallots: str
    """
    Ballots counted.
    """
    undervotes: int
    """
    Ballots that rank nobody.
    """


class ReadOptions(TypedDict):
    """
    Options of [`read_ballot_file`]; each format reads the ones it needs.
    """

    contest: NotRequired[str | None]
    """
    The contest to read from a cast vote record export (RCTab's `contestId`): the CDF
    contest's `Name` or `@id`/`ObjectId`, Dominion's contest `Id`, Hart's contest `Id`,
    Clear Ballot's contest name. Required for those formats.
    """
    duplicates: NotRequired[Duplicates | None]
    """
    Form exports: which submission of a voter counts, `first` (default) or `last`.
    """
    encoding: NotRequired[str | None]
    """
    Form exports: the text encoding of a CSV file (default: detected).
    """
    first_vote_column: NotRequired[int | None]
    """
    RCTab generic CSV: the first column holding votes, 1-based (default 2).
    """
    first_vote_row: NotRequired[int | None]
    """
    RCTab generic CSV: the first row holding votes, 1-based, after the header (default 2).
    """
    kind: NotRequired[AnswerKind | None]
    """
    Form exports: how to read the answers (default: detected).
    """
    limits: NotRequired[Limits | None]
    """
    Form exports: size limits.
    """
    question: NotRequired[str | None]
    """
    Form exports: the question to read (its text, part of it, or its number).
    """
    sheet: NotRequired[str | None]
    """
    Form exports: the sheet of a workbook (default: the first).
    """
    timestamp_column: NotRequired[str | None]
    """
    Form exports: the header of the submission time (default: the tool's, e.g. `Timestamp`).
    """
    timezone: NotRequired[str | None]
    """
    Form exports: the IANA time zone of timestamps without an offset (default UTC).
    """
    undeclared_write_in_label: NotRequired[str | None]
    """
    The candidate id (or name) the export uses for undeclared write-ins (RCTab's
    `undeclaredWriteInLabel`): its marks become marks for [`UNDECLARED_WRITE_IN`].
    """
    voter_column: NotRequired[str | None]
    """
    Form exports: the header of the voter column (default: the tool's, e.g. `Email Address`).
    """


RejectionCode: TypeAlias = Literal['missing_voter', 'not_on_roll', 'duplicate_voter', 'empty_ballot', 'unknown_candidate', 'duplicate_choice', 'too_many_choices', 'wrong_ballot_kind', 'score_out_of_range']
"""
Why a ballot was not counted. The codes are stable.
"""


Residency: TypeAlias = Literal['resident', 'surrounding', 'visitor']
"""
Where a person lives, relative to the community.
"""


class Rule4(TypedDict):
    """
    Age in full years within a range.
    """

    age: AgeRange


class Rule5(TypedDict):
    """
    Residency is one of these.
    """

    residency: list[Residency]


class Rule6(TypedDict):
    """
    The person has this tag, e.g. `elderly`, `council_member`.
    """

    tag: str


class Rule7(TypedDict):
    """
    The person has completed all these programs.
    """

    completed: list[str]


class Rule8(TypedDict):
    """
    Household rules.
    """

    household: HouseholdRule


class RuleFailure(TypedDict):
    """
    The first rule that failed, with its path inside the rule tree (e.g. `all[1].age`).
    """

    code: str
    """
    Stable code of the failing leaf: `age`, `residency`, `tag`, `completed`,
    `household`; `any` for an empty `any`, `not` for a `not` over `all`/`any`/`not`.
    """
    path: str
    """
    Path of the failing rule.
    """


class ScoreRange(TypedDict):
    """
    The allowed range of a score ballot (`score`, `star`, `majority_judgment`).
    """

    max: NotRequired[int]
    """
    Highest score (default 5). At most `min + 100` for majority judgment.
    """
    min: NotRequired[int]
    """
    Lowest score (default 0); also the score of a candidate a ballot leaves out.
    """


Severity: TypeAlias = Literal['error', 'warning']
"""
How serious a finding is.
"""


class Share(TypedDict):
    """
    A general threshold: a fraction of a base.
    """

    fraction: Fraction
    """
    The fraction.
    """
    of: Base
    """
    What it is a fraction of.
    """


Slot = TypedDict(
    'Slot',
    {
        'days': list[DayKind],
        'from': NotRequired[str | None],
        'to': NotRequired[str | None],
    },
)


Status: TypeAlias = Literal['planned', 'cancelled']
"""
Whether a program goes ahead.
"""


Strength: TypeAlias = Literal['winning', 'margin']
"""
How pairwise defeats are weighed (Schulze, ranked pairs).
"""


StvRule: TypeAlias = Literal['scottish', 'wigm', 'meek', 'rctab']
"""
The STV counting rule.
"""


class TableFinding(TypedDict):
    """
    One problem found in a table: `people.xlsx: row 12, column 出生日期: invalid_date`.

    Rows are 1-based as the spreadsheet shows them (the header row included); columns carry
    their header text and their letter (`A`, `B`, … `AA`).
    """

    code: str
    """
    Stable snake_case code, e.g. `invalid_date`.
    """
    column: NotRequired[str | None]
    """
    The column's header text.
    """
    column_letter: NotRequired[str | None]
    """
    The column's letter (`A`, `B`, … `AA`).
    """
    file: str
    """
    The file name given with the input (empty when none was).
    """
    message: str
    """
    Human-readable explanation (not stable; compare codes, never messages).
    """
    path: str
    """
    The place, rendered: `people.xlsx: row 12, column 出生日期`.
    """
    row: NotRequired[int | None]
    """
    The row, 1-based as the spreadsheet shows it.
    """
    severity: Severity
    """
    `error`: the row (or the file) cannot be used as it is; `warning`: it was read, but
    probably not as meant.
    """
    sheet: NotRequired[str | None]
    """
    The sheet, for workbooks.
    """


TableFormat: TypeAlias = Literal['csv', 'xlsx']
"""
A table file format to write.
"""


class TableInput1(TypedDict):
    """
    A named text file.
    """

    name: str
    """
    File name.
    """
    text: str
    """
    The file's text.
    """


class TableInput2(TypedDict):
    """
    A named file as base64 (standard alphabet, padding optional).
    """

    base64: str
    """
    The bytes, base64.
    """
    name: str
    """
    File name.
    """


TableInput: TypeAlias = str | TableInput1 | TableInput2
"""
A table file on the wire: `"text"`, `{"name", "text"}` or `{"name", "base64"}`.
"""


class Target(TypedDict):
    """
    A measurable target, e.g. "300 residents take part by 31 December".
    """

    at_least: int
    """
    The number to reach (a percentage for `attendance_percent`).
    """
    by: NotRequired[str | None]
    """
    Date by which the target should be reached (default: 31 December of the plan year).
    """
    id: str
    """
    Stable id within the goal.
    """
    measure: Measure
    """
    What is counted.
    """
    programs: NotRequired[list[str]]
    """
    Programs counted; empty means all programs.
    """


class TargetProgress(TypedDict):
    """
    One target's progress.
    """

    at_least: int
    """
    The target value.
    """
    by: str
    """
    The target date.
    """
    expected_by_now: int
    """
    The value expected by `as_of` to be on track.
    """
    goal: str
    """
    Goal id.
    """
    measure: Measure
    """
    What is counted.
    """
    section: str
    """
    Section id.
    """
    status: ProgressStatus
    """
    Status.
    """
    target: str
    """
    Target id.
    """
    value: int
    """
    The value measured (whole percent for `attendance_percent`).
    """


class TextOptions(TypedDict):
    """
    The options of a call that produces text: `{"lang": "zh"}` (every field optional).
    """

    lang: NotRequired[Lang]
    """
    The language of the text (default `"en"`).
    """


class Threshold1(TypedDict):
    """
    At least a fraction of a base, e.g. `{"at_least": {"fraction": [3, 5], "of": "present"}}`.
    """

    at_least: Share


class Threshold2(TypedDict):
    """
    More than a fraction of a base.
    """

    more_than: Share


Threshold: TypeAlias = Literal['simple'] | Literal['absolute'] | Literal['two_thirds'] | Literal['unanimous'] | Threshold1 | Threshold2
"""
How many yes votes a motion needs.
"""


class TieBreak(TypedDict):
    """
    How ties are broken. With no seed a tie is reported as a tie, never decided silently.
    """

    commitment: NotRequired[str | None]
    """
    The commitment of `seed` published before the vote closed (see [`crate::commitment`]):
    the count fails with `seed_mismatch` unless `seed` matches it, and the result records
    it in `draw_seed`.
    """
    order: NotRequired[list[str] | None]
    """
    Ranked methods (`irv`, `stv`): a fixed order of candidate ids, most favoured first. A tie
    for elimination removes the tied candidate listed last; a tie for election elects the one
    listed first. Tied candidates not listed fall through to the next rule. Applied after
    `previous_rounds` and before the lot.
    """
    previous_rounds: NotRequired[bool]
    """
    Ranked methods: first look back at earlier rounds, latest first, and decide by the first
    round in which the tied candidates' totals differ (lowest is eliminated, highest elected).
    """
    public_value: NotRequired[str | None]
    """
    A public value revealed after the close, mixed into `seed` by the rule
    `huaide-seed-mix-v1` (see [`crate::commitment`]): the lot is drawn with the mixed seed.
    """
    rctab_random_seed: NotRequired[int | None]
    """
    Ranked methods: RCTab's `random` tie-break, reproduced bit for bit, in place of the
    lot of `seed` (same place in the order: after `previous_rounds` and `order`; ignored
    with `stop`). RCTab's `randomSeed`: one `java.util.Random(rctab_random_seed)` serves the
    whole count, in the order ties occur; each tie sorts the tied candidate ids as Java
    strings (UTF-16 order) and takes the one at `floor(nextDouble() * tied)`, to eliminate or
    to elect. Candidate ids stand for RCTab's candidate names.
    """
    seed: NotRequired[str | None]
    """
    The published seed of the lot (see [`crate::draw`]).
    """
    stop: NotRequired[bool]
    """
    Ranked methods: a tie that `previous_rounds` and `order` leave standing stops the count
    (the result is incomplete and the tie unresolved) instead of being drawn by `seed`.
    """


class Lot(TypedDict):
    order: list[str]
    """
    The tied candidates in the order the lot placed them.
    """
    seed: str
    """
    The published seed used.
    """


class TieResolution1(TypedDict):
    """
    Broken by the seeded lot; `order` is the tied candidates from luckiest down.
    """

    lot: Lot


class Order(TypedDict):
    order: list[str]
    """
    The tied candidates in the order the list placed them.
    """


class TieResolution2(TypedDict):
    """
    Ranked methods: broken by the election's `tie_break.order`; `order` is the tied
    candidates from most favoured down.
    """

    order: Order


class PreviousRounds(TypedDict):
    round: int
    """
    The round whose totals decided.
    """


class TieResolution3(TypedDict):
    """
    Ranked methods: broken by the totals of an earlier round (`tie_break.previous_rounds`).
    """

    previous_rounds: PreviousRounds


class NoEffect(TypedDict):
    branches: int
    """
    Complete counts explored from this tie, all electing the same winners.
    """
    order: list[str]
    """
    The tied candidates in the order the count shown placed them.
    """


class TieResolution4(TypedDict):
    """
    Not broken, and it did not need to be: every way of breaking it (and every tie met
    after it) elects the same winners, so the count went on without a draw. `order` is
    the tied candidates in their listed order; the count shown takes the one listed last
    for an elimination and the one listed first otherwise (to elect, or for the
    sequential committee rules, to add or remove). `branches` is how many complete counts
    (for the sequential committee rules: ways to complete the committee) follow from the
    tie, all with the same winners. See [`crate::vote::MAX_TIE_COUNTS`].
    """

    no_effect: NoEffect


TieResolution: TypeAlias = TieResolution1 | Literal['unresolved'] | TieResolution2 | TieResolution3 | TieResolution4
"""
How a tie was settled.
"""


TimeSpan = TypedDict(
    'TimeSpan',
    {
        'from': str,
        'to': str,
    },
)


Transfer = TypedDict(
    'Transfer',
    {
        'exhausted': str,
        'from': str,
        'residual': NotRequired[str | None],
        'to': dict[str, str],
    },
)


Unranked: TypeAlias = Literal['implicit', 'explicit']
"""
How candidates left off a ranked ballot are read.
"""


class Venue(TypedDict):
    """
    A room or place.
    """

    availability: NotRequired[list[Slot]]
    """
    When the venue may be used; empty means always.
    """
    capacity: NotRequired[int | None]
    """
    Seats or places; absent means unbounded.
    """
    id: str
    """
    Stable id.
    """
    name: str
    """
    Name.
    """


class VerifyReport(TypedDict):
    """
    The outcome of [`verify`].
    """

    audit_version: str
    """
    The huaide version that made the audit file.
    """
    code: str
    """
    `verified`, `inputs_withheld`, or the code of the most telling difference.
    """
    differences: list[Difference]
    """
    Everything found to differ.
    """
    kind: AuditKind
    """
    What the audit is about.
    """
    ok: bool
    """
    True when the result was re-run and is the same (`code` `verified`).
    """
    rerun: bool
    """
    Whether the count or allocation was re-run.
    """
    verifier_version: str
    """
    The huaide version that verified it.
    """


class WriteOptions(TypedDict):
    """
    Options of [`write_ballot_file`]; each format reads the ones it needs.
    """

    data_type: NotRequired[PreflibType | None]
    """
    PrefLib: the data type to write. Default: the narrowest type that fits the ballots
    (`soc` when every order is strict and complete, `soi`, `toc`, else `toi`). A type the
    ballots do not fit is an error naming the first ballot that does not.
    """
    file_name: NotRequired[str | None]
    """
    PrefLib: the `# FILE NAME` header. Default: `ballots.<data type>`.
    """


class AllocationOptions(TypedDict):
    """
    Options of [`super::allocate`]: `{"mechanism"?, "seed", "commitment"?, "public_value"?,
    "as_of"}`.
    """

    as_of: str
    """
    The date of the allocation: ages are taken on each program's first session, or on
    this date for programs without a schedule.
    """
    commitment: NotRequired[str | None]
    """
    The commitment of `seed` published before applications closed (see
    [`crate::commitment`]): the allocation fails with `seed_mismatch` unless `seed`
    matches it.
    """
    mechanism: NotRequired[Mechanism | None]
    """
    Mechanism (default: the plan's `allocation.mechanism`, else `deferred_acceptance`).
    """
    public_value: NotRequired[str | None]
    """
    A public value revealed after the close, mixed into `seed` (rule
    `huaide-seed-mix-v1`): the draw uses the mixed seed.
    """
    seed: str
    """
    The published seed of the draw.
    """


class Amount2(TypedDict):
    """
    A fraction of all members.
    """

    fraction: Fraction


Amount: TypeAlias = Amount1 | Amount2
"""
An amount of members: a fixed number or a fraction of all members.
"""


class ApplicationOptions(TypedDict):
    """
    Options of [`read_applications`].
    """

    columns: NotRequired[dict[str, str]]
    """
    Field to header text: `{"person": "居民号", "submitted_at": "填表时间"}`.
    """
    encoding: NotRequired[str | None]
    """
    Text encoding of a CSV file (default: detected).
    """
    limits: NotRequired[Limits]
    """
    Size limits.
    """
    sheet: NotRequired[str | None]
    """
    The sheet of a workbook (default: the first).
    """
    timezone: NotRequired[str | None]
    """
    IANA time zone of times without an offset (default: the plan's, else UTC).
    """


class ApplicationsTable(TypedDict):
    """
    What [`read_applications`] found.
    """

    applications: list[Application]
    """
    The applications of the rows without errors, in row order.
    """
    columns: dict[str, str]
    """
    Field to the header text of the column read for it (`choices` lists the choice
    columns joined by `, ` when there is one per choice).
    """
    findings: list[TableFinding]
    """
    Every finding, by row then column.
    """
    header_row: int
    """
    The 1-based row of the header.
    """
    ignored_columns: list[str]
    """
    Headers of the columns kept out.
    """
    ok: bool
    """
    True when no finding is an error.
    """
    sheet: NotRequired[str | None]
    """
    The sheet read, for workbooks.
    """


class Audit(TypedDict):
    """
    An audit file: see the module documentation.
    """

    digests: Digests
    """
    Digests of the inputs and of the result.
    """
    format: str
    """
    `huaide-audit/1`.
    """
    inputs: dict[str, Any]
    """
    The inputs in normal form, by name.
    """
    kind: AuditKind
    """
    `tally` or `allocation`.
    """
    redacted: NotRequired[bool]
    """
    Whether inputs with personal data were left out (confidential programs).
    """
    result: Any
    """
    The result as published.
    """
    seed: NotRequired[DrawSeed | None]
    """
    The seed, commitment, public value and effective seed, when the draw had a seed.
    """
    version: str
    """
    The huaide version that produced it.
    """


class Ballot(TypedDict):
    """
    One ballot as cast, or a group of identical anonymous ballots (`count`).
    """

    approve: NotRequired[list[str] | None]
    """
    Approved candidates, in any order: used by `approval`.
    """
    count: NotRequired[int | None]
    """
    How many identical ballots this entry stands for (default 1; not with `voter`).
    """
    ranking: NotRequired[list[Rank] | None]
    """
    Ranked (or single) choice, best first: used by `plurality` (one rank, one candidate).
    """
    scores: NotRequired[dict[str, Any] | None]
    """
    Scores per candidate id: used by `score`, `star` and `majority_judgment` (grades).
    A candidate left out gets the range's minimum.
    """
    voter: NotRequired[str | None]
    """
    The voter, when ballots are checked against a roll or for double voting.
    """


class BallotFile(TypedDict):
    """
    A ballot file read: its candidates and ballots, ready for an election document.
    """

    ballots: list[Ballot]
    """
    The ballots, ranking candidate ids, in file order (`count` where the file groups).
    """
    candidates: list[Candidate]
    """
    The candidates the file declares (or, for CVR exports, the contest's choices), as
    ids, or `{id, name}` where the file names them. Ballots rank these ids.
    """
    findings: NotRequired[list[TableFinding]]
    """
    Form exports: every problem met, with its row and column (blank and duplicate
    submissions, unreadable ranks, …).
    """
    max_rankings: NotRequired[int | None]
    """
    The contest's maximum number of rankings, when the file says (Dominion's
    `NumOfRanks`): give it to the election's `irv.max_rankings`.
    """
    seats: NotRequired[int | None]
    """
    Seats to fill, when the file says (BLT).
    """
    tie_order: NotRequired[list[str] | None]
    """
    The tie-break order, when the file gives one (BLT `[tie]`).
    """
    title: NotRequired[str | None]
    """
    The title, when the file gives one (BLT).
    """
    undeclared_write_in: NotRequired[str | None]
    """
    The id of the undeclared write-in candidate, when there is one: give it to the
    election's `irv.undeclared_write_in`.
    """
    withdrawn: NotRequired[list[str]]
    """
    Withdrawn candidates, when the file says (BLT).
    """


BallotInput: TypeAlias = str | list[NamedText] | BallotInput1 | dict[str, str]
"""
What to read: one file's text, or the files of an export (a list of `{name, text}`, or
an object mapping names to texts).
"""


class Calendar(TypedDict):
    """
    Periods, holidays, make-up days and deadlines.
    """

    deadlines: NotRequired[list[Deadline]]
    """
    Deadlines, e.g. "before National Day".
    """
    holidays: NotRequired[list[Holiday]]
    """
    Public holidays.
    """
    makeup_days: NotRequired[list[MakeupDay]]
    """
    Weekend days worked in exchange for a holiday.
    """
    periods: NotRequired[list[Period]]
    """
    Named periods, e.g. the winter and summer school holidays.
    """


CategoryBallots: TypeAlias = dict[str, list[Ballot]]


class Condition1(TypedDict):
    """
    At least this many applicants for a program.
    """

    demand_at_least: Demand


class Condition2(TypedDict):
    """
    Enrolments at least this share of a program's capacity.
    """

    fill_at_least: Fill


class Decision(TypedDict):
    """
    The decision on one choice of one applicant.
    """

    code: str
    """
    `enrolled`, `waitlisted`, `limit_reached`, `timetable_conflict`, `household_limit`
    (the program already holds its household rule's `max_enrolled` members of this
    person's household), `program_cancelled`, `program_not_opened`, `ineligible_age`, `missing_birth_date`, `ineligible_residency`,
    `ineligible_tag`, `ineligible_household`, `ineligible`,
    `missing_prerequisite`.
    """
    member: NotRequired[str | None]
    """
    The group member who made the group ineligible, when it is someone else.
    """
    position: NotRequired[int | None]
    """
    Place on the waiting list (1 = next), for `waitlisted`.
    """
    program: str
    """
    The program chosen.
    """
    rule: NotRequired[RuleFailure | None]
    """
    The audience rule that failed, for ineligibility.
    """


class EnrolmentPolicy(TypedDict):
    """
    Plan-wide enrolment settings (the plan's `allocation` field).
    """

    max_programs: NotRequired[int | None]
    """
    Most programs one application may get (default 1); an application may set its own.
    """
    mechanism: NotRequired[Mechanism | None]
    """
    The mechanism used when the caller names none.
    """
    offer_expiry_hours: NotRequired[int | None]
    """
    Hours an offer from a waiting list stays open (default 72).
    """


class EnrolmentState(TypedDict):
    """
    The shareable enrolment state after the allocation and some events.
    """

    now: NotRequired[str | None]
    """
    The time of the last event, events about confidential programs left out (`null`
    before any).
    """
    programs: dict[str, ProgramState]
    """
    Every shared program's state, by id.
    """


class Equipment(TypedDict):
    """
    Scarce equipment; each participant of a program that uses it needs one unit.
    """

    availability: NotRequired[list[Slot]]
    """
    When the equipment may be used; empty means always.
    """
    id: str
    """
    Stable id.
    """
    name: str
    """
    Name.
    """
    partner: NotRequired[str | None]
    """
    The partner organisation that lends it.
    """
    quantity: int
    """
    Units available.
    """


class ExhibitionFinding(TypedDict):
    """
    A refused entry or an adapted category: data, not an error.
    """

    category: NotRequired[str | None]
    """
    The category concerned.
    """
    code: FindingCode
    """
    What happened.
    """
    entry: NotRequired[str | None]
    """
    The refused entry's id.
    """
    path: str
    """
    Path of the entry (`entries[4]`) or of the category or option concerned.
    """
    person: NotRequired[str | None]
    """
    The person who entered it.
    """


class Facilitator(TypedDict):
    """
    A teacher, lecturer, volunteer or counsellor.
    """

    availability: NotRequired[list[Slot]]
    """
    When the facilitator is available; empty means always.
    """
    description: NotRequired[str | None]
    """
    Free text.
    """
    id: str
    """
    Stable id.
    """
    name: str
    """
    Name or role.
    """
    partner: NotRequired[str | None]
    """
    The partner organisation the facilitator comes from.
    """


class Finding(TypedDict):
    """
    One problem found in a plan.
    """

    code: str
    """
    Stable snake_case code, e.g. `venue_double_booked`.
    """
    message: str
    """
    Human-readable explanation (not stable; compare codes, never messages).
    """
    path: str
    """
    Path of the offending field, e.g. `programs[4].schedule.rrule`.
    """
    severity: Severity
    """
    Error or warning.
    """


class Goal(TypedDict):
    """
    A goal, with measurable targets.
    """

    description: NotRequired[str | None]
    """
    Free text.
    """
    id: str
    """
    Stable id.
    """
    targets: NotRequired[list[Target]]
    """
    Measurable targets.
    """
    title: str
    """
    Title.
    """


class IrvOptions(TypedDict):
    """
    Ballot-reading and elimination rules of `irv` (RCTab's rules). All fields are optional.
    """

    batch_elimination: NotRequired[bool]
    """
    Eliminate at once every candidate who cannot catch up (default false).
    """
    continue_until_two: NotRequired[bool]
    """
    Keep eliminating after the winner is found until two candidates remain (default false).
    """
    duplicate: NotRequired[DuplicateRule]
    """
    Rule for a candidate ranked twice (default `skip`).
    """
    max_rankings: NotRequired[int | None]
    """
    Most ranks a ballot may use: a ballot marking a later rank is rejected
    (`too_many_choices`). `null` (default): no limit.
    """
    max_skipped_ranks: NotRequired[int | None]
    """
    Most consecutive ranks a ballot may leave blank before a later mark; more exhausts it
    (cause `skipped_ranks`). `null` (default): any number.
    """
    minimum_vote_threshold: NotRequired[int]
    """
    Candidates with fewer votes are eliminated together; the threshold is never below it
    (default 0: none).
    """
    overvote: NotRequired[OvervoteRule]
    """
    Overvote rule (default `exhaust`).
    """
    undeclared_write_in: NotRequired[str | None]
    """
    The id of the candidate that stands for undeclared write-ins: eliminated first whenever
    it has votes, never elected.
    """


class Occurrence(TypedDict):
    """
    One session of a program.
    """

    all_day: bool
    """
    An all-day occurrence.
    """
    confidential: bool
    """
    The program is confidential.
    """
    date: str
    """
    Local date the occurrence starts on.
    """
    end: str
    """
    End (exclusive; for all-day occurrences midnight after the last day).
    """
    facilitators: list[str]
    """
    Facilitator ids.
    """
    id: str
    """
    Stable id: `<program>/<YYYYMMDD>T<HHMM>` in local time, `<program>/<YYYYMMDD>` all-day.
    """
    kind: ProgramKind
    """
    Program kind.
    """
    program: str
    """
    Program id.
    """
    start: str
    """
    Start, RFC 3339 with the zone's offset at that instant.
    """
    status: Status
    """
    Planned or cancelled (the program's status).
    """
    title: str
    """
    Program title.
    """
    venues: list[str]
    """
    Venue ids.
    """


class PairwiseOptions(TypedDict):
    """
    Options of the pairwise methods (`schulze`, `ranked_pairs`, `copeland`; `unranked` also
    for `borda`).
    """

    strength: NotRequired[Strength]
    """
    Defeat strength (Schulze and ranked pairs): `winning` (default) or `margin`.
    """
    unranked: NotRequired[Unranked]
    """
    Reading of unranked candidates: `implicit` (default) or `explicit`.
    """


class PeopleOptions(TypedDict):
    """
    Options of [`read_people`].
    """

    columns: NotRequired[dict[str, str]]
    """
    Field to header text, for headers the defaults do not know: `{"birth_date": "生辰"}`.
    """
    default_residency: NotRequired[Residency | None]
    """
    Residency of rows that give none.
    """
    encoding: NotRequired[str | None]
    """
    Text encoding of a CSV file (default: detected; see [`super::decode`]).
    """
    limits: NotRequired[Limits]
    """
    Size limits.
    """
    sheet: NotRequired[str | None]
    """
    The sheet of a workbook (default: the first).
    """


class Person(TypedDict):
    """
    Someone who may apply: `{"id", "birth_date"?, "household"?, "residency", "tags", "history"?}`.
    """

    birth_date: NotRequired[str | None]
    """
    Date of birth; age rules cannot be met without it.
    """
    history: NotRequired[list[str]]
    """
    Ids of programs completed before (for prerequisites and `completed` rules).
    """
    household: NotRequired[str | None]
    """
    Household id: members share household rules and household tags.
    """
    id: str
    """
    Stable id (never a name).
    """
    residency: Residency
    """
    Residency.
    """
    tags: NotRequired[list[str]]
    """
    Tags, e.g. `elderly`, `child`.
    """


class ProfileDocument(TypedDict):
    """
    Index rankings with optional counts; see the module documentation.
    """

    counts: NotRequired[list[int] | None]
    """
    How many ballots each ranking stands for (same length as `rankings`; default all 1).
    """
    rankings: list[list[ProfileMark]]
    """
    Strict rankings of candidate indices or ids, best first (no skipped or equal ranks).
    """


class ProgramOutcome(TypedDict):
    """
    The outcome for one program.
    """

    applicants: int
    """
    Eligible applicants (people), as counted for `demand_at_least` conditions: members
    refused with `household_limit` count (they are eligible; the cap limits seats).
    """
    enrolled: list[str]
    """
    People enrolled, in priority order.
    """
    reason: NotRequired[str | None]
    """
    Why it does not run: `plan_cancelled`, `below_minimum` or `conditions_not_met`.
    """
    status: ProgramStatus
    """
    Running, cancelled or not opened.
    """
    waitlist: list[str]
    """
    People waiting, in priority order (the continuation of the allocation order).
    """


class ProgramReport(TypedDict):
    """
    Everything about one program, confidential or not: see [`Allocation::for_program`].
    """

    applicants: int
    """
    Eligible applicants (people), as counted for `demand_at_least` conditions: members
    refused with `household_limit` count (they are eligible; the cap limits seats).
    """
    decisions: dict[str, Decision]
    """
    The decision on this program for each applicant who chose it.
    """
    enrolled: list[str]
    """
    People enrolled, in priority order.
    """
    program: str
    """
    Program id.
    """
    reason: NotRequired[str | None]
    """
    Why it does not run: `plan_cancelled`, `below_minimum` or `conditions_not_met`.
    """
    status: ProgramStatus
    """
    Running, cancelled or not opened.
    """
    waitlist: list[str]
    """
    People waiting, in priority order (the continuation of the allocation order).
    """


class ProgressReport(TypedDict):
    """
    The progress report.
    """

    as_of: str
    """
    The report's date.
    """
    conditions: list[ConditionProgress]
    """
    Every program with conditions, in plan order.
    """
    targets: list[TargetProgress]
    """
    Every target, in plan order.
    """


class Quorum1(TypedDict):
    """
    At least this many present, e.g. `{"present_at_least": {"fraction": [1, 2]}}`.
    """

    present_at_least: Amount


class Quorum2(TypedDict):
    """
    More than this many present, e.g. `{"present_more_than": {"fraction": [1, 2]}}`.
    """

    present_more_than: Amount


Quorum: TypeAlias = Literal['none'] | Quorum1 | Quorum2
"""
How many members must be present for the vote to count.
"""


class RctabReport(TypedDict):
    """
    RCTab's detailed JSON report (its `*_detailed_report.json`), field for field. Serialized,
    fields come in RCTab's (alphabetical) order.
    """

    config: RctabReportConfig
    """
    The contest's header fields.
    """
    jsonFormatVersion: str
    """
    Always `"1"`.
    """
    results: list[RctabRound]
    """
    One entry per round.
    """
    summary: RctabSummary
    """
    Totals of the contest.
    """


class Rejection(TypedDict):
    """
    One rejected ballot entry.
    """

    code: RejectionCode
    """
    Why it was rejected.
    """
    count: int
    """
    How many ballots the entry stood for.
    """
    index: int
    """
    Position of the ballot in the input list (0-based).
    """
    voter: NotRequired[str | None]
    """
    The voter it named, if any.
    """


class RoundTie(TypedDict):
    """
    A tie met in a round.
    """

    candidates: list[str]
    """
    The tied candidates, in election order.
    """
    purpose: str
    """
    `"elimination"` (who is eliminated) or `"election"` (who is elected) or `"surplus"`
    (whose surplus is transferred first).
    """
    resolution: TieResolution
    """
    How it was settled.
    """
    votes: str
    """
    The vote each of them has.
    """


Schedule = TypedDict(
    'Schedule',
    {
        'dates': NotRequired[list[str]],
        'days': NotRequired[int | None],
        'except': NotRequired[list[str]],
        'first': str,
        'on_holidays': NotRequired[bool],
        'rrule': NotRequired[str | None],
        'time': NotRequired[TimeSpan | None],
        'within': NotRequired[list[str]],
    },
)


class Section(TypedDict):
    """
    A numbered section of the plan.
    """

    description: NotRequired[str | None]
    """
    Free text.
    """
    goals: NotRequired[list[Goal]]
    """
    Goals of the section.
    """
    id: str
    """
    Stable id, referenced by programs.
    """
    number: int
    """
    Number of the section (1 for 一).
    """
    title: str
    """
    Title, e.g. `一、指导思想`.
    """


class StvOptions(TypedDict):
    """
    Options of `stv`.
    """

    decimals: NotRequired[int | None]
    """
    Rule `rctab` only: decimal places of the vote arithmetic, 1 to 18 (RCTab's
    `decimalPlacesForVoteArithmetic`; default 4).
    """
    fractional_threshold: NotRequired[bool]
    """
    Rule `rctab` only: RCTab's `nonIntegerWinningThreshold`. The threshold keeps `decimals`
    places (`droop`: `votes / (seats + 1)` truncated plus one unit of the last place)
    instead of being whole (`floor(votes / (seats + 1)) + 1`). Default false.
    """
    quota: NotRequired[Quota]
    """
    The quota (default `droop`).
    """
    rule: NotRequired[StvRule]
    """
    The counting rule (default `scottish`).
    """


class Tie(TypedDict):
    """
    A tie met during the count.
    """

    candidates: list[str]
    """
    The tied candidates, in election order.
    """
    resolution: TieResolution
    """
    How it was settled.
    """
    seats_at_stake: int
    """
    Seats the tie decides: how many of these candidates win (0 when only order is at stake).
    """
    votes: int
    """
    The vote each of them has.
    """


class ValidationReport(TypedDict):
    """
    The outcome of [`super::Plan::validate`]: findings sorted by path (numbers in paths compare
    as numbers, so `programs[2]` comes before `programs[10]`), then code.
    """

    errors: int
    """
    Number of error findings.
    """
    findings: list[Finding]
    """
    Every finding, sorted by path (numbers as numbers), code, then message.
    """
    ok: bool
    """
    True when no finding is an error.
    """
    warnings: int
    """
    Number of warning findings.
    """


class Allocation(TypedDict):
    """
    The shareable result of `allocate` (confidential programs left out).
    """

    as_of: str
    """
    The reference date of the rules.
    """
    assignments: dict[str, list[str]]
    """
    Program ids each person is enrolled in.
    """
    decisions: dict[str, list[Decision]]
    """
    The decision on every choice of every applicant, in choice order.
    """
    draw: list[str]
    """
    The lottery order, as person ids.
    """
    draw_seed: NotRequired[DrawSeed | None]
    """
    The seed's commitment, the public value, the rule and the effective seed (only when
    a commitment or a public value was given).
    """
    iterations: int
    """
    Rounds of the cancel-and-reallocate loop.
    """
    mechanism: Mechanism
    """
    The mechanism used.
    """
    programs: dict[str, ProgramOutcome]
    """
    The outcome of every shared program, by id.
    """
    seed: str
    """
    The published seed of the draw.
    """


class CategoryOptions(TypedDict):
    """
    The options of one category that differ from [`ExhibitionOptions`]; every field optional.
    """

    irv: NotRequired[IrvOptions | None]
    """
    Rules of `irv`.
    """
    max_choices: NotRequired[int | None]
    """
    Most works a ballot may mark.
    """
    method: NotRequired[Method | None]
    """
    Counting method.
    """
    pairwise: NotRequired[PairwiseOptions | None]
    """
    Options of the pairwise methods.
    """
    score_range: NotRequired[ScoreRange | None]
    """
    Score range of the graded methods.
    """
    seats: NotRequired[int | None]
    """
    Works chosen.
    """
    stv: NotRequired[StvOptions | None]
    """
    Rules of `stv`.
    """
    tie_break: NotRequired[TieBreak | None]
    """
    How ties are broken.
    """


class Election(TypedDict):
    """
    One election: a question, its candidates and the rules of the count.
    """

    candidates: list[Candidate]
    """
    The candidates, in their listed order.
    """
    id: str
    """
    Identifier, e.g. `exhibition-2006-photography`.
    """
    irv: NotRequired[IrvOptions | None]
    """
    Ballot-reading and elimination rules of `irv` (defaults when absent).
    """
    max_choices: NotRequired[int | None]
    """
    Most choices a ballot may mark (approval only; plurality is always 1).
    """
    method: Method
    """
    Counting method.
    """
    pairwise: NotRequired[PairwiseOptions | None]
    """
    Options of the pairwise methods (and `unranked` for `borda`).
    """
    roll: NotRequired[list[str] | None]
    """
    Voter ids allowed to vote. When present, every ballot must name a voter on it.
    """
    score_range: NotRequired[ScoreRange | None]
    """
    Score range of `score`, `star` and `majority_judgment` (default 0 to 5).
    """
    seats: int
    """
    Number of winners (top k). At least 1 and at most the number of candidates.
    """
    stv: NotRequired[StvOptions | None]
    """
    Counting rule and quota of `stv` (defaults when absent).
    """
    tie_break: NotRequired[TieBreak | None]
    """
    How ties are broken.
    """


class ExhibitionOptions(TypedDict):
    """
    The counting rules of the exhibition's elections. Any method of [`crate::vote`] may be
    used; the method-specific options are those of [`Election`].
    """

    categories: NotRequired[dict[str, CategoryOptions]]
    """
    Overrides per category id; a field left out keeps the value above.
    """
    irv: NotRequired[IrvOptions | None]
    """
    Rules of `irv`.
    """
    max_choices: NotRequired[int | None]
    """
    Most works a ballot may mark (approval methods; plurality is always 1).
    """
    method: NotRequired[Method]
    """
    Counting method (default `approval`: visitors tick every work they like).
    """
    pairwise: NotRequired[PairwiseOptions | None]
    """
    Options of the pairwise methods.
    """
    score_range: NotRequired[ScoreRange | None]
    """
    Score range of the graded methods.
    """
    seats: NotRequired[int]
    """
    Works chosen per category (default 1, the best work). A category with fewer accepted
    entries elects them all (finding `seats_reduced`).
    """
    stv: NotRequired[StvOptions | None]
    """
    Rules of `stv`.
    """
    tie_break: NotRequired[TieBreak | None]
    """
    How ties are broken (a published seed, see [`crate::draw`]).
    """


class FileElection(TypedDict):
    """
    An election to count a ballot file in: [`Election`]'s fields, each optional but
    `method`, the file giving what is left out (see the module documentation).
    """

    candidates: NotRequired[list[Candidate] | None]
    """
    The candidates (default: the file's, without the withdrawn ones).
    """
    id: NotRequired[str | None]
    """
    Identifier (default: the file's title, else `ballot file`).
    """
    irv: NotRequired[IrvOptions | None]
    """
    Ballot rules of `irv` (`max_rankings` and `undeclared_write_in` default to the file's).
    """
    max_choices: NotRequired[int | None]
    """
    Most choices a ballot may mark (approval and committees).
    """
    method: Method
    """
    Counting method.
    """
    pairwise: NotRequired[PairwiseOptions | None]
    """
    Options of the pairwise methods.
    """
    roll: NotRequired[list[str] | None]
    """
    Voter ids allowed to vote.
    """
    score_range: NotRequired[ScoreRange | None]
    """
    Score range of the graded methods.
    """
    seats: NotRequired[int | None]
    """
    Number of winners (default: the file's, else 1).
    """
    stv: NotRequired[StvOptions | None]
    """
    Counting rule of `stv`.
    """
    tie_break: NotRequired[TieBreak | None]
    """
    How ties are broken.
    """


class Motion(TypedDict):
    """
    A motion put to the council, with its vote.
    """

    abstain: NotRequired[int]
    """
    Abstentions.
    """
    abstentions_count_as_cast: NotRequired[bool]
    """
    Whether abstentions count as votes cast (default: not counted).
    """
    members: int
    """
    Members of the council.
    """
    no: int
    """
    No votes.
    """
    present: int
    """
    Members present.
    """
    quorum: Quorum
    """
    Quorum rule.
    """
    threshold: Threshold
    """
    Threshold rule.
    """
    yes: int
    """
    Yes votes.
    """


class PartialTally(TypedDict):
    """
    The count of one shard of ballots, before the winners are found. Serialisable, so shards
    can be counted in different places and sent to one merger.
    """

    ballots: BallotSummary
    """
    Ballot totals of the shard.
    """
    election: str
    """
    The election's id.
    """
    entries: int
    """
    Number of ballot entries in the shard (offsets rejection indices when merging).
    """
    grades: NotRequired[dict[str, Any] | None]
    """
    `grades[x][g]`: ballots giving `x` the grade `min + g` (majority judgment).
    """
    method: Method
    """
    The method counted.
    """
    pairwise: NotRequired[dict[str, Any] | None]
    """
    `pairwise[x][y]`: ballots ranking (or scoring) `x` above `y` (pairwise methods, star).
    """
    profile: NotRequired[list[ApprovalGroup] | None]
    """
    Approval ballots grouped by approved set (committee methods).
    """
    rankings: NotRequired[list[RankedGroup] | None]
    """
    Valid ranked ballots grouped by their marks (`irv`, `stv`), in a canonical order.
    """
    rejected: list[Rejection]
    """
    Rejected entries, indexed within the shard.
    """
    voters: NotRequired[list[str]]
    """
    Voters who cast a ballot in this shard (sorted), to detect voting in two shards.
    """
    votes: NotRequired[dict[str, Any] | None]
    """
    Totals per candidate: votes (plurality, approval), points (borda), scores (score, star).
    """


class PeopleTable(TypedDict):
    """
    What [`read_people`] found: the people it could read and every finding.
    """

    columns: dict[str, str]
    """
    Field to the header text of the column read for it.
    """
    findings: list[TableFinding]
    """
    Every finding, by row then column.
    """
    header_row: int
    """
    The 1-based row of the header.
    """
    ignored_columns: list[str]
    """
    Headers of the columns kept out.
    """
    ok: bool
    """
    True when no finding is an error.
    """
    people: list[Person]
    """
    The people of the rows without errors, in row order.
    """
    sheet: NotRequired[str | None]
    """
    The sheet read, for workbooks.
    """


class Round(TypedDict):
    """
    One round of an elimination count.
    """

    continuing: str
    """
    Sum of `tally`.
    """
    elected: NotRequired[list[str]]
    """
    Candidates elected in this round.
    """
    eliminated: NotRequired[list[str]]
    """
    Candidates eliminated (excluded) in this round, their votes moving in the next round.
    """
    inactive: Inactive
    """
    Ballots (or votes) inactive in this round, by cause.
    """
    round: int
    """
    Round number, from 1.
    """
    tally: dict[str, str]
    """
    Votes of every candidate still in the count (continuing, and for `stv` the elected
    holding their quota), by candidate id.
    """
    threshold: str
    """
    The winning threshold (quota) in this round.
    """
    ties: NotRequired[list[RoundTie]]
    """
    Ties met in this round.
    """
    transfers: NotRequired[list[Transfer]]
    """
    Where the votes of this round's eliminated (or surplus-transferring elected) candidates
    went, as counted at the start of the next round.
    """


class TallyResult(TypedDict):
    """
    The outcome of [`super::tally`].
    """

    ballots: BallotSummary
    """
    Ballot totals.
    """
    complete: bool
    """
    True when every seat is filled (no unresolved tie for a seat).
    """
    condorcet_winner: NotRequired[str | None]
    """
    Pairwise methods: the candidate who beats every other pairwise, when there is one.
    """
    counts: dict[str, int]
    """
    Votes per candidate.
    """
    draw_seed: NotRequired[DrawSeed | None]
    """
    The seed, its commitment, the public value, the mixing rule and the effective seed,
    when the election's `tie_break` gives a commitment or a public value (see
    [`crate::commitment`]).
    """
    election: str
    """
    The election's id.
    """
    method: Method
    """
    The method used.
    """
    pairwise: NotRequired[dict[str, Any] | None]
    """
    Pairwise methods: `pairwise[x][y]` is the number of ballots ranking `x` above `y`.
    """
    ranking: list[list[str]]
    """
    Every candidate in tiers, best first; a tier of several is an unbroken tie.
    """
    rejected: list[Rejection]
    """
    Every rejected ballot, in input order.
    """
    rounds: NotRequired[list[Round]]
    """
    Elimination methods (`irv`, `stv`): the count round by round (see [`super::Round`]).
    """
    runoff: NotRequired[dict[str, Any] | None]
    """
    STAR: the runoff, as the number of ballots preferring each finalist.
    """
    seats: int
    """
    Seats to fill.
    """
    strongest_paths: NotRequired[dict[str, Any] | None]
    """
    Schulze: `strongest_paths[x][y]` is the strength of the strongest path from `x` to `y`.
    """
    ties: list[Tie]
    """
    Every tie met, from the top of the ranking down.
    """
    winners: list[str]
    """
    The elected candidates, best first. Fewer than `seats` when an unresolved tie stands.
    """


class CategoryElection(TypedDict):
    """
    The election of one category.
    """

    category: str
    """
    The category's id.
    """
    election: Election
    """
    The election: id `<program>/<category>`, one candidate per accepted entry.
    """
    entries: list[Entry]
    """
    The accepted entries, in candidate order.
    """
    title: str
    """
    The category's title.
    """


class CategoryResult(TypedDict):
    """
    The count of one category.
    """

    category: str
    """
    The category's id.
    """
    result: TallyResult
    """
    The count, exactly as [`crate::vote::tally`] gives it.
    """
    title: str
    """
    The category's title.
    """


class ExhibitionElections(TypedDict):
    """
    The elections of an exhibition, ready to print on ballot papers and to count with
    [`super::tally_exhibition`].
    """

    elections: list[CategoryElection]
    """
    One election per category that has entries, in the plan's category order.
    """
    findings: NotRequired[list[ExhibitionFinding]]
    """
    Refused entries (in input order), then adapted categories (in category order).
    """
    program: str
    """
    The exhibition program's id.
    """
    roll: NotRequired[list[str] | None]
    """
    The shared roll: the distinct visitors, sorted. Every election without a roll of its
    own is counted against it. Absent: no roll.
    """


class ExhibitionResult(TypedDict):
    """
    The outcome of [`tally_exhibition`]: every category's count, in the plan's category order.
    """

    categories: list[CategoryResult]
    """
    One count per election, in the order of the elections.
    """
    program: str
    """
    The exhibition program's id.
    """
    roll: NotRequired[list[str] | None]
    """
    The shared roll the categories were counted against, if any.
    """
    voters: int
    """
    Distinct named voters with a counted ballot in at least one category.
    """


class Condition3(TypedDict):
    """
    Every condition holds.
    """

    all: list[Condition]


class Condition4(TypedDict):
    """
    At least one condition holds.
    """

    any: list[Condition]


Condition: TypeAlias = Condition1 | Condition2 | Condition3 | Condition4
"""
A condition on other programs.
"""


class ExhibitionRequest(TypedDict):
    """
    What [`exhibition_elections`] reads: the plan, the exhibition program, the entries, the
    visitors and the counting options. One wire document, so bindings and tests pass it whole.
    """

    entries: list[Entry]
    """
    The works entered.
    """
    options: NotRequired[ExhibitionOptions]
    """
    Counting rules (default: approval, one work per category).
    """
    plan: Plan
    """
    The plan.
    """
    program: str
    """
    Id of the exhibition program.
    """
    visitors: NotRequired[list[str] | None]
    """
    Person ids recorded as having visited; when given, they are the roll of every
    category (each counted once however often recorded). Absent: anyone may vote.
    """


class Plan(TypedDict):
    """
    A community's learning plan for one year.
    """

    allocation: NotRequired[EnrolmentPolicy | None]
    """
    Enrolment settings: mechanism, programs per person, offer expiry.
    """
    calendar: NotRequired[Calendar]
    """
    Periods, public holidays, make-up working days and deadlines.
    """
    community: str
    """
    Name of the community.
    """
    description: NotRequired[str | None]
    """
    Free text.
    """
    equipment: NotRequired[list[Equipment]]
    """
    Scarce equipment, e.g. pottery wheels.
    """
    facilitators: NotRequired[list[Facilitator]]
    """
    Teachers, lecturers, volunteers and counsellors.
    """
    id: str
    """
    Stable id of the plan, e.g. `huaideyuan-2006`; part of every iCalendar UID.
    """
    partners: NotRequired[list[Partner]]
    """
    Partner organisations.
    """
    programs: NotRequired[list[Program]]
    """
    The programs.
    """
    sections: NotRequired[list[Section]]
    """
    Numbered sections (一, 二, 三 …) with their goals.
    """
    timezone: str
    """
    IANA time zone of every local date and time in the plan, e.g. `Asia/Shanghai`.
    """
    title: NotRequired[str | None]
    """
    Title of the plan.
    """
    venues: NotRequired[list[Venue]]
    """
    Rooms and places.
    """
    year: int
    """
    The plan's year.
    """


class Program(TypedDict):
    """
    A program of the plan.
    """

    allocation: NotRequired[ProgramPolicy | None]
    """
    Enrolment priority tiers and reserved seats.
    """
    appointment_minutes: NotRequired[int | None]
    """
    Length of one appointment, for counselling.
    """
    audience: NotRequired[Rule | None]
    """
    Who may enrol or attend; absent means everyone.
    """
    capacity: NotRequired[Capacity | None]
    """
    Seats; absent means no limit of its own. With `appointment_minutes` it counts
    appointments per session, and is not checked against the venue's capacity.
    """
    conditions: NotRequired[list[Condition]]
    """
    Conditions that must all hold for the program to open.
    """
    confidential: NotRequired[bool]
    """
    Who attends must not leak: occurrences carry no participant data and the
    iCalendar export marks them `CLASS:CONFIDENTIAL`.
    """
    deadline: NotRequired[str | None]
    """
    Calendar deadline id that every occurrence must end before.
    """
    description: NotRequired[str | None]
    """
    Free text (English in the seed plan).
    """
    enrolment: NotRequired[EnrolmentWindow | None]
    """
    When applications are taken; absent means no enrolment.
    """
    equipment: NotRequired[list[str]]
    """
    Equipment ids; each participant needs one unit of each.
    """
    exhibition: NotRequired[ExhibitionRules | None]
    """
    Exhibition rules, for exhibitions.
    """
    facilitators: NotRequired[list[str]]
    """
    Facilitator ids.
    """
    id: str
    """
    Stable id; part of occurrence ids and iCalendar UIDs.
    """
    item: NotRequired[str | None]
    """
    Item label within the section, e.g. `第三`.
    """
    kind: ProgramKind
    """
    Kind.
    """
    partners: NotRequired[list[str]]
    """
    Partner organisation ids.
    """
    prerequisites: NotRequired[list[str]]
    """
    Programs a participant must have completed first.
    """
    schedule: NotRequired[Schedule | None]
    """
    When the program meets; absent for channels and undated programs.
    """
    section: NotRequired[str | None]
    """
    Section id.
    """
    status: NotRequired[Status]
    """
    Planned or cancelled.
    """
    tags: NotRequired[list[str]]
    """
    Tags, e.g. `elderly`, `youth`.
    """
    title: str
    """
    Title (Chinese in the seed plan).
    """
    venues: NotRequired[list[str]]
    """
    Venue ids.
    """


class ProgramPolicy(TypedDict):
    """
    Per-program enrolment settings (a program's `allocation` field).

    Seats are filled in a fixed order: first the general seats (`capacity.max` minus all
    reserved seats) by priority, then each reserve in the order listed, taking the
    best-placed matching applicants left; a reserved seat no matching applicant needs goes to
    the best-placed applicant left. Priority is the first tier whose rule the applicant
    meets (applicants meeting none come after every tier), then the public draw.
    """

    reserved: NotRequired[list[Reserve]]
    """
    Reserved seats. An allocation takes at most 16 (`huaide::enrol::MAX_RESERVES`; more
    is `too_large`).
    """
    tiers: NotRequired[list[Rule]]
    """
    Priority tiers, highest first, e.g. residents, then surrounding residents. An
    allocation takes at most 64 (`huaide::enrol::MAX_TIERS`; more is `too_large`).
    """


class Reserve(TypedDict):
    """
    Seats held for applicants who match a rule, e.g. two pottery wheels for elderly residents.
    """

    rule: Rule
    """
    Who the seats are held for.
    """
    seats: int
    """
    Seats held (taken out of `capacity.max`, not added to it).
    """


class Rule1(TypedDict):
    """
    Every rule holds (an empty list always holds).
    """

    all: list[Rule]


class Rule2(TypedDict):
    """
    At least one rule holds (an empty list never holds).
    """

    any: list[Rule]


Rule3 = TypedDict(
    'Rule3',
    {
        'not': "Rule"
    },
)


Rule: TypeAlias = Rule1 | Rule2 | Rule3 | Rule4 | Rule5 | Rule6 | Rule7 | Rule8
"""
An eligibility rule.
"""
