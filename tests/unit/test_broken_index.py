"""A commit whose manifest was never written (killed in between, a full disk) does not
index the same files twice."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from search.index.corpus_index import CorpusIndex
from tests.support import write


def test_a_manifest_lost_after_a_commit_does_not_double_the_index(
    three_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = CorpusIndex(three_seeds, location=tmp_path / "index")
    index.update()
    write(three_seeds, "new.txt", "A new article\n\nIt mentions the word zebracorn once, here.\n")
    real = CorpusIndex._write_manifest

    def full(self, files):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(CorpusIndex, "_write_manifest", full)
    with pytest.raises(OSError):
        index.update()  # committed to Whoosh, but the manifest could not be written
    monkeypatch.setattr(CorpusIndex, "_write_manifest", real)
    again = CorpusIndex(three_seeds, location=tmp_path / "index")
    report = again.update()
    assert report.added == 1
    assert len(again.search("zebracorn").hits) == 1  # once, not twice
