"""Running the app's slow work: a job (tui/workers.py) runs in a thread with the screen's
Workspace and reports by posting messages to the screen; a job that fails reaches the one
handler here, which tells the user in one line (never a traceback)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar

from textual.worker import Worker, WorkerState

from search import Workspace
from search.safety import one_line


class Jobs:
    """For a screen that runs jobs (a mixin: `class S(Jobs, Screen)`). `FAILED` says what a
    failed job of a group means to the user ("search is unavailable"); `job_failed` may say it
    differently (the status line)."""

    FAILED: ClassVar[dict[str, str]] = {}
    workspace: Workspace

    def run_job(
        self, job: Callable[..., None], *args: object, group: str, exclusive: bool = True
    ) -> Worker[None]:
        """Run `job(workspace, post, *args)` in a thread, reporting to this screen."""
        return self.run_worker(
            partial(job, self.workspace, self.post_message, *args),
            thread=True,
            group=group,
            exclusive=exclusive,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            what = self.FAILED.get(event.worker.group)
            error = one_line(str(event.worker.error))
            self.job_failed(event.worker.group, f"{what}: {error}" if what else error)

    def job_failed(self, group: str, text: str) -> None:
        self.notify(text, severity="error", timeout=10)
