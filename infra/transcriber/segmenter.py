"""Turns one microphone's voice-activity probabilities into utterances to transcribe. Pure:
no audio, no clock, no I/O — it counts samples, so a table of probabilities fully decides
what it asks for (see test_segmenter.py).

One speaker's speech becomes a sequence of utterances. While someone speaks, the segmenter asks
for an *interim* transcription now and then (what was said so far). When they pause, it asks at
once for a *speculative* one: if the pause turns out to end the utterance, that answer is the
final text and is ready about when the pause is confirmed, instead of a full Whisper pass later.
When the pause is long enough it closes the utterance (*final*). Utterances longer than
`max_utterance` are cut and continue in a new one, so a monologue still gets final captions.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    sample_rate: int = 16000
    activation: float = 0.5        # a window at or above this is speech
    deactivation: float = 0.35     # while speaking, a window below this is silence
    min_speech: float = 0.064      # speech this long starts an utterance (two 32 ms windows)
    prefix: float = 0.3            # audio kept before the first speech window
    speculate_after: float = 0.16  # a pause this long: transcribe speculatively
    end_after: float = 0.5         # a pause this long ends the utterance
    tail: float = 0.1              # audio kept after the last speech window
    # While speaking: an interim this often. Each costs a Whisper pass (~0.7 s on 2 cores) that a
    # final arriving meanwhile waits for: rarer interims, faster finals.
    interim_every: float = 1.5
    max_utterance: float = 20.0    # a longer utterance is cut and goes on in a new one

    def samples(self, seconds: float) -> int:
        return int(round(seconds * self.sample_rate))


@dataclass(frozen=True)
class Action:
    """What to transcribe: the utterance's audio from `start` to `end` (sample indexes)."""
    kind: str        # 'start' | 'interim' | 'speculate' | 'final'
    utterance: int   # the utterance's number, counted from 1 for this microphone
    start: int
    end: int


@dataclass
class Segmenter:
    settings: Settings = field(default_factory=Settings)
    # Samples seen so far.
    position: int = 0
    utterances: int = 0
    # The open utterance, if any.
    _start: int | None = None
    _speech_run: int = 0            # consecutive speech samples before an utterance opens
    _run_start: int = 0
    _last_speech_end: int = 0       # end of the last speech window of the open utterance
    _last_interim: int = 0
    _speculated: bool = False

    @property
    def speaking(self) -> bool:
        return self._start is not None

    def push(self, probability: float, samples: int) -> list[Action]:
        """One VAD window of `samples` samples with its speech probability."""
        s = self.settings
        window_start, self.position = self.position, self.position + samples
        actions: list[Action] = []
        if self._start is None:
            if probability >= s.activation:
                if self._speech_run == 0:
                    self._run_start = window_start
                self._speech_run += samples
                if self._speech_run >= s.samples(s.min_speech):
                    self.utterances += 1
                    self._start = max(0, self._run_start - s.samples(s.prefix))
                    self._last_speech_end = self.position
                    self._last_interim = self.position
                    self._speculated = False
                    actions.append(Action('start', self.utterances, self._start, self.position))
            else:
                self._speech_run = 0
            return actions

        if probability >= s.deactivation:
            self._last_speech_end = self.position
            self._speculated = False
        pause = self.position - self._last_speech_end
        if pause >= s.samples(s.end_after):
            actions.append(self._close(min(self.position, self._last_speech_end + s.samples(s.tail))))
        elif pause >= s.samples(s.speculate_after):
            if not self._speculated:
                self._speculated = True
                self._last_interim = self.position  # its answer is shown as an interim if speech goes on
                actions.append(Action('speculate', self.utterances, self._start, self._speculation_end()))
        elif self.position - self._start >= s.samples(s.max_utterance):
            actions.append(self._close(self.position))
            # Still speaking: the next utterance starts where this one was cut.
            self.utterances += 1
            self._start = self.position
            self._last_speech_end = self.position
            self._last_interim = self.position
            actions.append(Action('start', self.utterances, self._start, self.position))
        elif self.position - self._last_interim >= s.samples(s.interim_every):
            self._last_interim = self.position
            actions.append(Action('interim', self.utterances, self._start, self.position))
        return actions

    def flush(self) -> list[Action]:
        """The microphone went away: an open utterance ends where its speech ended."""
        if self._start is None:
            return []
        return [self._close(min(self.position, self._last_speech_end + self.settings.samples(self.settings.tail)))]

    def speculation_covers(self, speculated_end: int, final_end: int) -> bool:
        """Whether a speculative transcription that ran to `speculated_end` holds all the speech of a final ending at `final_end`."""
        return speculated_end >= final_end

    def _speculation_end(self) -> int:
        return min(self.position, self._last_speech_end + self.settings.samples(self.settings.tail))

    def _close(self, end: int) -> Action:
        action = Action('final', self.utterances, self._start or 0, end)
        self._start = None
        self._speech_run = 0
        return action
