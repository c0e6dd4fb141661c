/**
 * The one way the browser calls the server. Every endpoint's body and answer are typed from
 * the server's own procedures (`import type` of the route: nothing of the server reaches the
 * bundle), so a change on either side fails the type check instead of a call at run time.
 */
import type * as Access from '../../../routes/api/rooms/[code=code]/access/+server';
import type * as Captions from '../../../routes/api/rooms/[code=code]/captions/+server';
import type * as CatchUp from '../../../routes/api/rooms/[code=code]/catch-up/+server';
import type * as Chat from '../../../routes/api/rooms/[code=code]/chat/+server';
import type * as End from '../../../routes/api/rooms/[code=code]/end/+server';
import type * as Hands from '../../../routes/api/rooms/[code=code]/hands/+server';
import type * as Items from '../../../routes/api/rooms/[code=code]/items/+server';
import type * as Item from '../../../routes/api/rooms/[code=code]/items/[itemId=uuid]/+server';
import type * as LiveTranscript from '../../../routes/api/rooms/[code=code]/live-transcript/+server';
import type * as Lobby from '../../../routes/api/rooms/[code=code]/lobby/+server';
import type * as LobbyCancel from '../../../routes/api/rooms/[code=code]/lobby/cancel/+server';
import type * as RecordChat from '../../../routes/api/rooms/[code=code]/meetings/[sessionId=uuid]/chat/+server';
import type * as RecordExport from '../../../routes/api/rooms/[code=code]/meetings/[sessionId=uuid]/export/+server';
import type * as RecordInsights from '../../../routes/api/rooms/[code=code]/meetings/[sessionId=uuid]/insights/+server';
import type * as Record from '../../../routes/api/rooms/[code=code]/meetings/[sessionId=uuid]/record/+server';
import type * as RecordRecording from '../../../routes/api/rooms/[code=code]/meetings/[sessionId=uuid]/recording/+server';
import type * as Participant from '../../../routes/api/rooms/[code=code]/participants/[identity]/+server';
import type * as People from '../../../routes/api/rooms/[code=code]/people/+server';
import type * as Reactions from '../../../routes/api/rooms/[code=code]/reactions/+server';
import type * as Recording from '../../../routes/api/rooms/[code=code]/recording/+server';
import type * as ScreenShare from '../../../routes/api/rooms/[code=code]/screen-share/+server';
import type * as Release from '../../../routes/api/rooms/[code=code]/screen-share/release/+server';
import type * as Token from '../../../routes/api/rooms/[code=code]/token/+server';
import type * as Transcribe from '../../../routes/api/rooms/[code=code]/transcribe/+server';
import type * as BoardClear from '../../../routes/api/rooms/[code=code]/whiteboard/clear/+server';
import type * as BoardMode from '../../../routes/api/rooms/[code=code]/whiteboard/mode/+server';
import { askStream } from './ask';
import { fetchBoard, saveBoardUpdate } from './board';
import { callJson } from './http';

export { ApiError } from './http';
export type { AskLine } from './ask';
export type { BoardSnapshot, SaveAnswer } from './board';

/** A value as it arrives through JSON: dates become strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
/** What an endpoint takes, and answers, from the server's procedure. */
export type Body<P> = P extends { readonly types?: { input: infer I } } ? I : never;
export type Answer<P> = P extends { readonly types?: { output: infer O } } ? Json<O> : never;

const post = <P>(url: string, body: Body<P>) => callJson<Answer<P>>('POST', url, body);
const get = <P>(url: string) => callJson<Answer<P>>('GET', url);
const room = (code: string) => `/api/rooms/${code}`;
const record = (code: string, sessionId: string) => `${room(code)}/meetings/${sessionId}`;
const page = (url: string, before?: number) => (before ? `${url}?before=${before}` : url);

