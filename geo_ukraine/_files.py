"""Safe output files: checked before any work starts, written atomically, never half-written.

Every file the package produces goes through :func:`atomic_path` or :func:`atomic_open`: the
content is written to a temporary file beside the target, flushed to disk, and renamed over
the target only when complete. A failure or Ctrl-C part-way leaves the previous file as it
was; a target that is not a regular file (a directory, a device such as ``/dev/full``) is
refused instead of replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import OutputPathError

__all__ = ["OutputPathError", "atomic_open", "atomic_path", "check_output"]


def check_output(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Check that ``path`` can be written as an output file, before any work starts.

    Parameters
    ----------
    path : str or Path
        The file to be produced. Its parent directory is created if missing.
    inputs : iterable of str or Path
        Files the same job reads: writing over one of them is refused.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    OutputPathError
        When the target is a directory or another non-regular file, is one of ``inputs``,
        or its directory cannot be created or written.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        msg = f"{str(path)!r}: cannot be used as an output file ({exc.strerror or exc})"
        raise OutputPathError(msg) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        what = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        msg = f"{str(path)!r}: is {what}; give the path of a file to write"
        raise OutputPathError(msg)
    if info is not None and any(_same_file(path, Path(source)) for source in inputs):
        msg = f"{str(path)!r}: is also an input; write the output to another file"
        raise OutputPathError(msg)
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = f"{str(path)!r}: cannot create its directory ({exc.strerror or exc})"
        raise OutputPathError(msg) from None
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        msg = f"{str(path)!r}: its directory {str(parent)!r} is not writable"
        raise OutputPathError(msg)
    if len(path.name.encode()) > 240:
        msg = f"{path.name[:40]!r}...: file name is too long ({len(path.name)} characters)"
        raise OutputPathError(msg)
    return path


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; it replaces ``path`` only on success.

    For writers that want a file name (GDAL, for one). The temporary file keeps the target's
    suffix so that drivers chosen by extension still work.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text()
    'done'
    """
    target = check_output(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:60]}.", suffix=f".tmp{target.suffix}",
                                dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()  # writers such as GDAL refuse to open an existing empty file
    try:
        yield tmp
        if not tmp.exists():
            msg = f"{str(target)!r}: the writer produced no file"
            raise OutputPathError(msg)
        _fsync(tmp)
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", *, encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a file for writing that appears at ``path`` only once it is complete.

    Parameters
    ----------
    path : str or Path
    mode : {"w", "wb"}
    encoding, newline : str, optional
        As for :func:`open` (text mode only).
    """
    if mode not in ("w", "wb"):
        msg = f"atomic_open: mode must be 'w' or 'wb', got {mode!r}"
        raise ValueError(msg)
    with atomic_path(path) as tmp:
        if mode == "wb":
            with open(tmp, "wb") as handle:
                yield handle
        else:
            with open(tmp, "w", encoding=encoding, newline=newline) as handle:
                yield handle


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
