import { randomBytes } from 'node:crypto';

/** A LiveKit identity chosen by the server: unguessable, never derived from user input. */
export function newParticipantIdentity(): string {
	return `p_${randomBytes(12).toString('base64url')}`;
}
