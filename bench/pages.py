"""The cleaner on real pages (../shared/data/pages: 90 pages, the text a person copies from a
browser, scored against the true article body by the benchmark's own measure), beside keeping
every line and jusText, in one run; both halves of the set; what each rule of the classifier
gains (the F1 without it); and Dossier's HTML path (trafilatura), for reference.

jusText is not a dependency of Dossier's code, but trafilatura installs it (and the test extra
names it): it is measured whenever it can be imported, and left out with a note otherwise."""

from __future__ import annotations

import html
import time

from search.errors import LoadError
from search.model import SourceFile
from search.reading.clean import clean_plain_text
from search.reading.decode import decode
from search.reading.loader import load_article
from search.reading.rules import RULE_NAMES
from tests.support.reading import PAGES, PagesScore, page_ids, score_pages

WORST = 5


def _text(page: str) -> str:
    return decode((PAGES / "text" / f"{page}.txt").read_bytes()).text


def dossier(disabled: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each page's clean text as `dossier show --format json` gives it (passages, no title)."""
    if not disabled:
        out = {}
        for page in page_ids():
            source = SourceFile(page, PAGES / "text", f"{page}.txt", "text")
            try:
                article = load_article(source, corrections=None)
            except LoadError:
                out[page] = ""
                continue
            out[page] = "\n".join(p.text for p in article.passages)
        return out
    return {
        page: "\n".join(p.text for p in clean_plain_text(_text(page), disabled).passages)
        for page in page_ids()
    }


def dossier_html() -> tuple[dict[str, str], list[str]]:
    """Dossier on the saved HTML (trafilatura sees the markup), and the pages it refused."""
    out, refused = {}, []
    for page in page_ids():
        source = SourceFile(page, PAGES / "html", f"{page}.html", "html")
        try:
            out[page] = "\n".join(p.text for p in load_article(source, corrections=None).passages)
        except LoadError as error:
            out[page] = ""
            refused.append(f"{page[:8]}: {error}")
    return out, refused


def keep_everything() -> dict[str, str]:
    return {page: _text(page) for page in page_ids()}


def justext_output() -> dict[str, str] | None:
    """jusText 3 on the text, each line a paragraph, English stop list (its defaults)."""
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")
    out = {}
    for page in page_ids():
        body = "".join(f"<p>{html.escape(line)}</p>" for line in _text(page).split("\n"))
        paragraphs = justext.justext(f"<html><body>{body}</body></html>", stoplist)
        out[page] = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return out


def _row(name: str, score: PagesScore) -> str:
    return (
        f"| {name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | "
        f"{score.share:.2f} |"
    )


def _half(score: PagesScore, which: int) -> PagesScore:
    return PagesScore([p for i, p in enumerate(score.pages) if i % 2 == which])


def run() -> str:
    if not (PAGES / "truth").is_dir():
        return "## Pages\n\nThe page benchmark (../shared/data/pages) is not beside the repo.\n"
    started = time.perf_counter()
    ours = score_pages(dossier())
    seconds = time.perf_counter() - started
    rows = [
        "| system (same 90 pages, one run) | precision | recall | F1 | share F1 >= 0.9 |",
        "|---|---:|---:|---:|---:|",
        _row("keep every line", score_pages(keep_everything())),
    ]
    justext = justext_output()
    rows.append(
        _row("jusText on the text (each line a paragraph)", score_pages(justext))
        if justext is not None
        else "| jusText | not installed: measured only when it can be imported | | | |"
    )
    rows.append(_row("**Dossier on the text**", ours))
    rows.append(_row("Dossier on the dev half (even pages)", _half(ours, 0)))
    rows.append(_row("Dossier on the other half (odd pages)", _half(ours, 1)))
    on_html, refused = dossier_html()
    rows.append(_row("Dossier on the HTML (trafilatura sees the markup)", score_pages(on_html)))
    worst = sorted(ours.pages, key=lambda p: p.f1)[:WORST]
    out = [
        "## Pages: the cleaner on text copied from 90 real pages\n",
        "Targets: F1 >= 0.93, share >= 0.70, recall >= 0.97. Scored with the benchmark's "
        "measure (../shared/tools/score_pages.py: 4-word shingles, precision and recall "
        "averaged over pages). Dossier's output is its passages, as `dossier show --format "
        f"json` gives them; {seconds / len(ours.pages) * 1000:.0f} ms a page.\n",
        *rows,
        "",
        f"Worst {WORST} pages: "
        + ", ".join(f"{p.page[:8]} F1 {p.f1:.2f} (P {p.precision or 0:.2f})" for p in worst)
        + ".",
        f"HTML pages refused: {len(refused)}" + (f" ({'; '.join(refused)})" if refused else "."),
        "",
        _ablation(ours),
    ]
    return "\n".join(out) + "\n"


def _ablation(ours: PagesScore) -> str:
    rows = [
        "## Pages: what each rule gains (F1 on the 90 pages with the rule left out)\n",
        f"All rules: F1 {ours.f1:.3f}, share {ours.share:.2f}. A positive gain is what the "
        "rule adds; rules that act on other kinds of text (wire stories, clippings, clean "
        "articles) may gain nothing here: see the newswire checks.\n",
        "| rule left out | precision | recall | F1 | gain in F1 | share |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for rule in RULE_NAMES:
        score = score_pages(dossier(frozenset({rule})))
        rows.append(
            f"| {rule} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | "
            f"{ours.f1 - score.f1:+.3f} | {score.share:.2f} |"
        )
    return "\n".join(rows) + "\n"
