export interface WhisperClientConfig {
	/** Service base URL, e.g. `http://127.0.0.1:9000` (an OpenAI base ending in `/v1` works too). */
	url: string;
	/** `asr`: whisper-asr-webservice `/asr`; `openai`: `/v1/audio/transcriptions`. */
	flavour: 'asr' | 'openai';
	/** Sent as `model` to OpenAI-style services; whisper-asr-webservice fixes it at start-up. */
	model: string;
	/** Language code such as `en`; omit for auto-detection. */
	language?: string;
	/** Limit for one whole request, upload and transcription included. */
	timeoutMs: number;
	/** Ask for word timings (default true). */
	wordTimestamps?: boolean;
	/**
	 * Skip non-speech with Whisper's voice-activity filter (whisper-asr-webservice only).
	 * One speaker's track is mostly silence, where Whisper otherwise tends to invent words.
	 */
	vadFilter?: boolean;
}

export interface WhisperAudio {
	data: Uint8Array | Blob;
	filename: string;
	contentType?: string;
}

/** The URL and multipart body of one transcription request for the configured flavour. */
export function whisperRequest(
	config: WhisperClientConfig,
	audio: WhisperAudio
): { url: URL; form: FormData } {
	const base = new URL(config.url.endsWith('/') ? config.url : `${config.url}/`);
	const words = config.wordTimestamps ?? true;
	const blob =
		audio.data instanceof Blob
			? audio.data
			: new Blob([audio.data as Uint8Array<ArrayBuffer>], { type: audio.contentType ?? '' });
	const form = new FormData();

	if (config.flavour === 'asr') {
		const url = new URL('asr', base);
		url.search = new URLSearchParams({
			task: 'transcribe',
			...(config.language ? { language: config.language } : {}),
			output: 'json',
			word_timestamps: String(words),
			vad_filter: String(config.vadFilter ?? false),
			encode: 'true'
		}).toString();
		form.set('audio_file', blob, audio.filename);
		return { url, form };
	}

	// OpenAI-style bases usually end in /v1 already; ours is the bare origin.
	const path = base.pathname.endsWith('/v1/') ? 'audio/transcriptions' : 'v1/audio/transcriptions';
	form.set('file', blob, audio.filename);
	form.set('model', config.model);
	form.set('response_format', 'verbose_json');
	if (config.language) form.set('language', config.language);
	// OpenAI leaves segments out unless asked for them alongside words.
	form.append('timestamp_granularities[]', 'segment');
	if (words) form.append('timestamp_granularities[]', 'word');
	return { url: new URL(path, base), form };
}
