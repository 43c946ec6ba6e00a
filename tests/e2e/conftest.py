"""End-to-end tests: the installed `dossier` command of this venv, run as a user runs it
(subprocesses, tmux). Each test has its own cache, config and data folders (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.cli import DOSSIER


@pytest.fixture
def dossier() -> Path:
    """The installed command; the venv `make test` created has it."""
    assert DOSSIER.exists(), f"{DOSSIER} is missing: `pip install -e .` installs it"
    return DOSSIER


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds from this checkout (built once for the session)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("dossier_reader-*.whl"))
