"""Render ownership XML as the kinds of text users paste in: markdown dumps, old EDGAR
ASCII, scraped EDGAR HTML, and a plain baseline layout.

Every renderer is ``fn(xml_path, rng) -> str``; all formatting choices (number, price,
date and footnote-mark styles, check boxes, state names, column widths) come from
``rng``, so a fixed seed reproduces the text.
"""
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from lxml import etree

from form4ml.config import shared_dir
from form4ml.html import page_root, scrape_blocks
from form4ml.xml_record import ROW_XML, TABLE_XML, read_record

from .render_html import sec_html

# Containers whose footnote marks EDGAR prints beside a given record value.
_CONTAINER_KEY = {"transactionCoding": "transaction_code", "transactionTimeliness": "transaction_code",
                  "transactionAmounts": "shares", "postTransactionAmounts": "shares_owned_following",
                  "ownershipNature": "direct_or_indirect", "underlyingSecurity": "underlying_security_title"}
_TAG_KEY = {**{t: k for k, tags in ROW_XML.items() for t in tags}, **_CONTAINER_KEY}

T1_HEAD = ("1. Title of Security (Instr. 3)", "2. Transaction Date (Month/Day/Year)",
           "2A. Deemed Execution Date, if any (Month/Day/Year)", "3. Transaction Code (Instr. 8) Code",
           "V", "4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) Amount",
           "(A) or (D)", "Price",
           "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)",
           "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
           "7. Nature of Indirect Beneficial Ownership (Instr. 4)")
T2_HEAD = ("1. Title of Derivative Security (Instr. 3)",
           "2. Conversion or Exercise Price of Derivative Security",
           "3. Transaction Date (Month/Day/Year)", "3A. Deemed Execution Date, if any (Month/Day/Year)",
           "4. Transaction Code (Instr. 8) Code", "V",
           "5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5) (A)",
           "(D)", "6. Date Exercisable and Expiration Date (Month/Day/Year) Date Exercisable",
           "Expiration Date", "7. Title and Amount of Securities Underlying Derivative Security "
           "(Instr. 3 and 4) Title", "Amount or Number of Shares",
           "8. Price of Derivative Security (Instr. 5)",
           "9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)",
           "10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
           "11. Nature of Indirect Beneficial Ownership (Instr. 4)")
T1_TITLE = "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned"
T2_TITLE = ("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned "
            "(e.g., puts, calls, warrants, options, convertible securities)")
FORM_TOP = ("FORM 4", "UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549",
            "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
            "Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or "
            "Section 30(h) of the Investment Company Act of 1940")
REMINDER = ("Reminder: Report on a separate line for each class of securities beneficially "
            "owned directly or indirectly.")
MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


@dataclass
class Style:
    """Per-filing formatting choices, drawn from rng."""
    number: str
    price: str
    date: str
    mark: str
    check: tuple
    state_name: bool
    empty: str

    @classmethod
    def draw(cls, rng, marks=("paren", "bracket", "sup", "bare"), empties=("", "", "", "N/A", "-")):
        return cls(number=rng.choice(("comma", "comma", "plain", "decimals")),
                   price=rng.choice(("dollar", "dollar", "dollar_space", "four", "bare")),
                   date=rng.choice(("mdY", "mdY", "short", "iso", "long")),
                   mark=rng.choice(marks),
                   check=rng.choice((("X", ""), ("[X]", "[ ]"), ("__X__", "_____"), ("X", "_"))),
                   state_name=rng.random() < 0.3, empty=rng.choice(empties))


def fmt_number(x, style):
    if x is None:
        return ""
    if style.number == "plain":
        return str(x)
    if style.number == "decimals" and (isinstance(x, int) or round(x, 2) == x):
        return f"{x:,.2f}"
    return f"{x:,}"


def fmt_price(x, style):
    if x is None:
        return ""
    s = f"{x:.4f}" if style.price == "four" and round(x, 4) == x else f"{x:,}"
    return {"dollar": "$", "dollar_space": "$ "}.get(style.price, "") + s


def fmt_date(iso, style):
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return {"mdY": f"{d:%m/%d/%Y}", "short": f"{d.month}/{d.day}/{d:%y}", "iso": iso,
            "long": f"{MONTHS[d.month - 1]} {d.day}, {d.year}"}[style.date]


