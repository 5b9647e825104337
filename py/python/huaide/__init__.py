"""huaide: plans, programs, enrolment and vote tallying for community learning programmes.

Every function takes and returns the library's wire format: plain dicts and lists, the same
JSON as the Rust serde types and the JavaScript objects. Errors are subclasses of
:class:`HuaideError` (a :class:`ValueError`) with a stable ``.code``, the ``.path`` of the
offending field and ``.messages`` (the message in English and Chinese). Calls that produce
text (``tally_motion``, ``Plan.validate``, ``explain_decision``) take ``lang="en"`` or
``lang="zh"``.

>>> import huaide
>>> election = {"id": "photo", "method": "plurality", "seats": 1, "candidates": ["a", "b"]}
>>> huaide.tally(election, [{"ranking": ["a"]}, {"ranking": ["a"]}, {"ranking": ["b"]}]).winners
['a']
"""

from ._huaide import (
    allocate,
    Allocation,
    DocumentError,
    draw_order,
    EnrolError,
    EnrolmentState,
    explain_decision,
    FormatError,
    exhibition_elections,
    HuaideError,
    merge_partials,
    mix_seed,
    message,
    MotionError,
    MotionResult,
    Plan,
    plan_json_schema,
    PlanError,
    Program,
    rctab_report_options,
    read_applications,
    read_ballots,
    read_people,
    seed_commitment,
    table_sheets,
    write_table,
    tally,
    tally_motion,
    tally_exhibition,
    tally_file,
    tally_partial,
    tally_profile,
    TallyError,
    TallyResult,
    verify,
    write_ballots,
    __version__,
)

__all__ = [
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
    "write_table",
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
    "__version__",
]
