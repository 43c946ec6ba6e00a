"""Two real processes: one builds the index, the other searches meanwhile."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support import many_articles


def test_two_processes_one_builds_one_searches(tmp_path: Path) -> None:
    """A real second process: it searches (or says the index is busy) while the first
    builds, and never shows a traceback or a LockError."""
    import subprocess
    import sys
    import time

    corpus, env = many_articles(tmp_path)
    word = "item123"
    dossier = str(Path(sys.executable).parent / "dossier")
    builder = subprocess.Popen(
        [dossier, "index", "--corpus", str(corpus)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    locks = tmp_path / "cache" / "dossier" / "index"
    while builder.poll() is None and not list(locks.glob("*.lock")):
        time.sleep(0.05)  # the builder has started its update
    outcomes = []
    while builder.poll() is None and len(outcomes) < 20:
        done = subprocess.run(
            [dossier, "search", word, "--corpus", str(corpus), "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Traceback" not in done.stderr and "LockError" not in done.stderr
        assert done.returncode in (0, 1), done.stderr
        if done.returncode == 1:  # nothing committed yet
            assert done.stderr == (
                "dossier: error: the index is being built by another Dossier; "
                "try again when it is done\n"
            )
        # exit 0: the search ran on what was committed (with a notice while the build ran)
        outcomes.append(done.returncode)
        time.sleep(0.2)
    out, err = builder.communicate(timeout=300)
    assert builder.returncode == 0, err
    assert "400 added" in out
    assert outcomes, "the build finished before a second process could try"
    second = subprocess.run(
        [dossier, "index", "--corpus", str(corpus)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0 and "400 unchanged" in second.stdout
    after = subprocess.run(
        [dossier, "search", word, "--corpus", str(corpus), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert after.returncode == 0 and json.loads(after.stdout)["total"] > 0
