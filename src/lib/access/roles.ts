import { m } from '#lib/paraglide/messages';

/** A participant's role in a meeting, as the server puts it in their LiveKit metadata. */
export type ParticipantRole = 'host' | 'cohost' | 'guest';

/** The role in a participant's metadata (set by the server only; browsers may not change their own). */
export function roleFromMetadata(metadata: string | undefined): ParticipantRole {
	try {
		const role = metadata ? (JSON.parse(metadata) as { role?: unknown }).role : undefined;
		return role === 'host' || role === 'cohost' ? role : 'guest';
	} catch {
		return 'guest';
	}
}

/** The badge a role shows on tiles, in the people panel and in chat (null: none). */
export function roleBadge(role: ParticipantRole): string | null {
	return role === 'host' ? m.common_role_host() : role === 'cohost' ? m.common_role_cohost() : null;
}

/** A host removes anyone but a host; a co-host removes guests only. */
export function mayRemove(actor: ParticipantRole, target: ParticipantRole): boolean {
	if (target === 'host') return false;
	if (actor === 'host') return true;
	return actor === 'cohost' && target === 'guest';
}
