// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Correlates the page a user sees with the server log line. */
			errorId?: string;
		}
	}
}

export {};
