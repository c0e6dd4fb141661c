/** Where the meeting's transcript is: none → recording → waiting/transcribing → merging → ready (or failed). */
export type TranscriptStatus = 'none' | 'recording' | 'waiting' | 'transcribing' | 'merging' | 'ready' | 'failed';
