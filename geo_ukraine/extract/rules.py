"""Extraction rule tables: the words and patterns that decide roles, event types, claims, figures.

Tables only, no logic: a new spelling, verb or weapon goes here, and the modules that apply
the rules (``roles``, ``classify``, ``figures``, ``events``) stay unchanged. Month names,
region words and direction words are shared with other stages and live in
:mod:`geo_ukraine.vocab`.
"""

from __future__ import annotations

import re

__all__ = [
    "ACTOR_BEFORE",
    "ACTOR_VERBS",
    "ADVANCE",
    "AID",
    "CAPTURE",
    "CIVILIAN_HARM",
    "CLAIMANTS",
    "CONFIRMED",
    "CUE",
    "DIPLOMACY",
    "FOOTHOLD",
    "INFRASTRUCTURE",
    "INJURED",
    "KILLED",
    "LOCATIVE_WORDS",
    "MEANS",
    "NAME_FOLLOWERS",
    "NUMBER_WORDS",
    "QUANTITY",
    "SETTLEMENT_NOUN",
    "SKIP_SINGLE",
    "STRIKE_NOUN",
    "STRIKE_VERB",
    "UNCONFIRMED",
]

# ------------------------------------------------------------------------- roles of a mention
#: Words before a name that make it a location ("in Kyiv", "shelled Kherson").
LOCATIVE_WORDS: frozenset[str] = frozenset([
    "in", "on", "at", "near", "over", "into", "against", "outside", "across", "around", "from",
    "to", "toward", "towards", "inside", "of", "hit", "struck", "targeting", "targeted",
    "attacked", "shelled", "village", "town", "city"])

#: Words after a capital or country that make it an actor ("Moscow said", "Kyiv will").
ACTOR_VERBS: frozenset[str] = frozenset([
    "said", "says", "say", "used", "uses", "launched", "launches", "announced", "announces",
    "claimed", "claims", "accused", "accuses", "has", "have", "had", "is", "was", "will",
    "would", "did", "does", "continues", "continued", "presses", "pressed", "absorbs",
    "tries", "tried", "kept", "keeps", "denied", "denies", "warned", "warns", "stated",
    "responded", "rejected", "demanded", "demands", "agreed", "signaled", "signalled",
    "reiterated", "insists", "insisted", "maintained", "maintains", "prepared", "reported",
    "gained", "occupies", "took", "takes", "cannot", "can", "could", "must", "should",
    "also", "to", "respond", "carried", "expanded"])

#: Words before a capital or country that make it an actor ("forcing Kyiv to respond").
ACTOR_BEFORE: frozenset[str] = frozenset([
    "forcing", "forced", "urged", "urging", "told", "pressed", "pressing", "between", "and"])

#: Words after a place name that make it part of an organisation's or outlet's name
#: ("Russia Matters", "Kyiv Independent", "Kyiv Post").
NAME_FOLLOWERS: frozenset[str] = frozenset([
    "matters", "independent", "post", "times", "today", "pravda", "insider", "daily", "herald",
    "news", "ministry", "government", "council", "coalition", "group", "institute", "center",
    "centre", "foundation", "fund", "forum"])

#: Single capitalised words that the gazetteer knows as places but that here never are.
SKIP_SINGLE: frozenset[str] = frozenset([
    "president", "reuters", "kremlin", "nato", "tridon", "patriot", "oreshnik", "rtx", "isw",
    "coalition", "european", "western", "eastern", "northern", "southern", "russian",
    "ukrainian", "senator", "minister", "officials"])

# ------------------------------------------------------------------------------------ figures
#: Numbers written as words, to their values.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
    "a dozen": 12,
}

# A count in digits or words, as the named group ``num``.
_NUM = (r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|a dozen|dozen|" + "|".join(
    sorted((k for k in NUMBER_WORDS if k not in ("a", "an", "dozen", "a dozen")),
           key=len, reverse=True)) + r")")

#: Patterns whose ``num`` group is the number killed; the first that matches counts.
KILLED: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:killing|killed|kills|kill)\s+(?:at least\s+|more than\s+|over\s+)?"
               + _NUM + r"\b(?!-year)", re.I),
    re.compile(r"\b(?:at least\s+|more than\s+)?" + _NUM
               + r"\s+(?:people|civilians|persons|residents)?\s*(?:were\s+|have been\s+)?"
               r"(?:killed|dead|died)\b", re.I),
)

#: Patterns whose ``num`` group is the number injured; the first that matches counts.
INJURED: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:injuring|injured|wounding|wounded|injures|wounds)\s+"
               r"(?:at least\s+|more than\s+|over\s+)?" + _NUM + r"\b(?!-year)", re.I),
    re.compile(r"\b(?:at least\s+|more than\s+)?" + _NUM
               + r"\s+(?:people|civilians|persons|residents|others)?\s*"
               r"(?:were\s+|have been\s+)?(?:injured|wounded|hurt)\b", re.I),
)

