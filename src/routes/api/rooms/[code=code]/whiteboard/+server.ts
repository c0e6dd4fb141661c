import { error, json, type RequestHandler } from '@sveltejs/kit';
import { appContext } from '#lib/server/app-context';
import { requireInCall } from '#lib/server/access/guards';
import { memberRights } from '#lib/server/access/room-policy';
import { boardState, submitUpdate } from '#lib/server/whiteboard/whiteboard.service';

/** Largest update a browser may send at once (a long stroke batch fits many times over). */
const MAX_UPDATE_BYTES = 1024 * 1024;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The board of the meeting this browser is in: its whole state, and whether this browser may draw. */
export const GET: RequestHandler = async ({ params, cookies }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, cookies, params.code!);
	const state = await boardState(ctx.db, member.session.id);
	return json(
		{ state: base64(state), viewOnly: member.room.whiteboard_view_only, canDraw: memberRights(member, null).draw },
		{ headers: { 'cache-control': 'no-store' } }
	);
};

/**
 * A change to the board: the body is a Yjs update (binary), what the server lacks of this
 * browser's board. Checked, stored and relayed to the room by the server; answers the
 * server's state vector (to diff against next time).
 */
export const POST: RequestHandler = async ({ params, cookies, request, setHeaders }) => {
	const ctx = appContext();
	const member = await requireInCall(ctx, cookies, params.code!);
	if (Number(request.headers.get('content-length') ?? 0) > MAX_UPDATE_BYTES) error(413, 'That change is too large for the board.');
	const update = new Uint8Array(await request.arrayBuffer());
	if (update.byteLength > MAX_UPDATE_BYTES) error(413, 'That change is too large for the board.');
	if (!update.byteLength) error(400, 'Send the board change as the request body.');
	const result = await submitUpdate(ctx, { ...member, rights: memberRights(member, null) }, update);
	if (result.ok) return json({ stateVector: base64(result.stateVector) });
	if (result.reason === 'view_only') error(403, 'The host has made the board view-only.');
	if (result.reason === 'rate_limited') {
		setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		error(429, `You are changing the board too fast. Try again in ${result.retryAfterSeconds} s.`);
	}
	if (result.reason === 'missing-dependencies') return json({ message: 'The board has moved on: send the difference again.', stateVector: base64(result.stateVector) }, { status: 409 });
	return json({ message: `The board refused that change (${result.reason}).` }, { status: 422 });
};
