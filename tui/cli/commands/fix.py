"""`dossier fix ID`: correct how an article was cleaned — its title, date, source or byline, a
removed line restored or a kept one removed; `--show` lists the corrections (stale ones: their
line is gone from the file), `--reset` forgets them. Line numbers are the file's, from 1."""

from __future__ import annotations

from argparse import Namespace

from search.safety import one_line
from tui.cli.output import warn, workspace, write, write_json
from tui.cli.parser import UsageError

FIELDS = ("title", "published", "source", "byline")


def run(args: Namespace) -> int:
    corpus = workspace(args)
    changes = {name: getattr(args, name) for name in FIELDS if getattr(args, name) is not None}
    lines = args.restore or args.remove
    if args.show or args.reset:
        if changes or lines or (args.show and args.reset):
            raise UsageError("--show and --reset go alone")
        if args.reset:
            fixed = corpus.reset_corrections(args.id)
            write(f"{fixed.article.id}: corrections forgotten; the article is as cleaned")
            return _told(fixed.notice)
        fixes = corpus.corrections(args.id)
        if args.json:
            write_json(fixes.as_json())
        else:
            write(_listing(fixes.as_json()))
        return 0
    if not changes and not lines:
        raise UsageError("say what to fix: --title, --published, --source, --byline, "
                         "--restore LINE or --remove LINE (or --show, --reset)")  # fmt: skip
    fixed = corpus.fix(args.id, restore=args.restore, remove=args.remove, **changes)
    article, marks = fixed.article, fixed.article.corrected
    said = [f"{name} “{one_line(getattr(article, name) or '')}”" for name in changes]
    said += [f"line {n} restored" for n in args.restore]
    said += [f"line {n} removed" for n in args.remove]
    write(f"{article.id}: " + "; ".join(said))
    if marks is not None and marks.stale:
        warn(f"{len(marks.stale)} correction(s) no longer match a line of the file (--show)")
    return _told(fixed.notice)


def _told(notice: str | None) -> int:
    if notice:
        warn(f"notice: {notice}")
    return 0


def _listing(data: dict) -> str:  # type: ignore[type-arg]
    out = [f"{data['id']} ({data['file']})"]
    for name, value in data["fields"].items():
        out.append(f"  {name}: “{one_line(value)}”")
    for line in data["lines"]:
        out.append(
            f"  line {line['line']}: {line['action']} ({line['status']}): "
            f"{one_line(line['text'])[:60]}"
        )
    if len(out) == 1:
        out.append("  no corrections")
    return "\n".join(out)
