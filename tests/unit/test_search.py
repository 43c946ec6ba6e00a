"""The search index on the seeds and on built corpora: what is found, ranked, highlighted,
updated and rebuilt, and the command line's search and index commands."""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from whoosh import index as windex

from search.errors import IndexBusy
from search.index.corpus_index import CorpusIndex
from search.index.lengths import preload_field_lengths
from search.index.query import parse
from search.index.schema import MANIFEST
from search.index.searching import _run
from tests.support import SEEDS, write
from tui.cli import main


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    index = CorpusIndex(SEEDS, location=tmp_path_factory.mktemp("index") / "seeds")
    index.open()
    return index


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def articles_of(result) -> set[str]:
    return {hit.article[:3] for hit in result.hits}


def test_trainium_is_in_four_seeds_and_not_in_003(seed_index: CorpusIndex) -> None:
    result = seed_index.search("Trainium")
    assert articles_of(result) == {"000", "001", "002", "004"}
    assert result.total == len(result.hits) == 13
    assert result.suggestion is None


def test_exact_phrase_blue_jay(seed_index: CorpusIndex) -> None:
    result = seed_index.search('"Blue Jay"')
    assert articles_of(result) == {"000", "001"}
    for hit in result.hits:
        assert [hit.snippet[s:e] for s, e in hit.matches] == ["Blue Jay"]


def test_did_you_mean_from_the_index_vocabulary(seed_index: CorpusIndex) -> None:
    result = seed_index.search("Trainum")
    assert result.total == 0 and result.suggestion == "trainium"


def test_highlight_offsets_point_at_matched_words(seed_index: CorpusIndex) -> None:
    result = seed_index.search("robots layoffs")
    assert result.hits
    for hit in result.hits:
        assert hit.matches, hit.snippet
        for start, end in hit.matches:
            assert re.fullmatch(r"(?i)robot\w*|layoffs?", hit.snippet[start:end])


def test_stemming_matches_other_forms(seed_index: CorpusIndex) -> None:
    # "deploying" is not in the seeds; "deployed" and "deployment" are.
    words = {
        hit.snippet[s:e].lower()
        for hit in seed_index.search("deploying").hits
        for s, e in hit.matches
    }
    assert {"deployed", "deployment"} <= words


def test_all_words_rank_before_some_words(seed_index: CorpusIndex) -> None:
    hits = seed_index.search_passages("Blue Jay robot warehouses").hits
    assert {hits[0].article[:3], hits[1].article[:3]} == {"000", "001"}
    assert hits[0].passage == hits[1].passage == 10
    articles = seed_index.search("Blue Jay robot warehouses").articles
    assert {articles[0].article[:3], articles[1].article[:3]} == {"000", "001"}
    assert articles[0].passages[0].passage == 10


def test_operators_and_field_filters(seed_index: CorpusIndex) -> None:
    assert articles_of(seed_index.search("Trainium AND robots")) <= {"000", "001", "002"}
    for query in ("Trainium NOT Graviton", "Trainium -Graviton"):
        result = seed_index.search(query)
        assert result.total == 11  # 13 passages name Trainium; 2 of them Graviton too
        assert not any("Graviton" in hit.snippet for hit in result.hits)
    tables = seed_index.search("kind:table")
    assert [(h.article[:3], h.kind) for h in tables.hits] == [("004", "table")]
    assert articles_of(seed_index.search("title:jassy")) == {"004"}
    assert articles_of(seed_index.search("source:GeekWire")) == {"004"}
    assert articles_of(seed_index.search("Infer*")) >= {"000", "001", "004"}


def test_a_hyphen_inside_a_word_is_not_an_exclusion(seed_index: CorpusIndex) -> None:
    # 000 and 001 say "self-developed" chips; only a "-" at the start of a word excludes.
    inside = seed_index.search("self-developed chips")
    assert inside.error is None
    assert any("self-developed" in hit.snippet for hit in inside.hits)
    grouped = seed_index.search("(self-developed chips) Trainium")
    assert grouped.error is None and grouped.hits
    excluded = seed_index.search("chips -Trainium")
    assert excluded.hits and not any("Trainium " in h.snippet for h in excluded.hits)


def test_an_exclusion_with_several_words_runs(seed_index: CorpusIndex) -> None:
    # Whoosh's optimised search raised IndexError on this one (see search.index.searching._run).
    result = seed_index.search("house chips -Trainium")
    assert result.error is None and len(result.hits) == 9  # (60 when titles were hits)
    assert all(hit.matches for hit in result.hits)


def test_natural_language_question_finds_answers(seed_index: CorpusIndex) -> None:
    hits = seed_index.search_passages(
        "How much will Amazon spend on capital expenditure in 2026?"
    ).hits
    assert hits and "200" in " ".join(h.snippet for h in hits[:5])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty query"),
        ("a*", "'a*' is too short"),
        ("the of and", "nothing to search for"),
        ("-robots", "nothing to search for"),
        ("x" * 1001, "query too long"),
    ],
)
def test_bad_queries_get_a_one_line_explanation(seed_index: CorpusIndex, query, message) -> None:
    result = seed_index.search(query)
    assert result.error is not None and result.error.startswith(message)
    assert "\n" not in result.error and result.hits == []


