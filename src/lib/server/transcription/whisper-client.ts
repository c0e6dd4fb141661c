import { slowAnswer } from '../http/slow-answer';
import { errorForStatus, WhisperUnavailableError } from './whisper-errors';
import { whisperRequest, type WhisperAudio, type WhisperClientConfig } from './whisper-request';
import { parseWhisperReply, type WhisperResult } from './whisper-response';

export { WhisperError, WhisperRejectedError, WhisperUnavailableError } from './whisper-errors';
export type { WhisperResult } from './whisper-response';
export type { WhisperAudio, WhisperClientConfig } from './whisper-request';

export interface WhisperClient {
	/**
	 * Transcribes one audio file. Throws WhisperUnavailableError when a later retry may
	 * succeed and WhisperRejectedError when this audio will never be accepted.
	 */
	transcribe(audio: WhisperAudio, options?: TranscribeOptions): Promise<WhisperResult>;
}

export interface TranscribeOptions {
	signal?: AbortSignal;
	/** The spoken language for this audio (a room's setting): a code, null to detect; left out, the client's own. */
	language?: string | null;
}

/** A client for a Whisper HTTP service; it keeps no state between calls. */
export function createWhisperClient(config: WhisperClientConfig): WhisperClient {
	return {
		transcribe: (audio, options) =>
			transcribe(options?.language === undefined ? config : { ...config, language: options.language ?? undefined }, audio, options?.signal)
	};
}

async function transcribe(
	config: WhisperClientConfig,
	audio: WhisperAudio,
	callerSignal: AbortSignal | undefined
): Promise<WhisperResult> {
	const timeout = AbortSignal.timeout(config.timeoutMs);
	const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
	const { url, form } = whisperRequest(config, audio);
	const service = `Whisper at ${url.origin}`;
	let response: Response;
	let body: string;
	try {
		response = await fetch(url, { ...slowAnswer(config.timeoutMs), method: 'POST', body: form, signal });
		body = await response.text();
	} catch (cause) {
		if (callerSignal?.aborted) throw callerSignal.reason;
		const why = timeout.aborted ? `no answer within ${config.timeoutMs} ms` : 'unreachable';
		throw new WhisperUnavailableError(`${service} is ${why}`, { cause });
	}
	if (!response.ok) throw errorForStatus(service, response, body);
	try {
		const audioSeconds = Number(response.headers.get('x-audio-seconds') ?? NaN);
		return parseWhisperReply(config.flavour, JSON.parse(body), {
			language: config.language,
			duration: Number.isFinite(audioSeconds) ? audioSeconds : undefined
		});
	} catch (cause) {
		throw new WhisperUnavailableError(
			`${service} answered ${response.status} with an unexpected body: ${body.slice(0, 200)}`,
			{ cause, status: response.status }
		);
	}
}
