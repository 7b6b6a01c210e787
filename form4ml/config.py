"""Paths the project reads and writes, each overridable by an environment variable."""
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The read-only data folder (``../shared`` beside the checkout unless FORM4ML_SHARED says)."""
    return Path(os.environ.get("FORM4ML_SHARED", REPO.parent / "shared"))


def model_dir() -> Path:
    """The shipped model: FORM4ML_MODEL if set, else ``model/`` of the checkout, else the
    copy a non-editable ``pip install`` put under ``<prefix>/share/form4ml/model``."""
    if "FORM4ML_MODEL" in os.environ:
        return Path(os.environ["FORM4ML_MODEL"])
    checkout = REPO / "model"
    return checkout if checkout.is_dir() else Path(sys.prefix) / "share" / "form4ml" / "model"


def build_dir() -> Path:
    """Where corpus builds and caches go; never committed."""
    return Path(os.environ.get("FORM4ML_BUILD", REPO / "build"))
