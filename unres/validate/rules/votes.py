"""Rules on adoption and votes: counts, totals, voters, membership, country codes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from unres.countries import is_iso3, iso3_of
from unres.model import VOTE_VALUES
from unres.validate.package import NumberedRow, Package
from unres.validate.registry import as_int, rule
from unres.validate.report import Issue, warning


def _resolutions(package: Package) -> list[tuple[int, dict[str, str], list[NumberedRow]]]:
    """Each resolutions row with its number and its votes rows."""
    votes = package.by_resolution("votes")
    return [(number, row, votes.get(row.get("symbol", ""), [])) for number, row in package.numbered("resolutions")]


@rule("adoption-consistency", "without-vote with counts or vote rows, or recorded-vote without them")
def adoption_consistency(package: Package) -> Iterator[Issue]:
    if package.table("votes") is None:
        return  # absent or unreadable: frictionless says so; counting its rows would mislead
    for number, row, votes in _resolutions(package):
        symbol, method = row.get("symbol"), row.get("adoption", "")
        stated = [field for field in VOTE_VALUES if row.get(field, "") != ""]
        if method in ("without-vote", ""):
            said = "adopted without a vote" if method else "no adoption method"
            for field in stated:
                yield Issue(
                    "adoption-consistency",
                    f"expected no {field} count for {symbol} ({said}), found {row[field]}",
                    "resolutions",
                    number,
                    field,
                )
            if votes:
                yield Issue(
                    "adoption-consistency",
                    f"expected no vote rows for {symbol} ({said}), found {len(votes)}",
                    "resolutions",
                    number,
                    "adoption",
                )
        elif method == "recorded-vote":
            for field in ("yes", "no"):
                if field not in stated:
                    yield Issue(
                        "adoption-consistency",
                        f"expected the {field} count of {symbol}'s recorded vote, found none",
                        "resolutions",
                        number,
                        field,
                    )
            if not votes:
                yield Issue(
                    "adoption-consistency",
                    f"expected the vote rows of {symbol}'s recorded vote, found none",
                    "resolutions",
                    number,
                    "adoption",
                )


@rule("vote-count", "a stated count (yes, no, abstain) differs from the number of countries listed with that vote")
def vote_count(package: Package) -> Iterator[Issue]:
    if package.table("votes") is None:
        return  # absent or unreadable: frictionless says so
    for number, row, votes in _resolutions(package):
        if row.get("adoption") != "recorded-vote":
            continue
        listed = Counter(vote.get("vote") for _, vote in votes)
        for field in VOTE_VALUES:
            stated = as_int(row.get(field))
            if stated is not None and stated != listed[field]:
                yield Issue(
                    "vote-count",
                    f"expected {stated} countries voting {field!r} in votes (the stated count of "
                    f"{row.get('symbol')}), found {listed[field]}",
                    "resolutions",
                    number,
                    field,
                )


def _members(package: Package) -> dict[tuple[str, int], set[str]] | None:
    """(body, year) -> member codes, from the package's members resource."""
    if package.table("members") is None:
        return None
    members: dict[tuple[str, int], set[str]] = {}
    for _, row in package.numbered("members"):
        year = as_int(row.get("year"))
        if year is not None:
            members.setdefault((row.get("body", ""), year), set()).add(row.get("iso3", ""))
    return members


def _year(row: dict[str, str]) -> int | None:
    return as_int(row.get("date", "")[:4])


@rule("vote-total", "more votes than the body had members in the year of the vote (47 for the Human Rights Council)")
def vote_total(package: Package) -> Iterator[Issue]:
    members = _members(package)
    for number, row, votes in _resolutions(package):
        seats = (members or {}).get((row.get("body", ""), _year(row) or 0))
        if row.get("adoption") != "recorded-vote" or not seats:
            continue  # non-member warns when the year is not covered
        stated = sum(as_int(row.get(field)) or 0 for field in VOTE_VALUES)
        for total, what in ((stated, "stated votes"), (len(votes), "vote rows")):
            if total > len(seats):
                yield Issue(
                    "vote-total",
                    f"expected at most {len(seats)} {what} ({row.get('body')} members in {_year(row)}), "
                    f"found {total} for {row.get('symbol')}",
                    "resolutions",
                    number,
                    "yes" if what == "stated votes" else "adoption",
                )


@rule("duplicate-voter", "a country listed more than once in one resolution's vote")
def duplicate_voter(package: Package) -> Iterator[Issue]:
    for symbol, votes in package.by_resolution("votes").items():
        first_row: dict[str, int] = {}
        for number, vote in votes:
            code = vote.get("iso3", "")
            if code in first_row:
                yield Issue(
                    "duplicate-voter",
                    f"expected {code} once in the vote on {symbol}, found it again (first at row {first_row[code]})",
                    "votes",
                    number,
                    "iso3",
                )
            else:
                first_row[code] = number


@rule("non-member", "a voter that was not a member of the body in the year of the vote")
def non_member(package: Package) -> Iterator[Issue]:
    members = _members(package)
    votes = package.by_resolution("votes")
    for number, row in package.numbered("resolutions"):
        symbol, body, year = row.get("symbol", ""), row.get("body", ""), _year(row)
        if not votes.get(symbol):
            continue
        if members is None or (body, year) not in members:
            if members is None:
                reason = "the package has no members resource"
            elif year is None:
                reason = f"its date {row.get('date')!r} gives no year"
            else:
                reason = f"no {body} members for {year}"
            yield warning("non-member", f"membership not checked for {symbol}: {reason}", "resolutions", number)
            continue
        for vote_number, vote in votes[symbol]:
            if vote.get("iso3") not in members[(body, year)]:
                yield Issue(
                    "non-member",
                    f"expected a member of {body} in {year} to vote on {symbol}, "
                    f"found {vote.get('country')} ({vote.get('iso3')})",
                    "votes",
                    vote_number,
                    "iso3",
                )


@rule("country-code", "an iso3 that is not an ISO 3166-1 alpha-3 code, or not the country the printed name means")
def country_code(package: Package) -> Iterator[Issue]:
    for number, vote in package.numbered("votes"):
        code, printed = vote.get("iso3", ""), vote.get("country", "")
        meant = iso3_of(printed)
        if not is_iso3(code):
            yield Issue("country-code", f"expected an ISO 3166-1 alpha-3 code, found {code!r}", "votes", number, "iso3")
        elif meant is None:
            yield Issue(
                "country-code",
                f"expected a country name that ISO 3166 or the UN spelling table knows, found {printed!r}",
                "votes",
                number,
                "country",
            )
        elif meant != code:
            yield Issue("country-code", f"expected {meant} for {printed!r}, found {code}", "votes", number, "iso3")
    for number, member in package.numbered("members"):
        if not is_iso3(member.get("iso3", "")):
            yield Issue(
                "country-code",
                f"expected an ISO 3166-1 alpha-3 code, found {member.get('iso3')!r}",
                "members",
                number,
                "iso3",
            )
