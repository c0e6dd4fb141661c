import { m } from '#lib/paraglide/messages';
import type { FailureTable } from '../http/failures';

/** How recording, its record and its files answer what they cannot do. */
export const RECORDING_FAILURES: FailureTable<
	| 'already_recording'
	| 'not_recording'
	| 'egress_unavailable'
	| 'disk_full'
	| 'still_recording'
	| 'no_recording'
	| 'not_found'
	| 'not_finished'
	| 'no_transcript'
	| 'insights_off'
	| 'not_exported'
	| 'unknown_format'
> = {
	already_recording: [409, () => m.server_already_recording()],
	not_recording: [409, () => m.server_not_recording()],
	egress_unavailable: [503, () => m.server_egress_unavailable()],
	disk_full: [507, () => m.server_disk_full()],
	still_recording: [409, () => m.server_still_recording()],
	no_recording: [404, () => m.server_no_recording()],
	not_found: [404, () => m.server_no_such_record()],
	not_finished: [409, () => m.server_not_finished()],
	no_transcript: [409, () => m.server_no_transcript()],
	insights_off: [409, () => m.server_insights_off()],
	not_exported: [404, () => m.server_not_exported()],
	unknown_format: [404, () => m.server_unknown_format()]
};
