"""Membership of the bodies by year: reference data, not parsed from texts.

``data/members.csv`` in this library lists members' terms (first and last
year) and regional groups; ``data/members.yaml`` gives the seats of each body
and the sources. The build writes one row per member and year for the years
whose terms fill every seat, so that a year is either wholly known or absent.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import pycountry
import yaml

GROUPS = (
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and others",
)


@cache
def reference() -> dict[str, Any]:
    """The description, seats and sources of the membership reference."""
    text = (resources.files("unres") / "data" / "members.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def member_rows() -> list[dict[str, Any]]:
    """(body, year, iso3, country, group) for every fully known year, sorted."""
    seats = reference()["seats"]
    table = resources.files("unres") / "data" / "members.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        terms = list(csv.DictReader(handle))
    by_year: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for term in terms:
        for year in range(int(term["first_year"]), int(term["last_year"]) + 1):
            country = pycountry.countries.get(alpha_3=term["iso3"])
            by_year.setdefault((term["body"], year), []).append(
                {
                    "body": term["body"],
                    "year": year,
                    "iso3": term["iso3"],
                    "country": country.name if country else "",
                    "group": term["group"],
                }
            )
    rows = []
    for (body, _year), members in sorted(by_year.items()):
        if len(members) == seats[body]:
            rows.extend(sorted(members, key=lambda row: row["iso3"]))
    return rows
