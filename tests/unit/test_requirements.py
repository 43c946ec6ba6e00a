"""Every module the code imports comes from a declared requirement, and one file's failure of any
kind is that file's skip reason, never the corpus's."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

from search.reading import loader
from search.reading.corpus import load_corpus
from tests.support import ROOT, write


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        _normal(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]
    }


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for package in ("search", "tui"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"search", "tui", "__future__"}


def test_every_imported_module_is_a_declared_requirement() -> None:
    providers = importlib.metadata.packages_distributions()
    declared = _declared()
    missing = {
        module: providers.get(module)
        for module in _imported_modules()
        if not {_normal(d) for d in providers.get(module, [])} & declared
    }
    assert missing == {}


def test_the_html_cleaner_module_that_justext_imports_is_declared() -> None:
    # jusText (imported by trafilatura) asks for lxml[html_clean]; the pip of Python 3.11 drops
    # that extra, so `pip install .` alone gave "lxml.html.clean module is now a separate
    # project" on the first HTML file.
    assert "lxml-html-clean" in _declared()
    import justext  # noqa: F401 - importing it is the check
    import lxml.html.clean  # noqa: F401


def test_a_failing_file_is_skipped_with_its_reason_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(html: str) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(loader, "extract_html", broken)
    write(
        tmp_path, "page.html", "<html><body><p>" + "Words of a page. " * 20 + "</p></body></html>"
    )
    write(
        tmp_path,
        "story.txt",
        "A headline for the story\nA sentence of the story that is long enough.\n",
    )
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["story"]
    [skipped] = corpus.skipped
    assert skipped.path.name == "page.html"
    assert skipped.reason.startswith("could not be read (ImportError: lxml.html.clean module")


def test_a_bug_on_one_file_skips_it_in_the_index_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from search.index.corpus_index import CorpusIndex

    def broken(html: str) -> None:
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(loader, "extract_html", broken)
    corpus = tmp_path / "corpus"
    write(corpus, "page.html", "<html><body><p>" + "Words of a page. " * 20 + "</p></body></html>")
    write(
        corpus,
        "story.txt",
        "A headline for the story\nA sentence of the story that is long enough.\n",
    )
    index = CorpusIndex(corpus, location=tmp_path / "index")
    report = index.update()
    index.close()
    assert report.added == 2 and report.passages == 1
    assert [(s.path.name, s.reason) for s in report.skipped] == [
        ("page.html", "could not be read (RuntimeError: something unexpected)")
    ]