def fmt_marks(ids, style):
    """Footnote marks for ids like ["F1", "F2"] in the filing's mark style."""
    nums = [re.sub(r"^F", "", i) for i in ids]
    if not nums:
        return ""
    return {"paren": "".join(f"({n})" for n in nums), "bracket": "".join(f"[F{n}]" for n in nums),
            "sup": "".join(f"<sup>({n})</sup>" for n in nums), "bare": " " + ",".join(nums)}[style.mark]


@lru_cache(maxsize=1)
def state_names():
    """State code -> full name, as EDGAR's stylesheet spells it."""
    path = shared_dir() / "corpus" / "sec-ownership-spec" / "stylesheets" / "State_Codes.xsl"
    if not path.is_file():
        return {}
    return {c: n.strip() for c, n in re.findall(r"\$stateCode='(\w+)'\">\s*([^<]+?)\s*<", path.read_text())}


def row_marks(xml_path):
    """Per table, per row: record key -> footnote ids printed beside that value."""
    root = etree.parse(str(xml_path)).getroot()
    out = {}
    for table, (parent, tag) in TABLE_XML.items():
        out[table] = [_marks_of(row) for row in root.iterfind(f"{parent}/{tag}")]
    return out


def _marks_of(row):
    marks = {}
    for fn in row.iter("footnoteId"):
        el = fn.getparent()
        while el is not row and el.tag not in _TAG_KEY:
            el = el.getparent()
        key = _TAG_KEY.get(el.tag, "security_title")
        marks.setdefault(key, [])
        if fn.get("id") not in marks[key]:
            marks[key].append(fn.get("id"))
    return marks


class Filing:
    """A record with its values formatted as cells, in one rng-drawn style."""

    def __init__(self, xml_path, rng, **style_opts):
        self.record = read_record(xml_path)
        self.marks = row_marks(xml_path)
        self.style = Style.draw(rng, **style_opts)

    def cell(self, table, i, row, key):
        v, s = row.get(key), self.style
        if key in ("shares", "shares_owned_following", "underlying_shares"):
            text = fmt_number(v, s)
        elif key in ("price_per_share", "conversion_or_exercise_price"):
            text = fmt_price(v, s)
        elif key.endswith("_date"):
            text = fmt_date(v, s) or (s.empty if key == "deemed_execution_date" else "")
        elif key == "equity_swap_involved":
            text = "V" if v else ""
        else:
            text = v or ""
        return text + fmt_marks(self.marks[table][i].get(key, []), s)

    def table1(self):
        """Table I rows (transactions then holdings) as 11 cells each."""
        rows = []
        for table in ("non_derivative_transactions", "non_derivative_holdings"):
            for i, row in enumerate(self.record[table]):
                c = {k: self.cell(table, i, row, k) for k in row if k != "footnote_ids"}
                rows.append([c["security_title"], c.get("transaction_date", ""),
                             c.get("deemed_execution_date", ""), c.get("transaction_code", ""),
                             c.get("equity_swap_involved", ""), c.get("shares", ""),
                             c.get("acquired_disposed", ""), c.get("price_per_share", ""),
                             c["shares_owned_following"], c["direct_or_indirect"],
                             c["nature_of_ownership"]])
        return rows

    def table2(self):
        """Table II rows (transactions then holdings) as 16 cells each."""
        rows = []
        for table in ("derivative_transactions", "derivative_holdings"):
            for i, row in enumerate(self.record[table]):
                c = {k: self.cell(table, i, row, k) for k in row if k != "footnote_ids"}
                shares, ad = c.get("shares", ""), row.get("acquired_disposed")
                rows.append([c["security_title"], c["conversion_or_exercise_price"],
                             c.get("transaction_date", ""), c.get("deemed_execution_date", ""),
                             c.get("transaction_code", ""), c.get("equity_swap_involved", ""),
                             shares if ad != "D" else "", shares if ad == "D" else "",
                             c["exercise_date"], c["expiration_date"], c["underlying_security_title"],
                             c["underlying_shares"], c.get("price_per_share", ""),
                             c["shares_owned_following"], c["direct_or_indirect"],
                             c["nature_of_ownership"]])
        return rows

    def state(self, owner):
        code = owner["state"] or ""
        return state_names().get(code, code) if self.style.state_name else code

    def boxes(self, owner):
        """Relationship check boxes of box 5 as (label, mark) pairs."""
        on, off = self.style.check
        return [(label, on if owner[key] else off) for key, label in (
            ("is_director", "Director"), ("is_ten_percent_owner", "10% Owner"),
            ("is_officer", "Officer (give title below)"), ("is_other", "Other (specify below)"))]

    def joint(self):
        on, off = self.style.check
        one = len(self.record["reporting_owners"]) <= 1
        return [f"{on if one else off} Form filed by One Reporting Person",
                f"{off if one else on} Form filed by More than One Reporting Person"]

    def footnotes(self, fmt):
        return [fmt.format(n=re.sub(r"^F", "", f["id"]), id=f["id"], text=f["text"])
                for f in self.record["footnotes"]]

    def date(self, iso):
        return fmt_date(iso, self.style)

    def issuer_line(self):
        iss = self.record["issuer"]
        return f"{iss['name'] or ''} [ {iss['trading_symbol'] or ''} ]"


