"""OCR's misread words in a record's free text, mended by spelling.

OCR reads a footnote's ``shares`` as ``shates`` and ``entitled`` as ``entitied``: the
value is then wrong as a whole. A lower-case word that is neither English (the
``pyspellchecker`` word list) nor a word of the training filings' free text, one edit
from one that is, is read as the closest such word, the filings' own words first
(``shates`` is ``shares``, not ``states``); OCR's merged or split glyphs count as one
edit (``restncted``, ``Attomey``), a stray accent as none (``statemént``). A
capitalised word is mended only to a filings' word (``Attorey`` is ``Attorney``): names
are unknown words that are right. A Roman numeral whose I's OCR read as ``l``, ``1``,
``|`` or ``!`` (``Fund Ill``, ``Fund II!``) is read with I's. Signers' names are mended
too. Clean text has its own odd words (a filer's ``footnot``, EDGAR ASCII's ``irrev-`` /
``ocable``), so only a text that reads like OCR (``OCR_TYPOS`` distinct unknown words one
edit from a known one at least) is mended. What OCR makes of specks and lost marks
between a security title's words (``Restricted Stock qa Units``) goes on every page.
"""
import re
import unicodedata
from collections import Counter
from functools import cached_property

from spellchecker import SpellChecker

from .record import TABLES

WORD = re.compile(r"(?<![^\W\d_]|')[A-Za-z][a-z]{3,}(?![^\W\d_]|')")     # not part of a longer word (``attorneéy``)
FREE_TEXT_KEYS = ("security_title", "underlying_security_title", "nature_of_ownership")
OCR_TYPOS = 4     # distinct mendable words from which a text reads as OCR (clean text: three at most)
MIN_WORD_COUNT = 2       # filings' words kept in a model's word list: at least this many uses
CANDIDATE_CACHE = 100_000    # unknown words whose candidates a speller keeps


# (read, printed): Tesseract's merged or split glyphs (``restncted``, ``reporung``, ``Auorney``)
GLYPH_MISREADINGS = (("m", "rn"), ("rn", "m"), ("d", "cl"), ("h", "li"), ("w", "vv"), ("n", "ri"), ("u", "ti"),
                     ("u", "tt"))
# a word with a letter OCR gave a stray accent (``attorneéy``, ``statemént``)
ACCENTED_WORD = re.compile(r"(?<![^\W\d_]|')[A-Za-z]*[^\W\d_a-zA-Z][A-Za-z]+(?![^\W\d_]|')")


TITLE_KEYS = ("security_title", "underlying_security_title")
SPECK = re.compile(r"[(\[{][)\]}]|\d\)")     # an empty bracket, a mark's digit and closing bracket


# a Roman numeral's I's read as l, | or ! (``Fund Ill``, ``Fund II!``): no word of its own
ROMAN_GLYPHS = re.compile(r"(?<![^\W\d_]|['|!])(?=[Il|!1]*[Il])[Il|!1]{2,3}(?![^\W\d_]|[|!])")


NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]")


def plain_letters(word):
    """``word`` with its accented letters read as their plain letters (``é`` -> ``e``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def glyph_readings(word):
    """``word`` with one of OCR's glyph misreadings undone (``Attomey`` -> ``Attorney``)."""
    return {word[:k] + printed + word[k + len(read):] for read, printed in GLYPH_MISREADINGS
            for k in range(len(word)) if word.startswith(read, k)}


def free_text_slots(record, signers=False):
    """(holder, key) of each free-text value the record holds: footnotes, remarks, titles
    and natures, and with ``signers`` the signers' names."""
    slots = [(note, "text") for note in record.get("footnotes", [])] + [(record, "remarks")]
    slots += [(row, key) for table in TABLES for row in record.get(table, []) for key in FREE_TEXT_KEYS]
    if signers:
        slots += [(signature, "name") for signature in record.get("signatures", [])]
    return [(holder, key) for holder, key in slots if holder.get(key)]


def free_texts(record):
    """The record's free-text values: footnotes, remarks, titles and natures."""
    return [holder[key] for holder, key in free_text_slots(record)]


