"""Shared fixtures: the bundled seeds, isolated user directories, helpers to build corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own config, data and cache directories and no DOSSIER_CORPUS."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("DOSSIER_CORPUS", raising=False)
    return home


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The bundled corpus, loaded once."""
    return load_corpus(SEEDS)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file of a test corpus (text as UTF-8)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path
