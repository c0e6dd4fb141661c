import type { TrackedItem } from './types';

/**
 * A room's tracked items as files: a Markdown checklist, CSV (RFC 4180) and iCalendar
 * (RFC 5545, one VTODO per item). Pure: the route names the room and the time.
 */

function markdownEscape(text: string): string {
	return text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/\s+/g, ' ');
}

/** "- [x] Send the contract — Hana, due 2026-12-11 (Friday)", one line per item. */
export function itemsMarkdown(items: TrackedItem[], title: string): string {
	const lines = items.map((item) => {
		const box = item.status === 'open' ? '[ ]' : '[x]';
		const text = item.status === 'dropped' ? `~~${markdownEscape(item.text)}~~` : markdownEscape(item.text);
		const due = item.dueDate ?? item.dueText;
		const details = [item.owner && `**${markdownEscape(item.owner)}**`, due && `due ${markdownEscape(due)}${item.dueDate && item.dueText ? ` (${markdownEscape(item.dueText)})` : ''}`].filter(Boolean);
		return `- ${box} ${text}${details.length ? ` — ${details.join(', ')}` : ''}`;
	});
	return `# ${markdownEscape(title)}\n\n${lines.join('\n')}\n`;
}

/** A cell a spreadsheet would run as a formula (= + - @, or a tab/CR that hides one) is prefixed with '. */
export function csvCell(value: string | number | null): string {
	let text = value === null ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = ['id', 'status', 'text', 'owner', 'due_date', 'due_text', 'first_said', 'last_said', 'mentions', 'done_at'];

/** RFC 4180: CRLF line ends, quoted when needed, quotes doubled; a header row. */
export function itemsCsv(items: TrackedItem[]): string {
	const rows = items.map((item) => [
		item.id,
		item.status,
		item.text,
		item.owner,
		item.dueDate,
		item.dueText,
		item.mentions[0]?.meetingStartedAt.slice(0, 10) ?? null,
		item.mentions.at(-1)?.meetingStartedAt.slice(0, 10) ?? null,
		item.mentions.length,
		item.doneAt
	]);
	return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function icalText(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF and one space), never inside a character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		const limit = parts.length ? 74 : 75; // a continuation's leading space counts
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/Z?$/, 'Z');
const STATUS = { open: 'NEEDS-ACTION', done: 'COMPLETED', dropped: 'CANCELLED' } as const;

/** A VCALENDAR with one VTODO per item: a stable UID per item, the due day as DUE;VALUE=DATE. */
export function itemsICalendar(items: TrackedItem[], { name, now, domain }: { name: string; now: Date; domain: string }): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Stoom//Action items//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icalText(name)}`];
	for (const item of items) {
		lines.push('BEGIN:VTODO', `UID:${item.id}@${domain}`, `DTSTAMP:${stamp(now.toISOString())}`, `CREATED:${stamp(item.createdAt)}`, `LAST-MODIFIED:${stamp(item.updatedAt)}`);
		lines.push(`SUMMARY:${icalText(item.text)}`);
		const description = [item.owner && `Owner: ${item.owner}`, item.dueText && `Due: ${item.dueText}`].filter(Boolean).join('\n');
		if (description) lines.push(`DESCRIPTION:${icalText(description)}`);
		if (item.dueDate) lines.push(`DUE;VALUE=DATE:${item.dueDate.replace(/-/g, '')}`);
		lines.push(`STATUS:${STATUS[item.status]}`);
		if (item.status === 'done' && item.doneAt) lines.push(`COMPLETED:${stamp(item.doneAt)}`);
		lines.push('END:VTODO');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