def word_counts(records):
    """Lower-case words of the records' free text with their counts, the rare left out."""
    counts = Counter(w.lower() for record in records for text in free_texts(record)
                     for w in re.findall(r"[A-Za-z]+", text))
    return {w: n for w, n in sorted(counts.items()) if n >= MIN_WORD_COUNT}


class Speller:
    """Mends OCR's misread words, preferring the filings' words (``word_counts``)."""

    def __init__(self, filing_words):
        self.filing_words = filing_words
        self._candidates = {}   # word -> its candidates: the OCR test and the mending both ask

    @cached_property
    def english(self):
        return SpellChecker(distance=1)

    def known(self, word):
        return word in self.filing_words or word in self.english

    def mended(self, word):
        """The word, or the known word one edit (or one misread glyph) from it if it is
        unknown: a filings' word before an English one, and for a capitalised word only a
        filings' word, its capital kept."""
        low = word.lower()
        if self.known(low):
            return word
        found = self.candidates(low)
        ours = [c for c in found if c in self.filing_words]
        if ours:
            best = max(ours, key=lambda c: (self.filing_words[c], c))
        elif found and word.islower():
            best = max(found, key=lambda c: (self.english.word_usage_frequency(c), c))
        else:
            return word
        return best.capitalize() if word[0].isupper() else best

    def candidates(self, word):
        """Known words one edit from ``word`` or one of OCR's glyph misreadings away, or
        filings' words one misread glyph and one edit away (``atomey``: ``attorney``)."""
        if word not in self._candidates:
            if len(self._candidates) >= CANDIDATE_CACHE:   # a long batch's OCR garbage: start afresh
                self._candidates.clear()
            found = {c for c in self.english.candidates(word) or () if c != word}
            glyphs = glyph_readings(word)
            found |= {g for g in glyphs if self.known(g)}
            if not found & self.filing_words.keys():
                found |= {c for g in glyphs for c in self.english.edit_distance_1(g) if c in self.filing_words}
            self._candidates[word] = found
        return self._candidates[word]

    def reads_as_ocr(self, text):
        typos = {w for w in WORD.findall(text) if w.islower() and not self.known(w) and self.candidates(w)}
        return len(typos) >= OCR_TYPOS

    def mend_text(self, text):
        text = ACCENTED_WORD.sub(lambda m: self.unaccented(m.group(0)), text)
        return ROMAN_GLYPHS.sub(lambda m: "I" * len(m.group(0)), WORD.sub(lambda m: self.mended(m.group(0)), text))

    def unaccented(self, word):
        """The word with its accented letter read plain or dropped, where that makes or
        mends to a known word (a capitalised word: a filings' word; ``Renée`` stays)."""
        known = self.known if word.islower() else self.filing_words.__contains__
        for plain in (plain_letters(word), NOT_ASCII_LETTER.sub("", word)):
            mended = self.mended(plain)
            if known(mended.lower()):
                return mended
        return word

    def mend_record(self, record, text):
        """The record's free text mended in place where ``text`` (what it was read
        from) reads as OCR."""
        for holder, key in free_text_slots(record):
            if key in TITLE_KEYS:
                holder[key] = self.without_specks(holder[key])
        if not self.filing_words or not self.reads_as_ocr(text):
            return record
        for holder, key in free_text_slots(record, signers=True):
            holder[key] = self.mend_text(holder[key])
        return record

    def without_specks(self, title):
        """A security's title without what OCR made of specks and lost marks between its
        words: an empty bracket, a mark's digit and closing bracket, a short lower-case
        non-word (``Restricted Stock qa Units``, ``Stock () Units``, ``Units 2) (RSU)``)."""
        words = title.split()
        return " ".join(w for k, w in enumerate(words) if k in (0, len(words) - 1) or not self._speck(w))

    def _speck(self, word):
        return bool(SPECK.fullmatch(word)) or word.isalpha() and word.islower() and len(word) <= 3 \
            and not self.known(word)
