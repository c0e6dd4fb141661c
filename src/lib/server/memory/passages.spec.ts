import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../transcript/types';
import { insightPassages, meetingPassages, PASSAGE_CHARS, transcriptPassages } from './passages';

const line = (speaker: string, timestamp: number, text: string, end = timestamp + 3): TranscriptLine => ({ speaker, text, timestamp, end, isActive: false, segmentId: `seg-${timestamp}` });

describe('transcriptPassages: a speaker’s consecutive lines join, each passage seeks to its first line', () => {
	it.each([
		['one speaker, close lines', [line('Ada', 1, 'Hello.'), line('Ada', 5, 'Next point.')], [{ speaker: 'Ada', at: 1, ref: 'seg-1', text: 'Hello. Next point.' }]],
		['another speaker starts a passage', [line('Ada', 1, 'Hi.'), line('Bo', 4, 'Hey.'), line('Ada', 8, 'So.')], [{ speaker: 'Ada', at: 1 }, { speaker: 'Bo', at: 4 }, { speaker: 'Ada', at: 8 }]],
		['a long pause starts a passage', [line('Ada', 1, 'Hi.', 2), line('Ada', 30, 'Back.')], [{ at: 1, text: 'Hi.' }, { at: 30, text: 'Back.' }]],
		['empty lines are skipped', [line('Ada', 1, '  '), line('Ada', 2, 'Yes.')], [{ at: 2, text: 'Yes.' }]]
	])('%s', (_name, lines, expected) => {
		const passages = transcriptPassages(lines);
		expect(passages).toHaveLength(expected.length);
		expected.forEach((e, i) => expect(passages[i]).toMatchObject({ kind: 'transcript', ...e }));
	});

	it('a passage stays under its size', () => {
		const words = 'word '.repeat(50).trim();
		const passages = transcriptPassages(Array.from({ length: 10 }, (_, i) => line('Ada', i, words)));
		expect(passages.length).toBeGreaterThan(3);
		for (const p of passages) expect(p.text.length).toBeLessThan(PASSAGE_CHARS + words.length + 1);
	});
});

describe('insightPassages', () => {
	it('the summary at the start; each item at its first citation, an action item said by its owner, with its due date', () => {
		const cite = (at: number, speaker: string) => ({ kind: 'line' as const, ref: `s${at}`, at, speaker });
		const passages = insightPassages({
			summary: 'Budget review.',
			keyPoints: [],
			decisions: [{ text: 'Hire two engineers.', citations: [cite(70, 'Host'), cite(80, 'Bo')] }],
			actionItems: [{ text: 'Send the contract.', owner: 'Bo', due: 'Friday', citations: [cite(90, 'Ada')] }],
			openQuestions: [{ text: 'Which office?', citations: [] }]
		});
		expect(passages).toEqual([
			{ kind: 'insight', speaker: null, at: 0, ref: 'summary', text: 'Budget review.' },
			{ kind: 'insight', speaker: 'Host', at: 70, ref: 'decisions:0', text: 'Hire two engineers.' },
			{ kind: 'insight', speaker: 'Bo', at: 90, ref: 'actionItems:0', text: 'Send the contract. (Bo) — Friday' },
			{ kind: 'insight', speaker: null, at: 0, ref: 'openQuestions:0', text: 'Which office?' }
		]);
		expect(insightPassages(null)).toEqual([]);
	});
});

describe('meetingPassages', () => {
	it('chat and board texts at their time since the meeting started, the board by its author’s name', () => {
		const startedAt = new Date('2026-12-01T10:00:00Z');
		const passages = meetingPassages({
			startedAt,
			transcript: [],
			chat: [{ id: '7', senderName: 'Ada', text: 'link?', createdAt: new Date('2026-12-01T10:01:30Z') }],
			insights: null,
			board: [
				{ id: 'n1', author: 'ada-1', text: 'Launch: March 14', createdAt: Date.parse('2026-12-01T10:02:00Z') },
				{ id: 'n2', author: 'gone', text: 'early', createdAt: Date.parse('2026-12-01T09:59:00Z') }
			],
			names: new Map([['ada-1', 'Ada']])
		});
		expect(passages).toEqual([
			{ kind: 'chat', speaker: 'Ada', at: 90, ref: '7', text: 'link?' },
			{ kind: 'board', speaker: 'Ada', at: 120, ref: 'n1', text: 'Launch: March 14' },
			{ kind: 'board', speaker: null, at: 0, ref: 'n2', text: 'early' }
		]);
	});
});
