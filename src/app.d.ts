// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** True in a test build (vite.config.ts): the hooks of lib/client/test-hooks.ts are in. */
	const __STOOM_TEST_HOOKS__: boolean;

	namespace App {
		interface Error {
			message: string;
			/** Correlates the page a user sees with the server log line. */
			errorId?: string;
		}
	}
}

export {};
