import { describe, expect, it } from 'vitest';
import { askPrompt, clock, keyTerms, labelPassages, onQuestion, parseClaims, saysNotFound, supports, verifyClaims, type LabelledPassage } from './ask-answer';

const passage = (over: Partial<LabelledPassage>): Omit<LabelledPassage, 'label'> => ({
	sessionId: 's1',
	roomCode: 'abc-defg-hij',
	roomName: 'Weekly',
	meetingStartedAt: '2026-11-02T09:00:00.000Z',
	kind: 'transcript',
	speaker: 'Ada Lovelace',
	at: 0,
	text: '',
	...over
});

describe('parseClaims', () => {
	it.each([
		['one sentence, one citation', 'We launch on March 10 [P3].', [{ text: 'We launch on March 10.', labels: ['P3'] }]],
		['citation after the full stop', 'We launch on March 10. [P3]', [{ text: 'We launch on March 10.', labels: ['P3'] }]],
		['two sentences', 'We launch on March 10 [P3]. Bo sends the notes by Friday [P4][P5].', [
			{ text: 'We launch on March 10.', labels: ['P3'] },
			{ text: 'Bo sends the notes by Friday.', labels: ['P4', 'P5'] }
		]],
		['a list of labels in one group', 'Budget is 40,000 euros [P1, P2; 7].', [{ text: 'Budget is 40,000 euros.', labels: ['P1', 'P2', 'P7'] }]],
		['a decimal is no sentence end', 'Version 3.5 ships [P2].', [{ text: 'Version 3.5 ships.', labels: ['P2'] }]],
		['bullets and line breaks', '- Ada chairs [P1]\n- Bo writes [P2]', [
			{ text: 'Ada chairs', labels: ['P1'] },
			{ text: 'Bo writes', labels: ['P2'] }
		]],
		['a citation after a run of sentences covers the run', 'We hire two engineers. Good point [P2].', [
			{ text: 'We hire two engineers.', labels: ['P2'] },
			{ text: 'Good point.', labels: ['P2'] }
		]],
		['…but not across a line break', 'Here is what I found:\nAda chairs [P1].', [
			{ text: 'Here is what I found:', labels: [] },
			{ text: 'Ada chairs.', labels: ['P1'] }
		]],
		['a group alone on the next line belongs to the sentence before', 'Ada chairs.\n[P1]', [{ text: 'Ada chairs.', labels: ['P1'] }]],
		['repeated labels count once', 'Ada chairs [P1][P1].', [{ text: 'Ada chairs.', labels: ['P1'] }]],
		['nothing', '', []]
	])('%s', (_name, answer, expected) => {
		expect(parseClaims(answer)).toEqual(expected);
	});
});

describe('saysNotFound', () => {
	it.each([
		['NOT_FOUND', true],
		['NOT_FOUND.', true],
		['The passages do not mention the Denver office.', true],
		['This was not discussed in the meetings.', true],
		['We launch on March 10 [P3].', false],
		['The launch was not moved, it stays on March 10 [P3].', false]
	])('%s → %s', (answer, expected) => {
		expect(saysNotFound(answer)).toBe(expected);
	});
});

describe('supports', () => {
	const said = 'Bo Chen: I will send the release notes to the press team by Friday.';
	it.each([
		['the same words', 'Bo will send the release notes to the press team by Friday.', said, true],
		['another form of the same words', 'Bo is sending the release notes to the press by Friday.', said, true],
		['a different day', 'Bo will send the release notes to the press team by Monday.', said, false],
		['a different person', 'Ada will send the release notes to the press team by Friday.', said, false],
		['a place the passage never names', 'Bo will send the Denver release notes to the press team by Friday.', said, false],
		['a different subject entirely', 'The Denver office will close in spring.', said, false],
		['a number the passage does not hold', 'Bo sends 12 release notes by Friday.', said, false],
		['the number the passage holds', 'We launch on March 10.', 'Ada: Agreed, we launch on March 10.', true],
		['a changed number', 'We launch on March 11.', 'Ada: Agreed, we launch on March 10.', false],
		['no content word at all', 'It is.', said, false],
		['French', 'Nous lançons le 10 mars.', 'Ada: D’accord, nous lançons le 10 mars.', true]
	])('%s → %s', (_name, claim, support, expected) => {
		expect(supports(claim, support)).toBe(expected);
	});
});

