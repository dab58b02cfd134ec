"""The ``geo-ukraine`` command line: a thin shell over the public API."""

from __future__ import annotations

from .core import build_parser, main

__all__ = ["build_parser", "main"]
