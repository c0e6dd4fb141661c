import { Room } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';

/**
 * A stand-in for the transcriber: a LiveKit participant of kind AGENT, as the dispatched
 * transcriber is, that can publish the contract's `lk.transcription` streams (see `caption`)
 * without speech or Whisper. For tests of what the call shows, not of speech to text.
 */
export async function standInAgent(code: string): Promise<Room> {
	const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
	const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, { identity: 'agent-stand-in', name: 'Captions' });
	token.kind = 'agent';
	token.addGrant({ roomJoin: true, room: code, canSubscribe: false, canPublish: false, canPublishData: true, canUpdateOwnMetadata: true });
	const room = new Room();
	await room.connect(LIVEKIT_URL!.replace(/^http/, 'ws'), await token.toJwt(), { autoSubscribe: false, dynacast: false });
	return room;
}

/** The text-stream options of one caption from the stand-in, about Ann Speaker. */
export const caption = (segmentId: string, text: string, final: boolean) => ({
	topic: 'lk.transcription',
	attributes: {
		'lk.segment_id': segmentId,
		'lk.transcribed_track_id': 'TR_stand_in',
		'lk.transcription_final': String(final),
		'stoom.speaker_identity': 'ann-identity',
		'stoom.speaker_name': 'Ann Speaker',
		'stoom.start_ms': String(Date.now())
	}
});
