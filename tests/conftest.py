"""Shared fixtures: the bundled seeds, isolated user directories, helpers to build corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.reading.corpus import Corpus, load_corpus

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


@pytest.fixture(scope="session")
def built_seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' search index, built once; app tests each get a copy (see `make_app`)."""
    from search.index.corpus_index import CorpusIndex

    location = tmp_path_factory.mktemp("seed-index") / "index"
    CorpusIndex(SEEDS, location=location).update()
    return location


@pytest.fixture
def make_app(built_seed_index: Path, tmp_path: Path):
    """Build the app exactly as `dossier` does, on a corpus (the seeds by default) with a
    copy of the prebuilt seed index, in this test's own user directories."""
    import shutil

    from search.userdata.config import load_config
    from tui.app import create_app

    def factory(corpus: Path = SEEDS, *, fresh_index: bool = False):
        location = tmp_path / f"index-{corpus.name}"
        if corpus == SEEDS and not fresh_index and not location.exists():
            shutil.copytree(built_seed_index, location)
        return create_app(corpus, index_location=location, config=load_config())

    return factory


async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app's workers (library, index, article, search) are done and drawn."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
