"""The benchmark's data, generated once and written to files that every runner reads.

Ballots: Plackett–Luce rankings over `n` candidates. Candidate `i` has the Zipf weight
`1 / (i + 1) ** skew`; a voter ranks candidates one by one, each time one of those left with
probability proportional to its weight (drawn as an exponential race: the candidate with the
smallest `Exp(1) / weight` comes first). The ranking is then cut to a length drawn from a
geometric distribution (`P(length = k) = (1 - q) q^(k-1)`, at most `n`), or kept whole.

Applicants: `n` people, each applying to `k` distinct programs out of `m`, drawn the same law
(Plackett–Luce with Zipf weights over the programs, so a few programs are popular; drawn
place by place, `sequential_choices`, so that memory stays `n × k`), every
program with `cap` seats, one priority tier, deferred acceptance.

Files (under `target/bench-data/`, little-endian):
- `<name>.json`: what the data set is (shape, parameters, sizes, file names, SHA-256);
- `<name>.i16`: the ballots, one row of `n` int16 per voter, candidate indices padded with -1;
- `<name>.grouped.i16` and `<name>.counts.u32`: the distinct rankings (sorted) and their counts;
- `<name>.request.json`: for applicants, the allocation request `{plan, people, applications,
  mechanism, seed, as_of}` that `huaide.allocate` and the Rust reader take.

A third ballot shape, `criterion`, is the profile of `core/benches/vote.rs` (and of the older
`bench/compare_votes.py` and `bench/tallystick`): its xorshift generator, Zipf weights
`10000 // (i + 1)` and a length that grows while a draw `% 100 < 62` (mean 2.6), kept so that
the figures of earlier rounds and of the issue can be compared.

The random numbers come from NumPy's PCG64 (`numpy.random.Generator.random`) with a fixed seed;
the files are checked by their hash, so every runner sees the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("HUAIDE_BENCH_DATA", ROOT / "target" / "bench-data"))

#: The rows generated per block (bounded memory at 10M ballots).
BLOCK = 500_000


@dataclass(frozen=True)
class VoteShape:
    """How ballots look."""

    name: str
    candidates: int
    skew: float  # Zipf exponent of the candidates' weights
    continue_p: float | None  # geometric truncation (probability of ranking one more); None: full
    seed: int
    generator: str = "plackett_luce"  # or "xorshift": core/benches/vote.rs


@dataclass(frozen=True)
class MatchShape:
    """How applications look."""

    name: str
    choices: int
    per_program: int  # applicants per program (programs = applicants / per_program)
    cap: int
    skew: float
    seed: int


#: Realistic: a clear favourite and a long tail (the first choice's share is about 34%), most
#: voters rank a few candidates (mean length 3.1 of 10, a third rank only one).
SKEWED = VoteShape("skewed", 10, 1.0, 0.7, 2006)
#: Every voter ranks all ten candidates, with a mild skew: the long counts (pyrankvote's
#: worst case, and the shape of the issue's pyrankvote figure).
FULL = VoteShape("full", 10, 0.5, None, 2007)
#: Applicants with popular programs: 5 choices of 200 programs, 40 seats each (10k people).
POPULAR = MatchShape("popular", 5, 50, 40, 0.8, 2008)
#: Every program equally likely (the instance of the earlier rounds' compare_matching.py).
UNIFORM = MatchShape("uniform", 5, 50, 40, 0.0, 2009)

#: The profile of core/benches/vote.rs (the issue's and the earlier rounds' figures).
CRITERION = VoteShape("criterion", 10, 1.0, 0.62, 0x9E37_79B9_7F4A_7C15, "xorshift")

VOTE_SHAPES = {s.name: s for s in (SKEWED, FULL, CRITERION)}
MATCH_SHAPES = {s.name: s for s in (POPULAR, UNIFORM)}


def cid(c: int) -> str:
    """The id of candidate `c`."""
    return f"c{c:02}"


def plackett_luce(rng: np.random.Generator, weights: np.ndarray, rows: int, length: int) -> np.ndarray:
    """`rows` rankings of the first `length` places, by exponential races."""
    keys = -np.log1p(-rng.random((rows, weights.size))) / weights
    if length >= weights.size:
        return np.argsort(keys, axis=1, kind="stable")
    part = np.argpartition(keys, length - 1, axis=1)[:, :length]
    order = np.argsort(np.take_along_axis(keys, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)


def sequential_choices(rng: np.random.Generator, weights: np.ndarray, rows: int, length: int) -> np.ndarray:
    """`rows` Plackett–Luce rankings of the first `length` places, drawn place by place: each
    place a draw proportional to the weights, redrawn while it repeats an earlier place (the
    same law as the exponential race, in `rows × length` memory rather than `rows × m`, which
    at a million applicants and 20,000 programs would not fit)."""
    cum = np.cumsum(weights / weights.sum())
    cum[-1] = 1.0
    out = np.empty((rows, length), dtype=np.int64)
    for j in range(length):
        redo = np.arange(rows)
        while redo.size:
            out[redo, j] = np.searchsorted(cum, rng.random(redo.size), side="right")
            repeated = (out[redo, :j] == out[redo, j : j + 1]).any(axis=1)
            redo = redo[repeated]
    return out


def xorshift_rankings(n: int, voters: int, seed: int) -> list[list[int]]:
    """The profile of `core/benches/vote.rs::rankings`: lists of candidate indices."""
    mask = (1 << 64) - 1
    state = seed | 1

    def nxt() -> int:
        nonlocal state
        state ^= (state << 13) & mask
        state ^= state >> 7
        state ^= (state << 17) & mask
        return state

    weights = [10_000 // (i + 1) for i in range(n)]
    out = []
    for _ in range(voters):
        length = 1
        while length < n and nxt() % 100 < 62:
            length += 1
        left = list(range(n))
        ranking = []
        for _ in range(length):
            pick = nxt() % sum(weights[c] for c in left)
            at = 0
            for at, c in enumerate(left):
                if pick < weights[c]:
                    break
                pick -= weights[c]
            ranking.append(left.pop(at))
        out.append(ranking)
    return out


def ballots(shape: VoteShape, voters: int) -> np.ndarray:
    """The `voters × candidates` int16 matrix of `shape`, padded with -1."""
    if shape.generator == "xorshift":
        out = np.full((voters, shape.candidates), -1, dtype=np.int16)
        for i, r in enumerate(xorshift_rankings(shape.candidates, voters, shape.seed)):
            out[i, : len(r)] = r
        return out
    rng = np.random.Generator(np.random.PCG64(shape.seed))
    n = shape.candidates
    weights = 1.0 / np.arange(1, n + 1) ** shape.skew
    out = np.full((voters, n), -1, dtype=np.int16)
    for start in range(0, voters, BLOCK):
        rows = min(BLOCK, voters - start)
        ranks = plackett_luce(rng, weights, rows, n).astype(np.int16)
        if shape.continue_p is not None:
            # Geometric lengths from the same stream: ceil(log(u) / log(q)), at most n.
            u = 1.0 - rng.random(rows)
            lengths = np.minimum(np.ceil(np.log(u) / np.log(shape.continue_p)), n)
            lengths = np.maximum(lengths, 1).astype(np.int64)
            ranks[np.arange(n)[None, :] >= lengths[:, None]] = -1
        out[start : start + rows] = ranks
    return out


def group(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows (sorted) and how often each occurs."""
    rows, counts = np.unique(matrix, axis=0, return_counts=True)
    return rows, counts.astype(np.uint32)


