import type { Migration } from 'kysely/migration';
import * as rooms from './2026_11_24_0001_rooms';
import * as recordings from './2026_11_24_0002_recordings';
import * as chat from './2026_11_24_0003_chat';
import * as screenShare from './2026_11_24_0004_screen_share';
import * as roomAuthority from './2026_11_28_0005_room_authority';
import * as insights from './2026_11_28_0006_insights';
import * as whiteboard from './2026_11_28_0007_whiteboard';
import * as videoRecordings from './2026_11_28_0008_video_recordings';
import * as recordingAttempts from './2026_11_28_0009_recording_attempts';
import * as recordingSegments from './2026_11_28_0010_recording_segments';
import * as mediaRestarts from './2026_11_28_0011_media_restarts';
import * as lobbyAndRoles from './2026_12_06_0012_lobby_and_roles';
import * as handsAndReactions from './2026_12_06_0013_hands_and_reactions';
import * as spokenLanguage from './2026_12_06_0014_spoken_language';
import * as liveTranscript from './2026_12_06_0015_live_transcript';
import * as memorySearch from './2026_12_07_0016_memory_search';
import * as actionItems from './2026_12_07_0017_action_items';
import * as itemWebhooks from './2026_12_07_0018_item_webhooks';
import * as stageSeq from './2026_12_07_0019_stage_seq';

/** Every migration, by name; names sort in the order they must run. */
export const migrations: Record<string, Migration> = {
	'2026_11_24_0001_rooms': rooms,
	'2026_11_24_0002_recordings': recordings,
	'2026_11_24_0003_chat': chat,
	'2026_11_24_0004_screen_share': screenShare,
	'2026_11_28_0005_room_authority': roomAuthority,
	'2026_11_28_0006_insights': insights,
	'2026_11_28_0007_whiteboard': whiteboard,
	'2026_11_28_0008_video_recordings': videoRecordings,
	'2026_11_28_0009_recording_attempts': recordingAttempts,
	'2026_11_28_0010_recording_segments': recordingSegments,
	'2026_11_28_0011_media_restarts': mediaRestarts,
	'2026_12_06_0012_lobby_and_roles': lobbyAndRoles,
	'2026_12_06_0013_hands_and_reactions': handsAndReactions,
	'2026_12_06_0014_spoken_language': spokenLanguage,
	'2026_12_06_0015_live_transcript': liveTranscript,
	'2026_12_07_0016_memory_search': memorySearch,
	'2026_12_07_0017_action_items': actionItems,
	'2026_12_07_0018_item_webhooks': itemWebhooks,
	'2026_12_07_0019_stage_seq': stageSeq
};
