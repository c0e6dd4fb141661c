import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db';
import { env } from '../env';

/**
 * "Something changed in this room's lobby", across app processes: PostgreSQL NOTIFY on one
 * channel, with the room id as payload. A knock may wait on one process while a host admits
 * it on another; each process LISTENs once and wakes its own waiting knockers, who then read
 * their state from the database (a notification carries no decision, so a lost one only
 * delays: the knockers also look every few seconds).
 */
const CHANNEL = 'stoom_lobby';

/** Tells every process (this one included) that the room's lobby changed. Inside a transaction, it is sent at commit. */
export async function notifyLobby(db: Db, roomId: string): Promise<void> {
	await sql`SELECT pg_notify(${CHANNEL}, ${roomId})`.execute(db);
}

export interface LobbyListener {
	/** Calls `onChange` whenever the room's lobby changes; returns the unsubscribe. */
	subscribe(roomId: string, onChange: () => void): () => void;
	close(): Promise<void>;
}

const RECONNECT_MS = [250, 1000, 3000, 5000];

/**
 * One LISTEN connection for the process, opened on the first subscription and kept (with
 * reconnects after a PostgreSQL restart) while anyone listens.
 */
export function createLobbyListener(connectionString: string): LobbyListener {
	const subscribers = new Map<string, Set<() => void>>();
	let client: pg.Client | undefined;
	let connecting: Promise<void> | undefined;
	let attempt = 0;
	let closed = false;

	const wakeAll = () => subscribers.forEach((set) => set.forEach((fn) => fn()));

	function connect(): Promise<void> {
		connecting ??= (async () => {
			const next = new pg.Client({ connectionString });
			next.on('notification', (message) => {
				if (message.channel === CHANNEL && message.payload) subscribers.get(message.payload)?.forEach((fn) => fn());
			});
			next.on('error', () => reconnect(next));
			next.on('end', () => reconnect(next));
			try {
				await next.connect();
				await next.query(`LISTEN ${CHANNEL}`);
				client = next;
				attempt = 0;
				wakeAll(); // anything missed while the connection was down
			} catch {
				reconnect(next);
			} finally {
				connecting = undefined;
			}
		})();
		return connecting;
	}

	function reconnect(failed: pg.Client) {
		if (client === failed) client = undefined;
		failed.removeAllListeners('end');
		failed.end().catch(() => undefined);
		if (closed || subscribers.size === 0) return;
		setTimeout(() => void connect(), RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]).unref();
	}

	return {
		subscribe(roomId, onChange) {
			const set = subscribers.get(roomId) ?? new Set();
			set.add(onChange);
			subscribers.set(roomId, set);
			if (!client) void connect();
			return () => {
				set.delete(onChange);
				if (set.size === 0) subscribers.delete(roomId);
			};
		},
		async close() {
			closed = true;
			const open = client;
			client = undefined;
			await open?.end().catch(() => undefined);
		}
	};
}

let shared: LobbyListener | undefined;

/** This process's listener (one LISTEN connection to the app's database). */
export function lobbyListener(): LobbyListener {
	shared ??= createLobbyListener(env().DATABASE_URL);
	return shared;
}
