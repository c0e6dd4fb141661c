/**
 * Keeps the screen on during a call: a phone would otherwise dim and lock mid-meeting. The
 * browser drops the lock whenever the page is hidden, so it is asked again when the page shows.
 * Returns the cleanup that releases it. Where the Wake Lock API is missing or refuses (battery
 * saver, no user activation yet), the call simply goes on without it.
 */
export function holdScreenWakeLock(): () => void {
	if (typeof navigator === 'undefined' || !('wakeLock' in navigator)) return () => {};
	let sentinel: WakeLockSentinel | null = null;
	let stopped = false;

	async function request() {
		if (stopped || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
		try {
			const lock = await navigator.wakeLock.request('screen');
			if (stopped) void lock.release();
			else sentinel = lock;
		} catch {
			// Refused: the screen may dim, nothing else changes.
		}
	}

	const onVisibility = () => void request();
	document.addEventListener('visibilitychange', onVisibility);
	void request();
	return () => {
		stopped = true;
		document.removeEventListener('visibilitychange', onVisibility);
		void sentinel?.release().catch(() => {});
		sentinel = null;
	};
}
