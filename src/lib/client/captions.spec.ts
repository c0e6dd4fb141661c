import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RoomEvent, type Room, type TextStreamReader } from 'livekit-client';
import { CaptionsState } from './captions.svelte';

type Handler = (reader: TextStreamReader, sender: { identity: string }) => void;

interface FakeParticipant {
	identity: string;
	name: string;
	isAgent: boolean;
	attributes: Record<string, string>;
	getTrackPublication: (source: string) => { trackSid: string } | undefined;
}

function participant(identity: string, isAgent: boolean, attributes: Record<string, string>, micTrackSid?: string): FakeParticipant {
	return { identity, name: '', isAgent, attributes, getTrackPublication: (source) => (source === 'microphone' && micTrackSid ? { trackSid: micTrackSid } : undefined) };
}

/** Just enough of a LiveKit Room: events, participants, metadata and one text-stream handler per topic. */
class FakeRoom extends EventEmitter {
	state = 'connected';
	metadata: string | undefined = undefined;
	remoteParticipants = new Map<string, FakeParticipant>();
	localParticipant: FakeParticipant = participant('me', false, {}, 'TR_me');
	handlers = new Map<string, Handler>();
	registerTextStreamHandler(topic: string, handler: Handler) {
		if (this.handlers.has(topic)) throw new Error(`a handler for ${topic} is already set`);
		this.handlers.set(topic, handler);
	}
	unregisterTextStreamHandler(topic: string) {
		this.handlers.delete(topic);
	}
	join(identity: string, isAgent: boolean, attributes: Record<string, string> = {}, micTrackSid?: string) {
		const joined = participant(identity, isAgent, attributes, micTrackSid);
		this.remoteParticipants.set(identity, joined);
		this.emit(RoomEvent.ParticipantConnected, joined);
	}
	/** A stream on `lk.transcription` from `identity` (an agent's own, or sent on a speaker's behalf) about `track`. */
	async caption(identity: string, segmentId: string, text: string, final: boolean, track = 'TR_ann') {
		const attributes = { 'lk.segment_id': segmentId, 'lk.transcribed_track_id': track, 'lk.transcription_final': String(final), 'stoom.speaker_identity': 'ann', 'stoom.speaker_name': 'Ann', 'stoom.start_ms': '1000' };
		const reader = { info: { attributes }, readAll: async () => text } as unknown as TextStreamReader;
		this.handlers.get('lk.transcription')?.(reader, { identity });
		await vi.advanceTimersByTimeAsync(0);
	}
}

let room: FakeRoom;
let captions: CaptionsState;
let stop: () => void;

beforeEach(() => {
	vi.useFakeTimers();
	vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
	room = new FakeRoom();
	captions = new CaptionsState('abc-defg-hij', room as unknown as Room);
	stop = captions.listen();
});

afterEach(() => {
	stop();
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('CaptionsState', () => {
	it('takes captions from an agent: interim, then the final settles the line and is listed once', async () => {
		room.join('agent-1', true, { 'stoom.captions': 'live' });
		await room.caption('agent-1', 'SG_1', 'Hello every', false);
		expect(captions.lines.map((l) => [l.speakerName, l.settled, l.interim])).toEqual([['Ann', '', 'Hello every']]);
		expect(captions.finals).toEqual([]);
		await room.caption('agent-1', 'SG_1', 'Hello everyone.', true);
		await room.caption('agent-1', 'SG_1', 'Hello everyone.', true);
		expect(captions.lines.map((l) => [l.settled, l.interim])).toEqual([['Hello everyone.', '']]);
		expect(captions.finals.map((l) => [l.id, l.speakerName, l.text, l.at])).toEqual([['SG_1', 'Ann', 'Hello everyone.', 1000]]);
	});

	it('takes captions the transcriber sends on the speaker\'s behalf, under the name the call shows', async () => {
		room.join('agent-1', true, { 'stoom.captions': 'live' });
		room.join('ann', false, {}, 'TR_ann');
		room.remoteParticipants.get('ann')!.name = 'Ann Lee';
		await room.caption('ann', 'SG_2', 'Good morning.', true);
		expect(captions.finals.map((l) => [l.speakerIdentity, l.speakerName, l.text])).toEqual([['ann', 'Ann Lee', 'Good morning.']]);
		// The local participant's own words come back the same way.
		await room.caption('me', 'SG_3', 'Hello Ann.', true, 'TR_me');
		expect(captions.finals.map((l) => l.speakerIdentity)).toEqual(['ann', 'me']);
	});

	it.each([
		['a participant who is not an agent, about another\'s microphone', false, 'TR_ann'],
		['a participant about their own microphone, with no transcriber in the call', false, 'TR_mal'],
		['someone not in the room', undefined, 'TR_ann']
	])('ignores streams on the topic from %s', async (_name, isAgent, track) => {
		if (isAgent !== undefined) room.join('mallory', isAgent, {}, 'TR_mal');
		await room.caption('mallory', 'SG_F', 'forged', true, track);
		expect(captions.lines).toEqual([]);
		expect(captions.finals).toEqual([]);
	});

	it('a finished line fades after a few seconds, by itself', async () => {
		room.join('agent-1', true);
		await room.caption('agent-1', 'SG_1', 'Bye.', true);
		expect(captions.lines).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(5000);
		expect(captions.lines).toEqual([]);
		expect(captions.finals).toHaveLength(1);
	});

	it('follows the transcriber’s status and the room’s switches', () => {
		expect([captions.status, captions.transcribingSpeech, captions.notice]).toEqual([null, false, null]);
		room.join('agent-1', true, { 'stoom.captions': 'live' });
		expect([captions.status, captions.transcribingSpeech]).toEqual(['live', true]);
		room.remoteParticipants.get('agent-1')!.attributes = { 'stoom.captions': 'unavailable' };
		room.emit(RoomEvent.ParticipantAttributesChanged, {}, room.remoteParticipants.get('agent-1'));
		expect([captions.status, captions.transcribingSpeech, captions.notice !== null]).toEqual(['unavailable', false, true]);
		room.remoteParticipants.delete('agent-1');
		room.emit(RoomEvent.ParticipantDisconnected, {});
		expect(captions.status).toBeNull();

		expect([captions.roomCaptions, captions.transcribing]).toEqual([true, false]);
		room.metadata = JSON.stringify({ reactions: true, captions: false, transcribing: true, language: null });
		room.emit(RoomEvent.RoomMetadataChanged, room.metadata);
		expect([captions.roomCaptions, captions.transcribing]).toEqual([false, true]);
	});

	it('shows the overlay only when this viewer asked and the room allows it', () => {
		expect(captions.shown).toBe(false);
		captions.toggle();
		expect(captions.shown).toBe(true);
		room.metadata = JSON.stringify({ captions: false });
		room.emit(RoomEvent.RoomMetadataChanged, room.metadata);
		expect([captions.on, captions.shown]).toEqual([true, false]);
	});

	it('cleans up: the handler and the listeners go', () => {
		stop();
		expect(room.handlers.size).toBe(0);
		expect(room.eventNames()).toEqual([]);
		stop = captions.listen(); // and it can listen again (a handler set twice throws)
		expect(room.handlers.size).toBe(1);
	});
});
