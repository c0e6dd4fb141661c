import { getBrowser, type Room } from 'livekit-client';

/**
 * The parts of livekit-client's RTCEngine this module reaches into: not public API, hence
 * every use checks they are there (a livekit-client that changed them just skips the head start).
 */
interface EngineInternals {
	pcManager?: TransportManager;
	configure?: () => Promise<void>;
	applyInitialPublisherLayout?: () => void;
	close?: () => Promise<void>;
}

/** livekit-client's PCTransportManager, the parts used here. */
export interface TransportManager {
	publisher?: Transport;
	ensureTransportConnected?: (transport: Transport, ...rest: unknown[]) => Promise<void>;
}
/** livekit-client's PCTransport, the parts used here. */
export type Transport = { pc?: RTCPeerConnection; createInitialOffer?: () => Promise<unknown> };

const internals = (room: Room) => room.engine as unknown as EngineInternals | undefined;

/**
 * Whether livekit-client sends its first offer with the join request (its
 * `isPublisherOfferWithJoinSupported`: not Firefox, and CompressionStream there). Only on that
 * path does the connect build the peer connection before the server has answered, and apply
 * the server's ICE servers to it afterwards — so only there can it be built earlier still.
 */
export function offerTravelsWithJoin(browserName: string | undefined, hasCompressionStream: boolean): boolean {
	return hasCompressionStream && browserName !== 'Firefox';
}

/**
 * Builds, on the pre-join screen, the peer connection LiveKit's connect would build once the
 * token is here: the RTCPeerConnection (its DTLS certificate), the data channels, the six
 * receive-only media sections and the first offer (made and conformed) — ~100 ms of this machine's joins
 * (bench/join-timeline.ts), now off the path from the click. Nothing is sent and no ICE
 * gathering starts (the offer is applied only once the server answers the join). LiveKit's
 * connect finds the connection built and its offer made, and goes on from there.
 */
export async function prebuildPeerConnection(room: Room): Promise<boolean> {
	const engine = internals(room);
	if (!offerTravelsWithJoin(getBrowser()?.name, typeof CompressionStream !== 'undefined')) return false;
	if (room.state !== 'disconnected' || !engine || engine.pcManager) return false;
	if (typeof engine.configure !== 'function' || typeof engine.applyInitialPublisherLayout !== 'function') return false;
	// configure does its work before its first await (livekit-client 2.23), so no click can
	// start a connect between it and the layout below; were a later version to await inside,
	// a connect started meanwhile is left alone rather than laid out under its feet.
	await engine.configure();
	if (room.state !== 'disconnected') return false;
	engine.applyInitialPublisherLayout();
	const manager = internals(room)?.pcManager; // read again: configure has just made it
	if (manager) connectedOnEvent(manager);
	// livekit-client's initial offer made ahead (its own createOffer included); where its
	// transport lacks that method, at least the raw offer.
	const publisher = manager?.publisher;
	if (publisher && !initialOfferAhead(publisher) && publisher.pc) offerAhead(publisher.pc);
	return true;
}

/**
 * livekit-client waits for a peer connection to connect by looking at it every 50 ms (its
 * `ensureTransportConnected`), so the call starts — and the tracks already received show —
 * up to 50 ms after the connection is up (25 ms on average, more when the timer runs late).
 * Here the join's wait also ends on the connection's own state change; its timeout and abort
 * are livekit-client's as before (the first of the two to settle decides). Later waits (a
 * resume after a lost connection) are livekit-client's own, unchanged.
 */
export function connectedOnEvent(manager: TransportManager): void {
	const polled = manager.ensureTransportConnected;
	if (typeof polled !== 'function') return;
	manager.ensureTransportConnected = function (transport: Transport, ...rest: unknown[]) {
		const byPolling = polled.call(this, transport, ...rest);
		if (!transport?.pc) return byPolling;
		// The join only: a reconnect (livekit-client's resume) waits the way livekit-client does.
		manager.ensureTransportConnected = polled;
		return Promise.race([byPolling, whenConnected(transport.pc)]);
	};
}

/** Resolves once the connection's state is `connected` (at once when it already is). */
export function whenConnected(pc: RTCPeerConnection): Promise<void> {
	return new Promise((resolve) => {
		const check = () => {
			if (pc.connectionState !== 'connected') return;
			pc.removeEventListener('connectionstatechange', check);
			resolve();
		};
		pc.addEventListener('connectionstatechange', check);
		check();
	});
}

/**
 * Makes the connection's first offer now and hands it to the first `createOffer()` asked of it
 * (livekit-client's initial offer; an offer made with options, an ICE restart, is made anew).
 * Nothing changes on the connection between the two: no track is added before the connect.
 */
export function offerAhead(pc: RTCPeerConnection): void {
	const early = pc.createOffer();
	early.catch(() => undefined); // a failure surfaces at the join, which asks for it
	const own = pc as RTCPeerConnection & { createOffer: RTCPeerConnection['createOffer'] };
	own.createOffer = ((options?: RTCOfferOptions) => {
		delete (own as Partial<RTCPeerConnection>).createOffer;
		return options ? pc.createOffer(options) : early;
	}) as RTCPeerConnection['createOffer'];
}

/**
 * Makes livekit-client's initial offer now — the connection's offer, parsed, conformed and written
 * again (its `createInitialOffer`, which also keeps it to be applied once the server answers) —
 * and hands that result to the connect's one call. The parse and write ran cold at the click
 * otherwise: 10–20 ms of the main thread between the join answer and the signalling socket
 * (CPU profile of bench/join-timeline.ts's drive). Its state (the pending offer, the offer's
 * number) is the connect's own, only set earlier; a later connection's offer is made anew.
 * False when the transport has no such method (nothing done).
 */
export function initialOfferAhead(transport: Transport): boolean {
	const make = transport.createInitialOffer;
	if (typeof make !== 'function') return false;
	const early = make.call(transport);
	early.catch(() => undefined); // a failure surfaces at the join, which asks for it
	transport.createInitialOffer = () => {
		delete transport.createInitialOffer;
		return early;
	};
	return true;
}

/** Closes a pre-built connection of a room that never connected (its disconnect does nothing then). */
export async function closePrebuiltPeerConnection(room: Room): Promise<void> {
	const engine = internals(room);
	if (room.state !== 'disconnected' || !engine?.pcManager || typeof engine.close !== 'function') return;
	await engine.close();
}
