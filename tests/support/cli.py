"""Running the `dossier` command line: in-process (unit tests) or as the installed command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.cli import main

DOSSIER = Path(sys.executable).parent / "dossier"  # the installed command of this venv


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`dossier ARGV...` in this process: (exit status, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
