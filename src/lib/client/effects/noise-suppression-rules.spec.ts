import { describe, expect, it } from 'vitest';
import { NOISE_SUPPRESSOR_NAME, needsOwnContext, parseChoice, processorStep, storedChoice } from './noise-suppression-rules';

describe('parseChoice', () => {
	it.each([
		{ name: 'on by default (nothing stored)', stored: null, on: true },
		{ name: 'on when storage is unavailable', stored: undefined, on: true },
		{ name: 'off once turned off', stored: 'off', on: false },
		{ name: 'on once turned on again', stored: 'on', on: true },
		{ name: 'on for a value it does not know', stored: 'maybe', on: true }
	])('$name', ({ stored, on }) => {
		expect(parseChoice(stored)).toBe(on);
	});

	it.each([true, false])('reads back what it stored (%s)', (on) => {
		expect(parseChoice(storedChoice(on))).toBe(on);
	});
});

describe('processorStep', () => {
	it.each([
		{ name: 'adds it to a bare microphone', wanted: true, current: undefined, step: 'add' },
		{ name: 'keeps it when already on', wanted: true, current: NOISE_SUPPRESSOR_NAME, step: 'keep' },
		{ name: 'replaces another processor when wanted', wanted: true, current: 'krisp', step: 'add' },
		{ name: 'removes it when turned off', wanted: false, current: NOISE_SUPPRESSOR_NAME, step: 'remove' },
		{ name: 'leaves a bare microphone alone when off', wanted: false, current: undefined, step: 'keep' },
		{ name: 'never removes a processor that is not ours', wanted: false, current: 'krisp', step: 'keep' }
	])('$name', ({ wanted, current, step }) => {
		expect(processorStep(wanted, current)).toBe(step);
	});
});

describe('needsOwnContext', () => {
	it.each([
		{ sampleRate: 48_000, own: false },
		{ sampleRate: 44_100, own: true },
		{ sampleRate: 96_000, own: true },
		{ sampleRate: 16_000, own: true }
	])('$sampleRate Hz → own context: $own', ({ sampleRate, own }) => {
		expect(needsOwnContext(sampleRate)).toBe(own);
	});
});
