import { afterAll, describe, expect, it } from 'vitest';
import { requestExport } from '../../src/lib/server/exports/export.service';
import { findOpenSession } from '../../src/lib/server/meetings/session.repository';
import { joined, newRoom, testContext } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

describe('the composite export', () => {
	it('is made once however many ask at the same moment (a unique index decides, not a check)', async () => {
		const { room, host } = await newRoom(ctx);
		await joined(ctx, room, host, 'Hana');
		const session = (await findOpenSession(ctx.db, room.id))!;
		const queued: unknown[] = [];
		const jobs = { enqueue: async (_name: string, data: unknown) => void queued.push(data) };
		const answers = await Promise.all(Array.from({ length: 12 }, () => requestExport({ db: ctx.db, jobs }, session)));
		expect(new Set(answers.map((a) => a.id)).size).toBe(1);
		expect(queued).toEqual([{ exportId: answers[0]!.id }]);
		const rows = await ctx.db.selectFrom('recording_exports').select('id').where('session_id', '=', session.id).execute();
		expect(rows).toHaveLength(1);

		// A failed export may be asked for again: a new one.
		await ctx.db.updateTable('recording_exports').set({ status: 'failed' }).where('id', '=', answers[0]!.id).execute();
		const again = await requestExport({ db: ctx.db, jobs }, session);
		expect(again.id).not.toBe(answers[0]!.id);
		expect(queued).toHaveLength(2);
	});
});