@pytest.mark.parametrize(
    "query",
    ['"unclosed', "title:", "AND OR NOT", "(((", "[bold]x[/bold]", "a:b:c", "*", "\x1b[31m"],
)
def test_odd_queries_never_raise(seed_index: CorpusIndex, query: str) -> None:
    result = seed_index.search(query)
    assert result.error is None or "\n" not in result.error


def test_phrases_match_as_typed_not_across_stop_words(tmp_path: Path) -> None:
    write(tmp_path, "c/a.md", "# A\n\nThe state of the art in chips is moving fast this year.\n")
    write(tmp_path, "c/b.md", "# B\n\nThe state art museum opened a new wing this year.\n")
    index = CorpusIndex(tmp_path / "c", location=tmp_path / "ix")
    assert [h.article for h in index.search('"state of the art"').hits] == ["a"]


def test_updates_only_what_changed(corpus: Path, tmp_path: Path) -> None:
    location = tmp_path / "ix"
    first = CorpusIndex(corpus, location=location).update()
    assert (first.added, first.changed, first.removed) == (5, 0, 0)
    assert first.passages == 166

    seed = next(corpus.glob("001_*"))
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    touched = CorpusIndex(corpus, location=location).update()
    assert (touched.added, touched.changed, touched.removed, touched.unchanged) == (0, 1, 0, 4)
    assert touched.passages == 0  # identical content: nothing re-indexed

    edited = next(corpus.glob("002_*"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("Graviton", "Zorblatt"), "utf-8")
    next(corpus.glob("003_*")).unlink()
    write(
        corpus,
        "005_new.txt",
        "A new article about Trainium\nTrainium chips are made by AWS for training models.\n",
    )
    index = CorpusIndex(corpus, location=location)
    report = index.update()
    assert (report.added, report.changed, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert articles_of(index.search("Zorblatt")) == {"002"}
    assert index.search("Graviton").total == 0
    assert index.search("Galetti").total == 0  # only in the deleted 003
    assert "005" in articles_of(index.search("Trainium"))


def test_index_lives_in_the_user_cache(isolated_user_dirs: Path) -> None:
    index = CorpusIndex(SEEDS)
    assert index.location.is_relative_to(isolated_user_dirs / "xdg_cache_home" / "dossier")


def test_damaged_index_is_rebuilt_with_a_notice(corpus: Path, tmp_path: Path) -> None:
    location = tmp_path / "ix"
    CorpusIndex(corpus, location=location).update()
    for segment in location.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:100])
    index = CorpusIndex(corpus, location=location)
    report = index.open()
    assert report.rebuilt is not None and report.rebuilt.startswith("index damaged")
    assert articles_of(index.search("Trainium")) == {"000", "001", "002", "004"}


def test_missing_toc_and_broken_manifest_are_rebuilt(corpus: Path, tmp_path: Path) -> None:
    location = tmp_path / "ix"
    CorpusIndex(corpus, location=location).update()
    (location / MANIFEST).write_text("{not json", encoding="utf-8")
    report = CorpusIndex(corpus, location=location).open()
    assert report.rebuilt.startswith("index manifest unreadable")
    for toc in location.glob("*.toc"):
        toc.unlink()
    report = CorpusIndex(corpus, location=location).open()
    assert report.added == 5  # no index found: a plain first build


def test_older_schema_is_rebuilt(corpus: Path, tmp_path: Path) -> None:
    location = tmp_path / "ix"
    CorpusIndex(corpus, location=location).update()
    manifest = json.loads((location / MANIFEST).read_text(encoding="utf-8"))
    manifest["schema"] = 0
    (location / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    report = CorpusIndex(corpus, location=location).open()
    assert report.rebuilt == "index from an older version of Dossier"
    assert report.added == 5


def test_a_second_writer_searches_while_the_first_writes(corpus: Path, tmp_path: Path) -> None:
    location = tmp_path / "ix"
    CorpusIndex(corpus, location=location).update()
    write(
        corpus, "005_new.txt", "A brand new article\nIt talks about Trainium at some length here.\n"
    )
    holder = windex.open_dir(str(location)).writer()  # the other process, mid-build
    try:
        second = CorpusIndex(corpus, location=location)
        with pytest.raises(IndexBusy):
            second.update()
        report = second.open()
        assert report.busy
        assert articles_of(second.search("Trainium")) == {"000", "001", "002", "004"}
    finally:
        holder.cancel()
    assert "005" in articles_of(CorpusIndex(corpus, location=location).search("Trainium"))


def test_searches_from_many_threads_share_one_searcher(seed_index: CorpusIndex) -> None:
    errors: list[BaseException] = []
    counts: list[int] = []

    def worker(query: str) -> None:
        try:
            for _ in range(20):
                counts.append(seed_index.search(query).total)
        except BaseException as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(q,)) for q in ("Trainium", "robots") * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and set(counts) == {13, 24}  # 24 passages say "robots"


