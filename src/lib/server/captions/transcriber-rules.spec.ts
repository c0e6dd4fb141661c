import { describe, expect, it } from 'vitest';
import { DISPATCH_GRACE_MS, epochMs, transcriberStep, type TranscriberState } from './transcriber-rules';

const base: TranscriberState = { captionsOn: true, people: 2, transcribers: [], dispatches: [] };
const young = { id: 'AD_young', ageMs: 2_000, jobs: 0, activeJobs: 0 };
const old = { id: 'AD_old', ageMs: DISPATCH_GRACE_MS + 1, jobs: 1, activeJobs: 1 };
const ended = { id: 'AD_ended', ageMs: 3_000, jobs: 1, activeJobs: 0 };

describe('transcriberStep', () => {
	it.each<[string, Partial<TranscriberState>, ReturnType<typeof transcriberStep>]>([
		['people and no transcriber: dispatch one', {}, { kind: 'dispatch', replacing: [] }],
		['a transcriber is there: nothing', { transcribers: ['captions-1'], dispatches: [old] }, { kind: 'none' }],
		['a young dispatch is on its way: wait', { dispatches: [young] }, { kind: 'none' }],
		['the dispatch is old and nobody came (the worker died): replace it', { dispatches: [old] }, { kind: 'dispatch', replacing: ['AD_old'] }],
		['the job ended (the transcriber left): replace at once', { dispatches: [ended] }, { kind: 'dispatch', replacing: ['AD_ended'] }],
		['captions off: remove the dispatch and the transcriber', { captionsOn: false, transcribers: ['captions-1'], dispatches: [old] }, { kind: 'remove', dispatches: ['AD_old'], transcribers: ['captions-1'] }],
		['captions off and nothing there: nothing', { captionsOn: false }, { kind: 'none' }],
		['nobody left in the room: remove', { people: 0, transcribers: ['captions-1'] }, { kind: 'remove', dispatches: [], transcribers: ['captions-1'] }],
		['nobody and nothing: nothing', { people: 0 }, { kind: 'none' }]
	])('%s', (_name, state, expected) => {
		expect(transcriberStep({ ...base, ...state })).toEqual(expected);
	});
});

describe('epochMs', () => {
	it.each([
		['nanoseconds (livekit-server)', 1_765_000_000_123_000_000n, 1_765_000_000_123],
		['microseconds', 1_765_000_000_123_000, 1_765_000_000_123],
		['milliseconds', 1_765_000_000_123, 1_765_000_000_123],
		['seconds', 1_765_000_000, 1_765_000_000_000]
	])('%s', (_name, value, expected) => {
		expect(epochMs(value)).toBeCloseTo(expected, 0);
	});
});
