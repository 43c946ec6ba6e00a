"""The copy sketch store (search/index/sketches.py): an update of a few articles finds the
same copies as `copy_groups` over every sketch, step after step (added, changed and removed
articles, values becoming common and rare again), on real wire stories and on random sketches;
a missing, damaged, old-format or old JSON store never stops an update."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.index import copies, sketches
from search.index.copies import copy_groups, fingerprint
from search.index.corpus_index import CorpusIndex
from search.index.sketches import STORE, SketchStore, update_copies
from search.reading.corpus import scan_corpus
from search.reading.loader import load_article
from tests.support import SHARED, write

NEWSWIRE = SHARED / "data" / "newswire"
ADDED = "Officials declined to comment on the figures, which were not confirmed by the ministry."


def expected(entries: dict[str, dict]) -> dict[str, list]:
    """What the manifest keeps: `copy_groups` over every sketch at once."""
    return {a: [list(p) for p in others] for a, others in copy_groups(entries.items()).items()}


class Corpus:
    """A folder of articles and their sketches, and the updates that keep a store in step."""

    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "corpus"
        self.location = tmp_path / "index"
        self.folder.mkdir()
        self.location.mkdir()
        self.prints: dict[str, dict] = {}
        self._made: dict[str, dict] = {}  # by file digest: each text fingerprinted once

    def put(self, name: str, text: str) -> None:
        write(self.folder, name, text)

    def drop(self, name: str) -> None:
        (self.folder / name).unlink()

    def update(self) -> dict[str, list]:
        """Read what changed, update the store with it alone, and return the store's groups."""
        now = {}
        for source in scan_corpus(self.folder).files:
            digest = hashlib.sha1(source.path.read_bytes()).hexdigest()
            if digest not in self._made:
                self._made[digest] = fingerprint(load_article(source))
            now[source.id] = self._made[digest]
        read = {a: e for a, e in now.items() if self.prints.get(a) != e}
        gone = {a for a in self.prints if a not in now or a in read}
        self.prints = now
        return update_copies(self.location, read, gone, set(now))


def story(name: str) -> str:
    return (NEWSWIRE / name).read_text(encoding="utf-8")


def longest(names: list[str]) -> list[str]:
    """The longest stories first (short wire items change too much with a sentence added)."""
    return sorted(names, key=lambda name: -(NEWSWIRE / name).stat().st_size)


def resent(text: str, sentence: str = ADDED) -> str:
    """A wire story sent again with a sentence added after its second line."""
    lines = text.splitlines()
    return "\n".join([*lines[:2], sentence, *lines[2:]]) + "\n"


@pytest.mark.skipif(not NEWSWIRE.is_dir(), reason="no shared data")
@pytest.mark.parametrize("group_all_from", [sketches.GROUP_ALL_FROM, float("inf")])
def test_updates_find_what_grouping_everything_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_all_from: float
) -> None:
    monkeypatch.setattr(sketches, "GROUP_ALL_FROM", group_all_from)
    names = sorted(p.name for p in NEWSWIRE.glob("reuters-*.txt"))[:40]
    corpus = Corpus(tmp_path)
    for name in names:
        shutil.copy2(NEWSWIRE / name, corpus.folder / name)

    def step() -> dict[str, list]:  # each step's groups: those of grouping all at once
        groups = corpus.update()
        assert groups == expected(corpus.prints)
        return groups

    step()  # a first build: the re-sent wire items among them
    one, two, three, four = longest(names)[:4]
    corpus.put("x-resent.txt", resent(story(one)))  # a near copy
    corpus.put("x-same.txt", story(two).replace("\n", "\n\n"))  # identical words
    corpus.put("x-other.txt", resent(story(three), "Markets were closed for a holiday."))
    assert {"x-resent", "x-same", "x-other"} <= set(step())

    corpus.put("x-resent.txt", resent(story(one), "The bank would not say more."))  # changed
    corpus.put(two, resent(story(two)))  # the original changes: its copy is now a near one
    assert ["x-same", False] in step()[two.removesuffix(".txt")]

    corpus.drop(three)
    corpus.drop(names[0])
    assert "x-other" not in step()

    # A story sent 18 times: its values are then shared by more than COMMON articles, so a
    # near copy of it is not found any more (as `copy_groups` decides), until most copies go.
    corpus.put("y-near.txt", resent(story(four)))
    assert "y-near" in step()
    for n in range(copies.COMMON + 1):
        corpus.put(f"y-copy-{n:02}.txt", story(four))
    assert "y-near" not in step()
    for n in range(10):
        corpus.drop(f"y-copy-{n:02}.txt")
    assert "y-near" in step()
    for n in range(10, copies.COMMON + 1):  # one by one
        corpus.drop(f"y-copy-{n:02}.txt")
        step()