def test_cli_search_json(capsys) -> None:
    assert main(["search", "Trainium", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["query", "total", "suggestion", "articles", "hits"]
    assert list(data["articles"][0]) == ["article", "title", "score", "passages", "copies"]
    assert list(data["hits"][0]) == ["article", "title", "passage", "score", "snippet", "matches"]
    assert [a["article"] for a in data["articles"]] == list(
        dict.fromkeys(h["article"] for h in data["hits"])
    )  # the hits follow the articles
    assert {h["article"][:3] for h in data["hits"]} == {"000", "001", "002", "004"}
    for hit in data["hits"]:
        assert all(hit["snippet"][s:e].lower() == "trainium" for s, e in hit["matches"])


def test_cli_search_passages_are_flat_for_scripts(capsys) -> None:
    assert main(["search", "Trainium", "--json", "--passages", "--limit", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "articles" not in data and data["hits"]  # flat: passages only
    scores = [h["score"] for h in data["hits"]]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)  # best first, across


def test_cli_search_prints_articles_with_their_best_passages(capsys) -> None:
    assert main(["search", "Trainium"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("13 passages in 4 articles match 'Trainium'")
    first = out.split("\n\n")[1]  # the best article: title, id, two passages, the rest counted
    assert first.splitlines()[0] == "Jassy Defends Amazon's $200B AI Spending Spree"
    assert first.count("  passage ") == 2 and "  +2 more in this article" in first
    assert out.count("004_e735458e1800b1fc") == 1  # each article once


def test_cli_search_many_queries_from_stdin(capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('Trainium\n\n"Blue Jay"\nTrainum\n'))
    assert main(["search", "-", "--limit", "3"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == ["Trainium", '"Blue Jay"', "Trainum"]
    assert [len(line["articles"]) for line in lines] == [3, 2, 0]  # --limit: articles
    assert lines[2]["suggestion"] == "trainium"


def test_cli_index_reports_one_changed_file(capsys, corpus: Path) -> None:
    assert main(["index", "--corpus", str(corpus)]) == 0
    assert "5 added, 0 changed, 0 removed" in capsys.readouterr().out
    seed = next(corpus.glob("004_*"))
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    assert main(["index", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"index of {corpus}: 0 added, 1 changed, 0 removed, 4 unchanged in ")
    assert main(["index", "--corpus", str(corpus), "--rebuild"]) == 0
    assert "5 added" in capsys.readouterr().out


def test_cli_bad_query_is_one_line_exit_2(capsys) -> None:
    assert main(["search", "a*"]) == 2
    err = capsys.readouterr().err
    assert err == "dossier: error: 'a*' is too short: a prefix needs 3+ letters\n"
    assert main(["search", "x", "--limit", "0"]) == 2
    assert capsys.readouterr().err.startswith("dossier: error: argument --limit: must be 1 or more")


def test_field_lengths_in_memory_score_as_whoosh_does(tmp_path: Path) -> None:
    def top(index: CorpusIndex, from_file: bool) -> list[tuple[str, int, float]]:
        with index._lock:
            searcher = index._ensure_searcher()  # its lengths are read into memory
            if from_file:
                searcher.reader().leaf_readers()[0][0]._perdoc._readers.clear()
            query = parse(index._parser, "Amazon chips", searcher.reader()).query
            return [
                (h["article"], h["passage"], round(h.score, 6)) for h in _run(searcher, query, 20)
            ]

    index = CorpusIndex(SEEDS, location=tmp_path / "ix")
    index.open()
    with windex.open_dir(str(tmp_path / "ix")).searcher() as searcher:
        assert preload_field_lengths(searcher, ("text",))  # the pinned Whoosh's internals
    fast = top(index, from_file=False)
    slow_index = CorpusIndex(SEEDS, location=tmp_path / "ix")
    slow_index.open()
    slow = top(slow_index, from_file=True)
    assert fast == slow and len(fast) == 20


def test_an_index_built_by_another_cleaner_is_read_again(corpus: Path, tmp_path: Path) -> None:
    """A better cleaner reaches the articles already indexed: the manifest names the cleaner's
    version, and an index built by another is rebuilt with a notice."""
    location = tmp_path / "ix"
    CorpusIndex(corpus, location=location).update()
    manifest = json.loads((location / MANIFEST).read_text(encoding="utf-8"))
    manifest["cleaner"] = "an older cleaner"
    (location / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    report = CorpusIndex(corpus, location=location).open()
    assert report.rebuilt.startswith("the cleaner changed since the index was built")
    assert report.added == 5
    assert CorpusIndex(corpus, location=location).open().rebuilt is None  # once
