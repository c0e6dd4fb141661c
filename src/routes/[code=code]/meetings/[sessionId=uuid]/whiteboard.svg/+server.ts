import { appContext } from '#lib/server/app-context';
import { requireSessionViewer } from '#lib/server/access/guards';
import { readShapes } from '#lib/whiteboard/board-read';
import { createBoard } from '#lib/whiteboard/board-doc';
import { boardToSvg } from '#lib/whiteboard/render-svg';
import { boardState } from '#lib/server/whiteboard/whiteboard.service';
import type { RequestHandler } from './$types';

/** The meeting's board as it was left, as SVG (`?download` to save it). */
export const GET: RequestHandler = async ({ params, cookies, url }) => {
	const ctx = appContext();
	const { room, session } = await requireSessionViewer(ctx, cookies, params.code, params.sessionId);
	const svg = boardToSvg(readShapes(createBoard(await boardState(ctx.db, session.id))));
	// An SVG opened on its own is a document: nothing in it may run or load.
	const headers: Record<string, string> = {
		'content-type': 'image/svg+xml; charset=utf-8',
		'cache-control': 'private, no-store',
		'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'"
	};
	if (url.searchParams.has('download')) headers['content-disposition'] = `attachment; filename="stoom-${room.code}-${session.started_at.toISOString().slice(0, 10)}-board.svg"`;
	return new Response(svg, { headers });
};
