import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';

/**
 * Whether a LiveKit data message came from the Stoom server. LiveKit stamps every visible
 * sender's identity on the packets it forwards (livekit-server asserts it: a browser cannot
 * send one without its own identity); only the server API — and hidden participants, our own
 * recorders — send with none. The `participant` argument alone does not tell: a browser's
 * packet that arrives before the browser hears it joined has no participant yet.
 */
export function sentByServer(participant: unknown, participantIdentity: string | undefined): boolean {
	return participant === undefined && !participantIdentity;
}

/**
 * Calls `handler` with each JSON message the Stoom server sends the room on `topic` (others'
 * packets on it, and what does not parse, are ignored); returns the cleanup that stops it.
 */
export function onServerData(room: Room, topic: string, handler: (message: unknown) => void): () => void {
	const onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, dataTopic?: string, _encryption?: unknown, identity?: string) => {
		if (dataTopic !== topic || !sentByServer(participant, identity)) return;
		try {
			handler(JSON.parse(new TextDecoder().decode(payload)));
		} catch {
			// not ours: ignore
		}
	};
	room.on(RoomEvent.DataReceived, onData);
	return () => void room.off(RoomEvent.DataReceived, onData);
}