# ---------------------------------------------------------------- markdown

def _md_split(label, rng):
    """A header label, sometimes broken over two cells at a word boundary."""
    words = label.split()
    if len(words) < 4 or rng.random() < 0.5:
        return [label]
    cut = rng.randrange(1, len(words))
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def _md_escape(s):
    return s.replace("$", r"\$").replace("*", r"\*")


def _md_owner_box(f, owner):
    return "  ".join(x for x in (
        "1. Name and Address of Reporting Person*", owner["name"] or "", "(Last) (First) (Middle)",
        owner["street1"] or "", owner["street2"] or "", "(Street)",
        " ".join(x for x in (owner["city"], f.state(owner), owner["zip_code"]) if x),
        "(City) (State) (Zip)") if x)


def _md_header(f, rng):
    r, owner = f.record, f.record["reporting_owners"][0] if f.record["reporting_owners"] else None
    issuer = (f"2. Issuer Name and Ticker or Trading Symbol {f.issuer_line()}  "
              f"3. Date of Earliest Transaction (Month/Day/Year) {f.date(r['period_of_report'])}  "
              f"4. If Amendment, Date of Original Filed (Month/Day/Year) "
              f"{f.date(r['date_of_original_submission'])}")
    rel = "5. Relationship of Reporting Person(s) to Issuer (Check all applicable)"
    if owner:
        rel += "  " + "  ".join(f"{m} {label}".strip() for label, m in f.boxes(owner))
        rel += "  " + " ".join(x for x in (owner["officer_title"], owner["other_text"]) if x)
    rel += "  6. Individual or Joint/Group Filing (Check Applicable Line)  " + "  ".join(f.joint())
    owner_box = _md_owner_box(f, owner) if owner else ""
    gap = "\t" * rng.randint(1, 4)
    return [gap.join((owner_box, issuer, rel))]


def _md_table(head, rows, rng, bold):
    cells = [c for h in head for c in _md_split(h, rng)]
    lines = ["\t".join(cells)]
    for row in rows:
        cells = [_md_escape(c) for c in row]
        if bold and cells[0]:
            cells[0] = f"<b>{cells[0]}</b>" if rng.random() < 0.2 else cells[0]
        lines.append("\t".join(cells) + "\t" * rng.randint(0, 2))
    return lines


def render_markdown(xml_path, rng):
    """A PDF-to-markdown converter dump: ``##`` headings, tab-separated cells, ``\\$``."""
    f = Filing(xml_path, rng, marks=("paren", "sup", "sup"))
    r = f.record
    out = ["SEC Form 4\t", "", "FORM 4", "", "## " + FORM_TOP[1], "", FORM_TOP[2], "",
           FORM_TOP[3], "", FORM_TOP[4], ""]
    out += _md_header(f, rng) + [""]
    out += [T1_TITLE, ""] + _md_table(T1_HEAD, f.table1(), rng, True) + [""]
    out += [T2_TITLE, ""] + _md_table(T2_HEAD, f.table2(), rng, True) + [""]
    out += _other_owners(f, "\t") + ["## Explanation of Responses:", ""]
    bullet = rng.choice(("{n}. {text}", "- {n}. {text}", "({n}) {text}"))
    out += [_md_escape(x) for fn in f.footnotes(bullet) for x in (fn, "")]
    out += [rng.choice(("## Remarks:", "## **Remarks:**")), ""]
    out += [_md_escape(r["remarks"]), ""] if r["remarks"] else []
    for sig in r["signatures"]:
        out += [_md_escape(sig["name"] or ""), "", r"\*\* Signature of Reporting Person", "",
                f.date(sig["date"]), "", "Date", ""]
    out += [REMINDER]
    return "\n".join(out) + "\n"