def applications(shape: MatchShape, applicants: int) -> dict:
    """The allocation request of `shape` for `applicants` people."""
    rng = np.random.Generator(np.random.PCG64(shape.seed))
    m = max(shape.choices, applicants // shape.per_program)
    weights = 1.0 / np.arange(1, m + 1) ** shape.skew
    # Popularity is not the id order: shuffle which program gets which weight.
    weights = weights[rng.permutation(m)]
    choices = np.empty((applicants, shape.choices), dtype=np.int64)
    for start in range(0, applicants, BLOCK):
        rows = min(BLOCK, applicants - start)
        choices[start : start + rows] = sequential_choices(rng, weights, rows, shape.choices)
    width = len(str(m - 1))
    pid = [f"p{j:0{width}}" for j in range(m)]
    uwidth = len(str(applicants - 1))
    people = [{"id": f"u{i:0{uwidth}}", "residency": "resident", "tags": []} for i in range(applicants)]
    apps = [
        {"person": people[i]["id"], "choices": [pid[j] for j in row]}
        for i, row in enumerate(choices.tolist())
    ]
    programs = [
        {"id": p, "kind": "class", "title": p, "capacity": {"max": shape.cap}} for p in pid
    ]
    plan = {"id": "bench", "community": "c", "year": 2006, "timezone": "Asia/Shanghai",
            "programs": programs}
    return {"plan": plan, "people": people, "applications": apps,
            "mechanism": "deferred_acceptance", "seed": "compare", "as_of": "2006-03-01"}


def _sha(*paths: Path) -> str:
    digest = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _fresh(meta_path: Path, params: dict) -> dict | None:
    """The existing meta data when it was made with the same parameters and files are whole."""
    if not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text())
    if meta.get("params") != params or meta.get("numpy") != np.__version__:
        return None
    paths = [DATA / f for f in meta["files"]]
    if not all(p.exists() for p in paths) or _sha(*paths) != meta["sha256"]:
        return None
    return meta


