"""Fixtures of every level: isolated user directories, the seeds, their index, the bad-file zoo.
Each level (unit/, app/, e2e/) adds its own in its conftest; helpers live in tests/support."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from search.reading.corpus import Corpus, load_corpus
from tests.support import SEEDS
from tests.support.zoo import build_zoo


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


@pytest.fixture(scope="session")
def built_seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' search index, built once; app tests each get a copy (see `make_app`)."""
    from search.index import CorpusIndex

    location = tmp_path_factory.mktemp("seed-index") / "index"
    CorpusIndex(SEEDS, location=location).update()
    return location


@pytest.fixture
def three_seeds(tmp_path: Path) -> Path:
    """A corpus folder of its own holding copies of the first three seeds."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture
def zoo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of every kind of broken file, and one good seed (tests/support/zoo.py)."""
    return build_zoo(tmp_path, monkeypatch)
