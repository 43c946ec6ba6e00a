"""The installed `dossier` command run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import SEEDS

DOSSIER = Path(sys.executable).parent / "dossier"


def test_installed_command_runs_without_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "DOSSIER_CORPUS": str(SEEDS), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [str(DOSSIER), "show", "003", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    passages = " ".join(p["text"] for p in json.loads(done.stdout)["passages"])
    assert "192845757775" not in passages and "Amazon" in passages
    failed = subprocess.run(
        [str(DOSSIER), "show", "nope"], capture_output=True, text=True, env=env, timeout=120
    )
    assert failed.returncode == 2
    assert failed.stderr == "dossier: error: no article with id 'nope'\n"
