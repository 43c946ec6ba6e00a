"""The `dossier` command: the parser, terminal output, and one handler per command, each going
through the Workspace (search.workspace). `main` is the console entry point."""

from tui.cli.main import main

__all__ = ["main"]
