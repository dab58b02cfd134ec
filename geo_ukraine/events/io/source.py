"""Reading the bytes and text of an event file, with errors that name the file."""

from __future__ import annotations

from pathlib import Path

from ...errors import EventSchemaError

__all__ = ["one_line", "read_text"]


def read_text(path: Path) -> str:
    """The file's text: UTF-8, with or without a byte-order mark.

    Raises
    ------
    EventSchemaError
        When the file is not UTF-8, naming the file and the line of the first bad byte.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start:exc.start + 1].hex() or "?"
        msg = (f"{path.name}: not UTF-8 text (byte 0x{byte} at line {line}); save the file "
               "as UTF-8")
        raise EventSchemaError(msg) from None


def one_line(problem: object, limit: int = 200) -> str:
    """A library's error message as one short line (GEOS and YAML messages span several)."""
    mark, what = getattr(problem, "problem_mark", None), getattr(problem, "problem", None)
    if mark is not None and what:  # a PyYAML MarkedYAMLError
        problem = f"{what} (line {mark.line + 1}, column {mark.column + 1})"
    text = " ".join(str(problem).split()) or type(problem).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."
