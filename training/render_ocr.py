"""Scan-like OCR text of a filing: print to PDF, rasterise, degrade like a scan, OCR.

Two OCR engines, as users have them: Tesseract (its own page layout, one line of text per
printed line) and RapidOCR (PP-OCR text boxes, which we lay out as a document converter
does: boxes grouped into lines by height, cells joined by tabs, the look of the seeds).
Page images per (PDF, dpi) are cached beside the PDFs; every page is degraded with its own
seed drawn from the caller's rng, so a build is reproducible.
"""
import io
import os
import random
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter

from training.render_pdf import pdf_path


@dataclass(frozen=True)
class Level:
    """Ranges of scan damage (each drawn uniformly per page)."""
    rotate_deg: float          # max |angle|
    rescale: tuple             # down-scaling factor before scaling back up
    blur: tuple                # Gaussian blur radius, in pixels at 200 dpi
    noise: tuple               # Gaussian noise sigma (grey levels)
    salt_pepper: tuple         # fraction of pixels flipped
    lighting: tuple            # depth of the uneven-lighting shadow
    fade: tuple                # share of toner kept
    jpeg: tuple                # JPEG quality
    threshold_p: float         # chance the scanner binarised the page
    remove_lines_p: float      # chance of stripping table rules before OCR (then psm 6, else 4)


LEVELS = {
    "light": Level(0.3, (0.85, 1.0), (0.0, 0.4), (2, 5), (0, 1e-4), (0.0, 0.08),
                   (0.9, 1.0), (75, 95), 0.0, 0.0),
    "medium": Level(0.7, (0.65, 0.85), (0.3, 0.8), (4, 9), (1e-4, 4e-4), (0.05, 0.18),
                    (0.75, 0.92), (45, 75), 0.15, 0.3),
    "heavy": Level(1.2, (0.5, 0.7), (0.6, 1.2), (8, 14), (3e-4, 1e-3), (0.12, 0.3),
                   (0.6, 0.8), (25, 50), 0.3, 0.0),
}


def page_images(pdf: Path, dpi: int) -> list[Path]:
    """Grey PNGs of the PDF's pages at ``dpi`` (cached next to the PDF)."""
    out = pdf.parent.parent / "pages" / f"{pdf.stem}-{dpi}"
    if not out.exists():
        tmp = out.with_name(f"{out.name}.{os.getpid()}.tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", str(pdf), f"{tmp}/p"],
                              capture_output=True, text=True, timeout=300)
        if proc.returncode:
            shutil.rmtree(tmp)
            raise RuntimeError(f"{pdf}: pdftoppm failed: {proc.stderr.strip()}")
        try:
            os.rename(tmp, out)
        except OSError:  # another worker cached it first
            shutil.rmtree(tmp)
    return sorted(out.glob("p-*.png"))


def _u(rng: np.random.Generator, bounds) -> float:
    return float(rng.uniform(*bounds))


def _lighting(shape, depth: float, rng: np.random.Generator) -> np.ndarray:
    """A smooth shadow: brightness falls off linearly toward one random side."""
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    theta = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(theta) * xx / w + np.sin(theta) * yy / h)
    ramp = (ramp - ramp.min()) / (np.ptp(ramp) or 1)
    return 1.0 - depth * ramp


def degrade(img: Image.Image, level: Level, dpi: int, rng: np.random.Generator) -> Image.Image:
    """Make a clean grey page look scanned."""
    img = img.rotate(rng.uniform(-level.rotate_deg, level.rotate_deg), Image.BILINEAR,
                     fillcolor=255)
    f = _u(rng, level.rescale)
    small = img.resize((max(1, int(img.width * f)), max(1, int(img.height * f))), Image.BILINEAR)
    img = small.resize(img.size, Image.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(_u(rng, level.blur) * dpi / 200))
    a = np.asarray(img, dtype=np.float32)
    a = 255 - (255 - a) * _u(rng, level.fade)
    a = a * _lighting(a.shape, _u(rng, level.lighting), rng)
    a = a + rng.normal(0, _u(rng, level.noise), a.shape)
    if rng.random() < level.threshold_p:
        a = np.where(a < rng.uniform(120, 170), 0.0, 255.0)
    flips = rng.random(a.shape) < _u(rng, level.salt_pepper)
    a[flips] = rng.choice([0.0, 255.0], size=int(flips.sum()))
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=int(_u(rng, level.jpeg)))
    return Image.open(buf).convert("L")


