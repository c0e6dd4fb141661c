import { describe, expect, it } from 'vitest';
import type { RawInsights } from './insights-schema';
import { buildMaterial } from './material';
import { citationId, matchParticipant, verifyInsights } from './verify-insights';

const line = (speaker: string, text: string, timestamp: number, i: number) => ({
	speaker,
	text,
	timestamp,
	isActive: false,
	participantIdentity: `p_${speaker}`,
	segmentId: `p_${speaker}:0:${i}`
});
const material = buildMaterial(
	[line('Ada Lovelace', 'Let us ship on Friday.', 1, 0), line('Bo Chen', 'I will write the release notes.', 5, 1), line('Ada Lovelace', 'Who owns the budget?', 9, 2)],
	[{ seq: 41, senderIdentity: 'p_Cy', senderName: 'Cy Dee', text: 'link to the plan', sentAt: '2026-11-28T10:00:07.000Z' }],
	Date.parse('2026-11-28T10:00:00.000Z')
);
const empty: RawInsights = { summary: 'A release meeting.', keyPoints: [], decisions: [], actionItems: [], openQuestions: [] };

describe('citationId', () => {
	it.each([
		['T12', 'T12'],
		['[T3]', 'T3'],
		['t7', 'T7'],
		['T12 03:41', 'T12'],
		['C2', 'C2'],
		['T007', 'T7'],
		['12', null],
		['line 4', null],
		[null, null],
		[{ id: 'T1' }, null]
	])('%j → %j', (value, expected) => {
		expect(citationId(value)).toBe(expected);
	});
});

describe('matchParticipant', () => {
	const people = ['Ada Lovelace', 'Bo Chen', 'Bo Diddley', 'Cy Dee'];
	it.each([
		['Ada Lovelace', 'Ada Lovelace'],
		['ada lovelace', 'Ada Lovelace'],
		['Ada', 'Ada Lovelace'],
		['Lovelace', 'Ada Lovelace'],
		['Bo', null], // two Bos: ambiguous
		['Bo Chen', 'Bo Chen'],
		['Cy', 'Cy Dee'],
		['Grace Hopper', null],
		['', null]
	])('%j → %j', (name, expected) => {
		expect(matchParticipant(name, people)).toBe(expected);
	});
});

describe('verifyInsights', () => {
	it('maps cited ids to the lines and chat messages they name, in time order', () => {
		const verified = verifyInsights({ ...empty, keyPoints: [{ text: 'Ship on Friday', citations: ['T2', 'C1', 'T1'], owner: null, due: null }] }, material);
		expect(verified.insights.keyPoints).toEqual([
			{
				text: 'Ship on Friday',
				citations: [
					{ kind: 'line', ref: 'p_Ada Lovelace:0:0', at: 1, speaker: 'Ada Lovelace' },
					{ kind: 'line', ref: 'p_Bo Chen:0:1', at: 5, speaker: 'Bo Chen' },
					{ kind: 'chat', ref: '41', at: 7, speaker: 'Cy Dee' }
				]
			}
		]);
		expect(verified).toMatchObject({ dropped: 0, flagged: 0, citations: { written: 3, kept: 3 } });
	});

	it.each<[string, RawInsights['keyPoints'][number], number, number]>([
		['an invented citation is removed, the item kept', { text: 'x', citations: ['T1', 'T99'], owner: null, due: null }, 1, 0],
		['an item citing only invented lines is dropped', { text: 'x', citations: ['T99', 'C9'], owner: null, due: null }, 0, 1],
		['an item citing nothing is dropped', { text: 'x', citations: [], owner: null, due: null }, 0, 1],
		['citations that are not ids are ignored', { text: 'x', citations: ['the beginning', 3], owner: null, due: null }, 0, 1],
		['an item without text is skipped, not counted', { text: '  ', citations: ['T1'], owner: null, due: null }, 0, 0]
	])('%s', (_name, item, keptItems, dropped) => {
		const verified = verifyInsights({ ...empty, decisions: [item] }, material);
		expect(verified.insights.decisions).toHaveLength(keptItems);
		expect(verified.dropped).toBe(dropped);
	});

	it.each<[string, string | null, Partial<{ owner: string | null; unconfirmedOwner: string }>, number]>([
		['an owner who took part', 'Bo', { owner: 'Bo Chen' }, 0],
		['nobody named', null, { owner: null }, 0],
		['"unassigned"', 'unassigned', { owner: null }, 0],
		['an owner who was not in the meeting is flagged', 'Grace Hopper', { owner: null, unconfirmedOwner: 'Grace Hopper' }, 1]
	])('action item: %s', (_name, owner, expected, flagged) => {
		const verified = verifyInsights({ ...empty, actionItems: [{ text: 'Write the notes', citations: ['T2'], owner, due: 'Friday' }] }, material);
		expect(verified.insights.actionItems[0]).toMatchObject({ text: 'Write the notes', due: 'Friday', ...expected });
		if (!('unconfirmedOwner' in expected)) expect(verified.insights.actionItems[0]).not.toHaveProperty('unconfirmedOwner');
		expect(verified.flagged).toBe(flagged);
	});

	it('keeps one of two items with the same text', () => {
		const item = { text: 'Ship on Friday', citations: ['T1'], owner: null, due: null };
		expect(verifyInsights({ ...empty, keyPoints: [item, { ...item, text: 'ship on friday' }] }, material).insights.keyPoints).toHaveLength(1);
	});
});
