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
    "ACTOR_INSTITUTIONS",
    "ACTOR_VERBS",
    "ADVANCE",
    "ADVANCE_WORDS",
    "AID",
    "AID_WORDS",
    "CAPTURE",
    "CAPTURE_WORDS",
    "CIVILIAN_HARM",
    "CIVILIAN_HARM_WORDS",
    "CLAIMANTS",
    "CLAIMANT_WORDS",
    "CLAUSE_BREAK",
    "COMBINED_CORE",
    "COMBINED_FIGURE",
    "COMBINED_WORDS",
    "CONFIRMED",
    "CONFIRMED_WORDS",
    "COUNT_START",
    "COUNT_WORDS",
    "CUE",
    "CUMULATIVE",
    "CUMULATIVE_WORDS",
    "DAMAGE",
    "DAMAGE_WORDS",
    "DIPLOMACY",
    "DIPLOMACY_WORDS",
    "EXPLOSIONS",
    "EXPLOSIONS_WORDS",
    "FACILITY_MODIFIERS",
    "FACILITY_NOUNS",
    "FOOTHOLD",
    "FOOTHOLD_WORDS",
    "INFRASTRUCTURE",
    "INFRASTRUCTURE_WORDS",
    "INJURED",
    "INJURED_COUNTED",
    "INJURED_HINT",
    "INJURED_HINT_WORDS",
    "INJURED_VICTIMS",
    "INJURED_WORDS",
    "JURISDICTION_TITLES",
    "KILLED",
    "KILLED_COUNTED",
    "KILLED_HINT",
    "KILLED_HINT_WORDS",
    "KILLED_VICTIMS",
    "KILLED_WORDS",
    "LOCATIVE_WORDS",
    "MEANS",
    "MEANS_WORDS",
    "MILITARY_VICTIMS",
    "MILITARY_VICTIMS_WORDS",
    "MOVEMENT",
    "MOVEMENT_WORDS",
    "NAME_FOLLOWERS",
    "NAME_FOLLOWERS_LOWER",
    "NOT_PERSON_BEFORE",
    "NO_CASUALTIES",
    "NO_CASUALTIES_WORDS",
    "NUMBER_WORDS",
    "OFFICIAL_AFTER",
    "OFFICIAL_BEFORE",
    "ORGANISATION_OF",
    "PERSON_BEFORE",
    "QUANTITY",
    "QUANTITY_WORDS",
    "SAME_AGAIN",
    "SEATS_OF_GOVERNMENT",
    "SENTENCE_OPENERS",
    "SETTLEMENT_NOUN",
    "SETTLEMENT_NOUN_WORDS",
    "SHARE_BEFORE",
    "SKIP_SINGLE",
    "SPEECH_VERBS",
    "STRIKE_AT",
    "STRIKE_NOUN",
    "STRIKE_NOUN_WORDS",
    "STRIKE_VERB",
    "STRIKE_VERB_WORDS",
    "UNCONFIRMED",
    "UNCONFIRMED_WORDS",
    "VICTIM_ITEM",
    "VICTIM_WORDS",
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
    "also", "to", "respond", "carried", "expanded", "blamed", "blames", "wants", "wanted",
    "refused", "refuses", "sent", "sends", "handed", "offered", "offers", "called", "calls",
    "hopes", "hoped", "seeks", "sought", "plans", "planned", "believes", "considers",
    "confirmed", "confirms", "shot", "attacked", "struck", "fired", "retook", "regained",
    "captured", "seized", "invaded", "began", "started", "noted", "added", "argued",
    "urged", "urges", "condemned", "condemns", "welcomed", "welcomes", "pledged", "pledges",
    "vowed", "vows", "promised", "promises", "imposed", "imposes", "approved", "approves"])

#: Verbs of speaking: after a small town's name, the name is a person's ("Budanov said",
#: "Gladkov wrote"); a town does not speak, only a capital does, for its government.
SPEECH_VERBS: frozenset[str] = frozenset([
    "said", "says", "told", "tells", "added", "adds", "stated", "states", "wrote", "writes",
    "noted", "notes", "stressed", "stresses", "warned", "warns", "insisted", "insists",
    "argued", "argues", "urged", "urges", "replied", "replies", "commented", "comments",
    "explained", "explains", "emphasised", "emphasized", "recalled", "recalls", "declared",
    "declares", "posted", "posts", "tweeted", "remarked", "conceded", "concedes"])

#: Words before a capital or country that make it an actor ("forcing Kyiv to respond",
#: "Moscow blamed Kyiv").
ACTOR_BEFORE: frozenset[str] = frozenset([
    "forcing", "forced", "urged", "urging", "told", "pressed", "pressing", "between", "and",
    "blamed", "accused", "blaming", "accusing", "by", "pressure", "against", "preventing",
    "prevent", "allowing", "letting", "helping", "help", "support", "supporting"])

#: Words after a possessive country or capital that make it an actor ("Russia's defence
#: ministry said", "Ukraine's air force", "Moscow's troops").
ACTOR_INSTITUTIONS: frozenset[str] = frozenset([
    "defence", "defense", "ministry", "army", "military", "forces", "troops", "air", "navy",
    "government", "president", "foreign", "security", "general", "armed", "border",
    "intelligence", "leader", "leadership", "officials", "authorities", "ombudswoman",
    "ombudsman", "envoy", "delegation", "embassy", "parliament", "state", "prime",
    "investigative", "emergency", "national", "top", "fleet", "soldiers", "drones",
    "missiles", "attack", "attacks", "strikes", "offensive", "invasion", "war", "ambassador",
    "military's", "energy", "prosecutor", "prosecutor-general", "central", "spy", "sbu"])

