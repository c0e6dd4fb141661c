import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { InsightItem, MeetingInsights } from '../../src/lib/insights/types';
import type { Room } from '../../src/lib/server/db/schema';
import { claimInsights, saveInsights } from '../../src/lib/server/insights/insights.repository';
import { upsertWebhook } from '../../src/lib/server/item-webhooks/item-webhook.repository';
import { itemsFile } from '../../src/lib/server/items/items-file.service';
import { editItem, listItems } from '../../src/lib/server/items/items.service';
import { syncSessionItems } from '../../src/lib/server/items/sync-items.job';
import type { JobName, JobQueue } from '../../src/lib/server/jobs/queue';
import { markSessionEnded } from '../../src/lib/server/meetings/session.repository';
import { connected, joined, newBrowser, newRoom, testContext, type TestBrowser } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

const queued: { name: JobName; data: unknown }[] = [];
const jobs: JobQueue = { enqueue: async (name, data) => void queued.push({ name, data }) };
const app = { ...ctx, jobs };

let rewrite = 0;
/** Stores ready insights for a session whose action items are `items` (as the insights job would). */
async function storeInsights(sessionId: string, actionItems: InsightItem[]): Promise<void> {
	const insights: MeetingInsights = { summary: 'A meeting.', keyPoints: [], decisions: [], actionItems, openQuestions: [] };
	const row = await claimInsights(ctx.db, { session_id: sessionId, transcript_hash: `h${rewrite++}`, prompt_version: 'test', engine: 'test', model: 'test' });
	await saveInsights(ctx.db, row.id, { insights, dropped: 0, flagged: 0, citationsWritten: 1, citationsKept: 1, usage: { inputTokens: 0, outputTokens: 0, requests: 1, parts: 1, ms: 1 } });
}

const said = (text: string, owner: string | null, due: string | null, at: number, speaker = 'Ada'): InsightItem => ({
	text,
	owner,
	due,
	citations: [{ kind: 'line', ref: `${speaker}:0:${at}`, at, speaker }]
});

/** A meeting of the room on `day` (its start), with these browsers in the call under these names; ended. */
async function meeting(room: Room, day: string, people: [TestBrowser, string][]): Promise<string> {
	let sessionId = '';
	for (const [browser, name] of people) {
		const { participant, pass } = await joined(ctx, room, browser, name);
		await connected(ctx, participant.id);
		sessionId = pass.session_id;
	}
	await sql`update meeting_sessions set started_at = ${new Date(`${day}T09:00:00Z`)} where id = ${sessionId}`.execute(ctx.db);
	await markSessionEnded(ctx.db, sessionId, new Date(`${day}T10:00:00Z`));
	return sessionId;
}

async function deliveries(room: Room): Promise<string[]> {
	const rows = await ctx.db.selectFrom('item_webhook_deliveries').select('event_type').where('room_id', '=', room.id).orderBy('created_at').execute();
	return rows.map((r) => r.event_type).sort();
}

