import { describe, expect, it } from 'vitest';
import type { TruthActionItem } from './dataset';
import { answerCorrect, dueMatches, hitLands, keywordsMatch, maxPairing, ownerMatches, rates, scoreActionItems, scoreDecisions } from './score';

describe('keywordsMatch', () => {
	it.each([
		['Send Julia the contract', [['contract'], ['julia']], true],
		['Order new laptops for support', [['laptop']], true],
		['Update the sales report', [['sales report', 'report']], true],
		['Send the contract', [['contract'], ['julia']], false],
		['Booked a bedroom', [['room']], false], // words, not any substring
		['Costs 2,000 euros', [['2,000', 'two thousand']], true]
	] as const)('%s ~ %j → %s', (text, keywords, expected) => {
		expect(keywordsMatch(text, keywords as unknown as string[][])).toBe(expected);
	});
});

describe('ownerMatches', () => {
	it.each([
		['Ben', 'Ben', true],
		['ben', 'Ben', true],
		['Ben Smith', 'Ben', true],
		['Anna', 'Ben', false],
		[null, null, true],
		['', null, true],
		[null, 'Ben', false],
		['Ben', null, false]
	])('%j vs %j → %s', (written, truth, expected) => {
		expect(ownerMatches(written, truth)).toBe(expected);
	});
});

describe('dueMatches', () => {
	it.each([
		['Thursday', ['thursday'], true],
		['by Thursday', ['thursday'], true],
		['the fifteenth', ['thursday'], false],
		[null, ['thursday'], false],
		[null, null, true],
		['', null, true],
		['Monday', null, false],
		['next Friday', ['next friday', 'friday'], true],
		['before the 5th of October', ['fifth of october', '5th of october'], true],
		['Fridays', ['friday'], false]
	])('%j vs %j → %s', (written, truth, expected) => {
		expect(dueMatches(written, truth)).toBe(expected);
	});
});

describe('maxPairing', () => {
	it('finds the largest one-to-one pairing, not the greedy one', () => {
		// Written 0 fits truths 0 and 1, written 1 fits only truth 0: greedy would pair 0–0 and leave 1 out.
		const fits = (w: number, t: number) => (w === 0 ? t <= 1 : t === 0);
		expect([...maxPairing(2, 2, fits)].sort()).toEqual([
			[0, 1],
			[1, 0]
		]);
	});
	it('pairs nothing when nothing fits', () => {
		expect(maxPairing(3, 2, () => false).size).toBe(0);
	});
});

const truth: TruthActionItem[] = [
	{ label: 'contract', keywords: [['contract']], owner: 'Ben', due: ['thursday'] },
	{ label: 'report', keywords: [['report']], owner: 'Carlos', due: null },
	{ label: 'old task', keywords: [['landlord']], owner: 'Diana', due: null, optional: true }
];

describe('scoreActionItems', () => {
	it.each([
		{
			name: 'all right',
			written: [
				{ text: 'Send Julia the contract', owner: 'Ben', due: 'Thursday' },
				{ text: 'Update the sales report', owner: 'Carlos', due: null }
			],
			full: { tp: 2, fp: 0, fn: 0 },
			text: { tp: 2, fp: 0, fn: 0 }
		},
		{
			name: 'a due date taken from another sentence is wrong in full, right by text',
			written: [
				{ text: 'Send Julia the contract', owner: 'Ben', due: 'Thursday' },
				{ text: 'Update the sales report', owner: 'Carlos', due: 'the fifteenth' }
			],
			full: { tp: 1, fp: 1, fn: 1 },
			text: { tp: 2, fp: 0, fn: 0 }
		},
		{
			name: 'a wrong owner is wrong in full',
			written: [{ text: 'Send the contract', owner: 'Anna', due: 'Thursday' }],
			full: { tp: 0, fp: 1, fn: 2 },
			text: { tp: 1, fp: 0, fn: 1 }
		},
		{
			name: 'a mention of an optional item is neither found nor extra; an unrelated item is extra',
			written: [
				{ text: 'Call the landlord', owner: 'Diana', due: 'Tuesday' },
				{ text: 'Buy coffee', owner: 'Ben', due: null }
			],
			full: { tp: 0, fp: 1, fn: 2 },
			text: { tp: 0, fp: 1, fn: 2 }
		},
		{
			name: 'the same item twice counts once, the duplicate is extra',
			written: [
				{ text: 'Send the contract', owner: 'Ben', due: 'Thursday' },
				{ text: 'Contract to Julia', owner: 'Ben', due: 'Thursday' }
			],
			full: { tp: 1, fp: 1, fn: 1 },
			text: { tp: 1, fp: 1, fn: 1 }
		},
		{ name: 'nothing written', written: [], full: { tp: 0, fp: 0, fn: 2 }, text: { tp: 0, fp: 0, fn: 2 } }
	])('$name', ({ written, full, text }) => {
		const score = scoreActionItems(written, truth);
		expect(score.full).toEqual(full);
		expect(score.text).toEqual(text);
	});

	it('names what was missed and what was extra', () => {
		const score = scoreActionItems([{ text: 'Buy coffee', owner: null, due: null }], truth);
		expect(score.missed).toEqual(['contract', 'report']);
		expect(score.extra).toEqual(['Buy coffee (owner: -, due: -)']);
	});
});

describe('scoreDecisions', () => {
	it('matches by text, one to one', () => {
		const score = scoreDecisions([{ text: 'We will hire Julia' }, { text: 'Julia gets hired' }, { text: 'Diana calls the landlord' }], [
			{ label: 'hire', keywords: [['julia'], ['hire', 'hired']] }
		]);
		expect({ tp: score.tp, fp: score.fp, fn: score.fn }).toEqual({ tp: 1, fp: 2, fn: 0 });
		expect(score.missed).toEqual([]);
	});
});

describe('rates', () => {
	it.each([
		[[{ tp: 9, fp: 1, fn: 1 }], 0.9, 0.9],
		[[{ tp: 1, fp: 0, fn: 1 }, { tp: 1, fp: 2, fn: 0 }], 0.667, 0.5],
		[[{ tp: 0, fp: 0, fn: 0 }], null, null]
	])('%j → recall %s precision %s', (counts, recall, precision) => {
		const r = rates(counts);
		expect(r.recall).toBe(recall);
		expect(r.precision).toBe(precision);
	});
});

describe('hitLands', () => {
	const target = { sessionId: 's1', speaker: 'Ben', start: 10, end: 14 };
	it.each([
		[{ sessionId: 's1', speaker: 'Ben', at: 12 }, true],
		[{ sessionId: 's1', speaker: 'Ben', at: 15.5 }, true],
		[{ sessionId: 's1', speaker: 'Ben', at: 20 }, false],
		[{ sessionId: 's1', speaker: 'Anna', at: 12 }, false],
		[{ sessionId: 's2', speaker: 'Ben', at: 12 }, false]
	])('%j → %s', (hit, expected) => {
		expect(hitLands(hit, target)).toBe(expected);
	});
});

describe('answerCorrect', () => {
	it.each([
		[{ text: 'Ben sends it on Thursday.', found: true }, [['ben'], ['thursday']], true],
		[{ text: 'Ben sends it.', found: true }, [['ben'], ['thursday']], false],
		[{ text: 'Not found in your meetings.', found: false }, [], true],
		[{ text: 'The party is in December.', found: true }, [], false],
		[{ text: 'Not found in your meetings.', found: false }, [['julia']], false]
	])('%j with %j → %s', (answer, facts, expected) => {
		expect(answerCorrect(answer, facts)).toBe(expected);
	});
});
