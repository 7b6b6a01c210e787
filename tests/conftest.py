import os
from pathlib import Path

import pytest

from form4ml.config import model_dir, shared_dir

REPO = Path(__file__).resolve().parent.parent
SEEDS = shared_dir() / "seeds"


def need_shared():
    if not shared_dir().is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{shared_dir()} is missing in CI")
        pytest.skip(f"shared data not found at {shared_dir()} (set FORM4ML_SHARED)")


@pytest.fixture(scope="session")
def shipped_model():
    from form4ml.pipeline import load_model
    return load_model(model_dir())
