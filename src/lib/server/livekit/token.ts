import { AccessToken } from 'livekit-server-sdk';
import { toVideoGrant, type PublishRights } from './publish-rights';

export interface BrowserTokenInput {
	room: string;
	identity: string;
	displayName: string;
	isHost: boolean;
	ttlSeconds: number;
	rights: PublishRights;
}

/** Mints the browser's access token. The identity is always chosen by the server. */
export async function mintBrowserToken(input: BrowserTokenInput, apiKey: string, apiSecret: string): Promise<string> {
	const token = new AccessToken(apiKey, apiSecret, {
		identity: input.identity,
		name: input.displayName,
		metadata: JSON.stringify({ isHost: input.isHost }),
		ttl: input.ttlSeconds
	});
	token.addGrant(toVideoGrant(input.room, input.rights));
	return token.toJwt();
}
