"""`dossier fix`: the reader corrects the cleaner from the command line — a removed line
restored, a kept one removed, the title or date fixed — and `show`, `search` and `facts`
follow at once; `--show` lists the corrections, `--reset` forgets them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support import SEEDS
from tests.support.cli import run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def shown(capsys, corpus: Path, article: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    code, out, _ = run(capsys, "show", article, "--json", "--corpus", str(corpus))
    assert code == 0
    return json.loads(out)


def test_a_removed_line_restored_and_a_title_fixed_show_search_and_show_marks(
    capsys, corpus: Path
) -> None:
    before = shown(capsys, corpus, "002")
    promo = next(r for r in before["removed"] if "featured" in r["text"])
    assert before["corrected"] is None
    assert run(capsys, "index", "--corpus", str(corpus))[0] == 0
    code, out, err = run(
        capsys, "fix", "002", "--corpus", str(corpus),
        "--restore", str(promo["line"]), "--title", "Chips made in-house",
    )  # fmt: skip
    assert code == 0 and err == ""
    assert out.strip() == (
        f"002_162fa0abf6511b64: title “Chips made in-house”; line {promo['line']} restored"
    )
    after = shown(capsys, corpus, "002")
    assert after["title"] == "Chips made in-house"
    assert any("featured" in p["text"] for p in after["passages"])
    assert after["corrected"]["restored"] == [promo["line"]]
    assert after["corrected"]["fields"]["title"]["was"] == before["title"]
    # The index followed at once: the restored line is found, under the new title.
    code, out, _ = run(capsys, "search", "featured", "--json", "--corpus", str(corpus))
    hits = json.loads(out)["hits"]
    assert code == 0 and [h["article"] for h in hits][:1] == ["002_162fa0abf6511b64"]
    code, out, _ = run(capsys, "fix", "002", "--show", "--json", "--corpus", str(corpus))
    listing = json.loads(out)
    assert listing["fields"] == {"title": "Chips made in-house"}
    assert [(ln["line"], ln["action"], ln["status"]) for ln in listing["lines"]] == [
        (promo["line"], "restore", "applied")
    ]
    assert run(capsys, "fix", "002", "--reset", "--corpus", str(corpus))[0] == 0
    assert shown(capsys, corpus, "002")["title"] == before["title"]


def test_a_kept_line_removed_takes_its_figure_out_of_the_facts(capsys, corpus: Path) -> None:
    def figures() -> list[str]:
        code, out, _ = run(capsys, "facts", "004", "--json", "--corpus", str(corpus))
        assert code == 0
        return [f["sentence"] for f in json.loads(out) if f["kind"] == "date"]

    article = shown(capsys, corpus, "004")
    dated = next(p for p in article["passages"] if "2028" in p["text"])
    assert any("2028" in sentence for sentence in figures())
    code, _, _ = run(
        capsys, "fix", "004", "--remove", str(dated["lines"][0]), "--corpus", str(corpus)
    )
    assert code == 0
    assert not any("2028" in sentence for sentence in figures())
    removed = shown(capsys, corpus, "004")["removed"]
    assert any(r["line"] == dated["lines"][0] and "correction" in r["reason"] for r in removed)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--published", "31 March"], "'31 March' is not a date"),
        (["--restore", "9999"], "line 9999 is not a line of text"),
        ([], "say what to fix"),
        (["--show", "--title", "x"], "--show and --reset go alone"),
    ],
)
def test_a_fix_that_cannot_be_made_is_one_line_exit_2(
    capsys, corpus: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "fix", "002", *argv, "--corpus", str(corpus))
    assert code == 2 and out == ""
    assert err.startswith("dossier: error: ") and message in err and err.count("\n") == 1
