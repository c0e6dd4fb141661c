import { describe, expect, it } from 'vitest';
import type { InsightsEngine, StructuredRequest } from './engines/engine';
import { EngineOutputError } from './engines/engine-errors';
import { buildMaterial } from './material';
import { withTasks, writeInsights } from './write-insights';

const start = Date.parse('2026-11-28T10:00:00.000Z');
const meeting = (lines: number) =>
	buildMaterial(
		Array.from({ length: lines }, (_, i) => ({ speaker: i % 2 ? 'Ada' : 'Bo', text: `Point number ${i} about the launch plan and its budget.`, timestamp: i * 7, isActive: false, segmentId: `s${i}` })),
		[],
		start
	);

/**
 * An engine that writes one key point per request citing the first and last line ids it was
 * shown (or, when combining, every citation it was given): enough to see what each request
 * contained. The real engines are tested against real servers elsewhere.
 */
function echoEngine(contextTokens: number, script: ('bad-json' | 'ok')[] = []): InsightsEngine & { requests: StructuredRequest[] } {
	const requests: StructuredRequest[] = [];
	return {
		name: 'openai-compatible',
		model: 'echo',
		contextTokens,
		requests,
		async generate(request) {
			requests.push(request);
			if (script.shift() === 'bad-json') throw new EngineOutputError('not JSON');
			const ids = [...request.prompt.matchAll(/\b(T\d+)\b/g)].map((m) => m[1]!);
			if (request.schemaName === 'meeting_tasks') {
				const task = { text: `task in ${ids[0]}`, owner: 'Ada', due: null, citations: [ids[0]!] };
				return { json: { decisions: [{ text: `decided in ${ids[0]}`, citations: [ids[0]!] }], actionItems: [task] }, usage: { inputTokens: 10, outputTokens: 5 } };
			}
			const citations = request.system.includes('Combine') ? [...new Set(ids)] : [ids[0]!, ids.at(-1)!];
			return {
				json: { summary: `part of ${ids.length}`, keyPoints: [{ text: `covers ${citations.join(',')}`, citations }], decisions: [], actionItems: [], openQuestions: [] },
				usage: { inputTokens: Math.ceil(request.prompt.length / 4), outputTokens: 50 }
			};
		}
	};
}

describe('writeInsights', () => {
	it('asks once when the meeting fits one request', async () => {
		const engine = echoEngine(100_000);
		const { raw, usage } = await writeInsights(engine, meeting(20), { maxOutputTokens: 1000 });
		expect(engine.requests).toHaveLength(1);
		expect(raw.keyPoints[0]!.citations).toEqual(['T1', 'T20']);
		expect(usage).toMatchObject({ requests: 1, parts: 1, outputTokens: 50 });
		expect(engine.requests[0]!.schemaName).toBe('meeting_notes');
		expect(engine.requests[0]!.prompt).toContain('People in the meeting: Bo, Ada.');
	});

	it('splits a long meeting by time, writes each part, then combines them keeping every part’s citations', async () => {
		const engine = echoEngine(3000);
		const { raw, usage } = await writeInsights(engine, meeting(300), { maxOutputTokens: 800 });
		expect(usage.parts).toBeGreaterThan(1);
		const parts = engine.requests.filter((r) => r.prompt.startsWith('This is part'));
		expect(parts).toHaveLength(usage.parts);
		// The parts cover the meeting in order, without overlap.
		const firstIds = parts.map((p) => Number(/\[T(\d+) /.exec(p.prompt)![1]));
		expect(firstIds).toEqual([...firstIds].sort((a, b) => a - b));
		expect(firstIds[0]).toBe(1);
		// The combine request carried the parts' citations, and the result keeps them.
		const combined = new Set(raw.keyPoints.flatMap((k) => k.citations));
		expect(combined.has('T1')).toBe(true);
		expect(combined.has('T300')).toBe(true);
		expect(usage.requests).toBe(engine.requests.length);
	});

	it('asks again when an answer is not JSON, and gives up after two more tries', async () => {
		const recovered = echoEngine(100_000, ['bad-json', 'ok']);
		await writeInsights(recovered, meeting(5), { maxOutputTokens: 500 });
		expect(recovered.requests).toHaveLength(2);

		const hopeless = echoEngine(100_000, ['bad-json', 'bad-json', 'bad-json']);
		await expect(writeInsights(hopeless, meeting(5), { maxOutputTokens: 500 })).rejects.toBeInstanceOf(EngineOutputError);
		expect(hopeless.requests).toHaveLength(3);
	});

	it('with the tasks pass, asks once more per part for the decisions and action items, whose lists replace the notes’', async () => {
		const engine = echoEngine(100_000);
		const { raw, usage } = await writeInsights(engine, meeting(20), { maxOutputTokens: 1000, tasksPass: true });
		expect(engine.requests.map((r) => r.schemaName)).toEqual(['meeting_tasks', 'meeting_notes']);
		expect(engine.requests[0]!.prompt).toContain('[T20 ');
		// The notes are told what the focused request found, and that the tasks are not done yet.
		expect(engine.requests[1]!.prompt).toContain('- decided in T1');
		expect(engine.requests[1]!.prompt).toMatch(/NOT done yet[\s\S]*- Ada: task in T1/);
		expect(raw.actionItems).toEqual([{ text: 'task in T1', owner: 'Ada', due: null, citations: ['T1'] }]);
		expect(raw.decisions.map((d) => d.text)).toEqual(['decided in T1']);
		expect(raw.keyPoints[0]!.text).toMatch(/^covers T1,/); // the notes' own lists stay
		expect(usage.requests).toBe(2);

		const long = echoEngine(3000);
		const split = await writeInsights(long, meeting(300), { maxOutputTokens: 800, tasksPass: true });
		const tasks = long.requests.filter((r) => r.schemaName === 'meeting_tasks');
		expect(tasks).toHaveLength(split.usage.parts);
		expect(split.raw.actionItems).toHaveLength(split.usage.parts);
	});

	it('keeps the notes’ list where the tasks pass found nothing', () => {
		const notes = { summary: 's', keyPoints: [], decisions: [{ text: 'd', citations: ['T1'] }], actionItems: [{ text: 'a', citations: ['T2'] }], openQuestions: [] };
		const found = { decisions: [], actionItems: [{ text: 'b', citations: ['T3'], owner: 'Bo', due: null }] };
		expect(withTasks(notes, [found])).toMatchObject({ decisions: [{ text: 'd' }], actionItems: [{ text: 'b' }] });
		expect(withTasks(notes, [])).toEqual(notes);
	});
});