#: Titles after a place that keep it a place: the jurisdiction of an office holder
#: ("Kharkiv Mayor Ihor Terekhov", "Lviv Governor ...").
JURISDICTION_TITLES: frozenset[str] = frozenset([
    "mayor", "governor", "gov", "head", "chief", "prosecutor", "police", "regional",
    "oblast", "region", "raion", "district", "city", "province", "deputy", "acting"])

#: Words after a place name that make it part of an organisation's, unit's or outlet's name
#: ("Russia Matters", "Kyiv Independent", "Black Sea Fleet", "Odesa Regional Military
#: Administration", "Kryvyi Rih Defense Council").
NAME_FOLLOWERS: frozenset[str] = frozenset([
    "matters", "independent", "post", "times", "today", "pravda", "insider", "daily", "herald",
    "news", "ministry", "government", "council", "coalition", "group", "institute", "center",
    "centre", "foundation", "fund", "forum", "fleet", "military", "administration",
    "defense", "defence", "city", "regional", "rma", "ova", "brigade", "battalion", "corps",
    "army", "command", "university", "academy", "airlines", "airport", "railways",
    "energy", "agency", "channel", "television", "tv", "radio", "media", "telegram",
    "dynamo", "shakhtar", "zorya", "club", "opera", "theatre", "theater", "philharmonic"])

#: A unit named after a place: a quoted name before a unit word ("the “Kharkiv” group of
#: forces", "the 'Dnipro' battalion"), or any name before "group of forces".
UNIT_NAME_AFTER = re.compile(
    r"(?:[”\"»’']\s+(?:operational[- ](?:strategic|tactical)\s+)?(?:group|grouping|"
    r"battalion|brigade|regiment|task force|unit|corps|division|detachment)\b|"
    r"\s+group(?:ing)?\s+of\s+(?:forces|troops)\b)", re.I)

#: Lower-case words after a place name that make it part of a fixed phrase ("Kyiv time").
NAME_FOLLOWERS_LOWER: frozenset[str] = frozenset(["time"])

#: Organisations "of" a country: the country is part of the name ("Security Service of
#: Ukraine", "Armed Forces of Ukraine", "National Police of Ukraine").
ORGANISATION_OF: frozenset[str] = frozenset([
    "service", "police", "forces", "committee", "ministry", "council", "bank", "guard",
    "army", "navy", "office", "court", "agency", "administration", "staff", "fleet",
    "federation", "republic", "parliament", "rada", "church", "union", "academy",
    "prosecutor", "commissioner", "rights", "railways", "ombudsman", "directorate"])

#: Words before a surname that show a person: name particles and titles
#: ("Musaed al Alban", "President Volodymyr Zelensky", "Gen. Valery Gerasimov").
PERSON_BEFORE: frozenset[str] = frozenset([
    "al", "bin", "ibn", "el", "von", "van", "de", "di", "da", "le", "la", "president",
    "minister", "senator", "sen", "gen", "general", "colonel", "col", "lt", "mr", "mrs",
    "ms", "dr", "secretary", "chancellor", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "ambassador", "commander", "admiral", "marshal",
    "premier", "king", "queen", "prince", "pope", "patriarch", "rep", "judge", "journalist",
    "correspondent", "blogger", "sergeant", "captain", "major", "lieutenant", "pilot"])

#: Words before a place that do not make it a person's name though they are capitalised
#: and close ("Russian-occupied Kerch", "Northern Kharkiv").
NOT_PERSON_BEFORE = re.compile(
    r"(?:-occupied|-controlled|-held|-based|-backed|-installed|-annexed|-run)$|"
    r"^(?:russian|ukrainian|occupied|liberated|northern|southern|eastern|western|central|"
    r"greater|new|old|upper|lower|the|in|near|from|and|or|of|at|to|on|by)$", re.I)

#: Head nouns of facilities: a name before one is a facility ("Zatoka shipyard",
#: "Okhmatdyt children's hospital", "Diriyah Palace").
FACILITY_NOUNS: frozenset[str] = frozenset([
    "hospital", "palace", "complex", "base", "airbase", "airfield", "aerodrome", "airport",
    "shipyard", "refinery", "depot", "terminal", "port", "bridge", "dam", "plant",
    "station", "institute", "academy", "arsenal", "factory", "works", "site", "stadium",
    "cathedral", "monastery", "lavra", "market", "mall", "substation"])

#: Words that may stand between a facility's name and its head noun.
FACILITY_MODIFIERS: frozenset[str] = frozenset([
    "children's", "children’s", "city", "regional", "clinical", "military", "air", "naval",
    "oil", "fuel", "gas", "nuclear", "power", "thermal", "hydroelectric", "hydro", "test",
    "railway", "rail", "road", "sea", "river", "grain", "ammunition", "chemical", "steel",
    "metallurgical", "shopping", "strategic", "bomber", "storage"])

#: Seats of government that stand for it in news ("the Kremlin said", "the White House").
SEATS_OF_GOVERNMENT: frozenset[str] = frozenset([
    "Kremlin", "White House", "Élysée", "Elysee", "Downing Street", "Bankova", "Pentagon"])

