import { describe, expect, it } from 'vitest';
import { mayEditItem, maySeeItem, type ItemViewer } from './rights';

const host: ItemViewer = { host: true, meetings: [] };
const hanaInS1: ItemViewer = { host: false, meetings: [{ sessionId: 's1', displayName: 'hana ' }] };
const hanaInS3: ItemViewer = { host: false, meetings: [{ sessionId: 's3', displayName: 'Hana' }] };
const boInS1: ItemViewer = { host: false, meetings: [{ sessionId: 's1', displayName: 'Bo' }] };
const nobody: ItemViewer = { host: false, meetings: [] };
const item = { owner: 'Hana', mentionSessionIds: ['s1', 's2'] };

describe('maySeeItem', () => {
	it.each([
		['a host', host, true],
		['a guest of a meeting that mentions it', boInS1, true],
		['a guest of another meeting', hanaInS3, false],
		['a stranger', nobody, false]
	])('%s → %s', (_, viewer, expected) => expect(maySeeItem(viewer, item.mentionSessionIds)).toBe(expected));
});

describe('mayEditItem', () => {
	it.each([
		['a host', host, item, true],
		['its owner, who was in a meeting that mentions it', hanaInS1, item, true],
		['its owner, who was only in another meeting', hanaInS3, item, false],
		['another guest of that meeting', boInS1, item, false],
		['a guest when the item has no owner', boInS1, { owner: null, mentionSessionIds: ['s1'] }, false],
		['a host when the item has no owner', host, { owner: null, mentionSessionIds: [] }, true]
	])('%s → %s', (_, viewer, it_, expected) => expect(mayEditItem(viewer, it_)).toBe(expected));
});
