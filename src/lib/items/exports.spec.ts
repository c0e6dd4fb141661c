import { describe, expect, it } from 'vitest';
import { csvCell, foldLine, icalText, itemsCsv, itemsICalendar, itemsMarkdown } from './exports';
import type { TrackedItem } from './types';

const item = (over: Partial<TrackedItem> = {}): TrackedItem => ({
	id: '00000000-0000-4000-8000-000000000001',
	roomCode: 'abc-defg-hij',
	text: 'Send the contract',
	owner: 'Hana',
	dueText: 'Friday',
	dueDate: '2026-12-11',
	status: 'open',
	mentions: [{ sessionId: 's1', meetingStartedAt: '2026-12-07T09:00:00.000Z', at: 61, speaker: 'Hana', ref: 'seg-1', kind: 'line' }],
	createdAt: '2026-12-07T10:00:00.000Z',
	updatedAt: '2026-12-07T10:00:00.000Z',
	doneAt: null,
	...over
});

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['a, b', '"a, b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
		['+1', "'+1"],
		['-2', "'-2"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		[null, ''],
		[3, '3']
	])('%j → %s', (value, expected) => expect(csvCell(value)).toBe(expected));

	it('writes a header and CRLF rows', () => {
		const csv = itemsCsv([item()]);
		expect(csv.split('\r\n')[0]).toBe('id,status,text,owner,due_date,due_text,first_said,last_said,mentions,done_at');
		expect(csv.split('\r\n')[1]).toBe('00000000-0000-4000-8000-000000000001,open,Send the contract,Hana,2026-12-11,Friday,2026-12-07,2026-12-07,1,');
		expect(csv.endsWith('\r\n')).toBe(true);
	});
});

describe('icalText and foldLine', () => {
	it('escapes TEXT', () => expect(icalText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne'));

	it.each([
		['short', 'short'],
		['x'.repeat(75), 'x'.repeat(75)],
		['x'.repeat(76), `${'x'.repeat(75)}\r\n x`],
		['x'.repeat(75 + 74 + 1), `${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`]
	])('folds %#', (line, folded) => expect(foldLine(line)).toBe(folded));

	it('never folds inside a character, and every physical line stays within 75 octets', () => {
		const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
		const lines = folded.split('\r\n');
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
	});
});

describe('itemsICalendar', () => {
	it('writes one VTODO per item with its UID, due day and status', () => {
		const ics = itemsICalendar([item(), item({ id: 'b', status: 'done', doneAt: '2026-12-09T08:00:00.000Z', dueDate: null, dueText: null }), item({ id: 'c', status: 'dropped' })], {
			name: 'Room',
			now: new Date('2026-12-10T00:00:00Z'),
			domain: 'stoom.test'
		});
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(ics).toContain('UID:00000000-0000-4000-8000-000000000001@stoom.test\r\n');
		expect(ics).toContain('DUE;VALUE=DATE:20261211\r\n');
		expect(ics).toContain('STATUS:NEEDS-ACTION\r\n');
		expect(ics).toContain('STATUS:COMPLETED\r\nCOMPLETED:20261209T080000Z\r\n');
		expect(ics).toContain('STATUS:CANCELLED\r\n');
		expect(ics.match(/BEGIN:VTODO/g)).toHaveLength(3);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
	});
});

describe('itemsMarkdown', () => {
	it('writes a checklist, ticked when done, struck when dropped, escaped', () => {
		const md = itemsMarkdown([item({ text: 'Fix *all* the [links]' }), item({ status: 'done', owner: null, dueDate: null, dueText: null }), item({ status: 'dropped', owner: null, dueText: null })], 'Items');
		expect(md).toBe(
			'# Items\n\n- [ ] Fix \\*all\\* the \\[links\\] — **Hana**, due 2026-12-11 (Friday)\n- [x] Send the contract\n- [x] ~~Send the contract~~ — due 2026-12-11\n'
		);
	});
});
