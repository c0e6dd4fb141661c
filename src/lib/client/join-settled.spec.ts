import { Room } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { joinSettled, settleJoinAfter } from './join-settled';

/** Whether `promise` has settled after the microtasks queued now have run. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await new Promise((resolve) => setTimeout(resolve, 0));
	return done;
}

describe('joinSettled', () => {
	it('a room with no join under way: at once', async () => {
		expect(await settledNow(joinSettled(new Room()))).toBe(true);
	});

	it('waits for the join of its own room only, until that settles', async () => {
		const joining = new Room();
		const other = new Room();
		let settle!: () => void;
		settleJoinAfter(joining, new Promise<void>((resolve) => (settle = resolve)));
		const waiting = joinSettled(joining);
		expect(await settledNow(waiting)).toBe(false);
		expect(await settledNow(joinSettled(other))).toBe(true);
		settle();
		expect(await settledNow(waiting)).toBe(true);
	});

	it('a join that failed settles it too (the loads then go on)', async () => {
		const room = new Room();
		settleJoinAfter(room, Promise.reject(new Error('could not connect')));
		expect(await settledNow(joinSettled(room))).toBe(true);
	});
});
