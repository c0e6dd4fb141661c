import { Room } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';
import { closePrebuiltPeerConnection, connectedOnEvent, initialOfferAhead, offerAhead, offerTravelsWithJoin, prebuildPeerConnection, whenConnected, type Transport, type TransportManager } from './prebuilt-peer-connection';

/** A room whose engine records the calls; `connectDuringConfigure` starts a connect meanwhile. */
function fakeRoom(opts: { state?: string; built?: boolean; internals?: boolean; connectDuringConfigure?: boolean } = {}) {
	const calls: string[] = [];
	const room = { state: opts.state ?? 'disconnected', engine: {} as Record<string, unknown> };
	if (opts.built) room.engine.pcManager = {};
	if (opts.internals !== false) {
		room.engine.configure = vi.fn(async () => {
			calls.push('configure');
			room.engine.pcManager = {};
			if (opts.connectDuringConfigure) room.state = 'connecting';
		});
		room.engine.applyInitialPublisherLayout = vi.fn(() => calls.push('layout'));
		room.engine.close = vi.fn(async () => void calls.push('close'));
	}
	return { room: room as unknown as Room, calls };
}

describe('prebuildPeerConnection', () => {
	it.each([
		{ case: 'a room not yet connected: built, then laid out', room: {}, built: true, calls: ['configure', 'layout'] },
		{ case: 'a room already connecting: left to its connect', room: { state: 'connecting' }, built: false, calls: [] },
		{ case: 'a connection already built: not built twice', room: { built: true }, built: false, calls: [] },
		{ case: 'a connect started while building (a livekit-client that awaits inside configure): left alone', room: { connectDuringConfigure: true }, built: false, calls: ['configure'] },
		{ case: 'a livekit-client without these internals: nothing', room: { internals: false }, built: false, calls: [] }
	])('$case', async ({ room: opts, built, calls: expected }) => {
		const { room, calls } = fakeRoom(opts);
		expect(await prebuildPeerConnection(room)).toBe(built);
		expect(calls).toEqual(expected);
	});

	it("finds the internals it needs in this livekit-client's Room (an upgrade that drops them fails here)", () => {
		const engine = new Room().engine as unknown as Record<string, unknown>;
		expect(typeof engine.configure).toBe('function');
		expect(typeof engine.applyInitialPublisherLayout).toBe('function');
		expect(typeof engine.close).toBe('function');
		expect(engine.pcManager).toBeUndefined();
	});
});

describe('closePrebuiltPeerConnection', () => {
	it.each([
		{ case: 'built and never connected: closed', room: { built: true }, calls: ['close'] },
		{ case: 'nothing built: nothing to close', room: {}, calls: [] },
		{ case: 'connected: left to its disconnect', room: { built: true, state: 'connected' }, calls: [] }
	])('$case', async ({ room: opts, calls: expected }) => {
		const { room, calls } = fakeRoom(opts);
		await closePrebuiltPeerConnection(room);
		expect(calls).toEqual(expected);
	});
});

describe('offerTravelsWithJoin', () => {
	it.each([
		{ browser: 'Chrome', compression: true, ahead: true },
		{ browser: 'Safari', compression: true, ahead: true },
		{ browser: 'Firefox', compression: true, ahead: false },
		{ browser: 'Chrome', compression: false, ahead: false },
		{ browser: undefined, compression: true, ahead: true }
	])('$browser with CompressionStream $compression: built ahead $ahead', ({ browser, compression, ahead }) => {
		expect(offerTravelsWithJoin(browser, compression)).toBe(ahead);
	});
});

describe('initialOfferAhead', () => {
	/** A transport whose initial offers are numbered in the order they were made (as its prototype's method). */
	class NumberedInitialOffers {
		made = 0;
		async createInitialOffer(): Promise<string> {
			return `initial offer ${++this.made}`;
		}
	}

	it("makes it at once and hands that one to the connect's call", async () => {
		const transport = new NumberedInitialOffers();
		expect(initialOfferAhead(transport as unknown as Transport)).toBe(true);
		expect(transport.made).toBe(1);
		expect(await transport.createInitialOffer()).toBe('initial offer 1');
		expect(transport.made).toBe(1);
	});

	it('a second call (a later connection on the same transport) makes a new one', async () => {
		const transport = new NumberedInitialOffers();
		initialOfferAhead(transport as unknown as Transport);
		await transport.createInitialOffer();
		expect(await transport.createInitialOffer()).toBe('initial offer 2');
	});

	it('a failure to make it waits for the connect, which then receives it', async () => {
		const transport = { createInitialOffer: vi.fn(async () => Promise.reject(new Error('closed'))) };
		initialOfferAhead(transport as unknown as Transport);
		await expect(transport.createInitialOffer()).rejects.toThrow('closed');
	});

	it('a livekit-client without it: nothing, and says so (the raw offer is made ahead instead)', () => {
		const transport: Transport = {};
		expect(initialOfferAhead(transport)).toBe(false);
		expect(transport).toEqual({});
	});
});