async function mentionCount(sessionId: string): Promise<number> {
	const row = await ctx.db.selectFrom('item_mentions').select((eb) => eb.fn.countAll<string>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
	return Number(row.n);
}

describe('tracked action items', async () => {
	const { room, host } = await newRoom(ctx);
	await upsertWebhook(ctx.db, room.id, { url: 'https://tracker.example/hook', secretSealed: 'sealed', enabled: true });
	const hana = newBrowser();
	const bo = newBrowser();
	const stranger = newBrowser();

	// Monday 7 December: Hana owns the contract (Friday), Bo the dashboard, Carol (absent) gets the room booked tomorrow.
	const first = await meeting(room, '2026-12-07', [
		[host, 'Ada'],
		[hana, 'Hana'],
		[bo, 'Bo']
	]);
	// Monday 14 December: the host and Bo only.
	const second = await meeting(room, '2026-12-14', [
		[host, 'Ada'],
		[bo, 'Bo']
	]);
	const items = async (browser: TestBrowser = host) => (await listItems(ctx, room, browser)).items;
	const byText = async (start: string) => (await items()).find((i) => i.text.startsWith(start))!;

	it('creates the first meeting’s items with their due dates resolved against the meeting’s day, each announced once', async () => {
		await storeInsights(first, [
			said('Send the contract to Acme', 'Hana', 'Friday', 12, 'Hana'),
			said('Update the sales dashboard', 'Bo', null, 30, 'Bo'),
			said('Book the large meeting room', null, 'tomorrow', 45)
		]);
		expect(await syncSessionItems(app, first)).toEqual({ 'item.created': 3, 'item.recurred': 0, 'item.updated': 0 });
		const all = await items();
		expect(all.map((i) => [i.text, i.owner, i.dueText, i.dueDate, i.status])).toEqual([
			['Send the contract to Acme', 'Hana', 'Friday', '2026-12-11', 'open'],
			['Update the sales dashboard', 'Bo', null, null, 'open'],
			['Book the large meeting room', null, 'tomorrow', '2026-12-08', 'open']
		]);
		expect(all[0].mentions).toEqual([{ sessionId: first, meetingStartedAt: '2026-12-07T09:00:00.000Z', at: 12, speaker: 'Hana', ref: 'Hana:0:12', kind: 'line' }]);
		expect(await deliveries(room)).toEqual(['item.created', 'item.created', 'item.created']);
		expect(queued.filter((j) => j.name === 'webhook.deliver')).toHaveLength(3);
	});

	it('a re-sync of the same insights changes and announces nothing', async () => {
		expect(await syncSessionItems(app, first)).toEqual({ 'item.created': 0, 'item.recurred': 0, 'item.updated': 0 });
		expect(await items()).toHaveLength(3);
		expect(await mentionCount(first)).toBe(3);
		expect(await deliveries(room)).toHaveLength(3);
	});

	it('items said again in the next meeting recur: merged, a second mention, the new due date taken; a done item stays done', async () => {
		const booking = await byText('Book the large');
		expect(await editItem(app, room, host, booking.id, { status: 'done' })).toMatchObject({ status: 'done' });
		await storeInsights(second, [
			said('Hana sends the signed contract to ACME', 'hana', 'next Tuesday', 5),
			said('Book the large meeting room', null, null, 20),
			said('Call the printer', 'Bo', 'end of March', 40, 'Bo')
		]);
		expect(await syncSessionItems(app, second)).toEqual({ 'item.created': 1, 'item.recurred': 2, 'item.updated': 0 });

		const contract = await byText('Send the contract');
		expect(contract).toMatchObject({ owner: 'Hana', dueText: 'next Tuesday', dueDate: '2026-12-22', status: 'open' });
		expect(contract.mentions.map((m) => m.sessionId)).toEqual([first, second]);
		expect(await byText('Book the large')).toMatchObject({ status: 'done' });
		expect(await byText('Call the printer')).toMatchObject({ dueDate: '2027-03-31' });
		expect(await items()).toHaveLength(4);
	});

	it('insights written again replace the meeting’s mentions: an item only it said and no longer says is gone', async () => {
		await storeInsights(second, [said('Send the signed contract to Acme', 'Hana', 'next Tuesday', 6)]);
		expect(await syncSessionItems(app, second)).toEqual({ 'item.created': 0, 'item.recurred': 0, 'item.updated': 0 });
		expect(await mentionCount(second)).toBe(1);
		expect((await items()).map((i) => i.text)).toEqual(['Send the contract to Acme', 'Update the sales dashboard', 'Book the large meeting room']);
		expect((await byText('Book the large')).mentions.map((m) => m.sessionId)).toEqual([first]);
	});

	it('the host and the owner who was there may edit; another guest may not, and a stranger sees nothing', async () => {
		const contract = await byText('Send the contract');
		expect(await editItem(app, room, hana, contract.id, { status: 'done' })).toMatchObject({ status: 'done', mayEdit: true });
		expect(await editItem(app, room, bo, contract.id, { status: 'open' })).toEqual({ ok: false, reason: 'not_item_editor' });
		expect(await editItem(app, room, stranger, contract.id, { status: 'open' })).toEqual({ ok: false, reason: 'no_such_item' });
		expect(await editItem(app, room, host, contract.id, { owner: 'Bo', dueText: 'Friday', dueDate: '2026-12-18' })).toMatchObject({ owner: 'Bo', dueDate: '2026-12-18', status: 'done' });
		// Bo now owns it and was in both meetings that said it, as Bo.
		expect(await editItem(app, room, bo, contract.id, { status: 'open' })).toMatchObject({ status: 'open' });
		expect(await editItem(app, room, hana, contract.id, { status: 'done' })).toEqual({ ok: false, reason: 'not_item_editor' });

		expect((await items(hana)).map((i) => [i.text, i.mayEdit])).toEqual([
			['Send the contract to Acme', false],
			['Update the sales dashboard', false],
			['Book the large meeting room', false]
		]);
		expect(await items(stranger)).toEqual([]);
		expect(await deliveries(room)).toEqual([...Array(2).fill('item.recurred'), ...Array(4).fill('item.created'), ...Array(4).fill('item.updated')].sort());
	});

	it('exports what a parser reads back: CSV with formula cells defused, iCalendar VTODOs with their due days', async () => {
		await storeInsights(first, [
			said('Send the contract to Acme', 'Hana', 'Friday', 12, 'Hana'),
			said('Update the sales dashboard', 'Bo', null, 30, 'Bo'),
			said('Book the large meeting room', null, 'tomorrow', 45),
			said('=HYPERLINK("http://evil") "quoted", and more', 'Bo', 'Friday', 50, 'Bo')
		]);
		await syncSessionItems(app, first);

		const csv = await itemsFile(ctx, room, host, 'csv', 'stoom.test');
		if ('ok' in csv) throw new Error(csv.reason);
		expect(csv.contentType).toBe('text/csv; charset=utf-8');
		const rows: Record<string, string>[] = parseCsv(csv.body, { columns: true });
		const evil = rows.find((r) => r.text.includes('HYPERLINK'))!;
		expect(evil).toMatchObject({ text: `'=HYPERLINK("http://evil") "quoted", and more`, owner: 'Bo', due_date: '2026-12-11', status: 'open' });
		expect(rows.map((r) => r.id).sort()).toEqual((await items()).map((i) => i.id).sort());

		const ics = await itemsFile(ctx, room, host, 'ics', 'stoom.test');
		if ('ok' in ics) throw new Error(ics.reason);
		const calendar = new ICAL.Component(ICAL.parse(ics.body));
		const todos = calendar.getAllSubcomponents('vtodo');
		const all = await items();
		expect(todos).toHaveLength(all.length);
		const todo = todos.find((t) => t.getFirstPropertyValue('summary') === evil.text.slice(1))!;
		expect(todo.getFirstPropertyValue('uid')).toBe(`${evil.id}@stoom.test`);
		expect(String(todo.getFirstPropertyValue('due'))).toBe('2026-12-11');
		expect(todo.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
		const booking = todos.find((t) => t.getFirstPropertyValue('summary') === 'Book the large meeting room')!;
		expect(booking.getFirstPropertyValue('status')).toBe('COMPLETED');
		for (const line of ics.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

		const md = await itemsFile(ctx, room, host, 'md', 'stoom.test');
		if ('ok' in md) throw new Error(md.reason);
		expect(md.body).toContain('- [x] Book the large meeting room');
		expect(await itemsFile(ctx, room, host, 'xlsx', 'stoom.test')).toEqual({ ok: false, reason: 'unknown_format' });
	});
});