#: Capitalised words that open sentences without being anybody's given name.
SENTENCE_OPENERS: frozenset[str] = frozenset([
    "in", "on", "at", "the", "a", "an", "but", "and", "meanwhile", "overnight", "yesterday",
    "today", "later", "earlier", "after", "before", "when", "while", "since", "during",
    "according", "also", "then", "as", "if", "although", "though", "near", "outside",
    "across", "from", "with", "without", "despite", "residents", "officials", "locals",
    "russian", "ukrainian", "russians", "ukrainians", "eastern", "western", "northern",
    "southern", "central", "greater", "last", "this", "that", "these", "those", "its",
    "his", "her", "their", "our", "some", "many", "most", "several", "both", "all", "each",
    "drones", "missiles", "shelling", "strikes", "attacks", "fighting", "troops", "forces"])

#: Single capitalised words that the gazetteer knows as places but that here never are:
#: institutions, outlets and news agencies, demonyms, months, weapons.
SKIP_SINGLE: frozenset[str] = frozenset([
    "president", "reuters", "nato", "tridon", "patriot", "oreshnik", "rtx", "isw",
    "coalition", "european", "western", "eastern", "northern", "southern", "russian",
    "ukrainian", "senator", "minister", "officials", "interfax", "tass", "ria", "ukrinform",
    "unian", "suspilne", "afp", "ap", "anadolu", "xinhua", "bbc", "cnn", "rbc", "rbk",
    "izvestia", "kommersant", "meduza", "rybar", "mash", "baza", "deepstate", "liga",
    "german", "french", "british", "american", "polish", "swiss", "turkish", "dutch",
    "italian", "spanish", "chinese", "japanese", "belarusian", "georgian", "moldovan",
    "lithuanian", "latvian", "estonian", "finnish", "swedish", "norwegian", "danish",
    "czech", "slovak", "hungarian", "romanian", "bulgarian", "greek", "israeli", "iranian",
    "saudi", "emirati", "canadian", "australian", "korean", "indian", "crimean",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "shahed", "geran", "iskander", "kalibr", "kinzhal",
    "himars", "atacms", "storm", "shadow", "taurus", "burevestnik", "sarmat", "zircon",
    "telegram", "x", "facebook", "youtube", "instagram", "whatsapp",
    # ordinary English words that are also towns somewhere, capitalised in headlines
    "hit", "police", "mobile", "reading", "split", "deal", "bath", "wells", "opportunity",
    "enterprise", "liberty", "paradise", "eagle", "mission", "sale", "battle", "strike",
    "mine", "gap", "wing", "progress", "independence", "victory", "energy", "hope"])

# ------------------------------------------------------------------------------------ figures
#: Numbers written as words, to their values.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
    "a dozen": 12,
}

# The ways a count is written, in digits or words.
_COUNTS = r"\d{1,3}(?:,\d{3})+|\d+|a dozen|dozen|" + "|".join(
    sorted((k for k in NUMBER_WORDS if k not in ("a", "an", "dozen", "a dozen")),
           key=len, reverse=True))
# A count, unnamed, and as the named group ``num``.
_COUNT = rf"(?:{_COUNTS})"
_NUM = rf"(?P<num>{_COUNTS})"

# Where a count may open a figure: a word start not after "no" ("no one was hurt" is none).
_NOT_NO = r"\b(?<!\bno )"
# A qualifier before a count ("at least 21", "more than 50").
_ABOUT = (r"(?:(?:at least|more than|over|nearly|about|around|almost|some|a total of|up to|"
          r"another|a further)\s+)?")
# People as counted in casualty reports.
_PEOPLE = (r"(?:people|persons?|civilians?|residents?|children|kids|men|women|servicemen|"
           r"soldiers|troops|others|more|adults|teenagers?|locals|workers|employees|"
           r"passengers|rescuers|policemen|officers|patients|villagers|individuals|"
           r"family members|pensioners|boys|girls|babies|infants|minors|students|pupils|"
           r"journalists|reporters|medics|paramedics|doctors|nurses|firefighters|volunteers|"
           r"farmers|miners|drivers|guests|visitors|customers|shoppers|pedestrians|commuters|"
           r"evacuees|refugees|teachers|staffers|staff members|tenants|neighbou?rs|relatives|"
           r"worshippers|parishioners|cadets|recruits|sailors|crew members)")
# One person, as a singular victim is written ("a 57-year-old woman", "the driver").
_ONE_PERSON = (r"(?:(?:a|an|one|another|her|his|their|the)\s+)(?:\d{1,3}-year-old\s+)?"
               r"(?:(?:[a-z]+\s+){0,2}?)(?:man|woman|boy|girl|child|baby|infant|teenager|"
               r"driver|resident|civilian|person|pensioner|husband|wife|son|daughter|mother|"
               r"father|worker|employee|rescuer|policeman|officer|firefighter|medic|farmer|"
               r"volunteer|passer-by|serviceman|soldier|neighbou?r|brother|sister|grandmother|"
               r"grandfather|grandson|granddaughter|relative|colleague|guard|nurse|doctor|teacher)\b")
# A counted group of victims ("three women", "their two children", "a couple").
_GROUP = (rf"(?:(?:their|his|her|the)\s+)?{_COUNT}\s+(?:[a-z]+\s+)?{_PEOPLE}|"
          r"(?:a|an|the)\s+(?:[a-z]+\s+)?couple")
# A list of victims: singular ones joined by commas or "and" ("An elderly man and his
# 70-year-old wife"), a counted group only by "and" ("a man and three women"), so that an
# apposition ("two people, a man and a woman,") is not counted twice.
_VICTIMS = (rf"(?P<victims>(?:(?:{_GROUP})\s+and\s+)?(?:{_ONE_PERSON}"
            rf"(?:\s*(?:,|and|, and)\s*{_ONE_PERSON}){{0,4}}|{_GROUP})(?:\s+and\s+(?:{_GROUP}))?)")
