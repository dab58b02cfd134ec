"""The extraction stage: article text to place mentions and candidate events.

Offline and rule-based. The gazetteer drives recognition: every normalised name is a pattern,
matched over word n-grams of the text (:mod:`.mentions`, words from :mod:`.tokens`), with
:mod:`.roles` telling locations from actors, name parts and people, and :mod:`.context`
reading where the text says a place is (its oblast or raion, a town it is near, "the" before
a river's name) to choose among namesakes; :mod:`.hromadas` reads communities named by their
adjective. Small explicit rule tables (:mod:`.rules`) decide event types, figures and
attribution (:mod:`.classify`, :mod:`.figures`); :mod:`.dates` reads the article's own date
and each sentence's; :mod:`.incidents` builds one event per incident and place from the
sentences (:mod:`.sentences`), drawn at the places :mod:`.locations` picks with the
geometry :mod:`.placing` makes from the mention's own place, less the region totals its
incidents add up to (:mod:`.totals`); :mod:`.events` is the entry
point, and :mod:`.batch` runs many files (forked workers, one event table).
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
