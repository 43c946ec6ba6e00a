"""Processes killed or interrupted mid-build: the next start recovers, Ctrl-C stops every
process without a traceback, and quitting during a build leaves no process behind."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from search.index.corpus_index import CorpusIndex
from tests.support import many_articles


def _start_build(folder: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "dossier"), "index", "--corpus", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group, as a terminal's job is
    )


def _wait_for_the_writer(build: subprocess.Popen[str], tmp_path: Path) -> None:
    """Until the build has started writing the index (Whoosh's write lock exists)."""
    deadline = time.monotonic() + 60
    while not list((tmp_path / "cache").rglob("*WRITELOCK")):
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        time.sleep(0.05)


def _assert_all_indexed_once(folder: Path, env: dict[str, str]) -> None:
    dossier = Path(sys.executable).parent / "dossier"
    done = subprocess.run(
        [str(dossier), "index", "--corpus", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    counts = re.search(r"(\d+) added, \d+ changed, \d+ removed, (\d+) unchanged", done.stdout)
    assert counts is not None, done.stdout
    assert int(counts[1]) + int(counts[2]) == 400  # every article is in, once
    found = subprocess.run(
        [str(dossier), "search", "item123", "--json", "--corpus", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert {hit["article"] for hit in json.loads(found.stdout)["hits"]} == {"a123"}


def _live_processes_of_group(group: int) -> list[int]:
    """Processes of a process group that are still running (zombies left out: who reaps
    orphans is up to the container's init)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def test_a_build_killed_midway_recovers_at_the_next_start(tmp_path: Path) -> None:
    folder, env = many_articles(tmp_path)
    build = _start_build(folder, env)
    _wait_for_the_writer(build, tmp_path)
    time.sleep(0.5)  # articles are being cleaned and written
    assert build.poll() is None, build.communicate()  # killed midway, not after the end
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    assert build.returncode == -signal.SIGKILL
    _assert_all_indexed_once(folder, env)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a parallel build needs two cores")
def test_ctrl_c_during_a_build_stops_every_process_without_a_traceback(tmp_path: Path) -> None:
    folder, env = many_articles(tmp_path)
    build = _start_build(folder, env)
    _wait_for_the_writer(build, tmp_path)
    time.sleep(0.3)
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, stderr = build.communicate(timeout=30)
    assert build.returncode == 130
    assert stderr == "dossier: interrupted\n"  # not a traceback from each child process
    deadline = time.monotonic() + 10
    while _live_processes_of_group(build.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _live_processes_of_group(build.pid) == []
    _assert_all_indexed_once(folder, env)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a parallel build needs two cores")
def test_quitting_the_app_during_a_build_leaves_no_process_behind(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    folder, _ = many_articles(tmp_path)
    index = CorpusIndex(folder, location=tmp_path / "index")

    def progress(done: int, total: int, what: str) -> None:
        if done >= 100:  # the app has quit: its worker's call_from_thread raises
            raise RuntimeError("App is not running")

    failed: list[BaseException] = []

    def build() -> None:  # in a thread, as the app's worker runs it
        try:
            index.update(progress=progress)
        except RuntimeError as error:
            failed.append(error)

    worker = threading.Thread(target=build)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive() and len(failed) == 1
    assert multiprocessing.active_children() == []  # sub-writers too, not only flagged
    assert "Traceback" not in capfd.readouterr().err
    assert CorpusIndex(folder, location=tmp_path / "index").update().added == 400