# What may stand between a count and its verb: the counts' own ages ("two women, aged 61 and
# 73,"), who is among them ("three people, including a child,"), an apposition of singular
# victims ("two people, a man and a woman,").
_ASIDE = (r"(?:,\s*(?:(?:aged|ages|including|among them|among whom|both|all|mostly|a|an|one)"
          r"\s[^,.;]{1,40}|[^,.;]{1,20}\sof (?:them|whom)\b[^,.;]{0,20}),)?")
_BE = r"(?:\s+(?:were|was|have been|has been|had been|are|is|got))?(?:\s+(?:reportedly|also|" \
      r"seriously|critically|severely|slightly|fatally|later|all))?"
# The verb of people hurt, after the count: injured, wounded, in hospital.
_HURT = (r"\s+(?:injured|wounded|hurt|hospitali[sz]ed|(?:being\s+)?(?:treated|taken)\s+"
         r"(?:to|in|at)\s+(?:a\s+|the\s+)?hospital|(?:sustained|received|suffered)\s+"
         r"(?:[a-z-]+\s+){0,2}?(?:injuries|wounds))\b")
# One more victim, as a pronoun ("killing one person and injuring another").
_ANOTHER = r"(?P<single>another|one other|one more)"

#: Patterns whose ``num`` group is the number killed (or ``victims`` lists them one by one);
#: the largest figure found counts.
KILLED: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:killing|killed|kills|kill|claiming the lives of|claimed the lives of|"
               r"took the lives of|taking the lives of|deaths of)\s+" + _ABOUT + _NUM
               + r"\b(?!-year|\s*(?:%|percent|drones|missiles|km|kilomet))", re.I),
    re.compile(_NOT_NO + _ABOUT + _NUM + r"(?:\s+" + _PEOPLE + r")?" + _ASIDE + _BE
               + r"\s+(?:killed|dead|died)\b", re.I),
    re.compile(_NOT_NO + _ABOUT + _NUM + r"\s+(?:deaths|fatalities|bodies|dead\b|killed\b)",
               re.I),
    re.compile(r"\b(?:death toll|number of (?:dead|deaths|those killed|fatalities))\s+"
               r"(?:[\w’'-]+\s+){0,8}?(?:rose|risen|stood|stands|climbed|reached|increased|"
               r"grew|is|was|has risen)\s+(?:to\s+|at\s+)?" + _ABOUT + _NUM, re.I),
    re.compile(r"(?:^|(?<=[\s\"“]))" + _VICTIMS + _BE + r"\s+(?:killed|died|dead)\b", re.I),
    re.compile(r"(?:^|(?<=[\s\"“]))" + _VICTIMS + r"(?:\s+with\s[^,.;]{1,40}?)?"
               r"\s+(?:had\s+)?died\b", re.I),
    re.compile(r"\bkill(?:ed|ing)\s+" + _VICTIMS, re.I),
    re.compile(r"\bthe (?:body|remains) of " + _VICTIMS, re.I),
    re.compile(r"\bkill(?:ed|ing)\s+" + _ANOTHER + r"\b(?!\s+\d)", re.I),
    re.compile(r"(?:,|\band)\s+" + _ANOTHER + r"(?:\s+(?:person|people))?"
               r"(?:\s+(?:was|were|has been))?\s+(?:killed|died)\b", re.I),
    re.compile(r"\b(?:the )?bodies of " + _ABOUT + _NUM + r"\b", re.I),
)

#: Patterns whose ``num`` group is the number injured (or ``victims`` lists them).
INJURED: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?:injuring|injured|wounding|wounded|injures|wounds|injuries to|"
               r"hospitalising|hospitalizing)\s+" + _ABOUT + _NUM
               + r"\b(?!-year|\s*(?:%|percent|drones|missiles|km|kilomet))", re.I),
    re.compile(_NOT_NO + _ABOUT + _NUM + r"(?:\s+" + _PEOPLE + r")?" + _ASIDE + _BE
               + _HURT, re.I),
    re.compile(_NOT_NO + _ABOUT + _NUM + r"\s+(?:injuries|injured\b|wounded\b)", re.I),
    re.compile(r"\b(?:number of (?:injured|wounded|injuries|those injured))\s+"
               r"(?:[\w’'-]+\s+){0,8}?(?:rose|risen|stood|stands|climbed|reached|increased|grew|"
               r"is|was|has risen)\s+(?:to\s+|at\s+)?" + _ABOUT + _NUM, re.I),
    re.compile(r"(?:^|(?<=[\s\"“]))" + _VICTIMS + _BE + _HURT, re.I),
    re.compile(r"\b(?:injur|wound)(?:ed|ing)\s+" + _VICTIMS, re.I),
    re.compile(r"\b(?:injur|wound)(?:ed|ing)\s+" + _ANOTHER + r"\b(?!\s+\d)", re.I),
    re.compile(r"(?:,|\band)\s+" + _ANOTHER + r"(?:\s+(?:person|people))?" + _BE + _HURT,
               re.I),
)

#: A share of a total given to one place, ending just before the place's name ("killed 11
#: people, including eight in the city of ", "three in Kherson and two in "): ``num`` is that
#: place's figure.
SHARE_BEFORE = re.compile(
    r"(?:\b(?:including|among them|of whom|of them)\s+|,\s*|\band\s+)" + _ABOUT + _NUM
    + r"(?:\s+" + _PEOPLE + r")?\s+(?:were\s+)?(?:in|at)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement|region|oblast|district)\s+of\s+)?$", re.I)

