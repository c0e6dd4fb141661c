import type { StageSegment } from '../../records/stage-timeline';

/** One video file of the record, placed on the recording's clock. */
export interface ExportVideo {
	id: string;
	path: string;
	/** Seconds on the recording's clock where the file starts. */
	startAt: number;
}

export interface CompositeInput {
	/** The room's mix: the audio, and the clock. */
	audioPath: string;
	durationSeconds: number;
	videos: ExportVideo[];
	/** What takes the stage when (stageSegments). */
	segments: StageSegment[];
	outputPath: string;
	width?: number;
	height?: number;
	fps?: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The ffmpeg arguments that render the record as one MP4: a black canvas as long as the
 * meeting, each video scaled to fit and shown exactly while it holds the stage, over the
 * room's mixed audio. H.264 (veryfast) and AAC, so two cores render faster than real time;
 * progress goes to stdout (`-progress pipe:1`).
 */
export function compositeArgs(input: CompositeInput): string[] {
	const { width = 1280, height = 720, fps = 15 } = input;
	const duration = round(input.durationSeconds);
	const shown = input.videos.filter((v) => input.segments.some((s) => s.mainId === v.id));
	const args = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', '-i', input.audioPath];
	for (const v of shown) args.push('-i', v.path);

	const filters = [`color=c=black:s=${width}x${height}:r=${fps}:d=${duration}[base0]`];
	shown.forEach((v, i) => {
		const windows = input.segments
			.filter((s) => s.mainId === v.id)
			.map((s) => `between(t,${round(s.from)},${round(s.to)})`)
			.join('+');
		filters.push(
			`[${i + 1}:v]setpts=PTS-STARTPTS+${round(v.startAt)}/TB,fps=${fps},` +
				`scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1[v${i}]`
		);
		filters.push(`[base${i}][v${i}]overlay=eof_action=pass:enable='${windows}'[base${i + 1}]`);
	});
	args.push('-filter_complex', filters.join(';'), '-map', `[base${shown.length}]`, '-map', '0:a?');
	args.push('-t', String(duration), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-r', String(fps));
	args.push('-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart', input.outputPath);
	return args;
}

/** Progress from ffmpeg's `-progress` lines (`out_time_us=…`), as a share of the meeting. */
export function progressOf(line: string, durationSeconds: number): number | null {
	const match = /^out_time_(?:us|ms)=(\d+)$/.exec(line.trim());
	if (!match || durationSeconds <= 0) return null;
	return Math.min(1, Number(match[1]) / 1e6 / durationSeconds);
}
