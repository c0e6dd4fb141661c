import { describe, expect, it } from 'vitest';
import { captionLines, captionSpeaker, foldCaption, nextFade, parseCaptionUpdate, type CaptionSegment, type CaptionTiming, type CaptionUpdate } from './caption-lines';

const TIMING: CaptionTiming = { fadeMs: 5000, staleMs: 15000, maxChars: 30, lines: 2 };
const NAMES: Record<string, string> = { ann: 'Ann', bo: 'Bo' };

/** [at ms, segment id, speaker, text, final] */
type Step = [number, string, string, string, boolean];
/** What one line shows: `Name: settled [interim]`, the name only when shown. */
const render = (segments: CaptionSegment[], now: number) =>
	captionLines(segments, now, TIMING).map((l) => `${l.showName ? `${l.speakerName}: ` : ''}${[l.settled, l.interim && `[${l.interim}]`].filter(Boolean).join(' ')}`);

function run(steps: Step[]): CaptionSegment[] {
	let segments: CaptionSegment[] = [];
	for (const [at, segmentId, speaker, text, final] of steps) {
		const update: CaptionUpdate = { segmentId, speakerIdentity: speaker, speakerName: NAMES[speaker], text, final, startMs: null };
		segments = foldCaption(segments, update, at);
	}
	return segments;
}

describe('captionLines', () => {
	it.each<[string, Step[], number, string[]]>([
		['nothing said: no lines', [], 0, []],
		['interim text shows as changing', [[0, 's1', 'ann', 'hello every', false]], 100, ['Ann: [hello every]']],
		['an update replaces the text of its segment', [[0, 's1', 'ann', 'hello every', false], [300, 's1', 'ann', 'hello everyone', false]], 400, ['Ann: [hello everyone]']],
		['interim settles into final', [[0, 's1', 'ann', 'hello every', false], [600, 's1', 'ann', 'hello everyone.', true]], 700, ['Ann: hello everyone.']],
		['an interim arriving after its final changes nothing', [[0, 's1', 'ann', 'hello everyone.', true], [50, 's1', 'ann', 'hello every', false]], 100, ['Ann: hello everyone.']],
		['consecutive segments of one speaker join into a line', [[0, 's1', 'ann', 'good morning.', true], [900, 's2', 'ann', 'shall we', false]], 1000, ['Ann: good morning. [shall we]']],
		['another speaker starts their own line', [[0, 's1', 'ann', 'good morning.', true], [900, 's2', 'bo', 'hi Ann', false]], 1000, ['Ann: good morning.', 'Bo: [hi Ann]']],
		['only the last two lines show', [[0, 's1', 'ann', 'one.', true], [10, 's2', 'bo', 'two.', true], [20, 's3', 'ann', 'three.', true]], 100, ['Bo: two.', 'Ann: three.']],
		['a long run wraps, the latest words in view, the name on the top line', [[0, 's1', 'ann', 'one two three four five six seven eight nine ten eleven twelve thirteen', true]], 100, ['Ann: seven eight nine ten eleven', 'twelve thirteen']],
		['a wrapped run keeps settled and changing words apart', [[0, 's1', 'ann', 'one two three four five.', true], [10, 's2', 'ann', 'six seven eight nine ten', false]], 100, ['Ann: one two three four five. [six]', '[seven eight nine ten]']],
		['settled and changing words on one line, in order', [[0, 's1', 'ann', 'one two.', true], [10, 's2', 'ann', 'three', false]], 100, ['Ann: one two. [three]']],
		['a word longer than a line is cut', [[0, 's1', 'bo', 'x'.repeat(40), true]], 100, ['Bo: ' + 'x'.repeat(30), 'x'.repeat(10)]],
		['a finished line fades after the silence', [[0, 's1', 'ann', 'bye.', true]], 5000, []],
		['a finished line stays until then', [[0, 's1', 'ann', 'bye.', true]], 4999, ['Ann: bye.']],
		['the older line fades first', [[0, 's1', 'ann', 'first.', true], [3000, 's2', 'bo', 'second.', true]], 6000, ['Bo: second.']],
		['a line still changing waits longer before it goes', [[0, 's1', 'ann', 'hello', false]], 14999, ['Ann: [hello]']],
		['a line that stopped changing long ago goes (the transcriber left)', [[0, 's1', 'ann', 'hello', false]], 15000, []],
		['after a faded line, the same speaker starts a new one', [[0, 's1', 'ann', 'one.', true], [6000, 's2', 'ann', 'two', false]], 6100, ['Ann: [two]']],
		['an empty update shows nothing', [[0, 's1', 'ann', '   ', false]], 10, []]
	])('%s', (_name, steps, now, expected) => {
		expect(render(run(steps), now)).toEqual(expected);
	});

	it('a line keeps its key while its words change (no flicker)', () => {
		const before = captionLines(run([[0, 's1', 'ann', 'hello', false]]), 10, TIMING);
		const after = captionLines(run([[0, 's1', 'ann', 'hello', false], [200, 's1', 'ann', 'hello there', true]]), 210, TIMING);
		expect(after.map((l) => l.key)).toEqual(before.map((l) => l.key));
	});
});

