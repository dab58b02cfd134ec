"""What a worker process needs to extract as the client would: its settings, its overlay, once.

A Dask worker is another process, often on another machine: it starts with the default
settings and whatever gazetteer overlay its own home holds. :class:`WorkerSetup` carries the
client's settings and the bytes of the client's overlay to the worker; :meth:`WorkerSetup.gazetteer`
applies them and loads the gazetteer once per process (a per-process cache), so every task
after the first reuses it. In the client's own process nothing changes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from .._settings import configure, settings
from ..gazetteer import Gazetteer, overlay_file

__all__ = ["WorkerSetup", "prepare_worker"]

# Keys of the setup last applied in this process.
_APPLIED: set[str] = set()
_LOCK = threading.Lock()


def _overlay_bytes() -> bytes | None:
    """The overlay this process's gazetteer merges, or None."""
    path = overlay_file()
    if not settings.use_overlay or not path.is_file():
        return None
    return path.read_bytes()


def _options() -> dict[str, Any]:
    """The settings of this process, less where its cache lives (a path of this machine)."""
    return {k: v for k, v in dataclasses.asdict(settings).items() if k != "cache_dir"}


@dataclasses.dataclass(frozen=True)
class WorkerSetup:
    """The client's settings and gazetteer overlay, for its workers.

    Attributes
    ----------
    options : dict
        Every setting of :class:`geo_ukraine.Settings` but ``cache_dir``.
    overlay : bytes or None
        The content of the client's gazetteer overlay, when it merges one.
    """

    options: dict[str, Any]
    overlay: bytes | None

    @classmethod
    def from_client(cls) -> WorkerSetup:
        """The setup of this process, to be sent to the workers."""
        return cls(_options(), _overlay_bytes())

    @property
    def key(self) -> str:
        """Identifies the setup: a hash of the settings and the overlay."""
        digest = hashlib.sha1(repr(sorted(self.options.items())).encode())
        digest.update(self.overlay or b"-")
        return digest.hexdigest()[:16]

    def gazetteer(self) -> Gazetteer:
        """The gazetteer of this process under the client's setup, loaded once per process.

        Returns
        -------
        Gazetteer
            :meth:`Gazetteer.default` once the settings and overlay are the client's.
        """
        if self.key not in _APPLIED:
            with _LOCK:
                if self.key not in _APPLIED:
                    self._apply()
                    _APPLIED.clear()
                    _APPLIED.add(self.key)
        # Gazetteer.default() is the per-process cache: loaded by the first task only.
        return Gazetteer.default()

    def _apply(self) -> None:
        """Make this process's settings and overlay the client's; reload only on a change."""
        changed = False
        if _options() != self.options:
            configure(**self.options)
            changed = True
        if _overlay_bytes() != self.overlay:
            configure(cache_dir=self._cache_dir())
            changed = True
        if changed:
            Gazetteer.reset_default()

    def _cache_dir(self) -> Path:
        """A cache directory of this machine holding the client's overlay (or none)."""
        directory = Path(tempfile.gettempdir()) / f"geo_ukraine-worker-{self.key}"
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / "overlay.tsv"
        if self.overlay is not None and not target.is_file():
            # Worker processes of one machine may race here: each writes its own file and
            # renames it into place, so a reader never sees half an overlay.
            fd, name = tempfile.mkstemp(dir=directory, prefix=".overlay.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(self.overlay)
            os.replace(name, target)
        return directory


def prepare_worker(setup: WorkerSetup) -> int:
    """Load the gazetteer under ``setup`` in this process (run on every worker at start).

    Returns
    -------
    int
        The number of places, as a sign of life.
    """
    return len(setup.gazetteer())
