"""Reporting owners as the pieces name them: one owner per name though the Reporting
Owners table at the form's end repeats box 1, the issuer's name read as an owner's
dropped, and an address's parts put right (a ZIP split over two lines, a city run into
the street)."""
import re
from dataclasses import replace

from .pieces import CELL_GAP, Value


NAME_WORD = re.compile(r"[^\W_]+")    # a word of a name as owners are matched
MAX_OWNER_WRAP = 3      # lines apart two parts of one such value may stand
FLAG_FIELDS = {"is_director": "is_director", "is_officer": "is_officer",
               "is_ten_percent": "is_ten_percent_owner", "is_other": "is_other"}
# what the Reporting Owners table at the form's end prints again of box 1 and 5
REPEATED = ("owner_street1", "owner_street2", "owner_city", "owner_state", "owner_zip", "officer_title")


COMPANY_WORDS = frozenset("CORP CORPORATION INC INCORPORATED CO COMPANY LTD LIMITED PLC LLC".split())


def drop_issuer_named(owners, issuer):
    """Owners named with the issuer's words only (box 2's name, which ``-layout`` prints
    beside box 1 and OCR may read into it) are no owners where another one is named; what
    else they hold goes to the owner after them, or else before them."""
    words = set(_name_key(issuer).split()) | COMPANY_WORDS if issuer else set()
    is_issuer = [bool(k) and words.issuperset(k.split()) and not COMPANY_WORDS.issuperset(k.split())
                 for k in (_name_key(o.get("owner_name")) for o in owners)]
    if not any(is_issuer) or all(is_issuer):
        return owners
    kept = [o for o, drop in zip(owners, is_issuer) if not drop]
    for i, owner in enumerate(owners):
        if is_issuer[i]:
            after = [o for o, drop in zip(owners[i:], is_issuer[i:]) if not drop]
            before = [o for o, drop in zip(owners[:i], is_issuer[:i]) if not drop]
            _hand_over(owner, (after or before[-1:])[0])
    return kept


def _hand_over(owner, to):
    """What a false owner holds but its name goes to the owner ``to``, where that lacks it."""
    for label, value in owner.items():
        if label != "owner_name":
            to.setdefault(label, value)


def issuer_above_ticker(owners, ticker, issuer_names):
    """Box 2's issuer name read as an owner's: OCR prints it on the line below box 1's
    name and above the ticker's (``Hollister Steve`` / ``CALAVO GROWERS INC`` /
    ``[CVGW]``), and the CRF may take it for a second owner. An owner after the first
    whose name ends on the line right above the ticker's is no owner (what else it holds
    goes to the owner before it); its name, with the issuer name's words on the ticker's
    line before it (``INC [AMD]``), is the issuer's name. Returns the owners and that
    name, or None."""
    if ticker is None or len(owners) < 2:
        return owners, None
    line = ticker.pieces[0].line
    for k in range(1, len(owners)):
        name = owners[k].get("owner_name")
        if name is not None and name.pieces[-1].line == line - 1:
            _hand_over(owners[k], owners[k - 1])
            tail = [p for v in issuer_names for p in v.pieces
                    if p.line == line and p.start < ticker.pieces[0].start]
            return owners[:k] + owners[k + 1:], Value(name.pieces + tail)
    return owners, None


def merge_repeated_owners(owners):
    """One owner per name: the 'Reporting Owners' table at the end of the SEC's form
    repeats box 1's owner; the repeat only fills in what the first lacks. A repeat whose
    name ran on into the cell beside it (a box's ``X``, the street: ``Hoffman Reid X``,
    ``Hollister Steve 1141-A CUMMINGS RD.``) is the same owner, and so is a name that is
    only the table's officer title, run on or alone (``Blumofe Robert EVP Platform``,
    ``Chief Accounting Officer``): the title goes to the owner that lacks one. The
    table's check marks count only for an owner box 5 checked nothing (a copy of one
    cell a line loses the table's columns, and its ``X`` reads as a director's)."""
    out, by_name = [], {}
    for owner in owners:
        key = _name_key(owner.get("owner_name"))
        first = _named_before(key, by_name)
        if first is None and out:
            first = _titled_copy(owner, key, by_name, out[-1])
        if first is not None:
            checked = first.keys() & FLAG_FIELDS.keys()
            for label, value in owner.items():
                if label == "owner_zip" and completes_zip(first.get(label), "".join(value.texts)):
                    first[label] = value
                elif not (checked and label in FLAG_FIELDS):
                    first.setdefault(label, value)
            continue
        if key:
            by_name[key] = owner
        out.append(owner)
    return out


