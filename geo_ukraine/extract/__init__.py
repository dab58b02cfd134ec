"""The extraction stage: article text to place mentions and candidate events."""

from __future__ import annotations

from .core import (
    Mention,
    Sentence,
    events_from_text,
    extract_events,
    find_places,
    publication_date,
    sentences,
)

__all__ = [
    "Mention",
    "Sentence",
    "events_from_text",
    "extract_events",
    "find_places",
    "publication_date",
    "sentences",
]
