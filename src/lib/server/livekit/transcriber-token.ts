import { TokenVerifier } from 'livekit-server-sdk';

export type TranscriberTokenCheck = { ok: true; room: string } | { ok: false; reason: 'missing' | 'invalid' | 'not_admin' };

/**
 * Checks the transcriber's `Authorization: Bearer <JWT>`: a LiveKit access token signed with
 * the app's API key and secret whose video grant has `roomAdmin` and names a room. Browsers
 * never get `roomAdmin`, so no browser token passes.
 */
export async function verifyTranscriberToken(authorization: string | null, apiKey: string, apiSecret: string): Promise<TranscriberTokenCheck> {
	const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
	if (!token) return { ok: false, reason: 'missing' };
	let grants;
	try {
		grants = await new TokenVerifier(apiKey, apiSecret).verify(token);
	} catch {
		return { ok: false, reason: 'invalid' };
	}
	const video = grants.video;
	if (!video?.roomAdmin || typeof video.room !== 'string' || !video.room) return { ok: false, reason: 'not_admin' };
	return { ok: true, room: video.room };
}
