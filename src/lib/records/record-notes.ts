import { m } from '#lib/paraglide/messages';

/**
 * The record's notes in the reader's language. The job runner writes them into the database
 * in English, outside any request (the stage of the transcript and the insights, a speaker's
 * failure); this reads each one back as the message it came from, with its numbers, when the
 * page shows it. A note it does not know (an engine's own words) is shown as it was written.
 * Each pattern matches one sentence a job writes: keep them in step.
 */
const NOTES: [RegExp, (match: RegExpMatchArray) => string][] = [
	[/^Recording finishing…$/, () => m.server_note_recording_finishing()],
	[/^Recording stopped: the recorder's disk is almost full\. Everything recorded so far is kept\.$/, () => m.server_note_disk_full_stopped()],
	[/^Transcribing (\d+) of (\d+) speakers…$/, ([, done, count]) => m.server_note_transcribing({ done: Number(done), count: Number(count) })],
	[/^Merging speakers…$/, () => m.server_note_merging()],
	[/^Live transcript\. The recordings are being transcribed for a more accurate one…$/, () => m.server_note_live_improving()],
	[/^Live transcript: the recordings could not be transcribed for every speaker, so the live one is kept\.$/, () => m.server_note_live_kept()],
	[/^(\d+) of (\d+) speakers could not be transcribed\.$/, ([, failed, count]) => m.server_note_speakers_failed({ failed: Number(failed), count: Number(count) })],
	[/^Waiting for the transcription service…$/, () => m.server_note_waiting_transcription()],
	[/^Writing insights…$/, () => m.server_note_writing_insights()],
	[/^Writing insights again…$/, () => m.server_note_writing_insights_again()],
	[/^Waiting for the insights engine…$/, () => m.server_note_waiting_insights()],
	[
		/^Insights are off\. Set GEMINI_API_KEY to use Gemini, or INSIGHTS_BASE_URL \(and INSIGHTS_MODEL\) for a self-hosted OpenAI-compatible engine; \.\/stoom up runs one\.$/,
		() => m.server_note_insights_off()
	],
	[/^The model declined to write insights: (.*)$/s, ([, reason]) => m.server_note_model_declined({ reason: reason! })],
	[/^The insights engine refused the request(?: \(HTTP (\d+)\))?\. Check GEMINI_MODEL \/ INSIGHTS_MODEL and the key\.$/, ([, status]) =>
		status ? m.server_note_engine_refused_status({ status }) : m.server_note_engine_refused()],
	[/^The model's answer was not the JSON asked for, after (\d+) attempts?\.$/, ([, tries]) => m.server_note_not_json({ count: Number(tries) })],
	[/^The insights engine did not answer, after (\d+) attempts?\.$/, ([, tries]) => m.server_note_engine_silent({ count: Number(tries) })],
	[/^Insights could not be written\.$/, () => m.server_note_insights_failed()],
	[/^The recorder could not record this\.$/, () => m.server_note_recorder_failed()],
	[/^The recording file is missing\.$/, () => m.server_note_file_missing()],
	[/^The recording is empty\.$/, () => m.server_note_recording_empty()],
	[/^The recording is damaged and cannot be read \((.*)\)\.$/s, ([, reason]) => m.server_note_recording_damaged({ reason: reason! })],
	[/^The transcription service could not read this audio\.$/, () => m.server_note_audio_unreadable()],
	[/^Transcription gave up after (\d+) attempts: the transcription service did not answer\.$/, ([, tries]) => m.server_note_transcription_gave_up({ count: Number(tries) })]
];

/** `note` in the current language (null stays null). */
export function recordNote(note: string | null): string | null {
	if (note === null) return null;
	for (const [pattern, say] of NOTES) {
		const match = note.match(pattern);
		if (match) return say(match);
	}
	return note;
}
