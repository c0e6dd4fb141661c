import {
	LocalVideoTrack,
	Room as RtcRoom,
	TrackPublishOptions,
	TrackSource as RtcTrackSource,
	VideoBufferType,
	VideoFrame,
	VideoSource
} from '@livekit/rtc-node';
import { randomUUID } from 'node:crypto';
import { TrackSource, WebhookEvent, type ParticipantInfo } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/lib/server/app-context';
import { createDb } from '../../src/lib/server/db';
import type { Participant, Room } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import { applyWebhook } from '../../src/lib/server/webhooks/webhook.service';
import type { ScreenShareEvent } from '../../src/lib/server/screen-share/lock-rules';
import { findLock } from '../../src/lib/server/screen-share/screen-share.repository';
import {
	RELEASE_GRACE_MS,
	RETURN_GRACE_MS,
	currentShare,
	onParticipantReturned,
	onShareGone,
	onSharePublished,
	releaseByHost,
	settlePendingRelease,
	stopSharing,
	takeOver
} from '../../src/lib/server/screen-share/screen-share.service';
import { joined, newBrowser, newRoom as makeRoom, pipelineOf, testContext, tokenOf, type TestBrowser } from './support';

// A pool of 10: enough for takeovers to really race on the lock row.
const db = createDb(env().DATABASE_URL, 10);
const base = testContext();
const ctx: AppContext = { ...base, db };
const browsers = new Map<string, TestBrowser>();

/** A real LiveKit participant (rtc-node) that can publish a fake screen, and ignores our events. */
class Bot {
	readonly room = new RtcRoom();
	#source = new VideoSource(320, 180);
	#timer: ReturnType<typeof setInterval> | undefined;

	static async connect(room: Room, participant: Participant): Promise<Bot> {
		const issued = await tokenOf(ctx, room, browsers.get(participant.id)!);
		const bot = new Bot();
		await bot.room.connect(issued.wsUrl, issued.token, { autoSubscribe: false, dynacast: false });
		return bot;
	}

