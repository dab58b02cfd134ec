"""The gazetteer's rows and name indexes: loaded from the embedded tables and the user overlay."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

from .. import _data
from .._settings import settings
from .lines import SortedLines
from .names import index_keys, normalize, split_region_phrase
from .records import COLUMNS, Place, PlaceKind, PlaceRow, row_from_fields

__all__ = ["KEPT", "NameIndex", "PlaceStore", "RowTable", "overlay_file", "read_embedded_rows"]

#: Place ids with this prefix come from the user's own files (``gazetteer ingest``).
USER_PREFIX = "user:"


def overlay_file() -> Path:
    """Path of the user's gazetteer overlay (written by ``gazetteer ingest``)."""
    return Path(settings.cache_dir) / "overlay.tsv"


# How many parsed rows and built places a store keeps at most. A corpus worker meets tens
# of thousands of candidate rows over a day's work; kept for good they grew it by some
# 100 MB, while the rows one article's lookups touch number a few hundred.
KEPT = 8_192


class RowTable(Sequence[PlaceRow]):
    """The table's rows, kept as its UTF-8 bytes and split into a :class:`PlaceRow` when read.

    Loading 75,000 rows then costs finding where each line starts, not 75,000 splits into
    fields (most lookups touch a few dozen rows), and the rows stay 13 MB of bytes rather
    than 24 MB of strings. Parsed rows are kept, up to :data:`KEPT` of them (then forgotten
    all at once and parsed again as needed); rows set or appended at run time (the overlay)
    have no line and are kept for good.

    Parameters
    ----------
    body : bytes
        The rows' lines, tab-separated UTF-8, each ending in a newline.
    """

    def __init__(self, body: bytes = b"") -> None:
        import numpy as np

        self._body = body
        ends = np.flatnonzero(np.frombuffer(body, dtype=np.uint8) == ord("\n"))
        self._starts = array("q", [0])
        self._starts.frombytes((ends + 1).astype(np.int64).tobytes())
        self._count = len(ends)  # lines; rows appended at run time come after them
        self._parsed: dict[int, PlaceRow] = {}
        self._set: dict[int, PlaceRow] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, i: int) -> PlaceRow: ...

    @overload
    def __getitem__(self, i: slice) -> list[PlaceRow]: ...

    def __getitem__(self, i: int | slice) -> PlaceRow | list[PlaceRow]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        row = self._parsed.get(i)
        if row is None:
            row = self.peek(i)
            if len(self._parsed) >= KEPT:
                self._parsed.clear()
            self._parsed[i] = row
        return row

    def peek(self, i: int) -> PlaceRow:
        """Row ``i`` without keeping it: for one pass over many rows that few lookups need.

        Parameters
        ----------
        i : int

        Returns
        -------
        PlaceRow
            The kept row if an earlier lookup parsed it, else a fresh parse of its line.
        """
        row = self._set.get(i) or self._parsed.get(i)
        if row is not None:
            return row
        if i < 0:
            i += self._count
        if not 0 <= i < len(self._starts) - 1:
            raise IndexError(i)
        line = self._body[self._starts[i]:self._starts[i + 1] - 1]
        return PlaceRow._make(line.decode().split("\t"))

    def __iter__(self) -> Iterator[PlaceRow]:
        for i in range(self._count):
            yield self.peek(i)

    def __setitem__(self, i: int, row: PlaceRow) -> None:
        self._set[i] = row
        self._parsed.pop(i, None)

    def append(self, row: PlaceRow) -> None:
        """Add a row at the end."""
        self._set[self._count] = row
        self._count += 1

    def ids_and_kinds(self) -> tuple[list[str], list[str]]:
        """Every row's id and every row's kind, read without splitting whole rows."""
        ids: list[str] = []
        kinds: list[str] = []
        add_id, add_kind = ids.append, kinds.append
        for line in self._body.decode().split("\n")[:-1]:
            place_id, kind, _ = line.split("\t", 2)
            add_id(place_id)
            add_kind(kind)
        ids += [""] * (self._count - len(ids))
        kinds += [""] * (self._count - len(kinds))
        for i, row in self._set.items():
            ids[i], kinds[i] = row.id, row.kind
        return ids, kinds

    def overridden(self) -> list[tuple[int, PlaceRow]]:
        """The rows set or appended at run time, with their numbers."""
        return list(self._set.items())


