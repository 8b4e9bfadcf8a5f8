"""UN document symbols, derived by the UN's own conventions.

Resolutions and decisions are numbered ``session/serial``; the symbol adds
the body's series and the kind: ``A/HRC/RES/43/21``, ``A/HRC/DEC/16/118``,
``A/RES/80/4``.
"""

from __future__ import annotations

import re

#: body code -> symbol prefix
_SERIES = {"HRC": "A/HRC/", "GA": "A/"}
_KIND = {"resolution": "RES", "decision": "DEC"}

#: Decisions share the numbering with resolutions but start at a higher
#: serial: the Human Rights Council numbers them from 101, the General
#: Assembly from 401. Used only when the text does not say which it is.
_FIRST_DECISION_SERIAL = {"HRC": 101, "GA": 401}

SYMBOL_PATTERN = r"^A/(HRC/)?(RES|DEC)/(S-)?[0-9]+/[0-9]+$"


def symbol_of(body: str, kind: str, number: str) -> str:
    """``("HRC", "resolution", "43/21")`` -> ``"A/HRC/RES/43/21"``."""
    return f"{_SERIES[body]}{_KIND[kind]}/{number}"


def kind_by_number(body: str, number: str) -> str:
    """ "resolution" or "decision", by the body's numbering convention."""
    serial = int(number.rsplit("/", 1)[1])
    return "decision" if serial >= _FIRST_DECISION_SERIAL[body] else "resolution"


def session_of(number: str) -> int:
    """``"43/21"`` -> 43; ``"S-28/1"`` (a special session) -> 28."""
    return int(re.sub(r"\D", "", number.split("/", 1)[0]))


def resource_name(symbol: str) -> str:
    """A Data Package resource name for a symbol: ``a-hrc-res-43-21``."""
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")
