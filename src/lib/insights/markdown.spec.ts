import { describe, expect, it } from 'vitest';
import { citationLabel, insightsMarkdown } from './markdown';
import type { MeetingInsights } from './types';

const at = (seconds: number, kind: 'line' | 'chat' = 'line') => ({ kind, ref: `r${seconds}`, at: seconds, speaker: 'Ada' });

describe('citationLabel', () => {
	it.each([
		[0, '0:00'],
		[59.9, '0:59'],
		[221, '3:41'],
		[3725, '1:02:05']
	])('%s s → %s', (seconds, label) => {
		expect(citationLabel(at(seconds))).toBe(label);
	});
});

describe('insightsMarkdown', () => {
	const insights: MeetingInsights = {
		summary: 'The team planned the *launch*.',
		keyPoints: [{ text: 'Launch moves to Friday', citations: [at(12), at(40, 'chat')] }],
		decisions: [],
		actionItems: [
			{ text: 'Write release notes', citations: [at(61)], owner: 'Bo Chen', due: 'Thursday' },
			{ text: 'Call the printer', citations: [at(90)], owner: null, unconfirmedOwner: 'Grace' }
		],
		openQuestions: []
	};

	it('writes the summary, the lists that have items, owners, due dates and citation times', () => {
		expect(insightsMarkdown(insights, { engine: 'gemini', model: 'gemini-2.5-flash' })).toBe(
			[
				'## Insights',
				'The team planned the \\*launch\\*.',
				'### Key points\n\n- Launch moves to Friday [0:12] [0:40 chat]',
				'### Action items\n\n- Write release notes — **Bo Chen**, due Thursday [1:01]\n- Call the printer — Grace (not in the meeting) [1:30]',
				'_Written by gemini-2.5-flash (gemini); times point into the recording._'
			].join('\n\n') + '\n'
		);
	});
});