def _other_owners(f, sep):
    """Owners beyond the first, listed as EDGAR's 'Reporting Owners' table does."""
    owners = f.record["reporting_owners"][1:]
    if not owners:
        return []
    lines = ["Reporting Owners", sep.join(("Reporting Owner Name / Address", "Director",
                                             "10% Owner", "Officer", "Other"))]
    for o in owners:
        addr = " ".join(x for x in (o["name"], o["street1"], o["street2"], o["city"],
                                    f.state(o), o["zip_code"]) if x)
        flags = ["X" if o[k] else "" for k in ("is_director", "is_ten_percent_owner")]
        flags += [o["officer_title"] or ("X" if o["is_officer"] else ""),
                  o["other_text"] or ("X" if o["is_other"] else "")]
        lines.append(sep.join([addr] + flags))
    return lines + [""]


# ---------------------------------------------------------------- ascii

def _wrap_row(cells, widths):
    """Cells wrapped to their column widths; long words (dates, numbers) are cut."""
    return [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=False) or [""]
            for c, w in zip(cells, widths)]


def _longest_word(label):
    return max(len(w) for w in label.split())


def _ascii_table(title, head, rows, rng):
    widths = [rng.randint(14, 22)] + [max(rng.randint(5, 12), min(12, _longest_word(h)))
                                      for h in head[1:]]
    sep = rng.choice((" ", "  ", "|"))
    out = ["<TABLE>", "<CAPTION>", title.upper(), "</CAPTION>",
           sep.join("<S>".ljust(widths[0]) if i == 0 else "<C>".ljust(w) for i, w in enumerate(widths))]
    for n, cells in enumerate([list(head), *rows]):
        wrapped = _wrap_row(cells, widths)
        for k in range(max(map(len, wrapped))):
            line = sep.join((col[k] if k < len(col) else "").ljust(w) for col, w in zip(wrapped, widths))
            out.append(line.rstrip())
        out.append("-" * min(sum(widths), 130) if n == 0 or rng.random() < 0.3 else "")
    return out + ["</TABLE>", ""]


def render_ascii(xml_path, rng):
    """Pre-2003 EDGAR ASCII: labelled boxes, ``<TABLE>`` blocks of fixed-width columns."""
    f = Filing(xml_path, rng, marks=("paren", "paren", "bracket", "bare"))
    r, ind = f.record, " " * rng.randint(2, 6)
    out = ["<DOCUMENT>", "<TYPE>" + r["document_type"], "<TEXT>", ""]
    out += [x.center(78).rstrip() for x in FORM_TOP[:4]] + [""]
    for n, owner in enumerate(r["reporting_owners"]):
        out += [f"1. Name and Address of Reporting Person{'' if n == 0 else ' (continued)'}",
                ind + (owner["name"] or "")]
        out += [ind + x for x in (owner["street1"], owner["street2"]) if x]
        out += [ind + f"{owner['city'] or ''}, {f.state(owner)}  {owner['zip_code'] or ''}", ""]
        out += ["5. Relationship of Reporting Person to Issuer (Check all applicable)"]
        out += [f"{ind}{(m or '( )').ljust(5)} {label}" for label, m in f.boxes(owner)]
        out += [ind + x for x in (owner["officer_title"], owner["other_text"]) if x] + [""]
    out += ["2. Issuer Name and Ticker or Trading Symbol", ind + f.issuer_line(), "",
            "3. Date of Earliest Transaction (Month/Day/Year)", ind + f.date(r["period_of_report"]), "",
            "4. If Amendment, Date of Original (Month/Day/Year)",
            ind + f.date(r["date_of_original_submission"]), "",
            "6. Individual or Joint/Group Filing"] + [ind + x for x in f.joint()] + [""]
    out += _ascii_table(T1_TITLE, T1_HEAD, f.table1(), rng)
    out += _ascii_table(T2_TITLE, T2_HEAD, f.table2(), rng)
    out += ["Explanation of Responses:", ""]
    for fn in f.footnotes(rng.choice(("({n}) {text}", "{n}. {text}", "[{id}] {text}"))):
        out += textwrap.wrap(fn, rng.randint(70, 90), subsequent_indent=" " * rng.choice((0, 4))) + [""]
    if r["remarks"]:
        out += ["Remarks:"] + textwrap.wrap(r["remarks"], 78) + [""]
    for sig in r["signatures"]:
        out += [f"{ind}{sig['name'] or ''}".ljust(48) + "  " + f.date(sig["date"]),   # a long name pushes the date on
                f"{ind}** Signature of Reporting Person".ljust(50) + "Date", ""]
    return "\n".join(out + ["</TEXT>", "</DOCUMENT>"]) + "\n"


