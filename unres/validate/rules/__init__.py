"""Every rule of the validator, one small function each, grouped by subject.

Importing this package registers the rules; ``ORDER`` is the order in which
they run and ``unres rules`` lists them: the descriptor and files first, then
structure, paragraphs and footnotes, votes, and the agreement of JSON, CSV
and source text last.
"""

from unres.validate.registry import RULES, Rule
from unres.validate.rules import agreement, cells, documents, paragraphs, structure, votes

ORDER = (
    "descriptor",
    "unsafe-path",
    "integrity",
    "frictionless",
    "json-schema",
    "paragraph-order",
    "operative-numbering",
    "subparagraph-labels",
    "footnote-reference",
    "adoption-consistency",
    "vote-count",
    "vote-total",
    "duplicate-voter",
    "non-member",
    "country-code",
    "formula-like-cell",
    "json-csv-mismatch",
    "source-mismatch",
)

if set(ORDER) != set(RULES):  # a rule added without a place in ORDER, or the reverse
    raise RuntimeError(f"rules and ORDER differ: {sorted(set(ORDER) ^ set(RULES))}")
_registered = dict(RULES)
RULES.clear()
RULES.update((code, _registered[code]) for code in ORDER)

__all__ = ["ORDER", "RULES", "Rule", "agreement", "cells", "documents", "paragraphs", "structure", "votes"]