#: Where a sentence's clauses part: figures in the clause that names a place are that place's.
CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|whereas|but|as)\s+|\s+(?:while|whereas)\s+|"
    # "killed two in Kharkiv and injured three in Sumy", "... and three were injured in Sumy"
    r"\s+and\s+(?=(?:kill|injur|wound)(?:ed|ing)\s|" + _COUNT + r"\s+(?:\w+\s+)?(?:were|was)\s)",
    re.I)

#: One item of a list of victims: a singular victim (``one``, counts one), a counted group
#: (``many``, counts its number) or a ``couple`` (two).
VICTIM_ITEM = re.compile(rf"(?P<couple>\bcouple\b)|(?P<one>{_ONE_PERSON})|"
                         rf"(?P<many>{_COUNT})\s+(?:[a-z]+\s+)?{_PEOPLE}", re.I)

#: Words without which no :data:`KILLED` or :data:`INJURED` pattern can match: a cheap test
#: that spares most sentences the figure patterns.
KILLED_HINT = re.compile(r"kill|dead|died|death|fatalit|lives|body|bodies|remains", re.I)
INJURED_HINT = re.compile(r"injur|wound|hurt|hospital", re.I)

# --------------------------------------------------------------- words the figure patterns need
# Each figure pattern can only match a text holding one of its words, so a text is looked up
# (lowered by :func:`geo_ukraine.extract.sentences.folded`) before the pattern is run on it:
# most sentences are spared most patterns. A new pattern needs its words here too.
#: The words of :data:`KILLED_HINT` and :data:`INJURED_HINT`, as plain strings.
KILLED_HINT_WORDS: tuple[str, ...] = (
    "kill", "dead", "died", "death", "fatalit", "lives", "body", "bodies", "remains")
INJURED_HINT_WORDS: tuple[str, ...] = ("injur", "wound", "hurt", "hospital")
# What :data:`_HURT` (hence each pattern ending with it) needs.
_HURT_WORDS = ("injured", "wounded", "hurt", "hospital", "injuries", "wounds")
#: For each :data:`KILLED` pattern, in order, the words one of which it needs.
KILLED_WORDS: tuple[tuple[str, ...], ...] = (
    ("kill", "lives of", "deaths of"),
    ("killed", "dead", "died"),
    ("deaths", "fatalities", "bodies", "dead", "killed"),
    ("death toll", "number of"),
    ("killed", "died", "dead"),
    ("died",),
    ("kill",),
    ("body of", "remains of"),
    ("kill",),
    ("killed", "died"),
    ("bodies of",),
)
#: For each :data:`INJURED` pattern, in order, the words one of which it needs.
INJURED_WORDS: tuple[tuple[str, ...], ...] = (
    ("injur", "wound", "hospitali"),
    _HURT_WORDS,
    ("injuries", "injured", "wounded"),
    ("number of",),
    _HURT_WORDS,
    ("injur", "wound"),
    ("injur", "wound"),
    _HURT_WORDS,
)
#: Whether each :data:`KILLED` pattern needs a count (it reads one: its ``num``), in order.
KILLED_COUNTED: tuple[bool, ...] = tuple("num" in p.groupindex for p in KILLED)
#: Whether each :data:`INJURED` pattern needs a count (its ``num``), in order.
INJURED_COUNTED: tuple[bool, ...] = tuple("num" in p.groupindex for p in INJURED)
#: The words a count is written with (:data:`NUMBER_WORDS` less "a" and "an"): a count is
#: these or digits.
COUNT_WORDS: tuple[str, ...] = tuple(w for w in NUMBER_WORDS if w not in ("a", "an"))
#: Where a count a figure pattern reads may start: a digit, or a number word opening a word
#: (each pattern's ``num`` follows a space or a word boundary).
COUNT_START = re.compile(r"\d|\b(?:" + "|".join(COUNT_WORDS) + ")", re.I)
#: Whether each :data:`KILLED` pattern needs victims named (its ``victims``), in order.
KILLED_VICTIMS: tuple[bool, ...] = tuple("victims" in p.groupindex for p in KILLED)
#: Whether each :data:`INJURED` pattern needs victims named (its ``victims``), in order.
INJURED_VICTIMS: tuple[bool, ...] = tuple("victims" in p.groupindex for p in INJURED)
#: What victims named need: a person ("a man", "the driver"), people counted ("three
#: residents") or a couple.
VICTIM_WORDS: tuple[str, ...] = (
    "man", "men", "boy", "girl", "child", "bab", "infant", "teen", "driver", "resident",
    "civilian", "son", "pension", "husband", "wife", "daughter", "mother", "father", "worker",
    "employee", "rescuer", "officer", "firefighter", "medic", "farmer", "volunteer",
    "passer-by", "soldier", "neighbo", "brother", "sister", "relative", "colleague", "guard",
    "nurse", "doctor", "teacher", "people", "kids", "troops", "others", "more", "adults",
    "locals", "passengers", "patients", "villagers", "individuals", "family members",
    "minors", "couple")
#: What :data:`CUMULATIVE` needs.
CUMULATIVE_WORDS: tuple[str, ...] = ("since", "so far this")
#: What :data:`NO_CASUALTIES` needs: each of its phrases ends with one of these.
NO_CASUALTIES_WORDS: tuple[str, ...] = (
    "casualties", "victims", "injuries", "fatalities", "hurt", "injured", "killed")
