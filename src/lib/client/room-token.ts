import { postJson } from './api';

export interface RoomToken {
	token: string;
	wsUrl: string;
	identity: string;
	expiresInSeconds: number;
	/** The meeting session this token is for (its record, transcript and insights). */
	sessionId: string;
}

/** Asks the server for a fresh LiveKit token; only browsers that passed the join step get one. */
export function fetchRoomToken(code: string): Promise<RoomToken> {
	return postJson<RoomToken>(`/api/rooms/${code}/token`);
}