# words that name an office, never a person or a fund
TITLE_WORDS = frozenset("PRESIDENT PRES VICE VP EVP SVP CEO CFO COO CAO CTO CIO CLO CRO CSO CHIEF "
                        "OFFICER CHAIRMAN CHAIR CONTROLLER SECRETARY TREASURER COUNSEL".split())


# words that name a firm or a fund, never an office
ENTITY_WORDS = COMPANY_WORDS | frozenset("LP LLP TRUST FUND CAPITAL PARTNERS HOLDINGS GROUP MANAGEMENT "
                                         "ADVISORS INVESTMENTS VENTURES FOUNDATION".split())


def _titled_copy(owner, key, by_name, last):
    """The owner whose copy ``owner`` is, where its name is an officer title after that
    owner's name or none (the CRF read the Reporting Owners table's Officer cell as a
    name), or else words of the last owner's title or address only; then ``owner`` holds
    the title read from its name where its first lacks one. A name opening with a
    number where neither owner holds a street is the last owner's street (the CRF read
    ``1141-A CUMMINGS RD.`` below box 1's name as a second name)."""
    words = (key or "").split()
    n = next((n for n in range(len(words) - 1, 1, -1) if " ".join(words[:n]) in by_name), 0)
    first = by_name[" ".join(words[:n])] if n else last
    rest = words[n:]
    if not rest:
        return None
    if TITLE_WORDS.intersection(rest) and not ENTITY_WORDS.intersection(rest):
        name = owner.pop("owner_name")
        if "officer_title" not in first:
            owner["officer_title"] = Value([replace(name.pieces[0], label="officer_title",
                                                    text=_after_words(" ".join(name.words()), n))])
        return first
    held = {w for label in ("officer_title", "owner_street1", "owner_street2", "owner_city")
            if label in first for w in _name_key(first[label]).split()}
    if held.issuperset(rest):
        owner.pop("owner_name")
        return first
    if not n and rest[0][0].isdigit() and "owner_street1" not in first and "owner_street1" not in owner:
        owner["owner_street1"] = Value([replace(p, label="owner_street1") for p in owner.pop("owner_name").pieces])
        return first
    return None


def _after_words(text, n):
    """``text`` after its first ``n`` words as _name_key counts them."""
    parts = text.split()
    for i in range(len(parts) + 1):
        if len(NAME_WORD.findall(" ".join(parts[:i]))) >= n:
            return " ".join(parts[i:])
    return ""


CITY_AFTER_STREET = re.compile(r"^(.*\d.*?),\s*([A-Za-z][A-Za-z .'-]*?)[\s,]*$")


def without_zip(street, zip_code):
    """A street line without the owner's ZIP ending it, its hyphen dropped or not (plain
    ``pdftotext`` runs the Reporting Owners table's ZIP onto the street: ``ONE MICROSOFT
    WAY 980526399``)."""
    if not street:
        return street
    words = street.split()
    if len(words) > 1 and words[-1].replace("-", "") == zip_code.replace("-", ""):
        return " ".join(words[:-1])
    return street


