"""Keys handled one at a time, so none is lost when they arrive in a burst (a paste, a fast
typist over SSH). Textual hands each key to the widget focused when the key is taken from the
app's queue, but what a key does (move the focus, open a dialog that focuses its field, submit
a field) happens later, in other queues: the keys behind it went to the old place, and a
priority binding such as a dialog's Enter ran before the characters typed ahead of it reached
their field.

`KeyGate` (a mixin for the App) holds keys and pastes and lets the next one in only when the
previous one is done: stopped by a widget or seen by the app's bindings, and every queue it
went through (the focused widget, its parents, the screen, the app) empty again. A screen that
is loading what the keys act on (the bookmarks to edit, the article a hit opens) says so with
`accepts_keys`. A key that cannot be followed is let through after a moment: late, never lost.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Iterable
from time import monotonic

from textual import events
from textual.message_pump import MessagePump

POLL_SECONDS = 0.001
KEY_TIMEOUT = 0.5  # longest wait for one key to be handled
SCREEN_TIMEOUT = 3.0  # longest wait for a screen that is loading what the keys act on

Gated = events.Key | events.Paste


def _idle(pump: MessagePump) -> bool:
    """Nothing queued or being handled by this widget, screen or app."""
    queue = pump._message_queue
    busy = getattr(queue, "_unfinished_tasks", queue.qsize())
    return not busy and not pump._next_callbacks


class KeyGate:
    """For the App (`class MyApp(KeyGate, App)`): keys and pastes, one at a time, in order."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: deque[Gated] = deque()
        self._released_keys: set[int] = set()  # ids of the events let through, in flight
        self._done_keys: set[int] = set()
        self._key_drain: asyncio.Task[None] | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, Gated):
            await super().on_event(event)  # type: ignore[misc]
            return
        if not event.is_forwarded and id(event) not in self._released_keys:
            self._held_keys.append(event)
            if self._key_drain is None or self._key_drain.done():
                self._key_drain = asyncio.create_task(self._let_through())
            return
        came_back = event.is_forwarded
        await super().on_event(event)  # type: ignore[misc]
        if id(event) in self._released_keys and (came_back or not event.is_forwarded):
            # Back up at the app (no widget stopped it, and the app's bindings have run), or
            # taken by a priority binding before it was forwarded at all.
            self._done_keys.add(id(event))

    def stop_key_gate(self) -> None:
        """Drop the keys still held (the app is closing)."""
        self._held_keys.clear()
        if self._key_drain is not None:
            self._key_drain.cancel()

    # --- letting keys through --------------------------------------------------------------

    def _key_pumps(self) -> Iterable[MessagePump]:
        """Where a key and what it causes travel: the app, the screen, the focused widget and
        its parents."""
        focused = self.focused  # type: ignore[attr-defined]
        return [self, self.screen, *(focused.ancestors_with_self if focused else ())]  # type: ignore[attr-defined,list-item]

    def _keys_quiet(self) -> bool:
        return all(_idle(pump) for pump in self._key_pumps())

    def _keys_ready(self) -> bool:
        screen = self.screen  # type: ignore[attr-defined]
        return screen.is_mounted and getattr(screen, "accepts_keys", True) and self._keys_quiet()

    def _key_handled(self, event: Gated) -> bool:
        return id(event) in self._done_keys or (event.is_forwarded and event._stop_propagation)

    async def _let_through(self) -> None:
        while self._held_keys:
            await _until(self._keys_ready, SCREEN_TIMEOUT)
            event = self._held_keys.popleft()
            self._released_keys.add(id(event))
            self.post_message(event)  # type: ignore[attr-defined]
            try:
                await _until(lambda event=event: self._key_handled(event), KEY_TIMEOUT)  # type: ignore[misc]
                await _until(self._keys_quiet, KEY_TIMEOUT)
            finally:
                self._released_keys.discard(id(event))
                self._done_keys.discard(id(event))


async def _until(condition: Callable[[], bool], timeout: float) -> None:
    deadline = monotonic() + timeout
    while not condition() and monotonic() < deadline:
        await asyncio.sleep(POLL_SECONDS)
