import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../transcript/types';
import { citedLine } from './cited-line';
import type { Citation } from './types';

const line = (segmentId: string, speaker: string, timestamp: number, end: number, text = segmentId): TranscriptLine => ({ segmentId, speaker, timestamp, end, text, isActive: false });

// The live captions the insights were written from, and the offline pass that replaced them:
// other ids, other line breaks (Ada's one caption became two lines), one line more.
const live = [line('live-1', 'Ada', 3.2, 9.8), line('live-2', 'Bo', 10.1, 12.4), line('live-3', 'Ada', 12.0, 15.5)];
const offline = [
	line('a:1:0', 'Ada', 3.0, 6.1),
	line('a:1:1', 'Ada', 6.3, 9.9),
	line('b:1:0', 'Bo', 10.0, 12.5),
	line('a:1:2', 'Ada', 12.1, 15.4),
	line('a:1:3', 'Ada', 40, 42)
];
const cite = (ref: string, at: number, speaker: string, kind: Citation['kind'] = 'line'): Citation => ({ kind, ref, at, speaker });

describe('citedLine', () => {
	it.each<[string, Citation, TranscriptLine[], string | undefined]>([
		['its own line, by segment id', cite('live-2', 10.1, 'Bo'), live, 'live-2'],
		['after the replacement: the line spanning its time', cite('live-2', 10.1, 'Bo'), offline, 'b:1:0'],
		['a caption split in two: the part where it began', cite('live-1', 3.2, 'Ada'), offline, 'a:1:0'],
		['overlapping speakers: the cited speaker, not the one nearer in time', cite('live-3', 12.0, 'Ada'), offline, 'a:1:2'],
		['more than 10 s from any line: none', cite('gone', 28.5, 'Ada'), offline, undefined],
		['the speaker has no line there: their nearest line within 10 s (near)', cite('gone', 33, 'Ada'), offline, 'a:1:3'],
		['a speaker the new transcript lacks: the nearest line', cite('gone', 11, 'Cy'), offline, 'b:1:0'],
		['nothing near', cite('gone', 200, 'Ada'), offline, undefined],
		['a chat citation is not a line', cite('7', 10, 'Bo', 'chat'), offline, undefined],
		['an empty transcript', cite('live-1', 3.2, 'Ada'), [], undefined]
	])('%s', (_name, citation, lines, expected) => {
		expect(citedLine(citation, lines)?.segmentId).toBe(expected);
	});

	it('never resolves by position: the same citation finds the same words when lines are inserted before it', () => {
		const citation = cite('live-3', 12.0, 'Ada');
		const shifted = [line('x:0', 'Cy', 0, 1), line('x:1', 'Cy', 1, 2), ...offline];
		expect(citedLine(citation, shifted)?.segmentId).toBe(citedLine(citation, offline)?.segmentId);
	});
});
