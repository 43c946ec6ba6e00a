"""Bad input in the command line and the core: one corpus holding every kind of broken file
beside a good article (tests/conftest.py `zoo`). Each bad file gets one clear line; the rest
of the corpus is listed, opened and searched as usual."""

from __future__ import annotations

import json
from pathlib import Path

from search.index.corpus_index import CorpusIndex
from search.reading.corpus import scan_corpus
from tests.support import write
from tests.support.cli import run
from tests.support.zoo import OPENS, PROSE, SKIPPED, title_mismatches


def test_the_command_line_lists_the_good_files_and_says_why_each_bad_one_is_skipped(
    capsys, zoo: Path
) -> None:
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(zoo))
    assert code == 0
    assert title_mismatches({row["id"]: row["title"] for row in json.loads(out)}) == {}
    lines = err.strip().splitlines()
    assert len(lines) == len(SKIPPED) and "Traceback" not in err
    for name, reason in SKIPPED.items():
        assert f"{name}: {reason}" in err


def test_the_command_line_shows_and_searches_every_good_file(capsys, zoo: Path) -> None:
    code, out, err = run(capsys, "index", "--corpus", str(zoo))
    assert code == 0 and f"{len(SKIPPED)} files skipped" in out + err
    for article_id, query in {
        "nul-bytes": "title:NUL",
        "bad-utf8": "title:Café",  # only its title says it: a title word alone is no hit
        "utf16-no-bom": "title:UTF-16",
        "escapes": "title:escapes",
        "markup": "title:markup",
        "-leading-dash": "title:leading",
        "ñandú-日本": "title:non-ASCII",
        "with spaces in name": "title:spaces",
    }.items():
        code, out, _ = run(capsys, "search", query, "--json", "--corpus", str(zoo))
        hits = [hit["article"] for hit in json.loads(out)["hits"]]
        assert code == 0 and hits[:1] == [article_id], (query, hits)
    code, out, _ = run(capsys, "show", "--json", "--corpus", str(zoo), "--", "-leading-dash")
    assert code == 0 and json.loads(out)["title"] == OPENS["-leading-dash"]
    code, out, _ = run(capsys, "show", "--json", "--corpus", str(zoo), "nul-bytes")
    shown = json.loads(out)
    assert shown["repairs"] == ["removed 4 NUL bytes"] and "\0" not in out
    code, out, _ = run(capsys, "show", "--corpus", str(zoo), "escapes")
    assert "\x1b" not in out and "\x07" not in out  # never sent to the terminal
    code, out, _ = run(capsys, "show", "--corpus", str(zoo), "markup")
    assert "[bold red]Markup title[/]" in out and "[b]bold[/b]" in out  # shown as written
    code, out, _ = run(capsys, "show", "--json", "--corpus", str(zoo), "one-5mb-line")
    passages = json.loads(out)["passages"]
    assert len(passages) > 1000 and max(len(p["text"]) for p in passages) <= 4000


def test_a_file_that_vanishes_or_changes_while_it_is_indexed(tmp_path: Path) -> None:
    folder = tmp_path / "moving"
    for name in ("a", "b", "c", "d"):
        write(folder, f"{name}.txt", f"Article {name}\n\n" + PROSE * 3)
    index = CorpusIndex(folder, location=tmp_path / "index")
    moves: list[str] = []

    def meanwhile(done: int, total: int, what: str) -> None:
        if what == "reading" and done == 1:  # after the first file, two others change
            (folder / "c.txt").unlink()
            write(folder, "d.txt", "Article d, rewritten\n\n" + "A new sentence about robots. " * 5)
            moves.append("done")

    report = index.update(progress=meanwhile)
    assert moves
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert reasons == {"c.txt": "file disappeared while it was being read"}
    # (a and b say the same: `search` names b as a copy of a; passages list both)
    assert {h.article for h in index.search_passages("chips").hits} == {"a", "b"}
    assert {h.article for h in index.search("robots").hits} == {"d"}  # read as it is now
    # The next open sets the record straight: c is gone, d's recorded version is refreshed.
    second = index.update()
    assert (second.removed, second.changed, second.skipped) == (1, 1, [])
    assert [row.id for row in index.catalog(scan_corpus(folder))] == ["a", "b", "d"]
