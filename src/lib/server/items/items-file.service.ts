import { m } from '#lib/paraglide/messages';
import { itemsCsv, itemsICalendar, itemsMarkdown } from '../../items/exports';
import type { Credentials } from '../access/cookies';
import type { Db } from '../db';
import type { Room } from '../db/schema';
import type { Failure } from '../http/failures';
import { listItems } from './items.service';

const TYPES = { md: 'text/markdown', csv: 'text/csv', ics: 'text/calendar' } as const;

/** An items download: its body, content type and file name. */
export interface ItemsFile {
	body: string;
	contentType: string;
	filename: string;
}

/** The room's items this browser may see, as a Markdown checklist, CSV or iCalendar (VTODOs). */
export async function itemsFile(ctx: { db: Db }, room: Room, credentials: Credentials, format: string, domain: string, now = new Date()): Promise<ItemsFile | Failure<'unknown_format'>> {
	if (!(format in TYPES)) return { ok: false, reason: 'unknown_format' };
	const { items } = await listItems(ctx, room, credentials);
	const title = m.memory_items_file_title({ room: room.name ?? room.code });
	const body = format === 'md' ? itemsMarkdown(items, title) : format === 'csv' ? itemsCsv(items) : itemsICalendar(items, { name: title, now, domain });
	return { body, contentType: `${TYPES[format as keyof typeof TYPES]}; charset=utf-8`, filename: `stoom-${room.code}-items.${format}` };
}
