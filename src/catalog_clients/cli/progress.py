"""Progress of an upsert: a rich bar on a terminal, plain periodic lines otherwise.

Both reporters take the same calls: ``update(items_done, chunks_done)`` as chunks finish,
and ``close()`` at the end. They write to stderr, so stdout keeps only the summary.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .common import stderr_console

if TYPE_CHECKING:
    from ..propeller import Progress as Counts

PLAIN_INTERVAL_SECONDS = 2.0


def format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


class Reporter:
    def __init__(self, total_items: int, total_chunks: int) -> None:
        self.total_items = total_items
        self.total_chunks = total_chunks
        self.items = 0
        self.chunks = 0
        self.started = time.monotonic()
        self.outcome = "done"

    def update(self, items_done: int, chunks_done: int) -> None:
        self.items, self.chunks = items_done, chunks_done

    def interrupt(self) -> None:
        """The run was stopped (Ctrl-C): the last line says so, not "done"."""
        self.outcome = "interrupted"

    def close(self) -> None:
        pass

    def __enter__(self) -> Reporter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class RichReporter(Reporter):
    """A live bar: items (with rate and ETA) and chunks."""

    def __init__(self, total_items: int, total_chunks: int, console: Console) -> None:
        super().__init__(total_items, total_chunks)
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("chunk {task.fields[chunks]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task = self._progress.add_task(
            "upserting", total=total_items, rate="", chunks=f"0/{total_chunks}"
        )
        self._progress.start()

    def update(self, items_done: int, chunks_done: int) -> None:
        super().update(items_done, chunks_done)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        self._progress.update(
            self._task,
            completed=items_done,
            rate=f"{items_done / elapsed:,.0f} items/s",
            chunks=f"{chunks_done}/{self.total_chunks}",
        )

    def close(self) -> None:
        self._progress.stop()


class PlainReporter(Reporter):
    """One line every few seconds, and one at the end: readable in a log or a cron mail."""

    def __init__(
        self,
        total_items: int,
        total_chunks: int,
        stream: TextIO,
        interval: float = PLAIN_INTERVAL_SECONDS,
    ) -> None:
        super().__init__(total_items, total_chunks)
        self._stream = stream
        self._interval = interval
        self._last_print = self.started
        self._printed: tuple[int, int] | None = None
        self._line("starting")

    def _line(self, what: str) -> None:
        elapsed = time.monotonic() - self.started
        percent = 100.0 * self.items / self.total_items if self.total_items else 100.0
        rate = self.items / elapsed if elapsed > 0 else 0.0
        left = self.total_items - self.items
        eta = format_duration(left / rate) if rate > 0 and left > 0 else "-"
        self._stream.write(
            f"progress: {what}: {self.items}/{self.total_items} items ({percent:.0f}%), "
            f"{self.chunks}/{self.total_chunks} chunks, {rate:,.0f} items/s, "
            f"elapsed {format_duration(elapsed)}, ETA {eta}\n"
        )
        self._stream.flush()
        self._printed = (self.items, self.chunks)

    def update(self, items_done: int, chunks_done: int) -> None:
        super().update(items_done, chunks_done)
        now = time.monotonic()
        if now - self._last_print >= self._interval:
            self._last_print = now
            self._line("running")

    def close(self) -> None:
        fresh = self._printed != (self.items, self.chunks) or self._printed == (0, 0)
        if fresh or self.outcome != "done":
            self._line(self.outcome)


def progress_callback(reporter: Reporter) -> Callable[[Counts], None]:
    """Feed the library's running counts (after each chunk) to the reporter."""

    def on_progress(progress: Counts) -> None:
        reporter.update(progress.processed, progress.chunks)

    return on_progress


@contextmanager
def counting(what: str, unit: str) -> Iterator[Callable[[int], None]]:
    """Progress of a pass whose end is not known in advance (reading and checking an input,
    fetching pages): ``tick(count)`` as it goes. A spinner with the count on a terminal
    (gone when the pass ends), else a line every few seconds."""
    console = stderr_console()
    if console.is_terminal:
        spinner = Progress(
            SpinnerColumn(),
            TextColumn(f"{what}: {{task.completed:,}} {unit}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        task = spinner.add_task(what, total=None)
        with spinner:
            yield lambda count: spinner.update(task, completed=count)
        return
    last = time.monotonic()

    def tick(count: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PLAIN_INTERVAL_SECONDS:
            last = now
            sys.stderr.write(f"progress: {what}: {count} {unit}\n")
            sys.stderr.flush()

    yield tick