export const api = {
	/** A fresh LiveKit token (only browsers that passed the join step get one). */
	token: (code: string) => post<typeof Token.POST>(`${room(code)}/token`, {}),
	chat: {
		send: (code: string, body: Body<typeof Chat.POST>) => post<typeof Chat.POST>(`${room(code)}/chat`, body),
		page: (code: string, before?: number) => get<typeof Chat.GET>(page(`${room(code)}/chat`, before)),
		/** A past meeting's chat, from its record page. */
		recordPage: (code: string, sessionId: string, before?: number) => get<typeof RecordChat.GET>(page(`${record(code, sessionId)}/chat`, before))
	},
	screenShare: {
		set: (code: string, action: 'start' | 'stop') => post<typeof ScreenShare.POST>(`${room(code)}/screen-share`, { action }),
		current: (code: string) => get<typeof ScreenShare.GET>(`${room(code)}/screen-share`),
		/** Host or co-host: stop whoever presents. */
		release: (code: string) => post<typeof Release.POST>(`${room(code)}/screen-share/release`, {})
	},
	/** Host only: start or stop recording. */
	recording: (code: string, on: boolean) => post<typeof Recording.POST>(`${room(code)}/recording`, { action: on ? 'start' : 'stop' }),
	record: {
		state: (code: string, sessionId: string) => get<typeof Record.GET>(`${record(code, sessionId)}/record`),
		exportVideo: (code: string, sessionId: string) => post<typeof RecordExport.POST>(`${record(code, sessionId)}/export`, {}),
		rerunInsights: (code: string, sessionId: string) => post<typeof RecordInsights.POST>(`${record(code, sessionId)}/insights`, {}),
		deleteRecording: (code: string, sessionId: string) => callJson<Answer<typeof RecordRecording.DELETE>>('DELETE', `${record(code, sessionId)}/recording`, {})
	},
	board: {
		load: fetchBoard,
		save: saveBoardUpdate,
		clear: (code: string) => post<typeof BoardClear.POST>(`${room(code)}/whiteboard/clear`, {}),
		setViewOnly: (code: string, viewOnly: boolean) => post<typeof BoardMode.POST>(`${room(code)}/whiteboard/mode`, { viewOnly })
	},
	lobby: {
		list: (code: string) => get<typeof Lobby.GET>(`${room(code)}/lobby`),
		decide: (code: string, action: 'admit' | 'deny', ids?: string[]) => post<typeof Lobby.POST>(`${room(code)}/lobby`, { action, ...(ids ? { ids } : {}) }),
		cancel: (code: string) => post<typeof LobbyCancel.POST>(`${room(code)}/lobby/cancel`, {}),
		/** The knocker's stream of where its knock stands (server-sent events). */
		events: (code: string) => new EventSource(`${room(code)}/lobby/events`)
	},
	hands: {
		/** Raise or lower your hand; hosts and co-hosts lower anyone's, or all. */
		change: (code: string, change: Body<typeof Hands.POST>) => post<typeof Hands.POST>(`${room(code)}/hands`, change),
		queue: (code: string) => get<typeof Hands.GET>(`${room(code)}/hands`)
	},
	items: {
		/** The room's tracked action items this browser may see. */
		list: (code: string) => get<typeof Items.GET>(`${room(code)}/items`),
		/** Tick off, reopen or drop an item, or change its owner or due date (hosts, and its owner who was there). */
		edit: (code: string, itemId: string, change: Body<typeof Item.PATCH>) => callJson<Answer<typeof Item.PATCH>>('PATCH', `${room(code)}/items/${itemId}`, change)
	},
	/** Ask your meetings: the answer's lines as they stream (draft pieces, then the verified answer or an error). */
	ask: askStream,
	react: (code: string, emoji: Body<typeof Reactions.POST>['emoji']) => post<typeof Reactions.POST>(`${room(code)}/reactions`, { emoji }),
	/** Host or co-host: lock, choose whether guests ask to join, turn reactions on or off. */
	access: (code: string, change: Body<typeof Access.POST>) => post<typeof Access.POST>(`${room(code)}/access`, change),
	people: (code: string) => get<typeof People.GET>(`${room(code)}/people`),
	participant: (code: string, identity: string, action: Body<typeof Participant.POST>['action']) =>
		post<typeof Participant.POST>(`${room(code)}/participants/${encodeURIComponent(identity)}`, { action }),
	/** Host or co-host: end the meeting for everyone. */
	endForAll: (code: string) => post<typeof End.POST>(`${room(code)}/end`, {}),
	captions: {
		/** Host or co-host: live captions on or off for the room. */
		room: (code: string, on: boolean) => post<typeof Captions.POST>(`${room(code)}/captions`, { on }),
		/** Host or co-host: keep this meeting's captions as its transcript ("Transcribe"), or stop. */
		transcribe: (code: string, on: boolean) => post<typeof Transcribe.POST>(`${room(code)}/transcribe`, { on }),
		/** The live transcript kept so far (while the meeting is transcribed). */
		kept: (code: string) => get<typeof LiveTranscript.GET>(`${room(code)}/live-transcript`),
		/** Catch me up: the rolling notes so far, and the lines said since. */
		catchUp: (code: string) => get<typeof CatchUp.GET>(`${room(code)}/catch-up`)
	}
};

/** A LiveKit token as the token endpoint (and the join step) answer it. */
export type RoomToken = Answer<typeof Token.POST>;
