import { ServerError, type ParticipantInfo, type RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '../db';
import type { Room } from '../db/schema';
import { findRoomByCode } from '../rooms/room.repository';
import { env } from '../env';
import { livekitAgents } from '../livekit/clients';
import { isStandardParticipant } from '../livekit/participant-kind';
import { epochMs, transcriberStep, type DispatchState } from './transcriber-rules';

/** The agent name the transcriber workers register with (infra/transcriber/transcriber.py). */
export const TRANSCRIBER_AGENT = 'stoom-transcriber';
/** ParticipantInfo.Kind AGENT (the SDK does not export the enum). */
const AGENT_KIND = 4;
/** JobStatus JS_PENDING and JS_RUNNING: a job that has not ended. */
const ACTIVE_JOB = new Set([0, 1]);

/** Whether a LiveKit participant is a transcriber (as opposed to a person, a recorder or another agent). */
export function isTranscriber(p: Pick<ParticipantInfo, 'kind' | 'attributes'>): boolean {
	return p.kind === AGENT_KIND && p.attributes?.['lk.agent_name'] === TRANSCRIBER_AGENT;
}

/**
 * Brings the meeting's transcriber in line with the room: dispatched while live captions are on
 * and people are in the call, dispatched again when it is gone (its worker died or its job
 * failed), removed when captions are turned off. Idempotent; called on joins, on a transcriber's
 * departure, on the captions switch and by the reconciliation poll (which passes the room's
 * participants it has just listed). Answers whether a transcriber was in the room.
 */
export async function ensureTranscriber(livekit: RoomServiceClient, room: Pick<Room, 'code' | 'captions'>, listed?: ParticipantInfo[]): Promise<boolean> {
	const agents = livekitAgents();
	const [participants, dispatches] = await Promise.all([
		listed ?? livekit.listParticipants(room.code).catch(emptyIfGone),
		agents.listDispatch(room.code).catch(emptyIfGone)
	]);
	const ours = dispatches.filter((d) => d.agentName === TRANSCRIBER_AGENT);
	const now = Date.now();
	const step = transcriberStep({
		captionsOn: room.captions,
		people: participants.filter(isStandardParticipant).length,
		transcribers: participants.filter(isTranscriber).map((p) => p.identity),
		dispatches: ours.map(
			(d): DispatchState => ({
				id: d.id,
				ageMs: d.state?.createdAt ? now - epochMs(d.state.createdAt) : Number.POSITIVE_INFINITY,
				jobs: d.state?.jobs.length ?? 0,
				activeJobs: d.state?.jobs.filter((j) => ACTIVE_JOB.has(j.state?.status ?? 0)).length ?? 0
			})
		)
	});
	const present = participants.some(isTranscriber);
	if (step.kind === 'none') return present;
	if (step.kind === 'remove') {
		await Promise.all([
			...step.dispatches.map((id) => agents.deleteDispatch(id, room.code).catch(ignoreGone)),
			...step.transcribers.map((identity) => livekit.removeParticipant(room.code, identity).catch(ignoreGone))
		]);
		return present;
	}
	console.info(`captions: dispatching the transcriber to ${room.code}${step.replacing.length ? ` (replacing ${step.replacing.join(', ')}: no transcriber came)` : ''}; in the room: ${participants.map((p) => `${p.identity}/${p.kind}`).join(' ') || 'nobody'}`);
	await Promise.all(step.replacing.map((id) => agents.deleteDispatch(id, room.code).catch(ignoreGone)));
	await agents.createDispatch(room.code, TRANSCRIBER_AGENT, { metadata: JSON.stringify({ callback: callbackUrl() }) });
	return present;
}

/**
 * ensureTranscriber now and, unless a transcriber was already there (the usual join), twice more
 * shortly after: a transcriber's job is marked ended a moment after it leaves, and a dispatch's
 * worker takes a few seconds to come in.
 */
export async function superviseTranscriber(ctx: { livekit: RoomServiceClient; db: Db }, room: Pick<Room, 'code' | 'captions'>): Promise<void> {
	if (await ensureTranscriber(ctx.livekit, room)) return;
	const again = async () => {
		const current = await findRoomByCode(ctx.db, room.code);
		if (current) await ensureTranscriber(ctx.livekit, current);
	};
	for (const delay of [2_000, 6_000]) {
		setTimeout(() => void again().catch((err: unknown) => console.error(`transcriber of ${room.code}:`, err)), delay).unref();
	}
}

/** Where the transcriber posts the finals it makes: this app, as the transcriber reaches it. */
export function callbackUrl(): string {
	return env().TRANSCRIBER_CALLBACK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

function emptyIfGone(err: unknown): never[] {
	if (isGone(err)) return [];
	throw err;
}

function ignoreGone(err: unknown): void {
	if (!isGone(err)) throw err;
}

/**
 * The room is not on LiveKit (any more): not found, or no node answers for it (what LiveKit says
 * for a room that just closed). Seen as empty, that asks for nothing to be dispatched.
 */
function isGone(err: unknown): boolean {
	return (err instanceof ServerError && err.status === 404) || /not found|does not exist|no response from servers/i.test(String((err as Error)?.message));
}
