import type { ChatMessage } from '../../chat/message';
import type { TranscriptLine } from '../../transcript/types';
import { packInOrder } from './pack-in-order';

/** One thing said or written in the meeting, with the short id the model cites it by. */
export interface MaterialEntry {
	/** `T7` (the 7th transcript line) or `C2` (the 2nd chat message). */
	id: string;
	kind: 'line' | 'chat';
	/** The line's segmentId, or the chat message's sequence. */
	ref: string;
	/** Seconds on the recording's clock (chat before the recording started is at 0). */
	at: number;
	speaker: string;
	text: string;
}

export interface Material {
	entries: MaterialEntry[];
	/** Everyone who took part, by the names the transcript and chat use. */
	participants: string[];
}

/**
 * The meeting as the model reads it: transcript lines and chat messages in time order, each
 * with a short id. Short ids ("T12") are what small models cite reliably; the server maps
 * them back to segment ids and checks each one exists.
 */
export function buildMaterial(
	transcript: TranscriptLine[],
	chat: ChatMessage[],
	recordingStartMs: number,
	participantNames: string[] = []
): Material {
	const lines: MaterialEntry[] = transcript.map((line, i) => ({
		id: `T${i + 1}`,
		kind: 'line',
		ref: line.segmentId ?? String(i),
		at: line.timestamp,
		speaker: line.speaker,
		text: line.text
	}));
	const messages: MaterialEntry[] = chat.map((m, i) => ({
		id: `C${i + 1}`,
		kind: 'chat',
		ref: String(m.seq),
		at: Math.max(0, Math.round((Date.parse(m.sentAt) - recordingStartMs) / 10) / 100),
		speaker: m.senderName,
		text: m.text
	}));
	const entries = [...lines, ...messages].sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'line' ? -1 : 1));
	const participants = [...new Set([...participantNames, ...entries.map((e) => e.speaker)].map((n) => n.trim()).filter(Boolean))];
	return { entries, participants };
}

/** `[T12 03:41] Ada Lovelace: text`, chat marked as such: the prompt's lines. */
export function renderEntry(e: MaterialEntry): string {
	const text = e.text.replace(/\s+/g, ' ').trim();
	return `[${e.id} ${clock(e.at)}] ${e.speaker}${e.kind === 'chat' ? ' (chat)' : ''}: ${text}`;
}

export function renderEntries(entries: MaterialEntry[]): string {
	return entries.map(renderEntry).join('\n');
}

/** A cautious token count for budgeting (English runs near 4 characters a token; we assume 3). */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 3);
}

/**
 * Splits the meeting by time into consecutive parts whose rendered lines each fit the
 * budget. Every entry lands in exactly one part; a single entry larger than the budget is a
 * part of its own.
 */
export function splitByTime(entries: MaterialEntry[], budgetTokens: number): MaterialEntry[][] {
	// +1: the newline that joins each rendered line to the next.
	return packInOrder(entries, (entry) => estimateTokens(renderEntry(entry)) + 1, budgetTokens);
}

function clock(seconds: number): string {
	const s = Math.floor(seconds);
	const hours = Math.floor(s / 3600);
	const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
	const ss = String(s % 60).padStart(2, '0');
	return hours ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
