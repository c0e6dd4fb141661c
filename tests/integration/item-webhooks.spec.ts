import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackedItem } from '../../src/lib/items/types';
import type { Room } from '../../src/lib/server/db/schema';
import { env } from '../../src/lib/server/env';
import { deliverWebhook, RetryDelivery } from '../../src/lib/server/item-webhooks/deliver-webhook.job';
import { disableWebhook, rotateWebhookSecret, saveWebhook, webhookView } from '../../src/lib/server/item-webhooks/item-webhook.service';
import { queueItemEvent } from '../../src/lib/server/item-webhooks/outbox';
import { verifySignature } from '../../src/lib/server/item-webhooks/signing';
import type { WebhookSettings } from '../../src/lib/server/item-webhooks/webhook-settings';
import { pgBossQueue, QUEUES, type JobPayloads, type JobQueue } from '../../src/lib/server/jobs/queue';
import { newRoom, testContext } from './support';

const ctx = testContext();

/** A tracker's endpoint on loopback: answers each request with the next status of its plan (then 200; 0: never answers), and keeps what it got. */
class Receiver {
	requests: { headers: IncomingHttpHeaders; body: string }[] = [];
	plan: number[] = [];
	private server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			const status = this.plan.shift() ?? 200;
			if (status) res.writeHead(status).end('ok');
		});
	});
	url = '';
	async start() {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/stoom?token=t0k3n`;
	}
	stop() {
		return new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
	reset(plan: number[] = []) {
		this.requests = [];
		this.plan = plan;
	}
}

const receiver = new Receiver();
beforeAll(() => receiver.start());
afterAll(async () => {
	await receiver.stop();
	await ctx.close();
});

/** As the test environment runs: private targets allowed (the receiver is on loopback). */
const allowed: WebhookSettings = { sealingSecret: env().SESSION_SECRET, allowPrivateTargets: true, timeoutMs: 3000 };
const strict: WebhookSettings = { ...allowed, allowPrivateTargets: false };

function item(room: Room, text: string): TrackedItem {
	return {
		id: crypto.randomUUID(),
		roomCode: room.code,
		text,
		owner: 'Hana',
		dueText: 'Friday',
		dueDate: '2026-12-11',
		status: 'open',
		mentions: [{ sessionId: crypto.randomUUID(), meetingStartedAt: '2026-12-07T09:00:00.000Z', at: 42, speaker: 'Hana', ref: 'seg-1', kind: 'line' }],
		createdAt: '2026-12-07T09:10:00.000Z',
		updatedAt: '2026-12-07T09:10:00.000Z',
		doneAt: null
	};
}

/** A queue that only records what it was asked to run. */
function recordingQueue(): JobQueue & { sent: { name: string; data: unknown }[] } {
	const sent: { name: string; data: unknown }[] = [];
	return { sent, enqueue: async (name, data) => void sent.push({ name, data }) };
}

async function deliveryRow(id: string) {
	return ctx.db.selectFrom('item_webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const verifies = (secret: string, request: { headers: IncomingHttpHeaders; body: string }) =>
	verifySignature(
		secret,
		{ id: String(request.headers['webhook-id']), timestamp: String(request.headers['webhook-timestamp']), signature: String(request.headers['webhook-signature']) },
		request.body
	);

describe('the item webhook', () => {
	it('signs each delivery so the receiver verifies it with the secret; a 500 is retried by pg-boss, then delivered, and the log records both attempts', async () => {
		const { room } = await newRoom(ctx);
		const saved = await saveWebhook(ctx, room, receiver.url, allowed);
		if (!saved.ok) throw new Error(saved.reason);
		const secret = saved.secret!;
		expect(secret).toMatch(/^whsec_/);
		const stored = await ctx.db.selectFrom('item_webhooks').selectAll().where('room_id', '=', room.id).executeTakeFirstOrThrow();
		expect(stored.secret_sealed).not.toContain(secret.slice(6, 20));

		// The real queue, with the webhook queue's policy (shorter delays, so the test does not wait minutes).
		const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: 'pgboss', supervise: true, superviseIntervalSeconds: 1, schedule: false });
		await boss.start();
		try {
			const { policy, heartbeatSeconds, retryLimit = 0 } = QUEUES['webhook.deliver'];
			const short = { retryLimit, retryBackoff: true, retryDelay: 2, retryDelayMax: 4 };
			await boss.createQueue('webhook.deliver', { policy, heartbeatSeconds, ...short });
			// An app process of an earlier test file made the queue with its own delays (10 s and
			// up: the first retry came 10–20 s later and the test ran out of time), and creating a
			// queue that exists changes nothing: set the short ones. A job takes its queue's delays
			// when it is sent; every app process sets the queue's own again when it starts.
			await boss.updateQueue('webhook.deliver', short);
			expect(await boss.getQueue('webhook.deliver')).toMatchObject({ retryDelay: 2, retryDelayMax: 4 });
			const failures: unknown[] = [];
			await boss.work<JobPayloads['webhook.deliver']>('webhook.deliver', { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
				if (!job) return;
				// As the runner does (jobs/runner.ts).
				await deliverWebhook(ctx, job.data.deliveryId, { retryCount: job.retryCount, lastAttempt: job.retryCount >= retryLimit }, allowed).catch((err: unknown) => {
					failures.push(err);
					throw err;
				});
			});

			receiver.reset([500]);
			const tracked = item(room, 'Send the signed contract to Acme');
			await queueItemEvent({ db: ctx.db, jobs: pgBossQueue(boss) }, room.id, 'item.created', tracked);
			const [delivery] = await ctx.db.selectFrom('item_webhook_deliveries').selectAll().where('room_id', '=', room.id).execute();
			expect(delivery).toBeDefined();

			// The first attempt got the 500: logged, still pending, with its next try; pg-boss holds the retry.
			const first = await until('the first attempt logged', async () => {
				const row = await deliveryRow(delivery!.id);
				return row.attempts === 1 && row;
			});
			expect(first).toMatchObject({ status: 'pending', last_http_status: 500, last_error: 'HTTP 500', delivered_at: null });
			expect(first.next_attempt_at!.getTime()).toBeGreaterThan(Date.now() - 1000);
			expect(failures[0]).toBeInstanceOf(RetryDelivery);

			const done = await until('the retry delivered', async () => {
				const row = await deliveryRow(delivery!.id);
				return row.status === 'delivered' && row;
			});
			expect(done).toMatchObject({ attempts: 2, last_http_status: 200, last_error: null, next_attempt_at: null });
			expect(done.delivered_at).toBeInstanceOf(Date);

			expect(receiver.requests).toHaveLength(2);
			for (const request of receiver.requests) {
				expect(request.headers['webhook-id']).toBe(delivery!.id);
				expect(request.headers['content-type']).toBe('application/json');
				expect(verifies(secret, request)).toBe(true);
				expect(verifies(secret, { ...request, body: request.body.replace('Acme', 'Acne') })).toBe(false);
				expect(JSON.parse(request.body)).toEqual({ id: delivery!.id, type: 'item.created', createdAt: expect.any(String), room: { code: room.code, name: room.name }, item: tracked });
			}
			// Retries send the same event: same id and body.
			expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);

			const view = await webhookView(ctx, room);
			expect(view.url).toBe(receiver.url);
			expect(view.deliveries.map((d) => [d.event, d.status, d.attempts, d.httpStatus])).toEqual([['item.created', 'delivered', 2, 200]]);
			expect(JSON.stringify(view)).not.toContain('whsec_');
		} finally {
			const { retryDelay, retryDelayMax, retryBackoff } = QUEUES['webhook.deliver'];
			await boss.updateQueue('webhook.deliver', { retryDelay, retryDelayMax, retryBackoff });
			await boss.stop({ graceful: false });
		}
	});

	it('retries a timeout; gives up at once on a 4xx, and after a 500 on the last attempt (failed in the log); prunes month-old deliveries', async () => {
		const { room } = await newRoom(ctx);
		await saveWebhook(ctx, room, receiver.url, allowed);
		const jobs = recordingQueue();
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.updated', item(room, 'Book the room for Tom'));
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.recurred', item(room, 'Update the sales dashboard'));
		const [gone, flaky] = jobs.sent.map((s) => (s.data as { deliveryId: string }).deliveryId);
		expect(jobs.sent.map((s) => s.name)).toEqual(['webhook.deliver', 'webhook.deliver']);

		receiver.reset([404]);
		await deliverWebhook(ctx, gone!, { retryCount: 0, lastAttempt: false }, allowed);
		expect(await deliveryRow(gone!)).toMatchObject({ status: 'failed', attempts: 1, last_http_status: 404, next_attempt_at: null });

		receiver.reset([503, 500]);
		await expect(deliverWebhook(ctx, flaky!, { retryCount: 0, lastAttempt: false }, allowed)).rejects.toBeInstanceOf(RetryDelivery);
		await deliverWebhook(ctx, flaky!, { retryCount: 10, lastAttempt: true }, allowed);
		expect(await deliveryRow(flaky!)).toMatchObject({ status: 'failed', attempts: 2, last_http_status: 500 });
		expect(receiver.requests).toHaveLength(2);

		// A redelivered job of a settled delivery sends nothing.
		await deliverWebhook(ctx, flaky!, { retryCount: 0, lastAttempt: false }, allowed);
		expect(receiver.requests).toHaveLength(2);

		// A receiver that does not answer in time: retried (the real limit is 10 s).
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.updated', item(room, 'Order the banners'));
		const slow = (jobs.sent[2]!.data as { deliveryId: string }).deliveryId;
		receiver.reset([0]);
		await expect(deliverWebhook(ctx, slow, { retryCount: 0, lastAttempt: false }, { ...allowed, timeoutMs: 300 })).rejects.toBeInstanceOf(RetryDelivery);
		expect(await deliveryRow(slow)).toMatchObject({ status: 'pending', attempts: 1, last_http_status: null, last_error: 'timed out' });
		receiver.reset();
		await deliverWebhook(ctx, slow, { retryCount: 1, lastAttempt: false }, allowed);
		expect(await deliveryRow(slow)).toMatchObject({ status: 'delivered', attempts: 2, last_http_status: 200, last_error: null });

		// Settled deliveries older than 30 days leave the log when the room's next event is queued.
		await ctx.db.updateTable('item_webhook_deliveries').set({ created_at: new Date(Date.now() - 31 * 86_400_000) } as never).where('id', '=', gone!).execute();
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.updated', item(room, 'Book the room for Tom'));
		const left = await ctx.db.selectFrom('item_webhook_deliveries').select('id').where('room_id', '=', room.id).execute();
		expect(left.map((r) => r.id)).not.toContain(gone);
		expect(left).toHaveLength(3);
	});

	it('refuses private targets unless they are allowed, at save and again at send (on the resolved address)', async () => {
		const { room } = await newRoom(ctx);
		const port = new URL(receiver.url).port;
		for (const url of [receiver.url, `http://localhost:${port}/x`, `http://[::1]:${port}/x`, 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.8/hook', 'http://0x7f.1/hook']) {
			expect(await saveWebhook(ctx, room, url, strict), url).toEqual({ ok: false, reason: 'private_address' });
		}
		expect(await saveWebhook(ctx, room, 'https://user:pw@tracker.example.com/x', strict)).toEqual({ ok: false, reason: 'has_credentials' });
		expect(await saveWebhook(ctx, room, 'ftp://tracker.example.com/x', strict)).toEqual({ ok: false, reason: 'not_http' });
		// A public-looking name that resolves to a private address is judged by the address.
		const rebinding = async () => [{ address: '127.0.0.1', family: 4 }];
		expect(await saveWebhook(ctx, room, 'https://tracker.example.com/x', strict, rebinding)).toEqual({ ok: false, reason: 'private_address' });
		expect(await ctx.db.selectFrom('item_webhooks').select('room_id').where('room_id', '=', room.id).execute()).toEqual([]);

		// Saved where private targets were allowed, then sent by a process that does not allow them: refused, not retried.
		expect((await saveWebhook(ctx, room, receiver.url, allowed)).ok).toBe(true);
		const jobs = recordingQueue();
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.created', item(room, 'Call the printer'));
		const { deliveryId } = jobs.sent[0]!.data as { deliveryId: string };
		receiver.reset();
		await deliverWebhook(ctx, deliveryId, { retryCount: 0, lastAttempt: false }, strict);
		expect(await deliveryRow(deliveryId)).toMatchObject({ status: 'failed', attempts: 1, last_http_status: null, last_error: 'private address refused' });
		expect(receiver.requests).toHaveLength(0);
	});

	it('a rotated secret signs from then on; a host name is reached at its checked address only; a disabled webhook queues nothing', async () => {
		const { room } = await newRoom(ctx);
		const saved = await saveWebhook(ctx, room, receiver.url, allowed);
		if (!saved.ok) throw new Error(saved.reason);
		// Saving another URL keeps the secret (nothing to copy again).
		const again = await saveWebhook(ctx, room, `${receiver.url}&v=2`, allowed);
		expect(again).toEqual({ ok: true, secret: null });
		const rotated = await rotateWebhookSecret(ctx, room, allowed);
		if (!rotated.ok) throw new Error(rotated.reason);
		expect(rotated.secret).not.toBe(saved.secret);

		const jobs = recordingQueue();
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.updated', item(room, 'Renew the licence'));
		receiver.reset();
		await deliverWebhook(ctx, (jobs.sent[0]!.data as { deliveryId: string }).deliveryId, { retryCount: 0, lastAttempt: false }, allowed);
		expect(receiver.requests).toHaveLength(1);
		expect(verifies(rotated.secret, receiver.requests[0]!)).toBe(true);
		expect(verifies(saved.secret!, receiver.requests[0]!)).toBe(false);

		// A host name is connected to at the addresses it was checked at, never looked up again
		// (a name that resolves elsewhere a moment later changes nothing): tracker.invalid exists only in this resolver.
		const port = new URL(receiver.url).port;
		const pinned = async () => [{ address: '127.0.0.1', family: 4 }];
		expect((await saveWebhook(ctx, room, `http://tracker.invalid:${port}/hooks/stoom`, allowed, pinned)).ok).toBe(true);
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.updated', item(room, 'Renew the licence'));
		await deliverWebhook(ctx, (jobs.sent[1]!.data as { deliveryId: string }).deliveryId, { retryCount: 0, lastAttempt: false }, allowed, pinned);
		expect(receiver.requests).toHaveLength(2);
		expect(receiver.requests[1]!.headers.host).toBe(`tracker.invalid:${port}`);
		expect(verifies(rotated.secret, receiver.requests[1]!)).toBe(true);

		await disableWebhook(ctx, room);
		await queueItemEvent({ db: ctx.db, jobs }, room.id, 'item.updated', item(room, 'Renew the licence'));
		expect(jobs.sent).toHaveLength(2);
		expect((await webhookView(ctx, room)).enabled).toBe(false);
	});
});
