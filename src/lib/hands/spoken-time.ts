/**
 * A raised hand lowers itself once its owner has spoken for a while: they had the floor. Counts
 * the time the person was speaking (LiveKit's speaking flag for them) since the hand went up;
 * pauses do not count. Pure: the caller passes the clock.
 */

/** Speech, in total since the hand went up, after which the hand lowers itself. */
export const SPOKE_LONG_ENOUGH_MS = 4_000;

export class SpokenTime {
	#since: number | null = null;
	#spokenMs = 0;

	constructor(private readonly enoughMs = SPOKE_LONG_ENOUGH_MS) {}

	/** The person started or stopped speaking at `now`; answers whether they have now spoken enough. */
	update(speaking: boolean, now: number): boolean {
		if (this.#since !== null) this.#spokenMs += now - this.#since;
		this.#since = speaking ? now : null;
		return this.#spokenMs >= this.enoughMs;
	}

	/** Whether, still speaking at `now`, they have spoken enough. */
	reached(now: number): boolean {
		const current = this.#since === null ? 0 : now - this.#since;
		return this.#spokenMs + current >= this.enoughMs;
	}

	/** The hand went up again: count from nothing. */
	reset(): void {
		this.#since = null;
		this.#spokenMs = 0;
	}
}
