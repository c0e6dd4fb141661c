import { error } from '@sveltejs/kit';
import { toJson, toMarkdown, toSrt, toWebVtt } from '#lib/transcript/export';
import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/auth/guards';
import type { RequestHandler } from './$types';

const FORMATS = {
	vtt: { type: 'text/vtt', render: toWebVtt },
	srt: { type: 'application/x-subrip', render: toSrt },
	json: { type: 'application/json', render: toJson },
	md: { type: 'text/markdown', render: null }
} as const;

/** Downloads the transcript as WebVTT, SRT, JSON or Markdown. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const format = FORMATS[params.format as keyof typeof FORMATS];
	if (!format) error(404, 'Unknown export format');
	const { room, session } = await requireSessionViewer(appContext(), cookies, params.code, params.sessionId);
	const lines = session.transcript;
	const body = format.render ? format.render(lines) : toMarkdown(lines, { title: `Meeting ${room.code}`, date: session.started_at });
	const filename = `stoom-${room.code}-${session.started_at.toISOString().slice(0, 10)}.${params.format}`;
	return new Response(body, {
		headers: { 'content-type': `${format.type}; charset=utf-8`, 'content-disposition': `attachment; filename="${filename}"` }
	});
};
