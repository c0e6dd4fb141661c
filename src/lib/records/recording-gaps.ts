/**
 * Where a recording has a hole: stretches of a run during which no speaker's audio was being
 * recorded at all — the media node died and the recorder took the tracks up again on another
 * node, or everyone had left. The transcript marks them, so a reader knows the silence is
 * missing audio, not a quiet meeting. Pure.
 */

/** One speaker recording: when it wrote, in ms; null end while it still writes. */
export interface Coverage {
	startMs: number;
	endMs: number | null;
}

export interface Gap {
	startMs: number;
	endMs: number;
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

/** A gap on the transcript's clock (seconds from its origin), as the record shows it. */
export interface GapView {
	startAt: number;
	endAt: number;
}

/** What a reader sees between the lines: "No audio recorded for 0:12 (1:05–1:17)". */
export function gapLabel(gap: GapView): string {
	const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
	return `No audio recorded for ${clock(gap.endAt - gap.startAt)} (${clock(gap.startAt)}–${clock(gap.endAt)})`;
}
