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
	already_recording: [409, 'This meeting is already being recorded'],
	not_recording: [409, 'This meeting is not being recorded'],
	egress_unavailable: [503, 'The recorder is unavailable. Try again in a moment.'],
	disk_full: [507, "The recorder's disk is almost full: free some space (or delete old recordings) first."],
	still_recording: [409, 'Stop the recording first.'],
	no_recording: [404, 'This meeting has no recording (it may have been deleted already).'],
	not_found: [404, 'No such meeting record'],
	not_finished: [409, 'There is no finished recording to export yet.'],
	no_transcript: [409, 'There is no finished transcript to write insights from yet.'],
	insights_off: [409, 'Insights are off: no engine is configured.'],
	not_exported: [404, 'This meeting has not been exported as a video yet'],
	unknown_format: [404, 'Unknown export format']
};
