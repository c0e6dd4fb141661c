import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { AppContext } from '../../src/lib/server/app-context';
import { admit } from '../../src/lib/server/access/admission.service';
import type { Credentials } from '../../src/lib/server/access/cookies';
import { memberOf, type Member } from '../../src/lib/server/access/room-policy';
import { issueToken } from '../../src/lib/server/access/token.service';
import { createDb, createPool } from '../../src/lib/server/db';
import type { JoinPass, Participant, Room } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import type { JobQueue } from '../../src/lib/server/jobs/queue';
import { egressApi } from '../../src/lib/server/livekit/egress';
import { livekitRooms } from '../../src/lib/server/livekit/clients';
import type { PipelineContext } from '../../src/lib/server/pipeline/pipeline-context';
import { createLimits, type LimitSettings } from '../../src/lib/server/rate-limit/limits';
import { createRoom } from '../../src/lib/server/rooms/room.service';
import { createWhisperClient } from '../../src/lib/server/transcription/whisper-client';
import { AppProcess } from '../support/app-process';
import type { SpeechBot } from '../support/speech-bot';

const GENEROUS = { points: 10_000, seconds: 60 };
export const GENEROUS_LIMITS: LimitSettings = {
	createRoom: GENEROUS,
	join: GENEROUS,
	token: GENEROUS,
	passwordClient: GENEROUS,
	passwordRoom: GENEROUS,
	chat: GENEROUS,
	chatClient: GENEROUS,
	knockClient: GENEROUS,
	knockRoom: GENEROUS,
	knockDenied: { points: 1, seconds: 60 },
	whiteboard: GENEROUS,
	whiteboardBytes: { points: 1_000_000_000, seconds: 60 },
	hands: GENEROUS,
	reactions: GENEROUS,
	ask: GENEROUS
};

/**
 * A real context: the test database and the real livekit-server of the stack. Its limits are
 * generous unless a spec asks for tighter ones (the limit specs do).
 */
export function testContext(limits: Partial<LimitSettings> = {}): AppContext & { close: () => Promise<void> } {
	const db = createDb(env().DATABASE_URL, 4);
	const pool = createPool(env().DATABASE_URL, 2);
	return {
		db,
		livekit: livekitRooms(),
		limits: createLimits(pool, { ...GENEROUS_LIMITS, ...limits }),
		config: env(),
		close: async () => {
			await db.destroy();
			await pool.end();
		}
	};
}

/** The pipeline's context over a test context, with the given queue (often one that records what was queued). */
/**
 * For a spec that records speech bots through the built app: its context, the app process on
 * `port` (started before the spec's tests) and the bots it starts; all stopped after them.
 */
export function appWithBots(port: number): { ctx: ReturnType<typeof testContext>; app: AppProcess; bots: SpeechBot[] } {
	const ctx = testContext();
	const app = new AppProcess(port);
	const bots: SpeechBot[] = [];
	beforeAll(() => app.start(), 40_000);
	afterAll(async () => {
		await Promise.all(bots.map((b) => b.leave().catch(() => undefined)));
		await app.stop();
		await ctx.close();
	});
	return { ctx, app, bots };
}

export function pipelineOf(ctx: AppContext, jobs: JobQueue): PipelineContext {
	return {
		...ctx,
		egress: egressApi(),
		jobs,
		whisper: createWhisperClient({ url: env().WHISPER_API_URL, flavour: 'asr', model: env().WHISPER_MODEL, language: 'en', timeoutMs: 120_000, vadFilter: true }),
		recordingsPath: env().RECORDINGS_STORAGE_PATH,
		compositeVideo: false,
		recordVideo: true,
		minFreeBytes: 0,
		retentionDays: 0,
		insights: { engine: null, maxOutputTokens: 1000 }
	};
}

/** A browser, as the room policy sees it: its own id, and the host session / pass it holds. */
export interface TestBrowser extends Credentials {
	browserId: string;
}

export function newBrowser(hostSessionId: string | null = null): TestBrowser {
	return { browserId: randomBytes(8).toString('hex'), hostSessionId, passId: null };
}

/**
 * A new room and its creator's browser (holding the host session). The room lets anyone with
 * the link in (`open`) unless the spec asks for the lobby (`ask`, what new rooms get).
 */
export async function newRoom(ctx: AppContext, { admission = 'open' }: { admission?: 'open' | 'ask' } = {}): Promise<{ room: Room; host: TestBrowser; hostKey: string }> {
	const created = await createRoom(ctx);
	if (!created.ok) throw new Error(created.reason);
	const room = await ctx.db.updateTable('rooms').set({ admission }).where('id', '=', created.room.id).returningAll().executeTakeFirstOrThrow();
	return { room, host: newBrowser(created.hostSession.id), hostKey: created.hostKey };
}

/** The join step for a browser; on success the browser now holds the pass, as its cookie would. */
export async function join(ctx: AppContext, room: Room, browser: TestBrowser, name: string, password = '', client = `test-${browser.browserId}`) {
	const result = await admit(ctx, { room, displayName: name, password, credentials: browser, client });
	if (result.ok) browser.passId = result.pass.id;
	return result;
}

/** Joins (let in at once) or throws. */
export async function joined(ctx: AppContext, room: Room, browser: TestBrowser, name: string): Promise<{ participant: Participant; pass: JoinPass }> {
	const result = await join(ctx, room, browser, name);
	if (!result.ok) throw new Error(`join refused: ${result.reason}`);
	if (result.via !== 'direct') throw new Error(`join went to the lobby`);
	return result;
}

/** Knocks on a room that asks to join, or throws. */
export async function knocked(ctx: AppContext, room: Room, browser: TestBrowser, name: string, client?: string): Promise<{ participant: Participant; pass: JoinPass }> {
	const result = await admit(ctx, { room, displayName: name, password: '', credentials: browser, client: client ?? `test-${browser.browserId}` });
	if (!result.ok) throw new Error(`knock refused: ${result.reason}`);
	if (result.via !== 'lobby') throw new Error('let in without knocking');
	browser.passId = result.pass.id;
	return result;
}

/** Marks a participant as LiveKit's webhook would when they connect (in the call from now). */
export async function connected(ctx: AppContext, participantId: string): Promise<void> {
	await ctx.db.updateTable('participants').set({ joined_at: new Date(), left_at: null }).where('id', '=', participantId).execute();
}

/** A LiveKit token for the browser, or throws. */
export async function tokenOf(ctx: AppContext, room: Room, browser: TestBrowser) {
	const result = await issueToken(ctx, room, browser);
	if (!result.ok) throw new Error(`token refused: ${result.reason}`);
	return result;
}

/** The browser as a member of the room's current meeting, or throws. */
export async function memberFor(ctx: AppContext, room: Room, browser: TestBrowser): Promise<Member> {
	const result = await memberOf(ctx.db, room, browser);
	if (!result.ok) throw new Error(`not a member: ${result.reason}`);
	return result.member;
}
