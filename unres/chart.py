"""An SVG chart of a recorded vote: the body's members by regional group.

Each member is a square coloured by its vote (yes, no, abstain, not voting)
beside its name, in one column per regional group, under the resolution's
symbol, title, meeting and date, with a legend. Drawn with matplotlib; the
SVG keeps its text as text (so a reader, and a test, can find every name)
and is byte-for-byte the same on every run.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from unres.members import GROUPS

COLOURS = {"yes": "#1a9850", "no": "#d73027", "abstain": "#fdae61", None: "#ffffff"}
LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstain", None: "Not voting"}
_BODY_NAMES = {"HRC": "Human Rights Council", "GA": "General Assembly"}


def vote_chart(document: dict[str, Any], members: list[dict[str, Any]]) -> str:
    """The SVG text of the chart of ``document``'s vote among ``members``
    (rows of the members table for its body and year)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.patches import Patch

    cast = {vote["iso3"]: vote["vote"] for vote in document["adoption"]["votes"]}
    columns = {
        group: sorted((m for m in members if m["group"] == group), key=lambda m: m["country"]) for group in GROUPS
    }
    depth = max((len(rows) for rows in columns.values()), default=1)
    with matplotlib.rc_context():
        # From matplotlib's own defaults, whatever a matplotlibrc says, so that
        # every machine draws the same bytes; text is text, never TeX math.
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(
            {
                "svg.hashsalt": "unres",
                "svg.fonttype": "none",
                "font.family": "DejaVu Sans",
                "font.size": 8,
                "text.parse_math": False,
            }
        )
        figure, axes = pyplot.subplots(figsize=(13, 1.6 + 0.3 * depth))
        axes.set_xlim(0, len(GROUPS))
        axes.set_ylim(depth - 0.4, -1.6)
        axes.axis("off")
        for column, group in enumerate(GROUPS):
            heading = "\n".join(textwrap.wrap(group, 24))
            axes.text(column + 0.02, -0.75, heading, fontweight="bold", fontsize=8.5, va="bottom")
            for row, member in enumerate(columns[group]):
                vote = cast.get(member["iso3"])
                axes.add_patch(
                    matplotlib.patches.Rectangle(
                        (column + 0.02, row - 0.3), 0.05, 0.6, facecolor=COLOURS[vote], edgecolor="#444444"
                    )
                )
                name = member["country"]
                axes.text(column + 0.1, row, name, va="center", fontsize=7.5 if len(name) <= 28 else 6)
        adoption = document["adoption"]
        title = "\n".join(textwrap.wrap(f"{document['symbol']}: {document['title']}", 110))
        body = _BODY_NAMES.get(document["body"], document["body"])
        subtitle = (
            f"{body}, meeting {document['meeting']}, {document['date']}: "
            f"{adoption['yes']} yes, {adoption['no']} no, {adoption['abstain']} abstentions"
        )
        figure.suptitle(title, fontsize=10, fontweight="bold", x=0.01, ha="left")
        axes.set_title(subtitle, fontsize=8.5, loc="left")
        legend = [Patch(facecolor=COLOURS[vote], edgecolor="#444444", label=LABELS[vote]) for vote in COLOURS]
        axes.legend(handles=legend, loc="upper left", bbox_to_anchor=(0, 0), ncols=4, frameon=False)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
        pyplot.close(figure)
    return buffer.getvalue()
