import { m } from '#lib/paraglide/messages';

/** The pictures Stoom ships (src/lib/assets/backgrounds/<id>.svg), in the menu's order. */
export const BACKGROUND_IMAGES = [
	{ id: 'dusk', label: 'Dusk' },
	{ id: 'lagoon', label: 'Lagoon' },
	{ id: 'studio', label: 'Studio' }
] as const;
export type BackgroundImageId = (typeof BACKGROUND_IMAGES)[number]['id'];

/**
 * Blur radius (the Gaussian's sigma) in pixels of the frame; the library blurs a quarter-size
 * copy with a quarter of it, rounded down. Light is the library's default (LiveKit Meet's blur).
 */
export const BLUR_RADIUS = { light: 10, strong: 24 } as const;
export type BlurStrength = keyof typeof BLUR_RADIUS;

/** A camera's background, as chosen in the effects menu and remembered in this browser. */
export type BackgroundEffect =
	| { kind: 'none' }
	| { kind: 'blur'; strength: BlurStrength }
	| { kind: 'image'; image: BackgroundImageId }
	/** The person's own picture, kept in this browser (OWN_IMAGE_KEY). */
	| { kind: 'own' };

export const NO_EFFECT: BackgroundEffect = { kind: 'none' };

/** Where this browser remembers the effect, and the person's own picture (a JPEG data URL). */
export const BACKGROUND_EFFECT_KEY = 'stoom.backgroundEffect';
export const OWN_IMAGE_KEY = 'stoom.backgroundImage';

/** The name our processor goes by on a LiveKit track (its `name`). */
export const BACKGROUND_PROCESSOR_NAME = 'stoom-background';

/** A picture larger than this is refused before it is decoded; smaller ones are scaled down to OWN_IMAGE_MAX_SIDE. */
export const OWN_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/** The longest side kept: the camera sends 1280×720 at most, and a JPEG this size stays far below the storage's quota. */
export const OWN_IMAGE_MAX_SIDE = 1280;

export function parseEffect(stored: string | null | undefined): BackgroundEffect {
	const [kind, value] = (stored ?? '').split(':');
	if (kind === 'blur' && (value === 'light' || value === 'strong')) return { kind, strength: value };
	if (kind === 'image' && BACKGROUND_IMAGES.some((image) => image.id === value)) return { kind, image: value as BackgroundImageId };
	if (kind === 'own') return { kind };
	return NO_EFFECT;
}

export function storedEffect(effect: BackgroundEffect): string {
	switch (effect.kind) {
		case 'blur':
			return `blur:${effect.strength}`;
		case 'image':
			return `image:${effect.image}`;
		default:
			return effect.kind;
	}
}

export function sameEffect(a: BackgroundEffect, b: BackgroundEffect): boolean {
	return storedEffect(a) === storedEffect(b);
}

/** What the processor is told to do (track-processors' `switchTo` options); `disabled` when there is nothing to draw. */
export type ProcessorMode = { mode: 'disabled' } | { mode: 'background-blur'; blurRadius: number } | { mode: 'virtual-background'; imagePath: string };

export function processorMode(effect: BackgroundEffect, images: Record<BackgroundImageId, string>, ownImage: string | null): ProcessorMode {
	switch (effect.kind) {
		case 'blur':
			return { mode: 'background-blur', blurRadius: BLUR_RADIUS[effect.strength] };
		case 'image':
			return { mode: 'virtual-background', imagePath: images[effect.image] };
		case 'own':
			return ownImage ? { mode: 'virtual-background', imagePath: ownImage } : { mode: 'disabled' };
		default:
			return { mode: 'disabled' };
	}
}

/** What to do with a camera's processor so it draws `mode`. */
export function processorStep(mode: ProcessorMode, current: string | undefined): 'add' | 'switch' | 'remove' | 'keep' {
	const ours = current === BACKGROUND_PROCESSOR_NAME;
	if (mode.mode === 'disabled') return ours ? 'remove' : 'keep';
	return ours ? 'switch' : 'add';
}

/** Why a chosen file cannot be the background, or null when it can. */
export function ownImageProblem(file: { type: string; size: number }): string | null {
	if (!file.type.startsWith('image/')) return m.common_picture_not_image();
	if (file.size > OWN_IMAGE_MAX_BYTES) {
		const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
		return m.common_picture_too_big({ size: mb(file.size), max: mb(OWN_IMAGE_MAX_BYTES) });
	}
	return null;
}

/** The size a picture is kept at: its own, or scaled down so its longest side is `maxSide`. */
export function fitWithin(width: number, height: number, maxSide = OWN_IMAGE_MAX_SIDE): { width: number; height: number } {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Where MediaPipe runs the segmentation: on the GPU, unless WebGL itself runs on the CPU
 * (SwiftShader, llvmpipe: a machine without a usable GPU). There the GPU delegate is the CPU's
 * work in the GPU process, and uneven: on this machine a 640×360 frame took 11-13 ms median with
 * 200-350 ms stalls every few frames, against a steady 23 ms with the CPU delegate (XNNPACK).
 */
export function segmentationDelegate(webglRenderer: string | null): 'GPU' | 'CPU' {
	return webglRenderer && /swiftshader|llvmpipe|softpipe|software/i.test(webglRenderer) ? 'CPU' : 'GPU';
}
