"""The `dossier` command line run in-process: every command's output and its errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.support import SEEDS, write
from tests.support.cli import run


def test_articles_json_lists_every_seed_with_the_documented_keys(capsys) -> None:
    code, out, err = run(capsys, "articles", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert len(rows) == 5
    for row in rows:
        assert set(row) == {
            "id",
            "title",
            "source",
            "byline",
            "published",
            "words",
            "passages",
            "path",
            "same_story",
        }
    by_id = {row["id"][:3]: row for row in rows}
    # The two tellings of one story name each other, with the similarity compare reports.
    (partner,) = by_id["000"]["same_story"]
    assert partner["id"].startswith("001")
    code, out, _ = run(capsys, "compare", "000", "001", "--json")
    assert partner["score"] == json.loads(out)["similarity"]  # both rounded to 3 places
    assert [by_id[k]["same_story"] for k in ("002", "003", "004")] == [[], [], []]
    assert by_id["001"]["published"] == "2026-03-05"
    assert by_id["004"]["source"] == "GeekWire"
    assert by_id["003"]["passages"] == 70


def test_articles_table_shows_titles(capsys) -> None:
    code, out, _ = run(capsys, "articles")
    assert code == 0
    assert "Jassy Defends Amazon's" in out and "GeekWire" in out


def test_show_json_of_seed_000(capsys) -> None:
    code, out, _ = run(capsys, "show", "000", "--json")
    assert code == 0
    data = json.loads(out)
    assert {"id", "title", "source", "byline", "published", "url", "passages", "removed"} <= set(
        data
    )
    assert data["title"].startswith("Amazon(AMZN.US) dispatches")
    for passage in data["passages"]:
        assert {"index", "kind", "text"} <= set(passage)
        for junk in ("CandyDrop", "Launchpool", "USDT"):
            assert junk not in passage["text"]
    assert data["removed"][0] == {
        "line": 1,
        "text": "Futures",
        "reason": "site menu (a run of 57 short lines)",
    }


def test_show_formats(capsys) -> None:
    _, markdown, _ = run(capsys, "show", "004", "--format", "markdown")
    assert markdown.startswith("# Jassy Defends Amazon's $200B AI Spending Spree\n\n*GeekWire*\n")
    assert "\n- Amazon's capital expenditure" in markdown
    assert "\n| Custom Silicon | Trainium/Inferentia | Maia | TPU (v5p/v6) |\n" in markdown
    _, text, _ = run(capsys, "show", "004")
    assert text.startswith("Jassy Defends Amazon's $200B AI Spending Spree\n=====")
    assert "\n• Amazon's capital expenditure" in text


def test_corpus_from_option_and_environment(capsys, tmp_path: Path, monkeypatch) -> None:
    write(
        tmp_path,
        "mine.txt",
        "My own article title\nThis is a sentence of prose about my own topic.\n",
    )
    _, out, _ = run(capsys, "articles", "--json", "--corpus", str(tmp_path))
    assert [row["id"] for row in json.loads(out)] == ["mine"]
    monkeypatch.setenv("DOSSIER_CORPUS", str(tmp_path))
    _, out, _ = run(capsys, "articles", "--json")
    assert [row["id"] for row in json.loads(out)] == ["mine"]


def test_skipped_files_are_reported_on_stderr(capsys, tmp_path: Path) -> None:
    write(tmp_path, "ok.txt", "A title for this one\nA sentence of prose that is long enough.\n")
    write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n")
    code, out, err = run(capsys, "articles", "--json", "--corpus", str(tmp_path))
    assert code == 0 and len(json.loads(out)) == 1
    assert err.strip().endswith("image.png: not an article file ('.png'; reads .txt, .md, .html)")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "9"], "dossier: error: no article with id '9'"),
        (["show", "00"], "dossier: error: '00' matches 5 articles"),
        (["show"], "dossier: error: the following arguments are required: id"),
        (["show", "000", "--format", "pdf"], "dossier: error: argument --format: invalid choice"),
        (["articles", "--bogus"], "dossier: error: unrecognized arguments: --bogus"),
        (["articles", "--corpus", "/no/such/folder"], "dossier: error: corpus folder not found"),
    ],
)
def test_errors_are_one_line_with_exit_status_2(capsys, argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_an_unreadable_article_is_one_line_not_a_traceback(capsys, tmp_path: Path) -> None:
    write(tmp_path, "blob.txt", b"\x7fELF" + bytes(64))
    code, _, err = run(capsys, "show", "blob", "--corpus", str(tmp_path))
    assert code == 2
    assert err == f"dossier: error: {tmp_path / 'blob.txt'}: binary file (an executable)\n"


def test_facts_name_the_other_articles_by_title_and_count_repeats(capsys) -> None:
    code, out, _ = run(capsys, "facts", "000")
    assert code == 0
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "$200 billion" in line)
    assert lines[first].startswith("✓ money") and lines[first].endswith("×4")
    below = " ".join(lines[first + 1 : first + 6])
    assert "also in “Jassy Defends Amazon's $200B AI Spending Spree” (GeekWire)" in below
    assert "004_" not in below  # named by title, not by a truncated id


# --- one numbering: passages are numbered from 1 wherever a person reads them; JSON keeps the
# indexes from 0 (the README says so) --------------------------------------------------------


def test_plain_search_numbers_passages_from_one_where_json_counts_from_zero(capsys) -> None:
    _, out, _ = run(capsys, "search", "Trainium", "--json", "--limit", "3")
    articles = json.loads(out)["articles"]
    _, plain, _ = run(capsys, "search", "Trainium", "--limit", "3")
    plain = " ".join(plain.split())  # the plain output wraps at the terminal's width
    for article in articles:
        for hit in article["passages"][:2]:
            assert f"passage {hit['passage'] + 1}: {' '.join(hit['snippet'].split())}" in plain


def test_plain_compare_numbers_passages_as_its_json_plus_one(capsys) -> None:
    _, out, _ = run(capsys, "compare", "000", "001", "--json")
    differing = json.loads(out)["disagreements"]
    _, plain, _ = run(capsys, "compare", "000", "001")
    assert differing
    for item in differing:
        assert f"≠ passage {item['a_passage'] + 1} / {item['b_passage'] + 1}: " in plain


def test_bookmarks_take_and_show_the_passage_number_people_see(capsys) -> None:
    _, shown, _ = run(capsys, "show", "000", "--json")
    third = json.loads(shown)["passages"][2]["text"]
    code, out, _ = run(capsys, "bookmarks", "add", "000", "--passage", "3")
    assert code == 0 and out.startswith("bookmarked passage 3 of 000_")
    _, listed, _ = run(capsys, "bookmarks", "list", "--json")
    (saved,) = json.loads(listed)
    assert (saved["passage"], saved["quote"]) == (2, third)  # JSON: the index, from 0
    _, plain, _ = run(capsys, "bookmarks", "list")
    assert plain.split()[1:3] == ["000_db1eeced", "3"]
    code, _, err = run(capsys, "bookmarks", "add", "000", "--passage", "0")
    assert code == 2 and "--passage: must be 1 or more" in err
    code, _, err = run(capsys, "bookmarks", "add", "000", "--passage", "17")
    assert code == 2 and "has passages 1 to 16, not 17" in err
    code, _, err = run(capsys, "bookmarks", "add", "000", "--passage", "3", "--quote", "Zebra")
    assert code == 2 and "passage 3 of '000_db1eeced8312f416' does not contain" in err
    code, out, _ = run(capsys, "bookmarks", "remove", saved["id"])
    assert code == 0 and out.rstrip().endswith(", passage 3)")


def test_index_counts_a_file_that_is_no_article_as_skipped_every_time(capsys, tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(32)
    seed = next(SEEDS.glob("004_*.txt"))
    write(tmp_path, seed.name, seed.read_bytes())
    for number in range(1, 5):
        write(tmp_path, f"photo-{number}.png", png)
    write(tmp_path, "photo-5.html", png)  # an image with an article's extension
    summaries = []
    for extra in ([], [], ["--rebuild"], []):
        code, out, _ = run(capsys, "index", "--corpus", str(tmp_path), *extra)
        assert code == 0
        summaries.append(re.sub(r" in [0-9.]+ s", "", out.split(": ", 1)[1].strip()))
    assert summaries == [
        "1 added, 0 changed, 0 removed, 0 unchanged; 5 files skipped",
        "0 added, 0 changed, 0 removed, 1 unchanged; 5 files skipped",
        "1 added, 0 changed, 0 removed, 0 unchanged; 5 files skipped",
        "0 added, 0 changed, 0 removed, 1 unchanged; 5 files skipped",
    ]
