import { AsyncResource } from 'node:async_hooks';
import { KNOCK_END_STATES, type KnockState } from '../../access/lobby';
import type { AppContext } from '../app-context';
import type { Room } from '../db/schema';
import type { Credentials } from './cookies';
import { lobbyListener } from './lobby-events';
import { knockState } from './lobby.service';

/** How often a knocker's state is read even without a notification (a lost NOTIFY, a host who arrived). */
const POLL_MS = 5_000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/**
 * The knocker's lobby screen as a server-sent event stream: the knock's state now, then every
 * change (woken by the lobby's notifications from any app process, and every few seconds),
 * until it ends — admitted (with the first LiveKit token), denied, withdrawn, expired, or
 * the meeting over. `signal` ends it when the browser goes away.
 */
export function knockStream(ctx: AppContext, room: Room, credentials: Credentials, first: KnockState, signal: AbortSignal): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let stop = () => {};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			let last = '';
			let closed = false;
			let checking = false;
			let again = false;
			const send = (state: KnockState) => {
				const text = JSON.stringify(state);
				if (text === last || closed) return;
				last = text;
				controller.enqueue(encoder.encode(`data: ${text}\n\n`));
			};
			const close = () => {
				if (closed) return;
				closed = true;
				stop();
				controller.close();
			};
			const check = async () => {
				if (closed) return;
				if (checking) return void (again = true);
				checking = true;
				try {
					const state = await knockState(ctx, room, credentials);
					send(state);
					if (KNOCK_END_STATES.has(state.state)) close();
				} catch (err) {
					console.warn(`lobby: reading a knock of ${room.code} failed: ${(err as Error).message}`);
				} finally {
					checking = false;
					if (again) {
						again = false;
						void check();
					}
				}
			};
			send(first);
			if (KNOCK_END_STATES.has(first.state)) return close();
			// A notification arrives outside this request: bound, its check still speaks the knocker's language.
			const unsubscribe = lobbyListener().subscribe(room.id, AsyncResource.bind(() => void check()));
			const poll = setInterval(() => void check(), POLL_MS);
			const heartbeat = setInterval(() => !closed && controller.enqueue(encoder.encode(': still waiting\n\n')), HEARTBEAT_MS);
			stop = () => {
				unsubscribe();
				clearInterval(poll);
				clearInterval(heartbeat);
			};
			signal.addEventListener('abort', close);
		},
		cancel() {
			stop();
		}
	});
}
