"""Generates ``py/python/huaide/wire.py``, the ``TypedDict`` declarations of the wire format,
from the JSON Schema bundle ``schema/wire.schema.json`` (itself generated from the core
types), as ``wasm/scripts/wire-types.mjs`` does for TypeScript.

    python py/scripts/wire_types.py          rewrite py/python/huaide/wire.py
    python py/scripts/wire_types.py --check  exit 1 when the committed file is stale

Needs ``datamodel-code-generator`` at the version pinned in ``py/requirements-dev.txt``
(other versions may word the output differently).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "schema" / "wire.schema.json"
OUTPUT = ROOT / "py" / "python" / "huaide" / "wire.py"

BANNER = '''"""The wire format of huaide as ``TypedDict`` declarations: every document the functions
take and every ``to_dict()`` they give back, for editors and type checkers.

Generated from schema/wire.schema.json by py/scripts/wire_types.py; do not edit.
"""
'''


def wire_types() -> str:
    """The module generated from the current schema bundle, as text."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "wire.py"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "datamodel_code_generator",
                "--input",
                str(SCHEMA),
                "--input-file-type",
                "jsonschema",
                "--output-model-type",
                "typing.TypedDict",
                "--target-python-version",
                "3.11",
                "--no-use-closed-typed-dict",
                "--disable-timestamp",
                "--formatters",
                "builtin",
                "--use-schema-description",
                "--use-field-description",
                "--output",
                str(out),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        text = out.read_text(encoding="utf-8")
    # The tool's own header names a temporary path: the banner replaces it.
    body = text.split("\nfrom __future__ import annotations\n", 1)[1]
    return BANNER + "\nfrom __future__ import annotations\n" + body


def main() -> int:
    text = wire_types()
    if "--check" in sys.argv[1:]:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run python py/scripts/wire_types.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
