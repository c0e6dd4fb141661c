import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages';
// MediaPipe Tasks' WebAssembly, in the version @livekit/track-processors loads (it pins
// @mediapipe/tasks-vision 0.10.14); the package's exports hide the folder, hence the paths.
import simdLoader from '/node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.js?url';
import simdBinary from '/node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.wasm?url';
import loader from '/node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_nosimd_internal.js?url';
import binary from '/node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_nosimd_internal.wasm?url';
import type { RequestHandler } from './$types';

const FILES: Record<string, string> = {
	'vision_wasm_internal.js': simdLoader,
	'vision_wasm_internal.wasm': simdBinary,
	'vision_wasm_nosimd_internal.js': loader,
	'vision_wasm_nosimd_internal.wasm': binary
};

/**
 * MediaPipe asks for its files by name in one folder (FilesetResolver); the build names them
 * by their content, served immutable from /_app: each name is sent on to its file.
 */
export const GET: RequestHandler = ({ params, setHeaders }) => {
	const file = FILES[params.file];
	if (!file) error(404, m.server_no_such_file());
	setHeaders({ 'cache-control': 'public, max-age=3600' });
	redirect(307, file);
};
