/** What the database knows of one participant's LiveKit connection. */
export interface PresenceState {
	/** The connection (LiveKit participant sid) the presence columns describe. */
	livekitSid: string | null;
	/** The last connection LiveKit reported gone. */
	leftSid: string | null;
}

export type PresenceEvent = { type: 'joined' | 'left'; sid: string; at: Date };

export type PresenceChange = Partial<{ joined_at: Date; left_at: Date | null; livekit_sid: string; left_sid: string }>;

/**
 * Applies a join or leave webhook whatever order they arrive in. Each LiveKit connection has
 * its own sid: a join of a connection already reported gone changes nothing; a leave of a
 * connection that is no longer the current one (a rejoin replaced it) only records the sid.
 * Null when nothing changes.
 */
export function applyPresence(state: PresenceState, event: PresenceEvent): PresenceChange | null {
	if (event.type === 'joined') {
		if (event.sid === state.leftSid) return null;
		return { joined_at: event.at, left_at: null, livekit_sid: event.sid };
	}
	if (state.livekitSid && state.livekitSid !== event.sid) return { left_sid: event.sid };
	return { left_at: event.at, left_sid: event.sid };
}
