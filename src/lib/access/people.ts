import type { ParticipantRole } from './roles';

/** Where someone who holds a way into the meeting stands. */
export type PersonState = 'in_call' | 'connecting' | 'waiting';

/** Everyone who holds a way into the meeting, as its hosts see them (not only those LiveKit shows). */
export interface PersonView {
	identity: string;
	name: string;
	role: ParticipantRole;
	state: PersonState;
	/** The knock's id, for those waiting in the lobby. */
	knockId?: string;
}
