"""Turn the text of a labelled span into the record's value: dates, numbers, codes."""
import re
from datetime import date

from dateutil import parser as dateparser

from .foreign_states import FOREIGN_STATES
from .record import SEC_CODES

# OCR confusions inside numbers.
NUMBER_FIXES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "s": "5",
                              "B": "8", "§": "5", "Z": "2", "z": "2"})
DATE_FIXES = {**NUMBER_FIXES, ord("g"): "9"}      # and in a date of digits ``g`` for ``9``: ``og/14/2023``
MARK_TAIL = re.compile(r"(?:\(\d{1,2}\)|\[F\d{1,2}\])+$")


def parse_number(text):
    """``25,893`` -> 25893, ``$3.17`` -> 3.17, ``1,000.00`` -> 1000; None when no number.

    Prices and share counts keep their decimals (``295.028``, ``26.325`` shares)."""
    s = MARK_TAIL.sub("", text.strip())
    s = s.replace("$", "").replace(" ", "").strip("()*")
    s = s.translate(NUMBER_FIXES)
    s = re.sub(r"[^\d.,]", "", s)
    if not re.search(r"\d", s):
        return None
    s = _decimal_point(s)
    try:
        value = float(s)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in s.rstrip("0").rstrip(".") else tidy_number(value)


OCR_DOLLAR = re.compile(r"^\s*[Ss](?=\d)")


def parse_price(text):
    """A price: ``parse_number``, with OCR's ``S`` for the dollar sign before the digits
    (``S0``, ``S146.56``) read as the sign, not as the digit 5."""
    return parse_number(OCR_DOLLAR.sub("$", text))


def tidy_number(value):
    """A number as the record holds one: rounded to six places (float noise off), an int
    where whole."""
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def _decimal_point(s):
    """Which of ``.`` and ``,`` is the decimal point. A single ``.`` is one: fractional
    share counts (``26.325``) are common in real filings, far more than OCR reading
    ``25,893`` as ``25.893``; two dots (``1.234.567``) are thousands. A comma before more
    than three digits and no point is a thousands comma whose point OCR lost (``15,25876``
    for ``15,258.76``: in all five such amounts of the corpus's OCR text)."""
    seps = [m.start() for m in re.finditer(r"[.,]", s)]
    if not seps:
        return s
    last = seps[-1]
    tail = s[last + 1:]
    if s[last] == "," and len(tail) > 3 and "." not in s:    # 15,25876 -> 15,258.76: OCR lost the point
        return s[:last].replace(",", "") + tail[:3] + "." + tail[3:]
    if s[last] == "," and len(tail) != 3:      # 3,17 -> decimal comma
        return s[:last].replace(",", "").replace(".", "") + "." + tail
    if s[last] == "." and len(tail) == 3 and len(seps) > 1 and s[seps[-2]] == ".":
        return s.replace(".", "").replace(",", "")   # 1.234.567
    head = s[:last].replace(",", "").replace(".", "")
    return head + (("." + tail) if s[last] == "." else tail)


def parse_date(pieces, fallback=None):
    """An ISO date from one or more pieces of text (a date may be cut over lines:
    ``02/18/2`` + ``2014``). Missing month/day come from ``fallback`` (ISO) when its
    year agrees. None when nothing date-like is there."""
    text = " ".join(_ocr_digits(p.strip()) for p in pieces if p.strip())
    if not text:
        return None
    groups = re.findall(r"\d+", text)
    if re.search(r"[A-Za-z]{3}", text):
        try:
            return dateparser.parse(text, fuzzy=True, default=_default(fallback)).date().isoformat()
        except (ValueError, OverflowError):
            pass
    if len(groups) >= 3 and len(groups[0]) == 4:
        y, m, d = groups[0], groups[1], groups[2]
    elif len(groups) >= 3:
        m, d = groups[0], groups[1]
        y = next((g for g in groups[2:] if len(g) == 4), None) or "".join(groups[2:])
    else:
        year = next((g for g in groups if len(g) == 4), None)
        if fallback and year and fallback.startswith(year):
            return fallback
        return None
    return _make_date(y, m, d)


OCR_DATE = re.compile(r"[\dOoIlSBg/.-]*\d[\dOoIlSBg/.-]*")


def _ocr_digits(text):
    """A numeric date OCR read with letters for digits (``02/18/20l4``, ``O2/I8/2014``,
    ``og/14/2023``) as digits; words (``Feb``, ``Oct.``) stay as they are."""
    return text.translate(DATE_FIXES) if OCR_DATE.fullmatch(text) and sum(c.isdigit() for c in text) >= 3 else text


def _default(fallback):
    if fallback:
        try:
            return dateparser.parse(fallback)
        except (ValueError, OverflowError):
            pass
    return None


def _make_date(y, m, d):
    y = y[-4:] if len(y) >= 4 else y
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 70 else 1900 + int(y)) if y else None
    try:
        return date(year, int(m), int(d)).isoformat()
    except (TypeError, ValueError, OverflowError):     # OverflowError: a day of 30 digits
        return None


def parse_code(text, allowed):
    """The first letter of ``text`` that is an allowed code (``A``/``D``/``I``/SEC codes);
    OCR's readings of a lone letter count as it (``0`` for ``D``, ``1`` and ``|`` for ``I``)."""
    for ch in text.upper().replace("0", "D").replace("1", "I").replace("|", "I"):
        if ch in allowed:
            return ch
    return None


def parse_transaction_code(text):
    return parse_code(text, SEC_CODES)


SWAP_SUFFIX = re.compile(r"[A-Z]\s*/\s*K\b", re.I)


def marks_equity_swap(text):
    """Whether a code cell prints the SEC stylesheet's ``/K`` for an equity swap (``J/K``)."""
    return bool(SWAP_SUFFIX.search(text))


EQUITY_SWAP = re.compile(r"\bequity\s+swaps?\b", re.I)


def names_equity_swap(title):
    """Whether a security's title names an equity swap (``Equity Swap (obligation to
    sell)``): a transaction in one involves an equity swap, whether or not its code cell
    prints the ``/K`` (text copies of the form drop it)."""
    return bool(title and EQUITY_SWAP.search(title))


OCR_ROMAN_TWO = re.compile(r"(?<![\w'’])Il(?![\w'’])")    # Tesseract's ``Fund Il``: no word, a numeral II


def clean_text(pieces):
    """Join pieces of a text value and tidy spaces; None when empty."""
    text = " ".join(" ".join(p.split()) for p in pieces if p.strip())
    text = OCR_ROMAN_TWO.sub("II", text)
    text = re.sub(r"(?<=\w-) (?=\w)", "", text)     # a word wrapped at its hyphen: ``Series C-`` + ``1``
    text = re.sub(r"\s+([,.)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    return text.strip(" |:;") or None


def place_key(name):
    """A place's name as words alone, upper case: ``British Columbia , CANADA`` ->
    ``BRITISH COLUMBIA CANADA``."""
    return " ".join(re.findall(r"[A-Z0-9']+", name.upper()))


STATES = {  # USPS code -> name, as filers and stylesheets spell states out
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
PLACES = {**STATES, **FOREIGN_STATES}     # EDGAR's state and country codes -> names
STATE_CODES = {place_key(name): code for code, name in PLACES.items()}


def state_code(text):
    """``CALIFORNIA`` -> ``CA``, ``BRITISH COLUMBIA, CANADA`` -> ``A1`` (EDGAR's codes); a
    code or anything else is kept as it stands."""
    if text is None:
        return None
    return STATE_CODES.get(place_key(text), text)
