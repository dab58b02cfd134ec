"""Communities (hromadas) named by an adjective, back to their centres' names.

"Chervonohryhorivska community" is the community of Chervonohryhorivka. Ukrainian reporting
in English often keeps a hromada's adjectival name ("Krasnopilska, Bilopilska and Myropilska
communities"); the gazetteer knows the centre's name. The adjective is turned back into the
names its centre may have, most likely first.
"""

from __future__ import annotations

import re

__all__ = ["COMMUNITY_AFTER", "centre_names"]

#: A community noun within a few words after the adjective (through a list of others):
#: "Myropilska community", "Krasnopilska, Bilopilska and Myropilska hromadas".
COMMUNITY_AFTER = re.compile(
    r"(?:\s*(?:,|and|, and)\s*[A-Z][\w’'-]+){0,5}\s+(?:territorial\s+)?"
    r"(?:communit(?:y|ies)|hromadas?)\b")

# Endings of the adjective, each with the endings of the centre's name it may come from, in
# the order tried: -ivska from -ivka (Yunakivska: Yunakivka), -pilska from -pillia
# (Krasnopilska: Krasnopillia), -tska from -ts (Marhanetska: Marhanets), -ianska from
# -iansk or -a (Kupianska: Kupiansk, Vorozhbianska: Vorozhba), and a plain -ska from the
# name itself (Nikopolska: Nikopol), -sk or -ske (Pokrovska: Pokrovsk or Pokrovske) or -y.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ivska", ("ivka", "iv", "ivske")),
    ("ilska", ("illia", "ilia", "il")),
    ("etska", ("ets",)),
    ("tska", ("tsk", "ts")),
    ("ianska", ("iansk", "ia", "a")),
    ("ynska", ("yne", "ynka", "yn")),
    ("ska", ("", "sk", "ske", "y", "ka")),
)


def centre_names(adjective: str) -> list[str]:
    """The names a community's centre may have, given the community's adjective.

    Parameters
    ----------
    adjective : str
        One capitalised word ending in ``-ska`` ("Chervonohryhorivska").

    Returns
    -------
    list of str
        Candidate names, most likely first; empty when the word is no such adjective.
    """
    if len(adjective) < 7 or not adjective.endswith("ska"):
        return []
    for ending, centres in _ENDINGS:
        if adjective.endswith(ending):
            stem = adjective[:-len(ending)]
            return [stem + centre for centre in centres]
    return []
