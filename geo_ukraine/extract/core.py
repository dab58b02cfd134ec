"""Transitional re-export of the extraction stage's public names for ``geo_ukraine/__init__``.

The stage now lives in one module per concern (see :mod:`geo_ukraine.extract`). This module
only keeps ``from .extract.core import ...`` in ``geo_ukraine/__init__.py`` working; delete it
once that line imports from ``.extract``.
"""

from __future__ import annotations

from .dates import publication_date
from .events import events_from_text, extract_events
from .mentions import Mention, find_places
from .sentences import Sentence, sentences

__all__ = ["Mention", "Sentence", "events_from_text", "extract_events", "find_places",
           "publication_date", "sentences"]
