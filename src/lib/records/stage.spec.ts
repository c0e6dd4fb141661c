import { describe, expect, it } from 'vitest';
import { isNewerStage, isStageAhead } from './stage';

describe('isNewerStage', () => {
	it.each([
		{ held: null, heard: { sessionId: 's1', seq: 1 }, newer: true, why: 'nothing held yet' },
		{ held: { sessionId: 's1', seq: 3 }, heard: { sessionId: 's1', seq: 4 }, newer: true, why: 'read after the held one' },
		{ held: { sessionId: 's1', seq: 4 }, heard: { sessionId: 's1', seq: 3 }, newer: false, why: 'read before the held one, arrived after it' },
		{ held: { sessionId: 's1', seq: 4 }, heard: { sessionId: 's1', seq: 4 }, newer: false, why: 'the same read twice' },
		{ held: { sessionId: 's1', seq: 9 }, heard: { sessionId: 's2', seq: 1 }, newer: true, why: 'a new meeting in the room' }
	])('$why: $newer', ({ held, heard, newer }) => {
		expect(isNewerStage(held, heard)).toBe(newer);
	});
});

describe('isStageAhead', () => {
	it.each([
		{ stage: { sessionId: 's1', seq: 2 }, record: null, ahead: true, why: 'no record read yet' },
		{ stage: { sessionId: 's1', seq: 5 }, record: { sessionId: 's1', stageSeq: 4 }, ahead: true, why: 'the record was read before the announcement' },
		{ stage: { sessionId: 's1', seq: 5 }, record: { sessionId: 's1', stageSeq: 5 }, ahead: false, why: 'the record read says as much' },
		{ stage: { sessionId: 's1', seq: 5 }, record: { sessionId: 's1', stageSeq: 6 }, ahead: false, why: 'the record was read after a later change' },
		{ stage: { sessionId: 's2', seq: 1 }, record: { sessionId: 's1', stageSeq: 6 }, ahead: true, why: 'the record is of the last meeting' }
	])('$why: $ahead', ({ stage, record, ahead }) => {
		expect(isStageAhead(stage, record)).toBe(ahead);
	});
});