class NameIndex:
    """Normalised name -> comma-separated row numbers: the prebuilt lines, and rows added since.

    The build writes the index sorted by key; it stays those bytes (:class:`SortedLines`),
    looked up in place, so loading costs a decompression and no process holds 300,000
    parsed entries. Rows indexed at run time (the overlay, curated aliases) are kept beside
    the prebuilt lines and joined on lookup.

    Parameters
    ----------
    body : bytes
        The index's lines (``key<TAB>rows``, UTF-8, sorted by key, each ending in a newline).
    rows : int
        How many table rows the prebuilt lines cover.
    added : dict, optional
        Entries indexed at run time, beside the prebuilt lines.
    """

    def __init__(self, body: bytes = b"", rows: int = 0,
                 added: dict[str, str] | None = None) -> None:
        self._lines = SortedLines(body)
        self.rows = rows
        self._added: dict[str, str] = {}
        #: the leading words of the added keys of several words ("nova", "nova kakhovka")
        self._added_heads: set[str] = set()
        for key, code in (added or {}).items():
            self.add(key, code)

    @classmethod
    def from_dict(cls, index: dict[str, str]) -> NameIndex:
        """An index of run-time entries only (a NUL-prefixed ``rows`` key gives their count)."""
        return cls(rows=int(index.get("\0rows", "0")),
                   added={k: v for k, v in index.items() if k != "\0rows"})

    def get(self, key: str, default: str | None = None) -> str | None:
        """The rows of ``key`` (comma-separated, ``a`` marking an alternate name), or default."""
        base = self._lines.get(key) if key else None
        more = self._added.get(key)
        if base and more:
            return f"{base},{more}"
        return base or more or default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def begins(self, key: str) -> bool:
        """Whether some key is ``key`` followed by more words ("nova" begins "nova kakhovka").

        Parameters
        ----------
        key : str
            A normalised name.

        Returns
        -------
        bool
        """
        return bool(key) and (key in self._added_heads or self._lines.has_prefix(key + " "))

    def add(self, key: str, code: str) -> None:
        """Index one more row (``12`` primary name, ``12a`` alternate name) under ``key``."""
        more = self._added.get(key)
        self._added[key] = f"{more},{code}" if more else code
        words = key.split(" ")
        self._added_heads.update(" ".join(words[:n]) for n in range(1, len(words)))


def read_embedded_rows() -> RowTable:
    """Every row of the embedded ``places.tsv.gz``, split lazily.

    Raises
    ------
    RuntimeError
        When the table's header is not :data:`COLUMNS` (an installation from another build).
    """
    header, body = _data.read_table("places.tsv.gz")
    if tuple(header.split("\t")) != COLUMNS:
        msg = f"places.tsv.gz has columns {header.split()}, expected {list(COLUMNS)}: reinstall"
        raise RuntimeError(msg)
    return RowTable(body)


