import { insightsMarkdown } from '../../insights/markdown';
import { toJson, toMarkdown, toSrt, toWebVtt } from '../../transcript/export';
import type { Db } from '../db';
import type { MeetingSession, Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { latestInsights } from '../insights/insights.repository';

const FORMATS = {
	vtt: { type: 'text/vtt', render: toWebVtt },
	srt: { type: 'application/x-subrip', render: toSrt },
	json: { type: 'application/json', render: toJson },
	md: { type: 'text/markdown', render: null }
} as const;

/** A transcript download: its body, content type and file name. */
export interface TranscriptFile {
	body: string;
	contentType: string;
	filename: string;
}

/** The meeting's transcript as WebVTT, SRT, JSON or Markdown (the Markdown with the insights first, when there are some). */
export async function transcriptFile(ctx: { db: Db }, room: Room, session: MeetingSession, formatName: string): Promise<TranscriptFile | Failure<'unknown_format'>> {
	const format = FORMATS[formatName as keyof typeof FORMATS];
	if (!format) return { ok: false, reason: 'unknown_format' };
	const lines = session.transcript;
	let body: string;
	if (format.render) body = format.render(lines);
	else {
		const transcript = toMarkdown(lines, { title: `Meeting ${room.code}`, date: session.started_at });
		const insights = await latestInsights(ctx.db, session.id);
		if (insights?.status === 'ready' && insights.insights) {
			// Title and date first, then the insights, then the transcript under its own heading.
			const [title, date, ...paragraphs] = transcript.split('\n\n');
			body = [title, date, insightsMarkdown(insights.insights, insights).trimEnd(), `## Transcript`, ...paragraphs].join('\n\n');
		} else body = transcript;
	}
	return { body, contentType: `${format.type}; charset=utf-8`, filename: `stoom-${room.code}-${session.started_at.toISOString().slice(0, 10)}.${formatName}` };
}
