import { version, type Room } from 'livekit-client';
import { keepLowestLayerOn } from './lowest-layer';
import { watchMediaPath } from './media-path-watchdog';
import { acquireAudioContextAhead, releasePrebuiltAudioContext, type ActivationSource } from './prebuilt-audio-context';
import { closePrebuiltPeerConnection, prebuildPeerConnection } from './prebuilt-peer-connection';

/**
 * Every change Stoom makes to how livekit-client behaves, in one place. Most reach into its
 * internals (room-tuning.spec.ts checks each is still there in the installed version, and is
 * pinned to that version: an upgrade fails there first, loudly, before a join silently takes
 * the slow path).
 */

/** The livekit-client release the tuning below was written against and checked with. */
export const TUNED_FOR_LIVEKIT_CLIENT = '2.23.0';

/** The internals the tuning relies on, by where they live in livekit-client. */
export const INTERNALS = {
	/** prebuilt-audio-context.ts */
	room: ['acquireAudioContext', 'releaseAudioContext'],
	/** prebuilt-peer-connection.ts */
	engine: ['configure', 'applyInitialPublisherLayout', 'close'],
	/** Fields the engine sets as it connects (prebuilt-peer-connection.ts, media-path-watchdog.ts) */
	engineFields: ['pcManager'],
	/** prebuilt-peer-connection.ts (PCTransportManager, PCTransport), media-path-watchdog.ts */
	transports: ['ensureTransportConnected', 'createInitialOffer', 'getConnectionState'],
	/** lowest-layer.ts (LocalVideoTrack) */
	localVideoTrack: ['setPublishingLayers']
} as const;

/**
 * For the whole life of a connection: our camera's lowest layer stays on (a new subscriber
 * starts on it), a dead media path is noticed. Returns the cleanup.
 */
export function tuneRoom(room: Room): () => void {
	const stops = [keepLowestLayerOn(room), watchMediaPath(room)];
	return () => stops.forEach((stop) => stop());
}

/**
 * On the pre-join screen: the connection to the LiveKit server warmed, the peer connection and
 * its first offer built, the audio context made once the person interacts — what the connect
 * would do after the click. Answers when the peer connection is built (or could not be), and
 * a release for a pre-join left without joining.
 */
export function prepareRoom(room: Room, wsUrl: string, activation: ActivationSource): { built: Promise<boolean>; release: () => Promise<void> } {
	void room.prepareConnection(wsUrl);
	const built = prebuildPeerConnection(room).catch(() => false);
	const stopWaiting = acquireAudioContextAhead(room, activation);
	return {
		built,
		release: async () => {
			stopWaiting();
			await Promise.all([closePrebuiltPeerConnection(room), releasePrebuiltAudioContext(room)]);
		}
	};
}

/** The installed livekit-client's version. */
export const livekitClientVersion = version;
