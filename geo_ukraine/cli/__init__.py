"""The ``geo-ukraine`` command line: a thin shell over the public API, one module per command."""

from __future__ import annotations

from .main import build_parser, main

__all__ = ["build_parser", "main"]
