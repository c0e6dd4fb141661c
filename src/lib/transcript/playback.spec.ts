import { describe, expect, it } from 'vitest';
import { activeLineIndex } from './playback';
import type { TranscriptLine } from './types';

const line = (timestamp: number, end?: number): TranscriptLine => ({ speaker: 'A', text: 't', timestamp, end, isActive: false });
const lines = [line(0, 2), line(2.5, 4), line(4, 6), line(30, 31)];

describe('activeLineIndex', () => {
	it.each([
		[-1, -1],
		[0, 0],
		[1.9, 0],
		[2.5, 1],
		[4, 2],
		[10, 2],
		[11.5, -1],
		[30.2, 3],
		[99, -1]
	])('at %f s → line %i', (seconds, expected) => {
		expect(activeLineIndex(lines, seconds)).toBe(expected);
	});
	it('is -1 for an empty transcript', () => expect(activeLineIndex([], 3)).toBe(-1));
});
