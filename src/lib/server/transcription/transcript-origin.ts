import type { Recording } from '../db/schema';

/**
 * The wall-clock moment the transcript's timestamps count from: the start of the room mix
 * (what the record page plays), else the first speaker's recording, else now.
 */
export function transcriptOrigin(recordings: Recording[]): number {
	const composite = recordings.find((r) => r.kind === 'composite' && r.started_at);
	const starts = recordings.filter((r) => r.kind === 'track').map((t) => t.started_at?.getTime()).filter((t): t is number => t !== undefined);
	return composite?.started_at?.getTime() ?? (starts.length ? Math.min(...starts) : Date.now());
}
