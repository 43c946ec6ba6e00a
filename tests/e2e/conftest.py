"""End-to-end tests: the installed `dossier` command of this venv, run as a user runs it
(subprocesses, tmux). Each test has its own cache, config and data folders (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import DOSSIER


@pytest.fixture
def dossier() -> Path:
    """The installed command; the venv `make test` created has it."""
    assert DOSSIER.exists(), f"{DOSSIER} is missing: `pip install -e .` installs it"
    return DOSSIER
