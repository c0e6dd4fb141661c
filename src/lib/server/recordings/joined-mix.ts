import type { Recording } from '../db/schema';

/** The segment number of a session's joined room mix (the recorders' own segments count from 1). */
export const JOINED_MIX_SEGMENT = 0;

/** One room-mix file placed on the transcript's clock; `maxMs` cuts it where the next one begins. */
export interface MixPiece {
	path: string;
	offsetMs: number;
	maxMs: number | null;
}

type MixRecording = Pick<Recording, 'kind' | 'segment' | 'status' | 'file_path' | 'started_at'>;

/** The room-mix files the recorders wrote (every run and segment), not the joined one. Pure. */
export function recorderMixes<R extends Pick<Recording, 'kind' | 'segment'>>(recordings: readonly R[]): R[] {
	return recordings.filter((r) => r.kind === 'composite' && r.segment !== JOINED_MIX_SEGMENT);
}

/**
 * The recorders' room-mix files of a session (every run, every segment a lost recorder left),
 * each at its offset from the transcript's origin, in order. Audio mixes only: a video mix is
 * played as it is. Pure.
 */
export function mixPieces(recordings: readonly MixRecording[], originMs: number): MixPiece[] {
	const pieces = recorderMixes(recordings)
		.filter((r) => r.status === 'complete' && r.started_at && r.file_path.endsWith('.ogg'))
		.map((r) => ({ path: r.file_path, offsetMs: Math.max(0, r.started_at!.getTime() - originMs) }))
		.sort((a, b) => a.offsetMs - b.offsetMs);
	// A lost recorder's last write may run past its successor's start: no stretch is heard twice.
	return pieces.map((p, i) => ({ ...p, maxMs: i + 1 < pieces.length ? pieces[i + 1].offsetMs - p.offsetMs : null }));
}

/** ffmpeg's arguments to lay the pieces on one clock (silence between) into one Opus file. Pure. */
export function joinMixArgs(pieces: readonly MixPiece[], outputPath: string): string[] {
	const chains = pieces.map((p, i) => {
		const trim = p.maxMs === null ? '' : `atrim=end=${(p.maxMs / 1000).toFixed(3)},`;
		return `[${i}:a]aresample=48000,${trim}adelay=${Math.round(p.offsetMs)}:all=1[a${i}]`;
	});
	const inputs = pieces.map((_, i) => `[a${i}]`).join('');
	return [
		'-v', 'error', '-y',
		...pieces.flatMap((p) => ['-i', p.path]),
		'-filter_complex', `${chains.join(';')};${inputs}amix=inputs=${pieces.length}:normalize=0:duration=longest[mix]`,
		'-map', '[mix]', '-c:a', 'libopus', '-b:a', '48k', '-f', 'ogg',
		outputPath
	];
}

/** The room mix to play and export: the joined one when the session has it, else its first complete mix. Pure. */
export function roomMix<R extends Pick<Recording, 'kind' | 'segment' | 'status'>>(recordings: readonly R[]): R | undefined {
	const mixes = recordings.filter((r) => r.kind === 'composite' && r.status === 'complete');
	return mixes.find((r) => r.segment === JOINED_MIX_SEGMENT) ?? mixes[0];
}
