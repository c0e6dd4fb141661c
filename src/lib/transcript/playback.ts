import type { TranscriptLine } from './types';

/** The line being spoken at `seconds` of playback: the last one that started by then, or -1. */
export function activeLineIndex(lines: TranscriptLine[], seconds: number): number {
	let found = -1;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i]!.timestamp <= seconds) found = i;
		else break;
	}
	if (found >= 0) {
		const line = lines[found]!;
		// After a line has ended and a long silence follows, highlight nothing.
		if (line.end !== undefined && seconds > line.end + 5) return -1;
	}
	return found;
}
