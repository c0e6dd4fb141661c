import { Room } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';
import { acquireAudioContextAhead, releasePrebuiltAudioContext } from './prebuilt-audio-context';

/** A room whose audio-context internals record their calls. */
function fakeRoom(opts: { state?: string; internals?: boolean } = {}) {
	const calls: string[] = [];
	const room: Record<string, unknown> = { state: opts.state ?? 'disconnected' };
	if (opts.internals !== false) {
		room.acquireAudioContext = vi.fn(async () => void calls.push('acquire'));
		room.releaseAudioContext = vi.fn(async () => void calls.push('release'));
	}
	return { room: room as unknown as Room, calls };
}

describe('acquireAudioContextAhead', () => {
	it('a page the person has already used: made at once', () => {
		const { room, calls } = fakeRoom();
		acquireAudioContextAhead(room, { target: new EventTarget(), hasBeenActive: true });
		expect(calls).toEqual(['acquire']);
	});

	it.each(['keydown', 'pointerdown'])('a page not yet used: made at the first %s, once', (type) => {
		const { room, calls } = fakeRoom();
		const target = new EventTarget();
		acquireAudioContextAhead(room, { target, hasBeenActive: false });
		expect(calls).toEqual([]);
		target.dispatchEvent(new Event(type));
		target.dispatchEvent(new Event('keydown'));
		target.dispatchEvent(new Event('pointerdown'));
		expect(calls).toEqual(['acquire']);
	});

	it('other events (a pointer only moving) do not make it', () => {
		const { room, calls } = fakeRoom();
		const target = new EventTarget();
		acquireAudioContextAhead(room, { target, hasBeenActive: false });
		target.dispatchEvent(new Event('pointermove'));
		expect(calls).toEqual([]);
	});

	it('stopped before any interaction (the pre-join was left): never made', () => {
		const { room, calls } = fakeRoom();
		const target = new EventTarget();
		acquireAudioContextAhead(room, { target, hasBeenActive: false })();
		target.dispatchEvent(new Event('keydown'));
		expect(calls).toEqual([]);
	});

	it('a room already connecting by the first interaction: left to its connect', () => {
		const { room, calls } = fakeRoom({ state: 'connecting' });
		const target = new EventTarget();
		acquireAudioContextAhead(room, { target, hasBeenActive: false });
		target.dispatchEvent(new Event('pointerdown'));
		expect(calls).toEqual([]);
	});

	it('a livekit-client without these internals: nothing, and nothing listened to', () => {
		const { room, calls } = fakeRoom({ internals: false });
		const target = new EventTarget();
		const listen = vi.spyOn(target, 'addEventListener');
		acquireAudioContextAhead(room, { target, hasBeenActive: false });
		expect(listen).not.toHaveBeenCalled();
		expect(calls).toEqual([]);
	});

	it("finds the internals it needs in this livekit-client's Room (an upgrade that drops them fails here)", () => {
		const room = new Room() as unknown as Record<string, unknown>;
		expect(typeof room.acquireAudioContext).toBe('function');
		expect(typeof room.releaseAudioContext).toBe('function');
	});
});

describe('releasePrebuiltAudioContext', () => {
	it.each([
		{ case: 'never connected: released', state: 'disconnected', calls: ['release'] },
		{ case: 'connected: left to its disconnect', state: 'connected', calls: [] },
		{ case: 'connecting: left to its disconnect', state: 'connecting', calls: [] }
	])('$case', async ({ state, calls: expected }) => {
		const { room, calls } = fakeRoom({ state });
		await releasePrebuiltAudioContext(room);
		expect(calls).toEqual(expected);
	});
});
