/**
 * Live captions as the call shows them: the transcriber's text-stream updates folded into
 * segments (one per utterance; an update carries the utterance's whole text so far), and the
 * few lines the overlay shows. Pure: the clock is a parameter.
 */

/** The text-stream topic LiveKit's transcriptions travel on. */
export const TRANSCRIPTION_TOPIC = 'lk.transcription';

/** One update of an utterance, as the transcriber's stream attributes and text describe it. */
export interface CaptionUpdate {
	segmentId: string;
	speakerIdentity: string;
	speakerName: string;
	text: string;
	final: boolean;
	/** Epoch ms the utterance started (the transcriber's clock), null when it did not say. */
	startMs: number | null;
}

/** An utterance as this browser knows it. `seenAt`/`updatedAt` are this browser's clock. */
export interface CaptionSegment extends CaptionUpdate {
	seenAt: number;
	updatedAt: number;
}

/** One line of the overlay: the speaker, then words settled (final) and still changing (interim). */
export interface CaptionLine {
	/** Stable while the line is on screen (its block and its place in the block). */
	key: string;
	speakerIdentity: string;
	speakerName: string;
	/** Whether the name is shown: the first line on screen of its speaker's run. */
	showName: boolean;
	settled: string;
	interim: string;
}

export interface CaptionTiming {
	/** A finished line stays this long after its last word. */
	fadeMs: number;
	/** A line still changing that stopped changing this long ago (the transcriber went away) goes too. */
	staleMs: number;
	/** Longest line, in characters: longer speech wraps, and the latest words stay in view. */
	maxChars: number;
	/** Lines shown. */
	lines: number;
}

export const CAPTION_TIMING: CaptionTiming = { fadeMs: 5000, staleMs: 15000, maxChars: 90, lines: 2 };

/** Segments kept for the overlay (the transcript panel keeps the finals itself). */
export const SEGMENTS_KEPT = 40;

/** The update a transcription stream carries, or null when it is not one of the transcriber's. */
/** Who sent a caption stream, as the room knows them (LiveKit stamps the sender's identity). */
export interface CaptionSender {
	identity: string;
	isAgent: boolean;
	/** The sid of the sender's microphone track, if they publish one. */
	micTrackSid: string | undefined;
}

/**
 * Whose words a caption stream carries, or null when it is not to be trusted. The transcriber
 * sends each caption on behalf of its speaker, as LiveKit's agents do; LiveKit lets only agents
 * send as someone else, so a stream that names a participant is trusted while a transcriber is
 * in the call and it is about that participant's own microphone (a browser can send only as
 * itself). A stream an agent sends as itself names its speaker in its attributes.
 */
export function captionSpeaker(sender: CaptionSender | undefined, transcriberPresent: boolean, attributes: Record<string, string> | undefined): string | null {
	if (!sender) return null;
	if (sender.isAgent) return attributes?.['stoom.speaker_identity'] || null;
	const track = attributes?.['lk.transcribed_track_id'];
	return transcriberPresent && track && sender.micTrackSid === track ? sender.identity : null;
}

export function parseCaptionUpdate(attributes: Record<string, string> | undefined, text: string): CaptionUpdate | null {
	const segmentId = attributes?.['lk.segment_id'];
	const speakerIdentity = attributes?.['stoom.speaker_identity'];
	if (!segmentId || !speakerIdentity) return null;
	const start = Number(attributes['stoom.start_ms']);
	return {
		segmentId,
		speakerIdentity,
		speakerName: attributes['stoom.speaker_name'] || speakerIdentity,
		text: text.trim(),
		final: attributes['lk.transcription_final'] === 'true',
		startMs: attributes['stoom.start_ms'] && Number.isFinite(start) ? start : null
	};
}

/**
 * Folds one update into the segments: the same segment's text is replaced; a final settles it
 * (an interim arriving after its final, out of order, changes nothing). Oldest first, bounded.
 */
