"""Print the SEC HTML form to PDF with headless Chromium, and read text back out of the PDF.

Each filing gets at most ``PRINTS_PER_FILING`` print variants (page size, margins, zoom,
font), derived from the file name, so every text and OCR style drawing the same variant
shares one cached PDF. One Chromium is kept open per process through Playwright
(not thread-safe: use processes for parallel builds); without Playwright the chromium
CLI prints each filing, about 1.5 s slower.
"""
import atexit
import hashlib
import os
import random
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.high_level import extract_text as pdfminer_text

from training.render_html import sec_html

CHROMIUM = os.environ.get("FORM4ML_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
PRINTS_PER_FILING = 2
PAPERS = ["8.5in 11in", "8.5in 11in", "210mm 297mm", "11in 8.5in", "8.5in 14in"]
FONTS = [None, None, "Liberation Serif", "Liberation Sans", "DejaVu Sans",
         "DejaVu Serif", "Liberation Sans Narrow", "DejaVu Sans Condensed"]


@dataclass(frozen=True)
class Variant:
    """How one print looks: CSS page size, margin, zoom and font."""
    paper: str
    margin_in: float
    zoom: float
    font: str | None

    def css(self) -> str:
        font = f"* {{ font-family: '{self.font}' !important; }}" if self.font else ""
        return (f"@page {{ size: {self.paper}; margin: {self.margin_in}in; }}"
                f" body {{ zoom: {self.zoom}; }} {font}")


def variant_for(xml_path, index: int) -> Variant:
    """The ``index``-th print variant of a filing (stable across runs)."""
    r = random.Random(f"{Path(xml_path).name}:{index}")
    return Variant(paper=r.choice(PAPERS), margin_in=round(r.uniform(0.25, 0.75), 2),
                   zoom=round(r.uniform(0.7, 1.05), 2), font=r.choice(FONTS))


def styled_html(xml_path, variant: Variant) -> str:
    """The SEC HTML form with the variant's CSS injected."""
    html = sec_html(xml_path)
    style = f"<style>{variant.css()}</style>"
    return html.replace("</head>", style + "</head>", 1) if "</head>" in html else style + html


class Printer:
    """HTML to PDF bytes: one Playwright-driven Chromium, or the chromium CLI as fallback."""

    def __init__(self):
        self._pw = self._browser = None
        self.backend = None

    def _start(self):
        try:
            from playwright.sync_api import sync_playwright
            self._pw = sync_playwright().start()
            self._browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            self.backend = "playwright"
        except Exception:  # no playwright, or it cannot run here (e.g. inside an event loop)
            self.close()
            self.backend = "cli"

    def pdf(self, html: str) -> bytes:
        """Print one HTML document (its CSS @page decides the paper)."""
        if self.backend is None:
            self._start()
        return self._pdf_playwright(html) if self.backend == "playwright" else _pdf_cli(html)

    def _pdf_playwright(self, html: str) -> bytes:
        page = self._browser.new_page()
        try:
            page.set_content(html, wait_until="load")
            return page.pdf(prefer_css_page_size=True)
        finally:
            page.close()

    def close(self):
        """Shut the browser down; the next print starts a new one."""
        try:
            if self._browser is not None:
                self._browser.close()
            if self._pw is not None:
                self._pw.stop()
        except Exception:  # a dead browser cannot be closed twice
            pass
        self._pw = self._browser = self.backend = None


def _pdf_cli(html: str) -> bytes:
    """One chromium process per document: slower, needs nothing but the binary."""
    with tempfile.TemporaryDirectory(prefix="form4ml-chromium-") as tmp:
        src, out = Path(tmp, "in.html"), Path(tmp, "out.pdf")
        src.write_text(html, encoding="utf-8")
        cmd = [CHROMIUM, "--headless", *FLAGS, f"--user-data-dir={tmp}/profile",
               "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if not out.exists():
            raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
        return out.read_bytes()


_PRINTER = Printer()


def close():
    """Close this process's browser (also done at exit)."""
    _PRINTER.close()


atexit.register(close)


def pdf_path(xml_path, rng: random.Random, cache_dir: Path) -> Path:
    """The cached PDF of one print variant of a filing, printing it if missing."""
    variant = variant_for(xml_path, rng.randrange(PRINTS_PER_FILING))
    key = hashlib.sha1(Path(xml_path).read_bytes() + variant.css().encode()).hexdigest()[:16]
    path = Path(cache_dir) / "pdf" / f"{Path(xml_path).stem[:60]}.{key}.pdf"
    if not path.exists():
        try:
            data = _PRINTER.pdf(styled_html(xml_path, variant))
        except Exception as e:
            _PRINTER.close()
            raise RuntimeError(f"{xml_path}: chromium failed: {e}") from e
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return path


def _pdftotext(pdf: Path, *opts: str) -> str:
    proc = subprocess.run(["pdftotext", *opts, "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode:
        raise RuntimeError(f"{pdf}: pdftotext failed: {proc.stderr.strip()}")
    return proc.stdout


def pdftotext_style(*opts: str):
    """A style running ``pdftotext`` with these options on the filing's PDF."""
    def render(xml_path, rng: random.Random, cache_dir: Path) -> str:
        return _pdftotext(pdf_path(xml_path, rng, cache_dir), *opts)
    return render


def _cell(text) -> str:
    return " ".join((text or "").split())


def plumber_page(page) -> str:
    """Text lines and table rows (cells joined by tabs) in reading order."""
    tables = page.find_tables()
    blocks = [(t.bbox[1], "\n".join("\t".join(_cell(c) for c in row) for row in t.extract()))
              for t in tables]
    outside = page
    for t in tables:
        outside = outside.outside_bbox(t.bbox)
    lines = outside.extract_text_lines(return_chars=False)
    blocks += [(ln["top"], ln["text"]) for ln in lines]
    return "\n".join(text for _, text in sorted(blocks, key=lambda b: b[0]))


def render_pdfplumber(xml_path, rng: random.Random, cache_dir: Path) -> str:
    """pdfplumber: tables as tab-separated rows, pages separated by blank lines."""
    pdf = pdf_path(xml_path, rng, cache_dir)
    try:
        with pdfplumber.open(pdf) as doc:
            return "\n\n".join(plumber_page(p) for p in doc.pages)
    except Exception as e:
        raise RuntimeError(f"{xml_path}: pdfplumber failed on {pdf}: {e}") from e


def render_pdfminer(xml_path, rng: random.Random, cache_dir: Path) -> str:
    """pdfminer.six's ``extract_text`` with its default layout analysis, what many Python
    pipelines read: text boxes apart by blank lines, a table's cells box by box."""
    pdf = pdf_path(xml_path, rng, cache_dir)
    try:
        return pdfminer_text(str(pdf))
    except Exception as e:
        raise RuntimeError(f"{xml_path}: pdfminer failed on {pdf}: {e}") from e


PDF_STYLES = {
    "pdf_layout": pdftotext_style("-layout"),
    "pdf_plain": pdftotext_style(),
    "pdf_raw": pdftotext_style("-raw"),
    "pdfplumber": render_pdfplumber,
    "pdfminer": render_pdfminer,
}
