"""Synthetic war-reporting articles, for sizing a cluster and testing the engines.

Each article is a dated bulletin assembled from sentences written for this module (strikes,
claims of captured villages, casualty figures, damaged infrastructure, aid, and the
background sentences any report carries), with towns and villages drawn from the
gazetteer. Article ``i`` of a seed is always the same text, however many are asked for, so
a benchmark on 20,000 articles and a test on 300 share their first 300.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..gazetteer import Gazetteer
from ..vocab import WEEKDAYS

__all__ = ["synthetic_articles", "write_synthetic_corpus"]

# Event sentences. Fields: town, village (a small front-line place), oblast, russia (a
# Russian region), capital, n/m (a few), big (dozens), k (thousands), weekday, date.
_EVENTS = (
    "Russian forces shelled {town} overnight, wounding {n} residents and damaging a school, "
    "the head of the {oblast} regional administration said.",
    "A drone hit a nine-storey apartment block in {town} on {weekday}, killing {n} people, "
    "among them a teenager.",
    "Russia's defence ministry claimed its troops had taken full control of {village}, a "
    "claim that could not be independently verified.",
    "The General Staff in Kyiv reported {big} clashes along the front over the past day, "
    "the fiercest of them around {town}.",
    "Two ballistic missiles struck port facilities in {town} on {date}, the regional "
    "governor wrote on Telegram.",
    "Guided aerial bombs dropped on {town} destroyed a grain warehouse and injured {n} "
    "workers, local officials said.",
    "Rescuers in {town} searched the rubble through the night after a missile strike that "
    "killed {n} people and wounded {m}.",
    "A power substation near {town} was knocked out by a drone attack, leaving about {k} "
    "households without electricity.",
    "Ukrainian units pushed the enemy back near {village} and recovered positions lost last "
    "month, a spokesman for the southern command said.",
    "Russian-installed officials in {town} said Ukrainian artillery had hit a bus stop, "
    "killing {n} civilians, an account Kyiv rejected.",
    "Ukrainian drones hit an oil depot in Russia's {russia} region overnight, setting two "
    "fuel tanks ablaze, the governor there said.",
    "Artillery fire on the outskirts of {town} killed {n} people and wounded {m} more on "
    "{date}, regional prosecutors said.",
    "Analysts at the Institute for the Study of War assessed that Russian troops had "
    "advanced to the northern edge of {village}.",
    "Authorities ordered families with children to leave {n} villages around {town} as the "
    "shelling grew heavier.",
    "A drone struck a minibus in {town} on {weekday} morning, injuring {n} passengers.",
    "Three drones hit an industrial site in {town}, starting a fire that crews needed "
    "several hours to put out.",
    "According to the regional military administration, {big} settlements of {oblast} "
    "region came under fire over the past day.",
    "A missile attack on {town} damaged a hospital, a kindergarten and dozens of homes, the "
    "mayor said.",
    "Ukrainian officials said Russian aircraft had dropped {big} glide bombs on {town} since "
    "dawn.",
    "The air force said it had shot down {big} of the drones launched overnight, most of "
    "them over {oblast} region.",
    "Moscow said its forces had captured {village} on {date}; Ukraine's military did not "
    "confirm the loss.",
    "A cluster munition strike on a market in {town} killed {n} shoppers, police said.",
    "Foreign ministers meeting in {capital} on {date} agreed on a new package of air "
    "defence systems for Ukraine.",
    "The European Commission announced {big} million euros in aid for communities in {oblast} "
    "region hit by the winter strikes.",
)
# Sentences that carry no event, as every report has.
_BACKGROUND = (
    "The town had about {k} residents before the full-scale invasion.",
    "Residents said the sound of explosions had become part of their daily routine.",
    "Volunteers are collecting warm clothes and generators for families who lost their homes.",
    "Officials urged people to stay in shelters until the air-raid alert was lifted.",
    "The reports from the battlefield could not be verified on the ground.",
    "Repair crews expect to restore the water supply within two days.",
    "Schools in the district have moved their lessons online for the rest of the term.",
    "Military analysts say the pace of the fighting has slowed since the autumn rains.",
    "Prices for roofing sheets and window glass have risen sharply in the area.",
    "Some residents have returned despite the danger, saying they have nowhere else to go.",
    "The city council said it would publish a list of damaged buildings next week.",
    "Humanitarian convoys have reached the area only twice this month.",
)
_HEADLINES = (
    "Overnight attacks hit homes and power lines in the east",
    "Shelling and drone strikes reported across the front",
    "Front-line towns count the cost of another night of strikes",
    "Claims and counter-claims as fighting continues in the south",
)
_OUTLETS = ("Eastern Front Bulletin", "Daily War Digest", "Regional Wire", "Field Notes")
_RUSSIA = ("Belgorod", "Kursk", "Bryansk", "Rostov", "Voronezh")
_CAPITALS = ("Brussels", "Warsaw", "Berlin", "Vilnius", "Prague")
_FRONT = ("Donetsk", "Kharkiv", "Zaporizhzhia", "Kherson", "Sumy", "Dnipropetrovsk")
# Plain one- or two-word names, so that sentences read naturally.
_PLAIN_NAME = re.compile(r"^[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?$")
_FIRST_DAY = dt.date(2022, 3, 1)
_DAYS = (dt.date(2025, 12, 31) - _FIRST_DAY).days


class _Names(NamedTuple):
    towns: list[tuple[str, str]]  # (town, its oblast)
    villages: list[str]


def _names(gazetteer: Gazetteer) -> _Names:
    """Towns of 10,000 people or more, and small front-line places, sorted by id."""
    towns, villages = [], []
    for place in sorted(gazetteer.places("settlement"), key=lambda p: p.place_id):
        if place.country != "UA" or not place.admin1_name \
                or not _PLAIN_NAME.match(place.name) or place.location_precision != "point":
            continue
        if place.population >= 10_000:
            towns.append((place.name, place.admin1_name))
        elif place.population > 0 and place.admin1_name in _FRONT:
            villages.append(place.name)
    return _Names(towns, villages)


def _sentence(rng: random.Random, names: _Names, published: dt.date) -> str:
    template = rng.choice(_EVENTS) if rng.random() < 0.6 else rng.choice(_BACKGROUND)
    town, oblast = rng.choice(names.towns)
    day = published - dt.timedelta(days=rng.randint(1, 6))
    return template.format(
        town=town, oblast=oblast, village=rng.choice(names.villages),
        russia=rng.choice(_RUSSIA), capital=rng.choice(_CAPITALS), n=rng.randint(2, 9),
        m=rng.randint(3, 25), big=rng.randint(12, 90), k=f"{rng.randint(2, 60) * 1000:,}",
        weekday=WEEKDAYS[day.weekday()], date=f"{day:%B} {day.day}")


def _article(rng: random.Random, names: _Names, chars: int) -> str:
    published = _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))
    head = (f"{rng.choice(_OUTLETS)}\n{published:%B} {published.day}, {published.year}\n\n"
            f"{rng.choice(_HEADLINES)}\n\n")
    paragraphs, size = [], len(head)
    while size < chars:
        paragraph = " ".join(_sentence(rng, names, published) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return head + "\n\n".join(paragraphs) + "\n"


def synthetic_articles(n: int, *, seed: int = 0, chars: int = 4000,
                       gazetteer: Gazetteer | None = None) -> Iterator[str]:
    """``n`` synthetic articles of about ``chars`` characters, each dated in its header.

    Parameters
    ----------
    n : int
    seed : int
        Article ``i`` depends only on ``seed`` and ``i``.
    chars : int
        Length to reach (an article stops at the paragraph that reaches it).
    gazetteer : Gazetteer, optional
        Where the place names come from.

    Yields
    ------
    str

    Examples
    --------
    >>> first = next(synthetic_articles(1, chars=300))
    >>> len(first) >= 300
    True
    """
    names = _names(gazetteer or Gazetteer.default())
    for i in range(n):
        yield _article(random.Random(f"{seed}:{i}"), names, chars)


def write_synthetic_corpus(directory: str | Path, n: int, *, seed: int = 0,
                           chars: int = 4000) -> list[Path]:
    """Write ``n`` synthetic articles as ``article-000000.txt``... files in ``directory``.

    Returns
    -------
    list of pathlib.Path
        The files, in order.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(synthetic_articles(n, seed=seed, chars=chars)):
        path = folder / f"article-{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
