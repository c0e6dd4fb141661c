import { postJson } from './api';

/** Host-only calls; the server answers 403 to everyone else. */
export const hostControls = {
	mute: (code: string, identity: string) => postJson(`/api/rooms/${code}/participants/${encodeURIComponent(identity)}`, { action: 'mute' }),
	remove: (code: string, identity: string) => postJson(`/api/rooms/${code}/participants/${encodeURIComponent(identity)}`, { action: 'remove' }),
	endForAll: (code: string) => postJson(`/api/rooms/${code}/end`, {})
};
