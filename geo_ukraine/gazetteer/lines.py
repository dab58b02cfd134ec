"""Sorted ``key<TAB>value`` lines, looked up where they lie instead of parsed into a dictionary.

The gazetteer's name and spelling indexes hold some 500,000 keys. As Python dictionaries
they cost about 80 MB in every process that loads them (each key and value its own string);
kept as the build wrote them, sorted UTF-8 lines, they cost their 10 MB of bytes and a sparse
sample of keys. A lookup bisects the sample (in C) and then searches one short stretch of
lines for the key (in C too): a few microseconds, against a dictionary's fraction of one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

__all__ = ["SortedLines"]

# Bytes between sampled lines: the stretch one lookup searches.
_STEP = 1024


class SortedLines:
    r"""Lines ``key<TAB>value`` sorted by the UTF-8 bytes of their keys, each key once.

    Parameters
    ----------
    body : bytes
        The lines, each ending in a newline (a missing last newline is tolerated).
    step : int
        About how many bytes apart the sampled lines lie.

    Examples
    --------
    >>> lines = SortedLines(b"kharkiv\t12\nkyiv\t3,7a\nlviv\t9\n")
    >>> lines.get("kyiv"), lines.get("kyi"), len(lines)
    ('3,7a', None, 3)
    """

    def __init__(self, body: bytes = b"", step: int = _STEP) -> None:
        if body and not body.endswith(b"\n"):
            body += b"\n"
        self._body = body
        keys: list[bytes] = []
        starts: list[int] = []
        start = 0
        while start < len(body):
            keys.append(body[start:body.index(b"\t", start)])
            starts.append(start)
            start = body.find(b"\n", start + step) + 1 or len(body)
        self._keys = keys
        self._starts = [*starts, len(body)]

    def __len__(self) -> int:
        return self._body.count(b"\n")

    def get(self, key: str) -> str | None:
        """The value of ``key``, or None.

        Parameters
        ----------
        key : str

        Returns
        -------
        str or None
        """
        raw = key.encode()
        n = bisect.bisect_right(self._keys, raw) - 1
        if n < 0 or "\n" in key or "\t" in key:
            return None
        body, lo, hi = self._body, self._starts[n], self._starts[n + 1]
        head = raw + b"\t"
        if body.startswith(head, lo):
            at = lo + len(head)
        else:
            needle = b"\n" + head
            found = body.find(needle, lo, hi - 1 + len(needle))
            if found < 0:
                return None
            at = found + len(needle)
        return body[at:body.index(b"\n", at)].decode()

    def has_prefix(self, prefix: str) -> bool:
        """Whether some key starts with ``prefix``.

        Parameters
        ----------
        prefix : str

        Returns
        -------
        bool
        """
        raw = prefix.encode()
        if not raw:
            return bool(self._keys)
        # The keys that start with the prefix are contiguous, from the first key >= it: in
        # the stretch of the last sample <= it, or the next sample itself.
        n = bisect.bisect_right(self._keys, raw) - 1
        if n + 1 < len(self._keys) and self._keys[n + 1].startswith(raw):
            return True
        if n < 0:
            return False
        body, lo, hi = self._body, self._starts[n], self._starts[n + 1]
        if body.startswith(raw, lo):
            return True
        needle = b"\n" + raw
        return body.find(needle, lo, hi - 1 + len(needle)) >= 0

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def items(self) -> Iterator[tuple[str, str]]:
        """Every ``(key, value)``, in key order, decoded one stretch at a time."""
        for lo, hi in zip(self._starts, self._starts[1:], strict=False):
            for line in self._body[lo:hi].decode().split("\n")[:-1]:
                key, _, value = line.partition("\t")
                yield key, value

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.items())
