import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOM_METADATA, parseRoomMetadata, roomMetadataJson } from './room-metadata';

describe('parseRoomMetadata', () => {
	it.each([
		['what the server writes', roomMetadataJson({ reactions: false, captions: false, transcribing: true, language: 'fr' }), { reactions: false, captions: false, transcribing: true, language: 'fr' }],
		['none yet (a room made before): defaults', undefined, DEFAULT_ROOM_METADATA],
		['empty', '', DEFAULT_ROOM_METADATA],
		['malformed JSON', '{reactions', DEFAULT_ROOM_METADATA],
		['a wrong type', '{"reactions":"no","captions":1,"language":7}', DEFAULT_ROOM_METADATA],
		['a language that is not a code', '{"language":"fr; drop"}', DEFAULT_ROOM_METADATA],
		['detected language', '{"language":"auto"}', { ...DEFAULT_ROOM_METADATA, language: 'auto' }]
	])('%s', (_name, json, expected) => {
		expect(parseRoomMetadata(json)).toEqual(expected);
	});
});
