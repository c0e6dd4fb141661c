import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How live captions, Transcribe and Catch me up answer what they refuse. */
export const LIVE_FAILURES: FailureTable<'no_meeting' | 'captions_off' | 'not_transcribing' | 'wrong_room' | 'no_room'> = {
	no_meeting: [409, () => m.server_transcribe_no_meeting()],
	wrong_room: [403, () => m.server_transcriber_unauthorized()],
	no_room: [404, () => m.server_no_meeting_with_code()],
	captions_off: [409, () => m.server_transcribe_captions_off()],
	not_transcribing: [409, () => m.server_not_transcribing()]
};
