"""The order in which one room's transcriptions reach the Whisper engine, and when to give up
on the past to stay live. Pure rules in `choose`; the async loop around them in `LiveQueue`.

Finals come first, oldest first: they are what people read and what the meeting keeps. Then
speculations (which usually become finals), then interims — only the newest of each speaker's,
and only while nothing more important waits. A final whose speech ended longer ago than
`max_lag` goes *late*: captions that far behind help no one, so the room skips to live speech
and says so, but the words are not lost — a late final runs when nothing live waits, and its
text reaches the captions and the transcript. One older than `max_late` is dropped.
Late speculations and interims are dropped: their final comes anyway.
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
    late: bool = False        # a final run after live speech (see choose)


@dataclass
class Choice:
    next: Optional[Job]       # the job to run now
    drop: list[Job]           # dropped now: superseded interims, stale speculations and interims, finals too late
    late: list[Job]           # finals that went late now (not before)


def choose(pending: list[Job], now: float, max_lag: float, max_late: float) -> Choice:
    """What to run next, what to drop, and which finals go late now."""
    newest: dict[str, Job] = {}
    for job in pending:
        if job.kind == 'interim' and (job.speaker not in newest or newest[job.speaker].seq < job.seq):
            newest[job.speaker] = job
    drop: list[Job] = []
    live: list[Job] = []
    late: list[Job] = []
    for job in pending:
        age = now - job.ended_at
        if job.kind == 'interim' and newest[job.speaker] is not job:
            drop.append(job)
        elif age <= max_lag:
            live.append(job)
        elif job.kind == 'final' and age <= max_late:
            late.append(job)
        else:
            drop.append(job)
    important = [j for j in live if j.kind != 'interim']
    if important:
        # Interims wait for finals and speculations; a waiting interim is stale by then.
        drop.extend(j for j in live if j.kind == 'interim')
        live = important
    newly_late = [j for j in late if not j.late]
    # Live speech first; late finals, oldest first, when nothing live waits.
    ordered = sorted(live, key=lambda j: (PRIORITY[j.kind], j.seq)) or sorted(late, key=lambda j: j.seq)
    return Choice(ordered[0] if ordered else None, drop, newly_late)


class Skipped(Exception):
    """The job was dropped: superseded, too far behind, or the engine is down."""


class LiveQueue:
    """One room's queue: one transcription in flight at a time (the engine runs one anyway)."""

    def __init__(self, max_lag: float, max_late: float, on_skip: Callable[[Job], None]):
        self.max_lag = max_lag
        self.max_late = max_late
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
        """Finals of live speech still waiting (late ones are not)."""
        return sum(1 for j in self._pending if j.kind == 'final' and not j.late)

    def close(self) -> None:
        self._closed = True
        self.drop_all()
        self._wake.set()

    async def run(self) -> None:
        while not self._closed:
            await self._wake.wait()
            self._wake.clear()
            while self._pending and not self._closed:
                choice = choose(self._pending, time.monotonic(), self.max_lag, self.max_late)
                for d in choice.drop:
                    self._pending.remove(d)
                    self._skip(d)
                for j in choice.late:
                    j.late = True
                    self.on_skip(j)  # skipped live: the room says it is behind
                job = choice.next
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
        # A speculation is a final-to-be: a skipped one is speech the captions lose (a late
        # final was counted when it went late).
        if job.kind in ('final', 'speculate') and not job.late:
            self.on_skip(job)
