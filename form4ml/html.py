"""HTML input (EDGAR's rendered form saved as a page, a filing kept as HTML): read as text
the way a scraper reads it, a line per block and a tab after each table cell, the
``html_text`` style the models learnt. Provenance offsets are then into that text."""
import re
from itertools import islice

import lxml.html
from lxml import etree

BLOCKS = {"p", "div", "br", "tr", "table", "center", "h1", "h2", "h3", "li", "title"}
HTML_START = re.compile(r"<html\b|<body\b", re.I)
CELL_END = re.compile(r"</td>", re.I)
MIN_CELLS = 10      # closed table cells that show a page without its <html> tag is HTML
SCAN = 5000         # characters looked at for the <html> tag


def is_html(text):
    """Whether ``text`` is an HTML page rather than text (EDGAR ASCII's ``<TABLE>`` and
    ``<S>``/``<C>`` markers are not)."""
    return bool(HTML_START.search(text, 0, SCAN)) or sum(1 for _ in islice(CELL_END.finditer(text), MIN_CELLS)) == MIN_CELLS


def page_root(html):
    """The page's element tree without what a browser does not show as text."""
    root = lxml.html.fromstring(html)   # raises etree.ParserError on a page with no element
    for el in list(root.iter("style", "script", "title")):
        el.drop_tree()
    return root


def scrape_blocks(root, cell_sep):
    """Text with newlines after block elements and ``cell_sep`` after table cells."""
    for el in root.iter("td", "th"):
        el.tail = cell_sep + (el.tail or "")
    for el in root.iter(*BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (re.sub(r"[ \t\r\f\v]*\t[ \t\r\f\v]*", "\t", re.sub(r"[ \r\f\v]+", " ", ln)).strip(" ")
             for ln in root.text_content().split("\n"))
    return "\n".join(ln for ln in lines if ln.strip())


def html_to_text(html):
    """The page's text, a line per block, a tab after each table cell; the text as it is
    where no page can be parsed from it."""
    try:
        return scrape_blocks(page_root(html), "\t") + "\n"
    except (etree.ParserError, ValueError):
        return html
