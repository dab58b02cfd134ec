"""YAML: hand-authored event records that name their places (read only), loaded safely.

Loading uses PyYAML's safe loader (no ``!!python`` tags) and is bounded: anchors and aliases
let a few hundred bytes stand for gigabytes ("billion laughs"), so the document is composed
first and refused when its aliases would more than double it (counting values and
characters, plus :data:`ALIAS_ALLOWANCE`); a self-referencing alias and nesting too deep for
the parser are refused too.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import EventSchemaError
from ..records import events_from_records
from .source import one_line, read_text

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["ALIAS_ALLOWANCE", "load_yaml", "read_yaml"]

#: What aliases may add beyond doubling the document, in values plus characters.
ALIAS_ALLOWANCE = 1_000_000


def read_yaml(path: Path, gazetteer: Any = None) -> gpd.GeoDataFrame:
    """Read a YAML list of event records, or a mapping with ``events:`` and ``defaults:``.

    Values under ``defaults:`` fill every record that lacks them. Places are resolved
    through ``gazetteer`` as by :func:`~geo_ukraine.events.events_from_records`.
    """
    data = load_yaml(read_text(path), path.name)
    records = data.get("events") if isinstance(data, Mapping) else data
    if not isinstance(records, list):
        msg = f"{path.name}: expected a list of event records (or a mapping with 'events:')"
        raise EventSchemaError(msg)
    defaults = data.get("defaults") if isinstance(data, Mapping) else None
    if not isinstance(defaults, Mapping):
        defaults = {}
    merged = [{**defaults, **r} if isinstance(r, Mapping) else r for r in records]
    return events_from_records(merged, gazetteer=gazetteer, source_name=path.name)


def load_yaml(text: str, name: str) -> Any:
    """The document in ``text``, safely loaded with its alias expansion bounded.

    Raises
    ------
    EventSchemaError
        For text that is not YAML, an alias bomb, a recursive alias or nesting too deep,
        naming ``name``.
    """
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node, name)
        return loader.construct_document(node)
    except EventSchemaError:
        raise
    except yaml.YAMLError as exc:
        msg = f"{name}: not valid YAML: {one_line(exc)}"
        raise EventSchemaError(msg) from None
    except RecursionError:
        msg = f"{name}: YAML nested too deeply to be a list of event records"
        raise EventSchemaError(msg) from None
    except ValueError as exc:  # a value PyYAML cannot build, such as a 5,000-digit number
        msg = f"{name}: a YAML value cannot be read: {one_line(exc)}"
        raise EventSchemaError(msg) from None
    finally:
        loader.dispose()


def _check_expansion(root: Any, name: str) -> None:
    """Refuse a node graph whose aliases would expand it beyond twice its size."""
    sizes: dict[int, int] = {}
    own = 0
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            sizes[key] = _own_size(node) + sum(sizes[id(c)] for c in _children(node))
            continue
        if key in sizes:
            continue
        if key in on_path:
            msg = f"{name}: a YAML alias refers to itself (line {node.start_mark.line + 1})"
            raise EventSchemaError(msg)
        on_path.add(key)
        own += _own_size(node)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in sizes)
    if sizes[id(root)] > 2 * own + ALIAS_ALLOWANCE:
        msg = (f"{name}: YAML anchors and aliases expand the document to about "
               f"{sizes[id(root)]:,} values and characters, more than twice its own {own:,}: "
               "refused (an alias bomb?)")
        raise EventSchemaError(msg)


def _own_size(node: Any) -> int:
    value = node.value
    return 1 + (len(value) if isinstance(value, str) else 0)


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, str):
        return []
    return [part for item in value for part in (item if isinstance(item, tuple) else (item,))]
