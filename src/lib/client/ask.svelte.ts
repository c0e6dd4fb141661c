import { api, ApiError, type AskLine } from './api';
import { m } from '#lib/paraglide/messages';

/** The verified answer as the endpoint sends it. */
export type AskAnswer = Extract<AskLine, { type: 'final' }>['answer'];

/**
 * One Ask box: the question being answered, its draft as the engine writes it, then the
 * verified answer or what went wrong. A new question (or stop) ends the one before.
 */
export class AskState {
	#draft = $state('');
	#answer = $state.raw<AskAnswer | null>(null);
	#error = $state<string | null>(null);
	#busy = $state(false);
	#abort: AbortController | null = null;

	/** `code`: the room whose meetings are asked (read at each question); none for all the browser may see. */
	constructor(private readonly code: () => string | undefined = () => undefined) {}

	get draft() {
		return this.#draft;
	}
	get answer() {
		return this.#answer;
	}
	get error() {
		return this.#error;
	}
	get busy() {
		return this.#busy;
	}

	async ask(question: string): Promise<void> {
		this.stop();
		const abort = (this.#abort = new AbortController());
		this.#draft = '';
		this.#answer = null;
		this.#error = null;
		this.#busy = true;
		try {
			const code = this.code();
			for await (const line of api.ask({ question, ...(code ? { code } : {}) }, abort.signal)) {
				if (abort.signal.aborted) return;
				if (line.type === 'draft') this.#draft += line.text;
				else if (line.type === 'final') this.#answer = line.answer;
				else this.#error = line.message;
			}
			if (!this.#answer && !this.#error && !abort.signal.aborted) this.#error = m.memory_ask_failed();
		} catch (error) {
			if (!abort.signal.aborted) this.#error = error instanceof ApiError ? error.message : m.memory_ask_failed();
		} finally {
			if (this.#abort === abort) {
				this.#busy = false;
				this.#abort = null;
			}
		}
	}

	/** Stops the answer being written (the server stops the engine too). */
	stop(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.#busy = false;
	}
}
