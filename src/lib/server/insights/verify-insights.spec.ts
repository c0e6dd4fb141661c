import { describe, expect, it } from 'vitest';
import type { RawInsights } from './insights-schema';
import { buildMaterial } from './material';
import { citationId, deadlineIn, dueSaidIn, inLines, matchParticipant, restates, takerIn, verifyInsights } from './verify-insights';

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

	it.each<[string, string[], string | null, Partial<{ owner: string | null; unconfirmedOwner: string }>, number]>([
		['an owner who took part', ['T1', 'T2'], 'Bo', { owner: 'Bo Chen' }, 0],
		['nobody named', ['T1'], null, { owner: null }, 0],
		['nobody named, but the lines show who took it on', ['T1', 'T2'], null, { owner: 'Bo Chen' }, 0],
		['"unassigned"', ['T1'], 'unassigned', { owner: null }, 0],
		['an owner who was not in the meeting is flagged', ['T1'], 'Grace Hopper', { owner: null, unconfirmedOwner: 'Grace Hopper' }, 1]
	])('action item: %s', (_name, citations, owner, expected, flagged) => {
		const verified = verifyInsights({ ...empty, actionItems: [{ text: 'Write the notes', citations, owner, due: 'Friday' }] }, material);
		expect(verified.insights.actionItems[0]).toMatchObject({ text: 'Write the notes', due: 'Friday', ...expected });
		if (!('unconfirmedOwner' in expected)) expect(verified.insights.actionItems[0]).not.toHaveProperty('unconfirmedOwner');
		expect(verified.flagged).toBe(flagged);
	});

	it('keeps one of two items with the same text', () => {
		const item = { text: 'Ship on Friday', citations: ['T1'], owner: null, due: null };
		expect(verifyInsights({ ...empty, keyPoints: [item, { ...item, text: 'ship on friday' }] }, material).insights.keyPoints).toHaveLength(1);
	});
});

describe('an action item is held to the lines it cites', () => {
	const said = buildMaterial(
		[
			line('Anna', 'Peter, can you send Julia the contract by Thursday?', 1, 0),
			line('Peter', 'Yes, I will send Julia the contract on Thursday.', 5, 1),
			line('Carlos', 'The invoice from the printing company had to be paid by the fifteenth.', 9, 2),
			line('Anna', 'Carlos, could you please update the sales report?', 13, 3),
			line('Carlos', 'Sure, I will update the sales report.', 17, 4),
			line('Anna', 'Helen, please call the landlord and ask for a visit next Tuesday.', 21, 5),
			line('Helen', 'Yes, I will call the landlord tomorrow.', 25, 6)
		],
		[],
		0
	);
	it.each<[string, { citations: string[]; owner: string | null; due: string | null }, { owner: string | null; due: string | null }, number, number]>([
		['owner and due said in the cited lines are kept', { citations: ['T1', 'T2'], owner: 'Peter', due: 'Thursday' }, { owner: 'Peter', due: 'Thursday' }, 0, 0],
		['a due taken from another sentence becomes none', { citations: ['T4', 'T5'], owner: 'Carlos', due: 'the fifteenth' }, { owner: 'Carlos', due: null }, 0, 1],
		['a due the lines do not say becomes the owner’s own', { citations: ['T1', 'T2'], owner: 'Peter', due: 'next week' }, { owner: 'Peter', due: 'on Thursday' }, 0, 1],
		['the owner’s own deadline wins over a date of the request', { citations: ['T6', 'T7'], owner: 'Helen', due: 'next Tuesday' }, { owner: 'Helen', due: 'tomorrow' }, 0, 1],
		['a due the owner said is kept as written', { citations: ['T6', 'T7'], owner: 'Helen', due: 'tomorrow' }, { owner: 'Helen', due: 'tomorrow' }, 0, 0],
		['a request cited alone: the owner’s answer right after it says the deadline', { citations: ['T1'], owner: 'Peter', due: null }, { owner: 'Peter', due: 'on Thursday' }, 0, 1],
		['a request cited alone, its answer without a deadline: the request’s', { citations: ['T4'], owner: 'Carlos', due: 'the fifteenth' }, { owner: 'Carlos', due: null }, 0, 1],
		['no due stays none', { citations: ['T4', 'T5'], owner: 'Carlos', due: null }, { owner: 'Carlos', due: null }, 0, 0],
		['the one who asked is not the owner: the one asked is', { citations: ['T6', 'T7'], owner: 'Anna', due: null }, { owner: 'Helen', due: 'tomorrow' }, 0, 1],
		['an owner the lines show taking nothing on, and nobody else, is flagged', { citations: ['T3'], owner: 'Peter', due: null }, { owner: null, due: null }, 1, 0]
	])('%s', (_name, item, expected, flagged, corrected) => {
		const verified = verifyInsights({ ...empty, actionItems: [{ text: 'A task', ...item }] }, said);
		expect(verified.insights.actionItems[0]).toMatchObject(expected);
		expect(verified.flagged).toBe(flagged);
		expect(verified.duesCorrected).toBe(corrected);
	});
});

