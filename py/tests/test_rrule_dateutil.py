"""huaide's RRULE engine agrees with python-dateutil's ``rrulestr`` on random rules.

Thousands of seeded random rules (every part huaide supports: FREQ YEARLY to HOURLY,
INTERVAL, COUNT, UNTIL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY with ordinals,
BYHOUR, BYMINUTE, BYSECOND, BYSETPOS, WKST) in zones with and without DST, many of them
starting near a DST change, are expanded by ``huaide.Plan(...).occurrences`` and by dateutil
in ``zoneinfo``. dateutil gives wall-clock times; they are read through huaide's documented
rule (a time in a gap moves forward by the gap, an ambiguous one takes the earlier instant:
``zoneinfo`` with ``fold=0`` does exactly that), then cut to the query range and the
expansion limits as ``Schedule::expand`` does, and the two lists of starts must be equal.

The years are 2005-2024, where the machine's tzdb and huaide's embedded one agree. UNTIL is
kept a day away from any offset change (huaide compares UNTIL as an instant, dateutil as a
wall-clock time; they agree elsewhere). Rules are drawn so that they match at least every
few years, since dateutil steps through empty periods up to year 9999.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

import huaide

rrule_mod = pytest.importorskip("dateutil.rrule", reason="python-dateutil is not installed")

SEED = 20061001
RULES = 2500
UTC = dt.timezone.utc
MAX_PER_PROGRAM = 1000  # huaide.plan MAX_OCCURRENCES_PER_PROGRAM
MAX_STEPS = 20_000
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ZONES = [
    "Europe/Berlin", "Europe/London", "Europe/Dublin", "Europe/Moscow", "America/New_York",
    "America/Los_Angeles", "America/St_Johns", "America/Sao_Paulo", "America/Santiago",
    "America/Havana", "America/Asuncion", "Asia/Beirut", "Asia/Tehran", "Africa/Cairo",
    "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham",
    "Asia/Shanghai", "Asia/Kolkata", "Asia/Kathmandu", "UTC",
]


@lru_cache(maxsize=None)
def transitions(zone: str, year: int) -> list[dt.datetime]:
    """UTC instants (to the minute) where the zone's offset changes in `year`."""
    zi = ZoneInfo(zone)
    out = []
    t = dt.datetime(year, 1, 1, tzinfo=UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=UTC)
    step = dt.timedelta(hours=6)
    while t < end:
        nxt = t + step
        if t.astimezone(zi).utcoffset() != nxt.astimezone(zi).utcoffset():
            lo, hi = t, nxt
            while hi - lo > dt.timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(zi).utcoffset() == lo.astimezone(zi).utcoffset():
                    lo = mid
                else:
                    hi = mid
            out.append(hi.replace(second=0, microsecond=0))
        t = nxt
    return out


def near_change(zone: str, instant: dt.datetime) -> bool:
    zi = ZoneInfo(zone)
    day = dt.timedelta(days=1, hours=2)
    return (instant - day).astimezone(zi).utcoffset() != (instant + day).astimezone(zi).utcoffset()


@dataclass
class Case:
    zone: str
    rule: str
    start: dt.datetime  # local wall-clock time of the first session
    first: dt.date  # query range, both included
    last: dt.date
    until: dt.datetime | None


def pick(rng: random.Random, values: list[int], k: int) -> list[int]:
    return sorted(rng.sample(values, min(k, len(values))))


def signed(rng: random.Random, top: int, k: int, bottom: int = 1) -> list[int]:
    values = [n for n in range(-top, top + 1) if abs(n) >= bottom]
    return rng.sample(values, min(k, len(values)))


def start_time(rng: random.Random, zone: str) -> dt.datetime:
    """A first session, half of them in the hours around one of the zone's DST changes."""
    year = rng.randint(2005, 2022)
    changes = transitions(zone, year)
    if changes and rng.random() < 0.5:
        change = rng.choice(changes).astimezone(ZoneInfo(zone))
        start = change.replace(tzinfo=None) + dt.timedelta(
            minutes=rng.choice([-90, -60, -30, 0, 15, 30, 45, 60]),
            days=rng.choice([0, 0, 0, -1, 1, -2]),
        )
    else:
        start = dt.datetime(year, 1, 1) + dt.timedelta(
            days=rng.randrange(365), hours=rng.randrange(24), minutes=rng.choice([0, 0, 15, 30, 45]))
    if rng.random() < 0.15:
        start = start.replace(second=rng.choice([0, 10, 59]))
    return start


