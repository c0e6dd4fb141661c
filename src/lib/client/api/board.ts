/** The whiteboard's binary endpoints (a Yjs update is the body, not JSON), as the browser calls them. */
import { ApiError, send } from './http';
import { m } from '#lib/paraglide/messages';

export interface BoardSnapshot {
	/** The whole board as one Yjs update (empty before anything was drawn). */
	state: Uint8Array;
	viewOnly: boolean;
	canDraw: boolean;
}

/** What the server said to a board update. */
export type SaveAnswer =
	/** Stored; the server's state vector, to diff against next time. */
	| { kind: 'saved'; stateVector: Uint8Array }
	/** The update builds on changes the server lacks: diff against this state vector and send again. */
	| { kind: 'behind'; stateVector: Uint8Array }
	/** Not allowed (view-only, or no longer in the meeting), or refused as invalid: sending it again will not help. */
	| { kind: 'forbidden' | 'refused'; message: string };

/** Base64 to bytes: natively where the browser can (a board can be megabytes), else by hand. */
function toBytes(base64: string): Uint8Array {
	const native = (Uint8Array as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
	if (native) return native(base64);
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

const boardUrl = (code: string) => `/api/rooms/${code}/whiteboard`;

/** The meeting's board and what this browser may do with it. */
export async function fetchBoard(code: string): Promise<BoardSnapshot> {
	const response = await send(boardUrl(code));
	const payload = await response.json().catch(() => ({}));
	if (!response.ok) throw new ApiError(response.status, payload.message ?? m.common_board_load_failed({ status: response.status }));
	return { state: toBytes(payload.state), viewOnly: Boolean(payload.viewOnly), canDraw: Boolean(payload.canDraw) };
}

/**
 * Sends what the server lacks of the board. Throws ApiError when the answer may change on a
 * retry (network, server trouble); `keepalive` lets it finish while the page goes away.
 */
export async function saveBoardUpdate(code: string, update: Uint8Array, keepalive = false): Promise<SaveAnswer> {
	const response = await send(boardUrl(code), {
		method: 'POST',
		headers: { 'content-type': 'application/octet-stream' },
		body: update as Uint8Array<ArrayBuffer>,
		keepalive
	});
	const payload = await response.json().catch(() => ({}));
	if (response.ok) return { kind: 'saved', stateVector: toBytes(payload.stateVector) };
	if (response.status === 409 && typeof payload.stateVector === 'string') return { kind: 'behind', stateVector: toBytes(payload.stateVector) };
	const message: string = payload.message ?? m.common_board_change_refused({ status: response.status });
	if (response.status === 403) return { kind: 'forbidden', message };
	if (response.status === 413 || response.status === 422) return { kind: 'refused', message };
	throw new ApiError(response.status, message);
}
