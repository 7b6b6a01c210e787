"""Undo the artefacts that document converters and OCR leave in Form 4 text.

The normalised text keeps a map back to the original, so spans found in it
(and spans annotated on the original) can move between the two.
"""
import re
from dataclasses import dataclass

# Greek and Cyrillic capitals that OCR and converters put for Latin ones.
LOOKALIKES = str.maketrans({
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\f": "\n",
    "\r": "\n", "\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'",
    "\u201c": '"', "\u201d": '"', "\u2022": "-", "\u25a1": " ", "\u2610": " ",
    "\u2611": "X", "\u2612": "X", "\u2713": "X", "\u2714": "X",
})
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
ASCII_MAPPED = [chr(c) for c in LOOKALIKES if c < 128]     # "\f", "\r"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# (needle, pattern, replacement): a replacement may use the match's groups; a rule is tried
# only on text holding its needle (a regex scan costs 5-250 us a filing even where nothing
# matches; ``in`` costs about one).
CRLF = re.compile(r"\r\n")
RULES = [
    ("<", re.compile(r"<sup>\s*\(?\s*(\d{1,2})\s*\)?\s*</sup>", re.I), r" (\1)"),
    ("^", re.compile(r"\^\{?\(?(\d{1,2})\)?\}?"), r" (\1)"),
    (None, re.compile(r"[⁽]?([¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})[⁾]?"),     # None: only in text that is not ASCII
     lambda m: " (" + m.group(1).translate(SUPERSCRIPTS) + ")"),
    ("$", re.compile(r"\$\^\{\\star\}\$|\$\\star\$"), "*"),
    # ligatures a PDF's fonts keep and pdfminer, pypdfium2 pass on (``Beneﬁcially``)
    (None, re.compile("[\ufb00-\ufb06]"), lambda m: LIGATURES[m[0]]),
    ("<", re.compile(r"</?(?:b|i|u|em|strong|sup|sub|span|font|br|p|div|td|tr|th)\b[^>]*>", re.I), " "),
    ("\\", re.compile(r"\\([$*_#\[\]()&%-])"), r"\1"),
    # an amount cut after its point by a cell break: ``$3.<tab>3`` is $3.3, and a cell's
    # ``4,381.<tab>205`` is 4,381.205 where the digits end their cell (not a heading's
    # ``5.<tab>6. Date``, a note's ``1.<tab>25% of``)
    ("\t", re.compile(r"(\$ ?\d[\d,]*\.)\t+(\d)"), r"\1\2"),
    ("\t", re.compile(r"(?:^|(?<=\t))(\d[\d,]*\.)\t+(\d+)(?=\t| *\(|$)", re.M), r"\1\2"),
    # an amount cut inside a group of thousands by a cell break: ``15,8<tab>05``, ``4,0<tab>25,764``
    # (a price is no amount: ``$68,27<tab>2,353.34`` is OCR's comma for a point, then the next cell)
    ("\t", re.compile(r"(?<![\d,.$])(?<!\$ )(\d{1,3}(?:,\d{3})*,(\d{1,2}))\t+(\d{1,2})((?:,\d{3})*)(?![\d,])"),
     lambda m: m[1] + m[3] + m[4] if len(m[2]) + len(m[3]) == 3 else m[0]),
    # a header box's number glued to the value before it by HTML scraping: ``SUITE 3003. Date
    # of Earliest``, ``928064. If Amendment`` (box 3 after the street, box 4 after the ZIP),
    # ``SMITH BRADFORD L2. Issuer Name`` (box 2 after the name's last initial or its point,
    # ``ADAMS KATHERINE L.2. Issuer Name``, or after a company's state suffix: ``CORP
    # /DE/2. Issuer Name``)
    (".", re.compile(r"(?:(?<=[\dA-Za-z.])|(?<=[A-Z]/))(?=[2-6]a?\. ?(?:Issuer Name|Foreign Trading|Date of Earliest|"
                      r"If Amendment|Relationship of|Individual or))"), " "),
    # OCR's mark with its closing bracket lost, glued to the amount after it: ``(12,315,111 D``
    # is ``(1)`` and ``2,315,111`` (a table's cell: a lone letter, a number or the line's end
    # follows; an amount in a note's words, ``(15,000 shares``, is left)
    ("(", re.compile(r"\(([1-9])(\d{1,3}(?:,\d{3})+)(?![\d,)])(?=[ \t]+(?:[A-Z]\b|\d)|[ \t]*$)", re.M), r"(\1) \2"),
    # OCR's check mark glued to its box's label (``X_Director``, ``-X_ Director`` for
    # ``_X_ Director``): parted as the clean mark is
    ("X_", re.compile(r"(?<![\w-])-(?=X_)|(?<=\bX_)(?=[A-Z][a-z])"), lambda m: "_" if m[0] else " "),
    # two dates a scraper glued, cells with no break between (``03/17/202103/17/2026``)
    ("/", re.compile(r"(?<=/\d{4})(?=\d{1,2}/\d{1,2}/\d{4})"), " "),
    ("#", re.compile(r"^#{1,6}[ \t]*", re.M), ""),
    # a markdown pipe table (docling, markitdown, pandoc) as the tab-separated cells of the
    # seeds: a row ``| Common Stock | 02/18/2014 |``, its rule ``|---|:--:|`` a blank line
    ("|", re.compile(r"^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$", re.M), ""),
    ("|", re.compile(r"^\|(.*)\|[ \t]*$", re.M), lambda m: "\t".join(c.strip() for c in m[1].split("|"))),
    ("**", re.compile(r"\*\*"), ""),
    ("&", re.compile(r"&amp;"), "&"),
    ("&", re.compile(r"&nbsp;"), " "),
]


