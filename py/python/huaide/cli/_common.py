"""What every command shares: output (tables or ``--json``), the language, the progress
indication, passing ``lang`` to library calls that take it, and the exit codes."""

from __future__ import annotations

import inspect
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import huaide
from huaide.cli._text import text

#: Exit codes scripts can rely on.
OK, INPUT_ERRORS, USAGE = 0, 1, 2

T = TypeVar("T")


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


class InputErrors(Exception):
    """Input read, but with errors already printed (exit code 1)."""


def with_lang(function: Callable[..., T], *args: Any, lang: str, **kwargs: Any) -> T:
    """Calls ``function``, passing ``lang`` when it takes one: a ``lang`` parameter in its
    signature, or ``**options`` that accept it (tried; an ``unknown field `lang``` refusal
    means they do not, and the call is made again without it)."""
    takes = _takes_lang(function)
    if takes is False:
        return function(*args, **kwargs)
    try:
        return function(*args, lang=lang, **kwargs)
    except huaide.HuaideError as err:
        if takes is True or not (err.path or "").endswith("lang"):
            raise
        return function(*args, **kwargs)


def _takes_lang(function: Callable[..., Any]) -> bool | None:
    """True: a ``lang`` parameter; None: maybe, through ``**options``; False: no."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):  # no signature known: call without it
        return False
    if "lang" in parameters:
        return True
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return None
    return False


class Output:
    """Where a command writes: its table text, or (``--json``) the wire result."""

    def __init__(self, lang: str, as_json: bool) -> None:
        self.lang = lang
        self.as_json = as_json

    def t(self, key: str, **values: object) -> str:
        """A label of the command line in the chosen language."""
        return text(key, self.lang, **values)

    def print(self, *lines: str) -> None:
        """Prints human-readable lines (nothing under ``--json``)."""
        if not self.as_json:
            for line in lines:
                print(line)

    def json(self, value: Any) -> None:
        """Prints the wire result under ``--json``."""
        if self.as_json:
            json.dump(value, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
            sys.stdout.write("\n")

    def note(self, line: str) -> None:
        """A side note on stderr (files written, fonts missing)."""
        print(line, file=sys.stderr)


@contextmanager
def progress(label: str) -> Iterator[None]:
    """Shows a spinner with the elapsed time on stderr while the block runs, when stderr is
    a terminal (the library's long calls release the GIL, so the spinner keeps turning)."""
    if not sys.stderr.isatty():
        yield
        return
    done = threading.Event()

    def spin() -> None:
        start = time.monotonic()
        frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
        i = 0
        while not done.wait(0.1):
            elapsed = time.monotonic() - start
            if elapsed > 0.3:
                sys.stderr.write(f"\r{frames[i % len(frames)]} {label} {elapsed:5.1f} s")
                sys.stderr.flush()
            i += 1
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()

    thread = threading.Thread(target=spin, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def read_text(path: str) -> str:
    """A text file's contents; a missing or unreadable file is a usage error."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise UsageError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from err


def check_file(path: str) -> str:
    """``path`` when it names a readable file; a usage error otherwise."""
    try:
        with open(path, "rb"):
            return path
    except OSError as err:
        raise UsageError(f"{path}: {err.strerror or err}") from err
