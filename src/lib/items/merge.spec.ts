import { describe, expect, it } from 'vitest';
import { findSameItem, mergeKey, mergeWords, ownersAgree, similarity, stem, type MergeCandidate } from './merge';

describe('stem', () => {
	it.each([
		['sending', 'send'],
		['sends', 'send'],
		['updates', 'updat'],
		['updated', 'updat'],
		['update', 'updat'],
		['replies', 'reply'],
		['contracts', 'contract'],
		['presentation', 'present'],
		['go', 'go']
	])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));
});

describe('mergeWords', () => {
	it('drops punctuation, case and function words, and stems', () => {
		expect(mergeWords('Send the signed contract to ACME, by Friday!')).toEqual(['acm', 'contract', 'friday', 'send', 'sign']);
		expect(mergeKey('Update the dashboard')).toBe('dashboard updat');
	});
});

describe('similarity', () => {
	it.each([
		[['a', 'b'], ['a', 'b'], 1],
		[['a', 'b'], ['c', 'd'], 0],
		[[], ['a'], 0],
		[['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e'], 1]
	])('%j ~ %j = %s', (a, b, expected) => expect(similarity(a, b)).toBeCloseTo(expected));
});

describe('ownersAgree', () => {
	it.each([
		['Hana', 'hana ', true],
		['Hana', 'ＨＡＮＡ', true],
		['Hana', 'Bo', false],
		[null, 'Bo', true],
		['Bo', null, true],
		['', 'Bo', true]
	])('%s / %s → %s', (a, b, expected) => expect(ownersAgree(a, b)).toBe(expected));
});

describe('findSameItem', () => {
	const item = (id: string, text: string, owner: string | null, status: MergeCandidate['status'] = 'open', updatedAt = 1): MergeCandidate => ({
		id,
		mergeKey: mergeKey(text),
		owner,
		status,
		updatedAt
	});
	const room = [
		item('contract', 'Send the contract to Acme', 'Hana'),
		item('dashboard', 'Update the sales dashboard', 'Bo'),
		item('room', 'Book the large meeting room for Carol', null, 'done'),
		item('budget', 'Review the Q3 budget', 'Hana', 'dropped')
	];

	it.each<[string, string | null, string | null, string]>([
		['Send the contract to Acme', 'Hana', 'contract', 'the same words'],
		['Hana sends the contract to ACME.', 'hana', 'contract', 'tense, case and a name among the words'],
		['Send the signed contract to Acme by Friday', 'Hana', 'contract', 'the old words within the new'],
		['Send the contract to Acme', null, 'contract', 'no owner said this time'],
		['Send the contract to Acme', 'Bo', null, 'another owner'],
		['Update the dashboard', 'Bo', 'dashboard', 'fewer words, all of them shared'],
		['Book the meeting room for Carol', 'Dan', 'room', 'a done item recurs (its owner was not named)'],
		['Review the Q3 budget', 'Hana', null, 'a dropped item is not matched'],
		['Send the invoice to Acme', 'Hana', null, 'one different word of three'],
		['Call the printer', null, null, 'nothing alike']
	])('%s (%s) → %s: %s', (text, owner, expected) => {
		expect(findSameItem({ text, owner }, room)).toBe(expected);
	});

	it('prefers the closest match, then the most recent', () => {
		const twins = [item('old', 'Update the dashboard', 'Bo', 'open', 1), item('new', 'Update the dashboard', 'Bo', 'open', 2), item('near', 'Update the sales dashboard weekly', 'Bo', 'open', 3)];
		expect(findSameItem({ text: 'Update the dashboard', owner: 'Bo' }, twins)).toBe('new');
	});
});
