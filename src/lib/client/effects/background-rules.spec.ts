import { describe, expect, it } from 'vitest';
import {
	BACKGROUND_IMAGES,
	BACKGROUND_PROCESSOR_NAME,
	BLUR_RADIUS,
	fitWithin,
	OWN_IMAGE_MAX_BYTES,
	ownImageProblem,
	parseEffect,
	segmentationDelegate,
	processorMode,
	processorStep,
	sameEffect,
	storedEffect,
	type BackgroundEffect
} from './background-rules';

const images = { dusk: '/a/dusk.svg', lagoon: '/a/lagoon.svg', studio: '/a/studio.svg' };

describe('parseEffect', () => {
	it.each([
		{ name: 'none when nothing is stored', stored: null, effect: { kind: 'none' } },
		{ name: 'none when storage is unavailable', stored: undefined, effect: { kind: 'none' } },
		{ name: 'light blur', stored: 'blur:light', effect: { kind: 'blur', strength: 'light' } },
		{ name: 'strong blur', stored: 'blur:strong', effect: { kind: 'blur', strength: 'strong' } },
		{ name: 'a blur strength it does not know', stored: 'blur:max', effect: { kind: 'none' } },
		{ name: 'a shipped picture', stored: 'image:lagoon', effect: { kind: 'image', image: 'lagoon' } },
		{ name: 'a picture no longer shipped', stored: 'image:beach', effect: { kind: 'none' } },
		{ name: 'the own picture', stored: 'own', effect: { kind: 'own' } },
		{ name: 'anything else', stored: '{"kind":"blur"}', effect: { kind: 'none' } }
	])('$name', ({ stored, effect }) => {
		expect(parseEffect(stored)).toEqual(effect);
	});

	const every: BackgroundEffect[] = [
		{ kind: 'none' },
		{ kind: 'blur', strength: 'light' },
		{ kind: 'blur', strength: 'strong' },
		...BACKGROUND_IMAGES.map(({ id }) => ({ kind: 'image', image: id }) as const),
		{ kind: 'own' }
	];
	it.each(every)('reads back what it stored (%o)', (effect) => {
		expect(parseEffect(storedEffect(effect))).toEqual(effect);
		expect(sameEffect(parseEffect(storedEffect(effect)), effect)).toBe(true);
	});
});

describe('processorMode', () => {
	it.each([
		{ name: 'nothing to draw without an effect', effect: { kind: 'none' }, own: null, mode: { mode: 'disabled' } },
		{ name: 'a light blur', effect: { kind: 'blur', strength: 'light' }, own: null, mode: { mode: 'background-blur', blurRadius: BLUR_RADIUS.light } },
		{ name: 'a strong blur', effect: { kind: 'blur', strength: 'strong' }, own: null, mode: { mode: 'background-blur', blurRadius: BLUR_RADIUS.strong } },
		{ name: 'a shipped picture by its URL', effect: { kind: 'image', image: 'studio' }, own: null, mode: { mode: 'virtual-background', imagePath: '/a/studio.svg' } },
		{ name: 'the own picture', effect: { kind: 'own' }, own: 'data:image/jpeg;base64,AA', mode: { mode: 'virtual-background', imagePath: 'data:image/jpeg;base64,AA' } },
		{ name: 'nothing when the own picture is gone', effect: { kind: 'own' }, own: null, mode: { mode: 'disabled' } }
	] as const)('$name', ({ effect, own, mode }) => {
		expect(processorMode(effect, images, own)).toEqual(mode);
	});

	it('the strong blur is stronger than the light one', () => {
		expect(BLUR_RADIUS.strong).toBeGreaterThan(BLUR_RADIUS.light);
	});
});

describe('processorStep', () => {
	const blur = { mode: 'background-blur', blurRadius: 10 } as const;
	it.each([
		{ name: 'adds it to a bare camera', mode: blur, current: undefined, step: 'add' },
		{ name: 'switches ours in place', mode: blur, current: BACKGROUND_PROCESSOR_NAME, step: 'switch' },
		{ name: 'replaces a processor that is not ours', mode: blur, current: 'background-blur', step: 'add' },
		{ name: 'removes ours when turned off', mode: { mode: 'disabled' }, current: BACKGROUND_PROCESSOR_NAME, step: 'remove' },
		{ name: 'leaves a bare camera alone when off', mode: { mode: 'disabled' }, current: undefined, step: 'keep' },
		{ name: 'never removes a processor that is not ours', mode: { mode: 'disabled' }, current: 'other', step: 'keep' }
	] as const)('$name', ({ mode, current, step }) => {
		expect(processorStep(mode, current)).toBe(step);
	});
});

describe('ownImageProblem', () => {
	it.each([
		{ name: 'a photo', file: { type: 'image/jpeg', size: 3_000_000 }, problem: null },
		{ name: 'a picture at the limit', file: { type: 'image/png', size: OWN_IMAGE_MAX_BYTES }, problem: null },
		{ name: 'a picture over the limit, with both sizes', file: { type: 'image/png', size: 12 * 1024 * 1024 }, problem: 'That picture is 12.0 MB: choose one under 10.0 MB.' },
		{ name: 'not a picture', file: { type: 'application/pdf', size: 1000 }, problem: 'Choose a picture (JPEG, PNG, WebP…).' }
	])('$name', ({ file, problem }) => {
		expect(ownImageProblem(file)).toBe(problem);
	});
});

describe('fitWithin', () => {
	it.each([
		{ name: 'keeps a small picture as it is', w: 800, h: 600, size: { width: 800, height: 600 } },
		{ name: 'scales a wide one by its width', w: 4000, h: 3000, size: { width: 1280, height: 960 } },
		{ name: 'scales a tall one by its height', w: 3000, h: 6000, size: { width: 640, height: 1280 } },
		{ name: 'never to nothing', w: 100_000, h: 10, size: { width: 1280, height: 1 } }
	])('$name', ({ w, h, size }) => {
		expect(fitWithin(w, h)).toEqual(size);
	});
});

describe('segmentationDelegate', () => {
	it.each([
		{ renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', delegate: 'GPU' },
		{ renderer: 'Apple M2', delegate: 'GPU' },
		{ renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', delegate: 'CPU' },
		{ renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)', delegate: 'CPU' },
		{ renderer: null, delegate: 'GPU' }
	] as const)('$renderer → $delegate', ({ renderer, delegate }) => {
		expect(segmentationDelegate(renderer)).toBe(delegate);
	});
});