def remove_lines(img: Image.Image, dpi: int) -> Image.Image:
    """Paint table rules white so Tesseract's layout analysis keeps table rows."""
    a = np.asarray(img)
    ink = cv2.adaptiveThreshold(a, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    run = max(20, dpi // 4)
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    rules = cv2.dilate(horiz | vert, np.ones((3, 3), np.uint8))
    out = a.copy()
    out[rules > 0] = 255
    return Image.fromarray(out)


def tesseract(img: Image.Image, dpi: int, psm: int) -> str:
    """OCR one page image (single-threaded, so workers can run side by side)."""
    buf = io.BytesIO()
    img.save(buf, "PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = subprocess.run(["tesseract", "stdin", "stdout", "--psm", str(psm), "--dpi", str(dpi),
                           "-l", "eng"], input=buf.getvalue(), capture_output=True, env=env,
                          timeout=300)
    if proc.returncode:
        raise RuntimeError(f"tesseract failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode("utf-8", errors="replace")


def ocr_page(png: Path, level: Level, dpi: int, rng: np.random.Generator) -> str:
    """Degrade one page image and OCR it; ruled pages read best with psm 4, unruled with psm 6."""
    img = degrade(Image.open(png).convert("L"), level, dpi, rng)
    if rng.random() < level.remove_lines_p:
        return tesseract(remove_lines(img, dpi), dpi, psm=6)
    return tesseract(img, dpi, psm=4)


@lru_cache(maxsize=1)
def _rapidocr():
    """One RapidOCR engine per process, single-threaded so build workers run side by side
    (its ONNX models ship inside the PyPI package: nothing is downloaded)."""
    from rapidocr import RapidOCR
    return RapidOCR(params={"Global.log_level": "error",
                            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                            "EngineConfig.onnxruntime.inter_op_num_threads": 1})


def boxes_to_text(boxes, texts, tab_gap: float = 1.5) -> str:
    """Lay out OCR text boxes as lines: a box joins the line whose vertical middle lies
    within its own height; in a line, boxes further apart than ``tab_gap`` character
    widths are separate cells (a tab), nearer ones one cell (a space)."""
    items = sorted(((min(y for _, y in b), max(y for _, y in b), min(x for x, _ in b),
                     max(x for x, _ in b), t) for b, t in zip(boxes, texts) if t.strip()),
                   key=lambda it: (it[0] + it[1]) / 2)
    lines = []
    for top, bottom, left, right, text in items:
        mid = (top + bottom) / 2
        if lines and abs(mid - lines[-1]["mid"]) <= (bottom - top) / 2:
            lines[-1]["cells"].append((left, right, text))
        else:
            lines.append({"mid": mid, "cells": [(left, right, text)]})
    return "\n".join(_join_cells(sorted(line["cells"]), tab_gap) for line in lines)


def _join_cells(cells, tab_gap):
    out, prev_right, char_w = [], None, None
    for left, right, text in cells:
        if prev_right is not None:
            out.append("\t" if left - prev_right > tab_gap * char_w else " ")
        out.append(text.strip())
        prev_right, char_w = right, max(1.0, (right - left) / max(1, len(text)))
    return "".join(out)


def rapidocr_page(png: Path, level: Level, dpi: int, rng: np.random.Generator) -> str:
    """Degrade one page image and read it with RapidOCR."""
    img = degrade(Image.open(png).convert("L"), level, dpi, rng)
    result = _rapidocr()(np.asarray(img.convert("RGB")))
    if result.boxes is None:
        return ""
    return boxes_to_text(result.boxes.tolist(), list(result.txts))


ENGINES = {"tesseract": ocr_page, "rapidocr": rapidocr_page}


def ocr_style(level_name: str, dpi: int, engine: str = "tesseract"):
    """A style: the filing's PDF scanned at ``dpi`` with ``level_name`` damage, then OCR'd."""
    level, read_page = LEVELS[level_name], ENGINES[engine]

    def render(xml_path, rng: random.Random, cache_dir: Path) -> str:
        texts = []
        for png in page_images(pdf_path(xml_path, rng, cache_dir), dpi):
            try:
                texts.append(read_page(png, level, dpi, np.random.default_rng(rng.getrandbits(64))))
            except Exception as e:
                raise RuntimeError(f"{xml_path}: OCR of {png.name} failed: {e}") from e
        return "\n\f\n".join(t.strip() for t in texts)
    return render


OCR_STYLES = {
    "ocr_light_150": ocr_style("light", 150),
    "ocr_light_200": ocr_style("light", 200),
    "ocr_medium_200": ocr_style("medium", 200),
    "ocr_heavy_200": ocr_style("heavy", 200),
    "ocr_medium_300": ocr_style("medium", 300),
    "ocr_heavy_300": ocr_style("heavy", 300),
    "ocr_rapid_medium_200": ocr_style("medium", 200, "rapidocr"),
}
