import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTION_PREFS, parseCaptionPrefs, transcriberStatus, type CaptionPrefs, type TranscriberStatus } from './captions-prefs';

describe('parseCaptionPrefs', () => {
	it.each<[string, string | null, CaptionPrefs]>([
		['nothing remembered: off, medium, at the bottom', null, DEFAULT_CAPTION_PREFS],
		['what was saved', '{"on":true,"size":"large","position":"top"}', { on: true, size: 'large', position: 'top' }],
		['only some: the rest defaults', '{"on":true}', { ...DEFAULT_CAPTION_PREFS, on: true }],
		['an unknown size or position', '{"on":true,"size":"huge","position":"left"}', { ...DEFAULT_CAPTION_PREFS, on: true }],
		['a wrong type', '{"on":"yes","size":3}', DEFAULT_CAPTION_PREFS],
		['malformed JSON', '{on', DEFAULT_CAPTION_PREFS],
		['JSON that is not an object', '"large"', DEFAULT_CAPTION_PREFS]
	])('%s', (_name, json, expected) => {
		expect(parseCaptionPrefs(json)).toEqual(expected);
	});
});

describe('transcriberStatus', () => {
	const agent = (status?: string): { attributes: Record<string, string> } => ({ attributes: status === undefined ? {} : { 'stoom.captions': status } });
	it.each<[string, ReturnType<typeof agent>[], TranscriberStatus | null]>([
		['no transcriber', [], null],
		['one that has not said yet', [agent()], null],
		['live', [agent('live')], 'live'],
		['behind', [agent('behind')], 'behind'],
		['unavailable', [agent('unavailable')], 'unavailable'],
		['a value it does not know', [agent('toString')], null],
		['during a handover the better one counts', [agent('unavailable'), agent('live')], 'live'],
		['behind beats unavailable', [agent('behind'), agent('unavailable')], 'behind']
	])('%s', (_name, agents, expected) => {
		expect(transcriberStatus(agents)).toBe(expected);
	});
});
