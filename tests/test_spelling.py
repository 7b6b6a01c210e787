import pytest

from form4ml.record import empty_record
from form4ml.spelling import Speller, free_texts, word_counts

FILING_WORDS = {"shares": 40, "vested": 12, "restricted": 9, "attorney": 5}
# OCR (medium degradation) of a real filing's footnote, cut down
OCR_NOTE = "The shates vested upon settlement; the holder became entitied to receive them."
# enough of a page's misreads for the text to read as OCR
OCR_PAGE = OCR_NOTE + " Explanation of Respanses: benefical ownershlp of securites."


@pytest.mark.parametrize("word, mended", [
    ("shates", "shares"),        # the filings' word before English's "states"
    ("entitied", "entitled"),    # English's, where no filing word is one edit away
    ("shares", "shares"),        # a known word is left
    ("attomey", "attorney"),     # OCR's m for rn undone
    ("restncted", "restricted"),     # n for ri
    ("reporung", "reporting"),   # u for ti
    ("auorney", "attorney"),     # u for tt
    # a misread glyph and an edit: a filings' word only (signers' notes of real OCR pages)
    ("Atomey", "Attorney"),
    ("qzxv", "qzxv"),            # nothing one edit away: left
])
def test_speller_mends_an_unknown_word_to_the_closest_known_one(word, mended):
    assert Speller(FILING_WORDS).mended(word) == mended


def _record_with_note(text):
    record = empty_record()
    record["footnotes"] = [{"id": "F1", "text": text}]
    return record


@pytest.mark.parametrize("page, note", [
    (OCR_PAGE, "The shares vested upon settlement; the holder became entitled to receive them."),
    # clean text with a misspelling or two of its own: left as read
    (OCR_NOTE, OCR_NOTE),
])
def test_mend_record_mends_free_text_only_where_the_page_reads_as_ocr(page, note):
    record = Speller(FILING_WORDS).mend_record(_record_with_note(OCR_NOTE), page)
    assert record["footnotes"][0]["text"] == note


@pytest.mark.parametrize("note, mended", [
    ("Held by Mithrll Capital for the shates.", "Held by Mithrll Capital for the shares."),
    # a capitalised word one edit from a filings' word: mended to it, its capital kept
    ("Restrictcd Stock Units", "Restricted Stock Units"),
    # ... but not to an English word: names are unknown words that are right
    ("Richard Mattern, for Joseph Burnett", "Richard Mattern, for Joseph Burnett"),
    # Roman numerals whose I's OCR read as l or !
    ("By The Founders Fund Ill, LP", "By The Founders Fund III, LP"),
    ("Founders Fund II! Principals Fund", "Founders Fund III Principals Fund"),
    ("Fund ll", "Fund II"),
    # a letter OCR gave an accent: read plain, or dropped
    ("as attorneéy-in-fact; the statemént", "as attorney-in-fact; the statement"),
    # ... but a name's accent stays
    ("By Renée Dupont", "By Renée Dupont"),
    # a number, a lone I and a word's letters: left
    ("11 shares as I will", "11 shares as I will"),
])
def test_mend_record_mends_a_notes_words_on_an_ocr_page(note, mended):
    record = Speller(FILING_WORDS).mend_record(_record_with_note(note), OCR_PAGE)
    assert record["footnotes"][0]["text"] == mended


def test_mend_record_mends_signers_names():
    record = _record_with_note(OCR_NOTE)
    record["signatures"] = [{"name": "/s/ Victor Cangelosi, pursuant to Power of Attorey", "date": None}]
    speller = Speller({**FILING_WORDS, "attorney": 5})
    assert speller.mend_record(record, OCR_PAGE)["signatures"][0]["name"].endswith("Power of Attorney")


def test_word_counts_keep_words_used_twice_from_every_free_text_field():
    record = empty_record()
    record["footnotes"] = [{"id": "F1", "text": "Shares held by the Trust."}]
    record["non_derivative_holdings"] = [{"security_title": "Common Shares", "nature_of_ownership": "By Trust"}]
    assert set(free_texts(record)) == {"Shares held by the Trust.", "Common Shares", "By Trust"}
    assert word_counts([record]) == {"by": 2, "shares": 2, "trust": 2}


# Tesseract's readings of real Microsoft and LinkedIn filings' Table II titles
@pytest.mark.parametrize("title, kept", [
    ("Restricted Stock qa Units", "Restricted Stock Units"),
    ("Stock () Units", "Stock Units"),
    ("Restricted Stock Units 2) (RSU) (Class A)", "Restricted Stock Units (RSU) (Class A)"),
    # a title's own words stay: English, bracketed, first or last
    ("Stock Option (right to buy)", "Stock Option (right to buy)"),
    ("Common Stock, par value $0.01", "Common Stock, par value $0.01"),
])
def test_mend_record_drops_specks_between_a_titles_words_on_any_page(title, kept):
    record = empty_record()
    record["derivative_transactions"] = [{"security_title": title}]
    Speller(FILING_WORDS).mend_record(record, "a clean page")
    assert record["derivative_transactions"][0]["security_title"] == kept