	/** Publishes a grey 320×180 "screen", fed with frames so LiveKit sees media. */
	async shareScreen(): Promise<void> {
		const frame = new VideoFrame(new Uint8Array(320 * 180 * 4).fill(128), 320, 180, VideoBufferType.RGBA);
		clearInterval(this.#timer);
		this.#timer = setInterval(() => this.#source.captureFrame(frame), 50);
		const options = new TrackPublishOptions();
		options.source = RtcTrackSource.SOURCE_SCREENSHARE;
		await this.room.localParticipant!.publishTrack(LocalVideoTrack.createVideoTrack('screen', this.#source), options);
	}

	async leave(): Promise<void> {
		clearInterval(this.#timer);
		await this.room.disconnect();
		await this.#source.close();
	}
}

let hostBrowser: TestBrowser;
async function newRoom(): Promise<Room> {
	const made = await makeRoom(ctx);
	hostBrowser = made.host;
	return made.room;
}

async function join(room: Room, name: string, isHost = false): Promise<Participant> {
	const browser = isHost ? hostBrowser : newBrowser();
	const { participant } = await joined(ctx, room, browser, name);
	browsers.set(participant.id, browser);
	return participant;
}

const as = (room: Room, participant: Participant) => ({ room, participant });

async function livekitView(code: string): Promise<Map<string, ParticipantInfo>> {
	return new Map((await ctx.livekit.listParticipants(code)).map((p) => [p.identity, p]));
}

const mayShare = (p: ParticipantInfo | undefined) => Boolean(p?.permission?.canPublishSources.includes(TrackSource.SCREEN_SHARE));
const isSharing = (p: ParticipantInfo | undefined) => Boolean(p?.tracks.some((t) => t.source === TrackSource.SCREEN_SHARE));

async function started(room: Room, participant: Participant): Promise<ScreenShareEvent> {
	const result = await takeOver(ctx, as(room, participant));
	if (!result.ok) throw new Error(result.reason);
	return result.event;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 100));
	}
}

const bots: Bot[] = [];
afterAll(async () => {
	await Promise.all(bots.map((b) => b.leave().catch(() => undefined)));
	await db.destroy();
	await base.close();
});

describe('screen-share lock with real LiveKit participants', () => {
	let room: Room;
	let ada: Participant, bo: Participant, cy: Participant, host: Participant;
	let adaBot: Bot, boBot: Bot, cyBot: Bot;

	beforeAll(async () => {
		room = await newRoom();
		[ada, bo, cy, host] = await Promise.all([join(room, 'Ada'), join(room, 'Bo'), join(room, 'Cy'), join(room, 'Host', true)]);
		[adaBot, boBot, cyBot] = await Promise.all([Bot.connect(room, ada), Bot.connect(room, bo), Bot.connect(room, cy)]);
		bots.push(adaBot, boBot, cyBot);
		await eventually(async () => (await livekitView(room.code)).size === 3);
	}, 30_000);

	it('a takeover revokes the old share in LiveKit even when its client ignores our event', async () => {
		const first = await started(room, ada);
		expect(first).toMatchObject({ type: 'started', holder: { identity: ada.identity, name: 'Ada' }, previous: null });
		expect(mayShare((await livekitView(room.code)).get(ada.identity))).toBe(true);

		await adaBot.shareScreen();
		await eventually(async () => isSharing((await livekitView(room.code)).get(ada.identity)));

		// The bot never listens to the `screen-share` topic: only LiveKit can stop its track.
		const takeover = await started(room, bo);
		expect(takeover).toMatchObject({ type: 'takeover', holder: { name: 'Bo' }, previous: { name: 'Ada' }, fence: first.fence + 1 });
		const view = await livekitView(room.code);
		expect(mayShare(view.get(ada.identity))).toBe(false);
		expect(mayShare(view.get(bo.identity))).toBe(true);
		// LiveKit 1.13.5 unpublishes a track whose source the new permission forbids.
		await eventually(async () => !isSharing((await livekitView(room.code)).get(ada.identity)), 5_000);

		// A client that tries to publish its screen again without the lock gets nowhere
		// (rtc-node's publishTrack never settles: LiveKit ignores the request).
		await Promise.race([adaBot.shareScreen().catch(() => undefined), new Promise((r) => setTimeout(r, 4_000))]);
		await new Promise((r) => setTimeout(r, 1_000));
		expect(isSharing((await livekitView(room.code)).get(ada.identity))).toBe(false);
	});

	it('a new token carries screen_share only for the holder', async () => {
		const claims = async (p: Participant) => {
			const issued = await tokenOf(ctx, room, browsers.get(p.id)!);
			return JSON.parse(Buffer.from(issued.token.split('.')[1]!, 'base64url').toString()).video.canPublishSources as string[];
		};
		expect(await claims(bo)).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
		expect(await claims(ada)).toEqual(['camera', 'microphone']);
	});

	it('only the holder stops; the host stops anyone', async () => {
		expect(await stopSharing(ctx, as(room, ada))).toBeNull();
		expect((await currentShare(ctx, room)).holder?.name).toBe('Bo');

		const stopped = await releaseByHost(ctx, room);
		expect(stopped).toMatchObject({ type: 'stopped', holder: null, previous: { name: 'Bo' }, reason: 'host' });
		expect(mayShare((await livekitView(room.code)).get(bo.identity))).toBe(false);
		expect(await releaseByHost(ctx, room)).toBeNull();

		await started(room, cy);
		const own = await stopSharing(ctx, as(room, cy));
		expect(own).toMatchObject({ type: 'stopped', previous: { name: 'Cy' } });
		const { room: other } = await makeRoom(ctx);
		expect(await takeOver(ctx, as(other, ada))).toEqual({ ok: false, reason: 'not_joined' });
	});

	it('a vanished share keeps the lock through its grace, longer for a holder gone from the room without leaving; a re-publish cancels the release', async () => {
		const later = (ms: number) => new Date(Date.now() + ms + 1);
		await started(room, host); // not connected to LiveKit: gone from the room
		expect(await onShareGone(ctx, room, host.identity)).toBe(true);
		expect(await settlePendingRelease(ctx, room)).toBeNull(); // still within grace
		await onSharePublished(ctx, room, host.identity);
		expect((await findLock(db, room.id))?.release_pending_at).toBeNull();
		// Someone else's share vanishing does not touch the lock.
		expect(await onShareGone(ctx, room, ada.identity)).toBe(false);

		// Gone without leaving (their media node died, ~10 s to reconnect): the lock waits for them.
		expect(await onShareGone(ctx, room, host.identity)).toBe(true);
		expect(await settlePendingRelease(ctx, room, later(RELEASE_GRACE_MS))).toBeNull();
		expect((await currentShare(ctx, room)).holder?.name).toBe('Host');
		const released = await settlePendingRelease(ctx, room, later(RETURN_GRACE_MS));
		expect(released).toMatchObject({ type: 'stopped', previous: { name: 'Host' }, reason: 'left' });

		// LiveKit said they left on purpose: the short grace.
		await started(room, host);
		await onShareGone(ctx, room, host.identity, { leftForGood: true });
		const left = await settlePendingRelease(ctx, room, later(RELEASE_GRACE_MS), { leftForGood: true });
		expect(left).toMatchObject({ type: 'stopped', previous: { name: 'Host' } });

		// Still in the room (Ada's bot is connected) with no screen: the short grace too.
		await started(room, ada);
		await onShareGone(ctx, room, ada.identity);
		expect(await settlePendingRelease(ctx, room, later(RELEASE_GRACE_MS))).toMatchObject({ type: 'stopped', previous: { name: 'Ada' } });
	});

	it('a holder who rejoins gets the short grace to re-publish from their return, not from when they vanished', async () => {
		await started(room, ada); // Ada's bot is in the room, not sharing
		await onShareGone(ctx, room, ada.identity);
		await db.updateTable('screen_share_locks').set({ release_pending_at: new Date(Date.now() - 60_000) }).where('room_id', '=', room.id).execute();
		await onParticipantReturned(ctx, room, ada.identity);
		expect(await settlePendingRelease(ctx, room)).toBeNull();
		expect((await currentShare(ctx, room)).holder?.name).toBe('Ada');
		const released = await settlePendingRelease(ctx, room, new Date(Date.now() + RELEASE_GRACE_MS + 1));
		expect(released).toMatchObject({ type: 'stopped', previous: { name: 'Ada' }, reason: 'left' });
		// Nothing pending: a return changes nothing.
		await started(room, ada);
		await onParticipantReturned(ctx, room, ada.identity);
		expect((await findLock(db, room.id))?.release_pending_at).toBeNull();
		await stopSharing(ctx, as(room, ada));
	});

	it('LiveKit webhooks drive the grace period: track_unpublished marks, track_published cancels', async () => {
		await started(room, host);
		const hook = (event: string, source: string) =>
			applyWebhook(
				pipelineOf(ctx, { enqueue: async () => undefined }),
				WebhookEvent.fromJson({
					id: `EV_${randomUUID()}`,
					createdAt: String(Math.floor(Date.now() / 1000)),
					event,
					room: { name: room.code },
					participant: { identity: host.identity, sid: 'PA_host' },
					track: { sid: 'TR_x', source }
				} as never)
			);
		expect(await hook('track_unpublished', 'CAMERA')).toBe('ignored');
		expect((await findLock(db, room.id))?.release_pending_at).toBeNull();
		expect(await hook('track_unpublished', 'SCREEN_SHARE')).toBe('handled');
		expect((await findLock(db, room.id))?.release_pending_at).toBeInstanceOf(Date);
		await hook('track_published', 'SCREEN_SHARE');
		expect((await findLock(db, room.id))?.release_pending_at).toBeNull();
	});

	it('≥200 simultaneous takeovers end with one holder, distinct increasing fences, and LiveKit equal to the DB', async () => {
		const before = Number((await findLock(db, room.id))?.fence ?? 0);
		const people = [ada, bo, cy, host];
		const calls = Array.from({ length: 240 }, (_, i) => people[i % people.length]!);
		const events = await Promise.all(calls.map((p) => started(room, p)));

		const fences = events.map((e) => e.fence).sort((a, b) => a - b);
		expect(new Set(fences).size).toBe(calls.length);
		// Every call committed exactly one fence, gap-free, in commit order.
		expect(fences).toEqual(Array.from({ length: calls.length }, (_, i) => before + 1 + i));

		// Linearizable: each takeover replaced exactly the holder committed just before it.
		const byFence = new Map(events.map((e) => [e.fence, e]));
		for (const fence of fences.slice(1)) {
			const event = byFence.get(fence)!;
			const before = byFence.get(fence - 1)!;
			expect(event.previous?.identity ?? event.holder?.identity).toBe(before.holder?.identity);
		}

		const lock = (await findLock(db, room.id))!;
		const last = byFence.get(fences.at(-1)!)!;
		expect(Number(lock.fence)).toBe(fences.at(-1));
		expect(Number(lock.applied_fence)).toBe(Number(lock.fence));
		expect(await db.selectFrom('screen_share_locks').select('room_id').where('room_id', '=', room.id).execute()).toHaveLength(1);
		const holder = people.find((p) => p.id === lock.holder_id)!;
		expect(holder.identity).toBe(last.holder?.identity);

		const view = await livekitView(room.code);
		expect(view.size).toBe(3);
		for (const [identity, info] of view) expect([identity, mayShare(info)]).toEqual([identity, identity === holder.identity]);
	}, 60_000);
});