@pytest.mark.skipif(not NEWSWIRE.is_dir(), reason="no shared data")
def test_each_step_equals_grouping_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sketches, "GROUP_ALL_FROM", float("inf"))  # always one by one
    names = sorted(p.name for p in NEWSWIRE.glob("reuters-*.txt"))[40:70]
    corpus = Corpus(tmp_path)
    for name in names:
        shutil.copy2(NEWSWIRE / name, corpus.folder / name)
    assert corpus.update() == expected(corpus.prints)
    names = longest(names)
    edits = [
        lambda: corpus.put("c-1.txt", resent(story(names[2]))),
        lambda: corpus.put("c-2.txt", story(names[2])),
        lambda: corpus.put(names[2], resent(story(names[2]), "Trading was thin.")),
        lambda: corpus.drop("c-1.txt"),
        lambda: [corpus.put(f"d-{n}.txt", story(names[5])) for n in range(copies.COMMON)],
        lambda: corpus.put("d-near.txt", resent(story(names[5]))),
        lambda: corpus.drop("d-0.txt"),
        lambda: corpus.put("d-1.txt", resent(story(names[5]))),
        lambda: corpus.drop(names[5]),
        lambda: [corpus.drop(f"d-{n}.txt") for n in range(2, 9)],
    ]
    for edit in edits:
        edit()
        assert corpus.update() == expected(corpus.prints)


def apply(store: SketchStore, state: dict[str, dict], step: dict[str, dict | None]) -> None:
    read = {a: e for a, e in step.items() if e is not None}
    gone = {a for a in step if a in state}
    for article, entry in step.items():
        if entry is None:
            state.pop(article, None)
        else:
            state[article] = entry
    store.update(read, gone, set(state))


