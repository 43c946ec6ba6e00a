"""Loading a corpus folder: formats, front matter, ids, and files that are skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from search.model import PassageKind
from search.reading.corpus import CorpusError, UnknownArticle, load_corpus, scan_corpus
from search.reading.loader import LoadError, load_article
from tests.support import write

ARTICLE_HTML = """<html><head><title>Amazon chips story | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-06-02T10:00:00Z">
<link rel="canonical" href="https://example.com/amazon-chips">
<script>document.write("tracking")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a></nav>
<article><h1>Amazon bets on its own chips</h1>
<p>Amazon said on Monday that its custom Trainium chips would carry most of its AI training
load by 2027, a shift that could save the company billions of dollars a year.</p>
<h2>The numbers</h2>
<p>The company plans to spend about $200 billion on capital projects this year, mostly on data
centers for AWS, according to figures it gave investors.</p>
<ul><li>Trainium for training models at scale</li><li>Inferentia for serving predictions</li></ul>
<table><tr><th>Chip</th><th>Use</th></tr><tr><td>Trainium</td><td>Training</td></tr></table>
<p>Analysts said the plan was ambitious but that owning the silicon was compelling for a
company of Amazon's size and with its appetite for computing power.</p>
</article><footer>© 2025 Example News. <a href="/subscribe">Subscribe</a></footer></body></html>
"""


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    write(
        tmp_path,
        "note.md",
        (
            "---\ntitle: Chips and costs\nsource: Example Weekly\nauthor: [Ann Lee, Bo Chen]\n"
            "date: 2025-02-03\nurl: https://example.com/chips\n---\n\n"
            "# Chips and costs\n\nAmazon designs its own chips to cut costs.\n\n## Why\n\n"
            "- cheaper inference\n- less dependence on suppliers\n\n> A quoted remark.\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n"
        ),
    )
    article = load_corpus(tmp_path).articles[0]
    assert (article.title, article.source, article.byline) == (
        "Chips and costs",
        "Example Weekly",
        "Ann Lee, Bo Chen",
    )
    assert (article.published, article.url) == ("2025-02-03", "https://example.com/chips")
    kinds = [p.kind for p in article.passages]
    assert kinds == [
        PassageKind.PARAGRAPH,
        PassageKind.HEADING,
        PassageKind.LIST_ITEM,
        PassageKind.LIST_ITEM,
        PassageKind.QUOTE,
        PassageKind.TABLE,
    ]
    assert article.passages[0].lines == (11, 11)
    assert {r.reason for r in article.removed} == {
        "front matter (shown in the article's details)",
        "title (shown as the article's title)",
    }


def test_markdown_with_broken_front_matter_still_loads(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nSome text of the article.\n")
    article = load_corpus(tmp_path).articles[0]
    assert article.passages[0].text == "Some text of the article."
    assert article.repairs == ["front matter is not valid YAML at line 2"]


def test_front_matter_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    write(
        tmp_path, "evil.md", "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nBody.\n"
    )
    article = load_corpus(tmp_path).articles[0]
    assert article.repairs == ["front matter is not valid YAML at line 2"]


def test_html_article_through_trafilatura(tmp_path: Path) -> None:
    write(tmp_path, "page.html", ARTICLE_HTML)
    article = load_corpus(tmp_path).articles[0]
    assert article.title == "Amazon bets on its own chips"
    assert (article.source, article.byline, article.published) == (
        "Example News",
        "Jane Doe",
        "2025-06-02",
    )
    assert article.url == "https://example.com/amazon-chips"
    texts = [p.text for p in article.passages]
    assert texts[0].startswith("Amazon said on Monday")
    assert "tracking" not in " ".join(texts) and "Home" not in texts
    assert PassageKind.TABLE in {p.kind for p in article.passages}


def test_html_without_an_article_is_skipped_with_a_reason(tmp_path: Path) -> None:
    write(
        tmp_path, "script.htm", "<html><head><script>var a = 1;</script></head><body></body></html>"
    )
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    assert "HTML page without article text" in corpus.skipped[0].reason


def test_unsupported_binary_empty_and_large_files_are_skipped(tmp_path: Path) -> None:
    write(
        tmp_path,
        "good.txt",
        "A title for the test\nA sentence of prose that is long enough to count.\n",
    )
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    write(tmp_path, "disguised.txt", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path, "empty.txt", b"")
    big = write(tmp_path, "big.txt", b"")
    with big.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["good"]
    reasons = {s.path.name: s.reason for s in corpus.skipped}
    assert reasons["photo.jpg"].startswith("not an article file ('.jpg'")
    assert reasons["disguised.txt"] == "binary file (a PNG image)"
    assert reasons["empty.txt"] == "empty file"
    assert reasons["big.txt"].startswith("too large to be an article (17.8 MB")


def test_folders_are_read_recursively_and_ids_stay_unique(tmp_path: Path) -> None:
    text = "Title of a short piece\nThis is one sentence of prose for the test article.\n"
    write(tmp_path, "a/report.txt", text)
    write(tmp_path, "b/report.txt", text)
    write(tmp_path, "b/deep/other.md", "# Other\n\nSome body text here.\n")
    write(tmp_path, ".git/config.txt", text)
    scan = scan_corpus(tmp_path)
    assert [f.id for f in scan.files] == ["a/report", "b/report", "other"]
    assert scan.resolve("oth").id == "other"


def test_unique_prefix_and_ambiguous_ids(tmp_path: Path) -> None:
    for name in ("alpha-one", "alpha-two", "beta"):
        write(
            tmp_path,
            f"{name}.txt",
            "Heading line here\nA sentence that is long enough to be prose.\n",
        )
    scan = scan_corpus(tmp_path)
    assert scan.resolve("b").id == "beta"
    assert scan.resolve("alpha-one").id == "alpha-one"
    with pytest.raises(UnknownArticle, match="'alpha' matches 2 articles: alpha-one, alpha-two"):
        scan.resolve("alpha")
    with pytest.raises(UnknownArticle, match="no article with id 'zeta'"):
        scan.resolve("zeta")


def test_symlink_loop_is_reported_not_followed_forever(tmp_path: Path) -> None:
    write(tmp_path, "sub/piece.txt", "A title line\nA sentence of prose for the loop test.\n")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    scan = scan_corpus(tmp_path)
    assert [f.id for f in scan.files] == ["piece"]
    reasons = sorted(s.reason for s in scan.skipped)
    assert reasons == ["broken link", "link back to a folder already read (a loop)"]


def test_missing_corpus_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="corpus folder not found"):
        scan_corpus(tmp_path / "nowhere")


def test_file_vanishing_before_it_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "gone.txt", "text")
    source = scan_corpus(tmp_path).files[0]
    path.unlink()
    with pytest.raises(LoadError, match="disappeared"):
        load_article(source)
