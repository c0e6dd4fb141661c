import { describe, expect, it } from 'vitest';
import type { LiveSegment } from '../db/schema';
import type { InsightsEngine, StructuredRequest } from '../insights/engines/engine';
import { verifyInsights } from '../insights/verify-insights';
import { entriesAfter, liveMaterial, notesThrough } from './live-material';

const T0 = Date.parse('2026-12-06T10:00:00.000Z');
let nextId = 1;
const seg = (segmentId: string, who: string, startS: number): LiveSegment => ({
	id: String(nextId++),
	session_id: 's',
	segment_id: segmentId,
	participant_identity: who,
	speaker_name: who,
	track_sid: `TR_${who}`,
	text: `${who} says ${segmentId}`,
	language: 'en',
	started_at: new Date(T0 + startS * 1000),
	ended_at: new Date(T0 + startS * 1000 + 1500),
	created_at: new Date()
});
const chat = (seq: number, atS: number) => ({ seq, senderIdentity: 'bo', senderName: 'Bo', text: `message ${seq}`, sentAt: new Date(T0 + atS * 1000).toISOString() });

/** Writes one key point citing every id it was shown (notes), or every citation it was given (combine). */
function echoEngine(): InsightsEngine & { requests: StructuredRequest[] } {
	const requests: StructuredRequest[] = [];
	return {
		name: 'openai-compatible',
		model: 'echo',
		contextTokens: 100_000,
		requests,
		async generate(request) {
			requests.push(request);
			const ids = [...new Set([...request.prompt.matchAll(/\b([TC]\d+)\b/g)].map((m) => m[1]!))];
			const combining = request.system.includes('Combine');
			return {
				json: { summary: combining ? 'combined' : `notes on ${ids.join(' ')}`, keyPoints: [{ text: `covers ${ids.join(',')}`, citations: ids }], decisions: [], actionItems: [], openQuestions: [] },
				usage: { inputTokens: 10, outputTokens: 5 }
			};
		}
	};
}
const options = { maxOutputTokens: 500, language: 'English' };

describe('liveMaterial', () => {
	it('numbers lines in arrival order: an id means the same line whatever arrives later', () => {
		const early = [seg('b', 'bo', 20), seg('a', 'ada', 5)];
		const later = [...early, seg('c', 'ada', 1)]; // said first, arrived last
		const ref = (m: ReturnType<typeof liveMaterial>, id: string) => m.entries.find((e) => e.id === id)?.ref;
		const before = liveMaterial(early, [], T0, []);
		const after = liveMaterial(later, [], T0, []);
		expect([ref(before, 'T1'), ref(before, 'T2')]).toEqual(['b', 'a']);
		expect([ref(after, 'T1'), ref(after, 'T2'), ref(after, 'T3')]).toEqual(['b', 'a', 'c']);
		expect(after.entries.map((e) => e.ref)).toEqual(['c', 'a', 'b']); // the prompt reads them in time order
	});
});

describe('entriesAfter', () => {
	const material = liveMaterial([seg('a', 'ada', 1), seg('b', 'bo', 2), seg('c', 'ada', 3)], [chat(41, 1.5), chat(57, 2.5)], T0, []);
	it.each<[string, number, number, string[]]>([
		['nothing covered yet', 0, 0, ['T1', 'C1', 'T2', 'C2', 'T3']],
		['two lines and a message covered', 2, 1, ['C2', 'T3']],
		['everything covered', 3, 2, []]
	])('%s', (_name, lines, chatUpto, expected) => {
		expect(entriesAfter(material, lines, chatUpto).map((e) => e.id)).toEqual(expected);
	});
});

describe('notesThrough', () => {
	it('first notes: one request over every line', async () => {
		const engine = echoEngine();
		const material = liveMaterial([seg('a', 'ada', 1), seg('b', 'bo', 2)], [], T0, []);
		const notes = await notesThrough(engine, material, null, options);
		expect(engine.requests).toHaveLength(1);
		expect(notes?.summary.keyPoints[0]?.citations).toEqual(['T1', 'T2']);
	});

	it('a refresh reads only the new lines, then combines with the notes so far', async () => {
		const engine = echoEngine();
		const segments = [seg('a', 'ada', 1), seg('b', 'bo', 2), seg('c', 'ada', 200), seg('d', 'bo', 203)];
		const material = liveMaterial(segments, [], T0, []);
		const previous = { summary: { summary: 'so far', keyPoints: [{ text: 'early', citations: ['T1', 'T2'], owner: null, due: null }], decisions: [], actionItems: [], openQuestions: [] }, linesUpto: 2, chatUpto: 0 };
		const notes = await notesThrough(engine, material, previous, options);
		expect(engine.requests).toHaveLength(2);
		expect(engine.requests[0]!.prompt).not.toMatch(/\bT[12]\b/);
		expect(engine.requests[0]!.prompt).toMatch(/\[T3 03:20\][\s\S]*\[T4 03:23\]/);
		expect(engine.requests[1]!.system).toContain('Combine');
		expect(engine.requests[1]!.prompt).toContain('"early"');
		// The combined notes cite old and new lines, and every id resolves to its segment.
		const verified = verifyInsights(notes!.summary, material);
		expect(verified.insights.keyPoints[0]!.citations.map((c) => c.ref)).toEqual(['a', 'b', 'c', 'd']);
		expect(notes!.usage.requests).toBe(2);
	});

	it("at Stop ('lists'): one request on the new lines, its notes set beside the notes so far", async () => {
		const engine = echoEngine();
		const material = liveMaterial([seg('a', 'ada', 1), seg('b', 'bo', 200)], [], T0, []);
		const previous = { summary: { summary: 'so far', keyPoints: [{ text: 'early', citations: ['T1'], owner: null, due: null }], decisions: [], actionItems: [], openQuestions: [] }, linesUpto: 1, chatUpto: 0 };
		const notes = await notesThrough(engine, material, previous, { ...options, combine: 'lists' });
		expect(engine.requests).toHaveLength(1);
		expect(notes!.summary.summary).toBe('so far notes on T2');
		expect(notes!.summary.keyPoints.map((k) => k.citations)).toEqual([['T1'], ['T2']]);
	});

	it('nothing new: the notes so far, no request', async () => {
		const engine = echoEngine();
		const material = liveMaterial([seg('a', 'ada', 1)], [], T0, []);
		const summary = { summary: 'so far', keyPoints: [], decisions: [], actionItems: [], openQuestions: [] };
		expect(await notesThrough(engine, material, { summary, linesUpto: 1, chatUpto: 0 }, options)).toMatchObject({ part: null, summary });
		expect(await notesThrough(engine, liveMaterial([], [], T0, []), null, options)).toBeNull();
		expect(engine.requests).toHaveLength(0);
	});
});