export function foldCaption(segments: readonly CaptionSegment[], update: CaptionUpdate, now: number, kept = SEGMENTS_KEPT): CaptionSegment[] {
	const index = segments.findIndex((s) => s.segmentId === update.segmentId);
	if (index === -1) return [...segments, { ...update, seenAt: now, updatedAt: now }].slice(-kept);
	const previous = segments[index];
	if (previous.final) return [...segments];
	const next = [...segments];
	next[index] = { ...update, seenAt: previous.seenAt, updatedAt: now };
	return next;
}

interface Word {
	text: string;
	final: boolean;
}

interface Block {
	speakerIdentity: string;
	speakerName: string;
	words: Word[];
	/** The first segment's id: the block's key while it is on screen. */
	id: string;
}

/** Whether a segment is still on screen at `now`. */
function showing(segment: CaptionSegment, now: number, timing: CaptionTiming): boolean {
	return now - segment.updatedAt < (segment.final ? timing.fadeMs : timing.staleMs);
}

/** Consecutive segments of one speaker make one block (a run of speech). */
function blocks(segments: readonly CaptionSegment[]): Block[] {
	const runs: Block[] = [];
	for (const segment of segments) {
		const words = segment.text.split(/\s+/).filter(Boolean).map((text) => ({ text, final: segment.final }));
		if (words.length === 0) continue;
		const last = runs.at(-1);
		if (last && last.speakerIdentity === segment.speakerIdentity) last.words.push(...words);
		else runs.push({ speakerIdentity: segment.speakerIdentity, speakerName: segment.speakerName, words, id: segment.segmentId });
	}
	return runs;
}

/** Greedy word wrap; a word longer than a line is cut. */
function wrap(words: Word[], maxChars: number): Word[][] {
	const lines: Word[][] = [];
	let line: Word[] = [];
	let length = 0;
	for (const word of words.flatMap((w) => chunks(w, maxChars))) {
		const added = (line.length ? 1 : 0) + word.text.length;
		if (line.length && length + added > maxChars) {
			lines.push(line);
			line = [];
			length = 0;
		}
		length += (line.length ? 1 : 0) + word.text.length;
		line.push(word);
	}
	if (line.length) lines.push(line);
	return lines;
}

function chunks(word: Word, maxChars: number): Word[] {
	if (word.text.length <= maxChars) return [word];
	const parts: Word[] = [];
	for (let i = 0; i < word.text.length; i += maxChars) parts.push({ text: word.text.slice(i, i + maxChars), final: word.final });
	return parts;
}

/**
 * The lines the overlay shows at `now`: the last `timing.lines` lines of the speech still on
 * screen, each with its speaker. Finished speech fades `fadeMs` after its last update.
 */
export function captionLines(segments: readonly CaptionSegment[], now: number, timing: CaptionTiming = CAPTION_TIMING): CaptionLine[] {
	const lines: CaptionLine[] = [];
	for (const block of blocks(segments.filter((s) => showing(s, now, timing)))) {
		wrap(block.words, timing.maxChars).forEach((words, i) => {
			// Words after the first still-changing one are all shown as changing (order kept).
			const cut = words.findIndex((w) => !w.final);
			const settled = (cut === -1 ? words : words.slice(0, cut)).map((w) => w.text);
			const interim = (cut === -1 ? [] : words.slice(cut)).map((w) => w.text);
			lines.push({
				key: `${block.id}:${i}`,
				speakerIdentity: block.speakerIdentity,
				speakerName: block.speakerName,
				showName: i === 0,
				settled: settled.join(' '),
				interim: interim.join(' ')
			});
		});
	}
	const shown = lines.slice(-timing.lines);
	// The top line continues a run whose start scrolled away: it names its speaker again.
	if (shown.length) shown[0] = { ...shown[0], showName: true };
	return shown;
}

/** When the lines next change by themselves (a line fades), or null when nothing is on screen. */
export function nextFade(segments: readonly CaptionSegment[], now: number, timing: CaptionTiming = CAPTION_TIMING): number | null {
	let next: number | null = null;
	for (const segment of segments) {
		if (!showing(segment, now, timing)) continue;
		const at = segment.updatedAt + (segment.final ? timing.fadeMs : timing.staleMs);
		next = next === null ? at : Math.min(next, at);
	}
	return next;
}
