"""python -m unittest discover -s infra/transcriber"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

import numpy as np

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from audio_window import AudioWindow  # noqa: E402


class AudioWindowTest(unittest.TestCase):
    def setUp(self) -> None:
        self.w = AudioWindow()
        for i in range(5):  # samples 0..49, ten per chunk
            self.w.append(np.arange(i * 10, i * 10 + 10, dtype=np.int16))

    def test_slices_across_chunks(self) -> None:
        cases = [((0, 10), list(range(10))), ((5, 25), list(range(5, 25))), ((45, 60), list(range(45, 50))), ((30, 30), [])]
        for (start, end), expected in cases:
            with self.subTest(start=start, end=end):
                self.assertEqual(self.w.slice(start, end).tolist(), expected)

    def test_keep_last_drops_whole_old_chunks_only(self) -> None:
        self.w.keep_last(15)
        self.assertEqual(self.w.start, 30)
        self.assertEqual(self.w.slice(0, 35).tolist(), list(range(30, 35)))
        self.assertEqual(self.w.end, 50)


if __name__ == '__main__':
    unittest.main()
