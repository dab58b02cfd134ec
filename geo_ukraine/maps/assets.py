"""Inline the JS/CSS a folium map links to, from an installed package, for offline HTML.

Source: the ``folium-offline`` distribution (MIT; import name ``offlinefolium``), which ships
the exact files folium 0.20 links to from CDNs, keyed by their URLs. Only the files the map
actually links to are inlined; none are copied into this repository.
"""

from __future__ import annotations

import functools
import re

__all__ = ["find_remote_assets", "inline_assets"]

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


@functools.cache
def _resources() -> dict[str, str]:
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:  # pragma: no cover - it is a core dependency
        msg = "offline maps need the 'folium-offline' package: pip install folium-offline"
        raise ImportError(msg) from exc
    return dict(_res)


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
    resources = _resources()
    missing = []

    def script(match: re.Match[str]) -> str:
        code = resources.get(match.group("url"))
        if code is None:
            missing.append(match.group("url"))
            return match.group(0)
        return f"<script>{_safe_inline(code)}</script>"

    def link(match: re.Match[str]) -> str:
        if "stylesheet" not in match.group(0):
            return match.group(0)
        css = resources.get(match.group("url"))
        if css is None:
            missing.append(match.group("url"))
            return match.group(0)
        return f"<style>{_safe_inline(css)}</style>"

    html = _LINK.sub(link, _SCRIPT.sub(script, html))
    if missing:
        msg = ("cannot make the map offline: no packaged copy of " + ", ".join(missing)
               + "; remove the layer that needs it or save with offline=False")
        raise RuntimeError(msg)
    return html


def find_remote_assets(html: str) -> list[str]:
    """Every http(s) URL the page would load as a script, stylesheet, image or CSS url()."""
    return [next(url for url in groups if url) for groups in _REMOTE.findall(html)]
