"""App tests: the app built exactly as `dossier` builds it, on a fixture corpus, in this test's
own user directories (tests/support/pilot.py has `ready`, which waits for its workers)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import SEEDS
from tests.support.pilot import record_notices


@pytest.fixture
def make_app(built_seed_index: Path, tmp_path: Path):
    """A factory of the app, on a corpus (the seeds by default) with a copy of the prebuilt
    seed index."""
    from search.userdata import load_config
    from tui.app import create_app

    def factory(corpus: Path = SEEDS, *, fresh_index: bool = False):
        location = tmp_path / f"index-{corpus.name}"
        if corpus == SEEDS and not fresh_index and not location.exists():
            shutil.copytree(built_seed_index, location)
        app = create_app(corpus, index_location=location, config=load_config())
        record_notices(app)
        return app

    return factory