@dataclass
class Normalised:
    text: str
    offsets: list  # offsets[i]: index in the original of normalised char i; one extra at the end

    def to_original(self, start: int, end: int) -> tuple:
        """The original span of a normalised span [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def _apply(text, offsets, pattern, repl):
    out, out_offsets, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        out_offsets.extend(offsets[pos:m.start()])
        new = m.expand(repl) if isinstance(repl, str) else repl(m)
        out.append(new)
        out_offsets.extend(_replacement_offsets(m, new, offsets))
        pos = m.end()
    if not out:
        return text, offsets
    out.append(text[pos:])
    out_offsets.extend(offsets[pos:len(text)])
    return "".join(out), out_offsets


def _replacement_offsets(m, new, offsets):
    """Characters of a replacement point at the same character in the match when
    there is one (so ``<sup>(3)</sup>`` keeps ``3`` where it stood), else at its start."""
    old = m.group(0)
    result, search_from = [], 0
    for ch in new:
        i = old.find(ch, search_from)
        if i >= 0 and ch.strip():
            result.append(offsets[m.start() + i])
            search_from = i + 1
        else:
            result.append(offsets[m.start() + min(search_from, len(old) - 1)])
    return result


BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")
ADJACENT_LINES = re.compile(r"\S[^\n]*\n[ \t]*\S")     # two lines with text, one below the other
MIN_DOUBLE_SPACED_LINES = 10


def _single_space(text, offsets):
    """A double-spaced copy (a blank line after every line, as some copies and converters
    write) as it was printed: no two lines of it stand together, so each run of blank
    lines loses one."""
    if ADJACENT_LINES.search(text) or len(BLANK_RUN.findall(text)) < MIN_DOUBLE_SPACED_LINES:
        return text, offsets
    return _apply(text, offsets, BLANK_RUN, lambda m: "\n" * (m[0].count("\n") - 1))


FLUSH_LINE = re.compile(r"^[^ \n]", re.M)


def _dedent(text, offsets):
    """The text without the indent all its lines share (a quoted or indented copy): the
    features know a cell by where it stands on its line."""
    if FLUSH_LINE.search(text):     # a line with text at its start: no shared indent
        return text, offsets
    indents = [len(line) - len(line.lstrip(" ")) for line in text.split("\n") if line.strip()]
    indent = min(indents, default=0)
    if not indent:
        return text, offsets
    return _apply(text, offsets, re.compile(rf"^ {{{indent}}}", re.M), "")


def normalise(text: str) -> Normalised:
    """Text with converter markup removed and look-alike letters fixed, mapped to the original."""
    offsets = list(range(len(text)))
    if "\r\n" in text:    # before "\r" becomes a line break of its own
        text, offsets = _apply(text, offsets, CRLF, "\n")
    if not text.isascii() or any(c in text for c in ASCII_MAPPED):
        text = text.translate(LOOKALIKES)  # one char for one char: offsets unchanged
    text, offsets = _dedent(*_single_space(text, offsets))
    for needle, pattern, repl in RULES:
        if (needle in text) if needle else not text.isascii():
            text, offsets = _apply(text, offsets, pattern, repl)
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return Normalised(text, offsets)


CAPS_WORD = re.compile(r"[A-Z]{4,}")
MAX_LOWER_SHARE = 0.01      # of a text's letters, for it to count as written in capitals
LOWER, UPPER = bytes(range(ord("a"), ord("z") + 1)), bytes(range(ord("A"), ord("Z") + 1))


def _count(text, letters):
    """How many of ``letters`` (ASCII, as bytes) the text holds (bytes.translate: fast)."""
    data = text.encode("ascii", "ignore")
    return len(data) - len(data.translate(None, letters))


def case_view(text: str, words=frozenset()) -> str:
    """The text as the features should see it: in one written all in capitals (old EDGAR
    ASCII filings, some converters) the form's own ``words`` are capitalised, the case the
    models learnt them in; the filer's values (names, addresses: in capitals in most
    filings too) stay as written. Same length, so offsets and values still come from the
    text itself."""
    if _count(text, LOWER) > MAX_LOWER_SHARE * _count(text, UPPER):
        return text
    return CAPS_WORD.sub(lambda m: m[0][0] + m[0][1:].lower() if m[0].lower() in words else m[0], text)
