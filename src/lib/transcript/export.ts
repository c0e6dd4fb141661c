import type { TranscriptLine } from './types';

/** Cue length used when a line has no usable end and no later line follows. */
const DEFAULT_CUE_SECONDS = 3;

/** WebVTT captions: `<v Speaker>Speaker: text` cues, `hh:mm:ss.mmm` times. */
export function toWebVtt(lines: TranscriptLine[]): string {
	const cues = lines.map((line, i) => {
		const times = `${clock(line.timestamp, '.')} --> ${clock(cueEnd(lines, i), '.')}`;
		const speaker = escapeVtt(oneLine(line.speaker));
		return `${times}\n<v ${speaker}>${speaker}: ${escapeVtt(oneLine(line.text))}`;
	});
	return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

/** SubRip captions: numbered from 1, `hh:mm:ss,mmm` times, `Speaker: text`. */
export function toSrt(lines: TranscriptLine[]): string {
	return lines
		.map((line, i) => {
			const times = `${clock(line.timestamp, ',')} --> ${clock(cueEnd(lines, i), ',')}`;
			return `${i + 1}\n${times}\n${oneLine(line.speaker)}: ${oneLine(line.text)}\n`;
		})
		.join('\n');
}

export function toJson(lines: TranscriptLine[]): string {
	return JSON.stringify(lines, null, 2) + '\n';
}

/** Readable notes: a title, then one paragraph per run of the same speaker. */
export function toMarkdown(
	lines: TranscriptLine[],
	{ title, date }: { title: string; date?: Date | string }
): string {
	const head = [`# ${escapeMarkdown(oneLine(title))}`];
	if (date !== undefined) head.push(`_${typeof date === 'string' ? date : utcMinute(date)}_`);
	const paragraphs: string[] = [];
	let previousKey: string | undefined;
	for (const line of lines) {
		const key = line.participantIdentity ?? line.speaker;
		const text = escapeMarkdown(oneLine(line.text));
		if (key === previousKey) {
			paragraphs[paragraphs.length - 1] += ` ${text}`;
		} else {
			const speaker = escapeMarkdown(oneLine(line.speaker));
			paragraphs.push(`**${speaker}** [${shortClock(line.timestamp)}]: ${text}`);
		}
		previousKey = key;
	}
	return [...head, ...paragraphs].join('\n\n') + '\n';
}

/** A line's own end if it is after its start, else the next later line's start, else +3 s. */
function cueEnd(lines: TranscriptLine[], index: number): number {
	const { timestamp, end } = lines[index]!;
	if (end !== undefined && end > timestamp) return end;
	const next = lines.slice(index + 1).find((l) => l.timestamp > timestamp);
	return next?.timestamp ?? timestamp + DEFAULT_CUE_SECONDS;
}

function clock(seconds: number, decimalMark: '.' | ','): string {
	const ms = Math.max(0, Math.round(seconds * 1000));
	const [h, m, s] = [ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60].map(Math.floor);
	return `${pad(h!)}:${pad(m!)}:${pad(s!)}${decimalMark}${pad(ms % 1000, 3)}`;
}

/** `mm:ss`, or `h:mm:ss` from the first hour on. */
function shortClock(seconds: number): string {
	const total = Math.max(0, Math.floor(seconds));
	const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
	return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function utcMinute(date: Date): string {
	return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** Caption payloads must not contain blank lines; collapse all whitespace runs. */
function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function escapeVtt(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
