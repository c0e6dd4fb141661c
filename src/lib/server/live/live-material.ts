import type { ChatMessage } from '../../chat/message';
import { liveTranscriptLine, type LiveSegmentFacts } from '../../transcript/live';
import type { TranscriptLine } from '../../transcript/types';
import type { ChatMessageRow, LiveSegment } from '../db/schema';
import type { InsightsEngine } from '../insights/engines/engine';
import type { RawInsights } from '../insights/insights-schema';
import { buildMaterial, type Material, type MaterialEntry } from '../insights/material';
import { combineNotes, mergeLists, writeInsights, type WriteOptions, type Written } from '../insights/write-insights';

/** What the server keeps of a final, as the pure rules read it. */
export function segmentFacts(s: LiveSegment): LiveSegmentFacts {
	return {
		segmentId: s.segment_id,
		participantIdentity: s.participant_identity,
		speakerName: s.speaker_name,
		text: s.text,
		startedAtMs: s.started_at.getTime(),
		endedAtMs: s.ended_at.getTime()
	};
}

export function chatOf(rows: ChatMessageRow[]): ChatMessage[] {
	return rows.map((r) => ({ seq: Number(r.id), senderIdentity: r.sender_identity, senderName: r.sender_name, text: r.text, sentAt: r.created_at.toISOString() }));
}

/**
 * The live meeting as the insights engine reads it, on the clock that starts at `originMs`.
 * The lines go in ARRIVAL order, so `T7` is the 7th final kept (and `C2` the 2nd chat
 * message) whatever is added later: a note written three minutes ago cites the same ids as
 * the material built now.
 */
export function liveMaterial(segments: LiveSegment[], chat: ChatMessage[], originMs: number, participants: string[]): Material {
	const lines: TranscriptLine[] = segments.map((s) => liveTranscriptLine(segmentFacts(s), originMs));
	return buildMaterial(lines, chat, originMs, participants);
}

/** The entries after the first `linesUpto` lines and `chatUpto` messages: what the notes do not cover yet. */
export function entriesAfter(material: Material, linesUpto: number, chatUpto: number): MaterialEntry[] {
	return material.entries.filter((e) => Number(e.id.slice(1)) > (e.kind === 'line' ? linesUpto : chatUpto));
}

export interface NotesSoFar {
	/** The notes on the new entries alone (null: there were none). */
	part: RawInsights | null;
	/** The notes on the whole meeting so far. */
	summary: RawInsights;
	usage: Written['usage'];
}

/**
 * The incremental step: notes on the entries the previous summary does not cover, combined
 * with it. Only the new part is read by the model; the earlier parts are its notes. `combine`:
 * 'model' asks the engine to merge the two sets (the background refreshes); 'lists' puts them
 * side by side without another request (the record at Stop, where only time counts).
 */
export async function notesThrough(
	engine: InsightsEngine,
	material: Material,
	previous: { summary: RawInsights; linesUpto: number; chatUpto: number } | null,
	options: WriteOptions & { combine?: 'model' | 'lists' }
): Promise<NotesSoFar | null> {
	const fresh = entriesAfter(material, previous?.linesUpto ?? 0, previous?.chatUpto ?? 0);
	const usage = { inputTokens: 0, outputTokens: 0, requests: 0, parts: 0 };
	if (!fresh.length) return previous ? { part: null, summary: previous.summary, usage } : null;
	const part = await writeInsights(engine, { entries: fresh, participants: material.participants }, options);
	const combined = !previous
		? { raw: part.raw, usage: { ...usage } }
		: options.combine === 'lists'
			? { raw: mergeLists([previous.summary, part.raw]), usage: { ...usage } }
			: await combineNotes(engine, [previous.summary, part.raw], material.participants, options);
	const add = (key: keyof typeof usage) => part.usage[key] + combined.usage[key];
	return { part: part.raw, summary: combined.raw, usage: { inputTokens: add('inputTokens'), outputTokens: add('outputTokens'), requests: add('requests'), parts: part.usage.parts } };
}