def without_repeated_tail(text):
    """Box 5's text without a repeat of its own end (pdfminer prints the officer title in
    box 5 and again in the Reporting Owners table, and both are read: ``EVP, Chief
    Financial Officer EVP, Chief Financial Officer``, ``EVP, Chief Commercial Officer
    Chief Commercial Officer``): the longest tail of two words or more, or the whole
    text before it, that the words before it end in."""
    if not text:
        return text
    words = text.split()
    keys = [" ".join(NAME_WORD.findall(w.lower())) for w in words]
    for cut in range(max(1, len(words) // 2), len(words)):
        tail = keys[cut:]
        if keys[cut - len(tail):cut] == tail and (len(tail) > 1 or cut == 1):
            return " ".join(words[:cut]).rstrip(" ,;")
    return text


CARE_OF = re.compile(r"^C[/|\\Il1J][O0Q](?=\s)")     # OCR's ``CIO``, ``C10``, ``C/0`` for ``C/O``


def care_of(street):
    """A street line opening with OCR's misreading of ``C/O`` (``CIO MICROSOFT
    CORPORATION``, ``C10 FACEBOOK``) opening with ``C/O``."""
    return CARE_OF.sub("C/O", street) if street else street


# ``C/O TIPTREE INC. 299 PARK AVENUE``: a firm's name ending in its form, then a house number
CARE_OF_THEN_NUMBER = re.compile(
    r"^(C/O\s+\S.*?(?:\b(?:INC|LLC|LP|L\.P|CORP|CORPORATION|CO|LTD|PLC)\.?|[.,]))\s+(\d+[A-Z]?\s+[A-Za-z].*)$", re.I)


def split_care_of(street1, street2):
    """Box 1's two street lines where the first holds a ``C/O`` line ending in a firm's
    form and the street after it, run together (``C/O TIPTREE INC. 299 PARK AVENUE, 13TH
    FL.``), and the second is empty: the street after the care-of line is the second."""
    found = CARE_OF_THEN_NUMBER.match(street1 or "")
    return (found[1], found[2]) if found and not street2 else (street1, street2)


GLUED_NAME_CARE_OF = re.compile(r"(?<=[a-z.])C/O$")     # scraped HTML: ``Michelle Yee Living TrustC/O``


def care_of_from_name(name, street1):
    """An owner's name and first street line where scraped HTML glued the street's
    ``C/O`` to the name's last word, and the CRF read it in the name: the ``C/O`` goes
    back to open the street line."""
    if not name or not GLUED_NAME_CARE_OF.search(name) or (street1 or "").upper().startswith("C/O"):
        return name, street1
    return GLUED_NAME_CARE_OF.sub("", name), f"C/O {street1}" if street1 else None


def unglue_cities(owners):
    """Owners' records where scraped HTML glued a street's last word to the first words
    of the city (``SUITE 210SAN`` / ``DIEGO``) and another owner's city reads whole
    (``SAN DIEGO``): those words go back to the city (fixes the records in place)."""
    cities = {o["city"] for o in owners if o["city"]}
    for owner in owners:
        street_key = "street2" if owner["street2"] else "street1"
        street, city = owner[street_key], owner["city"]
        for whole in cities if street and city else ():
            if not whole.endswith(" " + city):
                continue
            head = whole[:-len(city) - 1]
            if street.endswith(head) and street[:-len(head)][-1:].isalnum():
                owner[street_key], owner["city"] = street[:-len(head)], whole
                break
    return owners


GLUED_NUMBER = re.compile(r",(\d+[A-Z]?)$")     # scraped HTML: ``C/O SEQUOIA CAPITAL,2800`` / ``SAND HILL ROAD``


def unglue_street_numbers(owners):
    """Owners' records where scraped HTML glued the second street line's number to the
    first line's closing comma (``C/O AVENUE CAPITAL GROUP,11`` / ``WEST 42ND STREET``):
    the number goes back to the second line (fixes the records in place)."""
    for owner in owners:
        glued = GLUED_NUMBER.search(owner["street1"] or "")
        if glued and (owner["street2"] or "")[:1].isalpha():
            owner["street1"] = owner["street1"][:glued.start() + 1]
            owner["street2"] = f"{glued[1]} {owner['street2']}"
    return owners


GLUED_COUNTRY = re.compile(r"^(\d{5}(?:-\d{4})?)[A-Z]{2,}$")     # scraped HTML: ``94043UNITED`` (then ``STATES``)


ZIP_PLUS_FOUR = re.compile(r"^(\d{5})-(\d{4})$")


def completes_zip(held, text):
    """Whether ``text`` is a ZIP+4 whose head or tail alone is the ZIP ``held``: OCR and
    plain ``pdftotext`` print box 1's ``98052-6399`` over two lines, the CRF tagging one
    part; the Reporting Owners table's copy is whole."""
    whole = ZIP_PLUS_FOUR.match(text.strip())
    if held is None or whole is None:
        return False
    part = "".join(held.texts).strip()
    return part in (whole[1], whole[1] + "-", whole[2], "-" + whole[2])


def city_from_street(owner):
    """A one-line address, ``770 STONERIDGE DR., MT. PLEASANT, MI 48858``, whose city the CRF
    ran into the street: where no city was read and the state stands on the street's line,
    the words after the street's last comma are the city (fixes ``owner`` in place)."""
    street = owner.get("owner_street2") or owner.get("owner_street1")
    state = owner.get("owner_state")
    if "owner_city" in owner or street is None or state is None:
        return
    last = street.pieces[-1]
    m = CITY_AFTER_STREET.match(last.text)
    if not m or last.line != state.pieces[0].line:
        return
    street.pieces[-1] = replace(last, text=m[1], end=last.start + len(m[1]))
    city_start = last.start + m.start(2)
    owner["owner_city"] = Value([replace(last, label="owner_city", text=m[2], start=city_start,
                                         end=city_start + len(m[2]))])


def first_cell(piece):
    """A name piece cut at a gap of spaces between cells: ``pdftotext -layout`` prints
    box 1's name and box 2's issuer on one line, and the CRF may run them together
    (``THIEL PETER       Chemomab Therapeutics Ltd.``)."""
    head = CELL_GAP.split(piece.text, 1)[0]
    return replace(piece, text=head, end=piece.start + len(head)) if head and head != piece.text else piece


def repeats_box_one(owner, piece, copying):
    """Whether an address part or officer title begun again is the Reporting Owners
    table's copy (box 1's name untagged, so no new owner began), dropped rather than run
    on into the first: a part the owner holds while such a copy goes on, or one whose
    first came before other parts, more than MAX_OWNER_WRAP lines above; not a part
    carried over a line or two (``10179-`` + ``0001``, the city printed between)."""
    held = owner.get(piece.label) if piece.label in REPEATED else None
    return bool(held) and (copying or next(reversed(owner)) != piece.label and (
        piece.line - held.pieces[-1].line > MAX_OWNER_WRAP))


def _named_before(key, by_name):
    """The owner already named ``key``, or named its first words where the words after
    them are run-on cells: single letters or X's (check marks, OCR's ``xX``) or words from
    one with a digit on (an address)."""
    if not key:
        return None
    if key in by_name:
        return by_name[key]
    words = key.split()
    for n in range(len(words) - 1, 1, -1):
        rest = words[n:]
        if " ".join(words[:n]) in by_name and (all(len(w) == 1 or set(w) == {"X"} for w in rest)
                                               or any(c.isdigit() for c in rest[0])):
            return by_name[" ".join(words[:n])]
    return _glued_before(key, by_name) or _cut_before(words, by_name)


def _cut_before(words, by_name):
    """The one owner named ``words`` and one more word, no firm's (``Clements Carol`` of
    ``Clements Carol Ann``: the Reporting Owners table's copy, its last word read into
    the street), or None. ``Smith John`` is not ``Smith John Trust``."""
    if len(words) < 2:
        return None
    longer = [k for k in by_name if k.split()[:-1] == words and k.split()[-1] not in ENTITY_WORDS]
    return by_name[longer[0]] if len(longer) == 1 else None


GLUED_CELL = re.compile(r"^(?:\d|C O\b|X\b)")     # a street number, a ``C/O`` or a check mark run on
GLUED_HEADING = "OTHER"     # the Reporting Owners table's last heading, scraped with the name after it


def _glued_before(key, by_name):
    """The owner whose name ``key`` opens with no space before the next cell (scraped
    HTML: ``BOTHA ROELOFC/O EVENTBRITE, INC.``, ``OtherSchaefer Edward H1360 SOUTH ...``,
    the table's ``Other`` heading before it), or None."""
    for text in (key, key[len(GLUED_HEADING):] if key.startswith(GLUED_HEADING) else None):
        for name, owner in by_name.items() if text else ():
            if text.startswith(name) and len(text) > len(name) and GLUED_CELL.match(text[len(name):]):
                return owner
    return None


def _name_key(value):
    return " ".join(NAME_WORD.findall(" ".join(value.texts).upper())) if value else None
