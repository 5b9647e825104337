"""Type stubs for the native module ``huaide._huaide`` (checked by ``mypy.stubtest``)."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO, final

from huaide import wire

__version__: str
__all__ = [
    "_allocation_from_inputs",
    "_panic_for_tests",
    "allocate",
    "Allocation",
    "DocumentError",
    "draw_order",
    "EnrolError",
    "EnrolmentState",
    "explain_decision",
    "FormatError",
    "exhibition_elections",
    "HuaideError",
    "merge_partials",
    "mix_seed",
    "message",
    "MotionError",
    "MotionResult",
    "Plan",
    "plan_json_schema",
    "PlanError",
    "Program",
    "rctab_report_options",
    "read_applications",
    "read_ballots",
    "read_people",
    "seed_commitment",
    "table_sheets",
    "tally",
    "tally_motion",
    "tally_exhibition",
    "tally_file",
    "tally_partial",
    "tally_profile",
    "TallyError",
    "TallyResult",
    "verify",
    "write_ballots",
    "write_table",
    "__version__",
]

class HuaideError(ValueError):
    """Base class of every huaide error."""

    code: str
    path: str | None
    messages: dict[str, str]
    """The message in each language: ``messages["zh"]`` in Chinese, ``messages["en"]`` in English."""

class DocumentError(HuaideError):
    """A malformed input document."""

class FormatError(DocumentError):
    """A ballot file that cannot be read; ``.path`` gives the line (``line 12``)."""

class TallyError(HuaideError):
    """An election that cannot be counted."""

class MotionError(HuaideError):
    """A motion whose numbers are impossible."""

class PlanError(HuaideError):
    """A plan that cannot be used."""

class EnrolError(HuaideError):
    """An enrolment that cannot be applied."""

@final
class TallyResult:
    """The result of a count; ``to_dict()`` gives exactly the wire format."""

    @property
    def election(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def seats(self) -> int: ...
    @property
    def winners(self) -> list[str]: ...
    @property
    def ranking(self) -> list[list[str]]: ...
    @property
    def counts(self) -> dict[str, int]: ...
    @property
    def ballots(self) -> dict[str, int]: ...
    @property
    def rejected(self) -> list[wire.Rejection]: ...
    @property
    def ties(self) -> list[wire.Tie]: ...
    @property
    def complete(self) -> bool: ...
    def to_xlsx(self, path: str | os.PathLike[str] | None = None) -> bytes | None: ...
    def to_csv(self, path: str | os.PathLike[str] | None = None) -> bytes | None: ...
    def to_pandas(self) -> Any: ...
    def to_dict(self) -> wire.TallyResult: ...
    @staticmethod
    def from_dict(document: wire.TallyResult | Mapping[str, Any]) -> TallyResult: ...
    def plot(self, **options: Any) -> Any: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[wire.TallyResult]]: ...
    def rctab_report(
        self,
        *,
        contest: str = ...,
        date: str = ...,
        jurisdiction: str = ...,
        office: str = ...,
        generated_by: str | None = ...,
        candidates: Sequence[str] | None = ...,
    ) -> wire.RctabReport: ...
    def rctab_report_csv(
        self,
        *,
        contest: str = ...,
        date: str = ...,
        jurisdiction: str = ...,
        office: str = ...,
        generated_by: str | None = ...,
        candidates: Sequence[str] | None = ...,
    ) -> str: ...
    def audit(self) -> wire.Audit: ...

@final
class MotionResult:
    """The decision on a council motion; ``to_dict()`` gives exactly the wire format."""

    @property
    def passed(self) -> bool: ...
    @property
    def quorum_met(self) -> bool: ...
    @property
    def quorum_required(self) -> int: ...
    @property
    def cast(self) -> int: ...
    @property
    def required(self) -> int: ...
    @property
    def explanation(self) -> str: ...
    def to_dict(self) -> wire.MotionResult: ...
    @staticmethod
    def from_dict(document: wire.MotionResult | Mapping[str, Any]) -> MotionResult: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[wire.MotionResult]]: ...

#: A ranking mark: a candidate id, or (outside ballot dicts) a candidate's index.
_Mark = str | int
#: A ballot: a wire ballot dict, or a ranking given as a list or tuple of marks (a list of
#: marks at one rank for an equal ranking).
_BallotLike = wire.Ballot | Mapping[str, Any] | Sequence[_Mark | Sequence[_Mark]]

def tally(
    election: wire.Election | Mapping[str, Any],
    ballots: Iterable[_BallotLike] | Any,
) -> TallyResult: ...
def tally_motion(
    motion: wire.Motion | Mapping[str, Any], *, lang: wire.Lang | None = None
) -> MotionResult: ...
def explain_decision(
    decision: wire.Decision | Mapping[str, Any], *, lang: wire.Lang | None = None
) -> str: ...
def message(
    code: str,
    args: Mapping[str, str | int | float] | None = None,
    *,
    lang: wire.Lang | None = None,
) -> str | None: ...
def draw_order(seed: str, ids: Sequence[str]) -> list[str]: ...
def tally_profile(
    election: wire.Election | Mapping[str, Any],
    rankings: Iterable[Iterable[int | str]] | Any,
    counts: Iterable[int] | Any | None = ...,
) -> TallyResult: ...
def tally_partial(
    election: wire.Election | Mapping[str, Any],
    ballots: Iterable[_BallotLike] | Any,
) -> wire.PartialTally: ...
def tally_file(
    input: str
    | Mapping[str, str]
    | Sequence[tuple[str, str]]
    | Sequence[Mapping[str, str]]
    | os.PathLike[str]
    | bytes
    | bytearray
    | memoryview
    | BinaryIO,
    format: str,
    election: wire.FileElection | Mapping[str, Any],
    *,
    name: str | None = ...,
    contest: str | None = ...,
    first_vote_column: int | None = ...,
    first_vote_row: int | None = ...,
    undeclared_write_in_label: str | None = ...,
    question: str | None = ...,
    kind: str | None = ...,
    voter_column: str | None = ...,
    timestamp_column: str | None = ...,
    duplicates: str | None = ...,
    timezone: str | None = ...,
    encoding: str | None = ...,
    sheet: str | None = ...,
    limits: Mapping[str, int] | None = ...,
) -> TallyResult: ...
_File = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

def read_ballots(
    input: str
    | Mapping[str, str]
    | Sequence[tuple[str, str]]
    | Sequence[Mapping[str, str]]
    | os.PathLike[str]
    | bytes
    | bytearray
    | memoryview
    | BinaryIO,
    format: str,
    *,
    name: str | None = ...,
    contest: str | None = ...,
    first_vote_column: int | None = ...,
    first_vote_row: int | None = ...,
    undeclared_write_in_label: str | None = ...,
    question: str | None = ...,
    kind: str | None = ...,
    voter_column: str | None = ...,
    timestamp_column: str | None = ...,
    duplicates: str | None = ...,
    timezone: str | None = ...,
    encoding: str | None = ...,
    sheet: str | None = ...,
    limits: Mapping[str, int] | None = ...,
) -> wire.BallotFile: ...
def read_people(
    file: _File,
    *,
    name: str | None = ...,
    encoding: str | None = ...,
    sheet: str | None = ...,
    columns: Mapping[str, str] | None = ...,
    default_residency: str | None = ...,
    limits: Mapping[str, int] | None = ...,
) -> wire.PeopleTable: ...
def read_applications(
    file: _File,
    *,
    name: str | None = ...,
    plan: Plan | wire.Plan | Mapping[str, Any] | None = ...,
    encoding: str | None = ...,
    sheet: str | None = ...,
    columns: Mapping[str, str] | None = ...,
    timezone: str | None = ...,
    limits: Mapping[str, int] | None = ...,
) -> wire.ApplicationsTable: ...
def write_table(
    kind: str,
    document: Any,
    format: str = ...,
    *,
    sheet: str | None = ...,
    path: str | os.PathLike[str] | None = ...,
) -> bytes | None: ...
def table_sheets(kind: str, document: Any) -> list[dict[str, Any]]: ...
def write_ballots(
    file: wire.BallotFile | Mapping[str, Any],
    format: str,
    *,
    data_type: str | None = ...,
    file_name: str | None = ...,
) -> str: ...
def rctab_report_options(config: str) -> wire.RctabReportOptions: ...
def merge_partials(
    election: wire.Election | Mapping[str, Any],
    partials: Sequence[wire.PartialTally | Mapping[str, Any]],
) -> TallyResult: ...

@final
class Program:
    """One program of a plan (read-only; ``to_dict()`` gives its wire form)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def confidential(self) -> bool: ...
    def to_dict(self) -> wire.Program: ...
    @staticmethod
    def from_dict(document: wire.Program | Mapping[str, Any]) -> Program: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[wire.Program]]: ...

