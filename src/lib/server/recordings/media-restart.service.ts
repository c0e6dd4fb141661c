import { FAILOVER_LOOKBACK_MS, failoverGap } from '../../records/recording-gaps';
import type { Db } from '../db';
import type { Recording, Room } from '../db/schema';
import { findOpenSession } from '../meetings/session.repository';
import { lastSoundBefore } from './last-sound';
import { insertMediaRestart, runMediaRestarts, setMediaGap } from './media-restart.repository';
import { findLiveRun } from './recording.repository';

/**
 * LiveKit started a room that a live recording already records in: the same LiveKit room
 * (same sid) re-created on another node because its node died. Noted, so the transcript can
 * mark the audio lost (the recorders of the dead node go on writing silence, so the files
 * alone do not show it). True when noted.
 */
export async function noteRoomStarted(db: Db, room: Room, livekitSid: string | undefined, at: Date): Promise<boolean> {
	const run = await findLiveRun(db, room.id);
	if (!run || !livekitSid) return false;
	const session = await findOpenSession(db, room.id);
	if (!session || session.id !== run.session_id || session.livekit_room_sid !== livekitSid) return false;
	await insertMediaRestart(db, run.id, at);
	return true;
}

/**
 * Works out, once the run's recorders have all ended, how much audio each restart cost (see
 * failoverGap): the last sound the microphone recordings heard before it, the first of them
 * writing again after it.
 */
export async function settleMediaRestarts(db: Db, runId: string, recordings: readonly Recording[]): Promise<void> {
	const mics = recordings.filter((r) => r.kind === 'track' && r.started_at);
	for (const restart of await runMediaRestarts(db, runId)) {
		if (restart.gap_start) continue;
		const restartedAtMs = restart.restarted_at.getTime();
		const before = mics.filter((r) => r.started_at!.getTime() < restartedAtMs && (!r.ended_at || r.ended_at.getTime() > restartedAtMs - FAILOVER_LOOKBACK_MS));
		const lastSoundMs = await Promise.all(before.map((r) => lastSoundBefore(r.file_path, r.started_at!.getTime(), restartedAtMs, FAILOVER_LOOKBACK_MS)));
		const resumedMs = mics.map((r) => r.started_at!.getTime()).filter((t) => t >= restartedAtMs);
		const gap = failoverGap({ restartedAtMs, lastSoundMs, resumedMs });
		await setMediaGap(db, restart.id, { gap_start: new Date(gap.startMs), gap_end: new Date(gap.endMs) });
	}
}
