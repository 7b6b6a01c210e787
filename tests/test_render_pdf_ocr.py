"""PDF and OCR renderers: each style keeps the issuer and a share count, and is seed-deterministic."""
import os
import random
import shutil

import pytest
from lxml import etree
from rapidfuzz import fuzz

from form4ml.config import shared_dir

FILINGS = [
    "ConnorVO__springloading_insider_trades__tests_xml_xml_deriv_and_nonderiv.xml",
    "factoredai__insiderTradingAPI_v1__data_filings_abt_4_0001179110-20-001896.txt.xml",
]


def _need(*binaries):
    missing = [b for b in binaries if shutil.which(b) is None]
    if missing and os.environ.get("CI") != "true":
        pytest.skip(f"not installed: {', '.join(missing)} (see .ci/apt-packages.txt)")


def _truth(xml_path):
    """Issuer name and the share counts as the SEC form prints them (``1,234``)."""
    doc = etree.parse(str(xml_path))
    shares = []
    for tag in ("transactionShares", "sharesOwnedFollowingTransaction"):
        for v in doc.iterfind(f".//{tag}/value"):
            x = float(v.text)
            shares.append(f"{x:,.0f}" if x.is_integer() else f"{x:,}")
    return doc.findtext(".//issuerName").strip(), shares


@pytest.fixture(scope="module")
def pdf():
    _need("chromium", "pdftotext")
    from training import render_pdf
    yield render_pdf
    render_pdf.close()


@pytest.fixture(scope="module")
def filings():
    return [shared_dir() / "corpus" / "form4" / name for name in FILINGS]


def _style_names():
    from training.render_pdf import PDF_STYLES
    return sorted(PDF_STYLES)


@pytest.mark.parametrize("style", _style_names())
def test_pdf_style_keeps_issuer_and_shares(pdf, filings, style, tmp_path_factory):
    cache = tmp_path_factory.mktemp("pdf")
    for xml in filings:
        text = pdf.PDF_STYLES[style](xml, random.Random(7), cache)
        issuer, shares = _truth(xml)
        flat = " ".join(text.split())
        assert all(word in flat for word in issuer.split()), (style, xml.name, issuer)
        assert any(s in text for s in shares), (style, xml.name, shares)


def test_print_deterministic(pdf, filings, tmp_path):
    render = pdf.PDF_STYLES["pdf_layout"]
    a = render(filings[0], random.Random(11), tmp_path / "a")
    assert a == render(filings[0], random.Random(11), tmp_path / "b")


def test_chromium_failure_names_file(pdf, filings, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(pdf, "_PRINTER", pdf.Printer())
    with pytest.raises(RuntimeError, match=f"{filings[0].name}: chromium failed"):
        pdf.PDF_STYLES["pdf_layout"](filings[0], random.Random(0), tmp_path)


def test_cli_fallback_prints(pdf, filings, tmp_path, monkeypatch):
    printer = pdf.Printer()
    printer.backend = "cli"
    monkeypatch.setattr(pdf, "_PRINTER", printer)
    text = pdf.PDF_STYLES["pdf_layout"](filings[1], random.Random(0), tmp_path)
    assert "ABBOTT LABORATORIES" in text


def test_ocr_style_fuzzy_and_deterministic(pdf, filings, tmp_path):
    _need("pdftoppm", "tesseract")
    from training import render_ocr
    xml = filings[1]
    text = render_ocr.OCR_STYLES["ocr_light_200"](xml, random.Random(5), tmp_path)
    issuer, shares = _truth(xml)
    assert fuzz.partial_ratio(issuer.lower(), text.lower()) >= 80, text[:2000]
    assert max(fuzz.partial_ratio(s, text) for s in shares) >= 80, (shares, text[:2000])
    png = next((tmp_path / "pages").glob("*/p-1.png"))
    page = render_ocr.Image.open(png).convert("L")
    scans = [render_ocr.degrade(page, render_ocr.LEVELS["heavy"], 200,
                                render_ocr.np.random.default_rng(3)).tobytes() for _ in range(2)]
    assert scans[0] == scans[1]


def _box(left, top, right, bottom):
    return [[left, top], [right, top], [right, bottom], [left, bottom]]


@pytest.mark.parametrize("boxes, texts, expected", [
    # one printed line, two cells far apart: a tab
    ([_box(0, 100, 90, 120), _box(400, 102, 480, 121)], ["Common Stock", "25,893"], "Common Stock\t25,893"),
    # words of one cell, a space apart; boxes given right to left
    ([_box(100, 100, 160, 120), _box(0, 100, 90, 120)], ["Stock", "Common"], "Common Stock"),
    # a box lower by more than half its height starts a new line
    ([_box(0, 100, 90, 120), _box(0, 125, 90, 145)], ["Common", "Stock"], "Common\nStock"),
    # blank boxes are dropped
    ([_box(0, 100, 90, 120), _box(200, 100, 290, 120)], ["D", "  "], "D"),
])
def test_ocr_boxes_are_laid_out_as_lines_of_cells(boxes, texts, expected):
    from training.render_ocr import boxes_to_text
    assert boxes_to_text(boxes, texts) == expected


@pytest.mark.slow
def test_rapidocr_style_reads_issuer_and_shares(pdf, filings, tmp_path):
    _need("pdftoppm")
    from training import render_ocr
    xml = filings[0]
    text = render_ocr.OCR_STYLES["ocr_rapid_medium_200"](xml, random.Random(5), tmp_path)
    issuer, shares = _truth(xml)
    assert fuzz.partial_ratio(issuer.lower(), text.lower()) >= 80, text[:2000]
    assert max(fuzz.partial_ratio(s, text) for s in shares) >= 80, (shares, text[:2000])
    assert "\t" in text