@final
class Plan:
    """A plan document: sections, goals, venues, facilitators and programs."""

    def __new__(cls, document: wire.Plan | Mapping[str, Any]) -> Plan: ...
    @classmethod
    def from_toml(cls, text: str) -> Plan: ...
    @classmethod
    def from_json(cls, text: str) -> Plan: ...
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Plan: ...
    @property
    def id(self) -> str: ...
    @property
    def programs(self) -> list[Program]: ...
    def __iter__(self) -> Iterator[Program]: ...
    def __len__(self) -> int: ...
    def validate(self, *, lang: wire.Lang | None = None) -> wire.ValidationReport: ...
    def occurrences(
        self,
        start: datetime.date | str,
        end: datetime.date | str,
        *,
        program: str | None = None,
        venue: str | None = None,
    ) -> list[wire.Occurrence]: ...
    def to_ics(self, stamp: datetime.datetime | str, *, program: str | None = None) -> str: ...
    def progress(self, data: wire.ProgressInput | Mapping[str, Any]) -> wire.ProgressReport: ...
    def to_dict(self) -> wire.Plan: ...
    def to_json(self) -> str: ...
    def to_toml(self) -> str: ...
    def plot_timetable(self, week_of: datetime.date | str, **options: Any) -> Any: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[wire.Plan]]: ...

