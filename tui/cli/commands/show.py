"""`dossier show ID [--format text|markdown|json]`: one clean article."""

from __future__ import annotations

from argparse import Namespace

from search import CorpusError, LoadError
from search.render import article_json, article_markdown, article_text
from tui.cli.output import workspace, write, write_json


def run(args: Namespace) -> int:
    corpus = workspace(args)
    source = corpus.source(args.id)
    try:
        article = corpus.article(source.id)
    except LoadError as error:
        raise CorpusError(f"{source.path}: {error}") from error
    if args.format == "json" or args.json:
        write_json(article_json(article))
    elif args.format == "markdown":
        write(article_markdown(article))
    else:
        write(article_text(article))
    return 0
