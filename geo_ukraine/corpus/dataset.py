"""Partitioned GeoParquet datasets of events: checked first, written aside, swapped in whole.

The Dask engine writes one Parquet file per batch into a directory. The directory is
written as a hidden sibling (``.events.parquet.XXXX.tmp``) and renamed into place only when
every part is written, so a failed or interrupted run never leaves a directory that looks
complete; a previous dataset at the same path stays as it was until the new one replaces it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._files import OutputPathError, check_output
from .local import conform

if TYPE_CHECKING:
    import geopandas as gpd
    import pyarrow as pa

__all__ = [
    "DATASET_FILES",
    "PART_COMPRESSION",
    "check_dataset_output",
    "count_rows",
    "dataset_directory",
    "is_dataset",
    "part_name",
    "part_schema",
    "read_event_dataset",
    "restore_types",
    "write_part",
]

#: Suffixes and names of the files a Parquet dataset directory may hold.
DATASET_FILES = (".parquet", "_metadata", "_common_metadata")

#: Compression of every part (Dask's default for Parquet).
PART_COMPRESSION = "snappy"


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a directory holding only Parquet parts (or nothing)."""
    path = Path(path)
    return path.is_dir() and all(
        child.is_file() and child.name.endswith(DATASET_FILES) for child in path.iterdir())


def check_dataset_output(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Check that a dataset directory can be written at ``path``, before any work starts.

    Parameters
    ----------
    path : str or Path
        A new path, an earlier dataset (replaced once the new one is complete), or a file
        (replaced likewise).
    inputs : iterable of str or Path
        Files the same job reads: writing over one of them is refused.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    OutputPathError
        For a directory holding anything but Parquet parts, or a path that
        :func:`geo_ukraine._files.check_output` refuses.
    """
    path = Path(path)
    if not path.is_dir():
        return check_output(path, inputs=inputs)
    if not is_dataset(path):
        msg = (f"{str(path)!r}: is a directory holding other files than Parquet parts; give a "
               "new path, or an earlier dataset of events to replace")
        raise OutputPathError(msg)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        msg = f"{str(path)!r}: its directory {str(path.parent)!r} is not writable"
        raise OutputPathError(msg)
    return path


@contextlib.contextmanager
def dataset_directory(path: str | Path) -> Iterator[Path]:
    """An empty hidden directory beside ``path`` to write to; it becomes ``path`` on success.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "events.parquet"
    >>> with dataset_directory(target) as tmp:
    ...     _ = (tmp / "part.0.parquet").write_bytes(b"")
    >>> sorted(p.name for p in target.iterdir())
    ['part.0.parquet']
    """
    target = check_dataset_output(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name[:60]}.", suffix=".tmp",
                                dir=target.parent))
    try:
        yield tmp
        _swap(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap(new: Path, target: Path) -> None:
    """Put directory ``new`` at ``target``, replacing what was there only once ``new`` is in."""
    os.chmod(new, 0o777 & ~_umask())
    if not target.exists() and not target.is_symlink():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name[:60]}.", suffix=".old",
                                dir=target.parent))
    os.replace(target, old / "previous")
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old / "previous", target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def part_schema(meta: gpd.GeoDataFrame) -> pa.Schema:
    """The Arrow schema every part of a dataset of ``meta``'s events is written in.

    Object text columns are ``string`` and the geometry WKB ``binary``; the other columns
    take the Arrow type of their pandas type (``Int64`` -> ``int64``, ``str`` ->
    ``large_string``). A batch whose column is empty or all missing is written in the same
    types as the others, so the parts read as one table.

    Parameters
    ----------
    meta : geopandas.GeoDataFrame
        The empty event table (:func:`geo_ukraine.corpus.local.event_meta`).

    Returns
    -------
    pyarrow.Schema
    """
    import pandas as pd
    import pyarrow as pa
    from pandas.api.types import is_object_dtype

    fields = []
    for column, dtype in meta.dtypes.items():
        if column == meta.geometry.name:
            kind = pa.binary()
        elif is_object_dtype(dtype):  # str or None; pyarrow would see an empty one as null
            kind = pa.string()
        else:
            plain = pd.DataFrame({column: meta[column]})
            kind = pa.Schema.from_pandas(plain, preserve_index=False).field(column).type
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def part_name(index: int) -> str:
    """The file name of part ``index`` (0 first), as Dask names the parts it writes."""
    return f"part.{index}.parquet"


def write_part(events: gpd.GeoDataFrame, directory: str | Path, index: int,
               schema: pa.Schema) -> None:
    """Write one batch's events as part ``index`` of the dataset being written in ``directory``.

    The part is written by dask-geopandas' own partition writer (GeoParquet: WKB geometry
    and the ``geo`` metadata), as ``to_parquet`` writes each partition. It is called from
    the task that extracted the batch, so that a worker forgets the batch's task as soon
    as it is done: with one ``to_parquet`` graph over the corpus, each worker kept every
    written partition's task until the last one (it grew by some 25 MB over 20,000
    articles, and would grow without bound with the corpus).

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        The batch's events (no rows is a part with no rows).
    directory : str or Path
        The dataset directory being written (see :func:`dataset_directory`).
    index : int
        The batch's place in the corpus: parts read back in the corpus's order.
    schema : pyarrow.Schema
        See :func:`part_schema`.
    """
    from dask_geopandas.io.parquet import GeoArrowEngine
    from fsspec.implementations.local import LocalFileSystem

    GeoArrowEngine.write_partition(
        events, str(directory), LocalFileSystem(), part_name(index),
        partition_on=[], return_metadata=False, compression=PART_COMPRESSION, index_cols=[],
        schema=schema)


def restore_types(frame: gpd.GeoDataFrame, meta: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A partition read back from Parquet, in ``meta``'s types (text columns as str/None)."""
    return conform([frame], meta)


