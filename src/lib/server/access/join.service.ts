import type { AppContext } from '../app-context';
import type { Failure } from '../http/failures';
import type { JoinPass } from '../db/schema';
import { admit, type AdmissionFailure, type AdmissionInput } from './admission.service';
import { issueToken } from './token.service';

/** What the browser needs to connect: the first LiveKit token of its pass. */
export interface Connection {
	token: string;
	wsUrl: string;
	identity: string;
	expiresInSeconds: number;
	sessionId: string;
}

export type JoinResult =
	/** Let in: the pass, and its first token (null when it could not be minted now: the browser asks the token endpoint, which says why). */
	| { ok: true; via: 'direct'; pass: JoinPass; connection: Connection | null }
	/** Knocking: the pass waits in the lobby. */
	| { ok: true; via: 'lobby'; pass: JoinPass; hostPresent: boolean }
	| Failure<AdmissionFailure | 'rate_limited'>;

/**
 * The join step in one round trip: the room policy's admission (see `admit`), and for whoever
 * is let in at once, the first LiveKit token, minted under the same checks as every token.
 */
export async function join(ctx: AppContext, input: AdmissionInput): Promise<JoinResult> {
	const admitted = await admit(ctx, input);
	if (!admitted.ok) return admitted;
	if (admitted.via === 'lobby') return { ok: true, via: 'lobby', pass: admitted.pass, hostPresent: admitted.hostPresent };
	const credentials = { ...input.credentials, passId: admitted.pass.id };
	const token = await issueToken(ctx, input.room, credentials, { justAdmitted: { pass: admitted.pass, hostSessionId: admitted.hostSessionId } });
	if (!token.ok) return { ok: true, via: 'direct', pass: admitted.pass, connection: null };
	const { ok: _, ...connection } = token;
	return { ok: true, via: 'direct', pass: admitted.pass, connection };
}