def vote_data(shape_name: str, voters: int) -> dict:
    """Writes (or reuses) the ballots of a shape; returns their meta data."""
    shape = VOTE_SHAPES[shape_name]
    name = f"votes-{shape.name}-{voters}"
    meta_path = DATA / f"{name}.json"
    params = {**asdict(shape), "voters": voters}
    if (meta := _fresh(meta_path, params)) is not None:
        return meta
    DATA.mkdir(parents=True, exist_ok=True)
    matrix = ballots(shape, voters)
    files = {"ballots": f"{name}.i16"}
    matrix.astype("<i2").tofile(DATA / files["ballots"])
    distinct = None
    if voters <= 2_000_000:  # grouping is only compared at benchmark sizes
        rows, counts = group(matrix)
        files |= {"grouped": f"{name}.grouped.i16", "counts": f"{name}.counts.u32"}
        rows.astype("<i2").tofile(DATA / files["grouped"])
        counts.astype("<u4").tofile(DATA / files["counts"])
        distinct = int(rows.shape[0])
    lengths = (matrix >= 0).sum(axis=1)
    meta = {
        "kind": "votes", "name": name, "shape": shape.name, "params": params,
        "numpy": np.__version__, "voters": voters, "width": shape.candidates,
        "candidates": [cid(c) for c in range(shape.candidates)], "distinct": distinct,
        "mean_length": round(float(lengths.mean()), 3),
        "single_choice_share": round(float((lengths == 1).mean()), 3),
        "first_choice_share": round(float(np.bincount(matrix[:, 0], minlength=shape.candidates).max() / voters), 3),
        **files, "files": list(files.values()),
    }
    meta["sha256"] = _sha(*(DATA / f for f in meta["files"]))
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


def match_data(shape_name: str, applicants: int) -> dict:
    """Writes (or reuses) the allocation request of a shape; returns its meta data."""
    shape = MATCH_SHAPES[shape_name]
    name = f"match-{shape.name}-{applicants}"
    meta_path = DATA / f"{name}.json"
    params = {**asdict(shape), "applicants": applicants, "sampler": "sequential"}
    if (meta := _fresh(meta_path, params)) is not None:
        return meta
    DATA.mkdir(parents=True, exist_ok=True)
    request = applications(shape, applicants)
    files = {"request": f"{name}.request.json"}
    with open(DATA / files["request"], "w") as f:
        json.dump(request, f, separators=(",", ":"))
    meta = {
        "kind": "match", "name": name, "shape": shape.name, "params": params,
        "numpy": np.__version__, "applicants": applicants,
        "programs": len(request["plan"]["programs"]),
        "seats": len(request["plan"]["programs"]) * shape.cap, "choices": shape.choices,
        **files, "files": list(files.values()),
    }
    meta["sha256"] = _sha(*(DATA / f for f in meta["files"]))
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


def load_ballots(meta: dict, grouped: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
    """The ballot matrix (int16) of a data set, or its distinct rankings and counts."""
    width = meta["width"]
    if grouped:
        rows = np.fromfile(DATA / meta["grouped"], dtype="<i2").reshape(-1, width)
        return rows, np.fromfile(DATA / meta["counts"], dtype="<u4")
    return np.fromfile(DATA / meta["ballots"], dtype="<i2").reshape(-1, width), None


def load_meta(name: str) -> dict:
    """The meta data of a written data set."""
    return json.loads((DATA / f"{name}.json").read_text())


if __name__ == "__main__":
    import sys

    kind, shape, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    meta = vote_data(shape, size) if kind == "votes" else match_data(shape, size)
    print(json.dumps({k: v for k, v in meta.items() if k != "files"}, indent=1))
