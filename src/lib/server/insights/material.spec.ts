import { describe, expect, it } from 'vitest';
import { buildMaterial, estimateTokens, renderEntry, splitByTime } from './material';

const start = Date.parse('2026-11-28T10:00:00.000Z');
const line = (speaker: string, text: string, timestamp: number) => ({ speaker, text, timestamp, isActive: false, segmentId: `${speaker}:${timestamp}` });

describe('buildMaterial', () => {
	const material = buildMaterial(
		[line('Ada', 'Hello everyone.', 2), line('Bo', 'Hi Ada.', 65.4)],
		[
			{ seq: 9, senderIdentity: 'p_c', senderName: 'Cy', text: 'before the recording', sentAt: '2026-11-28T09:59:00.000Z' },
			{ seq: 12, senderIdentity: 'p_c', senderName: 'Cy', text: 'a link\nwith a break', sentAt: '2026-11-28T10:00:30.000Z' }
		],
		start,
		['Ada', 'Bo', 'Cy', 'Dee Silent']
	);

	it('puts lines and chat in time order with short ids', () => {
		expect(material.entries.map((e) => [e.id, e.at])).toEqual([
			['C1', 0],
			['T1', 2],
			['C2', 30],
			['T2', 65.4]
		]);
		expect(material.entries.find((e) => e.id === 'C2')).toMatchObject({ kind: 'chat', ref: '12', speaker: 'Cy' });
		expect(material.entries.find((e) => e.id === 'T2')).toMatchObject({ kind: 'line', ref: 'Bo:65.4' });
	});

	it('lists every participant once, including those who never spoke', () => {
		expect(material.participants).toEqual(['Ada', 'Bo', 'Cy', 'Dee Silent']);
	});

	it.each([
		['T1', '[T1 00:02] Ada: Hello everyone.'],
		['C2', '[C2 00:30] Cy (chat): a link with a break'],
		['T2', '[T2 01:05] Bo: Hi Ada.']
	])('renders %s as one line', (id, text) => {
		expect(renderEntry(material.entries.find((e) => e.id === id)!)).toBe(text);
	});
});

describe('splitByTime', () => {
	const many = buildMaterial(
		Array.from({ length: 50 }, (_, i) => line(i % 2 ? 'Ada' : 'Bo', `Sentence number ${i} of a long meeting about budgets.`, i * 10)),
		[],
		start
	).entries;

	it.each([50, 200, 400, 100_000])('with a budget of %i tokens, keeps every entry once, in order, each part within the budget', (budget) => {
		const parts = splitByTime(many, budget);
		expect(parts.flat().map((e) => e.id)).toEqual(many.map((e) => e.id));
		for (const part of parts) {
			const cost = part.reduce((sum, e) => sum + estimateTokens(renderEntry(e)) + 1, 0);
			if (part.length > 1) expect(cost).toBeLessThanOrEqual(budget);
		}
		if (budget === 100_000) expect(parts).toHaveLength(1);
		if (budget === 200) expect(parts.length).toBeGreaterThan(3);
	});

	it('an entry larger than the budget is a part of its own', () => {
		expect(splitByTime(many.slice(0, 3), 1).map((p) => p.length)).toEqual([1, 1, 1]);
	});
});
