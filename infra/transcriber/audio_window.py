"""The last stretch of one microphone's audio, addressed by absolute sample index. Appending a
frame costs no copy of what came before; a slice is assembled only when it is asked for."""

from __future__ import annotations

import numpy as np


class AudioWindow:
    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []
        self.start = 0  # absolute index of the first sample held
        self.end = 0    # absolute index after the last sample held

    def append(self, samples: np.ndarray) -> None:
        self._chunks.append(samples)
        self.end += len(samples)

    def slice(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end), clipped to what is held."""
        start, end = max(start, self.start), min(end, self.end)
        if end <= start:
            return np.zeros(0, dtype=np.int16)
        out, pos = [], self.start
        for chunk in self._chunks:
            lo, hi = max(start, pos), min(end, pos + len(chunk))
            if lo < hi:
                out.append(chunk[lo - pos:hi - pos])
            pos += len(chunk)
            if pos >= end:
                break
        return np.concatenate(out)

    def keep_last(self, samples: int) -> None:
        """Drops whole chunks older than the last `samples` samples."""
        while self._chunks and self.end - (self.start + len(self._chunks[0])) >= samples:
            self.start += len(self._chunks.pop(0))
