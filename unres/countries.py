"""Country names as printed in UN texts, to ISO 3166-1 alpha-3 codes.

Names come from pycountry (English, and French through its translations),
in each of the forms UN texts print them: ISO's inverted "Korea, Republic
of" is also read as "Republic of Korea" and "Korea (Republic of)". Matching
ignores case, accents and the kind of apostrophe, so "Nigéria" finds
"Nigeria". The few UN spellings that still differ are in
``data/country_names.csv``. No list of countries is written in code.
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

import pycountry

_LANGUAGES = ("fr",)


@lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """The form names are compared in: no accents, no case, one kind of space."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("’", "'").casefold()
    # Hyphens and spaces are both printed between the parts of a name
    # ("Saint-Vincent-et-les Grenadines"); a leading "the" is not part of it.
    bare = re.sub(r"[-‐‑–]", " ", bare)
    bare = re.sub(r"\s*\(\s*", " (", bare)
    bare = re.sub(r"\s*\)", ")", bare)
    bare = re.sub(r"\s+", " ", bare).strip()
    return bare.removeprefix("the ")


def _forms(name: str) -> set[str]:
    """The printed forms of one ISO name: as is, uninverted, parenthesised."""
    forms = {name}
    if ", " in name:
        head, tail = name.split(", ", 1)
        joiner = "" if tail.endswith(("'", "’")) else " "
        forms.add(f"{tail}{joiner}{head}")
        forms.add(f"{head} ({tail})")
    return forms


@cache
def _index() -> dict[str, str]:
    """normalised name -> alpha-3, names that would mean two countries left out."""
    translations = [gettext.NullTranslations()] + [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code]) for code in _LANGUAGES
    ]
    found: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            for translation in translations:
                for form in _forms(translation.gettext(english)):
                    found.setdefault(normalise(form), set()).add(country.alpha_3)
    table = resources.files("unres") / "data" / "country_names.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[normalise(row["name"])] = {row["iso3"]}
    return {name: codes.pop() for name, codes in found.items() if len(codes) == 1}


def iso3_of(name: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of a printed country name, or None."""
    return _index().get(normalise(name))


def is_iso3(code: str) -> bool:
    """Whether ``code`` is an assigned ISO 3166-1 alpha-3 code."""
    return pycountry.countries.get(alpha_3=code) is not None
