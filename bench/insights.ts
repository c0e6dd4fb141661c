// Insights benchmark: Stoom's insights writer on the local engine (llama.cpp, the model
// ./stoom up serves) over a scripted 5-minute and 30-minute meeting transcript (three
// speakers, ~150 words a minute, with decisions, owners and due dates said aloud). Prints the
// time, tokens, requests (map-reduce parts) and the share of citations that survived the
// check. Needs the engine (./stoom up starts it).
// Run: npx jiti bench/insights.ts [minutes=5,30]   → bench/results/insights.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { createOpenAiCompatibleEngine } from '../src/lib/server/insights/engines/openai-compatible.ts';
import { buildMaterial } from '../src/lib/server/insights/material.ts';
import { verifyInsights } from '../src/lib/server/insights/verify-insights.ts';
import { writeInsights } from '../src/lib/server/insights/write-insights.ts';
import type { TranscriptLine } from '../src/lib/transcript/types.ts';

const durations = (process.argv[2] ?? '5,30').split(',').map(Number);
const engine = createOpenAiCompatibleEngine({
	baseUrl: process.env.INSIGHTS_BASE_URL ?? 'http://127.0.0.1:9100/v1',
	model: process.env.INSIGHTS_MODEL ?? 'local',
	contextTokens: Number(process.env.INSIGHTS_CONTEXT_TOKENS ?? 8192),
	timeoutMs: 60 * 60_000
});
const maxOutputTokens = Number(process.env.INSIGHTS_MAX_OUTPUT_TOKENS ?? 1500);

const SPEAKERS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'];
const TOPICS = ['the budget', 'the launch plan', 'hiring', 'customer support', 'pricing', 'the new design', 'security review', 'the roadmap'];
const LINES = [
	(t: string) => `Let us start with ${t}; I shared the numbers this morning.`,
	(t: string) => `For ${t}, the main risk is that we are two weeks behind.`,
	(t: string, who: string) => `${who}, can you take ${t} and send a summary by Friday?`,
	(who: string) => `Yes, I will do that, ${who}.`,
	(t: string) => `So we agree: ${t} stays the priority for this quarter.`,
	(t: string) => `One open question on ${t}: who signs off on the final version?`,
	(t: string) => `I think ${t} also needs a short review with the support team next week.`,
	() => `That sounds good to me, let us move on.`
];

/** About 150 words a minute, in turns of a few sentences, with real decisions and action items. */
function scriptedMeeting(minutes: number): TranscriptLine[] {
	const lines: TranscriptLine[] = [];
	let at = 0;
	for (let turn = 0; at < minutes * 60; turn++) {
		const speaker = SPEAKERS[turn % SPEAKERS.length]!;
		const other = SPEAKERS[(turn + 1) % SPEAKERS.length]!.split(' ')[0]!;
		const topic = TOPICS[Math.floor(turn / LINES.length) % TOPICS.length]!;
		const make = LINES[turn % LINES.length]!;
		const text = make.length === 1 ? (make as (w: string) => string)(turn % LINES.length === 3 ? other : topic) : (make as (t: string, w: string) => string)(topic, other);
		const seconds = text.split(' ').length / 2.5;
		lines.push({ speaker, text, timestamp: Math.round(at * 100) / 100, end: Math.round((at + seconds) * 100) / 100, isActive: false, segmentId: `${speaker}:0:${turn}` });
		at += seconds + 0.6;
	}
	return lines;
}

const results = [];
for (const minutes of durations) {
	const transcript = scriptedMeeting(minutes);
	const material = buildMaterial(transcript, [], 0, SPEAKERS);
	const started = performance.now();
	const written = await writeInsights(engine, material, { maxOutputTokens });
	const ms = performance.now() - started;
	const verified = verifyInsights(written.raw, material);
	const items = Object.values(verified.insights).filter(Array.isArray).flat().length;
	const result = {
		minutes,
		lines: transcript.length,
		words: transcript.reduce((n, l) => n + l.text.split(' ').length, 0),
		seconds: Math.round(ms / 100) / 10,
		requests: written.usage.requests,
		parts: written.usage.parts,
		inputTokens: written.usage.inputTokens,
		outputTokens: written.usage.outputTokens,
		itemsKept: items,
		itemsDropped: verified.dropped,
		ownersFlagged: verified.flagged,
		citationsWritten: verified.citations.written,
		citationsKept: verified.citations.kept,
		citationSurvival: verified.citations.written ? Math.round((verified.citations.kept / verified.citations.written) * 1000) / 1000 : null,
		summary: verified.insights.summary
	};
	results.push(result);
	console.log(
		`${minutes} min (${result.lines} lines, ${result.words} words): ${result.seconds} s, ${result.requests} request(s) over ${result.parts} part(s), ` +
			`${result.inputTokens} tokens in / ${result.outputTokens} out; ${items} items kept, ${result.itemsDropped} dropped, ` +
			`${result.citationsKept}/${result.citationsWritten} citations survived (${result.citationSurvival})`
	);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/insights.json', JSON.stringify({ date: new Date().toISOString(), engine: engine.name, model: engine.model, contextTokens: engine.contextTokens, results }, null, 2));
