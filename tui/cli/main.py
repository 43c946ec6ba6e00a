"""The `dossier` command: a sub-command over the corpus, or the reader app when none is given.

No traceback reaches the user: bad arguments and unknown ids exit 2 with one line on stderr,
any other failure exits 1 with one line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from search import CorpusError, CorrectionError, IndexBusy, UnknownArticle, UnknownBookmark
from tui.cli.names import SUBCOMMANDS
from tui.cli.output import warn


def run_app(argv: Sequence[str]) -> int:
    """The reader on the folder named (or the default one); with no argument the argument
    parser is not even loaded: the first screen waits for nothing it does not need."""
    folder = None
    if argv:
        from tui.cli.parser import build_app_parser

        args = build_app_parser().parse_args(list(argv))
        folder = args.folder or args.corpus
    from search.userdata import default_corpus, load_config

    config = load_config()
    root = folder or default_corpus(config)
    from tui.app import create_app

    app = create_app(corpus=root, config=config)  # scans the folder
    if app.workspace.scan_result is None:
        app.workspace.scan()  # a missing folder is a one-line error before the screen opens
    app.run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in {"-h", "--help"}):
            return run_app(argv)
        from tui.cli.commands import HANDLERS
        from tui.cli.parser import build_parser

        args = build_parser().parse_args(argv)
        return HANDLERS[args.command](args)
    except (UnknownArticle, UnknownBookmark, CorpusError, CorrectionError) as error:
        warn(f"error: {error}")
        return 2
    except IndexBusy as error:
        warn(f"error: {error}")
        return 1
    except KeyboardInterrupt:  # writes are atomic: what was on disk before is intact
        warn("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader of our output went away (| head): not an error
        return 0
    except Exception as error:  # the promise: no traceback ever reaches the user
        from search.userdata import UserFileError  # YAML behind it: not imported to start
        from tui.cli.parser import UsageError

        if isinstance(error, UsageError):
            warn(f"error: {error}")
            return 2
        if isinstance(error, UserFileError):
            warn(f"error: {error}")
        else:
            warn(f"error: {type(error).__name__}: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