def weekdays(rng: random.Random, ordinals: list[int], chance: float) -> list[str]:
    days = rng.sample(DAYS, rng.randint(1, 4))
    out = []
    for d in days:
        n = rng.choice(ordinals) if ordinals and rng.random() < chance else 0
        out.append(f"{n:+d}{d}" if n and rng.random() < 0.5 else (f"{n}{d}" if n else d))
    return out


def day_parts(rng: random.Random, freq: str, start: dt.datetime) -> tuple[list[str], int]:
    """The day parts of a rule that matches at least every few years (dateutil steps through
    empty periods up to year 9999), and how many days each period surely has (for BYSETPOS;
    0 when a period may have none)."""
    run = rng.randint(1, 22)
    week_run = ",".join(map(str, range(run, run + 7)))  # every weekday falls in it
    pattern = rng.randrange(7)
    months = pick(rng, list(range(1, 13)), rng.randint(1, 6))
    if freq == "MONTHLY" and start.month not in months:
        months = sorted(months + [start.month])
    month_part = "BYMONTH=" + ",".join(map(str, months))
    if freq in ("YEARLY", "MONTHLY"):
        ordinals = [1, 2, 3, 4, -1, -2, -3, -4]
        in_year = freq == "YEARLY" and rng.random() < 0.5  # ordinals count in the year
        if pattern == 0:
            return [], 1 if start.day <= 28 else 0
        if pattern == 1:
            return [month_part], 1 if start.day <= 28 else 0
        if pattern == 2:
            if in_year:
                by_day = weekdays(rng, [1, 2, 10, 20, 52, -1, -10, -52], 0.5)
                return ["BYDAY=" + ",".join(by_day)], len(by_day)
            by_day = weekdays(rng, ordinals, 0.5)
            extra = [month_part] if freq == "YEARLY" else []
            return extra + ["BYDAY=" + ",".join(by_day)], len(by_day)
        if pattern == 3:
            mdays = signed(rng, 28, rng.randint(1, 4))
            return [month_part, "BYMONTHDAY=" + ",".join(map(str, mdays))], len(mdays)
        if pattern == 4:
            mdays = signed(rng, 31, rng.randint(1, 4))
            return ["BYMONTHDAY=" + ",".join(map(str, mdays))], 0
        if pattern == 5:
            by_day = weekdays(rng, [], 0)
            return ["BYMONTHDAY=" + week_run, "BYDAY=" + ",".join(by_day)], len(by_day)
        if freq == "YEARLY" and rng.random() < 0.5:
            ydays = signed(rng, 365, rng.randint(1, 4))
            return ["BYYEARDAY=" + ",".join(map(str, ydays))], len(ydays)
        if freq == "YEARLY":
            weeks = signed(rng, 52, rng.randint(1, 3))
            extra = ["BYDAY=" + ",".join(weekdays(rng, [], 0))] if rng.random() < 0.5 else []
            return ["BYWEEKNO=" + ",".join(map(str, weeks))] + extra, 0
        return [month_part, "BYDAY=" + ",".join(weekdays(rng, ordinals, 0.5))], 0
    # WEEKLY, DAILY, HOURLY: plain filters; ordinals are allowed and ignored.
    parts = []
    if rng.random() < 0.4:
        parts.append(month_part)
    by_day = weekdays(rng, [1, -1, 2], 0.2) if rng.random() < 0.6 else []
    if by_day:
        parts.append("BYDAY=" + ",".join(by_day))
    if freq != "WEEKLY" and rng.random() < 0.35:
        parts.append("BYMONTHDAY=" + (week_run if by_day else ",".join(
            map(str, signed(rng, 28, rng.randint(1, 4))))))
    surely = {"WEEKLY": len(by_day) or 1}.get(freq, 1)
    return parts, surely if len(parts) <= 1 or freq == "WEEKLY" else 0