describe('dueSaidIn', () => {
	it.each([
		['Thursday', ['I will send it on Thursday.'], true],
		['by Thursday', ['I will send it on Thursday.'], true],
		['before the 5th of October', ['Order laptops before the 5th of October.'], true],
		['end of the month', ['I will do it by the end of the month.'], true],
		['the fifteenth', ['I will do it on Thursday.'], false],
		['next Friday', ['I will do it by Friday.'], false],
		['by', ['I will do it by Friday.'], false]
	])('%j in %j → %s', (due, lines, expected) => {
		expect(dueSaidIn(due, lines)).toBe(expected);
	});
});

describe('deadlineIn', () => {
	it.each([
		[['Peter, can you send it by Thursday?', 'Yes, I will send it on Thursday.'], 'by Thursday'],
		[['Yes, I will call the landlord tomorrow.'], 'tomorrow'],
		[['I will prepare a budget by the end of the month.'], 'by the end of the month'],
		[['Please order laptops before the fifth of October.'], 'before the fifth of October'],
		[['Please order laptops before the 5th of October.'], 'before the 5th of October'],
		[['I will write a guide by next Friday.'], 'by next Friday'],
		[['I will email the customers next Monday.'], 'next Monday'],
		[['Sure, I will update the sales report.'], null],
		[['Please call the landlord and ask for a visit next Tuesday.', 'I will call tomorrow.'], null],
		[['Julia starts in October.'], null]
	])('%j → %j', (lines, expected) => {
		expect(deadlineIn(lines)).toBe(expected);
	});
});

describe('inLines', () => {
	it.each([
		['Carlos', [{ speaker: 'Carlos', text: 'Sure, I will.' }], true],
		['Carlos', [{ speaker: 'Anna', text: 'Carlos, could you update it?' }], true],
		['Ada Lovelace', [{ speaker: 'Bo', text: 'Ada, can you?' }], true],
		['Peter', [{ speaker: 'Anna', text: 'Carlos, could you update it?' }], false]
	])('%s in %j → %s', (participant, lines, expected) => {
		expect(inLines(participant, lines)).toBe(expected);
	});
});

describe('takerIn', () => {
	const people = ['Anna', 'Peter', 'Carlos'];
	it.each([
		[[{ speaker: 'Anna', text: 'Peter, can you send it by Thursday?' }, { speaker: 'Peter', text: 'Yes, I will.' }], 'Peter'],
		[[{ speaker: 'Anna', text: 'Carlos, please order the laptops.' }], 'Carlos'],
		[[{ speaker: 'Anna', text: 'I will write an email next Monday.' }], 'Anna'],
		[[{ speaker: 'Carlos', text: 'Our customers need to know.' }], null],
		[[{ speaker: 'Anna', text: 'Peter, can you call them?' }, { speaker: 'Carlos', text: 'I will order them.' }], null]
	])('%j → %s', (lines, expected) => {
		expect(takerIn(lines, people)).toBe(expected);
	});
});

describe('restates', () => {
	it.each([
		['Update the sales report', 'Carlos updates the sales report', true],
		['Order new laptops for the support team', 'Order new laptops for the support team before the 5th of October', true],
		['Hire Julia for the support job', 'Send Julia the contract', false],
		['Use the same moving company on the 20th', 'Confirm the booking with the moving company', false]
	])('%j vs %j → %s', (decision, item, expected) => {
		expect(restates(decision, item)).toBe(expected);
	});
});

describe('decisions and action items side by side', () => {
	const said = buildMaterial(
		[
			line('Anna', 'Peter, please confirm the booking with the moving company by Friday.', 1, 0),
			line('Peter', 'Sure, I will call them.', 5, 1),
			line('Anna', 'We all agree. We will use the same company.', 9, 2)
		],
		[],
		0
	);
	it('keeps one item for a task listed twice, citing both’s lines, and drops a decision that restates a task', () => {
		const verified = verifyInsights(
			{
				...empty,
				decisions: [
					{ text: 'Use the same moving company', citations: ['T3'] },
					{ text: 'Confirm the booking with the moving company', citations: ['T1'] }
				],
				actionItems: [
					{ text: 'Confirm the booking with the moving company', citations: ['T1'], owner: 'Peter', due: 'Friday' },
					{ text: 'Confirm the booking with the movers', citations: ['T1', 'T2'], owner: 'Peter', due: null },
					{ text: 'Pay the deposit', citations: ['T2'], owner: 'Peter', due: null }
				]
			},
			said
		);
		expect(verified.insights.decisions.map((d) => d.text)).toEqual(['Use the same moving company']);
		expect(verified.insights.actionItems.map((a) => [a.text, a.owner, a.due, a.citations.length])).toEqual([
			['Confirm the booking with the moving company', 'Peter', 'Friday', 2],
			['Pay the deposit', 'Peter', 'by Friday', 1] // a line in common, but another task (its "I will" answers the request: its deadline)
		]);
	});

	it('knows a request and its answer listed as two items for one task', () => {
		const verified = verifyInsights(
			{
				...empty,
				actionItems: [
					{ text: 'Confirm the booking with the moving company', citations: ['T1'], owner: 'Peter', due: 'Friday' },
					{ text: 'Call the moving company', citations: ['T2'], owner: 'Peter', due: null }
				]
			},
			said
		);
		expect(verified.insights.actionItems.map((a) => [a.text, a.due, a.citations.length])).toEqual([['Confirm the booking with the moving company', 'Friday', 2]]);
	});
});
