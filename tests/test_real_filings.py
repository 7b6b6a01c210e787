"""Regressions the shipped model showed on renderings of real filings, each text cut down to
what matters."""
import pytest

from form4ml.pipeline import extract_text

# A Microsoft filing printed by the SEC stylesheet, text by plain pdftotext (pdf_raw): the
# owner's state written out (WASHINGTON), the ZIP broken over two lines. Filings of only two
# of the 101 training issuers have an owner in Washington: the model read the state as part
# of the city and lost the ZIP.
REDMOND_WASHINGTON = """\
FORM 4
UNITED STATES SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES
Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the
Investment Company Act of 1940
OMB APPROVAL
OMB Number: 3235-0287
Estimated average burden
hours per response... 0.5
(Print or Type Responses)
1. Name and Address of Reporting Person *
Coleman Amy
2. Issuer Name and Ticker or Trading
Symbol
MICROSOFT CORP [MSFT]
2a. Foreign Trading Symbol
5. Relationship of Reporting Person(s) to
Issuer
(Check all applicable)
_____ Director _____ 10% Owner
__X__ Officer (give title
below)
_____ Other (specify
below)
EVP, Chief Human Resources Off
(Last) (First) (Middle)
C/O MICROSOFT CORPORATION
ONE MICROSOFT WAY
3. Date of Earliest Transaction
(Month/Day/Year)
08/15/2025
(Street)
REDMOND WASHINGTON
98052-
6399
4. If Amendment, Date Original
Filed(Month/Day/Year)
6. Individual or Joint/Group Filing(Check
Applicable Line)
_X_ Form filed by One Reporting Person
___ Form filed by More than One Reporting Person
(City) (State)
(Zip/Postal
Code)
"""


@pytest.mark.slow
@pytest.mark.parametrize("key, value", [
    ("name", "Coleman Amy"),
    ("city", "REDMOND"),
    ("state", "WA"),
    ("zip_code", "98052-6399"),
])
def test_owner_in_a_state_no_training_filing_shows(shipped_model, key, value):
    owner = extract_text(REDMOND_WASHINGTON, shipped_model)["reporting_owners"][0]
    assert owner[key] == value
