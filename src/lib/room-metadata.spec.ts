import { describe, expect, it } from 'vitest';
import { parseRoomMetadata, roomMetadataJson } from './room-metadata';

describe('parseRoomMetadata', () => {
	it.each([
		['what the server writes', roomMetadataJson({ reactions: false }), { reactions: false }],
		['none yet (a room made before): defaults', undefined, { reactions: true }],
		['empty', '', { reactions: true }],
		['malformed JSON', '{reactions', { reactions: true }],
		['a wrong type', '{"reactions":"no"}', { reactions: true }]
	])('%s', (_name, json, expected) => {
		expect(parseRoomMetadata(json)).toEqual(expected);
	});
});
