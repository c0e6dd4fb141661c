/**
 * Who may do what in a meeting: one pure rule. The token's grant, every later LiveKit
 * permission update, the board, the host's endpoints and the people panel all ask
 * `rightsFor`, so a right is never written twice.
 */

import type { ParticipantRole } from '../../access/roles';
export { mayRemove } from '../../access/roles';

export type Role = ParticipantRole;

/** The host is whoever holds a live host session of the room; a co-host is named by the host for one meeting. */
export function roleOf(f: { hostSession: boolean; cohost: boolean }): Role {
	if (f.hostSession) return 'host';
	return f.cohost ? 'cohost' : 'guest';
}

/** What the room's state says, as far as rights go. */
export interface RightsRoom {
	whiteboardViewOnly: boolean;
	/** The participant holding the screen-share lock. */
	presenterId: string | null;
}

export interface Who {
	role: Role;
	participantId: string | null;
}

export interface Rights {
	role: Role;
	/**
	 * Runs the meeting: admits from the lobby, mutes, removes guests, locks, sets who may
	 * come in, ends it for all, stops a presentation, clears the board or makes it view-only.
	 */
	moderate: boolean;
	/** Owns the room: settings, the host link, co-hosts, recording and the recordings' files. */
	own: boolean;
	/** Draws on the board. */
	draw: boolean;
	/** Holds the screen-share lock: may publish the screen and its audio. */
	present: boolean;
}

export function rightsFor(room: RightsRoom, who: Who): Rights {
	const moderate = who.role !== 'guest';
	return {
		role: who.role,
		moderate,
		own: who.role === 'host',
		draw: moderate || !room.whiteboardViewOnly,
		present: who.participantId !== null && who.participantId === room.presenterId
	};
}
