/** What the server tells browsers about the lobby: shared by the server and the browser. */

/** LiveKit data topic of lobby updates, sent by the server to the hosts and co-hosts in the call. */
export const LOBBY_TOPIC = 'lobby';

/** One person knocking, as a host sees them. */
export interface KnockView {
	/** The knock's id (its pass). */
	id: string;
	name: string;
	/** ISO 8601 */
	knockedAt: string;
	/** Knocks from an address someone removed from this meeting used. */
	fromRemovedAddress: boolean;
}

/** The lobby as the hosts see it: everyone waiting, oldest first (the first 50). */
export interface LobbyUpdate {
	type: 'lobby';
	waiting: KnockView[];
	/** How many are waiting in all. */
	total: number;
	/** The room asks to join (its setting, or a removal earlier in this meeting). */
	askToJoin: boolean;
	/** Set once when many wrong passwords were tried in a short time. */
	passwordGuessing?: boolean;
	/** Set when a removal switched the meeting to ask to join. */
	forcedByRemoval?: boolean;
}

/** Where a knock stands, as the knocker's lobby screen learns it. */
export type KnockState =
	| { state: 'waiting'; hostPresent: boolean }
	| { state: 'admitted'; token: { token: string; wsUrl: string; identity: string; expiresInSeconds: number; sessionId: string } | null }
	| { state: 'denied' | 'cancelled' | 'expired' | 'ended' | 'removed' | 'refused'; message: string };

export const KNOCK_END_STATES = new Set<KnockState['state']>(['admitted', 'denied', 'cancelled', 'expired', 'ended', 'removed', 'refused']);
