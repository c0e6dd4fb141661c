import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';

export interface BrowserTokenInput {
	room: string;
	identity: string;
	displayName: string;
	isHost: boolean;
	ttlSeconds: number;
	/** Sources this participant may publish beyond camera and microphone (the screen-share lock holder). */
	extraSources?: TrackSource[];
}

/**
 * Least-privilege grant for a browser: join one room, subscribe, publish camera and
 * microphone only. No data publishing (chat goes through the server), no metadata edits,
 * no admin, record or room-creation rights.
 */
export function browserGrant(room: string, extraSources: TrackSource[] = []): VideoGrant {
	return {
		room,
		roomJoin: true,
		canSubscribe: true,
		canPublish: true,
		canPublishData: false,
		canUpdateOwnMetadata: false,
		canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, ...extraSources]
	};
}

/** Mints the browser's access token. The identity is always chosen by the server. */
export async function mintBrowserToken(input: BrowserTokenInput, apiKey: string, apiSecret: string): Promise<string> {
	const token = new AccessToken(apiKey, apiSecret, {
		identity: input.identity,
		name: input.displayName,
		metadata: JSON.stringify({ isHost: input.isHost }),
		ttl: input.ttlSeconds
	});
	token.addGrant(browserGrant(input.room, input.extraSources));
	return token.toJwt();
}
