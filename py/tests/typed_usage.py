"""A script written against the wire ``TypedDict``s of ``huaide.wire``: ``test.sh`` checks it
with ``mypy --strict`` (so the declarations, the stubs and a plain script agree) and
``test_typed_usage.py`` runs it (so what the types promise is what the functions do)."""

import huaide
from huaide import wire

PLAN: wire.Plan = {
    "id": "typed",
    "community": "Huaideyuan",
    "year": 2006,
    "timezone": "Asia/Shanghai",
    "programs": [
        {"id": "pottery", "kind": "class", "title": "Pottery", "capacity": {"max": 1}},
    ],
}
PEOPLE: list[wire.Person] = [
    {"id": "p1", "residency": "resident", "tags": []},
    {"id": "p2", "residency": "visitor", "tags": []},
]
APPLICATIONS: list[wire.Application] = [
    {"person": "p1", "choices": ["pottery"]},
    {"person": "p2", "choices": ["pottery"]},
]


def pottery() -> tuple[list[str], list[str]]:
    """The pottery roster and waiting list."""
    allocation = huaide.allocate(PLAN, PEOPLE, APPLICATIONS, seed="typed", as_of="2006-03-01")
    document: wire.Allocation = allocation.to_dict()
    outcome: wire.ProgramOutcome = document["programs"]["pottery"]
    return outcome["enrolled"], outcome["waitlist"]


def winners() -> list[str]:
    """The winner of a small plurality vote."""
    election: wire.Election = {
        "id": "chair",
        "method": "plurality",
        "seats": 1,
        "candidates": ["li", "wang"],
    }
    ballots: list[wire.Ballot] = [{"ranking": ["li"]}, {"ranking": ["li"]}, {"ranking": ["wang"]}]
    result: wire.TallyResult = huaide.tally(election, ballots).to_dict()
    return [c for group in result["ranking"][:1] for c in group]


def rctab_first_round() -> dict[str, str]:
    """The first round's tally in RCTab's detailed report of a small IRV count."""
    election: wire.Election = {"id": "chair", "method": "irv", "seats": 1, "candidates": ["li", "wang"]}
    ballots: list[wire.Ballot] = [{"ranking": ["li"]}, {"ranking": ["wang", "li"]}]
    options: wire.RctabReportOptions = {"contest": "Chair", "candidates": ["wang", "li"]}
    report: wire.RctabReport = huaide.tally(election, ballots).rctab_report(**options)
    round_: wire.RctabRound = report["results"][0]
    return round_["tally"]


def verified() -> tuple[bool, list[str]]:
    """An allocation with a committed seed and a public value, its audit file and verify."""
    commitment: str = huaide.seed_commitment("typed")
    allocation = huaide.allocate(
        PLAN, PEOPLE, APPLICATIONS, seed="typed", as_of="2006-03-01",
        commitment=commitment, public_value=huaide.mix_seed("typed", "3D: 5 8 1"),
    )
    audit: wire.Audit = allocation.audit(redact=True)
    report: wire.VerifyReport = huaide.verify(audit, {"people": PEOPLE, "applications": APPLICATIONS})
    differences: list[wire.Difference] = report["differences"]
    return report["ok"], [d["code"] for d in differences]


def motion_in_chinese() -> tuple[str, str | None]:
    """A motion's explanation and a decision explained in Chinese; an error's Chinese text."""
    lang: wire.Lang = "zh"
    motion: wire.Motion = {
        "members": 9, "present": 7, "yes": 5, "no": 2,
        "quorum": "none", "threshold": "simple",
    }
    explanation: str = huaide.tally_motion(motion, lang=lang).explanation
    decision: wire.Decision = {"program": "pottery", "code": "enrolled"}
    explained: str = huaide.explain_decision(decision, lang=lang)
    try:
        huaide.tally_motion({**motion, "members": 0})
    except huaide.HuaideError as err:
        explained += err.messages["zh"]
    return explanation + explained, huaide.message("decision.enrolled", {"program": "x"}, lang=lang)
