"""HTML input: a saved page of the form is read as the text a scraper gives."""
import pytest

from form4ml.html import html_to_text, is_html
from form4ml.pipeline import extract_text

from .conftest import need_shared


@pytest.mark.parametrize("text, html", [
    ("<!DOCTYPE html>\n<html><body><table><tr><td>Common Stock</td></tr></table></body></html>", True),
    ("<body>FORM 4</body>", True),
    ("<tr>" + "<td>1</td>" * 10 + "</tr>", True),     # a page cut from its <html>
    # EDGAR ASCII's markers are text
    ("<DOCUMENT>\n<TYPE>4\n<TEXT>\n<TABLE>\n<CAPTION>\nTABLE I\n</CAPTION>\n<S>  <C>\n</TABLE>", False),
    ("FORM 4\nTable I - Non-Derivative Securities", False),
])
def test_is_html_tells_a_page_from_text(text, html):
    assert is_html(text) == html


def test_html_to_text_gives_a_line_per_row_and_a_tab_per_cell():
    page = ("<html><head><style>td {}</style></head><body><p>Table I</p><table>"
            "<tr><td>Common Stock</td><td>02/18/2014</td><td>F</td></tr>"
            "<tr><td>Common Stock</td><td>02/19/2014</td><td>S</td></tr></table></body></html>")
    assert html_to_text(page) == "Table I\nCommon Stock\t02/18/2014\tF\t\nCommon Stock\t02/19/2014\tS\t\n"


@pytest.mark.parametrize("page", ["<html>", "<body>", ""])
def test_html_to_text_of_an_empty_page_is_no_error(page):
    assert html_to_text(page).strip() == ""


def test_extract_reads_edgars_html_view_as_its_scraped_text():
    need_shared()
    from form4ml.config import shared_dir
    from training.render_html import sec_html
    page = sec_html(sorted((shared_dir() / "corpus" / "form4").glob("*.xml"))[0])
    rec, from_text = extract_text(page), extract_text(html_to_text(page))
    assert rec["issuer"]["name"] and rec["non_derivative_transactions"] + rec["derivative_transactions"]
    assert {k: v for k, v in rec.items() if k != "provenance"} == {k: v for k, v in from_text.items() if k != "provenance"}