describe('verifyClaims', () => {
	const passages = labelPassages([
		passage({ at: 16, text: 'Agreed, we launch on March 10.' }),
		passage({ at: 21, speaker: 'Bo Chen', text: 'I will send the release notes to the press team by Friday.' })
	]);

	it('keeps supported claims with the passages that say them, drops unknown labels, unrelated citations, unsupported and repeated claims', () => {
		const verified = verifyClaims(
			[
				{ text: 'The launch is on March 10.', labels: ['P1', 'P9', 'P2'] },
				{ text: 'Bo sends the release notes by Friday.', labels: ['P2'] },
				{ text: 'The Denver office closes in spring.', labels: ['P1'] },
				{ text: 'Bo sends the release notes by Friday.', labels: ['P7'] },
				{ text: 'Nobody sends anything to the Denver press.', labels: [] }
			],
			passages
		);
		expect(verified.claims.map((c) => [c.text, c.passages.map((p) => p.label)])).toEqual([
			['The launch is on March 10.', ['P1']],
			['Bo sends the release notes by Friday.', ['P2']]
		]);
		expect(verified.dropped).toBe(3);
	});

	it('a claim with no citation at all, said by one passage, cites it', () => {
		const verified = verifyClaims([{ text: 'We launch on March 10.', labels: [] }], passages);
		expect(verified.claims.map((c) => c.passages.map((p) => p.label))).toEqual([['P1']]);
		expect(verified.recited).toBe(1);
	});

	it('a claim whose label is wrong cites the one passage that says it (re-cited)', () => {
		const verified = verifyClaims([{ text: 'Bo sends the release notes to the press by Friday.', labels: ['P1'] }], passages);
		expect(verified.claims.map((c) => c.passages.map((p) => p.label))).toEqual([['P2']]);
		expect(verified.recited).toBe(1);
	});

	it.each([
		['on the question', 'When do we launch?', 'We launch on March 10.', ['P1'], 1],
		['a bare fragment whose passage is on the question', 'When is the launch?', 'March 10.', ['P1'], 1],
		['supported, but about something else (a meeting verb is no topic)', 'What did we decide about the picnic?', 'We agreed to launch on March 10.', ['P1'], 0],
		['filler the passage also holds, not on the question', 'Who sends the release notes?', 'Agreed.', ['P1'], 0]
	])('relevance: %s', (_name, question, text, labels, kept) => {
		expect(verifyClaims([{ text, labels }], passages, question).claims).toHaveLength(kept);
	});
});

describe('onQuestion', () => {
	it.each([
		['How many support engineers will we hire?', 'We agreed to hire two support engineers before June.', '', true],
		['How many support engineers will we hire?', 'Good point, let us come back to that at the end.', 'We agreed to hire two support engineers before June.', false],
		['When will the Denver office open?', 'April 14.', 'We decided to move the Denver office opening to April 14.', true],
		['What happened?', 'Anything at all.', '', true]
	])('%s / %s → %s', (question, claim, cited, expected) => {
		expect(onQuestion(claim, cited, question)).toBe(expected);
	});
});

describe('labelPassages and the prompt', () => {
	it('orders by meeting then time, labels P1…, and shows date, room, time and speaker', () => {
		const labelled = labelPassages([
			passage({ sessionId: 's2', meetingStartedAt: '2026-11-09T09:00:00.000Z', at: 5, text: 'later meeting' }),
			passage({ at: 125, text: 'second line' }),
			passage({ at: 3, text: 'first line', kind: 'chat', speaker: 'Bo' })
		]);
		expect(labelled.map((p) => [p.label, p.text])).toEqual([
			['P1', 'first line'],
			['P2', 'second line'],
			['P3', 'later meeting']
		]);
		const { prompt, system } = askPrompt('When do we launch?', labelled);
		expect(prompt).toContain('[P1] 2026-11-02 · Weekly (abc-defg-hij) · 0:03 · Bo in the chat: first line');
		expect(prompt).toContain('[P2] 2026-11-02 · Weekly (abc-defg-hij) · 2:05 · Ada Lovelace: second line');
		expect(prompt).toMatch(/Now the real passages\.\nPassages:\n\[P1\] 2026-11-02/);
		expect(prompt).toMatch(/Question: When do we launch\?\nAnswer:$/);
		expect(system).toContain('NOT_FOUND');
	});

	it.each([
		[0, '0:00'],
		[65.7, '1:05'],
		[3909, '1:05:09']
	])('clock(%s) = %s', (s, expected) => expect(clock(s)).toBe(expected));

	it.each([
		['What did we decide about the Denver office?', 'decide Denver office'],
		['Who will send the release notes?', 'send release notes']
	])('keyTerms(%s)', (q, expected) => expect(keyTerms(q)).toBe(expected));
});
