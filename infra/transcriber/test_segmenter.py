"""Table tests of the segmenter: python -m unittest discover -s infra/transcriber"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from segmenter import Action, Segmenter, Settings  # noqa: E402

W = 512  # one 32 ms Silero window at 16 kHz
SPEECH, PAUSE = 0.9, 0.05


def run(pattern: list[tuple[float, int]], settings: Settings | None = None) -> list[Action]:
    """(probability, windows) runs in, every action out."""
    seg = Segmenter(settings or Settings())
    out: list[Action] = []
    for probability, windows in pattern:
        for _ in range(windows):
            out.extend(seg.push(probability, W))
    return out


def kinds(actions: list[Action]) -> list[str]:
    return [a.kind for a in actions]


class SegmenterTable(unittest.TestCase):
    def test_cases(self) -> None:
        cases = [
            # name, pattern, expected kinds
            ('silence asks for nothing', [(PAUSE, 100)], []),
            ('one window of noise is not speech', [(SPEECH, 1), (PAUSE, 50)], []),
            ('a short word: start, speculation in the pause, final', [(PAUSE, 10), (SPEECH, 10), (PAUSE, 20)], ['start', 'speculate', 'final']),
            ('a 2 s sentence gets an interim, a 3.5 s one two', [(SPEECH, 63), (PAUSE, 20), (SPEECH, 110), (PAUSE, 20)],
             ['start', 'interim', 'speculate', 'final', 'start', 'interim', 'interim', 'speculate', 'final']),
            ('a breath shorter than the end pause keeps one utterance, and speculates again',
             [(SPEECH, 20), (PAUSE, 8), (SPEECH, 10), (PAUSE, 20)], ['start', 'speculate', 'speculate', 'final']),
            ('a probability between the thresholds is still speech', [(SPEECH, 10), (0.4, 45), (PAUSE, 20)], ['start', 'interim', 'speculate', 'final']),
            ('two sentences are two utterances', [(SPEECH, 10), (PAUSE, 20), (SPEECH, 10), (PAUSE, 20)],
             ['start', 'speculate', 'final', 'start', 'speculate', 'final']),
        ]
        for name, pattern, expected in cases:
            with self.subTest(name):
                self.assertEqual(kinds(run(pattern)), expected)

    def test_final_audio_spans_prefix_to_tail(self) -> None:
        actions = run([(PAUSE, 20), (SPEECH, 10), (PAUSE, 20)])
        final = actions[-1]
        s = Settings()
        self.assertEqual(final.start, 20 * W - s.samples(s.prefix))
        self.assertEqual(final.end, 30 * W + s.samples(s.tail))

    def test_speculation_covers_the_final_only_without_speech_after_it(self) -> None:
        seg = Segmenter()
        clean = run([(SPEECH, 10), (PAUSE, 20)])
        spec, final = clean[1], clean[2]
        self.assertTrue(seg.speculation_covers(spec.end, final.end))
        resumed = run([(SPEECH, 10), (PAUSE, 8), (SPEECH, 10), (PAUSE, 20)])
        first_spec, final = resumed[1], resumed[-1]
        self.assertFalse(seg.speculation_covers(first_spec.end, final.end))

    def test_a_monologue_is_cut_and_goes_on(self) -> None:
        actions = run([(SPEECH, 200), (PAUSE, 20)], Settings(max_utterance=2.0, interim_every=100))
        finals = [a for a in actions if a.kind == 'final']
        starts = [a for a in actions if a.kind == 'start']
        self.assertEqual(len(finals), len(starts))
        self.assertGreaterEqual(len(finals), 3)
        # Consecutive pieces touch: nothing said is lost at a cut.
        for cut, nxt in zip(finals, starts[1:]):
            self.assertEqual(cut.end, nxt.start)
        self.assertEqual([a.utterance for a in starts], list(range(1, len(starts) + 1)))

    def test_flush_ends_an_open_utterance(self) -> None:
        seg = Segmenter()
        for _ in range(10):
            seg.push(SPEECH, W)
        self.assertEqual(kinds(seg.flush()), ['final'])
        self.assertEqual(seg.flush(), [])


if __name__ == '__main__':
    unittest.main()
