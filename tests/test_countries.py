"""Printed country names to ISO 3166-1 alpha-3 codes."""

from __future__ import annotations

import pytest

from unres.countries import is_iso3, iso3_of, normalise


@pytest.mark.parametrize(
    ("printed", "iso3"),
    [
        ("Allemagne", "DEU"),  # ISO French name as is
        ("Îles Marshall", "MHL"),
        ("Tchéquie", "CZE"),
        ("République de Corée", "KOR"),  # ISO "Corée, République de", uninverted
        ("Nigéria", "NGA"),  # UN accent; ISO French writes "Nigeria"
        ("Venezuela (République bolivarienne du)", "VEN"),  # ISO "Vénézuela, république bolivarienne du"
        ("Iran (République islamique d’)", "IRN"),
        ("République démocratique du Congo", "COD"),
        ("Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),  # English, a leading "the" in ISO
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Saint-Vincent-et-les Grenadines", "VCT"),  # hyphens and spaces alike
        ("République-Unie de Tanzanie", "TZA"),  # from the UN spelling table
        ("Türkiye", "TUR"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ],
)
def test_printed_names(printed, iso3):
    assert iso3_of(printed) == iso3


@pytest.mark.parametrize("printed", ["Atlantis", "", "Congo du"])
def test_unknown_names_have_no_code(printed):
    assert iso3_of(printed) is None


def test_normalise_ignores_case_accents_apostrophes_and_hyphens():
    assert normalise("Côte d’Ivoire") == normalise("cote d'ivoire")
    assert normalise("Guinée-Bissau") == normalise("Guinee Bissau")


def test_is_iso3():
    assert is_iso3("FRA")
    assert not is_iso3("XXX")
