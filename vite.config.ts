import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

// A test build (STOOM_TEST_HOOKS=1: `./stoom test` makes one for the browser tests) carries the
// hooks of src/lib/client/test-hooks.ts and goes to build-test/; the production build has none.
const testHooks = process.env.STOOM_TEST_HOOKS === '1';

// SvelteKit 3 takes its configuration here: it refuses a svelte.config.js file.
export default defineConfig({
	define: { __STOOM_TEST_HOOKS__: JSON.stringify(testHooks) },
	plugins: [
		tailwindcss(),
		// Messages (messages/{locale}/*.json) compiled to tree-shaken functions in
		// src/lib/paraglide (generated, not committed). The language: the picker's cookie, else
		// the browser's (Accept-Language on the server, navigator.languages in the page), else English.
		paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['cookie', 'preferredLanguage', 'baseLocale'] }),
		sveltekit({
			adapter: adapter({ out: testHooks ? 'build-test' : 'build' }),
			compilerOptions: { runes: true },
			// SvelteKit adds nonces for its own inline scripts; hooks.server adds the LiveKit
			// server's origins to connect-src at run time (its URL is configuration).
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					// WebAssembly compiled from bytes (RNNoise in its AudioWorklet, MediaPipe's segmenter
					// for the background effects) needs exactly this;
					// it allows no eval of JavaScript.
					'script-src': ['self', 'wasm-unsafe-eval'],
					// Svelte sets style attributes (grid sizes, transitions).
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:', 'blob:'],
					'media-src': ['self', 'blob:'],
					'connect-src': ['self'],
					'worker-src': ['self', 'blob:'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	server: { host: '127.0.0.1' },
	test: {
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000,
		projects: [
			// infra/ holds the checks of the Docker path's own files (compose, coturn, secrets-check).
			{ extends: true, test: { name: 'unit', include: ['src/**/*.spec.ts', 'infra/**/*.spec.ts', 'bench/**/*.spec.ts'] } },
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.spec.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					// The specs share one PostgreSQL database: run files one at a time.
					fileParallelism: false
				}
			}
		]
	}
});