# ---------------------------------------------------------------- html_text

def _scrape_nodes(root):
    """Every text node on its own line (``get_text("\\n", strip=True)``)."""
    return "\n".join(t for t in (" ".join(s.split()) for s in root.itertext()) if t)


def _scrape_flat(root):
    """lxml ``text_content()``, blank runs squeezed."""
    return re.sub(r"\n\s*\n+", "\n", root.text_content()).strip()


def render_html_text(xml_path, rng):
    """EDGAR's HTML view of the filing, scraped to text in one of a few common ways."""
    root = page_root(sec_html(xml_path))
    kind = rng.choice(("blocks_tab", "blocks_space", "nodes", "flat"))
    if kind == "nodes":
        return _scrape_nodes(root) + "\n"
    if kind == "flat":
        return _scrape_flat(root) + "\n"
    return scrape_blocks(root, "\t" if kind == "blocks_tab" else " ") + "\n"


# ---------------------------------------------------------------- plain

def render_plain(xml_path, rng):
    """A clean labelled layout: header boxes as lines, one table row per line."""
    f = Filing(xml_path, rng, empties=("",))
    r, sep = f.record, rng.choice((" | ", "\t", "; "))
    out = ["FORM 4 - STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP", ""]
    for owner in r["reporting_owners"]:
        addr = ", ".join(x for x in (owner["street1"], owner["street2"], owner["city"]) if x)
        out += [f"Reporting Person: {owner['name'] or ''}",
                f"Address: {addr}, {f.state(owner)} {owner['zip_code'] or ''}",
                "Relationship: " + ", ".join(f"{label} {m}".strip() for label, m in f.boxes(owner)),
                f"Officer Title: {owner['officer_title'] or ''}"]
        out += [f"Other: {owner['other_text']}"] if owner["other_text"] else []
    out += [f"Issuer Name and Ticker: {f.issuer_line()}",
            f"Date of Earliest Transaction: {f.date(r['period_of_report'])}",
            f"Date Original Filed: {f.date(r['date_of_original_submission'])}", ""]
    short1 = ("Title", "Date", "Deemed Date", "Code", "V", "Amount", "A/D", "Price", "Owned After",
              "D/I", "Nature")
    short2 = ("Title", "Exercise Price", "Date", "Deemed Date", "Code", "V", "(A)", "(D)",
              "Exercisable", "Expiration", "Underlying", "Underlying Shares", "Price",
              "Owned After", "D/I", "Nature")
    for title, head, rows in ((T1_TITLE, short1, f.table1()), (T2_TITLE, short2, f.table2())):
        out += [title, sep.join(head)] + [sep.join(row) for row in rows] + [""]
    out += ["Explanation of Responses:"] + f.footnotes("({n}) {text}") + [""]
    out += [f"Remarks: {r['remarks'] or ''}", ""]
    out += [f"Signature: {s['name'] or ''}  Date: {f.date(s['date'])}" for s in r["signatures"]]
    return "\n".join(out) + "\n"


RENDERERS = {"markdown": render_markdown, "ascii": render_ascii,
             "html_text": render_html_text, "plain": render_plain}