def random_case(rng: random.Random) -> Case:
    zone = rng.choice(ZONES)
    freq = rng.choices(["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"], [2, 3, 3, 3, 2])[0]
    start = start_time(rng, zone)
    parts = [f"FREQ={freq}"]
    intervals = {"MONTHLY": [1, 1, 2, 5, 7], "DAILY": [1, 1, 2, 3, 5],
                 "HOURLY": [1, 1, 2, 3, 5, 12]}.get(freq, [1, 1, 2, 3, 4])
    interval = rng.choice(intervals)
    if interval > 1 or rng.random() < 0.1:
        parts.append(f"INTERVAL={interval}")
    if rng.random() < 0.3:
        parts.append(f"WKST={rng.choice(DAYS)}")
    days, surely = day_parts(rng, freq, start)
    parts += days
    times = 1
    if rng.random() < 0.3:
        hours = pick(rng, list(range(24)), rng.randint(1, 3))
        parts.append("BYHOUR=" + ",".join(map(str, hours)))
        times *= len(hours) if freq != "HOURLY" else 1
    if rng.random() < 0.3:
        minutes = pick(rng, list(range(60)), rng.randint(1, 3))
        parts.append("BYMINUTE=" + ",".join(map(str, minutes)))
        times *= len(minutes)
    if rng.random() < 0.1:
        seconds = pick(rng, list(range(60)), rng.randint(1, 2))
        parts.append("BYSECOND=" + ",".join(map(str, seconds)))
        times *= len(seconds)
    if surely and rng.random() < 0.3:
        parts.append("BYSETPOS=" + ",".join(map(str, signed(rng, surely * times, rng.randint(1, 2)))))
    span = {"YEARLY": 3000, "MONTHLY": 1500, "WEEKLY": 700, "DAILY": 200, "HOURLY": 12}[freq]
    first = start.date() + dt.timedelta(days=rng.choice([0, 0, 0, 3, 40]))
    last = min(first + dt.timedelta(days=rng.randint(0, span)), dt.date(2024, 12, 31))
    until = None
    roll = rng.random()
    if roll < 0.3:
        parts.append(f"COUNT={rng.randint(1, 60)}")
    elif roll < 0.55:
        until = dt.datetime.combine(start.date(), dt.time()) + dt.timedelta(
            days=rng.randint(-2, span), hours=rng.randrange(24), minutes=rng.choice([0, 30]))
        until = until.replace(tzinfo=UTC)
        while near_change(zone, until):
            until += dt.timedelta(days=3)
        parts.append(until.strftime("UNTIL=%Y%m%dT%H%M%SZ"))
    rng.shuffle(parts)
    return Case(zone, ";".join(parts), start, first, last, until)


def resolve(zone: str, wall: dt.datetime) -> dt.datetime:
    """huaide's reading of a wall-clock time: gaps forward, ambiguity earlier."""
    zi = ZoneInfo(zone)
    return wall.replace(tzinfo=zi, fold=0).astimezone(UTC).astimezone(zi)


def in_gap(zone: str, wall: dt.datetime) -> bool:
    return resolve(zone, wall).replace(tzinfo=None) != wall


def expected(case: Case) -> list[dt.datetime] | str:
    """dateutil's starts as Schedule::expand keeps them, or the error code expected."""
    if in_gap(case.zone, case.start):
        return "invalid_schedule"  # a first session in a gap is refused
    zi = ZoneInfo(case.zone)
    start = case.start.replace(tzinfo=zi)
    if case.until is not None and case.until < start:
        return "invalid_schedule"  # UNTIL before the first session
    parts = dict(p.split("=") for p in case.rule.split(";"))
    by_day = parts.get("BYDAY", "").split(",")
    if parts["FREQ"] in ("YEARLY", "MONTHLY") and len({d[:-2] == "" for d in by_day}) > 1:
        return "invalid_schedule"  # `SA,-1WE`: union (RFC 5545) or intersection (dateutil)
    try:
        rule = rrule_mod.rrulestr(case.rule, dtstart=start)
    except ValueError:
        return "invalid_schedule"  # e.g. a BYHOUR that the interval never reaches
    end = case.last + dt.timedelta(days=1)
    starts: list[dt.datetime] = []
    for step, occurrence in enumerate(rule):
        if step >= MAX_STEPS:
            return "too_large"
        local = resolve(case.zone, occurrence.replace(tzinfo=None))
        if local.date() >= end:
            break
        if local.date() >= case.first:
            starts.append(local)
            if len(starts) > MAX_PER_PROGRAM:
                return "too_large"
    unique = sorted({s.replace(tzinfo=None): s for s in starts}.values())
    return unique