#: What :data:`COMBINED_FIGURE` needs: its verbs joined by "and" or "or", without the
#: figures around them (a cheap test before the full pattern).
COMBINED_CORE = re.compile(
    r"(?:killed|killing|dead|deaths|wounded|wounding|injured|injuring)\s+(?:and|or|and/or)\s+"
    r"(?:wounded|wounding|injured|injuring|hurt|killed|killing|dead)\b", re.I)
#: The verbs :data:`COMBINED_CORE` opens with.
COMBINED_WORDS: tuple[str, ...] = ("kill", "dead", "death", "wound", "injur")
#: What :data:`QUANTITY` needs: the means or damage it counts.
QUANTITY_WORDS: tuple[str, ...] = (
    "drones", "missiles", "bombs", "buildings", "blocks", "generators", "shells", "rockets")

#: Dead and hurt given as one figure ("killed and wounded 15 people", "12 people dead or
#: wounded"): the figure says neither how many died nor how many were hurt.
COMBINED_FIGURE = re.compile(
    r"(?:\b" + _ABOUT + _COUNT + r"(?:\s+" + _PEOPLE + r")?" + _BE
    + r"\s+|\b)(?:killed|killing|dead|deaths|wounded|wounding|injured|injuring)\s+"
    r"(?:and|or|and/or)\s+(?:wounded|wounding|injured|injuring|hurt|killed|killing|dead)\b"
    r"(?:\s+" + _ABOUT + _COUNT + r"\b)?", re.I)

#: A running total since a start ("since the start of the full-scale invasion", "since
#: February 2022", "so far this year"): figures after it are cumulative, not one incident's.
CUMULATIVE = re.compile(
    r"\b(?:since the (?:start|beginning|outset|outbreak) of (?:the |Russia[’']s |its |this )?"
    r"(?:full[- ]scale |large[- ]scale )?(?:war|invasion|year|month|aggression)|"
    r"since (?:the )?(?:full[- ]scale |large[- ]scale )?(?:war|invasion) (?:began|started)|"
    r"since (?:February |Feb\.? )?(?:24,? )?2022|so far this (?:year|month)|"
    r"in total since)\b", re.I)

#: Nobody was hurt: both figures are 0 ("There were no casualties", "no one was injured").
NO_CASUALTIES = re.compile(
    r"\b(?:no (?:casualties|victims|injuries|fatalities|one was (?:hurt|injured|killed))|"
    r"nobody was (?:hurt|injured|killed)|no(?:-| )one was (?:hurt|injured|killed)|"
    r"without casualties|no (?:people|civilians) were (?:hurt|injured|killed))\b", re.I)

#: Quantities of means or damage ("more than 90 drones", "1,100 apartment buildings").
QUANTITY = re.compile(
    r"\b(?:(?:over|more than|nearly|about|around|at least|almost|some)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+|hundreds|dozens|thousands|tens)\s+(?:of\s+)?"
    r"(?:(?:guided|aerial|glide|ballistic|cruise|interceptor|apartment|residential|power)\s+)?"
    r"(?:drones|missiles|bombs|buildings|blocks|generators|shells|rockets)\b", re.I)

# --------------------------------------------------------------------------------- event types
#: Means of a strike, each with the pattern that names it.
MEANS: dict[str, re.Pattern[str]] = {
    "missile": re.compile(r"\bmissiles?\b|\bballistic\b|\bOreshnik\b|\brockets?\b|"
                          r"\bS-300\b|\bIskanders?\b|\bKh-\d+|\bKalibrs?\b|\bKinzhals?\b",
                          re.I),
    "drone": re.compile(r"\bdrones?\b|\bUAVs?\b|\bShaheds?\b|\bGerans?\b|"
                        r"\bloitering munitions?\b", re.I),
    "bomb": re.compile(r"\b(?:glide|guided|aerial|air|aircraft)\s+bombs?\b|\bKABs?\b|"
                       r"\bFAB-\d+", re.I),
    "shelling": re.compile(r"\bshelling\b|\bartillery\b|\bshelled\b|\bshells?\b|"
                           r"\bbombard(?:ment|ed|ing)\b|\bfired (?:on|at)\b|\bmortars?\b|"
                           r"\bMLRS\b|\bGrads?\b|\bhowitzers?\b|\bopened fire\b", re.I),
}

#: A verb or noun of striking or of harm, which turns named means into a strike.
STRIKE_VERB = re.compile(
    r"\b(?:strikes?|struck|hit|hitting|attacks?|attacked|barrage|bombardments?|assault|"
    r"shelling|launched|targeted|targeting|damaged?|destroyed|used|use of|fired|blasted|"
    r"tore into|slammed|pounded|killed|killing|kills|wounded|wounding|injured|injuring|"
    r"died|deaths|dead|fatalities|injuries|casualties|explosions?|exploded|fell|downed|"
    r"shot down|intercepted|debris)\b", re.I)

