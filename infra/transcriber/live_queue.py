"""The order in which one room's transcriptions reach the Whisper engine, and when to give up
on the past to stay live. Pure rules in `choose`; the async loop around them in `LiveQueue`.

Finals come first, oldest first: they are what people read and what the meeting keeps. Then
speculations (which usually become finals), then interims — only the newest of each speaker's,
and only while nothing more important waits. A final whose speech ended longer ago than
`max_lag` is skipped: captions that far behind help no one, so the room skips to live speech and
says so (the offline pass on the recording still gets every word).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Optional

PRIORITY = {'final': 0, 'speculate': 1, 'interim': 2}


@dataclass
class Job:
    kind: str                 # 'final' | 'speculate' | 'interim'
    speaker: str              # the track's key: newer interims of a speaker replace older ones
    ended_at: float           # monotonic time the job's audio ends (the speech's end for a final)
    seconds: float            # audio length
    run: Callable[[], Awaitable[object]] = field(repr=False, default=None)  # type: ignore[assignment]
    future: Optional[asyncio.Future] = field(repr=False, default=None)
    seq: int = 0


def choose(pending: list[Job], now: float, max_lag: float) -> tuple[Optional[Job], list[Job]]:
    """The job to run next and the jobs to drop now (stale ones, superseded interims)."""
    newest: dict[str, Job] = {}
    for job in pending:
        if job.kind == 'interim' and (job.speaker not in newest or newest[job.speaker].seq < job.seq):
            newest[job.speaker] = job
    drop: list[Job] = []
    keep: list[Job] = []
    for job in pending:
        superseded = job.kind == 'interim' and newest[job.speaker] is not job
        (drop if superseded or now - job.ended_at > max_lag else keep).append(job)
    important = [j for j in keep if j.kind != 'interim']
    if important:
        # Interims wait for finals and speculations; a waiting interim is stale by then.
        drop.extend(j for j in keep if j.kind == 'interim')
        keep = important
    if not keep:
        return None, drop
    keep.sort(key=lambda j: (PRIORITY[j.kind], j.seq))
    return keep[0], drop


class Skipped(Exception):
    """The job was dropped: superseded, too far behind, or the engine is down."""


class LiveQueue:
    """One room's queue: one transcription in flight at a time (the engine runs one anyway)."""

    def __init__(self, max_lag: float, on_skip: Callable[[Job], None]):
        self.max_lag = max_lag
        self.on_skip = on_skip
        self._pending: list[Job] = []
        self._wake = asyncio.Event()
        self._seq = 0
        self._closed = False
        self.busy = False

    def submit(self, job: Job) -> asyncio.Future:
        self._seq += 1
        job.seq = self._seq
        job.future = asyncio.get_running_loop().create_future()
        self._pending.append(job)
        self._wake.set()
        return job.future

    def drop_all(self) -> None:
        for job in self._pending:
            self._skip(job)
        self._pending.clear()

    @property
    def waiting_finals(self) -> int:
        return sum(1 for j in self._pending if j.kind == 'final')

    def close(self) -> None:
        self._closed = True
        self.drop_all()
        self._wake.set()

    async def run(self) -> None:
        while not self._closed:
            await self._wake.wait()
            self._wake.clear()
            while self._pending and not self._closed:
                job, dropped = choose(self._pending, time.monotonic(), self.max_lag)
                for d in dropped:
                    self._pending.remove(d)
                    self._skip(d)
                if job is None:
                    break
                self._pending.remove(job)
                self.busy = True
                try:
                    result = await job.run()
                    if not job.future.done():
                        job.future.set_result(result)
                except Exception as err:  # the engine's failure goes to whoever waits for it
                    if not job.future.done():
                        job.future.set_exception(err)
                finally:
                    self.busy = False

    def _skip(self, job: Job) -> None:
        if job.future and not job.future.done():
            job.future.set_exception(Skipped(job.kind))
        # A speculation is a final-to-be: a skipped one is speech the captions lose.
        if job.kind in ('final', 'speculate'):
            self.on_skip(job)
