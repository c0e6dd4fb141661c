import { afterAll, describe, expect, it } from 'vitest';
import { endSession } from '../../src/lib/server/access/meeting-session.service';
import { findPass } from '../../src/lib/server/access/pass.repository';
import { countSeated, markAdmitted, tokenFacts } from '../../src/lib/server/access/seat.repository';
import { findParticipant, updateParticipant } from '../../src/lib/server/rooms/participant.repository';
import { takeLock } from '../../src/lib/server/screen-share/screen-share.repository';
import { joined, newBrowser, newRoom, testContext } from './support';

const ctx = testContext();
afterAll(() => ctx.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A room whose meeting has one person in each seat state, Ada presenting. */
async function roomOfFive() {
	const { room } = await newRoom(ctx);
	const [ada, bo, cy, di, ed] = await Promise.all(['Ada', 'Bo', 'Cy', 'Di', 'Ed'].map((name) => joined(ctx, room, newBrowser(), name)));
	const old = minutesAgo(5);
	await updateParticipant(ctx.db, ada!.participant.id, { joined_at: old, admitted_at: old }); // connected
	await updateParticipant(ctx.db, bo!.participant.id, { admitted_at: new Date() }); // token just minted, not connected yet
	await updateParticipant(ctx.db, cy!.participant.id, { joined_at: old, left_at: minutesAgo(1), admitted_at: old }); // left
	await updateParticipant(ctx.db, di!.participant.id, { joined_at: old, admitted_at: old, removed_at: minutesAgo(1) }); // removed
	await updateParticipant(ctx.db, ed!.participant.id, { admitted_at: minutesAgo(2) }); // minted long ago, never came
	await takeLock(ctx.db, room.id, ada!.participant.id);
	return { room, people: { ada: ada!, bo: bo!, cy: cy!, di: di!, ed: ed! } };
}

describe('tokenFacts (one read under the room lock)', () => {
	it('counts the seats the others hold exactly as countSeated does, for each person, and names the presenter', async () => {
		const { room, people } = await roomOfFive();
		for (const [name, { participant }] of Object.entries(people)) {
			const facts = await tokenFacts(ctx.db, room.id, participant.id);
			expect(facts.openSessionId, name).toBe(participant.session_id);
			expect(facts.seated, name).toBe(await countSeated(ctx.db, participant.session_id!, participant.id));
			expect(facts.participant, name).toEqual(await findParticipant(ctx.db, participant.id));
			expect(facts.lockHolderId, name).toBe(people.ada.participant.id);
		}
		// Ada and Bo hold seats: each sees the other one; Cy (left) sees both.
		expect((await tokenFacts(ctx.db, room.id, people.ada.participant.id)).seated).toBe(1);
		expect((await tokenFacts(ctx.db, room.id, people.cy.participant.id)).seated).toBe(2);
	});

	it('has no open session and no seats once the meeting ended, and no participant for an unknown id', async () => {
		const { room, people } = await roomOfFive();
		await endSession(ctx.db, people.ada.participant.session_id!);
		const facts = await tokenFacts(ctx.db, room.id, people.bo.participant.id);
		expect(facts).toMatchObject({ openSessionId: null, seated: 0 });
		expect(facts.participant?.id).toBe(people.bo.participant.id);
		const unknown = await tokenFacts(ctx.db, room.id, '00000000-0000-0000-0000-000000000000');
		expect(unknown.participant).toBeUndefined();
	});

	it('markAdmitted holds the seat from now and moves the pass on, never a revoked pass', async () => {
		const { people } = await roomOfFive();
		const later = new Date(Date.now() + 3_600_000 * 20);
		const hostSession = (await ctx.db.selectFrom('host_sessions').select('id').where('room_id', '=', people.ed.participant.room_id).executeTakeFirstOrThrow()).id;
		await markAdmitted(ctx.db, people.ed.participant.id, hostSession, people.ed.pass.id, later);
		const ed = await findParticipant(ctx.db, people.ed.participant.id);
		expect(ed!.admitted_at!.getTime()).toBeGreaterThan(Date.now() - 5_000);
		expect((await findPass(ctx.db, people.ed.pass.id))!).toMatchObject({ expires_at: later, host_session_id: hostSession });

		await ctx.db.updateTable('join_passes').set({ revoked_at: new Date(), revoked_reason: 'removed' }).where('id', '=', people.di.pass.id).execute();
		const before = (await findPass(ctx.db, people.di.pass.id))!.expires_at;
		await markAdmitted(ctx.db, people.di.participant.id, null, people.di.pass.id, later);
		expect((await findPass(ctx.db, people.di.pass.id))!.expires_at).toEqual(before);
	});
});
