"""Spreadsheet formula injection: CSV cells defused on the way out and restored on the way in.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), and some also treat a leading tab or carriage
return as one. Following OWASP's advice on CSV injection
(https://owasp.org/www-community/attacks/CSV_Injection), the CSV writers prefix such a text
cell with a single quote, which spreadsheets show as text and do not evaluate:

* a text cell starting with a trigger gets a leading ``'``: ``=1+1`` is written ``'=1+1``;
* a plain number such as ``-37.5`` or ``+3`` is left alone (it cannot be a formula), and
  numbers the writers produce themselves (coordinates, counts) are never text;
* so that reading back is lossless, a cell that already starts with ``'`` followed by a
  trigger or another ``'`` gets one more ``'``.

The readers undo exactly that: a cell starting with ``'`` followed by a trigger or ``'`` loses
its first ``'``; ``'Twas`` stays as it is. Writing with the neutralisation turned off
(``neutralise_formulas=False``) and reading back is lossless except for a text that itself
starts with ``'`` and a trigger, which loses that quote.
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_TRIGGERS", "neutralise_formula", "restore_formula"]

#: First characters that make a spreadsheet evaluate a cell.
FORMULA_TRIGGERS: frozenset[str] = frozenset("=+-@\t\r")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(cell: object) -> object:
    """``cell`` as written to a CSV: a text a spreadsheet would evaluate gets a leading ``'``.

    Examples
    --------
    >>> neutralise_formula("=1+1"), neutralise_formula("-37.5"), neutralise_formula(-5)
    ("'=1+1", '-37.5', -5)
    """
    if not isinstance(cell, str) or not cell:
        return cell
    if cell[0] in FORMULA_TRIGGERS:
        return cell if _NUMBER.fullmatch(cell) else "'" + cell
    if _escaped(cell):
        return "'" + cell
    return cell


def restore_formula(cell: str) -> str:
    """A CSV cell as read back: undo :func:`neutralise_formula`.

    Examples
    --------
    >>> restore_formula("'=1+1"), restore_formula("''=x"), restore_formula("'Twas")
    ('=1+1', "'=x", "'Twas")
    """
    return cell[1:] if _escaped(cell) else cell


def _escaped(cell: str) -> bool:
    return len(cell) > 1 and cell[0] == "'" and (cell[1] in FORMULA_TRIGGERS or cell[1] == "'")
