"""`dossier bookmarks add|list|remove|export`: passages kept with a note and tags. Passages are
numbered from 1, as the app and the plain output show them (`--passage 3` is the third); JSON
keeps indexes from 0."""

from __future__ import annotations

import sys
from argparse import Namespace

from search import UnknownArticle
from search.safety import one_line
from tui.cli.output import workspace, write, write_json


def run(args: Namespace) -> int:
    from search.bookmarks import export_markdown, new_bookmark

    corpus = workspace(args)
    if args.action == "add":
        article = corpus.article(args.id)
        count = len(article.passages)
        if not 1 <= args.passage <= count:
            raise UnknownArticle(f"'{article.id}' has passages 1 to {count}, not {args.passage}")
        if args.quote and args.quote not in article.passages[args.passage - 1].text:
            raise UnknownArticle(
                f"passage {args.passage} of '{article.id}' does not contain that quote"
            )
        bookmark = new_bookmark(
            corpus.root,
            article,
            args.passage - 1,
            quote=args.quote,
            note=args.note,
            tags=tuple(args.tag),
        )
        corpus.bookmark_store.add(bookmark)
        print(f"bookmarked passage {args.passage} of {article.id} as {bookmark.id}")
        return 0
    if args.action == "remove":
        removed = corpus.bookmark_store.remove(args.bid)
        print(f"removed {removed.id} ({removed.article}, passage {removed.anchor.passage + 1})")
        return 0
    located, articles = corpus.bookmarks()
    for notice in corpus.bookmark_store.notices:
        print(f"dossier: {one_line(notice)}", file=sys.stderr)
    if args.action == "list" and not args.json:
        for b in located:
            status = b.status if b.status != "moved" else f"moved {b.found.confidence:.2f}"
            quote = one_line(b.anchor.quote)[:60]
            print(f"{b.id}  {b.article[:12]:12} {b.passage + 1:>4}  {status:12} {quote}")
        return 0
    if args.action == "export" and args.format == "markdown":
        write(export_markdown(located, articles))
        return 0
    write_json([b.as_json() for b in located])
    return 0
