import { nameKey } from '../forms/display-name';

/**
 * Who may see and edit a tracked item. Hosts: every item of their room. Anyone else sees the
 * items mentioned in meetings their browser took part in, and edits one when they are its
 * owner: in one of those meetings their display name was the owner's (name key compare, so
 * "hana" and "Hana " are one person). A guest who was in the meeting under another name, or
 * never in a meeting the item was said in, only reads it (or does not see it).
 */
export interface ItemViewer {
	host: boolean;
	/** The meetings of the room this browser took part in, with its name in each. */
	meetings: { sessionId: string; displayName: string }[];
}

export function maySeeItem(viewer: ItemViewer, mentionSessionIds: string[]): boolean {
	return viewer.host || viewer.meetings.some((m) => mentionSessionIds.includes(m.sessionId));
}

export function mayEditItem(viewer: ItemViewer, item: { owner: string | null; mentionSessionIds: string[] }): boolean {
	if (viewer.host) return true;
	const owner = item.owner?.trim() ? nameKey(item.owner) : null;
	if (!owner) return false;
	return viewer.meetings.some((m) => item.mentionSessionIds.includes(m.sessionId) && nameKey(m.displayName) === owner);
}
