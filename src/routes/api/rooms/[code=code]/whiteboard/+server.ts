import { json, type RequestHandler } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { describeFailure } from '#lib/server/http/failures';
import { BOARD_FAILURES } from '#lib/server/whiteboard/failures';
import { boardEditor, boardFor, submitUpdate } from '#lib/server/whiteboard/whiteboard.service';

/** Largest update a browser may send at once (a long stroke batch fits many times over). */
const MAX_UPDATE_BYTES = 1024 * 1024;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The board of the meeting this browser is in: its whole state, and whether this browser may draw. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const board = await boardFor(ctx, boardEditor(await requireInCall(ctx, cookies, params.code!)));
	return json({ ...board, state: base64(board.state) }, { headers: { 'cache-control': 'no-store' } });
};

/**
 * A change to the board: the body is a Yjs update (binary, so not a JSON procedure), what the
 * server lacks of this browser's board. Checked, stored and relayed to the room by the server;
 * answers the server's state vector (to diff against next time), or — when the change builds on
 * one the server lacks — the vector to diff against again (409); other failures from the
 * board's table.
 */
export const POST: RequestHandler = async ({ params, cookies, request }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, cookies, params.code!);
	const declared = Number(request.headers.get('content-length') ?? 0);
	const update = declared > MAX_UPDATE_BYTES ? null : new Uint8Array(await request.arrayBuffer());
	const result: Awaited<ReturnType<typeof submitUpdate>> | { ok: false; reason: 'too_large' | 'empty' } =
		!update || update.byteLength > MAX_UPDATE_BYTES
			? { ok: false, reason: 'too_large' }
			: !update.byteLength
				? { ok: false, reason: 'empty' }
				: await submitUpdate(ctx, boardEditor(member), update);
	if (result.ok) return json({ stateVector: base64(result.stateVector) });
	if (result.reason === 'missing-dependencies') return json({ message: m.server_board_moved_on(), stateVector: base64(result.stateVector) }, { status: 409 });
	const { status, message, headers } = describeFailure(result, BOARD_FAILURES);
	return json({ message }, { status, headers });
};
