"""Gold zones of training texts: from the lines' field tags and the headings above them."""
import pytest

from form4ml.tokenize import tokenize
from form4ml.zones import derive_zones

TAIL = ("Table II - Derivative Securities Acquired\n"
        "Reporting Owners\n"
        "Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther\n"
        "Hall Ken ONE MICROSOFT WAY REDMOND WA 98052\tX\n"
        "UNITED STATES\n"
        "Signatures\n"
        "/s/ Ken Hall 02/20/2014\n")


@pytest.mark.parametrize("line, zone", [
    ("Table II - Derivative Securities Acquired", "table2"),
    ("Reporting Owners", "owner"),
    ("Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther", "owner"),
    ("UNITED STATES", "owner"),       # no field on it: the zone of the heading above
    ("Signatures", "signature"),
])
def test_derive_zones_gives_the_reporting_owners_table_the_owner_zone(line, zone):
    lines = TAIL.split("\n")
    tokens = tokenize(TAIL)
    tags = ["O"] * len(tokens)
    assert derive_zones(lines, tokens, tags)[lines.index(line)] == zone
