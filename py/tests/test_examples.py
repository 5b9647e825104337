"""The Python examples in examples/python run as documented (small sizes, so CI runs them)."""

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def test_merge_multiprocessing_equals_a_single_count() -> None:
    # Run as a script, as a user would: the example asserts merged == single for every method.
    script = EXAMPLES / "merge_multiprocessing.py"
    args = ["--ballots", "3000", "--shards", "4", "--processes", "2"]
    done = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 8  # one line per election of the example, IRV and STV included
    assert all("4 shards merged = one count" in line for line in lines)
