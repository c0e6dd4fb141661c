import type { PersonView } from '#lib/access/people';
import { fetchIdempotent, postJson } from './api';

const participantUrl = (code: string, identity: string) => `/api/rooms/${code}/participants/${encodeURIComponent(identity)}`;

/** Everyone who holds a way into the meeting, and its access, as its hosts see them. */
export interface MeetingPeople {
	people: PersonView[];
	locked: boolean;
	askToJoin: boolean;
}

/** Calls of the hosts (and co-hosts, where said); the server answers 403 to everyone else. */
export const hostControls = {
	mute: (code: string, identity: string) => postJson(participantUrl(code, identity), { action: 'mute' }),
	remove: (code: string, identity: string) => postJson(participantUrl(code, identity), { action: 'remove' }),
	/** Host only. */
	setCohost: (code: string, identity: string, cohost: boolean) => postJson(participantUrl(code, identity), { action: cohost ? 'make_cohost' : 'remove_cohost' }),
	endForAll: (code: string) => postJson(`/api/rooms/${code}/end`, {}),
	async people(code: string): Promise<MeetingPeople | undefined> {
		const response = await fetchIdempotent(`/api/rooms/${code}/people`, { cache: 'no-store' }).catch(() => undefined);
		return response?.ok ? ((await response.json()) as MeetingPeople) : undefined;
	}
};