ARTICLE = st.sampled_from("abcdefghij")
BASES = [frozenset(range(0, 10)), frozenset(range(4, 14)), frozenset(range(20, 31))]
ENTRY = st.builds(  # sketches near a few stories (a few values in or out), so copies abound
    lambda words, base, noise: {"words": words, "sketch": sorted(base ^ noise)},
    st.sampled_from(["w1", "w2", "w3", "w4", "w5", "w6"]),
    st.sampled_from(BASES),
    st.sets(st.integers(0, 30), max_size=4),
)
STEPS = st.lists(st.dictionaries(ARTICLE, st.none() | ENTRY, max_size=4), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
def test_random_updates_equal_grouping_everything(steps: list[dict[str, dict | None]]) -> None:
    # Small values and thresholds, so values become common and rare again at every step.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sketches, "GROUP_ALL_FROM", float("inf"))
        for module in (copies, sketches):
            patch.setattr(module, "COMMON", 3)
            patch.setattr(module, "SHARED_FIRST", 2)
            patch.setattr(module, "FIRST", 5)
        store = SketchStore(Path(":memory:"))
        state: dict[str, dict] = {}
        for step in steps:
            apply(store, state, step)
            assert store.groups() == expected(state)
        store.close()


def test_a_damaged_store_is_made_anew(tmp_path: Path) -> None:
    entry = {"words": "w", "sketch": list(range(20))}
    (tmp_path / STORE).write_bytes(b"not a database at all" * 100)
    groups = update_copies(tmp_path, {"a": entry, "b": entry}, set(), {"a", "b"})
    assert groups == {"a": [["b", True]], "b": [["a", True]]}
    with sqlite3.connect(tmp_path / STORE) as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (2,)


def test_a_store_of_another_format_is_made_anew(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / STORE) as db:
        db.execute("CREATE TABLE articles (x)")
        db.execute("PRAGMA user_version = 99")
    entry = {"words": "w", "sketch": list(range(20))}
    assert update_copies(tmp_path, {"a": entry, "b": entry}, set(), {"a", "b"})["a"] == [
        ["b", True]
    ]


def test_the_json_file_of_earlier_versions_is_carried_over(tmp_path: Path) -> None:
    entry = {"words": "w", "sketch": list(range(20))}
    old = tmp_path / sketches.OLD_STORE
    values = ",".join(map(str, range(20)))
    old.write_text(f'{{"a": {{"words": "w", "sketch": [{values}]}}, "gone": {{"words": "w"}}}}')
    groups = update_copies(tmp_path, {"b": entry}, set(), {"a", "b"})
    assert groups == {"a": [["b", True]], "b": [["a", True]]}
    assert not old.exists()
    old.write_text("{damaged")  # (a file left behind is ignored once the store exists)
    assert update_copies(tmp_path, {}, {"b"}, {"a"}) == {}


def test_a_damaged_json_file_of_earlier_versions_is_ignored(tmp_path: Path) -> None:
    (tmp_path / sketches.OLD_STORE).write_text("[1, 2")
    entry = {"words": "w", "sketch": list(range(20))}
    assert update_copies(tmp_path, {"a": entry}, set(), {"a"}) == {}


def test_an_index_update_reads_one_changed_file_and_keeps_the_copies(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    text = "Harbour terminal approved\n\n" + "\n\n".join(
        f"The harbour authority said part {n} of the terminal plan would go ahead in spring, "
        "after two years of hearings and an appeal by the fishermen of the town."
        for n in range(4)
    )
    write(folder, "a.txt", text)
    write(folder, "b.txt", text + "\n\nOne sentence more was added to this copy.\n")
    write(folder, "c.txt", "Another story\n\nThe bakery on the square sold out of bread by nine.\n")
    index = CorpusIndex(folder, location=tmp_path / "index")
    index.open()
    assert (tmp_path / "index" / STORE).exists()
    assert [c.article for c in index.search("terminal").articles[0].copies] == ["b"]
    write(folder, "c.txt", "Another story\n\nThe bakery on the square sold out by ten.\n")
    index = CorpusIndex(folder, location=tmp_path / "index")
    assert index.open().changed == 1
    assert [c.article for c in index.search("terminal").articles[0].copies] == ["b"]


def test_a_damaged_row_makes_the_store_anew(tmp_path: Path) -> None:
    entry = {"words": "w", "sketch": list(range(20))}
    update_copies(
        tmp_path,
        {"a": entry, "b": entry, "c": {"words": "x", "sketch": []}},
        set(),
        {"a", "b", "c"},
    )
    with sqlite3.connect(tmp_path / STORE) as db:
        db.execute("UPDATE articles SET sketch = x'0102030405' WHERE id = 'a'")
    other = {"words": "v", "sketch": list(range(100, 120))}
    groups = update_copies(tmp_path, {"d": other, "e": other}, set(), {"a", "b", "c", "d", "e"})
    assert groups == {"d": [["e", True]], "e": [["d", True]]}  # (a and b: when read again)


def test_a_store_that_cannot_be_written_gives_the_copies_among_the_articles_read(
    tmp_path: Path,
) -> None:
    entry = {"words": "w", "sketch": list(range(20))}
    nowhere = tmp_path / "no such folder"
    groups = update_copies(nowhere, {"a": entry, "b": entry}, set(), {"a", "b"})
    assert groups == {"a": [["b", True]], "b": [["a", True]]}


def test_an_index_of_the_earlier_version_keeps_its_copies(tmp_path: Path) -> None:
    folder, location = tmp_path / "corpus", tmp_path / "index"
    text = "Harbour terminal approved\n\n" + "\n\n".join(
        f"The harbour authority said part {n} of the terminal plan would go ahead in spring, "
        "after two years of hearings and an appeal by the fishermen of the town."
        for n in range(4)
    )
    write(folder, "a.txt", text)
    write(folder, "b.txt", text)
    write(folder, "c.txt", "Another story\n\nThe bakery on the square sold out of bread by nine.\n")
    CorpusIndex(folder, location=location).open()
    store = SketchStore(location / STORE)  # as the earlier version left it: a JSON file
    (location / sketches.OLD_STORE).write_text(json.dumps(store.entries()))
    store.close()
    (location / STORE).unlink()
    write(folder, "c.txt", "Another story\n\nThe bakery on the square sold out by ten.\n")
    index = CorpusIndex(folder, location=location)
    assert index.open().changed == 1
    assert [c.article for c in index.search("terminal").articles[0].copies] == ["b"]
    assert (location / STORE).exists() and not (location / sketches.OLD_STORE).exists()


def test_rows_of_articles_no_longer_there_are_dropped(tmp_path: Path) -> None:
    # (an update whose manifest was never written: its files are not named as gone)
    entry = {"words": "w", "sketch": list(range(20))}
    update_copies(tmp_path, {"a": entry, "b": entry, "c": entry}, set(), {"a", "b", "c"})
    other = {"words": "v", "sketch": list(range(100, 120))}
    groups = update_copies(tmp_path, {"d": other}, set(), {"b", "c", "d"})
    assert groups == {"b": [["c", True]], "c": [["b", True]]}
