import { describe, expect, it } from 'vitest';
import type { Room } from '../db/schema';
import { roomMetadataOf } from './livekit-room';

const room = (over: Partial<Room>): Room => ({ reactions: true, captions: true, transcription_language: null, ...over }) as Room;

describe('roomMetadataOf', () => {
	it.each<[string, Partial<Room>, boolean, object]>([
		['a new room, nothing kept', {}, false, { reactions: true, captions: true, transcribing: false, language: null }],
		['transcribed (Transcribe, or a recording)', {}, true, { reactions: true, captions: true, transcribing: true, language: null }],
		['captions and reactions off', { captions: false, reactions: false }, false, { reactions: false, captions: false, transcribing: false, language: null }],
		["the room's language", { transcription_language: 'fr' }, false, { reactions: true, captions: true, transcribing: false, language: 'fr' }],
		['detected', { transcription_language: 'auto' }, true, { reactions: true, captions: true, transcribing: true, language: 'auto' }]
	])('%s', (_name, over, transcribing, expected) => {
		expect(roomMetadataOf(room(over), transcribing)).toEqual(expected);
	});
});