def read_event_dataset(path: str | Path, meta: gpd.GeoDataFrame | None = None) -> Any:
    """The events of a dataset written by :func:`geo_ukraine.corpus.extract_corpus`, lazily.

    Parameters
    ----------
    path : str or Path
        A dataset directory (or one GeoParquet file).
    meta : geopandas.GeoDataFrame, optional
        The types to restore; by default those of the first part.

    Returns
    -------
    dask_geopandas.GeoDataFrame
        One partition per part; text columns hold ``str`` or None, as in memory.

    Raises
    ------
    ImportError
        When dask-geopandas is not installed (``pip install geo_ukraine[corpus]``).
    """
    dask_geopandas = import_dask_geopandas()
    import geopandas as gpd

    events = dask_geopandas.read_parquet(str(path))
    if meta is None:
        parts = sorted(Path(path).glob("*.parquet")) if Path(path).is_dir() else [Path(path)]
        meta = _object_text(gpd.read_parquet(parts[0]).iloc[:0])
    return events.map_partitions(restore_types, meta, meta=meta)


def count_rows(path: str | Path) -> int:
    """Rows of a dataset directory or GeoParquet file, from the Parquet footers alone."""
    import pyarrow.parquet as pq

    path = Path(path)
    parts = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    return sum(pq.ParquetFile(part).metadata.num_rows for part in parts)


def _object_text(meta: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``meta`` with its Arrow/str text columns as object (None for missing)."""
    from pandas.api.types import is_string_dtype

    out = meta.copy()
    for column, dtype in out.dtypes.items():
        if column != out.geometry.name and is_string_dtype(dtype):
            out[column] = out[column].astype(object)
    return out


def import_dask_geopandas() -> Any:
    """dask_geopandas, or an ImportError naming the extra that installs it."""
    try:
        import dask_geopandas
        import distributed  # noqa: F401  (the engine's scheduler)
    except ImportError as exc:
        msg = (f"the Dask engine needs dask[distributed] and dask-geopandas ({exc}); install "
               "them with: pip install 'geo_ukraine[corpus]'")
        raise ImportError(msg) from exc
    return dask_geopandas
