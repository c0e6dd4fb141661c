import type { Track } from 'livekit-client';
import { summarizeTrackStats, type StatsSample, type TrackStats } from '#lib/media-stats/summary';

/**
 * Follows one track's WebRTC statistics (its sender's, or its receiver's) once a second and
 * calls `onstats` with the summary; returns the cleanup that stops it.
 */
export function followTrackStats(track: Track, direction: 'receiving' | 'sending', onstats: (stats: TrackStats) => void, everyMs = 1000): () => void {
	const kind = track.kind === 'video' ? 'video' : 'audio';
	let previous: StatsSample | null = null;
	let stopped = false;
	const read = async () => {
		const report = await track.getRTCStatsReport().catch(() => undefined);
		if (stopped || !report) return;
		const sample: StatsSample = { at: performance.now(), reports: [...report.values()] as Record<string, unknown>[] };
		onstats(summarizeTrackStats(kind, direction, previous, sample));
		previous = sample;
	};
	void read();
	const timer = setInterval(() => void read(), everyMs);
	return () => {
		stopped = true;
		clearInterval(timer);
	};
}
