import type { Room } from 'livekit-client';

/**
 * The parts of livekit-client's RTCEngine this module reaches into: not public API, hence
 * every use checks they are there (a livekit-client that changed them just skips the head start).
 */
interface EngineInternals {
	pcManager?: unknown;
	configure?: () => Promise<void>;
	applyInitialPublisherLayout?: () => void;
	close?: () => Promise<void>;
}

const internals = (room: Room) => room.engine as unknown as EngineInternals | undefined;

/**
 * Builds, on the pre-join screen, the peer connection LiveKit's connect would build once the
 * token is here: the RTCPeerConnection (its DTLS certificate), the data channels and the six
 * receive-only media sections of the first offer — ~50 ms of main-thread work on this
 * machine's joins (bench/join-timeline.ts), now off the path from the click. Nothing is sent:
 * no ICE gathering starts before the offer is applied at the join, and no server is contacted.
 * LiveKit's connect finds the connection built and goes on from its first offer.
 */
export async function prebuildPeerConnection(room: Room): Promise<boolean> {
	const engine = internals(room);
	if (room.state !== 'disconnected' || !engine || engine.pcManager) return false;
	if (typeof engine.configure !== 'function' || typeof engine.applyInitialPublisherLayout !== 'function') return false;
	await engine.configure();
	// A connect that started meanwhile built its own (configure returns early then): leave it be.
	if (room.state !== 'disconnected') return false;
	engine.applyInitialPublisherLayout();
	return true;
}

/** Closes a pre-built connection of a room that never connected (its disconnect does nothing then). */
export async function closePrebuiltPeerConnection(room: Room): Promise<void> {
	const engine = internals(room);
	if (room.state !== 'disconnected' || !engine?.pcManager || typeof engine.close !== 'function') return;
	await engine.close();
}
