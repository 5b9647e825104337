"""docs/verifiable-draws.md (whose Python examples test_docs.py runs): its shell lines give the
digests huaide gives, and the rules it states, implemented here with hashlib alone, agree with
huaide and with the shared vectors (so that anyone can check a commitment without huaide)."""

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import huaide

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "verifiable-draws.md"
VECTORS = ROOT / "tests" / "vectors"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _commitment(seed: str) -> str:
    """The commitment as the page states it: SHA-256 of the tag, a newline and the seed."""
    return hashlib.sha256(b"huaide-seed-commitment-v1\n" + seed.encode("utf-8")).hexdigest()


def _mixed(seed: str, public_value: str) -> str:
    """Rule huaide-seed-mix-v1 as the page states it."""
    inner = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    data = b"huaide-seed-mix-v1\n" + inner.encode("ascii") + b"\n" + public_value.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def test_hashlib_from_the_docs_alone_agrees_with_huaide_and_the_vectors() -> None:
    commitments = json.loads((VECTORS / "seed_commitment.json").read_text(encoding="utf-8"))
    for case in commitments["cases"]:
        seed = case["input"]["seed"]
        assert _commitment(seed) == case["expect"]["ok"] == huaide.seed_commitment(seed)
    mixes = json.loads((VECTORS / "mix_seed.json").read_text(encoding="utf-8"))
    for case in mixes["cases"]:
        seed, public = case["input"]["seed"], case["input"]["public_value"]
        assert _mixed(seed, public) == case["expect"]["ok"] == huaide.mix_seed(seed, public)
    for seed, public in [("秘密 ", "福彩3D: 5 8 1\n"), ("", ""), ("a\nb", "\u00e9")]:
        assert huaide.seed_commitment(seed) == _commitment(seed)
        assert huaide.mix_seed(seed, public) == _mixed(seed, public)


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="no sha256sum on this machine")
def test_docs_shell_lines_give_huaides_digests() -> None:
    # The digest one-liners (the page's other shell block shows the huaide command).
    lines = [block.strip() for block in _blocks("sh") if "sha256sum" in block]
    assert len(lines) == 2
    for seed, public in [("7f3a9c21d04e5b68a1c2e3f4a5b6c7d8", "福彩3D 2006-03-01: 5 8 1"), ("x y", "")]:
        env = dict(os.environ, SEED=seed, PUBLIC=public, LC_ALL="C.UTF-8")
        out = [
            subprocess.run(["bash", "-c", line], env=env, capture_output=True, check=True)
            .stdout.decode()
            .split()[0]
            for line in lines
        ]
        assert out == [huaide.seed_commitment(seed), huaide.mix_seed(seed, public)]
