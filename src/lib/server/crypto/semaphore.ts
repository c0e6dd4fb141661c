/** At most `limit` tasks at once; the rest wait in order. */
export function semaphore(limit: number) {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async function run<T>(task: () => Promise<T>): Promise<T> {
		if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
		try {
			return await task();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}