def huaide_starts(case: Case) -> list[dt.datetime] | str:
    span_to = (case.start + dt.timedelta(minutes=1)).time()
    if span_to <= case.start.time():
        span_to = dt.time(23, 59, 59)
    plan = huaide.Plan({
        "id": "p", "community": "c", "year": case.start.year, "timezone": case.zone,
        "programs": [{"id": "r", "kind": "class", "title": "t", "schedule": {
            "first": case.start.date().isoformat(),
            "time": {"from": case.start.time().isoformat(), "to": span_to.isoformat()},
            "rrule": case.rule}}]})
    try:
        found = plan.occurrences(case.first, case.last)
    except huaide.HuaideError as err:
        return err.code
    return [dt.datetime.fromisoformat(o["start"]) for o in found]


def key(starts: list[dt.datetime] | str) -> object:
    if isinstance(starts, str):
        return starts
    return [(s.replace(tzinfo=None), s.utcoffset()) for s in starts]


def test_random_rules_agree_with_dateutil() -> None:
    rng = random.Random(SEED)
    began = time.monotonic()
    compared = 0
    outcomes: Counter[str] = Counter()
    zones: Counter[str] = Counter()
    failures = []
    for _ in range(RULES):
        case = random_case(rng)
        want, got = expected(case), huaide_starts(case)
        if key(want) != key(got):
            failures.append(f"{case}\n  dateutil: {key(want)}\n  huaide:   {key(got)}")
        outcomes[want if isinstance(want, str) else ("empty" if not want else "occurrences")] += 1
        compared += 0 if isinstance(want, str) else len(want)
        zones[case.zone] += 1
    assert not failures, f"{len(failures)} of {RULES} rules disagree:\n" + "\n".join(failures[:5])
    # The draw exercises what it claims to: occurrences, gaps, limits, every zone.
    assert outcomes["occurrences"] > RULES // 2 and outcomes["invalid_schedule"] > 20
    assert compared > 50_000 and len(zones) == len(ZONES)
    print(f"{RULES} rules, {compared} occurrences, {len(zones)} zones, {dict(outcomes)}, "
          f"{time.monotonic() - began:.1f} s")


@pytest.mark.parametrize(
    ("rule", "start", "zone", "starts"),
    [
        # HOURLY across the spring gap: 02:00 is read forward onto 03:00, once.
        ("FREQ=HOURLY;COUNT=4", "2026-03-29T00:00:00", "Europe/Berlin",
         ["2026-03-29T00:00:00+01:00", "2026-03-29T01:00:00+01:00", "2026-03-29T03:00:00+02:00"]),
        # And across the fall-back: 02:00 is the earlier (summer) instant; the hour repeats not.
        ("FREQ=HOURLY;COUNT=3", "2026-10-25T01:00:00", "Europe/Berlin",
         ["2026-10-25T01:00:00+02:00", "2026-10-25T02:00:00+02:00", "2026-10-25T03:00:00+01:00"]),
        # A weekly 02:30 session keeps its wall-clock time; the one in the gap moves forward.
        ("FREQ=WEEKLY;COUNT=3", "2026-03-22T02:30:00", "Europe/Berlin",
         ["2026-03-22T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-04-05T02:30:00+02:00"]),
    ],
)
def test_dst_examples(rule: str, start: str, zone: str, starts: list[str]) -> None:
    wall = dt.datetime.fromisoformat(start)
    case = Case(zone, rule, wall, wall.date(), wall.date() + dt.timedelta(days=30), None)
    want = [dt.datetime.fromisoformat(s) for s in starts]
    assert key(huaide_starts(case)) == key(want)
    assert key(expected(case)) == key(want)
