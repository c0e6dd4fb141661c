import { postJson } from './api';

export interface RoomToken {
	token: string;
	wsUrl: string;
	identity: string;
	expiresInSeconds: number;
}

/** Asks the server for a fresh LiveKit token; only browsers that passed the join step get one. */
export function fetchRoomToken(code: string): Promise<RoomToken> {
	return postJson<RoomToken>(`/api/rooms/${code}/token`);
}
