/**
 * Where a recording has a hole: stretches of a run during which no speaker's audio was being
 * recorded at all (every recorder died, or everyone had left), and the audio lost when the
 * room's media node died (its recorders go on writing silence, so only the room's restart on
 * another node tells, see failoverGap). The transcript marks them, so a reader knows the silence is
 * missing audio, not a quiet meeting. Pure.
 */

import { m } from '#lib/paraglide/messages';

/** One speaker recording: when it wrote, in ms; null end while it still writes. */
export interface Coverage {
	startMs: number;
	endMs: number | null;
}

export interface Gap {
	startMs: number;
	endMs: number;
	/** Why, when known: the room moved to another media node (its node died). */
	reason?: 'failover';
}

/** Shorter holes are a recorder's start-up, not lost audio. */
export const MIN_GAP_MS = 3_000;

export function recordingGaps(recordings: readonly Coverage[], minGapMs = MIN_GAP_MS): Gap[] {
	const sorted = [...recordings].sort((a, b) => a.startMs - b.startMs);
	const gaps: Gap[] = [];
	let coveredUntil: number | null = null; // Infinity while one still writes
	for (const r of sorted) {
		const end = r.endMs ?? Infinity;
		if (coveredUntil !== null && r.startMs - coveredUntil >= minGapMs) gaps.push({ startMs: coveredUntil, endMs: r.startMs });
		coveredUntil = coveredUntil === null ? end : Math.max(coveredUntil, end);
	}
	return gaps;
}

/** How far before a room's restart the last sound is looked for. */
export const FAILOVER_LOOKBACK_MS = 30_000;

/** What the recordings tell about one restart of the room on another media node. */
export interface RestartEvidence {
	/** When LiveKit re-created the room on the surviving node. */
	restartedAtMs: number;
	/**
	 * For each microphone recording that was writing when the node died: the last moment
	 * before the restart at which it heard sound (null: silence all through the lookback).
	 * After that its recorder only wrote the silence it fills in for missing packets.
	 */
	lastSoundMs: readonly (number | null)[];
	/** When each microphone recording begun after the restart started writing. */
	resumedMs: readonly number[];
}

/**
 * The audio a media node's death cost: from the last sound any recorder heard before the room
 * was re-created (no earlier than the lookback; the restart itself when all was silent) to the
 * first recording writing again after it (the restart when none did). Pure.
 */
export function failoverGap(evidence: RestartEvidence, lookbackMs = FAILOVER_LOOKBACK_MS): Gap {
	const { restartedAtMs } = evidence;
	const heard = evidence.lastSoundMs.filter((t): t is number => t !== null && t <= restartedAtMs);
	const startMs = heard.length ? Math.max(restartedAtMs - lookbackMs, ...heard) : restartedAtMs;
	const resumed = evidence.resumedMs.filter((t) => t >= startMs);
	const endMs = resumed.length ? Math.min(...resumed) : restartedAtMs;
	return { startMs, endMs: Math.max(startMs, endMs), reason: 'failover' };
}

/**
 * Coverage gaps and failover gaps as one list by time: a failover gap stands for any coverage
 * gap it overlaps (they are the same hole, and it knows why), and gaps shorter than the
 * minimum are dropped. Pure.
 */
export function mergeGaps(coverage: readonly Gap[], failovers: readonly Gap[], minGapMs = MIN_GAP_MS): Gap[] {
	const kept = failovers.filter((f) => f.endMs - f.startMs >= minGapMs);
	const overlaps = (a: Gap, b: Gap) => a.startMs < b.endMs && b.startMs < a.endMs;
	const merged = kept.map((f) => {
		const same = coverage.filter((c) => overlaps(c, f));
		return { startMs: Math.min(f.startMs, ...same.map((c) => c.startMs)), endMs: Math.max(f.endMs, ...same.map((c) => c.endMs)), reason: 'failover' as const };
	});
	const alone = coverage.filter((c) => !kept.some((f) => overlaps(c, f)));
	return [...merged, ...alone].sort((a, b) => a.startMs - b.startMs);
}

/** A gap on the transcript's clock (seconds from its origin), as the record shows it. */
export interface GapView {
	startAt: number;
	endAt: number;
	reason?: 'failover';
}

/**
 * Where each gap goes among the transcript's lines (by index: before that line; the lines'
 * count: after the last): before the first line that starts after the gap began. A line that
 * starts exactly when the gap begins was heard before it — as when both were clamped to 0:00,
 * the start of the room mix, having happened before the mix began. Pure.
 */
export function gapPositions(lineStarts: readonly number[], gaps: readonly GapView[]): Map<number, GapView[]> {
	return placeAmongLines(lineStarts, gaps, (gap) => gap.startAt);
}

/**
 * Where each item that happened at a moment of the transcript's clock goes among its lines (by
 * index: before that line; the lines' count: after the last): before the first line that
 * starts after it. Pure.
 */
export function placeAmongLines<T>(lineStarts: readonly number[], items: readonly T[], at: (item: T) => number): Map<number, T[]> {
	const placed = new Map<number, T[]>();
	for (const item of items) {
		const index = lineStarts.findIndex((start) => start > at(item));
		const key = index === -1 ? lineStarts.length : index;
		placed.set(key, [...(placed.get(key) ?? []), item]);
	}
	return placed;
}

/** A gap on the transcript's clock, which starts at 0:00 (the start of the room mix). */
export function gapOnClock(startMs: number, endMs: number, originMs: number): { startAt: number; endAt: number } {
	const seconds = (ms: number) => Math.max(0, Math.round((ms - originMs) / 10) / 100);
	return { startAt: seconds(startMs), endAt: Math.max(seconds(startMs), seconds(endMs)) };
}

/**
 * What a reader sees between the lines, in their language: "No audio recorded for 0:12
 * (1:05–1:17)", and why when known ("…: the meeting moved to another media server").
 */
export function gapLabel(gap: GapView): string {
	const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
	const times = { duration: clock(gap.endAt - gap.startAt), from: clock(gap.startAt), to: clock(gap.endAt) };
	return gap.reason === 'failover' ? m.record_gap_failover(times) : m.record_gap(times);
}
