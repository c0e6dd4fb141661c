import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { wordErrorRate } from '../support/wer.ts';
import { tileOf } from '../e2e/support';
import { cluster, nodeOf } from './cluster';
import { recordedMeeting } from './recording';

test.afterEach(() => cluster('start'));

const BEFORE = 'Please send the quarterly report to Maria before Friday.';
const AFTER = 'We will meet again next Tuesday at ten in the morning.';

test('a recording across the death of its media node yields one transcript with both halves and the lost audio marked between them', async ({ browser, baseURL }) => {
	test.setTimeout(300_000);
	const meeting = await recordedMeeting(browser, baseURL!);
	await meeting.say(BEFORE);

	const botTrack = meeting.bot.micTrackSid();
	cluster('kill', nodeOf(meeting.code));
	// Both are back on the other node (the bot's SDK reconnects as the browser's does, and
	// republishes its microphone under a new sid: the tile alone may be the dead node's ghost).
	await expect.poll(() => { try { return nodeOf(meeting.code); } catch { return 'none'; } }, { timeout: 30_000 }).not.toBe('none');
	await expect.poll(() => meeting.bot.micTrackSid() ?? botTrack, { timeout: 45_000 }).not.toBe(botTrack);
	await expect(tileOf(meeting.host.page, 'Speech Bot')).toBeVisible({ timeout: 30_000 });
	await meeting.host.page.waitForTimeout(10_000); // the recorder takes up the republished tracks
	await meeting.say(AFTER);

	const { text } = await meeting.stopAndRead(2);
	expect(wordErrorRate(`${BEFORE} ${AFTER}`, text)).toBeLessThanOrEqual(0.25);
	// The gap sits between the sentence before the kill and the one after, and says why.
	const panel = meeting.host.page.getByTestId('transcript-panel');
	await expect(panel.getByTestId('transcript-gap')).toHaveCount(1);
	await expect(panel.getByTestId('transcript-gap')).toContainText('the meeting moved to another media server');
	const order = await panel.getByTestId(/^transcript-(line|gap)$/).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
	expect(order.indexOf('transcript-gap')).toBeGreaterThan(0);
	expect(order.indexOf('transcript-gap')).toBeLessThan(order.length - 1);
	await meeting.close();
});

test('when the Egress worker recording a speaker is killed, the recording goes on in a new segment and the transcript has both halves', async ({ browser, baseURL }) => {
	test.setTimeout(300_000);
	const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await db.connect();
	const meeting = await recordedMeeting(browser, baseURL!);
	const botTrack = async () =>
		(
			await db.query<{ egress_id: string | null; status: string; segment: number; track_sid: string }>(
				`SELECT r.egress_id, r.status, r.segment, r.track_sid FROM recordings r JOIN recording_runs run ON run.id = r.run_id JOIN rooms ON rooms.id = run.room_id
				 WHERE rooms.code = $1 AND r.speaker_name = 'Speech Bot' AND r.kind = 'track' ORDER BY r.segment DESC, r.created_at DESC LIMIT 1`,
				[meeting.code]
			)
		).rows[0];
	await expect.poll(async () => (await botTrack())?.status, { timeout: 30_000 }).toBe('active');
	await meeting.say(BEFORE);

	const first = (await botTrack())!;
	cluster('kill', workerOf(first.egress_id!));
	// The reconciliation finds the recorder gone and records the same track again, in segment 2.
	await expect.poll(async () => { const t = await botTrack(); return t && t.segment > 1 && t.track_sid === first.track_sid ? t.status : null; }, { timeout: 90_000 }).toBe('active');
	await meeting.say(AFTER);

	const { text } = await meeting.stopAndRead(2);
	expect(wordErrorRate(`${BEFORE} ${AFTER}`, text)).toBeLessThanOrEqual(0.25);
	await db.end();
	await meeting.close();
});

/** The Egress worker that took an egress: the one whose log names it. */
function workerOf(egressId: string): 'egress-1' | 'egress-2' {
	for (const worker of ['egress-1', 'egress-2'] as const) {
		if (readFileSync(`.data/log/cluster-test/${worker}.log`, 'utf8').includes(`"egressID": "${egressId}"`)) return worker;
	}
	throw new Error(`no Egress worker logged ${egressId}`);
}
