"""Bad input through the installed `dossier` command: never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_installed_command_never_shows_a_traceback(zoo: Path, tmp_path: Path) -> None:
    dossier = Path(sys.executable).parent / "dossier"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for argv in (["index"], ["articles"], ["search", "chips"], ["show", "-leading-dash"]):
        done = subprocess.run(
            [str(dossier), *argv, "--corpus", str(zoo)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 2), done.stderr
    assert "goes after '--'" in done.stderr  # the leading dash: a hint, in one line
    assert len(done.stderr.strip().splitlines()) == 1
