"""The scripts a map page needs: ours from ``templates/``, folium's inlined for offline HTML.

Folium's files come from the ``folium-offline`` distribution (MIT; import name
``offlinefolium``), which ships the exact files folium 0.20 links to from CDNs, keyed by their
URLs, as string literals in its ``elements.py``. We read that installed file as text (never
importing its private table) and decode only the literals a map links to; none are copied into
this repository.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

__all__ = ["find_remote_assets", "inline_assets", "package_script"]

_SCRIPT = re.compile(r'<script\s+src="(?P<url>https?://[^"]+)"\s*>\s*</script>')
_LINK = re.compile(r'<link\s+[^>]*href="(?P<url>https?://[^"]+)"[^>]*/?>')
# What a browser fetches by itself: script/img/iframe sources, stylesheet links, CSS url() and
# @import, and Leaflet tile URL templates. Plain <a href> links are not requests.
_REMOTE = re.compile(
    r'<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\ssrc\s*=\s*["\'](https?://[^"\']+)'
    r'|<link\b[^>]*\shref\s*=\s*["\'](https?://[^"\']+)'
    r'|url\(\s*["\']?(https?://[^)"\']+)'
    r'|@import\s+["\'](https?://[^"\']+)'
    r'|tileLayer\(\s*["\'](https?://[^"\']+)',
    re.IGNORECASE,
)


# One entry of folium-offline's table: _res['URL'] = '''<newline>...<newline>''' #URL.
# Inside the literal no line starts with three quotes (they would end it), so the first such
# line closes it.
_ENTRY = re.compile(r"_res\[(?P<url>'[^'\n]+')\] = '''\n")
_OPEN, _CLOSE = "\n_res[", "\n'''"


@functools.cache
def package_script(name: str) -> str:
    """One of our own scripts, ``templates/<name>``, shipped with the package."""
    return resources.files("geo_ukraine.maps").joinpath(f"templates/{name}").read_text(
        encoding="utf-8")


@functools.cache
def _offline_table() -> dict[str, tuple[int, int]]:
    """Where each URL's file sits in folium-offline's source: its literal's span."""
    try:
        source = _offline_source()
    except FileNotFoundError as exc:  # a core dependency
        msg = "offline maps need the 'folium-offline' package: pip install folium-offline"
        raise ImportError(msg) from exc
    table, at = {}, source.find(_OPEN)
    while at >= 0:
        match = _ENTRY.match(source, at + 1)
        if match is None:
            at = source.find(_OPEN, at + 1)
            continue
        start = match.end() - 4
        end = source.index(_CLOSE, start) + len(_CLOSE)
        table[ast.literal_eval(match.group("url"))] = (start, end)
        at = source.find(_OPEN, end)
    return table


@functools.cache
def _offline_source() -> str:
    # Found without importing the package, which would load every file into memory.
    spec = importlib.util.find_spec("offlinefolium")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("offlinefolium")
    return (Path(spec.submodule_search_locations[0]) / "elements.py").read_text(encoding="utf-8")


@functools.cache
def _offline_file(url: str) -> str | None:
    span = _offline_table().get(url)
    if span is None:
        return None
    value = ast.literal_eval(_offline_source()[span[0]:span[1]])
    return value if isinstance(value, str) else None


def _safe_inline(code: str) -> str:
    # A literal "</script" or "</style" inside inlined code would end the element early.
    return re.sub(r"</(script|style)", r"<\\/\1", code, flags=re.IGNORECASE)


def inline_assets(html: str) -> str:
    """Replace every CDN ``<script src>`` / stylesheet ``<link>`` with the file's content.

    Parameters
    ----------
    html : str
        A rendered folium page.

    Returns
    -------
    str
        The page with the assets inlined.

    Raises
    ------
    RuntimeError
        When the page links to a remote asset that no installed package provides.
    """
    missing = []

    def script(match: re.Match[str]) -> str:
        code = _offline_file(match.group("url"))
        if code is None:
            missing.append(match.group("url"))
            return match.group(0)
        return f"<script>{_safe_inline(code)}</script>"

    def link(match: re.Match[str]) -> str:
        if "stylesheet" not in match.group(0):
            return match.group(0)
        css = _offline_file(match.group("url"))
        if css is None:
            missing.append(match.group("url"))
            return match.group(0)
        return f"<style>{_safe_inline(css)}</style>"

    html = _sub_tags(_LINK, link, _sub_tags(_SCRIPT, script, html))
    if missing:
        msg = ("cannot make the map offline: no packaged copy of " + ", ".join(missing)
               + "; remove the layer that needs it or save with offline=False")
        raise RuntimeError(msg)
    return html


def _positions(html: str, char: str) -> list[int]:
    """Every index of ``char`` in ``html`` (found by ``str.find``, fast on a long page)."""
    found, at = [], html.find(char)
    while at >= 0:
        found.append(at)
        at = html.find(char, at + 1)
    return found


def _sub_tags(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], html: str) -> str:
    """``pattern.sub(repl, html)`` for a pattern whose every match starts with ``<``.

    Only the places where a ``<`` stands are tried, so a long page whose data has no ``<``
    (script data escapes it) is not matched character by character.
    """
    parts, done = [], 0
    for at in _positions(html, "<"):
        match = pattern.match(html, at) if at >= done else None
        if match is not None:
            parts += [html[done:at], repl(match)]
            done = match.end()
    return "".join([*parts, html[done:]])


def find_remote_assets(html: str) -> list[str]:
    """Every http(s) URL the page would load as a script, stylesheet, image or CSS url()."""
    # Each match of _REMOTE starts with "<", "@", "url(" or "tileLayer(" (in any case): only
    # those places are tried, left to right, a match's text never tried again (as findall).
    starts = set(_positions(html, "<")) | set(_positions(html, "@"))
    for at in _positions(html, "("):
        for name in ("url", "tilelayer"):
            if html[max(at - len(name), 0):at].lower() == name:
                starts.add(at - len(name))
    found, done = [], 0
    for at in sorted(starts):
        match = _REMOTE.match(html, at) if at >= done else None
        if match is not None:
            found.append(next(url for url in match.groups() if url))
            done = match.end()
    return found
