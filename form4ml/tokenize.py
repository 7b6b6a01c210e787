"""Split normalised Form 4 text into lines and tokens.

A spaCy tokenizer (``spacy.blank("en")``) with rules of ours: amounts such as
``25,893`` and ``3.1700``, dates such as ``02/18/2014`` stay whole; footnote
marks ``(1)`` and ``[F3]`` are one token and come off the value they stick to
(``301,097(1)`` -> ``301,097`` ``(1)``, a mark cut before its bracket too: ``(1``);
``$`` comes off a price; cells that
HTML scraping glued together come apart where the case or a box number shows it
(``SymbolMICROSOFT``, ``Amy2.``, ``1.The``, ``(Middle)7 WORLD``, ``CENTER250``) or where
an address's second line opens on a word that opens such lines (``CORPORATIONONE``,
``AVESUITE``: ``<br>`` dropped between them), and so
do cells that OCR glued with a table rule read as a bracket (``96,000,000}A``, ``23.34]96``).
"""
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

STREET_ENDS = ("CORPORATION", "CORP.", "CORP", "INC.", "INC", "LLC", "L.L.C.", "LTD.", "LTD", "CO.",
               "COMPANY", "L.P.", "LP", "AVE", "AVE.", "AVENUE", "STREET", "ST.", "BOULEVARD",
               "BLVD.", "BLVD", "ROAD", "RD.", "DRIVE", "DR.", "WAY", "PARKWAY", "PKWY", "PLAZA",
               "CENTER", "CENTRE", "TOWER", "PLACE", "LANE", "COURT", "SQUARE", "HIGHWAY", "FLOOR")
STREET_OPENERS = ("SUITE", "STE", "ONE", "TWO", "THREE", "FOUR", "FIVE", "FLOOR", "UNIT", "APT",
                  "ROOM", "BUILDING", "BLDG", "P.O.", "PO", "C/O", "ATTN", "M/C")
GLUED_STREET = ("(?i:" + "|".join(f"(?<={re.escape(w)})" for w in STREET_ENDS) + r"|(?<=\d))"
                + "(?=(?i:" + "|".join(re.escape(w) for w in STREET_OPENERS) + r")\b)")
FOOTNOTE_MARK = r"(?:\(\d{1,2}\)|\[F\d{1,2}\])"
TOKEN_MATCH = re.compile(rf"^(?:{FOOTNOTE_MARK}|\d[\d,.]*\d|\d{{1,4}}(?:[/-]\d{{1,4}}){{1,2}}/?)$")
SUFFIXES = [FOOTNOTE_MARK, r"[,;:.]", r"\)", r"\]", r"\*+", r"\|", r"%", r"[{}\[]"]
PREFIXES = [FOOTNOTE_MARK, r"\$", r"\(", r"\[", r"\*+", r"\|", r'"', r"_+", r"[{}\]]"]
INFIXES = [r"(?<=\d)(?=\(\d{1,2}\))", r"(?<=\d)(?=\[F\d)", r"\|",
           # a mark glued to a word or a mark, the last cut by its cell: "L.P.[F2][F" / "3]"
           r"(?<=[A-Za-z.\]])(?=\[F\d{0,2}(?:\]|$))",
           # a mark a fixed-width cell cut before its closing bracket: "1056.3180(1" / ")"
           r"(?<=\d)(?=\(\d{1,2}(?:\||$))", r"(?<=\d)(?=\[F(?:\||$))",
           r"_{2,}", r"(?<=[a-z0-9])\((?=\d{1,2}\))",
           # cells glued by HTML scraping: "SymbolMICROSOFT", "Amy2." (box 2), "1.The", ":1."
           r"(?<=[a-z])(?=[A-Z]{2})", r"(?<=[A-Za-z]{2})(?=[1-7]$)", r"(?<=\d)\.(?=[A-Z][a-z])",
           # box 2's label glued to the issuer's name: "SymbolFacebook Inc", "Symbol10x Genomics"
           r"(?<=Symbol)(?=[A-Z0-9])",
           r"(?<=[a-z]):(?=\d)",
           # "below)(Last)(First)(Middle)7 WORLD TRADE CENTER250 GREENWICH", "INC.1601"
           r"(?<=[a-z)])(?=\()", r"(?<=\))(?=[A-Za-z0-9])", r"(?<=[A-Z]{2})(?=\d{2})",
           r"(?<=[A-Za-z]{2}\.)(?=\d)",
           # an address's second line glued to its first: "CORPORATIONONE", "AVESUITE", "115UNIT"
           GLUED_STREET,
           # footnotes run together on one line: "Rivendell.(2)Represents", "issuance.Note"
           r"(?<=[.;:,])(?=\(\d{1,2}\))", r"(?<=[a-z]{2}\.)(?=[A-Z][a-z])",
           # table rules that OCR reads as brackets between cells: "96,000,000}A", "23.34]96,000"
           r"(?<=\d)(?<!F\d)(?<!F\d\d)[\]{}](?=[\w$])", r"(?<=\w)[\[{}](?=[\d$])",
           # a mark's closing bracket left between two amounts: "175.2414)565"
           r"(?<=\d)(?<!\(\d)(?<!\(\d\d)\)(?=\d)"]


@dataclass(slots=True)     # not frozen: a frozen dataclass is four times slower to make
class Token:
    text: str
    start: int   # offset in the normalised text
    end: int
    line: int    # line index
    col: int     # character column within its line
    cell: int    # tab-separated cell index within its line


class Tokens(list):
    """A text's tokens in text order, with each line's run of them worked out once: the
    tag repairs ask for a zone's lines some fifteen times a text."""

    @cached_property
    def line_runs(self):
        """{line: range of the indices of its tokens}, for the lines that have tokens."""
        runs, lo = {}, 0
        for i in range(1, len(self) + 1):
            if i == len(self) or self[i].line != self[lo].line:
                runs[self[lo].line] = range(lo, i)
                lo = i
        return runs


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("en")
    tok = nlp.tokenizer
    tok.prefix_search = compile_prefix_regex(PREFIXES).search
    tok.suffix_search = compile_suffix_regex(SUFFIXES).search
    tok.infix_finditer = compile_infix_regex(INFIXES).finditer
    tok.token_match = TOKEN_MATCH.match
    tok.url_match = None
    tok.rules = {}
    return tok


def line_starts(text: str) -> list:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def tokenize(text: str) -> Tokens:
    """Tokens of the text, whitespace dropped, each knowing its line, column and cell.

    spaCy keeps whitespace runs as tokens of their own, so the newlines and tabs that
    move the line and cell all sit in the whitespace tokens skipped here."""
    tokens = Tokens()
    line = cell = line_start = 0
    starts, lengths = _tokenizer()(text).to_array(["IDX", "LENGTH"]).T.tolist()
    for idx, length in zip(starts, lengths):
        piece = text[idx:idx + length]
        if not piece.isspace():
            tokens.append(Token(piece, idx, idx + length, line, idx - line_start, cell))
        elif "\n" in piece:
            line += piece.count("\n")
            line_start = idx + piece.rindex("\n") + 1
            cell = piece.count("\t", line_start - idx)
        else:
            cell += piece.count("\t")
    return tokens
