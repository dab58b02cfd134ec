"""CSV files as tables of text cells: read with their line numbers, written with formulas defused.

Shared by the CSV and ACLED drivers. Reading raises ``csv.field_size_limit`` (128 KiB by
default, too little for long notes) to the file's size for the duration of the read, and
restores it afterwards (the setting is process-wide: another thread reading CSV meanwhile
sees the higher limit, never a lower one); every cell is passed through
:func:`~geo_ukraine.events.io.formulas.restore_formula`.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..._files import atomic_open
from ...errors import EventSchemaError
from .formulas import neutralise_formula, restore_formula
from .source import read_text

__all__ = ["CsvRecord", "read_csv_table", "write_csv_table"]

#: One data row: its first line number in the file and its cells by column name.
CsvRecord = tuple[int, dict[str, str]]

# The most csv.field_size_limit accepts on every platform (a C long may be 32 bits).
_LARGEST_LIMIT = 2**31 - 1


def read_csv_table(path: Path) -> tuple[list[str], list[CsvRecord]]:
    """The header and the records of a UTF-8 CSV file (a byte-order mark is allowed).

    Returns
    -------
    header : list of str
    records : list of (int, dict)
        Each record's first line number and its cells (empty cells are ``""``).

    Raises
    ------
    EventSchemaError
        For an empty file, a file that is not UTF-8, a malformed row, or a row with more
        cells than the header, naming the file and line.
    """
    text = read_text(path)
    records: list[CsvRecord] = []
    line = 1
    try:
        with _field_size_limit(len(text)):
            reader = csv.DictReader(io.StringIO(text, newline=""))
            header = [restore_formula(name) for name in reader.fieldnames or []]
            reader.fieldnames = header
            line = reader.line_num + 1
            for record in reader:
                if None in record:
                    msg = f"{path.name} line {line}: more cells than the header has columns"
                    raise EventSchemaError(msg)
                records.append((line, {k: restore_formula(v or "") for k, v in record.items()}))
                line = reader.line_num + 1
    except csv.Error as exc:
        msg = f"{path.name} line {line}: not valid CSV: {exc}"
        raise EventSchemaError(msg) from None
    if not header:
        msg = f"{path.name}: empty file: a CSV of events starts with a header row"
        raise EventSchemaError(msg)
    return header, records


def write_csv_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *,
                    neutralise_formulas: bool = True) -> None:
    """Write a UTF-8 CSV file atomically; text cells defused unless ``neutralise_formulas``."""
    with atomic_open(path, newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([_cell(c, neutralise_formulas) for c in header])
        for row in rows:
            writer.writerow([_cell(c, neutralise_formulas) for c in row])


def _cell(value: object, neutralise: bool) -> object:
    return neutralise_formula(value) if neutralise else value


@contextlib.contextmanager
def _field_size_limit(size: int) -> Iterator[None]:
    """Allow a field as large as the whole text while it is read (a process-wide setting)."""
    before = csv.field_size_limit()
    csv.field_size_limit(min(max(before, size + 1), _LARGEST_LIMIT))
    try:
        yield
    finally:
        csv.field_size_limit(before)
