import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoardCache } from './board-cache';

describe('createBoardCache', () => {
	it('answers a board only at the version it was put with', () => {
		const cache = createBoardCache();
		const doc = new Y.Doc();
		cache.put('s1', 'a|1', doc);
		expect(cache.take('s1', 'a|1')).toBe(doc);
		expect(cache.take('s1', 'a|2')).toBeUndefined();
		expect(cache.take('s2', 'a|1')).toBeUndefined();
	});

	it('forgets a dropped board', () => {
		const cache = createBoardCache();
		cache.put('s1', 'v', new Y.Doc());
		cache.drop('s1');
		expect(cache.take('s1', 'v')).toBeUndefined();
	});

	it('keeps only the most recently written boards', () => {
		const cache = createBoardCache(2);
		cache.put('s1', 'v', new Y.Doc());
		cache.put('s2', 'v', new Y.Doc());
		cache.put('s1', 'w', new Y.Doc());
		cache.put('s3', 'v', new Y.Doc());
		expect(cache.take('s2', 'v')).toBeUndefined();
		expect(cache.take('s1', 'w')).toBeDefined();
		expect(cache.take('s3', 'v')).toBeDefined();
	});

	it('forgets a board idle for too long', () => {
		const cache = createBoardCache(8, -1);
		cache.put('s1', 'v', new Y.Doc());
		expect(cache.take('s1', 'v')).toBeUndefined();
	});
});
