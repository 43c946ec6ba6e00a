"""The reader corrects the cleaner: lines restored or removed, title, date, source and byline
fixed; kept in corrections.yaml (versioned, atomic, locked); found again by their text when the
file changes, listed as stale when their line is gone; followed by the index, the facts and the
bookmarks at once; marked in the article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from search.corrections import CorrectionError, CorrectionStore
from search.workspace import Workspace
from tests.support import write

STORY = """\
Home
World
Business
Sport
Harbour bridge to be rebuilt after years of delay
By Maria Lopez
March 3, 2025
The city council voted on Tuesday to rebuild the harbour bridge, closed to traffic since a storm damaged its eastern span two years ago.
The plan, which will cost about 48 million euros, was approved by 31 votes to 9 after a long debate in the council chamber.
Ferry operators said they would keep their extra sailings until the new bridge opens in 2027, as the council asked them to.
Related stories
Harbour traffic hits record low
Storm damage: what we know
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    corpus = tmp_path / "corpus"
    write(corpus, "bridge.txt", STORY)
    write(
        corpus,
        "other.txt",
        "Another story entirely\nA sentence of another story that is long enough.\n",
    )
    space = Workspace(corpus, index_location=tmp_path / "index", state_path=tmp_path / "state.yaml")
    yield space
    space.close()


def _lines(workspace: Workspace, article_id: str) -> set[int]:
    article = workspace.article(article_id)
    return {n for p in article.passages for n in range(p.lines[0], p.lines[1] + 1)}


def test_restore_and_remove_lines_and_fix_the_details(workspace: Workspace) -> None:
    before = workspace.article("bridge")
    assert 11 not in _lines(workspace, "bridge") and 10 in _lines(workspace, "bridge")
    fixed = workspace.fix(
        "bridge",
        title="Harbour bridge will be rebuilt",
        published="2025-03-04",
        source="Harbour Gazette",
        restore=[11],
        remove=[10],
    )
    article = fixed.article
    assert article.title == "Harbour bridge will be rebuilt"
    assert (article.published, article.source, article.byline) == (
        "2025-03-04",
        "Harbour Gazette",
        "Maria Lopez",
    )
    kept = _lines(workspace, "bridge")
    assert 11 in kept and 10 not in kept
    assert {r.line: r.reason for r in article.removed}[10] == "removed by you (a correction)"
    marks = article.corrected.as_json()
    assert marks["fields"]["title"] == {
        "was": before.title,
        "now": "Harbour bridge will be rebuilt",
    }
    assert (marks["restored"], marks["removed"], marks["stale"]) == ([11], [10], [])


def test_corrections_are_versioned_yaml_keyed_by_the_file(workspace: Workspace) -> None:
    workspace.fix("bridge", byline="M. Lopez", restore=[11])
    path = CorrectionStore().file.path
    assert path.name == "corrections.yaml" and path.parent.name == "dossier"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    [(corpus, files)] = data["corpora"].items()
    assert Path(corpus) == workspace.root.resolve()
    entry = files["bridge.txt"]
    assert entry["byline"] == "M. Lopez"
    assert entry["restore"] == [{"line": 11, "text": "Related stories"}]


def test_a_correction_follows_its_line_when_the_file_changes(workspace: Workspace) -> None:
    workspace.fix("bridge", restore=[11], remove=[10])
    path = workspace.root / "bridge.txt"
    path.write_text(
        "Breaking\nUpdated\n" + STORY.replace("Ferry operators said", "Ferries said"),
        encoding="utf-8",
    )
    fixes = workspace.corrections("bridge")
    statuses = {item["text"][:15]: item["status"] for item in fixes.as_json()["lines"]}
    assert statuses == {"Related stories": "moved", "Ferry operators": "stale"}
    article = workspace.article("bridge")
    assert 13 in _lines(workspace, "bridge")  # "Related stories", two lines lower now
    assert [f.text[:15] for f in article.corrected.stale] == ["Ferry operators"]
    assert [f.text[:15] for f in fixes.stale] == ["Ferry operators"]  # listed, never dropped


def test_reset_gives_the_cleaners_verdict_back(workspace: Workspace) -> None:
    plain = workspace.article("bridge")
    workspace.fix("bridge", title="Something else", remove=[8])
    article = workspace.reset_corrections("bridge").article
    assert article.title == plain.title and article.passages == plain.passages
    assert article.corrected is None
    assert workspace.corrections("bridge").stored.lines == ()


def test_toggle_line_goes_back_and_forth(workspace: Workspace) -> None:
    assert 12 not in _lines(workspace, "bridge")
    workspace.toggle_line("bridge", 12)
    assert 12 in _lines(workspace, "bridge")
    workspace.toggle_line("bridge", 12)
    assert 12 not in _lines(workspace, "bridge")
    assert workspace.corrections("bridge").stored.lines == ()  # back to the cleaner: nothing kept


def test_bad_corrections_are_refused_with_a_reason(workspace: Workspace) -> None:
    with pytest.raises(CorrectionError, match="not a date"):
        workspace.fix("bridge", published="March 3")
    with pytest.raises(CorrectionError, match="not a line of text"):
        workspace.fix("bridge", restore=[999])
    with pytest.raises(CorrectionError, match="not a line of text"):
        workspace.fix("other", remove=[3])


def test_the_index_and_the_library_follow_a_correction_at_once(workspace: Workspace) -> None:
    workspace.open_index()
    assert not workspace.search('"Harbour traffic hits record low"').hits
    fixed = workspace.fix("bridge", title="Bridge rebuild approved", restore=[12])
    assert fixed.reindexed
    hits = workspace.search('"Harbour traffic hits record low"').hits
    assert [hit.article for hit in hits] == ["bridge"]
    titles = {info.id: info.title for info in workspace.catalog()}
    assert titles["bridge"] == "Bridge rebuild approved"


def test_facts_and_bookmarks_follow_a_correction(workspace: Workspace) -> None:
    workspace.open_index()
    facts = workspace.facts()
    assert any("48 million" in f.fact.text for f in facts["bridge"])
    workspace.fix("bridge", remove=[9])
    facts = workspace.facts()
    assert not any("48 million" in f.fact.text for f in facts["bridge"])
    from search.bookmarks.store import new_bookmark

    article = workspace.article("bridge")
    ferry = next(p.index for p in article.passages if p.text.startswith("Ferry"))
    workspace.bookmark_store.add(new_bookmark(workspace.root, article, ferry, quote="Ferry"))
    workspace.fix("bridge", restore=[9])
    [bookmark], _ = workspace.bookmarks("bridge")
    assert bookmark.status == "moved"  # one passage further down: the restored line is above
    assert workspace.article("bridge").passages[bookmark.passage].text.startswith("Ferry")


def test_a_corrupt_corrections_file_is_moved_aside_never_overwritten(workspace: Workspace) -> None:
    path = CorrectionStore().file.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("version: 1\ncorpora: [unclosed\n", encoding="utf-8")
    plain = workspace.article("bridge")
    assert plain.corrected is None  # unreadable corrections never stop reading
    workspace.fix("bridge", title="Kept title")
    asides = list(path.parent.glob("corrections.yaml.corrupt-*"))
    assert len(asides) == 1 and "[unclosed" in asides[0].read_text(encoding="utf-8")
    assert workspace.article("bridge").title == "Kept title"
    assert any("could not be read" in n for n in workspace.correction_store.notices)