def plan_json_schema() -> str: ...

@final
class Allocation:
    """The outcome of an allocation; ``to_dict()`` leaves out confidential programs."""

    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

    @property
    def draw(self) -> list[str]: ...
    @property
    def assignments(self) -> dict[str, list[str]]: ...
    @property
    def programs(self) -> dict[str, wire.ProgramOutcome]: ...
    @property
    def decisions(self) -> dict[str, list[wire.Decision]]: ...
    def to_xlsx(self, path: str | os.PathLike[str] | None = None) -> bytes | None: ...
    def to_csv(
        self, path: str | os.PathLike[str] | None = None, *, sheet: str | None = None
    ) -> bytes | None: ...
    def to_pandas(self, sheet: str | None = None) -> Any: ...
    def to_dict(self) -> wire.Allocation: ...
    def for_program(self, program: str) -> wire.ProgramReport: ...
    def replay(
        self, events: Sequence[wire.Event | Mapping[str, Any]] | None = None
    ) -> EnrolmentState: ...
    def audit(self, *, redact: bool = False) -> wire.Audit: ...

@final
class EnrolmentState:
    """The enrolment state after an allocation and the events applied to it so far."""

    def apply(self, event: wire.Event | Mapping[str, Any]) -> None: ...
    def to_dict(self) -> wire.EnrolmentState: ...
    def for_program(self, program: str) -> wire.ProgramState: ...

def allocate(
    plan: Plan | wire.Plan | Mapping[str, Any],
    people: Sequence[wire.Person | Mapping[str, Any]],
    applications: Sequence[wire.Application | Mapping[str, Any]],
    *,
    seed: str,
    as_of: datetime.date | str,
    mechanism: wire.Mechanism | str | None = None,
    commitment: str | None = None,
    public_value: str | None = None,
) -> Allocation: ...
def seed_commitment(seed: str) -> str: ...
def mix_seed(seed: str, public_value: str) -> str: ...
def verify(
    audit: wire.Audit | Mapping[str, Any], inputs: Mapping[str, Any] | None = None
) -> wire.VerifyReport: ...

def exhibition_elections(
    plan: Plan | wire.Plan | Mapping[str, Any],
    program: str,
    entries: Sequence[wire.Entry | Mapping[str, Any]],
    *,
    visitors: Sequence[str] | None = None,
    options: wire.ExhibitionOptions | Mapping[str, Any] | None = None,
) -> wire.ExhibitionElections: ...
def tally_exhibition(
    elections: wire.ExhibitionElections | Mapping[str, Any],
    ballots: Mapping[str, Sequence[wire.Ballot | Mapping[str, Any]]],
) -> wire.ExhibitionResult: ...
def _allocation_from_inputs(inputs: str) -> Allocation: ...
def _panic_for_tests() -> None:
    """Test only: panics inside the core's work (raises HuaideError, code internal)."""
