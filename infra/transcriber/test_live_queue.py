"""Table tests of the live queue's rules: python -m unittest discover -s infra/transcriber"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_queue import Job, choose  # noqa: E402


def job(kind: str, speaker: str, ended_at: float, seq: int, late: bool = False) -> Job:
    return Job(kind=kind, speaker=speaker, ended_at=ended_at, seconds=1.0, seq=seq, late=late)


class ChooseTable(unittest.TestCase):
    def test_cases(self) -> None:
        now, lag, max_late = 100.0, 6.0, 60.0
        cases = [
            # name, pending (kind, speaker, ended_at, seq[, late]), expected next seq, dropped seqs, seqs going late now
            ('nothing waits', [], None, []),
            ('a final before an older speculation and interim',
             [('interim', 'a', 99, 1), ('speculate', 'b', 99, 2), ('final', 'c', 99, 3)], 3, [1]),
            ('finals oldest first', [('final', 'a', 98, 4), ('final', 'b', 99, 2)], 2, []),
            ('a speculation before interims, which are dropped while it waits',
             [('interim', 'a', 99.5, 1), ('speculate', 'b', 99, 2)], 2, [1]),
            ('only the newest interim of a speaker', [('interim', 'a', 99, 1), ('interim', 'a', 99.5, 2), ('interim', 'b', 99, 3)], 2, [1]),
            ('a final too far behind goes late: live first', [('final', 'a', 90, 1), ('final', 'b', 99, 2)], 2, [], [1]),
            ('a late final waits for a live interim', [('final', 'a', 90, 1, True), ('interim', 'b', 99.5, 2)], 2, [], []),
            ('all behind: the late final runs, the stale interim and speculation go',
             [('final', 'a', 90, 1), ('interim', 'a', 91, 2), ('speculate', 'b', 92, 3)], 1, [2, 3], [1]),
            ('late finals oldest first', [('final', 'a', 80, 5, True), ('final', 'b', 85, 3, True)], 3, [], []),
            ('a final later than max_late is dropped', [('final', 'a', 30, 1, True), ('final', 'b', 50, 2)], 2, [1], [2]),
        ]
        for name, pending, expected, dropped, *went_late in cases:
            with self.subTest(name):
                choice = choose([job(*p) for p in pending], now, lag, max_late)
                self.assertEqual(choice.next.seq if choice.next else None, expected)
                self.assertEqual(sorted(j.seq for j in choice.drop), dropped)
                self.assertEqual(sorted(j.seq for j in choice.late), went_late[0] if went_late else [])


if __name__ == '__main__':
    unittest.main()
