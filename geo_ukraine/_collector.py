"""Reading an article without the cyclic garbage collector's pauses.

Reading one article allocates thousands of small objects (words, candidate tuples, rows),
and CPython runs its cycle collector every 700 net allocations: over a corpus that
scanning took a sixth to a fifth of :func:`~geo_ukraine.find_places`' time and found
almost nothing, since the reader builds no reference cycles. Its objects are freed by
reference counting as before; cycles made meanwhile elsewhere are collected at the next
collection after.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused", "without_collector_pauses"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Turn the cyclic garbage collector off for the block, and back on after it.

    Nothing changes when the collector is already off (the caller turned it off, or an
    outer block did): it stays off. Another thread's collector is turned off too for the
    time, as the collector is one per process.

    Examples
    --------
    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def without_collector_pauses(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` run inside :func:`collector_paused`."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with collector_paused():
            return function(*args, **kwargs)

    return paused
