import { describe, expect, it } from 'vitest';
import { env } from '../../src/lib/server/env';
import { EngineUnavailableError } from '../../src/lib/server/insights/engines/engine-errors';
import { createOpenAiCompatibleEngine } from '../../src/lib/server/insights/engines/openai-compatible';
import { selectEngine } from '../../src/lib/server/insights/engines/select-engine';
import { INSIGHTS_SCHEMA, rawInsights } from '../../src/lib/server/insights/insights-schema';
import { buildMaterial } from '../../src/lib/server/insights/material';
import { verifyInsights } from '../../src/lib/server/insights/verify-insights';
import { writeInsights } from '../../src/lib/server/insights/write-insights';

// The OpenAI-compatible engine against the real local engine ./stoom runs (llama.cpp's
// server with the model infra/llm installs): schema-valid insights whose every surviving
// citation names a real line.
const line = (speaker: string, text: string, timestamp: number, i: number) => ({ speaker, text, timestamp, isActive: false, participantIdentity: `p_${i}`, segmentId: `seg-${i}` });
const transcript = [
	line('Ada Lovelace', 'Good morning. Today we decide the launch date for the new app.', 2, 0),
	line('Bo Chen', 'The crash on older phones is fixed, so I think we can launch on March 10.', 9, 1),
	line('Ada Lovelace', 'Agreed, we launch on March 10.', 16, 2),
	line('Bo Chen', 'I will send the release notes to the press team by Friday.', 21, 3),
	line('Cy Diaz', 'Who is going to update the support pages before launch?', 28, 4),
	line('Ada Lovelace', 'We do not know yet; let us come back to that next week.', 34, 5)
];

describe('the local insights engine', () => {
	it('writes schema-valid insights from a short meeting, and every citation it keeps names a real line', async () => {
		const engine = selectEngine(env());
		expect(engine?.name).toBe('openai-compatible');
		const material = buildMaterial(transcript, [], 0, ['Ada Lovelace', 'Bo Chen', 'Cy Diaz']);
		const written = await writeInsights(engine!, material, { maxOutputTokens: 1200 });

		// The answer was JSON in the schema's shape (the grammar enforces it; check it anyway).
		expect(() => rawInsights.parse(written.raw)).not.toThrow();
		for (const key of INSIGHTS_SCHEMA.required as string[]) expect(written.raw).toHaveProperty(key);
		expect(written.usage.requests).toBe(1);
		expect(written.usage.inputTokens).toBeGreaterThan(100);
		expect(written.usage.outputTokens).toBeGreaterThan(10);

		const verified = verifyInsights(written.raw, material);
		expect(verified.insights.summary.length).toBeGreaterThan(20);
		const items = [...verified.insights.keyPoints, ...verified.insights.decisions, ...verified.insights.actionItems, ...verified.insights.openQuestions];
		expect(items.length).toBeGreaterThan(0);
		const segments = new Set(transcript.map((l) => l.segmentId));
		for (const item of items) {
			expect(item.citations.length).toBeGreaterThan(0);
			for (const c of item.citations) expect(segments.has(c.ref), c.ref).toBe(true);
		}
		// Owners kept are people of the meeting.
		for (const a of verified.insights.actionItems) if (a.owner) expect(['Ada Lovelace', 'Bo Chen', 'Cy Diaz']).toContain(a.owner);
	}, 300_000);
});

describe('the local engine, streaming (Ask)', () => {
	it('streams a plain-text answer piece by piece over SSE, the first piece well before the end', async () => {
		const engine = selectEngine(env());
		expect(engine?.streamText).toBeTypeOf('function');
		const started = performance.now();
		const arrivals: number[] = [];
		let text = '';
		for await (const piece of engine!.streamText!({
			system: 'Answer in one short sentence.',
			prompt: 'Ada Lovelace said: "Agreed, we launch on March 10." When do we launch?',
			maxOutputTokens: 60,
			temperature: 0
		})) {
			arrivals.push(performance.now() - started);
			text += piece;
		}
		expect(text).toMatch(/March 10/);
		// Many pieces, not one buffered answer; the last came measurably after the first.
		expect(arrivals.length).toBeGreaterThan(3);
		expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(20);
	}, 120_000);

	it('a server that is not there → EngineUnavailableError, before any piece', async () => {
		const dead = createOpenAiCompatibleEngine({ baseUrl: 'http://127.0.0.1:9/v1', model: 'x', contextTokens: 1024, timeoutMs: 5000 });
		const pieces: string[] = [];
		const error = await (async () => {
			for await (const piece of dead.streamText!({ system: 's', prompt: 'p', maxOutputTokens: 5 })) pieces.push(piece);
		})().catch((e: unknown) => e);
		expect(pieces).toEqual([]);
		expect(error).toBeInstanceOf(EngineUnavailableError);
	});
});