class PlaceStore:
    """Rows by number and id, with the exact-name, skeleton and region-phrase indexes.

    Index values are comma-separated row numbers, an ``a`` suffix marking an alternate name;
    they are parsed on first use, so that loading stays a dictionary build.

    Parameters
    ----------
    rows : RowTable or iterable of PlaceRow or sequences of str
        The embedded table (or any rows), then ``extra`` rows replace rows of the same id.
    aliases : iterable of (alias, target)
        Curated aliases; ``target`` is a place id or ``group:<code>,<code>``.
    name_index : NameIndex or dict, optional
        The prebuilt exact-name index of the embedded rows (``_data.read_sorted_index``).
    skeleton_index : dict or callable, optional
        The prebuilt skeleton index, or a function that loads it (a dict or
        :class:`SortedLines`) on first use.
    """

    def __init__(self, rows: RowTable | Iterable[PlaceRow | list[str]],
                 aliases: Iterable[tuple[str, str]] = (), *,
                 extra: Iterable[PlaceRow] = (),
                 name_index: NameIndex | dict[str, str] | None = None,
                 skeleton_index: dict[str, str] | Callable[[], SortedLines | dict[str, str]]
                 | None = None,
                 ) -> None:
        if not isinstance(name_index, NameIndex):
            name_index = NameIndex.from_dict(name_index or {})
        prebuilt = name_index.rows
        kinds: list[str] = []
        if isinstance(rows, RowTable):
            self.rows = rows
            ids, kinds = rows.ids_and_kinds()
            self.by_id = {place_id: i for i, place_id in enumerate(ids)}
            if len(self.by_id) != len(ids):
                msg = "a place id occurs twice in the embedded table: rebuild it"
                raise RuntimeError(msg)
            new_rows = [] if prebuilt == len(rows) else list(range(len(rows)))
        else:
            self.rows = RowTable()
            self.by_id = {}
            new_rows = self._add_rows(rows, prebuilt)
        new_rows += self._add_rows(extra, len(self.rows))
        self.exact = name_index
        self._skeleton_loader = skeleton_index
        self._skeleton_index: SortedLines | dict[str, str] | None = (
            None if callable(skeleton_index) else dict(skeleton_index or {}))
        self.skeleton_extra: dict[str, str] = {}
        #: normalised region phrase or name -> rows of admin units
        self.region: dict[str, list[int]] = defaultdict(list)
        #: normalised group name ("donbas") -> admin-1 place ids
        self.groups: dict[str, tuple[str, ...]] = {}
        #: admin code (UA.26, UA.05.1416) -> its name
        self.admin_names: dict[str, str] = {}
        self.stopwords = _data.stopwords()
        self._places: dict[int, Place] = {}
        self._owner: object = None
        #: per-row values that callers compute once (the ranking's priors)
        self.memo: dict[object, float] = {}
        for i in dict.fromkeys(new_rows):
            self._index_row(i)
        kinds += [""] * (len(self.rows) - len(kinds))
        for i, row in self.rows.overridden():  # overlay rows, and any rows given as such
            kinds[i] = row.kind
        for i, kind in enumerate(kinds):
            if kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
                self._index_admin(i, self.rows[i])
        for alias, target in aliases:
            self.add_alias(alias, target)

    def _add_rows(self, rows: Iterable[PlaceRow | list[str]], prebuilt: int) -> list[int]:
        # Rows numbered below ``prebuilt`` are in the prebuilt indexes; a repeated id among
        # them means a broken build, while a later row with a known id replaces it.
        """Append rows, letting later rows replace earlier ones; return rows to index."""
        new_rows: list[int] = []
        for raw in rows:
            row = raw if isinstance(raw, PlaceRow) else row_from_fields(raw)
            index = self.by_id.get(row.id)
            if index is not None and len(self.rows) < prebuilt:
                msg = f"place id {row.id!r} occurs twice in the embedded table: rebuild it"
                raise RuntimeError(msg)
            if index is not None:  # an overlay row replaces the embedded one
                before = self.rows[index]
                self.rows[index] = row
                if before.all_names != row.all_names:  # else its names are indexed already
                    new_rows.append(index)
                continue
            self.by_id[row.id] = len(self.rows)
            self.rows.append(row)
            if len(self.rows) > prebuilt:
                new_rows.append(len(self.rows) - 1)
        return new_rows

    def __len__(self) -> int:
        return len(self.rows)

    # ------------------------------------------------------------------ indexes
    def _index_row(self, i: int) -> None:
        """Add a row that the prebuilt indexes do not hold (an overlay row, or any row)."""
        keys, skels = index_keys(self.rows[i].all_names)
        for n, key in enumerate(keys.split("|")):
            if key:
                self.exact.add(key, f"{i}" if n == 0 else f"{i}a")
        for skel in set(skels.split("|")):
            if skel:
                raw = self.skeleton_extra.get(skel)
                self.skeleton_extra[skel] = f"{raw},{i}" if raw else f"{i}"

    def _index_admin(self, i: int, row: PlaceRow) -> None:
        for name in row.all_names:
            self.region[normalize(name)].append(i)
            split = split_region_phrase(name)
            if split:
                self.region[split[0]].append(i)
        self.admin_names[row.admin2 if row.kind == PlaceKind.ADMIN2 else row.admin1] = row.name

    def add_alias(self, alias: str, target: str) -> None:
        """Index ``alias`` as another name of the place ``target`` (or a group of regions).

        Raises
        ------
        RuntimeError
            When ``target`` is not a known place id.
        """
        key = normalize(alias)
        if target.startswith("group:"):
            self.groups[key] = tuple(f"a1:{code}" for code in target[6:].split(","))
            return
        index = self.by_id.get(target)
        if index is None:
            msg = f"alias {alias!r} points at unknown place id {target!r}"
            raise RuntimeError(msg)
        self.exact.add(key, f"{index}a")
        if self.rows[index].kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2):
            self.region[key].append(index)

    def exact_hits(self, key: str) -> list[tuple[int, bool]]:
        """Rows bearing the normalised name ``key``, each with whether it is their primary name."""
        raw = self.exact.get(key)
        if not raw:
            return []
        return [(int(c[:-1]), False) if c[-1] == "a" else (int(c), True) for c in raw.split(",")]

    @property
    def skeleton_index(self) -> SortedLines | dict[str, str]:
        """The prebuilt skeleton index (rows added at load time are in ``skeleton_extra``)."""
        if self._skeleton_index is None:
            loader = self._skeleton_loader
            self._skeleton_index = loader() if callable(loader) else {}
        return self._skeleton_index

    def skeleton_hits(self, skel: str) -> list[int]:
        """Rows with a name of this spelling skeleton."""
        raw = ",".join(filter(None, (self.skeleton_index.get(skel),
                                     self.skeleton_extra.get(skel))))
        return [int(c) for c in raw.split(",")] if raw else []

    def skeletons(self) -> Iterator[tuple[str, list[int]]]:
        """Every spelling skeleton with its rows, the prebuilt and the added ones joined."""
        extra = self.skeleton_extra
        for key, raw in self.skeleton_index.items():
            more = extra.get(key)
            joined = f"{raw},{more}" if raw and more else raw or more or ""
            yield key, [int(c) for c in joined.split(",")] if joined else []
        for key, raw in extra.items():
            if key not in self.skeleton_index:
                yield key, [int(c) for c in raw.split(",")]

    # ------------------------------------------------------------------ places
    def bind(self, owner: object) -> None:
        """Give the places this store hands out a source of polygons (the gazetteer)."""
        self._owner = owner

    def place(self, i: int) -> Place:
        """The :class:`Place` of row ``i`` (built once, then cached)."""
        place = self._places.get(i)
        if place is None:
            if len(self._places) >= KEPT:
                self._places.clear()
            row = self.rows[i]
            admin1, admin2 = row.admin1 or None, row.admin2 or None
            place = Place(
                place_id=row.id, kind=row.kind, name=row.name, country=row.country,
                admin1=admin1, admin1_name=self.admin_names.get(admin1) if admin1 else None,
                admin2=admin2, admin2_name=self.admin_names.get(admin2) if admin2 else None,
                lon=float(row.lon), lat=float(row.lat), population=row.population_int,
                location_precision=row.precision, katottg=row.katottg or None,
                iso_3166_2=row.iso or None, feature=row.feature or None,
                alternate_names=tuple(row.names.split("|")) if row.names else (),
                _gazetteer=self._owner,  # type: ignore[arg-type]
            )
            self._places[i] = place
        return place

    def row(self, place_id: str) -> PlaceRow | None:
        """The row of a place id, or None."""
        index = self.by_id.get(place_id)
        return None if index is None else self.rows[index]
