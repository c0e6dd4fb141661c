import { AccessToken } from 'livekit-server-sdk';
import { toVideoGrant, type PublishRights } from './publish-rights';

export interface BrowserTokenInput {
	room: string;
	identity: string;
	displayName: string;
	/** host, cohost or guest: the badges read it from the metadata, which only the server sets. */
	role: string;
	ttlSeconds: number;
	rights: PublishRights;
}

/** Mints the browser's access token. The identity is always chosen by the server. */
export async function mintBrowserToken(input: BrowserTokenInput, apiKey: string, apiSecret: string): Promise<string> {
	const token = new AccessToken(apiKey, apiSecret, {
		identity: input.identity,
		name: input.displayName,
		metadata: participantMetadata(input.role),
		ttl: input.ttlSeconds
	});
	token.addGrant(toVideoGrant(input.room, input.rights));
	return token.toJwt();
}

/** A browser participant's LiveKit metadata: its role. The token sets it; permission syncs keep it current. */
export function participantMetadata(role: string): string {
	return JSON.stringify({ role });
}
