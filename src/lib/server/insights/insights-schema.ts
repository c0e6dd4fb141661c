import { z } from 'zod';
import type { JsonSchema } from './engines/engine';

/**
 * What the model answers: the meeting's summary and four lists, every item citing the short
 * ids of the lines it rests on. Both engines constrain their output to this schema (Gemini's
 * JSON-schema mode, llama.cpp's grammar); the server then parses it leniently and checks
 * every citation itself.
 */
const citations = { type: 'array', items: { type: 'string' }, maxItems: 6 };
// Bounded: a small model left to itself writes a thousand tokens of key points.
const text = { type: 'string', maxLength: 300 };
const item = {
	type: 'object',
	properties: { text, citations },
	required: ['text', 'citations'],
	additionalProperties: false
};
const actionItem = {
	type: 'object',
	properties: {
		text,
		owner: { type: ['string', 'null'], maxLength: 80 },
		due: { type: ['string', 'null'], maxLength: 60 },
		citations
	},
	required: ['text', 'owner', 'due', 'citations'],
	additionalProperties: false
};
const list = (items: object, maxItems: number) => ({ type: 'array', items, maxItems });

export const INSIGHTS_SCHEMA: JsonSchema = {
	type: 'object',
	properties: {
		summary: { type: 'string', maxLength: 1200 },
		keyPoints: list(item, 8),
		decisions: list(item, 8),
		actionItems: list(actionItem, 10),
		openQuestions: list(item, 6)
	},
	required: ['summary', 'keyPoints', 'decisions', 'actionItems', 'openQuestions'],
	additionalProperties: false
};

/** The focused request's answer: decisions and action items only. */
export const TASKS_SCHEMA: JsonSchema = {
	type: 'object',
	properties: { decisions: list(item, 8), actionItems: list(actionItem, 10) },
	required: ['decisions', 'actionItems'],
	additionalProperties: false
};

const rawItem = z.object({
	text: z.string().catch(''),
	citations: z.array(z.unknown()).catch([]),
	owner: z.string().nullish().catch(null),
	due: z.string().nullish().catch(null)
});

/** The model's answer, read leniently: a missing or malformed list is an empty one. */
export const rawInsights = z.object({
	summary: z.string().catch(''),
	keyPoints: z.array(rawItem).catch([]),
	decisions: z.array(rawItem).catch([]),
	actionItems: z.array(rawItem).catch([]),
	openQuestions: z.array(rawItem).catch([])
});

export type RawInsights = z.infer<typeof rawInsights>;

export const rawTasks = z.object({
	decisions: z.array(rawItem).catch([]),
	actionItems: z.array(rawItem).catch([])
});

export type RawTasks = z.infer<typeof rawTasks>;
export type RawItem = z.infer<typeof rawItem>;