#: Damage to buildings, infrastructure or facilities: its own event beside the strike.
DAMAGE = re.compile(
    r"\b(?:damag(?:ed|ing)|destroy(?:ed|ing)|fires? (?:broke out|erupted|started|broke|"
    r"was started)|caught fire|set (?:\w+ )?(?:on fire|ablaze)|ablaze|blaze|in flames|"
    r"collaps(?:e|ed|ing)|outages?|blackouts?|without (?:power|electricity|heat|heating|water|gas)|"
    r"disruptions? in (?:gas|power|electricity|heating|water)|"
    # a civilian building or facility hit ("hitting a children's hospital")
    r"(?:hit|hitting|struck|striking)\s+(?:a|an|the|two|three|several)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:hospitals?|schools?|kindergartens?|clinics?|maternity|churche?s?|universit(?:y|ies)|"
    r"apartment|residential|houses?|homes?|high-rises?|dormitor(?:y|ies)|markets?|"
    r"supermarkets?|shopping|malls?|substations?|power|energy|ports?|warehouses?|"
    r"factor(?:y|ies)|plants?|depots?|refinery|refineries))\b", re.I)

#: An official's title right after a place's name: the place is that official's
#: jurisdiction ("Kharkiv Governor Oleh ...", "Kherson's Ukrainian Gov.", "Sumy regional
#: military administration"), not where an event happened.
OFFICIAL_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:(?:regional|region[’']s|oblast|city|military|Ukrainian|acting|"
    r"Russian-installed|Moscow-installed|Kremlin-installed)\s+){0,2}"
    r"(?:governor|gov\.|mayor|administration|council|police)\b", re.I)
#: The city a dateline names, taken up again ("ODESA — Drones hit the city's port").
THE_CITY = re.compile(r"\bthe (?:city|town)(?:['’]s)?\b", re.I)
#: An official's title right before a place's name ("governor of the Kursk region").
OFFICIAL_BEFORE = re.compile(r"\b(?:governor|mayor|head)\s+of\s+(?:the\s+)?$", re.I)

#: Soldiers as victims: their losses without a strike named are no civilian casualties.
MILITARY_VICTIMS = re.compile(r"\b(?:soldiers|troops|servicem[ae]n|fighters|personnel|"
                              r"militants|occupiers|mercenaries|marines|paratroopers)\b", re.I)

#: An attack or strike at a place ("an attack on the village", "strikes in the city"), or
#: one that hit something there ("a strike hit an apartment block in Kharkiv").
STRIKE_AT = re.compile(r"\b(?:attacks?|strikes?)\s+(?:on|in|against|at|hit|struck|damaged|"
                       r"destroyed)\b", re.I)

#: A strike or attack as a noun, which with harm to people makes civilian casualties.
STRIKE_NOUN = re.compile(r"\bstrikes?\b|\battacks?\b", re.I)

#: Taking ground ("captured", "took control"), a territorial claim when a settlement is named.
CAPTURE = re.compile(
    r"\b(?:taken|took|taking|captured?|capturing|seized?|seizing|occupied|liberated?|"
    r"liberating|took control|taken control|taking control|retook|retaken|retaking|"
    r"recaptured?|recapturing|regained|under (?:(?:full|complete|Russian|Ukrainian) )?"
    r"control)\b", re.I)

#: A settlement noun, which a capture must name to be a territorial claim.
SETTLEMENT_NOUN = re.compile(r"\b(?:villages?|towns?|settlements?|city)\b", re.I)

#: Ground gained measured as an area: a territorial change.
ADVANCE = re.compile(r"\b(?:gained|gains?|advanced|advances)\b.{0,200}?\b(?:square (?:miles|"
                     r"kilometres|kilometers)|km2|sq)\b", re.I)

#: Ground gained or given up as observed (geolocated footage, an assessment, the other side's
#: acknowledgement): a territorial change when a settlement is named.
MOVEMENT = re.compile(
    r"\b(?:advanced|moved in|pushed into|pushed (?:forward|deeper)|entered|broke through|"
    r"withdr(?:ew|awn|awal)|retreated|pulled (?:out|back)|lost control|fell to|encircled|"
    r"surrounded)\b", re.I)

#: Explosions heard or reported: a strike when they are in Russia or occupied Crimea.
EXPLOSIONS = re.compile(r"\b(?:explosions?|blasts?|detonations?)\b.{0,80}?\b(?:heard|"
                        r"reported|rocked|rang out|thundered|hit)\b|\b(?:heard|reported)\b"
                        r".{0,40}?\b(?:explosions?|blasts?)\b", re.I)

#: A foothold or incursion across the border.
FOOTHOLD = re.compile(r"\b(?:foothold|incursion)\b", re.I)

#: Damage to power, heating and water.
INFRASTRUCTURE = re.compile(
    r"\bwithout (?:heat|heating|power|electricity|water)\b|\bpower outages?\b|\bblackouts?\b|"
    r"\benergy (?:facilities|infrastructure|system)\b|\bheating (?:facilities|supplies)\b|"
    r"\bpower (?:and heating )?(?:facilities|plants?|grid|lines)\b|\bdisrupted electricity\b",
    re.I)

#: An attack said to be one more of the same ("another attack", "similar strikes"): it had
#: the weapon of the strike reported before it.
SAME_AGAIN = re.compile(r"\b(?:another|similar|a second|a further|further|more)\s+"
                        r"(?:\w+\s+)?(?:attacks?|strikes?)\b", re.I)

#: Talks, summits, visits.
DIPLOMACY = re.compile(
    r"\b(?:talks|negotiations|summit|peace (?:proposal|plan|deal)|ceasefire|meeting|"
    r"visit to|visited|during a visit|met|meet|meets|gathered|will gather|convened|"
    r"hosted)\b", re.I)

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

#: A report's source closing its sentence (", Ukraine's emergency service said.", ",
#: according to Russia's defence ministry"): whoever it names told of the event, not did it.
TRAILING_SOURCE = re.compile(
    r",\s*(?:according to\b[^,;]*|[^,;]{0,80}?\b(?:said|says|reported|reports|announced|"
    r"wrote|writes|added|stated|claimed|claims|told\b[^,;]{0,40})(?!\s+(?:to|that)\b))"
    r"[^,;]{0,30}$", re.I)

#: Nobody could verify it (in the sentence or the next): ``claimed``.
UNCONFIRMED = re.compile(r"could not (?:be )?independently (?:confirm|verif)|"
                         r"not independently (?:confirmed|verified)|unverified", re.I)

#: Independently confirmed: ``confirmed``.
CONFIRMED = re.compile(r"\bconfirmed\b", re.I)

# ------------------------------------------------------- words the event and claim patterns need
# As for the figure patterns above: each pattern can only match a text holding one of its
# words (lowered by :func:`geo_ukraine.extract.sentences.folded`), so it is not run on a text
# without one. A pattern's words change with the pattern.
#: What each :data:`MEANS` pattern needs, by means.
MEANS_WORDS: dict[str, tuple[str, ...]] = {
    "missile": ("missile", "ballistic", "oreshnik", "rocket", "s-300", "iskander", "kh-",
                "kalibr", "kinzhal"),
    "drone": ("drone", "uav", "shahed", "geran", "loitering munition"),
    "bomb": ("bomb", "kab", "fab-"),
    "shelling": ("shell", "artillery", "bombard", "fired on", "fired at", "mortar", "mlrs",
                 "grad", "howitzer", "opened fire"),
}
#: What :data:`STRIKE_VERB` needs.
STRIKE_VERB_WORDS: tuple[str, ...] = (
    "strike", "struck", "hit", "attack", "barrage", "bombardment", "assault", "shelling",
    "launched", "target", "damage", "destroyed", "used", "use of", "fired", "blasted",
    "tore into", "slammed", "pounded", "kill", "wound", "injur", "died", "death", "dead",
    "fatalities", "casualties", "explo", "fell", "downed", "shot down", "intercepted",
    "debris")
#: What :data:`DAMAGE` needs.
DAMAGE_WORDS: tuple[str, ...] = (
    "damag", "destroy", "fire", "blaze", "flames", "collaps", "outage", "blackout",
    "without ", "disruption", "hit", "struck", "striking")
#: What :data:`MILITARY_VICTIMS` needs.
MILITARY_VICTIMS_WORDS: tuple[str, ...] = (
    "soldiers", "troops", "servicem", "fighters", "personnel", "militants", "occupiers",
    "mercenaries", "marines", "paratroopers")
#: What :data:`STRIKE_AT`, :data:`STRIKE_NOUN` and :data:`SAME_AGAIN` need.
STRIKE_NOUN_WORDS: tuple[str, ...] = ("strike", "attack")
#: What :data:`CAPTURE` needs.
CAPTURE_WORDS: tuple[str, ...] = (
    "taken", "took", "taking", "captur", "seiz", "occupied", "liberat", "regained", "control")
#: What :data:`SETTLEMENT_NOUN` needs.
SETTLEMENT_NOUN_WORDS: tuple[str, ...] = ("village", "town", "settlement", "city")
#: What :data:`ADVANCE` needs.
ADVANCE_WORDS: tuple[str, ...] = ("gain", "advance")
#: What :data:`MOVEMENT` needs.
MOVEMENT_WORDS: tuple[str, ...] = (
    "advanced", "moved in", "pushed ", "entered", "broke through", "withdr", "retreated",
    "pulled ", "lost control", "fell to", "encircled", "surrounded")
#: What :data:`EXPLOSIONS` needs.
EXPLOSIONS_WORDS: tuple[str, ...] = ("explosion", "blast", "detonation")
#: What :data:`TRAILING_SOURCE` needs.
TRAILING_SOURCE_WORDS: tuple[str, ...] = (
    "according to", "said", "says", "report", "announced", "wrote", "writes", "added",
    "stated", "claim", "told")
#: What :data:`FOOTHOLD` needs.
FOOTHOLD_WORDS: tuple[str, ...] = ("foothold", "incursion")
#: What :data:`INFRASTRUCTURE` needs.
INFRASTRUCTURE_WORDS: tuple[str, ...] = (
    "without ", "power ", "blackout", "energy ", "heating ", "disrupted electricity")
#: What :data:`DIPLOMACY` needs.
DIPLOMACY_WORDS: tuple[str, ...] = (
    "talks", "negotiations", "summit", "peace ", "ceasefire", "meet", "met", "visit",
    "gather", "convened", "hosted")
#: What :data:`AID` needs.
AID_WORDS: tuple[str, ...] = (
    "aid package", "military aid", "deliver", "generators", "package focused")
#: What :data:`CIVILIAN_HARM` needs.
CIVILIAN_HARM_WORDS: tuple[str, ...] = ("kill", "dead", "death", "injur", "wounded")
#: For each :data:`CLAIMANTS` pattern, in order, the words one of which it needs.
CLAIMANT_WORDS: tuple[tuple[str, ...], ...] = (
    ("russian",),
    ("claim", "announced"),
    ("ukrainian",),
    ("ukraine", "kyiv"),
    ("authorities", "officials"),
    ("according to",),
    ("report", "said"),
)
#: What :data:`UNCONFIRMED` needs.
UNCONFIRMED_WORDS: tuple[str, ...] = ("independently", "unverified")
#: What :data:`CONFIRMED` needs.
CONFIRMED_WORDS: tuple[str, ...] = ("confirmed",)
