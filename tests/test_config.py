"""Where the shipped model is found: env var, checkout, or a non-editable install."""
import pytest

from form4ml import config


@pytest.mark.parametrize("env, checkout, expected", [
    ("custom", True, "custom"),
    (None, True, "repo/model"),
    (None, False, "prefix/share/form4ml/model"),
])
def test_model_dir_prefers_env_then_checkout_then_installed_copy(tmp_path, monkeypatch, env, checkout, expected):
    monkeypatch.setattr(config, "REPO", tmp_path / "repo")
    monkeypatch.setattr(config.sys, "prefix", str(tmp_path / "prefix"))
    if checkout:
        (tmp_path / "repo" / "model").mkdir(parents=True)
    if env:
        monkeypatch.setenv("FORM4ML_MODEL", str(tmp_path / env))
    else:
        monkeypatch.delenv("FORM4ML_MODEL", raising=False)
    assert config.model_dir() == tmp_path / expected