describe('foldCaption', () => {
	it('keeps the newest segments, oldest first', () => {
		const steps: Step[] = Array.from({ length: 5 }, (_, i) => [i, `s${i}`, 'ann', `w${i}`, true]);
		let segments: CaptionSegment[] = [];
		for (const [at, id, speaker, text, final] of steps) segments = foldCaption(segments, { segmentId: id, speakerIdentity: speaker, speakerName: 'Ann', text, final, startMs: null }, at, 3);
		expect(segments.map((s) => s.segmentId)).toEqual(['s2', 's3', 's4']);
	});

	const update = (id: string, text: string, final: boolean): CaptionUpdate => ({ segmentId: id, speakerIdentity: 'ann', speakerName: 'Ann', text, final, startMs: null });
	it.each<[string, CaptionUpdate[], number, string[]]>([
		// name, updates (one a second from t = 0), the overlay's lines at `now`
		// (A final the transcriber sent late, after later speech, is folded the same way.)
		['a final coming after later speech settles its interim in place', [update('s1', 'we should', false), update('s2', 'next one.', true), update('s1', 'we should move it.', true)], 2500, ['Ann: we should move it. next one.']]
	])('%s', (_name, updates, now, expected) => {
		let segments: CaptionSegment[] = [];
		updates.forEach((u, i) => (segments = foldCaption(segments, u, i * 1000)));
		expect(render(segments, now)).toEqual(expected);
	});
});

describe('nextFade', () => {
	it.each<[string, Step[], number, number | null]>([
		['nothing on screen', [], 0, null],
		['a final line: its fade', [[100, 's1', 'ann', 'hi.', true]], 200, 5100],
		['a changing line: its stale time', [[100, 's1', 'ann', 'hi', false]], 200, 15100],
		['the soonest of several', [[100, 's1', 'ann', 'hi.', true], [2000, 's2', 'bo', 'yo.', true]], 2100, 5100],
		['faded lines count no more', [[100, 's1', 'ann', 'hi.', true], [2000, 's2', 'bo', 'yo.', true]], 6000, 7000]
	])('%s', (_name, steps, now, expected) => {
		expect(nextFade(run(steps), now, TIMING)).toBe(expected);
	});
});

describe('parseCaptionUpdate', () => {
	const attributes = {
		'lk.segment_id': 'SG_1',
		'lk.transcribed_track_id': 'TR_1',
		'lk.transcription_final': 'true',
		'stoom.speaker_identity': 'ann-id',
		'stoom.speaker_name': 'Ann',
		'stoom.start_ms': '1700000000000',
		'stoom.language': 'en'
	};
	it.each<[string, Record<string, string> | undefined, string, CaptionUpdate | null]>([
		['a final', attributes, ' Hello. ', { segmentId: 'SG_1', speakerIdentity: 'ann-id', speakerName: 'Ann', text: 'Hello.', final: true, startMs: 1700000000000 }],
		['an interim', { ...attributes, 'lk.transcription_final': 'false' }, 'Hel', { segmentId: 'SG_1', speakerIdentity: 'ann-id', speakerName: 'Ann', text: 'Hel', final: false, startMs: 1700000000000 }],
		['no name: the identity', { ...attributes, 'stoom.speaker_name': '' }, 'x', { segmentId: 'SG_1', speakerIdentity: 'ann-id', speakerName: 'ann-id', text: 'x', final: true, startMs: 1700000000000 }],
		['a start that is no number', { ...attributes, 'stoom.start_ms': 'soon' }, 'x', { segmentId: 'SG_1', speakerIdentity: 'ann-id', speakerName: 'Ann', text: 'x', final: true, startMs: null }],
		['no segment id', { ...attributes, 'lk.segment_id': '' }, 'x', null],
		['no speaker', { 'lk.segment_id': 'SG_1' }, 'x', null],
		['no attributes', undefined, 'x', null]
	])('%s', (_name, attrs, text, expected) => {
		expect(parseCaptionUpdate(attrs, text)).toEqual(expected);
	});
});

describe('captionSpeaker', () => {
	const about = (track: string) => ({ 'lk.transcribed_track_id': track, 'stoom.speaker_identity': 'ann' });
	it.each<[string, Parameters<typeof captionSpeaker>[0], boolean, Record<string, string> | undefined, string | null]>([
		['the transcriber, on behalf of the speaker: their own microphone', { identity: 'ann', isAgent: false, micTrackSid: 'TR_ann' }, true, about('TR_ann'), 'ann'],
		['the same with no transcriber in the call: a browser sending as itself', { identity: 'ann', isAgent: false, micTrackSid: 'TR_ann' }, false, about('TR_ann'), null],
		["a browser's stream about another's microphone", { identity: 'mallory', isAgent: false, micTrackSid: 'TR_mal' }, true, about('TR_ann'), null],
		['a browser with no microphone', { identity: 'mallory', isAgent: false, micTrackSid: undefined }, true, { 'stoom.speaker_identity': 'ann' }, null],
		['an agent sending as itself names the speaker', { identity: 'captions-1', isAgent: true, micTrackSid: undefined }, true, about('TR_ann'), 'ann'],
		['an agent naming nobody', { identity: 'captions-1', isAgent: true, micTrackSid: undefined }, true, {}, null],
		['a sender the room does not know', undefined, true, about('TR_ann'), null]
	])('%s', (_name, sender, present, attributes, expected) => {
		expect(captionSpeaker(sender, present, attributes)).toBe(expected);
	});
});
