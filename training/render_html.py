"""Render ownership XML as the SEC's own HTML form, with EDGAR's stylesheets."""
from functools import lru_cache

from lxml import etree

from form4ml.config import shared_dir


@lru_cache(maxsize=None)
def _stylesheet(name: str) -> etree.XSLT:
    path = shared_dir() / "corpus" / "sec-ownership-spec" / "stylesheets" / name
    return etree.XSLT(etree.parse(str(path)))


def sec_html(xml_path, stylesheet: str = "4_X09.xsl") -> str:
    """The filing as EDGAR shows it in a browser (one HTML page)."""
    doc = etree.parse(str(xml_path))
    return str(_stylesheet(stylesheet)(doc))