#: Quantities of means or damage ("more than 90 drones", "1,100 apartment buildings").
QUANTITY = re.compile(
    r"\b(?:(?:over|more than|nearly|about|around|at least|almost|some)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+|hundreds|dozens|thousands|tens)\s+(?:of\s+)?"
    r"(?:(?:guided|aerial|glide|ballistic|cruise|interceptor|apartment|residential|power)\s+)?"
    r"(?:drones|missiles|bombs|buildings|blocks|generators|shells|rockets)\b", re.I)

# --------------------------------------------------------------------------------- event types
#: Means of a strike, each with the pattern that names it.
MEANS: dict[str, re.Pattern[str]] = {
    "missile": re.compile(r"\bmissiles?\b|\bballistic\b|\bOreshnik\b", re.I),
    "drone": re.compile(r"\bdrones?\b|\bUAVs?\b|\bShaheds?\b", re.I),
    "bomb": re.compile(r"\b(?:glide|guided|aerial)\s+bombs?\b|\bKABs?\b", re.I),
    "shelling": re.compile(r"\bshelling\b|\bartillery\b|\bshelled\b", re.I),
}

#: A verb or noun of striking, which turns named means into a strike.
STRIKE_VERB = re.compile(
    r"\b(?:strikes?|struck|hit|attacks?|attacked|barrage|bombardments?|assault|shelling|"
    r"launched|targeted|targeting|damaged?|used|use of)\b", re.I)

#: A strike or attack as a noun, which with harm to people makes civilian casualties.
STRIKE_NOUN = re.compile(r"\bstrikes?\b|\battacks?\b", re.I)

#: Taking ground ("captured", "took control"), a territorial claim when a settlement is named.
CAPTURE = re.compile(
    r"\b(?:taken|took|taking|captured?|capturing|seized?|occupied|liberated|took control)\b",
    re.I)

#: A settlement noun, which a capture must name to be a territorial claim.
SETTLEMENT_NOUN = re.compile(r"\b(?:villages?|towns?|settlements?|city)\b", re.I)

#: Ground gained measured as an area: a territorial change.
ADVANCE = re.compile(r"\b(?:gained|gains?|advanced|advances)\b.*\b(?:square (?:miles|kilo"
                     r"metres|kilometers)|km2|sq)\b", re.I)

#: A foothold or incursion across the border.
FOOTHOLD = re.compile(r"\b(?:foothold|incursion)\b", re.I)

#: Damage to power, heating and water.
INFRASTRUCTURE = re.compile(
    r"\bwithout (?:heat|heating|power|electricity|water)\b|\bpower outages?\b|\bblackouts?\b|"
    r"\benergy (?:facilities|infrastructure|system)\b|\bheating (?:facilities|supplies)\b|"
    r"\bpower (?:and heating )?(?:facilities|plants?|grid|lines)\b|\bdisrupted electricity\b",
    re.I)

#: Talks, summits, visits.
DIPLOMACY = re.compile(
    r"\b(?:talks|negotiations|summit|peace (?:proposal|plan|deal)|ceasefire|meeting|"
    r"visit to|visited|during a visit)\b", re.I)

#: Military or humanitarian aid and its deliveries.
AID = re.compile(
    r"\b(?:aid package|military aid|delivery of|deliver(?:ies)?|to buy and deliver|"
    r"generators|package focused)\b", re.I)

#: People killed or hurt.
CIVILIAN_HARM = re.compile(r"\b(?:killed|killing|dead|deaths|injured|injuring|wounded)\b", re.I)

#: What makes a sentence placed only at country level a datable, countable event.
CUE = re.compile(
    r"\b(?:overnight|last night|yesterday|today|this morning|square (?:miles|kilomet(?:re|er)s)|"
    r"killed|killing|injured|injuring|wounded|hundreds|dozens|thousands)\b|\d", re.I)

# ---------------------------------------------------------------------------------- attribution
#: Who a sentence attributes its report to ("Russian state media said", "according to the
#: General Staff"): the first pattern that matches wins, and its ``who`` group is the claimant.
CLAIMANTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<who>Russian (?:state media|defen[cs]e ministry|ministry of defen[cs]e|"
               r"MoD|officials|authorities|forces))\s+(?:said|say|says|claimed|reported|"
               r"announced)", re.I),
    re.compile(r"\b(?P<who>Russia|Moscow)\s+(?:also\s+)?(?:claimed|claims|announced)", re.I),
    re.compile(r"\b(?P<who>Ukrainian (?:officials|authorities|military|air force|"
               r"assessments?|president))\s+(?:said|say|says|reported|described|suggested)",
               re.I),
    re.compile(r"\b(?P<who>Ukraine|Kyiv)\s+(?:said|says|called|reported)", re.I),
    re.compile(r"\b(?P<who>authorities|officials)\s+(?:said|say|described|reported)", re.I),
    re.compile(r"\baccording to (?P<who>(?:the )?[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*)"),
    re.compile(r"\b(?P<who>Reuters|AP|AFP|ISW)\s+(?:reported|reporting|said)", re.I),
)

#: Nobody could verify it (in the sentence or the next): ``claimed``.
UNCONFIRMED = re.compile(r"could not (?:be )?independently (?:confirm|verif)|"
                         r"not independently (?:confirmed|verified)|unverified", re.I)

#: Independently confirmed: ``confirmed``.
CONFIRMED = re.compile(r"\bconfirmed\b", re.I)
