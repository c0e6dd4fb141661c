/**
 * A due date as it was said ("Friday", "next Tuesday", "end of March", "the 15th"), resolved
 * to a calendar day (YYYY-MM-DD) against the day the meeting started; null when it is not
 * clear. English phrases only. The rules:
 * - "today", "tonight", "end of day", "EOD" → the meeting's day; "tomorrow" → the day after;
 * - "Friday", "this Friday", "by Friday" → the next Friday after the meeting's day (said on a
 *   Friday, a week later); "next Friday" → the Friday of the week after the meeting's week
 *   (weeks start on Monday);
 * - "this week", "end of the week" → that week's Friday; "next week" → the next week's Friday;
 *   "end of the month" → its last day; "in 3 days", "in two weeks" → counted from the meeting;
 * - "end of March", "March 12", "12 March", "March 12th, 2027", "the 12th of March" → that day,
 *   in the meeting's year unless it has passed (then the next year); "the 15th" → the next 15th
 *   on or after the meeting's day; a day that does not exist is null; "2027-01-15" as written.
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const FRIDAY = 5;

const DAY_MS = 86_400_000;

function parseDay(day: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return null;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return date.getUTCMonth() === Number(match[2]) - 1 ? date : null;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** A real day of that month, or null (the 31st of April). */
function dayOf(year: number, month: number, day: number): Date | null {
	if (day < 1 || day > 31) return null;
	const date = new Date(Date.UTC(year, month, day));
	return date.getUTCMonth() === ((month % 12) + 12) % 12 ? date : null;
}

const lastOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0));

function weekdayIndex(word: string): number {
	const i = WEEKDAYS.indexOf(word);
	return i >= 0 ? i : WEEKDAY_SHORT.indexOf(word);
}

function monthIndex(word: string): number {
	return MONTHS.findIndex((m) => m === word || (word.length >= 3 && m.startsWith(word)));
}

/** Monday of the meeting's week. */
function mondayOf(date: Date): Date {
	return addDays(date, -((date.getUTCDay() + 6) % 7));
}

/** Month and day in the meeting's year, or the next year when that day has passed. */
function comingDate(meeting: Date, month: number, day: number | 'last', year: number | null): Date | null {
	const on = (y: number) => (day === 'last' ? lastOfMonth(y, month) : dayOf(y, month, day));
	if (year !== null) return on(year);
	const thisYear = on(meeting.getUTCFullYear());
	if (thisYear && thisYear >= meeting) return thisYear;
	return on(meeting.getUTCFullYear() + 1);
}

function count(word: string): number | null {
	if (/^\d{1,3}$/.test(word)) return Number(word);
	return NUMBERS[word] ?? null;
}

/** The day `said` names, counted from the meeting's day (YYYY-MM-DD); null when unclear. */
export function resolveDue(said: string | null | undefined, meetingDay: string): string | null {
	const meeting = parseDay(meetingDay);
	if (!said || !meeting) return null;
	const text = said
		.toLocaleLowerCase('en')
		.replace(/[.,!?]/g, ' ')
		.replace(/\b(by|before|on|until|till|due|at the latest|no later than|at)\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const words = text.split(' ');

	const written = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (written) return parseDay(text) && text;

	if (/^(today|tonight|end of (the )?day|eod|close of business|cob)$/.test(text)) return iso(meeting);
	if (text === 'tomorrow') return iso(addDays(meeting, 1));
	if (/^(the )?day after tomorrow$/.test(text)) return iso(addDays(meeting, 2));

	// "Friday", "this Friday", "next Friday", "Friday next week"
	const weekday = /^(this |next |coming |the )?([a-z]+)( next week| this week)?$/.exec(text);
	if (weekday && weekdayIndex(weekday[2]) >= 0) {
		const target = weekdayIndex(weekday[2]);
		const next = weekday[1] === 'next ' || weekday[3] === ' next week';
		if (next) return iso(addDays(mondayOf(meeting), 7 + ((target + 6) % 7)));
		const ahead = (target - meeting.getUTCDay() + 7) % 7 || 7;
		return iso(addDays(meeting, ahead));
	}

	if (/^(this week|end of (the |this )?week|eow|the end of the week)$/.test(text)) {
		const friday = addDays(mondayOf(meeting), FRIDAY - 1);
		return iso(friday >= meeting ? friday : addDays(friday, 7));
	}
	if (/^(next week|end of next week|the end of next week)$/.test(text)) return iso(addDays(mondayOf(meeting), 7 + FRIDAY - 1));
	if (/^(end of (the |this )?month|the end of the month|eom)$/.test(text)) return iso(lastOfMonth(meeting.getUTCFullYear(), meeting.getUTCMonth()));
	if (/^(end of next month|next month)$/.test(text)) return iso(lastOfMonth(meeting.getUTCFullYear(), meeting.getUTCMonth() + 1));

	// "in 3 days", "in two weeks", "within a week"
	const within = /^(in|within) ([a-z0-9]+) (day|days|week|weeks)$/.exec(text);
	if (within) {
		const n = count(within[2]);
		if (n === null) return null;
		return iso(addDays(meeting, within[3].startsWith('week') ? n * 7 : n));
	}

	// "end of March", "the end of March 2027"
	const endOf = /^(the )?end of ([a-z]+)( \d{4})?$/.exec(text);
	if (endOf && monthIndex(endOf[2]) >= 0) {
		const date = comingDate(meeting, monthIndex(endOf[2]), 'last', endOf[3] ? Number(endOf[3]) : null);
		return date && iso(date);
	}

	// "March 12", "March 12th 2027", "12 March", "the 12th of March"
	const day = '(\\d{1,2})(st|nd|rd|th)?';
	const monthFirst = new RegExp(`^([a-z]+) ${day}( \\d{4})?$`).exec(text);
	const dayFirst = new RegExp(`^(the )?${day}( of)? ([a-z]+)( \\d{4})?$`).exec(text);
	const parts = monthFirst
		? { month: monthFirst[1], day: monthFirst[2], year: monthFirst[4] }
		: dayFirst
			? { month: dayFirst[5], day: dayFirst[2], year: dayFirst[6] }
			: null;
	if (parts && monthIndex(parts.month) >= 0) {
		const date = comingDate(meeting, monthIndex(parts.month), Number(parts.day), parts.year ? Number(parts.year) : null);
		return date && iso(date);
	}

	// "the 15th": the next one on or after the meeting's day
	const nth = new RegExp(`^(the )?${day}$`).exec(text);
	if (nth && words.length <= 2 && (nth[1] || nth[3])) {
		const n = Number(nth[2]);
		const thisMonth = dayOf(meeting.getUTCFullYear(), meeting.getUTCMonth(), n);
		if (thisMonth && thisMonth >= meeting) return iso(thisMonth);
		const nextMonth = dayOf(meeting.getUTCFullYear(), meeting.getUTCMonth() + 1, n);
		return nextMonth && iso(nextMonth);
	}
	return null;
}
