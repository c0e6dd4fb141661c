import { Room } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { joinSettled, joinUnderWay } from './join-settled';

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
		const settle = joinUnderWay(joining);
		const waiting = joinSettled(joining);
		expect(await settledNow(waiting)).toBe(false);
		expect(await settledNow(joinSettled(other))).toBe(true);
		settle();
		expect(await settledNow(waiting)).toBe(true);
	});

	it('a later join is waited for anew, and settling it twice is harmless', async () => {
		const room = new Room();
		const first = joinUnderWay(room);
		first();
		expect(await settledNow(joinSettled(room))).toBe(true);
		const second = joinUnderWay(room);
		const waiting = joinSettled(room);
		expect(await settledNow(waiting)).toBe(false);
		second();
		second();
		expect(await settledNow(waiting)).toBe(true);
	});
});
