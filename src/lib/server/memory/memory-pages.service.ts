import type { Cookies } from '@sveltejs/kit';
import { searchFilters, type SearchForm } from '../../memory/search-form';
import type { Db } from '../db';
import type { Room } from '../db/schema';
import { visibleMeetings, type VisibleMeeting } from './passage.repository';
import { searchMemory, type SearchHit } from './search.service';
import { memoryViewer } from './viewer';

export type { VisibleMeeting };

/** A hit as the pages show it (the stored text stays on the server: the snippet is enough). */
export type HitView = Omit<SearchHit, 'text' | 'rank'>;

const view = ({ text: _text, rank: _rank, ...hit }: SearchHit): HitView => hit;

async function hits(ctx: { db: Db }, cookies: Cookies, form: SearchForm, roomId?: string): Promise<HitView[] | null> {
	if (!form.q.trim()) return null;
	const viewer = await memoryViewer(ctx, cookies);
	return (await searchMemory(ctx, viewer, { text: form.q, ...searchFilters(form), ...(roomId ? { roomId } : {}), limit: 50 })).map(view);
}

/** The room's past-meetings page: a search over the room's meetings (the page's guard let its host in). */
export async function searchRoomMeetings(ctx: { db: Db }, cookies: Cookies, room: Room, form: SearchForm): Promise<HitView[] | null> {
	return hits(ctx, cookies, form, room.id);
}

/** My meetings: every meeting this browser may see (rooms it hosts, meetings it took part in), newest first, and the search over them. */
export async function myMeetings(ctx: { db: Db }, cookies: Cookies, form: SearchForm): Promise<{ meetings: VisibleMeeting[]; hits: HitView[] | null }> {
	const viewer = await memoryViewer(ctx, cookies);
	const [meetings, found] = await Promise.all([visibleMeetings(ctx.db, viewer, 200), hits(ctx, cookies, form)]);
	return { meetings, hits: found };
}
