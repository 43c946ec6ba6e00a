"""The wheel carries the bundled corpus and the themes, and an installed Dossier finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support import SEEDS


def test_wheel_ships_seeds_byte_identical_and_themes(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for seed in SEEDS.iterdir():
            inside = f"search/_bundled/seeds/{seed.name}"
            assert archive.read(inside) == seed.read_bytes()
        assert any(n.startswith("search/_bundled/themes/") and n.endswith(".yaml") for n in names)
        assert "tui/dossier.tcss" in names
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "dossier = tui.cli:main" in archive.read(entry_points).decode()


def test_installed_layout_finds_the_bundled_corpus(wheel: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    code = "from search.userdata import locations; print(locations.bundled_corpus(), locations.themes_dir())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    corpus, themes = (Path(p) for p in done.stdout.split())
    assert corpus == tmp_path / "search" / "_bundled" / "seeds"
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in SEEDS.iterdir())
    assert themes == tmp_path / "search" / "_bundled" / "themes"
