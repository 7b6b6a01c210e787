"""Paths the project reads and writes, each overridable by an environment variable."""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The read-only data folder (``../shared`` beside the checkout unless FORM4ML_SHARED says)."""
    return Path(os.environ.get("FORM4ML_SHARED", REPO.parent / "shared"))


def model_dir() -> Path:
    """The shipped model (``model/`` in the package checkout unless FORM4ML_MODEL says)."""
    return Path(os.environ.get("FORM4ML_MODEL", REPO / "model"))


def build_dir() -> Path:
    """Where corpus builds and caches go; never committed."""
    return Path(os.environ.get("FORM4ML_BUILD", REPO / "build"))
