import type { RecordingKind, RecordingStatus } from '../db/schema';

/**
 * The recorder watch: every recording of a live run must start writing. A recorder that is
 * busy refuses a start (Egress's CPU admission), and a track egress can sit in `starting`
 * without ever receiving a decodable frame. Either way the recording is asked for again,
 * a few times, while the track is still published. Pure: the job feeds it facts.
 */

/** A track that has not begun writing this long after it was asked for is asked again. */
export const START_GRACE_MS = 8_000;
/** The room mix starts a browser in the recorder first: it gets longer. */
export const COMPOSITE_START_GRACE_MS = 30_000;

export function startGraceMs(kind: RecordingKind): number {
	return kind === 'composite' ? COMPOSITE_START_GRACE_MS : START_GRACE_MS;
}
/** The recorder is asked at most this many times for one track; then the failure stands. */
export const MAX_START_ATTEMPTS = 4;

export interface WatchedRecording {
	kind: RecordingKind;
	status: RecordingStatus;
	/** When the recorder reported the first media written; null while it never wrote. */
	started_at: Date | null;
	attempts: number;
	attempted_at: Date;
}

export interface WatchFacts {
	/** The run is still recording (not stopping, not done). */
	runLive: boolean;
	/** What it records is still there: the track is published (always true for the room mix). */
	published: boolean;
	/** The track is published but muted (a camera turned off): no media to write yet. */
	muted: boolean;
	now: number;
}

export type WatchVerdict =
	/** Nothing more to watch: it writes, it finished, or there is nothing left to record. */
	| 'done'
	/** Still within its grace: look again later. */
	| 'wait'
	/** Stop whatever the recorder holds for it and ask again. */
	| 'restart'
	/** Asked enough times: stop it and leave it failed. */
	| 'give_up';

export function watchVerdict(recording: WatchedRecording, facts: WatchFacts): WatchVerdict {
	if (!facts.runLive) return 'done';
	if (recording.status === 'active' || recording.status === 'complete') return 'done';
	// It wrote and then failed: what it wrote is kept, and a second file would overlap it.
	if (recording.status === 'failed' && recording.started_at) return 'done';
	if (!facts.published) return recording.status === 'starting' ? 'give_up' : 'done';
	// A muted track sends nothing: its egress starts writing when it is unmuted. The periodic
	// reconciliation looks at it again later.
	if (recording.status === 'starting' && facts.muted) return 'done';
	if (recording.status === 'starting' && facts.now - recording.attempted_at.getTime() < startGraceMs(recording.kind)) return 'wait';
	return recording.attempts >= MAX_START_ATTEMPTS ? 'give_up' : 'restart';
}

/**
 * For the periodic reconciliation, which finds recordings whose watch was lost with its job:
 * one still `starting` past its grace, or refused before it ever wrote while attempts remain,
 * is handed to the watch again.
 */
export function needsWatch(recording: WatchedRecording, now: number): boolean {
	const stuck = recording.status === 'starting' && now - recording.attempted_at.getTime() >= startGraceMs(recording.kind);
	const refused = recording.status === 'failed' && !recording.started_at && recording.attempts < MAX_START_ATTEMPTS;
	return stuck || refused;
}

/** `tag` put before the file's extension: `a/b/p-TR.webm` + `2` → `a/b/p-TR.2.webm`. */
function tagBeforeExtension(base: string, tag: string): string {
	const dot = base.lastIndexOf('.');
	const slash = base.lastIndexOf('/');
	return dot > slash ? `${base.slice(0, dot)}.${tag}${base.slice(dot)}` : `${base}.${tag}`;
}

/** The file of the n-th attempt: `a/b/p-TR.webm` → `a/b/p-TR.2.webm` (the first keeps its name). */
export function attemptPath(filePath: string, attempt: number): string {
	const base = filePath.replace(/\.\d+(\.[a-z0-9]+)$/i, '$1');
	return attempt <= 1 ? base : tagBeforeExtension(base, String(attempt));
}

/** An active recording whose recorder has been writing at least this long is expected in the room. */
export const RECORDER_SETTLE_MS = 10_000;

export interface RecorderFacts {
	/** The recorder's participant (identity = its egress id) is in the LiveKit room now. */
	inRoom: boolean;
	/** LiveKit's egress service still reports it starting or active (no end reported). */
	reportedLive: boolean;
	now: number;
}

/**
 * A recorder that died with its Egress worker or its media node: our record says it writes,
 * LiveKit never heard it end, and it is no longer in the room. (LiveKit itself never notices:
 * the egress stays "active" in its store.) What it wrote is kept; the track goes on in a new
 * segment. Pure.
 */
export function recorderLost(recording: Pick<WatchedRecording, 'status' | 'started_at'>, facts: RecorderFacts): boolean {
	if (recording.status !== 'active' || !recording.started_at) return false;
	if (facts.now - recording.started_at.getTime() < RECORDER_SETTLE_MS) return false;
	return !facts.inRoom && facts.reportedLive;
}

/** The file of a recording's n-th segment: `a/b/p-TR.ogg` → `a/b/p-TR.s2.ogg` (the first keeps its name). */
export function segmentPath(filePath: string, segment: number): string {
	const base = filePath.replace(/\.s\d+(\.[a-z0-9]+)$/i, '$1');
	return segment <= 1 ? base : tagBeforeExtension(base, `s${segment}`);
}
