"""Re-anchoring cost: a bookmark on every passage of a 5,000-word article (every seed's
passages), found again in the article unchanged, lightly edited (a paragraph inserted at the top
and a word changed in each passage), and rewritten (each passage's words reversed: nearly all
orphaned, the fuzzy search's worst case)."""

from __future__ import annotations

from dataclasses import replace

from bench.compare import _median_ms
from bench.facts import _long_article
from search.bookmarks.anchors import make_anchor, resolve
from search.model import Article

KINDS = {
    "unchanged": "the same text (its hash matches)",
    "edited": "a paragraph inserted before, a word changed in each passage",
    "rewritten": "each passage's words reversed",
}


def _version(article: Article, kind: str) -> Article:
    passages = list(article.passages)
    if kind == "edited":
        passages = [replace(p, text=p.text.replace(" the ", " a ", 1)) for p in passages]
        passages.insert(0, replace(passages[0], text="A paragraph inserted before the rest."))
    elif kind == "rewritten":
        passages = [replace(p, text=" ".join(reversed(p.text.split()))) for p in passages]
    passages = [replace(p, index=i) for i, p in enumerate(passages)]
    return replace(article, passages=passages)


def run() -> str:
    article = _long_article()
    anchors = [make_anchor(article, i) for i in range(len(article.passages))]
    rows = []
    for kind, what in KINDS.items():
        version = _version(article, kind)
        found = [resolve(anchor, version) for anchor in anchors]
        each = _median_ms(lambda v=version: [resolve(a, v) for a in anchors]) / len(anchors)
        counts = " / ".join(
            str(sum(f.status == status for f in found))
            for status in ("anchored", "moved", "orphaned")
        )
        rows.append(f"| {what} | {counts} | {each:.2f} ms |")
    return (
        "## Bookmarks: re-anchoring\n\n"
        f"A bookmark on each of the {len(anchors)} passages of a {article.words:,}-word article, "
        "found again when the article is opened (the app does it in a worker), median of 9 "
        "runs.\n\n"
        "| the article now | anchored / moved / orphaned | time per bookmark |\n"
        "|---|---:|---:|\n" + "\n".join(rows) + "\n"
    )


if __name__ == "__main__":
    print(run())