describe('offerAhead', () => {
	/** A connection whose offers are numbered in the order they were made. */
	class NumberedOffers {
		made = 0;
		async createOffer(options?: RTCOfferOptions): Promise<RTCSessionDescriptionInit> {
			return { type: 'offer', sdp: `offer ${++this.made}${options?.iceRestart ? ' (ICE restart)' : ''}` };
		}
	}

	it('makes the offer at once and hands that one to the first plain createOffer', async () => {
		const pc = new NumberedOffers();
		offerAhead(pc as unknown as RTCPeerConnection);
		expect(pc.made).toBe(1);
		expect((await pc.createOffer()).sdp).toBe('offer 1');
		expect(pc.made).toBe(1);
	});

	it('makes every later offer anew', async () => {
		const pc = new NumberedOffers();
		offerAhead(pc as unknown as RTCPeerConnection);
		await pc.createOffer();
		expect((await pc.createOffer()).sdp).toBe('offer 2');
	});

	it('makes an offer with options (an ICE restart) anew, not from the early one', async () => {
		const pc = new NumberedOffers();
		offerAhead(pc as unknown as RTCPeerConnection);
		expect((await pc.createOffer({ iceRestart: true })).sdp).toBe('offer 2 (ICE restart)');
		expect((await pc.createOffer()).sdp).toBe('offer 3');
	});
});

/** A connection whose state the test moves, announcing each change like a browser's. */
class SteppedConnection extends EventTarget {
	connectionState: RTCPeerConnectionState = 'new';
	moveTo(state: RTCPeerConnectionState) {
		this.connectionState = state;
		this.dispatchEvent(new Event('connectionstatechange'));
	}
}
const settled = async (promise: Promise<unknown>) => {
	let outcome = 'pending';
	promise.then(() => (outcome = 'resolved'), (err: Error) => (outcome = `rejected: ${err.message}`));
	await new Promise((r) => setTimeout(r, 0));
	return outcome;
};

describe('whenConnected', () => {
	it('waits through connecting and resolves at connected', async () => {
		const pc = new SteppedConnection();
		const connected = whenConnected(pc as unknown as RTCPeerConnection);
		pc.moveTo('connecting');
		expect(await settled(connected)).toBe('pending');
		pc.moveTo('connected');
		expect(await settled(connected)).toBe('resolved');
	});

	it('resolves at once for a connection already connected', async () => {
		const pc = new SteppedConnection();
		pc.connectionState = 'connected';
		expect(await settled(whenConnected(pc as unknown as RTCPeerConnection))).toBe('resolved');
	});
});

describe('connectedOnEvent', () => {
	/** A manager whose own (polling) wait the test settles by hand. */
	function pollingManager() {
		const polls: { resolve: () => void; reject: (err: Error) => void }[] = [];
		const manager: TransportManager = {
			ensureTransportConnected: () => new Promise<void>((resolve, reject) => polls.push({ resolve, reject }))
		};
		return { manager, polls };
	}

	it('ends the wait at the connection event, before the next poll', async () => {
		const { manager, polls } = pollingManager();
		connectedOnEvent(manager);
		const pc = new SteppedConnection();
		const wait = manager.ensureTransportConnected!({ pc: pc as unknown as RTCPeerConnection });
		expect(polls).toHaveLength(1); // livekit-client's own wait still runs, for its timeout and abort
		expect(await settled(wait)).toBe('pending');
		pc.moveTo('connected');
		expect(await settled(wait)).toBe('resolved');
	});

	it("keeps livekit-client's timeout and abort: its failure before the connection fails the wait", async () => {
		const { manager, polls } = pollingManager();
		connectedOnEvent(manager);
		const wait = manager.ensureTransportConnected!({ pc: new SteppedConnection() as unknown as RTCPeerConnection });
		polls[0]!.reject(new Error('could not establish pc connection'));
		expect(await settled(wait)).toBe('rejected: could not establish pc connection');
	});

	it("ends only the join's wait at the event: a later wait (a resume) is livekit-client's own", async () => {
		const { manager, polls } = pollingManager();
		connectedOnEvent(manager);
		const pc = new SteppedConnection();
		const join = manager.ensureTransportConnected!({ pc: pc as unknown as RTCPeerConnection });
		pc.moveTo('connected');
		expect(await settled(join)).toBe('resolved');
		pc.moveTo('disconnected');
		const resume = manager.ensureTransportConnected!({ pc: pc as unknown as RTCPeerConnection });
		pc.moveTo('connected');
		expect(await settled(resume)).toBe('pending'); // until livekit-client's own look sees it
		polls[1]!.resolve();
		expect(await settled(resume)).toBe('resolved');
	});

	it('leaves a manager without that method as it is', () => {
		const manager: TransportManager = {};
		connectedOnEvent(manager);
		expect(manager.ensureTransportConnected).toBeUndefined();
	});
});
