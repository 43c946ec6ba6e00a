"""Bookmarks: anchors that survive edits of a real seed (words inserted before, inside and after
the quote, the passage split, deleted, the quote appearing twice), the store (atomic, merged
under a lock, a killed writer, two writers at once), and `dossier bookmarks`."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
import yaml

from search.bookmarks.anchors import make_anchor, resolve
from search.bookmarks.store import BookmarkStore, new_bookmark
from search.reading.corpus import load_corpus
from tests.support import SEEDS
from tests.support.cli import run

SEED = "000_db1eeced8312f416.txt"
PASSAGE = 7  # "In its latest earnings call, Amazon CEO Andy Jassy confirmed that ..."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEEDS / SEED, folder / SEED)
    return folder


def article(folder: Path):  # type: ignore[no-untyped-def]
    (only,) = load_corpus(folder).articles
    return only


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / SEED
    raw = path.read_text(encoding="utf-8")
    assert raw.count(old) == 1
    path.write_text(raw.replace(old, new), encoding="utf-8")


QUOTE = "Jassy confirmed that the company plans to invest approximately $200 billion"


# --- re-anchoring -----------------------------------------------------------------------------


def test_an_unchanged_article_keeps_the_anchor(corpus: Path) -> None:
    a = article(corpus)
    anchor = make_anchor(a, PASSAGE, *_span(a.passages[PASSAGE].text, QUOTE))
    assert resolve(anchor, a).status == "anchored"


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.mark.parametrize(
    ("old", "new", "status", "now"),
    [
        (
            "In its latest earnings call, Amazon",
            "In its latest, much watched earnings call, Amazon",
            "moved",  # the same quote, further on
            QUOTE,
        ),
        (
            "Jassy confirmed that the company",
            "Jassy firmly confirmed that the company",
            "moved",  # the quote itself edited, found at its place
            QUOTE.replace("Jassy", "Jassy firmly"),
        ),
        (
            "$200 billion across all",
            "$200 billion, the analysts noted, across all",
            "anchored",  # words after the quote leave its offsets valid
            QUOTE,
        ),
    ],
    ids=["before", "inside", "after"],
)
def test_words_inserted_before_inside_or_after_the_quote(
    corpus: Path, old: str, new: str, status: str, now: str
) -> None:
    a = article(corpus)
    anchor = make_anchor(a, PASSAGE, *_span(a.passages[PASSAGE].text, QUOTE))
    edit(corpus, old, new)
    b = article(corpus)
    found = resolve(anchor, b)
    assert (found.status, found.passage) == (status, PASSAGE)
    assert b.passages[found.passage].text[found.start : found.end] == now
    assert found.confidence >= 0.8


def test_the_quotes_passage_split_in_two(corpus: Path) -> None:
    a = article(corpus)
    anchor = make_anchor(a, PASSAGE)  # the whole passage
    edit(corpus, "(AWS), due to", "(AWS).\n\nThat was due to")
    b = article(corpus)
    assert len(b.passages) == len(a.passages) + 1
    found = resolve(anchor, b)
    assert found.status == "moved" and found.passage in (PASSAGE, PASSAGE + 1)
    assert found.confidence >= 0.5


def test_a_deleted_passage_orphans_the_bookmark(corpus: Path) -> None:
    a = article(corpus)
    anchor = make_anchor(a, PASSAGE)
    edit(corpus, a.passages[PASSAGE].text + "\n", "")
    found = resolve(anchor, article(corpus))
    assert found.status == "orphaned" and found.confidence == 0


def test_a_short_quote_rewritten_is_orphaned_not_matched_to_chance_letters(corpus: Path) -> None:
    # Found by the bookmarks screen's snapshot: a 22-character quote whose passage was gone
    # "moved" to a random stretch with 29% confidence, because half-alike letters are cheap.
    a = article(corpus)
    start, end = _span(a.passages[PASSAGE].text, "Andy Jassy confirmed")
    anchor = make_anchor(a, PASSAGE, start, end)
    edit(corpus, "Andy Jassy confirmed", "the chief executive said")
    assert resolve(anchor, article(corpus)).status == "orphaned"


def test_an_exact_copy_far_away_loses_to_a_light_edit_in_place(corpus: Path) -> None:
    a = article(corpus)
    anchor = make_anchor(a, PASSAGE, *_span(a.passages[PASSAGE].text, QUOTE))
    edit(corpus, "Jassy confirmed that", "Jassy affirmed that")
    last = a.passages[-1].text
    edit(corpus, last, last + " Elsewhere: " + QUOTE + ".")
    b = article(corpus)
    found = resolve(anchor, b)
    assert found.passage == PASSAGE
    assert b.passages[PASSAGE].text[found.start : found.end].startswith("Jassy affirmed")


def test_a_quote_that_appears_twice_takes_the_one_nearest_the_old_place(corpus: Path) -> None:
    a = article(corpus)
    text = a.passages[PASSAGE].text
    anchor = make_anchor(a, PASSAGE, *_span(text, "$200 billion"))
    first = a.passages[1].text
    edit(corpus, first, first + " Some say $200 billion is modest.")
    found = resolve(anchor, article(corpus))
    assert found.passage == PASSAGE and found.start == text.index("$200 billion")


# --- the store --------------------------------------------------------------------------------


def _add_many(path: str, folder: str, tag: str, count: int) -> None:
    store, a = BookmarkStore(Path(path)), article(Path(folder))
    for n in range(count):
        store.add(new_bookmark(Path(folder), a, n % 5, note=f"{tag} {n}"))


def test_two_writers_at_once_keep_every_bookmark(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.yaml"
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_add_many, args=(str(path), str(corpus), tag, 15)) for tag in "ab"
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    notes = {b.note for b in BookmarkStore(path).all()}
    assert notes == {f"{t} {n}" for t in "ab" for n in range(15)}


def _write_forever(path: str, folder: str) -> None:
    _add_many(path, folder, "busy", 10_000)


def test_a_writer_killed_mid_write_leaves_a_readable_file(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.yaml"
    BookmarkStore(path).add(new_bookmark(corpus, article(corpus), 3, note="kept"))
    context = multiprocessing.get_context("spawn")
    writer = context.Process(target=_write_forever, args=(str(path), str(corpus)))
    writer.start()
    deadline = time.monotonic() + 30
    while len(BookmarkStore(path).all()) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(writer.pid, signal.SIGKILL)
    writer.join()
    store = BookmarkStore(path)
    bookmarks = store.all()
    assert store.notices == [] and bookmarks[0].note == "kept" and len(bookmarks) >= 20
    store.add(new_bookmark(corpus, article(corpus), 2, note="after"))  # the lock is free again
    assert BookmarkStore(path).all()[-1].note == "after"


def test_a_corrupt_file_is_moved_aside_never_overwritten(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.yaml"
    path.write_text("version: 1\nbookmarks: [ {id: x, quote: 'unclosed\n", encoding="utf-8")
    store = BookmarkStore(path)
    assert store.all() == []
    assert "could not be read" in store.notices[0]
    (aside,) = tmp_path.glob("bookmarks.yaml.corrupt-*")
    assert "unclosed" in aside.read_text(encoding="utf-8")


# --- the command line: the "done when" ------------------------------------------------


def _list(capsys, corpus: Path) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "bookmarks", "list", "--json", "--corpus", str(corpus))
    assert code == 0
    return json.loads(out)


def test_a_bookmark_moves_with_its_passage_then_is_orphaned_and_still_exported(
    capsys, corpus: Path
) -> None:
    code, out, _ = run(
        capsys,
        "bookmarks",
        "add",
        "000",
        "--passage",
        str(PASSAGE + 1),  # numbered from 1 on the command line
        "--note",
        "capex plan",
        "--tag",
        "capex",
        "--corpus",
        str(corpus),
    )
    assert code == 0 and f"bookmarked passage {PASSAGE + 1}" in out
    (listed,) = _list(capsys, corpus)
    assert set(listed) >= {
        "id",
        "article",
        "passage",
        "quote",
        "prefix",
        "suffix",
        "note",
        "tags",
        "created",
        "status",
    }
    assert (listed["status"], listed["passage"], listed["tags"]) == ("anchored", 7, ["capex"])

    a = article(corpus)
    quote = a.passages[PASSAGE].text
    edited = quote.replace("latest earnings call", "most recent earnings call")
    edit(corpus, quote, "Analysts had expected a smaller figure.\n\n" + edited)
    (moved,) = _list(capsys, corpus)
    assert moved["status"] == "moved" and moved["passage"] == PASSAGE + 1
    assert moved["confidence"] >= 0.85  # quote two words off, new text before it

    edit(corpus, edited + "\n", "")
    (orphan,) = _list(capsys, corpus)
    assert orphan["status"] == "orphaned" and orphan["quote"] == quote
    code, out, _ = run(capsys, "bookmarks", "export", "--corpus", str(corpus))
    assert code == 0
    assert "> " + quote in out and "capex plan" in out and "#capex (orphaned)" in out
    assert out.startswith("# Bookmarks\n\n## Amazon(AMZN.US) dispatches")


def test_remove_and_bad_ids_are_one_line(capsys, corpus: Path) -> None:
    run(capsys, "bookmarks", "add", "000", "--passage", "2", "--corpus", str(corpus))
    (listed,) = _list(capsys, corpus)
    code, _, err = run(capsys, "bookmarks", "remove", "nope", "--corpus", str(corpus))
    assert code == 2 and "no bookmark with id 'nope'" in err
    code, out, _ = run(capsys, "bookmarks", "remove", listed["id"][:4], "--corpus", str(corpus))
    assert code == 0 and listed["id"] in out
    assert _list(capsys, corpus) == []
    code, _, err = run(
        capsys, "bookmarks", "add", "000", "--passage", "99", "--corpus", str(corpus)
    )
    assert code == 2 and "passages 1 to 16" in err


def test_export_json_is_the_list(capsys, corpus: Path) -> None:
    run(
        capsys,
        "bookmarks",
        "add",
        "000",
        "--passage",
        "1",
        "--quote",
        "Wall Street",
        "--corpus",
        str(corpus),
    )
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "json", "--corpus", str(corpus))
    (item,) = json.loads(out)
    assert item["quote"] == "Wall Street" and item["status"] == "anchored"
    data = yaml.safe_load(
        (Path(os.environ["XDG_DATA_HOME"]) / "dossier" / "bookmarks.yaml").read_text()
    )
    assert data["version"] == 1 and data["bookmarks"][0]["quote"] == "Wall Street"
