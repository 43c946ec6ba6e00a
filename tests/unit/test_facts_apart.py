"""The fact store brought up to date in a child process (what the app does for a large corpus):
the rows it writes are what the app then reads, progress comes through, a cancel stops the
child, and a failure is one line."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import search.workspace as workspace_module
from search import Workspace
from search.facts.apart import FactsFailed, refresh_apart
from search.facts.store import FactStore
from tests.support import SEEDS


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_the_child_fills_the_store_the_app_then_reads_row_by_row(corpus, tmp_path) -> None:
    seen: list[tuple[int, int]] = []
    assert refresh_apart(corpus, tmp_path / "index", lambda d, t: seen.append((d, t)))
    assert seen and seen[-1] == (5, 5)
    store = FactStore(corpus, location=tmp_path / "index")
    money = [e.fact.text for e in store.checked_for("000_db1eeced8312f416")]
    assert "$200 billion" in money
    assert store.partners()["000_db1eeced8312f416"][0][0] == "001_55557c16241e8996"


def test_a_large_corpus_is_read_apart_and_gives_what_reading_in_process_gives(
    corpus, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(workspace_module, "FACTS_IN_PROCESS", 0)  # every corpus is "large"
    apart = Workspace(corpus, index_location=tmp_path / "apart")
    assert apart.prepare_facts()
    here = Workspace(corpus, index_location=tmp_path / "here")
    for article in ("000", "001", "004"):
        ours = [(e.fact.text, e.status) for e in apart.facts_of(article)]
        assert ours and ours == [(e.fact.text, e.status) for e in here.facts_of(article)]


def _children_reading(corpus: Path) -> list[str]:
    """The processes (by /proc) whose command line reads the facts of `corpus`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"search.facts.apart" in words and str(corpus).encode() in words:
            found.append(cmdline.parent.name)
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_cancel_stops_the_child_and_leaves_no_process(corpus, tmp_path) -> None:
    started = time.monotonic()
    looks: list[int] = []

    def cancelled() -> bool:  # as the app's worker is cancelled when the app quits
        looks.append(1)
        return len(looks) > 1  # the child is running by the second look

    assert not refresh_apart(corpus, tmp_path / "index", cancelled=cancelled)
    assert time.monotonic() - started < 10
    assert _children_reading(corpus) == []


def test_a_folder_that_is_gone_is_one_line(tmp_path) -> None:
    with pytest.raises(FactsFailed) as failed:
        refresh_apart(tmp_path / "no-such-folder", tmp_path / "index")
    assert "\n" not in str(failed.value) and "no-such-folder" in str(failed.value)


def test_after_prepare_facts_opening_an_article_reads_its_row_without_a_scan(
    corpus, tmp_path, monkeypatch
) -> None:
    """The app prepares the facts once; each article it opens is then one row read (a scan
    of 20,000 files at every opening costs 100-300 ms)."""
    import search.facts.store as store_module

    workspace = Workspace(corpus, index_location=tmp_path / "index")
    assert workspace.prepare_facts()
    expected = [e.fact.text for e in workspace.facts_of("000")]

    def no_scan(root):  # type: ignore[no-untyped-def]
        raise AssertionError("the corpus was scanned again")

    monkeypatch.setattr(store_module, "scan_corpus", no_scan)
    assert [e.fact.text for e in workspace.facts_of("000")] == expected
    workspace.fix("003", title="A title set by hand")  # a correction: facts follow, scan again
    with pytest.raises(AssertionError, match="scanned again"):
        workspace.facts_of("003")
