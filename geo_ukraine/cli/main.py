"""The parser of every command and ``main``, the entry point of ``geo-ukraine``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import GeoUkraineError
from . import area, export, extract, gazetteer, geocode, places, reverse
from . import map as map_command

__all__ = ["COMMANDS", "build_parser", "main"]

#: The command modules, in the order ``--help`` lists them; each has ``add_parser`` and ``run``.
COMMANDS = (geocode, reverse, places, extract, map_command, export, area, gazetteer)


def _version() -> str:
    return __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="geo-ukraine",
        description="Offline gazetteer, event geodata and maps for reporting on the "
                    "Russia-Ukraine war.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    parser.add_argument("-q", "--quiet", action="store_true", help="errors only")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    User mistakes (unknown places, bad files, bad values) print one line on stderr and
    return 2; they never show a traceback.
    """
    args = build_parser().parse_args(argv)
    level = logging.ERROR if args.quiet else (logging.DEBUG if args.verbose > 1 else
                                              logging.INFO if args.verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # The reader went away (``geocode --json ... | head``): not an error of ours. Point
        # stdout at devnull so the interpreter's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (GeoUkraineError, OSError, ValueError, RuntimeError) as exc:
        print(f"geo-ukraine {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"geo-ukraine {args.command}: interrupted; no output file was changed",
              file=sys.stderr)
        return 130


def _one_line(exc: BaseException) -> str:
    """The message of an error on one line (an OSError names its file)."""
    if isinstance(exc, OSError) and not isinstance(exc, GeoUkraineError) and exc.filename:
        return f"{str(exc.filename)!r}: {exc.strerror or exc}"
    return " ".join(str(exc).split()) or type(exc).__name__
