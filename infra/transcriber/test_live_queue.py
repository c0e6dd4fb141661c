"""Table tests of the live queue's rules: python -m unittest discover -s infra/transcriber"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_queue import Job, choose  # noqa: E402


def job(kind: str, speaker: str, ended_at: float, seq: int) -> Job:
    return Job(kind=kind, speaker=speaker, ended_at=ended_at, seconds=1.0, seq=seq)


class ChooseTable(unittest.TestCase):
    def test_cases(self) -> None:
        now, lag = 100.0, 6.0
        cases = [
            # name, pending (kind, speaker, ended_at, seq), expected next seq, expected dropped seqs
            ('nothing waits', [], None, []),
            ('a final before an older speculation and interim',
             [('interim', 'a', 99, 1), ('speculate', 'b', 99, 2), ('final', 'c', 99, 3)], 3, [1]),
            ('finals oldest first', [('final', 'a', 98, 4), ('final', 'b', 99, 2)], 2, []),
            ('a speculation before interims, which are dropped while it waits',
             [('interim', 'a', 99.5, 1), ('speculate', 'b', 99, 2)], 2, [1]),
            ('only the newest interim of a speaker', [('interim', 'a', 99, 1), ('interim', 'a', 99.5, 2), ('interim', 'b', 99, 3)], 2, [1]),
            ('a final too far behind is skipped: live first', [('final', 'a', 90, 1), ('final', 'b', 99, 2)], 2, [1]),
            ('all behind: nothing to run, all dropped', [('final', 'a', 90, 1), ('interim', 'a', 91, 2)], None, [1, 2]),
        ]
        for name, pending, expected, dropped in cases:
            with self.subTest(name):
                nxt, drop = choose([job(*p) for p in pending], now, lag)
                self.assertEqual(nxt.seq if nxt else None, expected)
                self.assertEqual(sorted(j.seq for j in drop), dropped)


if __name__ == '__main__':
    unittest.main()
