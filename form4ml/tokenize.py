"""Split normalised Form 4 text into lines and tokens.

A spaCy tokenizer (``spacy.blank("en")``) with rules of ours: amounts such as
``25,893`` and ``3.1700``, dates such as ``02/18/2014`` stay whole; footnote
marks ``(1)`` and ``[F3]`` are one token and come off the value they stick to
(``301,097(1)`` -> ``301,097`` ``(1)``); ``$`` comes off a price.
"""
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

FOOTNOTE_MARK = r"(?:\(\d{1,2}\)|\[F\d{1,2}\])"
TOKEN_MATCH = re.compile(rf"^(?:{FOOTNOTE_MARK}|\d[\d,.]*\d|\d{{1,4}}(?:[/-]\d{{1,4}}){{1,2}}/?)$")
SUFFIXES = [FOOTNOTE_MARK, r"[,;:.]", r"\)", r"\]", r"\*+", r"\|", r"%"]
PREFIXES = [FOOTNOTE_MARK, r"\$", r"\(", r"\[", r"\*+", r"\|", r'"', r"_+"]
INFIXES = [r"(?<=\d)(?=\(\d{1,2}\))", r"(?<=\d)(?=\[F\d)", r"\|",
           r"_{2,}", r"(?<=[a-z0-9])\((?=\d{1,2}\))"]


@dataclass(frozen=True)
class Token:
    text: str
    start: int   # offset in the normalised text
    end: int
    line: int    # line index
    col: int     # character column within its line
    cell: int    # tab-separated cell index within its line


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


def tokenize(text: str) -> list:
    """Tokens of the text, whitespace dropped, each knowing its line, column and cell."""
    starts = line_starts(text)
    tokens = []
    for t in _tokenizer()(text):
        if t.is_space or not t.text.strip():
            continue
        line = bisect_right(starts, t.idx) - 1
        col = t.idx - starts[line]
        cell = text.count("\t", starts[line], t.idx)
        tokens.append(Token(t.text, t.idx, t.idx + len(t.text), line, col, cell))
    return tokens
