import { error } from '@sveltejs/kit';
import { insightsMarkdown } from '#lib/insights/markdown';
import { toJson, toMarkdown, toSrt, toWebVtt } from '#lib/transcript/export';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { latestInsights } from '#lib/server/insights/insights.repository';
import type { RequestHandler } from './$types';

const FORMATS = {
	vtt: { type: 'text/vtt', render: toWebVtt },
	srt: { type: 'application/x-subrip', render: toSrt },
	json: { type: 'application/json', render: toJson },
	md: { type: 'text/markdown', render: null }
} as const;

/** Downloads the transcript as WebVTT, SRT, JSON or Markdown (the Markdown with the insights first, when there are some). */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const format = FORMATS[params.format as keyof typeof FORMATS];
	if (!format) error(404, 'Unknown export format');
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
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
	const filename = `stoom-${room.code}-${session.started_at.toISOString().slice(0, 10)}.${params.format}`;
	return new Response(body, {
		headers: { 'content-type': `${format.type}; charset=utf-8`, 'content-disposition': `attachment; filename="${filename}"` }
	});
};
