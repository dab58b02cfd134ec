"""The extraction stage: article text to place mentions and candidate events.

Offline and rule-based. The gazetteer drives recognition: every normalised name is a pattern,
matched over word n-grams of the text (:mod:`.mentions`, with :mod:`.roles` telling locations
from actors and name parts). Small explicit rule tables (:mod:`.rules`) decide event types,
figures and attribution (:mod:`.classify`, :mod:`.figures`), :mod:`.dates` resolves dates
against the publication date, and :mod:`.events` turns each sentence (:mod:`.sentences`) into
events that keep the sentence and its character offsets, so a person can review each in
seconds.
"""

from __future__ import annotations

from .batch import BatchResult, events_from_files, read_article
from .dates import UndatedArticleWarning, article_date, publication_date
from .events import event_records, events_from_text, extract_events
from .mentions import Mention, find_places
from .sentences import Sentence, sentences

__all__ = [
    "BatchResult",
    "Mention",
    "Sentence",
    "UndatedArticleWarning",
    "article_date",
    "event_records",
    "events_from_files",
    "events_from_text",
    "extract_events",
    "find_places",
    "publication_date",
    "read_article",
    "sentences",
]
